#!/usr/bin/env node
// The demo: writes a small sample app whose key-shaped strings are generated now (none is
// committed), lints it with keyguard's recommended config through ESLint's API, and prints the
// findings. Every message shows a masked key only; the demo checks that and fails otherwise.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import keyguard from "keyguard";

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

console.log(`keyguard ${keyguard.meta.version}: linting a sample app with keyguard.configs.recommended\n`);
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
