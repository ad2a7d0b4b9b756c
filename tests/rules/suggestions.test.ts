// Every suggestion of no-hardcoded-key and require-secret-source leaves good code: each one is
// applied, and the result is linted again by every keyguard rule that runs without type
// information (it must be clean) and type-checked with the real SDK types (it must compile).
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import plugin from "../../rules/index.js";
import { fakeKey } from "../helpers/keys.js";

const q = (s: string) => JSON.stringify(s);
const OPENAI = fakeKey("openai-project", 41);
const COHERE = fakeKey("cohere", 41);
const TWILIO = fakeKey("twilio-auth-token", 41);
const STRIPE = fakeKey("stripe-secret", 41);

interface Case {
  readonly name: string;
  readonly code: string;
  /** Options of require-secret-source. */
  readonly options?: Record<string, unknown>;
  readonly tsx?: boolean;
}

const OPENAI_IMPORT = 'import OpenAI from "openai";';
const JSX_TYPES = "declare global { namespace JSX { interface Element {} interface IntrinsicElements {} } }\ndeclare function Widget(props: { apiKey?: string }): JSX.Element;";

const CASES: Case[] = [
  // no-hardcoded-key
  { name: "a key in a const", code: `export const key = ${q(OPENAI)};` },
  { name: "a key as the ?? fallback of the environment", code: `export const key = process.env.OPENAI_API_KEY ?? ${q(OPENAI)};` },
  { name: "a key as the || fallback of the environment", code: `export const key = process.env.OPENAI_API_KEY || ${q(OPENAI)};` },
  { name: "a key as the fallback of another variable", code: `export const key = process.env.LLM_KEY ?? ${q(OPENAI)};` },
  { name: "a key as a destructuring default from the environment", code: `const { OPENAI_API_KEY = ${q(OPENAI)} } = process.env;\nexport { OPENAI_API_KEY };` },
  { name: "a key in a branch of a conditional", code: `declare const isProd: boolean;\nexport const key = isProd ? process.env.OPENAI_API_KEY : ${q(OPENAI)};` },
  { name: "a key as a parameter default", code: `export function make(key = ${q(OPENAI)}) { return key; }` },
  { name: "a key after an auth scheme", code: `export const headers = { Authorization: ${q(`Bearer ${OPENAI}`)} };` },
  { name: "a key in a concatenation", code: `export const key = ${q(OPENAI.slice(0, 20))} + ${q(OPENAI.slice(20))};` },
  { name: "a key in a template of a const", code: `const PREFIX = "sk-proj-";\nexport const key = \`\${PREFIX}${OPENAI.slice(8)}\`;` },
  { name: "a key in a JSX attribute", code: `${JSX_TYPES}\nexport const el = <Widget apiKey=${q(OPENAI)} />;`, tsx: true },
  { name: "a prefix-less key by its name", code: `export const cohereApiKey = ${q(COHERE)};` },
  { name: "a key in a client option", code: `${OPENAI_IMPORT}\nexport const client = new OpenAI({ apiKey: ${q(OPENAI)} });` },
  { name: "a key in a const passed to a client", code: `import { CohereClient } from "cohere-ai";\nconst K = ${q(COHERE)};\nexport const client = new CohereClient({ token: K });` },
  { name: "a key as a client argument", code: `import twilio from "twilio";\ndeclare const sid: string;\nexport const client = twilio(sid, ${q(TWILIO)});` },
  { name: "a key as the first argument of a client", code: `import Stripe from "stripe";\nexport const stripe = new Stripe(${q(STRIPE)});` },
  // require-secret-source
  { name: "a literal of no key format in a client option", code: `${OPENAI_IMPORT}\nexport const client = new OpenAI({ apiKey: "abc-123" });` },
  { name: "a stand-in value in a client option", code: `${OPENAI_IMPORT}\nexport const client = new OpenAI({ apiKey: "test-key" });` },
  { name: "a literal fallback", code: `${OPENAI_IMPORT}\nexport const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? "dev-key" });` },
  { name: "a literal destructuring default", code: `${OPENAI_IMPORT}\nconst { OPENAI_API_KEY = "dev-key" } = process.env;\nexport const client = new OpenAI({ apiKey: OPENAI_API_KEY });` },
  { name: "a literal parameter default", code: `${OPENAI_IMPORT}\nexport function make(apiKey: string = "dev-key") { return new OpenAI({ apiKey }); }` },
  { name: "a literal branch of a conditional", code: `${OPENAI_IMPORT}\ndeclare const isProd: boolean;\nexport const client = new OpenAI({ apiKey: isProd ? process.env.OPENAI_API_KEY : "dev-key" });` },
  { name: "a literal in a const", code: `${OPENAI_IMPORT}\nconst KEY = "abc-123";\nexport const client = new OpenAI({ apiKey: KEY });` },
  { name: "a literal header", code: `${OPENAI_IMPORT}\nexport const client = new OpenAI({ defaultHeaders: { Authorization: "Bearer gw-123" } });` },
  { name: "a literal client argument", code: `import Stripe from "stripe";\nexport const stripe = new Stripe("gw-123");` },
  { name: "a literal key provider", code: `${OPENAI_IMPORT}\nexport const client = new OpenAI({ apiKey: async () => "gw-123" });` },
  {
    name: "a literal, with import.meta.env as the suggestion's environment",
    code: `${OPENAI_IMPORT}\ndeclare global { interface ImportMeta { readonly env: Record<string, string | undefined> } }\nexport const client = new OpenAI({ apiKey: "gw-123" });`,
    options: { envAccess: "import.meta.env" },
  },
  {
    name: "a literal, with Deno.env.get as the suggestion's environment",
    code: `${OPENAI_IMPORT}\ndeclare global { var Deno: { env: { get(name: string): string | undefined } } }\nexport const client = new OpenAI({ apiKey: "gw-123" });`,
    options: { envAccess: "Deno.env.get" },
  },
];

const untypedRules = Object.entries(plugin.rules)
  .filter(([, rule]) => (rule.meta.docs as { requiresTypeChecking?: boolean } | undefined)?.requiresTypeChecking !== true)
  .map(([name]) => `keyguard/${name}`);

const linter = new Linter({ configType: "flat" });
function lint(code: string, filename: string, options?: Record<string, unknown>): Linter.LintMessage[] {
  const rules: Linter.RulesRecord = Object.fromEntries(untypedRules.map((r) => [r, "error"]));
  if (options) rules["keyguard/require-secret-source"] = ["error", options];
  return linter.verify(
    code,
    [
      {
        files: ["**/*.ts", "**/*.tsx"],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { keyguard: plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
        rules,
      },
    ],
    filename,
  );
}

function applySuggestion(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

/**
 * Type errors of each file, compiled together as one program with the repository's
 * node_modules (real SDK types). `strictNullChecks` is off: a suggestion reads the environment,
 * whose type is `string | undefined`, and where an SDK parameter is typed `string` the check for
 * a missing key is the project's choice (a loader, a throw, `!`).
 */
function typeErrors(files: ReadonlyMap<string, string>): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2023.d.ts"],
    types: ["node"],
    strict: true,
    strictNullChecks: false,
    skipLibCheck: true,
    esModuleInterop: true,
    jsx: ts.JsxEmit.Preserve,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = files.get(name);
    return text === undefined ? getSourceFile.call(host, name, language, ...rest) : ts.createSourceFile(name, text, language, true);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const out = new Map<string, string[]>();
  for (const name of files.keys()) {
    const file = program.getSourceFile(name)!;
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    out.set(name, diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")));
  }
  return out;
}

// Type-checked as virtual files in the repository's (ignored) .tmp/, so that module resolution
// finds its node_modules; linted as files of an application's src/ (not test files).
const root = fileURLToPath(new URL("../../", import.meta.url));
const ext = (c: Case) => (c.tsx ? "tsx" : "ts");

describe("every suggestion of keyguard's rules leaves code that lints clean and compiles", () => {
  const sources = new Map<string, string>();
  const outputs = new Map<string, { case: Case; message: string; output: string }>();
  CASES.forEach((c, i) => {
    sources.set(join(root, ".tmp", "suggestions", `case${i}.${ext(c)}`), c.code);
    const messages = lint(c.code, `src/case${i}.${ext(c)}`, c.options);
    messages.forEach((m, k) => {
      (m.suggestions ?? []).forEach((s, n) => {
        const output = applySuggestion(c.code, s.fix);
        const name = join(root, ".tmp", "suggestions", `case${i}-${k}-${n}.${ext(c)}`);
        outputs.set(name, { case: c, message: `${m.ruleId}: ${s.desc}`, output });
        sources.set(name, output);
      });
    });
  });
  let errors: Map<string, string[]>;
  beforeAll(() => {
    // One program for the cases and every output: the SDKs' types are read once.
    errors = typeErrors(sources);
  }, 180_000);

  it.each(CASES.map((c, i) => [c.name, c, i] as const))("%s: is reported once, with a suggestion", (_, c, i) => {
    const messages = lint(c.code, `src/case${i}.${ext(c)}`, c.options);
    expect(messages.map((m) => m.ruleId)).toHaveLength(1);
    expect(messages[0]!.suggestions?.length ?? 0).toBeGreaterThan(0);
  });

  it("the cases themselves compile (so that an error below comes from a suggestion)", () => {
    const failing = CASES.map((c, i) => [c.name, errors.get(join(root, ".tmp", "suggestions", `case${i}.${ext(c)}`))!] as const).filter(([, e]) => e.length > 0);
    expect(failing).toEqual([]);
  });

  it("every applied suggestion lints clean under every keyguard rule", () => {
    const dirty: string[] = [];
    for (const [name, { case: c, message, output }] of outputs) {
      const messages = lint(output, `src/${name.slice(name.lastIndexOf("/") + 1)}`, c.options);
      if (messages.length > 0) dirty.push(`${c.name} (${message}): ${messages.map((m) => `${m.ruleId} ${m.message}`).join("; ")}`);
    }
    expect(dirty).toEqual([]);
  });

  it("every applied suggestion compiles", () => {
    const failing = [...outputs].filter(([name]) => errors.get(name)!.length > 0).map(([name, o]) => `${o.case.name} (${o.message}): ${errors.get(name)!.join("; ")}`);
    expect(failing).toEqual([]);
  });

  it("the outputs read as intended", () => {
    const byCase = (name: string) => [...outputs.values()].filter((o) => o.case.name === name).map((o) => o.output);
    expect(byCase("a key as the ?? fallback of the environment")).toEqual(["export const key = process.env.OPENAI_API_KEY;"]);
    expect(byCase("a key as the fallback of another variable")).toEqual(["export const key = process.env.LLM_KEY;"]);
    expect(byCase("a key as a destructuring default from the environment")).toEqual(["const { OPENAI_API_KEY } = process.env;\nexport { OPENAI_API_KEY };"]);
    expect(byCase("a key in a branch of a conditional")).toEqual(["declare const isProd: boolean;\nexport const key = process.env.OPENAI_API_KEY;"]);
    expect(byCase("a key after an auth scheme")).toEqual([`export const headers = { Authorization: ${"`"}Bearer \${process.env.OPENAI_API_KEY}${"`"} };`]);
    expect(byCase("a literal fallback")).toEqual([`${OPENAI_IMPORT}\nexport const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`]);
    expect(byCase("a literal branch of a conditional")).toEqual([`${OPENAI_IMPORT}\ndeclare const isProd: boolean;\nexport const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`]);
    expect(outputs.size).toBeGreaterThanOrEqual(CASES.length);
  });
});
