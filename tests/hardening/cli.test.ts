// End to end through the real ESLint CLI (child processes), on a sample project generated at
// run time full of keys of every catalog provider: exit code 1, every key reported, no key in the
// output of the stylish, json and sarif formatters, and the same results with --cache (twice)
// and with --concurrency (worker threads: rules and options must be serialisable, nothing kept
// across files). Needs dist/ (npm test builds first).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVIDERS } from "../../src/detect/index.js";
import { CONTEXT_NAMES, fakeKey, j } from "../helpers/keys.js";
import { revealsKey } from "./lint.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const eslintBin = join(root, "node_modules/eslint/bin/eslint.js");
const distPlugin = join(root, "dist/rules/index.js");
const RULE = "keyguard/no-hardcoded-key";

interface Planted {
  readonly file: string;
  readonly provider: string;
  readonly key: string;
}

let dir: string;
const planted: Planted[] = [];

/** The ways a prefixed key is written in the sample, by file kind. */
const FORMS: ((key: string, i: number) => string)[] = [
  (key, i) => `export const key${i} = ${JSON.stringify(key)};`,
  (key, i) => `export const header${i} = \`Bearer ${key.replace(/\n/g, "\\n")}\`;`,
  (key, i) => `export const joined${i} = ${JSON.stringify(key.slice(0, 6))} + ${JSON.stringify(key.slice(6))};`,
  (key, i) => `/* rotated on ${i}: ${key} */`,
  (key, i) => `export const config${i} = { nested: { value: ${JSON.stringify(key)} } };`,
];

function plant(file: string, provider: string, key: string): void {
  planted.push({ file, provider, key });
}

function writeSample(): void {
  dir = mkdtempSync(join(tmpdir(), "keyguard-e2e-"));
  mkdirSync(join(dir, "src"));
  const prefixed = PROVIDERS.filter((p) => p.prefixes.length > 0);
  // .ts files: one form per key, rotating.
  const chunks = [0, 1, 2].map((n) => prefixed.filter((_, i) => i % 3 === n));
  chunks.forEach((providers, n) => {
    const file = `src/keys${n}.ts`;
    const lines = providers.map((p, i) => {
      const key = fakeKey(p.id, 100 + i);
      plant(file, p.name, key);
      return FORMS[(i + n) % FORMS.length]!(key, i);
    });
    writeFileSync(join(dir, file), `${lines.join("\n")}\n`);
  });
  // Prefix-less keys, found by their names.
  const named = PROVIDERS.filter((p) => p.prefixes.length === 0);
  writeFileSync(
    join(dir, "src/named.ts"),
    `${named
      .map((p, i) => {
        const key = fakeKey(p.id, 200 + i);
        plant("src/named.ts", p.name, key);
        return `export const ${CONTEXT_NAMES[p.id]} = ${JSON.stringify(key)};`;
      })
      .join("\n")}\n`,
  );
  // JSX, plain JS (espree), BOM + CRLF.
  const jsxKey = fakeKey("anthropic", 301);
  plant("src/view.tsx", "Anthropic API key", jsxKey);
  writeFileSync(join(dir, "src/view.tsx"), `export const View = () => <Client apiKey="${jsxKey}" />;\ndeclare const Client: (p: { apiKey: string }) => null;\n`);
  const jsKey = fakeKey("groq", 302);
  plant("src/legacy.js", "Groq API key", jsKey);
  writeFileSync(join(dir, "src/legacy.js"), `module.exports = { key: "${jsKey}" };\n`);
  const crlfKey = fakeKey("openai-project", 303);
  plant("src/windows.ts", "OpenAI project key", crlfKey);
  writeFileSync(join(dir, "src/windows.ts"), `\uFEFF// saved on Windows\r\nexport const a = 1;\r\nexport const k = "${crlfKey}";\r\n`);
  // A clean file: no report.
  writeFileSync(join(dir, "src/clean.ts"), "export const key = process.env.OPENAI_API_KEY;\n");
  writeFileSync(
    join(dir, "eslint.config.mjs"),
    `import keyguard from ${JSON.stringify(pathToFileURL(distPlugin).href)};
import tsParser from ${JSON.stringify(pathToFileURL(join(root, "node_modules/@typescript-eslint/parser/dist/index.js")).href)};
export default [
  { files: ["**/*.ts", "**/*.tsx"], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ["**/*.js"], languageOptions: { sourceType: "commonjs" } },
  keyguard.configs.recommended,
];
`,
  );
}

function eslint(...args: string[]) {
  const r = spawnSync(process.execPath, [eslintBin, ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; fatal?: boolean; line: number }[];
  source?: string;
}

/** file (relative) → sorted list of `line ruleId message` of keyguard's reports. */
function summary(results: JsonResult[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of results) {
    const rel = r.filePath.slice(dir.length + 1).replace(/\\/g, "/");
    out[rel] = r.messages.map((m) => `${m.line} ${m.ruleId} ${m.message}`).sort();
  }
  return out;
}

/** The planted keys whose body (more than the masked tail) appears in `text`. */
const leaked = (text: string) => planted.filter((p) => revealsKey(text, p.key)).map((p) => `${p.file}: ${p.provider}`);

beforeAll(() => {
  if (!existsSync(distPlugin)) execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")]);
  writeSample();
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("ESLint CLI on a sample project full of keys", () => {
  let json: JsonResult[];

  it("exits 1 and reports every key, with the json formatter", () => {
    const r = eslint("--format", "json", ".");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    json = JSON.parse(r.stdout) as JsonResult[];
    expect(json.flatMap((f) => f.messages.filter((m) => m.fatal))).toEqual([]);
    const missing: string[] = [];
    for (const file of new Set(planted.map((p) => p.file))) {
      const result = json.find((f) => f.filePath.endsWith(file.replace("/", process.platform === "win32" ? "\\" : "/")));
      const reports = result?.messages.filter((m) => m.ruleId === RULE) ?? [];
      const expected = planted.filter((p) => p.file === file);
      if (reports.length !== expected.length) missing.push(`${file}: ${reports.length} reports for ${expected.length} keys`);
      for (const p of expected) {
        if (!reports.some((m) => m.message.includes(p.provider))) missing.push(`${file}: ${p.provider} not reported`);
      }
    }
    expect(missing).toEqual([]);
    expect(json.find((f) => f.filePath.endsWith("clean.ts"))?.messages).toEqual([]);
    expect(planted.length).toBe(PROVIDERS.length + 3);
  });

  it("json: no key in messages; ESLint itself copies a file's source into `source` (documented)", () => {
    // ESLint's json formatter embeds the full text of every file with a problem (`results[].source`):
    // that copy holds the key, whatever a rule reports. docs/guides/ci.md says to strip it.
    const withoutSource = JSON.stringify(json.map(({ source: _source, ...rest }) => rest));
    expect(leaked(withoutSource)).toEqual([]);
    expect(json.some((f) => f.source !== undefined && leaked(f.source).length > 0)).toBe(true);
  });

  it("stylish: no key in the output", () => {
    const r = eslint(".");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(RULE);
    expect(leaked(r.stdout + r.stderr)).toEqual([]);
  });

  it("sarif (@microsoft/eslint-formatter-sarif): valid SARIF 2.1.0, every report, no key", () => {
    // By path: ESLint resolves a formatter package from the linted project, which here is a tmp dir.
    const r = eslint("--format", join(root, "node_modules/@microsoft/eslint-formatter-sarif/sarif.js"), ".");
    expect(r.status).toBe(1);
    expect(leaked(r.stdout + r.stderr)).toEqual([]);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    const results = sarif.runs.flatMap((run) => run.results).filter((res) => res.ruleId === RULE);
    expect(results.length).toBe(json.flatMap((f) => f.messages).filter((m) => m.ruleId === RULE).length);
  });

  it("--cache: the second (cached) run gives the same results, and the cache file holds no key", () => {
    const cache = join(dir, ".cache", "eslint");
    const first = eslint("--cache", "--cache-location", cache, "--format", "json", ".");
    expect(existsSync(cache)).toBe(true);
    const second = eslint("--cache", "--cache-location", cache, "--format", "json", ".");
    expect(first.status).toBe(1);
    expect(second.status).toBe(1);
    expect(summary(JSON.parse(second.stdout) as JsonResult[])).toEqual(summary(json));
    expect(summary(JSON.parse(first.stdout) as JsonResult[])).toEqual(summary(json));
    expect(leaked(readFileSync(cache, "utf8"))).toEqual([]);
  });

  it("--concurrency=auto and --concurrency=2 (worker threads): the same results", () => {
    for (const concurrency of ["auto", "2"]) {
      const r = eslint(`--concurrency=${concurrency}`, "--format", "json", ".");
      // ESLint warns that a project this small lints faster without workers: the only stderr allowed.
      const stderr = r.stderr.split("\n").filter((l) => l && !/ESLintPoorConcurrencyWarning|--trace-warnings/.test(l));
      expect(stderr, concurrency).toEqual([]);
      expect(r.status, concurrency).toBe(1);
      expect(summary(JSON.parse(r.stdout) as JsonResult[]), concurrency).toEqual(summary(json));
    }
  });

  it("a malformed option gives a clear configuration error (exit 2), not a crash or a pass", () => {
    const config = join(dir, "bad.config.mjs");
    writeFileSync(
      config,
      `import keyguard from ${JSON.stringify(pathToFileURL(distPlugin).href)};
export default [{ files: ["**/*.js"], plugins: { keyguard }, rules: { "${RULE}": ["error", { extraPatterns: [{ name: "corp", pattern: "${j("(", "unclosed")}" }] }] } }];
`,
    );
    const r = eslint("--config", config, "src/legacy.js");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/extraPatterns\[0\] \("corp"\): pattern is not a valid regular expression/);
    expect(leaked(r.stdout + r.stderr)).toEqual([]);
  });
});
