/**
 * `keyguard check`: the seed guide's security checklist evaluated on a repository. Each line is
 * ✅ (done), ⚠️ (not found, or advice) or ❌ (a problem found), with its evidence and its fix.
 * Values are compared by hash and never printed; keys appear masked only.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { PROVIDERS, isPlaceholder } from "../detect/index.js";
import { checkKeyAge, DEFAULT_MAX_KEY_AGE_DAYS, fileRotationState, fileSecretStore, type KeyAge } from "../secret/rotation.js";
import { readTextFile } from "./files.js";
import { git, gitOk, splitZ, workTreeRoot } from "./git.js";
import { detectHookManager, HOOK_MARK, isExecutable } from "./init.js";
import { advice } from "./report.js";
import { runScan } from "./scan.js";
import { GUIDE_GITIGNORE, isTemplate, secretFileReason } from "./secret-files.js";
import { gitFiles, UsageError, walk } from "./sources.js";

export const CHECK_FAIL_LEVELS = ["error", "warning", "never"] as const;
export type FailLevel = (typeof CHECK_FAIL_LEVELS)[number];
export type Status = "pass" | "warn" | "fail";
export type Level = "Critical" | "Important" | "Best practice";

export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly level: Level;
  readonly status: Status;
  readonly evidence: readonly string[];
  readonly fix?: string;
  /** Advice only: nothing in a repository can show it done; never fails the command. */
  readonly advice?: boolean;
}

export interface CheckOptions {
  readonly cwd: string;
  readonly json: boolean;
  readonly failOn: FailLevel;
  /** Secret files whose age to check (`--key-file`); default: those the code reads, when they are on this machine. */
  readonly keyFiles?: readonly string[];
  /** Rotation state files (`--rotation-state`, written by `fileRotationState`); default: `*.rotation.json` on disk. */
  readonly rotationStates?: readonly string[];
  /** Days after which a key is due for rotation (`--max-key-age`); default 90. */
  readonly maxKeyAgeDays?: number;
}

const SYMBOL: Record<Status, string> = { pass: "✅", warn: "⚠️", fail: "❌" };
const MAX_EVIDENCE = 5;
const READ_LIMIT = 1024 * 1024;

/** Third-party code a repository may track (a committed node_modules/): not the project's own code. */
const VENDORED = /(^|\/)(node_modules|bower_components|vendor)\//;
/** Test, example, fixture and documentation files. */
const TEST_OR_DOCS = /(^|\/)(tests?|__tests__|__mocks__|spec|specs|examples?|fixtures?|docs?|bench|benchmarks?)\/|\.(test|spec)\.[cm]?[jt]sx?$/;

/** Tests, examples, docs and vendored code are not production code. */
function notProduction(file: string): boolean {
  return TEST_OR_DOCS.test(file) || VENDORED.test(file);
}

/** Literal mentions that show secrets come from a secret manager or secret files, by kind. */
const SECRET_SOURCES: readonly (readonly [string, string])[] = [
  ["secretFromEnv(", "keyguard loader"],
  ["secretFromFile(", "keyguard loader (secret file)"],
  ["secretFromCredential(", "keyguard loader (systemd credential)"],
  ["defineSecretSource(", "keyguard secret source"],
  ["awsSecretsManagerSource(", "keyguard AWS Secrets Manager source"],
  ["@aws-sdk/client-secrets-manager", "AWS Secrets Manager SDK"],
  ["GetSecretValueCommand", "AWS Secrets Manager SDK"],
  ["get_secret_value(", "AWS Secrets Manager (boto3)"],
  ["node-vault", "HashiCorp Vault client"],
  ["hashi-vault", "HashiCorp Vault client"],
  ["@google-cloud/secret-manager", "Google Secret Manager SDK"],
  ["accessSecretVersion(", "Google Secret Manager SDK"],
  ["@azure/keyvault-secrets", "Azure Key Vault SDK"],
  ["@1password/sdk", "1Password SDK"],
  ["/run/secrets/", "Docker/Compose secret file"],
  ["_FILE=", "secret file path variable"],
];

const ROTATION: readonly (readonly [string, string])[] = [
  ["rotateKey(", "keyguard rotation job"],
  ["rotatingSecret(", "keyguard rotating secret"],
  ["RotateSecretCommand", "AWS Secrets Manager rotation"],
  ["aws_secretsmanager_secret_rotation", "AWS Secrets Manager rotation (Terraform)"],
  ["RotationRules", "AWS Secrets Manager rotation schedule"],
  ["rotation_rules", "AWS Secrets Manager rotation schedule"],
];

const LEAK_CHECKERS = [HOOK_MARK, "gitleaks", "secretlint", "detect-secrets", "trufflehog", "ggshield"];

/** Usage monitoring each provider offers (the monitoring line's advice), by the env var that names it. */
const MONITORING: Readonly<Record<string, string>> = {
  OPENAI_API_KEY: "OpenAI: per-project usage dashboard, budgets and usage alerts, per-key rate limits (platform.openai.com → Usage / Limits)",
  ANTHROPIC_API_KEY: "Anthropic: usage and cost reports per workspace and key, workspace spend limits (console.anthropic.com → Usage)",
  GEMINI_API_KEY: "Google: Cloud Billing budgets and alerts and per-key quotas on the project (console.cloud.google.com → Billing)",
  GOOGLE_API_KEY: "Google: Cloud Billing budgets and alerts and per-key quotas on the project (console.cloud.google.com → Billing)",
  GROQ_API_KEY: "Groq: usage and spend per key in the console (console.groq.com → Usage)",
  IZZI_API_KEY: "Izzi API: per-key usage in the dashboard (Dashboard → Usage)",
  OPENROUTER_API_KEY: "OpenRouter: per-key credit limits and activity log (openrouter.ai → Keys / Activity)",
  MISTRAL_API_KEY: "Mistral: usage per workspace and budget limits (console.mistral.ai → Usage)",
};

function matchLines(text: string, needles: readonly (readonly [string, string])[]): { line: number; what: string }[] {
  const hits: { line: number; what: string }[] = [];
  for (const [needle, what] of needles) {
    const at = text.indexOf(needle);
    if (at >= 0) hits.push({ line: text.slice(0, at).split("\n").length, what });
  }
  return hits;
}

interface RepoFiles {
  readonly root: string;
  /** Tracked and new non-ignored files, relative to the root. */
  readonly known: readonly string[];
  readonly text: (file: string) => string | undefined;
}

function repoFiles(root: string): RepoFiles {
  const cache = new Map<string, string | undefined>();
  return {
    root,
    known: gitFiles(root),
    text(file) {
      if (!cache.has(file)) {
        const r = readTextFile(join(root, file), READ_LIMIT);
        cache.set(file, "text" in r ? r.text : undefined);
      }
      return cache.get(file);
    },
  };
}

function searchProduction(repo: RepoFiles, needles: readonly (readonly [string, string])[]): string[] {
  const evidence: string[] = [];
  const first = needles.map(([n]) => n[0]!);
  for (const file of repo.known) {
    if (notProduction(file) || secretFileReason(file)) continue;
    const text = repo.text(file);
    if (text === undefined || !first.some((c) => text.includes(c))) continue;
    for (const hit of matchLines(text, needles)) evidence.push(`${file}:${hit.line}: ${hit.what}`);
  }
  return evidence;
}

async function checkHardcoded(root: string): Promise<CheckResult> {
  const { report } = await runScan({ cwd: root, paths: [], staged: false, history: false, format: "json", updateBaseline: false });
  const base = { id: "no-hardcoded-keys", title: "No hardcoded keys in source code", level: "Critical" as const };
  if (report.findings.length === 0) {
    return { ...base, status: "pass", evidence: [`keyguard scan: no keys in ${report.scanned} files`] };
  }
  return {
    ...base,
    status: "fail",
    evidence: [
      `keyguard scan: ${report.findings.length} keys in ${new Set(report.findings.map((f) => f.file)).size} files`,
      ...report.findings.slice(0, MAX_EVIDENCE).map((f) => `${f.file}:${f.line}:${f.column}: ${f.providerName} ${f.masked}${advice(f)}`),
    ],
    fix: "Revoke each key at its provider if it was ever committed or shared (a key in the history stays there), load the new one from the environment or a secret manager, and run keyguard scan --history to find older copies.",
  };
}

function checkEnvIgnored(repo: RepoFiles): CheckResult {
  const base = { id: "env-ignored", title: ".env files in .gitignore", level: "Critical" as const };
  const probe = (entry: string) => entry.replace(/^\*/, "keyguard-probe");
  const notIgnored = GUIDE_GITIGNORE.filter((e) => !gitOk(repo.root, ["check-ignore", "-q", "--no-index", "--", probe(e)]));
  const tracked = splitZ(git(repo.root, ["ls-files", "-z"])).filter((f) => secretFileReason(f) !== undefined);
  // Secret files on disk that `git add .` would stage (.env.development is not in the guide's list).
  const exposed = splitZ(git(repo.root, ["ls-files", "-z", "--others", "--exclude-standard"])).filter((f) => secretFileReason(f) !== undefined);
  const evidence: string[] = [];
  if (notIgnored.length > 0) evidence.push(`not ignored (git check-ignore): ${notIgnored.join(", ")}`);
  if (exposed.length > 0) evidence.push(`on disk and not ignored (git add . would stage them): ${exposed.slice(0, MAX_EVIDENCE).join(", ")}`);
  for (const f of tracked.slice(0, MAX_EVIDENCE)) evidence.push(`tracked secret file: ${f} (${secretFileReason(f)})`);
  if (tracked.length > MAX_EVIDENCE) evidence.push(`…and ${tracked.length - MAX_EVIDENCE} more tracked secret files`);
  if (evidence.length === 0) {
    return { ...base, status: "pass", evidence: [`git check-ignore ignores ${GUIDE_GITIGNORE.join(", ")}; no secret file is tracked`] };
  }
  const fixes = [];
  if (notIgnored.length > 0) fixes.push("run keyguard init (adds the missing .gitignore entries)");
  if (exposed.length > 0) fixes.push(`add ${exposed.join(", ")} to .gitignore (or .env.* with !.env.example)`);
  if (tracked.length > 0) fixes.push("git rm --cached each tracked secret file, and revoke the keys it held (they stay in the history)");
  return { ...base, status: "fail", evidence, fix: `${fixes.join("; ")}.` };
}

function checkPreCommit(repo: RepoFiles): CheckResult {
  const base = { id: "pre-commit-hook", title: "Pre-commit hook for leak detection", level: "Important" as const };
  const { manager, file } = detectHookManager(repo.root);
  const candidates = [file, join(repo.root, git(repo.root, ["rev-parse", "--git-path", "hooks/pre-commit"]).trim())];
  for (const path of [...new Set(candidates)]) {
    const text = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    const checker = text === undefined ? undefined : LEAK_CHECKERS.find((c) => text.includes(c));
    if (checker === undefined) continue;
    const where = relative(repo.root, path).split("\\").join("/");
    const gitHook = path !== file || manager === "git";
    if (gitHook && !isExecutable(path)) {
      return { ...base, status: "fail", evidence: [`${where} runs ${checker} but is not executable: git skips it`], fix: `chmod +x ${where}` };
    }
    return { ...base, status: "pass", evidence: [`${where} (${manager === "git" || gitHook ? "git hook" : manager}) runs ${checker}`] };
  }
  return {
    ...base,
    status: "fail",
    evidence: [`no pre-commit leak check found (hook manager: ${manager === "git" ? "none, plain git hooks" : manager})`],
    fix: "run keyguard init (installs keyguard scan --staged as the pre-commit hook)",
  };
}

function checkSecretManager(repo: RepoFiles): CheckResult {
  const base = { id: "secret-manager", title: "Secret manager in production", level: "Important" as const };
  const evidence = searchProduction(repo, SECRET_SOURCES);
  if (evidence.length > 0) {
    return { ...base, status: "pass", evidence: evidence.slice(0, MAX_EVIDENCE) };
  }
  return {
    ...base,
    status: "warn",
    evidence: ["no secret manager, secret file or keyguard loader found in production code (tests, examples and docs not counted)"],
    fix: "load keys through keyguard/secret (secretFromFile for Docker/Kubernetes secret files, awsSecretsManagerSource, defineSecretSource for Vault and others).",
  };
}

function checkRotation(repo: RepoFiles): CheckResult {
  const base = { id: "rotation", title: "Key rotation every 90 days", level: "Best practice" as const };
  const evidence = searchProduction(repo, ROTATION);
  if (evidence.length > 0) return { ...base, status: "pass", evidence: evidence.slice(0, MAX_EVIDENCE) };
  return {
    ...base,
    status: "warn",
    evidence: ["no rotation job (rotateKey, a secret manager rotation schedule) or rotatingSecret found"],
    fix: "schedule a rotation job (keyguard/secret rotateKey: create, store, verify, then revoke) and read keys through rotatingSecret so that a new key is used without a redeploy.",
  };
}

/**
 * A secret file the code reads or rotates, named by a string literal of path characters:
 * `secretFromFile("/run/secrets/openai")` (not a template with `${…}`, not code that mentions the name).
 */
const KEY_FILE_CALL = /(?:secretFromFile|fileSecretStore)\(["'`]([\w./\\:~@+-]+)["'`]/g;
const ROTATION_STATE_SUFFIX = ".rotation.json";

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * The secret files and rotation states the key-age line looks at: the ones given, or else the
 * secret files that production code names in `secretFromFile(…)` / `fileSecretStore(…)` and that
 * exist on this machine, and the `*.rotation.json` files in the tree (whose secret file is the name
 * without the suffix, as `fileSecretStore` keeps them).
 */
function keyAgeTargets(repo: RepoFiles, disk: readonly string[], o: CheckOptions) {
  const keyFiles = new Set<string>();
  const states = new Set<string>();
  const named: string[] = [];
  const given = o.keyFiles !== undefined || o.rotationStates !== undefined;
  for (const f of o.keyFiles ?? []) {
    const path = resolve(o.cwd, f);
    if (!isFile(path)) throw new UsageError(`--key-file ${f}: no such file`);
    keyFiles.add(path);
  }
  for (const f of o.rotationStates ?? []) states.add(resolve(o.cwd, f));
  if (!given) {
    for (const file of repo.known) {
      if (notProduction(file) || secretFileReason(file)) continue;
      const text = repo.text(file);
      if (text === undefined || !(text.includes("secretFromFile(") || text.includes("fileSecretStore("))) continue;
      for (const m of text.matchAll(KEY_FILE_CALL)) {
        const path = isAbsolute(m[1]!) ? m[1]! : resolve(repo.root, m[1]!);
        if (isFile(path)) keyFiles.add(path);
        else named.push(m[1]!);
      }
    }
    for (const file of disk) if (file.endsWith(ROTATION_STATE_SUFFIX)) states.add(join(repo.root, file));
  }
  for (const state of states) {
    const keyFile = state.endsWith(ROTATION_STATE_SUFFIX) ? state.slice(0, -ROTATION_STATE_SUFFIX.length) : undefined;
    if (keyFile !== undefined && isFile(keyFile)) keyFiles.add(keyFile);
  }
  for (const keyFile of keyFiles) {
    const state = keyFile + ROTATION_STATE_SUFFIX;
    if (isFile(state)) states.add(state);
  }
  return { keyFiles: [...keyFiles], states: [...states], named: [...new Set(named)] };
}

async function checkKeyAges(repo: RepoFiles, disk: readonly string[], o: CheckOptions): Promise<CheckResult> {
  const maxAgeDays = o.maxKeyAgeDays ?? DEFAULT_MAX_KEY_AGE_DAYS;
  const base = { id: "key-age", title: `Key age (rotation due after ${maxAgeDays} days)`, level: "Best practice" as const };
  const shown = (path: string) => {
    const rel = relative(repo.root, path);
    return rel.startsWith("..") || isAbsolute(rel) ? path : rel.split("\\").join("/");
  };
  const { keyFiles, states, named } = keyAgeTargets(repo, disk, o);
  const ages: KeyAge[] = [];
  for (const path of keyFiles) {
    // The age of a secret file is its modification time, as fileSecretStore's metadata gives it.
    const store = fileSecretStore(path);
    ages.push(await checkKeyAge({ name: `file ${shown(path)}`, metadata: store.metadata!.bind(store) }, { maxAgeDays }));
  }
  const unfinished: string[] = [];
  for (const path of states) {
    if (!isFile(path)) continue;
    try {
      const state = await fileRotationState(path).load();
      if (state === undefined) continue;
      const since = typeof state.startedAt === "string" ? `, started ${state.startedAt}` : "";
      unfinished.push(`${shown(path)}: a rotation is unfinished (last step completed: ${String(state.step)}${since}); run the rotation job again to resume it`);
    } catch (error) {
      unfinished.push(`${shown(path)}: ${(error as Error).message}; a rotation state file is written by fileRotationState`);
    }
  }
  const evidence = [...ages.map((a) => a.message), ...unfinished];
  if (evidence.length === 0) {
    const where = named.length > 0 ? ` (the code reads ${named.slice(0, MAX_EVIDENCE).join(", ")}, not on this machine)` : "";
    return {
      ...base,
      status: "warn",
      advice: true,
      evidence: [`no secret file or rotation state to date here${where}`],
      fix: "run keyguard check where the secret files are, or pass --key-file <path> / --rotation-state <file>; for a secret manager, call checkKeyAge(store) from keyguard/secret in the rotation job.",
    };
  }
  const due = ages.filter((a) => a.status === "due");
  if (due.length > 0) {
    return {
      ...base,
      status: "fail",
      evidence,
      fix: "rotate each key that is due: a rotation job (keyguard/secret rotateKey: create, store, verify, then revoke), or a new key written to the file and the old one revoked at its provider.",
    };
  }
  if (unfinished.length > 0 || ages.some((a) => a.status === "unknown")) {
    return { ...base, status: "warn", evidence, fix: "finish the rotation (run the job again: it resumes from the state file) and keep a date for every key." };
  }
  return { ...base, status: "pass", evidence };
}

/** `development`, `production`... from a name part (`prod`, `.env.production.local`); `undefined` for none. */
const ENVIRONMENTS: Readonly<Record<string, string>> = {
  development: "development", dev: "development", production: "production", prod: "production", staging: "staging",
  stage: "staging", test: "test", testing: "test", qa: "qa", preview: "preview", uat: "uat",
};

function environmentOf(parts: readonly string[]): string | undefined {
  for (const p of parts) {
    const env = ENVIRONMENTS[p.toLowerCase()];
    if (env) return env;
  }
  return undefined;
}

const SECRET_NAME = /key|token|secret|passw|credential|private/i;
const ENV_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=(.*)$/;

function envValue(raw: string): string {
  const v = raw.trim();
  const q = v[0];
  if ((q === '"' || q === "'") && v.length >= 2) {
    const close = v.indexOf(q, 1);
    return close > 0 ? v.slice(1, close) : v.slice(1);
  }
  const hash = v.search(/[ \t]#/);
  return (hash >= 0 ? v.slice(0, hash) : v).trim();
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Files on disk, ignored ones included (.env files are, rightly, not in git), relative to the root. */
const diskFiles = (root: string) => walk(root).map((p) => relative(root, p).split("\\").join("/"));

const isEnvFile = (file: string) => /(^|\/)\.env(\.[^/]*)?$/.test(file) && !isTemplate(file);

function checkSeparateKeys(root: string, files: readonly string[]): CheckResult {
  const base = { id: "separate-keys", title: "Separate keys per environment", level: "Best practice" as const };
  const values = new Map<string, { env: string; where: string }[]>();
  const add = (hash: string, env: string, where: string) => {
    const list = values.get(hash) ?? [];
    list.push({ env, where });
    values.set(hash, list);
  };
  const environments = new Set<string>();
  for (const file of files) {
    if (isTemplate(file)) continue;
    const name = file.slice(file.lastIndexOf("/") + 1);
    const parts = file.split(/[/._-]/);
    if (name.startsWith(".env.")) {
      const env = environmentOf(name.split(".").slice(2));
      if (!env) continue;
      const read = readTextFile(join(root, file), READ_LIMIT);
      if (!("text" in read)) continue;
      environments.add(env);
      for (const line of read.text.split(/\r?\n/)) {
        const m = ENV_LINE.exec(line);
        if (!m) continue;
        const value = envValue(m[2]!);
        if (value.length < 8 || !SECRET_NAME.test(m[1]!) || isPlaceholder(value)) continue;
        add(sha256(value), env, `${m[1]} in ${file}`);
      }
    } else if (parts.some((p) => p.toLowerCase() === "secrets")) {
      const env = environmentOf(parts);
      if (!env) continue;
      const read = readTextFile(join(root, file), READ_LIMIT);
      if (!("text" in read)) continue;
      const value = read.text.trim();
      if (value.length < 8 || isPlaceholder(value)) continue;
      environments.add(env);
      add(sha256(value), env, file);
    }
  }
  const shared = [...values.values()].filter((list) => new Set(list.map((x) => x.env)).size > 1);
  if (shared.length > 0) {
    return {
      ...base,
      status: "fail",
      evidence: shared
        .slice(0, MAX_EVIDENCE)
        .map((list) => `${list.map((x) => x.where).join(" and ")} hold the same value (compared by SHA-256; not shown)`),
      fix: "create one key per environment at the provider (separate projects or workspaces), so that a leaked development key cannot spend production's budget.",
    };
  }
  if (environments.size < 2) {
    return {
      ...base,
      status: "warn",
      evidence: [`found ${environments.size === 0 ? "no" : "one"} environment's .env file or secret files to compare (.env.development, .env.production, secrets/<environment>/…)`],
      fix: "use one key per environment; keyguard check compares the environments' .env files and secret files when they exist.",
    };
  }
  return { ...base, status: "pass", evidence: [`no value shared between ${[...environments].sort().join(", ")} (compared by hash)`] };
}

function checkMonitoring(repo: RepoFiles, disk: readonly string[]): CheckResult {
  const used = new Set<string>();
  const names = [...new Set(PROVIDERS.map((p) => p.envVar))];
  for (const file of new Set([...repo.known, ...disk.filter(isEnvFile)])) {
    if (VENDORED.test(file)) continue;
    const text = repo.text(file);
    if (text === undefined) continue;
    for (const n of names) if (!used.has(n) && text.includes(n)) used.add(n);
  }
  const offers = [...used].map((n) => MONITORING[n]).filter((x): x is string => x !== undefined);
  return {
    id: "usage-monitoring",
    title: "Monitor usage for anomalies",
    level: "Best practice",
    status: "warn",
    advice: true,
    evidence: [
      used.size > 0 ? `keys used: ${[...used].sort().join(", ")}` : "no provider key variable named in the repository",
      ...new Set(offers),
    ],
    fix: "set a budget and a usage alert for each key at its provider; a leaked key shows as a spike first.",
  };
}

export async function runCheck(o: CheckOptions): Promise<{ output: string; exitCode: number; results: CheckResult[] }> {
  const root = workTreeRoot(o.cwd);
  if (root === undefined) throw new UsageError(`check needs a git repository, and ${o.cwd} is not in one`);
  const repo = repoFiles(root);
  const disk = diskFiles(root);
  const results: CheckResult[] = [
    await checkHardcoded(root),
    checkEnvIgnored(repo),
    checkPreCommit(repo),
    checkSecretManager(repo),
    checkRotation(repo),
    await checkKeyAges(repo, disk, o),
    checkSeparateKeys(root, disk),
    checkMonitoring(repo, disk),
  ];
  const counted = results.filter((r) => !r.advice);
  const failed =
    o.failOn === "never" ? false : counted.some((r) => r.status === "fail" || (o.failOn === "warning" && r.status === "warn"));
  const output = o.json
    ? `${JSON.stringify({ tool: "keyguard", root, checks: results.map((r) => ({ ...r, symbol: SYMBOL[r.status] })) }, null, 2)}\n`
    : formatCheck(root, results);
  return { output, exitCode: failed ? 1 : 0, results };
}

function formatCheck(root: string, results: readonly CheckResult[]): string {
  const lines = [`keyguard check: the seed guide's security checklist for ${root}`, ""];
  for (const r of results) {
    lines.push(`${SYMBOL[r.status]} ${r.title} (${r.level}${r.advice ? ", advice" : ""})`);
    for (const e of r.evidence) lines.push(`     ${e}`);
    if (r.fix && r.status !== "pass") lines.push(`     fix: ${r.fix}`);
  }
  const n = (s: Status) => results.filter((r) => r.status === s).length;
  lines.push("", `${n("pass")} ✅  ${n("warn")} ⚠️  ${n("fail")} ❌`);
  return `${lines.join("\n")}\n`;
}
