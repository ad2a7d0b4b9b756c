/**
 * The real-code run: lints the TypeScript and JavaScript sources that the `openai`,
 * `@anthropic-ai/sdk`, `groq-sdk` and `ai` packages ship (their `src/` and `dist/`, `.d.ts`
 * included) with `no-hardcoded-key` and its default options. SDK sources are full of the strings a
 * detector must not mistake for keys (model ids, object ids, env var names, docs examples), and
 * hold no real key: every finding is a false positive.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import tsParser from "@typescript-eslint/parser";
import { Linter, type ESLint } from "eslint";
import rule from "../rules/no-hardcoded-key.js";

export const PACKAGES = ["openai", "@anthropic-ai/sdk", "groq-sdk", "ai"] as const;

/**
 * The larger real-code run (`npm run bench:real` only: minutes, not part of `npm test`): SDKs of
 * other kinds, whose sources hold what a team's code holds beside its AI keys (signing code,
 * webhooks, OAuth, generated API types with example values). `@scope/*` stands for every package
 * of the scope installed in node_modules.
 */
export const MORE_PACKAGES: readonly { readonly spec: string; readonly kind: string }[] = [
  { spec: "@aws-sdk/*", kind: "cloud (AWS SDK v3: credentials, signing, Secrets Manager)" },
  { spec: "@smithy/*", kind: "cloud (AWS SDK runtime: SigV4, HTTP)" },
  { spec: "stripe", kind: "payments" },
  { spec: "twilio", kind: "messaging (SMS, voice)" },
  { spec: "@sendgrid/*", kind: "email" },
  { spec: "@slack/*", kind: "chat (Web API)" },
  { spec: "@octokit/*", kind: "source control (GitHub REST, GraphQL, OpenAPI types)" },
  { spec: "google-auth-library", kind: "auth (Google OAuth, JWT, service accounts)" },
  { spec: "@google/*", kind: "AI (Gemini)" },
  { spec: "cohere-ai", kind: "AI (Cohere)" },
  { spec: "@mistralai/*", kind: "AI (Mistral)" },
  { spec: "@huggingface/*", kind: "AI (Hugging Face)" },
  { spec: "replicate", kind: "AI (Replicate)" },
  { spec: "together-ai", kind: "AI (Together)" },
  { spec: "@pinecone-database/*", kind: "vector database" },
  { spec: "@langchain/*", kind: "AI framework" },
];

/** The installed package names a spec stands for (`@scope/*`: every package of the scope, sorted). */
export function expandSpec(spec: string, from: string = process.cwd()): string[] {
  if (!spec.endsWith("/*")) return [spec];
  const scope = spec.slice(0, -2);
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", scope);
    if (existsSync(candidate)) {
      return readdirSync(candidate, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(candidate, e.name, "package.json")))
        .map((e) => `${scope}/${e.name}`)
        .sort();
    }
    if (dirname(dir) === dir) break;
  }
  throw new Error(`no package of scope "${scope}" is installed in node_modules above ${from} (run \`npm ci\`)`);
}
const SOURCE = /\.(?:[mc]?ts|[mc]?js)$/;

export interface SourceFile {
  readonly packageName: string;
  /** Path inside the package, e.g. `src/resources/chat.ts`. */
  readonly path: string;
  readonly absolute: string;
}

/** The package's root directory, looked up in `node_modules` from `from` upwards as Node does (a clear error if it is not installed). */
export function packageRoot(name: string, from: string = process.cwd()): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`package "${name}" is not installed in node_modules above ${from} (run \`npm ci\`)`);
}

/** Every source file a package ships (not its own `node_modules`), in a stable order. */
export function shippedSources(name: string, from?: string): SourceFile[] {
  const root = packageRoot(name, from);
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === "node_modules") continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE.test(entry.name) && statSync(full).isFile()) {
        out.push({ packageName: name, path: relative(root, full), absolute: full });
      }
    }
  };
  walk(root);
  return out;
}

export interface RealCodeResult {
  readonly files: number;
  readonly bytes: number;
  /** Reports of `no-hardcoded-key`, as `package/path:line:column message` (messages are masked). */
  readonly findings: readonly string[];
  /** Files the parser could not read. */
  readonly parseErrors: readonly string[];
}

const plugin = { rules: { "no-hardcoded-key": rule } } as unknown as ESLint.Plugin;

/** Lints `files` with `no-hardcoded-key` (default options) and the TypeScript parser. */
export function lintSources(files: readonly SourceFile[]): RealCodeResult {
  const linter = new Linter({ configType: "flat" });
  const config: Linter.Config[] = [
    {
      files: ["**/*.ts", "**/*.mts", "**/*.cts", "**/*.js", "**/*.mjs", "**/*.cjs"],
      languageOptions: { parser: tsParser, sourceType: "module", parserOptions: { ecmaFeatures: { jsx: false } } },
      plugins: { keyguard: plugin },
      rules: { "keyguard/no-hardcoded-key": "error" },
    },
  ];
  const findings: string[] = [];
  const parseErrors: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file.absolute, "utf8");
    bytes += text.length;
    // A relative name: the linter must not treat the file as ignored for living in node_modules.
    const name = `${file.packageName}/${file.path}`;
    for (const m of linter.verify(text, config, name)) {
      if (m.fatal) parseErrors.push(`${name}:${m.line}: ${m.message}`);
      else if (m.ruleId === "keyguard/no-hardcoded-key") findings.push(`${name}:${m.line}:${m.column} ${m.message}`);
    }
  }
  return { files: files.length, bytes, findings, parseErrors };
}

/** Every `step`-th file of a list, starting at `offset`: a deterministic sample. */
export function sample<T>(list: readonly T[], step: number, offset = 0): T[] {
  return list.filter((_, i) => i % step === offset % step);
}
