// keyguard init in throwaway repositories, one per hook manager, with real commits refused and
// allowed. Plain git hooks run as git runs them; husky, lefthook and simple-git-hooks (dev
// dependencies of keyguard, linked into each repository's node_modules) install their hooks with
// their own install step, and git runs what they installed. The pre-commit framework is a Python
// tool: run for real when `python3 -m pre_commit` works on the machine, and otherwise its runner is
// simulated (the local hook's `entry` run as .git/hooks/pre-commit, which is what it executes).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { fakeKey } from "../helpers/keys.js";
import { expectNoKey, ROOT, tempRepo, type Repo } from "./helpers.js";

/** The pre-commit framework, when the machine has it (a Python package, not an npm one). */
const PRE_COMMIT = spawnSync("python3", ["-m", "pre_commit", "--version"], { encoding: "utf8" }).status === 0;
/**
 * lefthook's native binary, from its per-platform npm package (optional dependencies of this
 * repository for Linux and macOS; the \`lefthook\` wrapper package is not used, since its optional
 * dependencies name a platform package the registry may not hold, which breaks \`npm ci\`).
 */
const LEFTHOOK_NATIVE = `lefthook-${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
const LEFTHOOK_BIN = join(ROOT, "node_modules", LEFTHOOK_NATIVE, "bin", process.platform === "win32" ? "lefthook.exe" : "lefthook");

const HOOK = "node_modules/.bin/keyguard scan --staged";
const groq = fakeKey("groq", 41);
const read = (repo: Repo, name: string) => readFileSync(join(repo.dir, name), "utf8");

function hookScript(repo: Repo, path: string, body: string) {
  repo.write(path, `#!/bin/sh\n${body}\n`);
  chmodSync(join(repo.dir, path), 0o755);
}

/** A clean commit passes; a staged key and a staged .env are refused, with the key masked. */
function expectHookWorks(repo: Repo) {
  repo.write("app.ts", "export const key = process.env.GROQ_API_KEY;\n");
  repo.git("add", "app.ts", ".gitignore");
  const clean = repo.commit("clean");
  expect(clean.stderr + clean.stdout).not.toMatch(/refused/);
  expect(clean.status).toBe(0);

  repo.write("config/app.yaml", `groq:\n  token: ${groq}\n`);
  repo.git("add", "config/app.yaml");
  const leak = repo.commit("leak");
  expect(leak.status).not.toBe(0);
  const said = leak.stdout + leak.stderr;
  expect(said).toContain(`config/app.yaml:2:10: Groq API key ${mask(groq)}`);
  expectNoKey(said, [groq]);
  repo.git("rm", "-q", "--cached", "config/app.yaml");

  repo.write(".env", "GROQ_API_KEY=\n");
  repo.git("add", "-f", ".env");
  const env = repo.commit("env");
  expect(env.status).not.toBe(0);
  expect(env.stdout + env.stderr).toContain(".env: secret file staged");
  expect(repo.git("log", "--format=%s").stdout.trim()).toBe("clean");
}

describe("keyguard init: .gitignore", () => {
  it("adds the guide's missing entries, never duplicating or reordering, and is idempotent", () => {
    const repo = tempRepo();
    repo.write(".gitignore", "dist/\n*.pem\n# local\n.env");
    const first = repo.run("init");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(".gitignore: added .env.local, .env.production, *.key, config/secrets.yml");
    const text = read(repo, ".gitignore");
    expect(text).toBe(
      "dist/\n*.pem\n# local\n.env\n\n# keyguard: files that hold secrets (seed guide, Level 2)\n.env.local\n.env.production\n*.key\nconfig/secrets.yml\n",
    );
    const hook = read(repo, ".git/hooks/pre-commit");
    const again = repo.run("init");
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(".gitignore: already lists the guide's entries");
    expect(again.stdout).toContain("already runs keyguard scan --staged");
    expect(read(repo, ".gitignore")).toBe(text);
    expect(read(repo, ".git/hooks/pre-commit")).toBe(hook);
    // git itself now ignores every entry of the guide.
    for (const probe of [".env", ".env.local", ".env.production", "a.key", "a.pem", "config/secrets.yml"]) {
      expect(repo.git("check-ignore", "-q", probe).status, probe).toBe(0);
    }
  });

  it("--dry-run says what it would do and writes nothing", () => {
    const repo = tempRepo();
    const r = repo.run("init", "--dry-run");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--dry-run: nothing written");
    expect(r.stdout).toContain(".gitignore: would add .env, .env.local, .env.production, *.key, *.pem, config/secrets.yml");
    expect(r.stdout).toContain(`would install "${HOOK}"`);
    expect(repo.git("status", "--porcelain", "--ignored").stdout).toBe("");
    expect(() => statSync(join(repo.dir, ".git/hooks/pre-commit"))).toThrow();
  });

  it("prints the eslint line, or says the config has it", () => {
    const repo = tempRepo();
    expect(repo.run("init", "--dry-run").stdout).toContain('keyguard.configs.recommended,  // with: import keyguard from "eslint-plugin-keyguard";');
    repo.write("eslint.config.mjs", 'import keyguard from "eslint-plugin-keyguard";\nexport default [keyguard.configs.recommended];\n');
    expect(repo.run("init", "--dry-run").stdout).toContain("eslint: eslint.config.mjs already uses keyguard");
  });

  it("needs a git repository", () => {
    const r = tempRepo({ git: false }).run("init");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("init needs a git repository");
  });
});

describe("keyguard init: the pre-commit hook, per hook manager", () => {
  it("plain git: installs .git/hooks/pre-commit (real git hook)", () => {
    const repo = tempRepo();
    repo.installBin();
    const r = repo.run("init");
    expect(r.stdout).toContain(`pre-commit hook (plain git hook): .git/hooks/pre-commit: installed "${HOOK}"`);
    expect(statSync(join(repo.dir, ".git/hooks/pre-commit")).mode & 0o111).not.toBe(0);
    expectHookWorks(repo);
  }, 180_000);

  it("plain git: never clobbers an existing hook; says what to add (exit 1)", () => {
    const repo = tempRepo();
    hookScript(repo, ".git/hooks/pre-commit", "npm test");
    const r = repo.run("init");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`a hook exists and is left as it is; add this line to it: ${HOOK}`);
    expect(read(repo, ".git/hooks/pre-commit")).toBe("#!/bin/sh\nnpm test\n");
  });

  it("plain git: honours core.hooksPath", () => {
    const repo = tempRepo();
    repo.git("config", "core.hooksPath", "githooks");
    repo.run("init");
    expect(read(repo, "githooks/pre-commit")).toContain(HOOK);
  });

  it("husky: appends to .husky/pre-commit; husky's own install makes git run it", () => {
    const repo = tempRepo();
    repo.installBin();
    repo.linkPackage("husky");
    repo.write("package.json", '{\n  "name": "app",\n  "scripts": { "prepare": "husky" },\n  "devDependencies": { "husky": "9.1.7" }\n}\n');
    repo.write(".husky/pre-commit", "echo husky ran\n");
    const r = repo.run("init");
    expect(r.stdout).toContain(`pre-commit hook (husky): .husky/pre-commit: added "${HOOK}"`);
    expect(read(repo, ".husky/pre-commit")).toBe(`echo husky ran\n${HOOK}\n`);
    repo.run("init");
    expect(read(repo, ".husky/pre-commit")).toBe(`echo husky ran\n${HOOK}\n`);
    // husky's install step (the `prepare` script): core.hooksPath = .husky/_, whose hooks run .husky/<hook>.
    const install = repo.exec(process.execPath, "node_modules/husky/bin.js");
    expect(install.status, install.stderr).toBe(0);
    expect(repo.git("config", "core.hooksPath").stdout.trim()).toBe(".husky/_");
    expect(existsSync(join(repo.dir, ".husky/_/pre-commit"))).toBe(true);
    repo.git("add", "package.json", ".husky/pre-commit");
    expectHookWorks(repo);
  }, 180_000);

  it.skipIf(!existsSync(LEFTHOOK_BIN))("lefthook: adds a command under pre-commit.commands; lefthook install makes git run it", () => {
    const repo = tempRepo();
    repo.installBin();
    repo.write("lefthook.yml", "pre-commit:\n  parallel: true\n  commands:\n    lint:\n      run: echo lint\npre-push:\n  commands:\n    test:\n      run: npm test\n");
    const r = repo.run("init");
    expect(r.stdout).toContain("pre-commit hook (lefthook): lefthook.yml: added the command keyguard under pre-commit");
    const text = read(repo, "lefthook.yml");
    expect(text).toBe(
      `pre-commit:\n  parallel: true\n  commands:\n    keyguard:\n      run: ${HOOK}\n    lint:\n      run: echo lint\npre-push:\n  commands:\n    test:\n      run: npm test\n`,
    );
    repo.run("init");
    expect(read(repo, "lefthook.yml")).toBe(text);
    // lefthook's install step: .git/hooks/pre-commit calls lefthook, which runs the pre-commit section.
    const install = repo.exec(LEFTHOOK_BIN, "install");
    expect(install.status, install.stderr).toBe(0);
    expect(read(repo, ".git/hooks/pre-commit")).toContain("lefthook");
    repo.git("add", "lefthook.yml");
    expectHookWorks(repo);
  }, 180_000);

  it("lefthook: a file without a pre-commit section gets one", () => {
    const repo = tempRepo();
    repo.write(".lefthook.yml", "pre-push:\n  commands:\n    test:\n      run: npm test");
    repo.run("init");
    expect(read(repo, ".lefthook.yml")).toBe(
      `pre-push:\n  commands:\n    test:\n      run: npm test\npre-commit:\n  commands:\n    keyguard:\n      run: ${HOOK}\n`,
    );
  });

  it("simple-git-hooks: chains the command in package.json; npx simple-git-hooks makes git run it", () => {
    const repo = tempRepo();
    repo.installBin();
    repo.linkPackage("simple-git-hooks");
    repo.write("package.json", '{\n    "name": "app",\n    "simple-git-hooks": {\n        "pre-commit": "echo lint"\n    }\n}\n');
    const r = repo.run("init");
    expect(r.stdout).toContain('run "npx simple-git-hooks" to apply it');
    const pkg = read(repo, "package.json");
    expect(pkg).toBe(`{\n    "name": "app",\n    "simple-git-hooks": {\n        "pre-commit": "echo lint && ${HOOK}"\n    }\n}\n`);
    repo.run("init");
    expect(read(repo, "package.json")).toBe(pkg);
    // simple-git-hooks' install step: the configured command written to .git/hooks/pre-commit.
    const install = repo.exec(process.execPath, "node_modules/simple-git-hooks/cli.js");
    expect(install.status, install.stderr).toBe(0);
    expect(read(repo, ".git/hooks/pre-commit")).toContain(HOOK);
    repo.git("add", "package.json");
    expectHookWorks(repo);
  }, 180_000);

  it("pre-commit framework: adds a local hook to repos (its runner simulated where pre-commit is not installed)", () => {
    const repo = tempRepo();
    repo.installBin();
    repo.write(
      ".pre-commit-config.yaml",
      "repos:\n- repo: https://github.com/pre-commit/pre-commit-hooks\n  rev: v4.6.0\n  hooks:\n  - id: trailing-whitespace\n\nci:\n  autofix: false\n",
    );
    const r = repo.run("init");
    expect(r.stdout).toContain('.pre-commit-config.yaml: added a local hook "keyguard"');
    const text = read(repo, ".pre-commit-config.yaml");
    expect(text).toBe(
      "repos:\n- repo: https://github.com/pre-commit/pre-commit-hooks\n  rev: v4.6.0\n  hooks:\n  - id: trailing-whitespace\n" +
        `- repo: local\n  hooks:\n    - id: keyguard\n      name: keyguard scan --staged\n      entry: ${HOOK}\n      language: system\n      pass_filenames: false\n` +
        "\nci:\n  autofix: false\n",
    );
    repo.run("init");
    expect(read(repo, ".pre-commit-config.yaml")).toBe(text);
    // What `pre-commit run` does for a `language: system` hook with pass_filenames: false: run its
    // entry. Where pre-commit itself is installed, the next test runs the hook through it instead.
    if (PRE_COMMIT) return;
    const entry = /entry: (.*)$/m.exec(text.slice(text.indexOf("id: keyguard")))![1]!;
    hookScript(repo, ".git/hooks/pre-commit", `exec ${entry}`);
    expectHookWorks(repo);
  }, 180_000);

  it.skipIf(!PRE_COMMIT)("pre-commit framework: pre-commit install makes git run the local hook (python3 -m pre_commit)", () => {
    const repo = tempRepo();
    repo.installBin();
    repo.write(".pre-commit-config.yaml", "repos:\n");
    const r = repo.run("init");
    expect(r.stdout).toContain('.pre-commit-config.yaml: added a local hook "keyguard"');
    // pre-commit's install step (its cache: PRE_COMMIT_HOME, inside the throwaway repository).
    const install = repo.exec("python3", "-m", "pre_commit", "install");
    expect(install.status, install.stderr).toBe(0);
    expect(read(repo, ".git/hooks/pre-commit")).toContain("pre-commit");
    repo.git("add", ".pre-commit-config.yaml");
    expectHookWorks(repo);
  }, 180_000);
});
