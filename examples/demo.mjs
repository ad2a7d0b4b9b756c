#!/usr/bin/env node
// The demo shows every half of keyguard on a sample whose key-shaped strings are generated now
// (none is committed):
//   1. the lint: keyguard's recommended config through ESLint's API, findings printed;
//   2. the types: a plain string passed to a guarded client is a compile error (tsc on a generated file);
//   3. the command: `keyguard scan --staged` refusing a staged .env and a key staged in a YAML file.
// Every output shows masked keys only; the demo checks that and fails otherwise.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import keyguard from "keyguard";
import { detect } from "keyguard/detect";

const root = fileURLToPath(new URL("..", import.meta.url));
const app = join(root, ".tmp", "demo-app");

// A seeded generator: the same sample every run, and no key in this file.
let seed = 20260404;
const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
const B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const URL62 = `${B62}_-`;
const join2 = (...parts) => parts.join("");

const keys = {
  izzi: join2("iz", "zi-", pick(B62, 40)),
  openai: join2("sk-", "proj-", pick(URL62, 60), "T3Blbk", "FJ", pick(URL62, 60)),
  anthropic: join2("sk-", "ant-", "api03-", pick(URL62, 93), "AA"),
  groq: join2("gs", "k_", pick(B62, 52)),
  gemini: join2("AI", "za", pick(URL62, 35)),
  cohere: pick(B62, 40),
};

const files = {
  "src/client.ts": `import OpenAI from "openai";

// Level 1 of the seed guide, done wrong: the gateway key is in the code.
export const izzi = new OpenAI({
  apiKey: "${keys.izzi}",
  baseURL: "https://api.izziapi.com/v1",
});

// ...and done right.
export const good = new OpenAI({
  apiKey: process.env.IZZI_API_KEY!,
  baseURL: process.env.IZZI_BASE_URL!,
});
`,
  "src/split.ts": `// Splitting a key does not hide it.
const PREFIX = "${keys.openai.slice(0, 8)}";
export const key = PREFIX + "${keys.openai.slice(8)}";
`,
  "src/headers.ts": `export async function ask(prompt: string) {
  return fetch("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers: { "x-api-key": "${keys.anthropic}", "content-type": "application/json" },
    body: JSON.stringify({ prompt }),
  });
}
`,
  "src/notes.ts": `// TODO remove before release: ${keys.groq}
export const model = "gpt-4o-mini-2024-07-18"; // a model id, not a key
export const placeholder = "izzi-YOUR_KEY_HERE"; // a placeholder, not a key
`,
  "src/cohere.ts": `// No prefix: only the name tells that this is a Cohere key.
export const cohereApiKey = "${keys.cohere}";
`,
  "src/local.ts": `import Anthropic from "@anthropic-ai/sdk";

// Not key-shaped, so no format matches: require-secret-source still sees a literal reach the client.
const LOCAL_KEY = "local-dev-key";
export const claude = new Anthropic({ apiKey: LOCAL_KEY });
`,
  "src/Chat.tsx": `export const Chat = () => <Widget apiKey="${keys.gemini}" />;
declare const Widget: (props: { apiKey: string }) => null;
`,
};

rmSync(app, { recursive: true, force: true });
for (const [name, text] of Object.entries(files)) {
  mkdirSync(join(app, name, ".."), { recursive: true });
  writeFileSync(join(app, name), text);
}

const eslint = new ESLint({
  cwd: app,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ["**/*.ts", "**/*.tsx"], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    keyguard.configs.recommended,
  ],
});
const results = await eslint.lintFiles(["src"]);
const formatter = await eslint.loadFormatter("stylish");
const output = await formatter.format(results);

console.log(`keyguard ${keyguard.meta.version}\n\n1. The lint: a sample app with keyguard.configs.recommended\n`);
console.log(output);

const leaked = Object.entries(keys).filter(([, key]) => output.includes(key) || output.includes(key.slice(-12)));
if (leaked.length > 0) {
  console.error(`BUG: the output contains a key (${leaked.map(([name]) => name).join(", ")})`);
  process.exit(2);
}
const byRule = {};
for (const m of results.flatMap((r) => r.messages)) byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1;
const files_ = results.filter((r) => r.messages.length).length;
console.log(
  `${byRule["keyguard/no-hardcoded-key"] ?? 0} hardcoded keys (no-hardcoded-key) and ` +
    `${byRule["keyguard/require-secret-source"] ?? 0} client(s) fed another literal (require-secret-source) in ${files_} files; no key printed in full.`,
);
// One report per key: the gateway key at the client is no-hardcoded-key's; require-secret-source
// reports the literal of no key format that reaches a client.
const expected = { "keyguard/no-hardcoded-key": Object.keys(keys).length, "keyguard/require-secret-source": 1 };
for (const [rule, n] of Object.entries(expected)) {
  if ((byRule[rule] ?? 0) !== n) {
    console.error(`expected ${n} findings of ${rule}, got ${byRule[rule] ?? 0}`);
    process.exit(1);
  }
}

/** Fails the demo when a text holds a key, or the last 12 characters of one. */
function assertMasked(label, text) {
  const leaked = Object.entries(keys).filter(([, key]) => text.includes(key) || text.includes(key.slice(-12)));
  if (leaked.length > 0 || detect(text).length > 0) {
    console.error(`BUG: ${label} contains a key (${leaked.map(([name]) => name).join(", ") || "detected"})`);
    process.exit(2);
  }
}

// 2. The types: guardClient types the key option as SecretString, which only loaders create.
const guarded = join(app, "src", "guarded.ts");
writeFileSync(
  guarded,
  `import OpenAI from "openai";
import { guardClient, secretFromEnv } from "keyguard/secret";

const GuardedOpenAI = guardClient(OpenAI);

export const ok = new GuardedOpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY") });
const plain: string = process.env.OPENAI_API_KEY ?? "";
export const fromEnv = new GuardedOpenAI({ apiKey: plain });
export const hardcoded = new GuardedOpenAI({ apiKey: "${keys.openai}" });
`,
);
const tsc = spawnSync(
  process.execPath,
  [join(root, "node_modules", "typescript", "bin", "tsc"), "--ignoreConfig", "--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext",
    "--moduleResolution", "nodenext", "--target", "es2022", "--types", "node", "--pretty", "false", guarded],
  { cwd: root, encoding: "utf8" },
);
// The compiler may quote a literal's type: masked like every other output.
const tscOut = (tsc.stdout + tsc.stderr)
  .replaceAll(app + "/", "")
  .replaceAll(".tmp/demo-app/", "")
  .replace(new RegExp(Object.values(keys).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g"), (k) => detect(k)[0]?.masked ?? "…");
console.log("\n2. The types: a plain string reaching a guarded client does not compile (tsc src/guarded.ts)\n");
console.log(tscOut.trim().split("\n").map((l) => `  ${l}`).join("\n"));
assertMasked("the tsc output", tscOut);
const typeErrors = tscOut.split("\n").filter((l) => /error TS\d+/.test(l));
if (tsc.status === 0 || typeErrors.length !== 2 || !typeErrors.every((l) => /guarded\.ts\((8|9),/.test(l))) {
  console.error(`expected 2 type errors, on lines 8 and 9 of guarded.ts, got:\n${tscOut}`);
  process.exit(1);
}

// 3. The command: a pre-commit check on what is staged, in any file, refusing secret files.
const repo = join(root, ".tmp", "demo-repo");
rmSync(repo, { recursive: true, force: true });
mkdirSync(join(repo, "deploy"), { recursive: true });
const git = (...args) => spawnSync("git", ["-c", "user.name=demo", "-c", "user.email=demo@example.invalid", ...args], { cwd: repo, encoding: "utf8" });
git("init", "-q");
writeFileSync(join(repo, ".env"), `GROQ_API_KEY=${keys.groq}\n`);
writeFileSync(join(repo, "deploy", "values.yaml"), `llm:\n  provider: izzi\n  apiKey: ${keys.izzi}\n`);
writeFileSync(join(repo, "app.py"), 'import os\nkey = os.environ["IZZI_API_KEY"]\n');
git("add", "-f", ".env", "deploy/values.yaml", "app.py");
const scan = spawnSync(process.execPath, [join(root, "dist", "src", "cli", "main.js"), "scan", "--staged"], { cwd: repo, encoding: "utf8" });
console.log("\n3. The command: keyguard scan --staged (the pre-commit hook keyguard init installs)\n");
console.log(scan.stdout.trim().split("\n").map((l) => `  ${l}`).join("\n"));
console.log(`  (exit code ${scan.status})`);
assertMasked("the scan output", scan.stdout + scan.stderr);
if (scan.status !== 1 || !scan.stdout.includes(".env: secret file staged") || !scan.stdout.includes("deploy/values.yaml:3:11: Izzi API gateway key izzi-…")) {
  console.error(`expected the scan to refuse .env and the key in deploy/values.yaml (exit 1), got exit ${scan.status}:\n${scan.stdout}${scan.stderr}`);
  process.exit(1);
}
console.log("\nNo key printed in full: lint messages, compiler errors and the command show masked keys only.");
