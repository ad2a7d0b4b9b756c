/**
 * `keyguard init`: sets a repository up the way the seed guide's Level 2 says, idempotently: the
 * guide's `.gitignore` entries that are missing (appended, never duplicated or reordered), the
 * pre-commit hook `keyguard scan --staged` in whichever hook manager the repository uses, and the
 * line that turns the lint on. `--dry-run` says what it would change and changes nothing.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { git, workTreeRoot } from "./git.js";
import { GUIDE_GITIGNORE } from "./secret-files.js";
import { UsageError } from "./sources.js";

/**
 * What every installed hook runs: the command installed in the repository, by its path from the
 * work tree's root, where git and every hook manager run hooks. It fails closed when keyguard is
 * not installed (no such file), and starts in a third of the time `npx --no-install` takes (npm's
 * own start-up: about 0.7 s on every commit).
 */
export const HOOK_COMMAND = "node_modules/.bin/keyguard scan --staged";
/** How an installed hook is recognised (also by `keyguard check`). */
export const HOOK_MARK = "keyguard scan --staged";
export const ESLINT_LINE = 'keyguard.configs.recommended,  // with: import keyguard from "eslint-plugin-keyguard";';

export type HookManager = "husky" | "lefthook" | "simple-git-hooks" | "pre-commit" | "git";

export interface InitOptions {
  readonly cwd: string;
  readonly dryRun: boolean;
}

interface Step {
  readonly line: string;
  /** Something is left for the user to do. */
  readonly todo?: boolean;
}

const LEFTHOOK_FILES = ["lefthook.yml", ".lefthook.yml", "lefthook.yaml", ".lefthook.yaml"];
const SIMPLE_GIT_HOOKS_FILES = [".simple-git-hooks.json", "simple-git-hooks.json"];
const ESLINT_CONFIGS = ["eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", "eslint.config.ts", "eslint.config.mts", "eslint.config.cts"];

const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

function packageJson(root: string): Record<string, unknown> | undefined {
  const text = read(join(root, "package.json"));
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`package.json is not valid JSON: ${(error as Error).message}`);
  }
}

const hasDependency = (pkg: Record<string, unknown> | undefined, name: string) =>
  ["dependencies", "devDependencies"].some((k) => typeof pkg?.[k] === "object" && pkg[k] !== null && name in (pkg[k] as object));

/** The hook manager a repository uses, and the file that configures it. */
export function detectHookManager(root: string): { manager: HookManager; file: string } {
  const pkg = packageJson(root);
  if (existsSync(join(root, ".husky")) || hasDependency(pkg, "husky")) return { manager: "husky", file: join(root, ".husky", "pre-commit") };
  const lefthook = LEFTHOOK_FILES.find((f) => existsSync(join(root, f)));
  if (lefthook) return { manager: "lefthook", file: join(root, lefthook) };
  const sgh = SIMPLE_GIT_HOOKS_FILES.find((f) => existsSync(join(root, f)));
  if (sgh) return { manager: "simple-git-hooks", file: join(root, sgh) };
  if (pkg && ("simple-git-hooks" in pkg || hasDependency(pkg, "simple-git-hooks"))) {
    return { manager: "simple-git-hooks", file: join(root, "package.json") };
  }
  if (existsSync(join(root, ".pre-commit-config.yaml"))) return { manager: "pre-commit", file: join(root, ".pre-commit-config.yaml") };
  return { manager: "git", file: resolve(root, git(root, ["rev-parse", "--git-path", "hooks/pre-commit"]).trim()) };
}

/** `.gitignore` with the guide's missing entries appended; `undefined` when none is missing. */
export function withGuideEntries(existing: string): { text: string; added: string[] } | undefined {
  const present = new Set(existing.split(/\r?\n/).map((l) => l.trim()));
  const added = GUIDE_GITIGNORE.filter((e) => !present.has(e));
  if (added.length === 0) return undefined;
  const header = "# keyguard: files that hold secrets (seed guide, Level 2)";
  let text = existing;
  if (text.length > 0 && !text.endsWith("\n")) text += "\n";
  if (!present.has(header)) text += `${text.length > 0 ? "\n" : ""}${header}\n`;
  text += `${added.join("\n")}\n`;
  return { text, added };
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0];
const isTopLevel = (line: string) => line.length > 0 && !/^[\s#]/.test(line);

/** lefthook.yml with a `keyguard` command under `pre-commit.commands`; `undefined` when the file's layout is not one it can edit safely. */
export function lefthookWithCommand(text: string): string | undefined {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => /^pre-commit:\s*(#.*)?$/.test(l));
  if (at < 0) {
    const sep = text.length === 0 || text.endsWith("\n") ? "" : "\n";
    return `${text}${sep}pre-commit:\n  commands:\n    keyguard:\n      run: ${HOOK_COMMAND}\n`;
  }
  let end = at + 1;
  while (end < lines.length && !isTopLevel(lines[end]!)) end++;
  const block = lines.slice(at + 1, end);
  const firstChild = block.find((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  const unit = firstChild ? indentOf(firstChild) : "  ";
  if (unit === "") return undefined;
  const commands = block.findIndex((l) => l.startsWith(`${unit}commands:`) && /^\s*(#.*)?$/.test(l.slice(unit.length + "commands:".length)));
  const insert =
    commands >= 0
      ? [`${unit}${unit}keyguard:`, `${unit}${unit}${unit}run: ${HOOK_COMMAND}`]
      : [`${unit}commands:`, `${unit}${unit}keyguard:`, `${unit}${unit}${unit}run: ${HOOK_COMMAND}`];
  const where = commands >= 0 ? at + 1 + commands + 1 : at + 1;
  lines.splice(where, 0, ...insert);
  return lines.join("\n");
}

/** .pre-commit-config.yaml with a local hook running the command appended to `repos`. */
export function preCommitWithHook(text: string): string | undefined {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => /^repos:\s*(#.*)?$/.test(l));
  const block = (indent: string) => [
    `${indent}- repo: local`,
    `${indent}  hooks:`,
    `${indent}    - id: keyguard`,
    `${indent}      name: keyguard scan --staged`,
    `${indent}      entry: ${HOOK_COMMAND}`,
    `${indent}      language: system`,
    `${indent}      pass_filenames: false`,
  ];
  if (at < 0) {
    if (/^repos:/m.test(text)) return undefined; // `repos: []` or a flow list: not edited blindly
    const sep = text.length === 0 || text.endsWith("\n") ? "" : "\n";
    return `${text}${sep}repos:\n${block("  ").join("\n")}\n`;
  }
  let end = at + 1;
  // A block sequence may sit at column 0 (`- repo:` right under `repos:`).
  while (end < lines.length && (!isTopLevel(lines[end]!) || lines[end]!.startsWith("-"))) end++;
  const item = lines.slice(at + 1, end).find((l) => /^\s*- /.test(l));
  const indent = item ? indentOf(item) : "  ";
  // Insert after the last non-blank line of the block.
  let last = end;
  while (last > at + 1 && lines[last - 1]!.trim() === "") last--;
  lines.splice(last, 0, ...block(indent));
  return lines.join("\n");
}

/** The simple-git-hooks config with the command added to its `pre-commit`. */
export function simpleGitHooksWithCommand(text: string, inPackageJson: boolean): string {
  const data = JSON.parse(text) as Record<string, unknown>;
  const config = (inPackageJson ? ((data["simple-git-hooks"] ??= {}) as Record<string, unknown>) : data) as Record<string, string>;
  const existing = config["pre-commit"];
  config["pre-commit"] = existing && existing.trim() !== "" ? `${existing} && ${HOOK_COMMAND}` : HOOK_COMMAND;
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  return `${JSON.stringify(data, null, indent)}${text.endsWith("\n") ? "\n" : ""}`;
}

export function runInit(o: InitOptions): { output: string; exitCode: number } {
  const root = workTreeRoot(o.cwd);
  if (root === undefined) throw new UsageError(`init needs a git repository, and ${o.cwd} is not in one (git init first)`);
  const steps: Step[] = [];
  const would = o.dryRun ? "would add" : "added";
  const rel = (path: string) => relative(root, path).split("\\").join("/");
  const write = (path: string, text: string, executable = false) => {
    if (o.dryRun) return;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    if (executable) chmodSync(path, 0o755);
  };

  // 1. .gitignore
  const gitignore = join(root, ".gitignore");
  const updated = withGuideEntries(read(gitignore) ?? "");
  if (updated) {
    write(gitignore, updated.text);
    steps.push({ line: `.gitignore: ${would} ${updated.added.join(", ")}` });
  } else {
    steps.push({ line: ".gitignore: already lists the guide's entries (.env, .env.local, .env.production, *.key, *.pem, config/secrets.yml)" });
  }

  // 2. the pre-commit hook
  const { manager, file } = detectHookManager(root);
  const current = read(file);
  const label = `pre-commit hook (${manager === "git" ? "plain git hook" : manager}): ${rel(file)}`;
  if (current !== undefined && current.includes(HOOK_MARK)) {
    steps.push({ line: `${label}: already runs ${HOOK_MARK}` });
  } else if (manager === "husky") {
    const text = current === undefined ? `${HOOK_COMMAND}\n` : `${current}${current.endsWith("\n") || current === "" ? "" : "\n"}${HOOK_COMMAND}\n`;
    write(file, text, true);
    steps.push({ line: `${label}: ${would} "${HOOK_COMMAND}"` });
  } else if (manager === "lefthook") {
    const text = lefthookWithCommand(current ?? "");
    if (text === undefined) {
      steps.push({ line: `${label}: cannot edit its pre-commit section safely; add a command that runs "${HOOK_COMMAND}"`, todo: true });
    } else {
      write(file, text);
      steps.push({ line: `${label}: ${would} the command keyguard under pre-commit (run "npx lefthook install" if hooks are not installed yet)` });
    }
  } else if (manager === "simple-git-hooks") {
    write(file, simpleGitHooksWithCommand(current ?? "{}", file.endsWith("package.json")));
    steps.push({ line: `${label}: ${would} "${HOOK_COMMAND}" to pre-commit; run "npx simple-git-hooks" to apply it to .git/hooks` });
  } else if (manager === "pre-commit") {
    const text = preCommitWithHook(current ?? "");
    if (text === undefined) {
      steps.push({ line: `${label}: cannot edit its repos list safely; add a local hook with entry "${HOOK_COMMAND}"`, todo: true });
    } else {
      write(file, text);
      steps.push({ line: `${label}: ${would} a local hook "keyguard" (run "pre-commit install" if hooks are not installed yet)` });
    }
  } else if (current !== undefined) {
    steps.push({ line: `${label}: a hook exists and is left as it is; add this line to it: ${HOOK_COMMAND}`, todo: true });
  } else {
    write(file, `#!/bin/sh\n# Refuses commits that stage secret files or keys (installed by keyguard init).\nexec ${HOOK_COMMAND}\n`, true);
    steps.push({ line: `${label}: ${o.dryRun ? "would install" : "installed"} "${HOOK_COMMAND}"` });
  }

  // 3. the lint
  const config = ESLINT_CONFIGS.find((f) => existsSync(join(root, f)));
  const configText = config ? read(join(root, config))! : undefined;
  if (configText?.includes("keyguard")) steps.push({ line: `eslint: ${config} already uses keyguard` });
  else steps.push({ line: `eslint: add this line to the array exported by ${config ?? "eslint.config.js"}:\n    ${ESLINT_LINE}` });

  const todo = steps.some((s) => s.todo);
  const head = `keyguard init${o.dryRun ? " --dry-run: nothing written" : ""} in ${root}`;
  return { output: `${head}\n${steps.map((s) => `  ${s.todo ? "!" : "-"} ${s.line}`).join("\n")}\n`, exitCode: todo ? 1 : 0 };
}

/** Whether `path` is an executable file (a hook git would run). */
export function isExecutable(path: string): boolean {
  try {
    return (statSync(path).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}
