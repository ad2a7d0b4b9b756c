import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import { Linter, type ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import rule, { type MessageIds, type Options } from "../../rules/no-hardcoded-key.js";
import { detect, mask, PROVIDERS, type Provider } from "../../src/detect/index.js";
import { ALNUM, CONTEXT_NAMES, fakeKey, HEXLOWER, j, randomChars, rng } from "../helpers/keys.js";
import { masked, ruleTester } from "./rule-tester.js";

const openai = fakeKey("openai-project", 1);
const anthropic = fakeKey("anthropic", 2);
const groq = fakeKey("groq", 3);
const google = fakeKey("google-api", 4);
const izzi = fakeKey("izzi", 5);
const cohere = fakeKey("cohere", 6);

const q = (text: string) => JSON.stringify(text);
const data = (provider: string, key: string, source: string) => ({ provider, masked: mask(key), source });

/**
 * The rule checks a file from the steps of ESLint's own traversal (`SourceCode#traverse()`), with
 * listeners as the fallback where a SourceCode has none. Every case of this file runs through
 * both: the rule as it is, and the rule handed a SourceCode whose `traverse` is hidden.
 */
const withoutTraverse = {
  ...rule,
  create(context: Parameters<typeof rule.create>[0]) {
    const sourceCode = Object.create(context.sourceCode, { traverse: { value: undefined } }) as typeof context.sourceCode;
    return rule.create(Object.create(context, { sourceCode: { value: sourceCode } }) as typeof context);
  },
} as typeof rule;

function runBothPaths(name: string, cases: ReturnType<typeof masked<MessageIds, Options>>): void {
  ruleTester().run(name, rule, cases);
  ruleTester().run(`${name} (listener path)`, withoutTraverse, cases);
}

runBothPaths("no-hardcoded-key", masked<MessageIds, Options>({
  valid: [
    'const key = process.env.OPENAI_API_KEY;',
    // placeholders from docs (more in "placeholders and strings that are not keys" below)
    `const key = "${j("sk-", "...")}";`,
    `const key = "${j("sk-proj-", "x".repeat(60))}";`,
    'const key = "${OPENAI_API_KEY}";',
    // a prefix-less key is only a key where its name says so
    { code: `const checksum = "${cohere}";`, name: "a prefix-less key under a name that does not say whose it is" },
    { code: `// ${openai}`, options: [{ checkComments: false }] },
    { code: `const key = "${openai}";`, options: [{ allow: [openai] }] },
    { code: `const key = "${izzi}";`, options: [{ allow: [{ pattern: "^izzi-" }] }] },
  ],
  invalid: [
    {
      code: `const key = "${openai}";`,
      errors: [
        {
          messageId: "hardcodedKey",
          data: data("OpenAI project key", openai, "process.env.OPENAI_API_KEY"),
          suggestions: [
            {
              messageId: "useEnv",
              data: { source: "process.env.OPENAI_API_KEY" },
              output: "const key = process.env.OPENAI_API_KEY;",
            },
          ],
        },
      ],
    },
    {
      code: `new OpenAI({ apiKey: "${izzi}", baseURL: "https://api.izziapi.com/v1" });`,
      errors: [
        {
          messageId: "hardcodedKey",
          data: data("Izzi API gateway key", izzi, "process.env.IZZI_API_KEY"),
          suggestions: [
            {
              messageId: "useEnv",
              output: 'new OpenAI({ apiKey: process.env.IZZI_API_KEY, baseURL: "https://api.izziapi.com/v1" });',
            },
          ],
        },
      ],
    },
    {
      code: `fetch(url, { headers: { Authorization: "Bearer ${anthropic}" } });`,
      errors: [
        {
          messageId: "hardcodedKey",
          suggestions: [
            {
              messageId: "useEnv",
              output: "fetch(url, { headers: { Authorization: `Bearer ${process.env.ANTHROPIC_API_KEY}` } });",
            },
          ],
        },
      ],
    },
    {
      code: `const key = \`${groq}\`;`,
      errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "useEnv", output: "const key = process.env.GROQ_API_KEY;" }] }],
    },
    {
      code: `const key = "${groq.slice(0, 10)}" + "${groq.slice(10)}";`,
      errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "useEnv", output: "const key = process.env.GROQ_API_KEY;" }] }],
    },
    {
      code: `const P = "${openai.slice(0, 8)}"; const key = P + "${openai.slice(8)}";`,
      errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "useEnv", output: `const P = "${openai.slice(0, 8)}"; const key = process.env.OPENAI_API_KEY;` }] }],
    },
    {
      code: `const P = "${openai.slice(0, 8)}"; const key = \`\${P}${openai.slice(8)}\`;`,
      errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "useEnv", output: `const P = "${openai.slice(0, 8)}"; const key = process.env.OPENAI_API_KEY;` }] }],
    },
    {
      code: `// old key: ${openai}\nconst key = process.env.OPENAI_API_KEY;`,
      errors: [{ messageId: "keyInComment", line: 1, column: 13, data: { provider: "OpenAI project key", masked: mask(openai) } }],
    },
    {
      code: `const el = <Chat apiKey="${google}" />;`,
      filename: "app.tsx",
      errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "useEnv", output: "const el = <Chat apiKey={process.env.GEMINI_API_KEY} />;" }] }],
    },
    {
      code: `const el = <p>${google}</p>;`,
      filename: "app.tsx",
      errors: [{ messageId: "hardcodedKey", suggestions: [] }],
    },
    {
      name: "a Cohere key bound to cohereApiKey",
      code: `const cohereApiKey = "${cohere}";`,
      errors: [
        {
          messageId: "hardcodedKey",
          data: data("Cohere API key", cohere, "process.env.CO_API_KEY"),
          suggestions: [{ messageId: "useEnv", output: "const cohereApiKey = process.env.CO_API_KEY;" }],
        },
      ],
    },
    {
      code: `const key = "acme_live_0123456789abcdefABCDEF";`,
      options: [{ extraPatterns: [{ name: "Acme gateway key", pattern: "acme_live_[A-Za-z0-9]{20,}", envVar: "ACME_KEY" }] }],
      errors: [{ messageId: "hardcodedKey", data: { provider: "Acme gateway key", masked: "…CDEF", source: "process.env.ACME_KEY" }, suggestions: [{ messageId: "useEnv", output: "const key = process.env.ACME_KEY;" }] }],
    },
  ],
}));

// ------------------------------------------------------------------ every provider of the catalog

/** The catalog's near miss of a key: one character short of its format. */
function oneShort(provider: Provider, key: string): string {
  const prefix = provider.prefixes.filter((p) => key.startsWith(p)).sort((a, b) => b.length - a.length)[0] ?? "";
  return prefix + key.slice(prefix.length, prefix.length + provider.body.min - 1);
}

const catalogValid: ValidTestCase<Options>[] = [];
const catalogInvalid: InvalidTestCase<MessageIds, Options>[] = [];
PROVIDERS.forEach((provider, i) => {
  const key = fakeKey(provider.id, 100 + i);
  const source = `process.env.${provider.envVar}`;
  const expected = {
    messageId: "hardcodedKey" as const,
    data: data(provider.name, key, source),
    suggestions: [{ messageId: "useEnv" as const, data: { source }, output: "" }],
  };
  if (provider.prefixes.length > 0) {
    const prefix = provider.prefixes.filter((p) => key.startsWith(p)).sort((a, b) => b.length - a.length)[0] ?? "";
    expected.data.masked = mask(key, prefix);
    let output = `const value = ${source};`;
    // A key found by its place (`AccountKey=`, `:_authToken=`, `Basic `) is a part of the literal: the
    // fix keeps the rest (the span and masked form of each format are tested in tests/src/detect).
    const [span] = detect(key);
    if (span && (span.start > 0 || span.end < key.length)) {
      expected.data.masked = span.masked;
      output = `const value = \`${key.slice(0, span.start)}\${${source}}${key.slice(span.end)}\`;`;
    }
    catalogInvalid.push({
      name: `${provider.id}: a key in a string literal`,
      code: `const value = ${JSON.stringify(key)};`,
      errors: [{ ...expected, suggestions: [{ ...expected.suggestions[0]!, output }] }],
    });
    catalogInvalid.push({
      name: `${provider.id}: a key in a template, after text`,
      code: `headers.set("x", \`token ${key.replaceAll("\n", "\\n")}\`);`,
      errors: [{ messageId: "hardcodedKey", data: expected.data }],
    });
    catalogValid.push({
      name: `${provider.id}: one character short of the format`,
      code: `const value = ${JSON.stringify(oneShort(provider, key))};`,
    });
    // Providers that share a prefix (or have none) share this case: once is enough.
    const ellipsis = `const value = "${prefix}...";`;
    if (!catalogValid.some((c) => c.code === ellipsis)) catalogValid.push({ name: `${provider.id}: the prefix and an ellipsis`, code: ellipsis });
  } else {
    const name = CONTEXT_NAMES[provider.id]!;
    expected.data.masked = mask(key, ""); // found by name: no prefix to show
    catalogInvalid.push({
      name: `${provider.id}: a key bound to ${name}`,
      code: `const ${name} = ${JSON.stringify(key)};`,
      errors: [{ ...expected, suggestions: [{ ...expected.suggestions[0]!, output: `const ${name} = ${source};` }] }],
    });
    catalogInvalid.push({
      name: `${provider.id}: a key as the fallback of process.env.${provider.envVar}`,
      code: `const k = process.env.${provider.envVar} ?? ${JSON.stringify(key)};`,
      errors: [{ ...expected, suggestions: [{ messageId: "removeFallback" as const, output: `const k = process.env.${provider.envVar};` }] }],
    });
    catalogValid.push({ name: `${provider.id}: the same value under an unrelated name`, code: `const digest = ${JSON.stringify(key)};` });
    catalogValid.push({
      name: `${provider.id}: a placeholder bound to ${name}`,
      code: `const ${name} = "${"x".repeat(provider.body.min)}";`,
    });
  }
});

runBothPaths("no-hardcoded-key: every catalog provider", masked<MessageIds, Options>({
  valid: catalogValid,
  invalid: catalogInvalid,
}));

// ------------------------------------------------------------------ what is not a key

const sri = (algorithm: string, bytes: number, seed: number) =>
  `${algorithm}-${randomChars(rng(seed), `${ALNUM}+/`, Math.ceil((bytes * 4) / 3))}=`;
const hex = (n: number, seed: number) => randomChars(rng(seed), HEXLOWER, n);
const awsDocsKeyId = j("AKIA", "IOSFODNN7", "EXAMPLE");
const awsDocsSecret = j("wJalrXUtnFEMI", "/K7MDENG/bPxRfiCY", "EXAMPLEKEY");

runBothPaths("no-hardcoded-key: placeholders and strings that are not keys", masked<MessageIds, Options>({
  valid: [
    // placeholders
    `const a = "${j("izzi-", "YOUR_KEY_HERE")}";`,
    `const a = "${j("sk-", "proj-", "...")}";`,
    `const a = "${j("sk-", "xxxx", "…")}";`,
    `const a = "${j("sk-", "x".repeat(48))}";`,
    `const a = "${j("gs", "k_", "X".repeat(52))}";`,
    `const a = "${j("AI", "za", "0".repeat(35))}";`,
    `const a = "${j("gh", "p_", "a".repeat(36))}";`,
    'const a = "<your-api-key>";',
    `const a = "${j("sk-", "<your-key>")}";`,
    'const a = "Bearer ${OPENAI_API_KEY}";',
    "const a = `Bearer ${process.env.OPENAI_API_KEY}`;",
    'const a = "{{ secrets.OPENAI_API_KEY }}";',
    'const a = "${{ secrets.GROQ_API_KEY }}";',
    `const a = "${j("sk-", "ant-api03-", "YOUR-ANTHROPIC-KEY-".repeat(5))}";`,
    `const a = "${j("hf", "_", "ExampleTokenExampleTokenExampleTok")}";`,
    // documented EXAMPLE keys: AWS's documentation keys
    `const accessKeyId = "${awsDocsKeyId}";`,
    `const secretAccessKey = "${awsDocsSecret}";`,
    `const creds = { accessKeyId: "${awsDocsKeyId}", secretAccessKey: "${awsDocsSecret}" };`,
    // words that contain a prefix
    `const a = "task-runner-${"a1".repeat(30)}";`,
    `const a = "desk-top-${"b2".repeat(30)}";`,
    `const a = "risk-${randomChars(rng(3), ALNUM, 48)}";`,
    `const a = "my_${fakeKey("groq", 9)}";`,
    // hashes, UUIDs, blobs
    `const a = "${hex(64, 1)}";`,
    `const a = "${hex(40, 2)}";`,
    `const a = "${hex(32, 3)}";`,
    `const a = "sha256:${hex(64, 4)}";`,
    'const a = "3f2b8c1e-9d4a-4e7b-8c2f-1a2b3c4d5e6f";',
    `const a = "data:image/png;base64,iVBORw0KGgo${randomChars(rng(5), `${ALNUM}+/`, 400)}=";`,
    `const a = "data:font/woff2;base64,d09GMgABAAAA${randomChars(rng(6), `${ALNUM}+/`, 300)}";`,
    `const integrity = "${sri("sha384", 48, 7)}";`,
    `const integrity = "${sri("sha512", 64, 8)}";`,
    `const s = '<script src="x.js" integrity="${sri("sha384", 48, 9)}" crossorigin="anonymous"></script>';`,
    // CSS classes, i18n, paths
    'const cls = "sk-button sk-button--primary task-list-item desk-top-nav gsk_wrapper";',
    'const label = "Ask-me-anything: paste your API key here to continue";',
    'const path = "src/components/desk-top-navigation/TaskRunner.tsx";',
    // model ids and API object ids
    'const model = "gpt-4o-mini-2024-07-18";',
    'const model = "claude-3-5-sonnet-20241022";',
    'const model = "llama-3.3-70b-versatile";',
    `const id = "chatcmpl-${randomChars(rng(10), ALNUM, 29)}";`,
    `const id = "file-${randomChars(rng(11), ALNUM, 22)}";`,
    `const id = "msg_01${randomChars(rng(12), ALNUM, 22)}";`,
    `const id = "asst_${randomChars(rng(13), ALNUM, 24)}";`,
    `const id = "resp_${hex(48, 14)}";`,
    // runs of one character
    `const a = "${"a".repeat(64)}";`,
    `const a = "${j("sk-", "proj-", "A".repeat(150))}";`,
    // the public Firebase web config
    `const firebaseConfig = { apiKey: "${google}", authDomain: "demo.firebaseapp.com", appId: "1:2:web:3" };`,
    // a prefix joined to a value only known at run time is not a key
    `const key = "${j("sk-", "proj-")}" + rest;`,
    `const key = \`${j("sk-", "proj-")}\${rest}\`;`,
    `const P = "${j("gs", "k_")}"; const key = P + input.value;`,
    // a key that is the parameter of a function, not written here
    "function connect(apiKey: string) { return new OpenAI({ apiKey }); }",
    // a PEM header without a body
    `if (pem.startsWith("${j("-----BEGIN ", "PRIVATE KEY-----")}")) load(pem);`,
  ],
  invalid: [],
}));

// ------------------------------------------------------------------ where keys are found, and options

const groq2 = fakeKey("groq", 21);
const github = fakeKey("github-classic", 22);
const openaiLegacy = fakeKey("openai-legacy", 23);

runBothPaths("no-hardcoded-key: locations, templates, concatenations, JSX, comments, options", masked<MessageIds, Options>({
  valid: [
    { code: `/* ${github} */ const a = 1;`, options: [{ checkComments: false }] },
    { code: `const a = "${github}";`, options: [{ allow: [github] }] },
    { code: `const a = "Bearer ${github}";`, options: [{ allow: [`Bearer ${github}`] }] },
    { code: `const a = "${github}";`, options: [{ allow: [{ pattern: `${github.slice(-6)}$` }] }] },
    { code: `const a = "${j("GH", "P_")}${github.slice(4)}";`, options: [{ allow: [{ pattern: "^GHP_" }] }] },
    { code: `const a = "${github.toUpperCase()}";` },
    { code: `const a = "acme_live_0123456789abcdefABCDEF";` },
    {
      code: `const a = "acme_live_0123456789abcdefABCDEF";`,
      options: [{ extraPatterns: [{ name: "Acme", pattern: "acme_live_[A-Za-z0-9]{20,}" }], allow: [{ pattern: "^acme_live_0123" }] }],
    },
  ],
  invalid: [
    {
      name: "template: a key in one quasi of a template with runtime parts",
      code: `const url = \`\${base}/v1?key=${groq2}&user=\${user}\`;`,
      errors: [{ messageId: "hardcodedKey", line: 1, column: 20, suggestions: [] }],
    },
    {
      name: "template: the static whole of const parts",
      code: `const A = "${groq2.slice(0, 4)}"; const B = "${groq2.slice(4, 30)}"; const k = \`\${A}\${B}${groq2.slice(30)}\`;`,
      errors: [{ messageId: "hardcodedKey", data: data("Groq API key", groq2, "process.env.GROQ_API_KEY"), suggestions: [{ messageId: "useEnv", output: `const A = "${groq2.slice(0, 4)}"; const B = "${groq2.slice(4, 30)}"; const k = process.env.GROQ_API_KEY;` }] }],
    },
    {
      name: "template: a literal inside ${} is reported once",
      code: `const k = \`\${"${groq2}"}\`;`,
      errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "useEnv", output: "const k = `${process.env.GROQ_API_KEY}`;" }] }],
    },
    {
      name: "template: tagged String.raw",
      code: `const k = String.raw\`${groq2}\`;`,
      errors: [{ messageId: "hardcodedKey", suggestions: [] }],
    },
    {
      name: "concatenation: the key's operands are replaced, the rest stays",
      code: `const h = "Bearer " + "${groq2.slice(0, 4)}" + "${groq2.slice(4)}";`,
      errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "useEnv", output: `const h = "Bearer " + process.env.GROQ_API_KEY;` }] }],
    },
    {
      name: "concatenation: a key in a literal next to a runtime value",
      code: `const h = "Bearer ${groq2}" + suffix;`,
      errors: [{ messageId: "hardcodedKey", suggestions: [] }],
    },
    {
      name: "concatenation: a key written across a const prefix and a template",
      code: `const P = "${openaiLegacy.slice(0, 3)}"; const k = P + \`${openaiLegacy.slice(3)}\`;`,
      errors: [{ messageId: "hardcodedKey", data: data("OpenAI key", openaiLegacy, "process.env.OPENAI_API_KEY"), suggestions: [{ messageId: "useEnv", output: `const P = "${openaiLegacy.slice(0, 3)}"; const k = process.env.OPENAI_API_KEY;` }] }],
    },
    {
      name: "two keys in one literal, each reported",
      code: `const both = "${groq2} ${github}";`,
      errors: [
        { messageId: "hardcodedKey", data: data("Groq API key", groq2, "process.env.GROQ_API_KEY"), suggestions: [{ messageId: "useEnv", output: `const both = \`\${process.env.GROQ_API_KEY} ${github}\`;` }] },
        { messageId: "hardcodedKey", data: data("GitHub token", github, "process.env.GITHUB_TOKEN"), suggestions: [{ messageId: "useEnv", output: `const both = \`${groq2} \${process.env.GITHUB_TOKEN}\`;` }] },
      ],
    },
    {
      name: "JSX: an attribute in an expression container",
      code: `const el = <Chat apiKey={"${groq2}"} />;`,
      filename: "app.tsx",
      errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "useEnv", output: "const el = <Chat apiKey={process.env.GROQ_API_KEY} />;" }] }],
    },
    {
      name: "JSX: an attribute with text around the key gets no suggestion",
      code: `const el = <a href="https://x.test/?token=${groq2}">x</a>;`,
      filename: "app.tsx",
      errors: [{ messageId: "hardcodedKey", suggestions: [] }],
    },
    {
      name: "JSX: text, at its line and column",
      code: `const el = (\n  <pre>\n    token: ${groq2}\n  </pre>\n);`,
      filename: "app.tsx",
      errors: [{ messageId: "hardcodedKey", line: 2, column: 8, suggestions: [] }],
    },
    {
      name: "comment: a block comment over lines, exact location",
      code: `/*\n * deploy with\n *   ${github}\n */\nexport {};`,
      errors: [{ messageId: "keyInComment", line: 3, column: 6, endLine: 3, endColumn: 6 + github.length, data: { provider: "GitHub token", masked: mask(github) } }],
    },
    {
      name: "comment: checkComments true reports comments",
      code: `const a = 1; // ${groq2}`,
      options: [{ checkComments: true }],
      errors: [{ messageId: "keyInComment", line: 1, column: 17, endColumn: 17 + groq2.length }],
    },
    {
      name: "comment: checkComments false still reports code",
      code: `// ${groq2}\nconst a = "${github}";`,
      options: [{ checkComments: false }],
      errors: [{ messageId: "hardcodedKey", line: 2, suggestions: [{ messageId: "useEnv", output: `// ${groq2}\nconst a = process.env.GITHUB_TOKEN;` }] }],
    },
    {
      name: "allow: only the listed key is exempt",
      code: `const a = "${github}"; const b = "${groq2}";`,
      options: [{ allow: [github] }],
      errors: [{ messageId: "hardcodedKey", data: data("Groq API key", groq2, "process.env.GROQ_API_KEY"), suggestions: [{ messageId: "useEnv", output: `const a = "${github}"; const b = process.env.GROQ_API_KEY;` }] }],
    },
    {
      name: "extraPatterns: without envVar the suggestion is left out",
      code: `const a = "acme_live_0123456789abcdefABCDEF";`,
      options: [{ extraPatterns: [{ name: "Acme gateway key", pattern: "acme_live_[A-Za-z0-9]{20,}" }] }],
      errors: [{ messageId: "hardcodedKey", data: { provider: "Acme gateway key", masked: "…CDEF", source: "an environment variable" }, suggestions: [] }],
    },
    {
      name: "extraPatterns: catalog keys are still found",
      code: `const a = "${groq2}";`,
      options: [{ extraPatterns: [{ name: "Acme", pattern: "acme_[0-9]{8}" }] }],
      errors: [{ messageId: "hardcodedKey", data: data("Groq API key", groq2, "process.env.GROQ_API_KEY"), suggestions: [{ messageId: "useEnv", output: "const a = process.env.GROQ_API_KEY;" }] }],
    },
    {
      name: "a type, an object key and an import source are reported without a suggestion",
      code: `type K = "${groq2}"; const o = { "${github}": 1 }; import x from "${openaiLegacy}";`,
      errors: [{ messageId: "hardcodedKey", suggestions: [] }, { messageId: "hardcodedKey", suggestions: [] }, { messageId: "hardcodedKey", suggestions: [] }],
    },
    {
      name: "a literal with escapes around the key gets no template suggestion",
      code: `const a = "tab\\t${groq2}";`,
      errors: [{ messageId: "hardcodedKey", suggestions: [] }],
    },
  ],
}));

// ------------------------------------------------------------------ keys without a prefix, by their client

const cohere2 = fakeKey("cohere", 31);
const mistral2 = fakeKey("mistral", 32);
const deepseek2 = fakeKey("deepseek", 33);
const azure2 = fakeKey("azure-openai", 34);

runBothPaths("no-hardcoded-key: the key option of a provider's client", masked<MessageIds, Options>({
  valid: [
    { name: "a Cohere-shaped value as the key of a client that is not Cohere's", code: `new OpenAI({ apiKey: "${cohere2}" });` },
    { name: "a Cohere client's option that is not a key", code: `new CohereClient({ model: "${cohere2}" });` },
    { name: "a DeepSeek-shaped value for an OpenAI client without a DeepSeek base URL", code: `new OpenAI({ apiKey: "${deepseek2}" });` },
    { name: "a Mistral client's key from the environment", code: "new Mistral({ apiKey: process.env.MISTRAL_API_KEY });" },
  ],
  invalid: [
    {
      name: "Cohere: new CohereClient({ token })",
      code: `const co = new CohereClient({ token: "${cohere2}" });`,
      errors: [{ messageId: "hardcodedKey", data: { provider: "Cohere API key", masked: mask(cohere2, ""), source: "process.env.CO_API_KEY" }, suggestions: [{ messageId: "useEnv", output: "const co = new CohereClient({ token: process.env.CO_API_KEY });" }] }],
    },
    {
      name: "Mistral: new Mistral({ apiKey })",
      code: `const m = new Mistral({ apiKey: "${mistral2}" as string });`,
      errors: [{ messageId: "hardcodedKey", data: { provider: "Mistral API key", masked: mask(mistral2, ""), source: "process.env.MISTRAL_API_KEY" }, suggestions: [{ messageId: "useEnv", output: "const m = new Mistral({ apiKey: process.env.MISTRAL_API_KEY as string });" }] }],
    },
    {
      name: "Mistral: a factory, createMistral({ apiKey })",
      code: `const m = ai.createMistral({ apiKey: "${mistral2}" });`,
      errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "useEnv", output: "const m = ai.createMistral({ apiKey: process.env.MISTRAL_API_KEY });" }] }],
    },
    {
      name: "DeepSeek: an OpenAI client with DeepSeek's base URL",
      code: `const ds = new OpenAI({ baseURL: "https://api.deepseek.com", apiKey: "${deepseek2}" });`,
      errors: [{ messageId: "hardcodedKey", data: { provider: "DeepSeek API key", masked: mask(deepseek2, ""), source: "process.env.DEEPSEEK_API_KEY" }, suggestions: [{ messageId: "useEnv", output: 'const ds = new OpenAI({ baseURL: "https://api.deepseek.com", apiKey: process.env.DEEPSEEK_API_KEY });' }] }],
    },
    {
      name: "Azure OpenAI: new AzureOpenAI({ apiKey })",
      code: `const az = new AzureOpenAI({ apiKey: \`${azure2}\`, endpoint });`,
      errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "useEnv", output: "const az = new AzureOpenAI({ apiKey: process.env.AZURE_OPENAI_API_KEY, endpoint });" }] }],
    },
  ],
}));

// ------------------------------------------------------------------ declarations that bind a name, and the Firebase exemption

const gemini = fakeKey("google-api", 61);
const cohere3 = fakeKey("cohere", 61);
const twilio3 = fakeKey("twilio-auth-token", 61);
const named = (code: string, provider: string, key: string, source: string, output?: string): InvalidTestCase<MessageIds, Options> => ({
  code,
  errors: [{ messageId: "hardcodedKey", data: { provider, masked: mask(key, provider === "Google API key" ? "AIza" : ""), source }, ...(output === undefined ? {} : { suggestions: [{ messageId: "useEnv", output }] }) }],
});

runBothPaths("no-hardcoded-key: names bound by every declaration, and only Firebase's own apiKey is public", masked<MessageIds, Options>({
  valid: [
    // the public web config's own apiKey
    `const firebaseConfig = { apiKey: "${gemini}", authDomain: "demo.firebaseapp.com", appId: "1:2:web:3" };`,
    `initializeApp({ "apiKey": "${gemini}", projectId: "demo", storageBucket: "demo.appspot.com" });`,
    // enum members and class fields whose names do not say whose key it is
    `enum Hashes { Build = "${cohere3}" }`,
    `enum Providers { Cohere = "${cohere3}" }`, // a provider's name alone does not say "key"
    `class Cache { digest = "${cohere3}"; }`,
  ],
  invalid: [
    // any other key in an object that looks like a Firebase config is no such thing
    named(`const config = { appId: "support-bot", geminiApiKey: "${gemini}" };`, "Google API key", gemini, "process.env.GEMINI_API_KEY", "const config = { appId: \"support-bot\", geminiApiKey: process.env.GEMINI_API_KEY };"),
    named(`const config = { apiKey: "${gemini}", model: "gemini-pro" };`, "Google API key", gemini, "process.env.GEMINI_API_KEY", "const config = { apiKey: process.env.GEMINI_API_KEY, model: \"gemini-pro\" };"),
    // enum members (no suggestion: an enum member cannot read the environment), class fields, default parameters
    named(`enum Keys { CohereApiKey = "${cohere3}" }`, "Cohere API key", cohere3, "process.env.CO_API_KEY"),
    named(`class Client { cohereApiKey = "${cohere3}"; }`, "Cohere API key", cohere3, "process.env.CO_API_KEY", "class Client { cohereApiKey = process.env.CO_API_KEY; }"),
    named(`function make(cohereApiKey = "${cohere3}") {}`, "Cohere API key", cohere3, "process.env.CO_API_KEY", "function make(cohereApiKey = process.env.CO_API_KEY) {}"),
    // a const whose name does not tell, passed to a client; a key argument by position
    named(`const K = "${cohere3}";\nnew CohereClient({ token: K });`, "Cohere API key", cohere3, "process.env.CO_API_KEY", "const K = process.env.CO_API_KEY;\nnew CohereClient({ token: K });"),
    named(`const client = twilio(sid, "${twilio3}");`, "Twilio auth token", twilio3, "process.env.TWILIO_AUTH_TOKEN", "const client = twilio(sid, process.env.TWILIO_AUTH_TOKEN);"),
    // the fallback of every environment API names the key
    {
      code: `const k = Deno.env.get("CO_API_KEY") ?? "${cohere3}";`,
      errors: [{ messageId: "hardcodedKey", data: { provider: "Cohere API key", masked: mask(cohere3, ""), source: "process.env.CO_API_KEY" }, suggestions: [{ messageId: "removeFallback", output: 'const k = Deno.env.get("CO_API_KEY");' }] }],
    },
    {
      code: `const k = import.meta.env.CO_API_KEY || "${cohere3}";`,
      errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "removeFallback", output: "const k = import.meta.env.CO_API_KEY;" }] }],
    },
  ],
}));

// ------------------------------------------------------------------ pieces the AST joins: names, members of constant objects

const joined = fakeKey("openai-project", 71);
const [head, body] = [q(joined.slice(0, 12)), q(joined.slice(12))];
const cohere4 = fakeKey("cohere", 71);
const generic4 = hex(40, 71);
const openaiJoin = (code: string, output: string): InvalidTestCase<MessageIds, Options> => ({
  code,
  errors: [{ messageId: "hardcodedKey", data: data("OpenAI project key", joined, "process.env.OPENAI_API_KEY"), suggestions: [{ messageId: "useEnv", output }] }],
});

runBothPaths("no-hardcoded-key: names of constants and members of constant objects joined", masked<MessageIds, Options>({
  valid: [
    { name: "a name joined to a value only known at run time", code: `const HEAD = ${head};\nconst key = HEAD + input;` },
    { name: "a name reassigned", code: `let HEAD = ${head};\nHEAD = other;\nconst BODY = ${body};\nconst key = HEAD + BODY;` },
    { name: "members of an object reassigned", code: `let P = { head: ${head}, body: ${body} };\nP = load();\nconst key = P.head + P.body;` },
    { name: "a member a spread the file does not determine may replace", code: `const P = { head: ${head}, body: ${body}, ...overrides };\nconst key = P.head + P.body;` },
    { name: "computed members", code: `const P = [${head}, ${body}];\nconst key = P[i] + P[j];` },
    { name: "numbers added", code: "const a = 1;\nconst b = 2;\nconst c = a + b;" },
    { name: "an object whose name does not say it holds keys", code: `const PROVIDERS = { cohere: "${cohere4}" };` },
    { name: "an object that holds keys, a value of no key's shape", code: `const API_KEYS = { cohere: "cohere-production-account" };` },
    { name: "a call's earlier argument that names no secret", code: `getEnvOrDefault("build_id", "${generic4}");` },
    { name: "the fallback of a read whose name does not say whose key it is", code: `const k = env.CACHE_DIGEST ?? "${cohere4}";` },
    { name: "the right side of && is no fallback", code: `const k = env.CO_API_KEY && "${cohere4}";` },
  ],
  invalid: [
    openaiJoin(`const HEAD = ${head};\nconst BODY = ${body};\nconst key = HEAD + BODY;`, `const HEAD = ${head};\nconst BODY = ${body};\nconst key = process.env.OPENAI_API_KEY;`),
    openaiJoin(`const P = { head: ${head}, body: ${body} };\nconst key = P.head + P.body;`, `const P = { head: ${head}, body: ${body} };\nconst key = process.env.OPENAI_API_KEY;`),
    openaiJoin(`const P = Object.freeze({ head: ${head}, body: ${body} });\nconst key = \`\${P.head}\${P.body}\`;`, `const P = Object.freeze({ head: ${head}, body: ${body} });\nconst key = process.env.OPENAI_API_KEY;`),
    openaiJoin(`const P = { head: ${head}, body: ${body} };\nconst key = P["head"] + P["body"];`, `const P = { head: ${head}, body: ${body} };\nconst key = process.env.OPENAI_API_KEY;`),
    openaiJoin(`const C = { parts: { head: ${head}, body: ${body} } } as const;\nconst key = C.parts.head + C.parts.body;`, `const C = { parts: { head: ${head}, body: ${body} } } as const;\nconst key = process.env.OPENAI_API_KEY;`),
    openaiJoin(`const BASE = { head: ${head} };\nconst P = { ...BASE, body: ${body} };\nconst key = P.head + P.body;`, `const BASE = { head: ${head} };\nconst P = { ...BASE, body: ${body} };\nconst key = process.env.OPENAI_API_KEY;`),
    {
      name: "a key whole in one constant is reported where it is written, not again where it is joined",
      code: `const K = ${q(joined)};\nconst SUFFIX = "-v2";\nconst tagged = K + SUFFIX;`,
      errors: [{ messageId: "hardcodedKey", line: 1, data: data("OpenAI project key", joined, "process.env.OPENAI_API_KEY"), suggestions: [{ messageId: "useEnv", output: 'const K = process.env.OPENAI_API_KEY;\nconst SUFFIX = "-v2";\nconst tagged = K + SUFFIX;' }] }],
    },
    {
      name: "a named key whole in one constant is reported where it is written, not again where names join it",
      code: `const cohereApiKey = "${cohere4}";\nconst EMPTY = "";\nconst coApiKey = cohereApiKey + EMPTY;`,
      errors: [{ messageId: "hardcodedKey", line: 1, data: { provider: "Cohere API key", masked: mask(cohere4, ""), source: "process.env.CO_API_KEY" }, suggestions: [{ messageId: "useEnv", output: `const cohereApiKey = process.env.CO_API_KEY;\nconst EMPTY = "";\nconst coApiKey = cohereApiKey + EMPTY;` }] }],
    },
    {
      name: "a named key joined from names of constants",
      code: `const HEAD = "${cohere4.slice(0, 20)}";\nconst TAIL = "${cohere4.slice(20)}";\nconst cohereApiKey = HEAD + TAIL;`,
      errors: [{ messageId: "hardcodedKey", line: 3, data: { provider: "Cohere API key", masked: mask(cohere4, ""), source: "process.env.CO_API_KEY" }, suggestions: [{ messageId: "useEnv", output: `const HEAD = "${cohere4.slice(0, 20)}";\nconst TAIL = "${cohere4.slice(20)}";\nconst cohereApiKey = process.env.CO_API_KEY;` }] }],
    },
    {
      name: "an object whose name says it holds keys: the property names the provider",
      code: `const API_KEYS = { cohere: "${cohere4}" };`,
      errors: [{ messageId: "hardcodedKey", data: { provider: "Cohere API key", masked: mask(cohere4, ""), source: "process.env.CO_API_KEY" }, suggestions: [{ messageId: "useEnv", output: "const API_KEYS = { cohere: process.env.CO_API_KEY };" }] }],
    },
    {
      name: "a nested object that holds keys",
      code: `export default { providers: { credentials: { cohere: "${cohere4}" } } };`,
      errors: [{ messageId: "hardcodedKey", data: { provider: "Cohere API key", masked: mask(cohere4, ""), source: "process.env.CO_API_KEY" }, suggestions: [{ messageId: "useEnv", output: "export default { providers: { credentials: { cohere: process.env.CO_API_KEY } } };" }] }],
    },
    {
      name: "a generic secret in an object that holds secrets",
      code: `const secrets = { session: "${generic4}" };`,
      errors: [{ messageId: "hardcodedKey", data: { provider: "secret", masked: mask(generic4, ""), source: "process.env.SECRET" }, suggestions: [{ messageId: "useEnv", output: "const secrets = { session: process.env.SECRET };" }] }],
    },
    {
      name: "a call's first argument names the value: getEnvOrDefault(\"api_token\", …)",
      code: `const token = getEnvOrDefault("api_token", "${generic4}");`,
      errors: [{ messageId: "hardcodedKey", data: { provider: "secret", masked: mask(generic4, ""), source: "process.env.SECRET" }, suggestions: [{ messageId: "useEnv", output: 'const token = getEnvOrDefault("api_token", process.env.SECRET);' }] }],
    },
    {
      name: "a call's first argument names a provider's key",
      code: `config.get("COHERE_API_KEY", "${cohere4}");`,
      errors: [{ messageId: "hardcodedKey", data: { provider: "Cohere API key", masked: mask(cohere4, ""), source: "process.env.CO_API_KEY" }, suggestions: [{ messageId: "useEnv", output: 'config.get("COHERE_API_KEY", process.env.CO_API_KEY);' }] }],
    },
    {
      name: "Bun.env's fallback names the key",
      code: `const k = Bun.env.CO_API_KEY || "${cohere4}";`,
      errors: [{ messageId: "hardcodedKey", data: { provider: "Cohere API key", masked: mask(cohere4, ""), source: "process.env.CO_API_KEY" }, suggestions: [{ messageId: "removeFallback", output: "const k = Bun.env.CO_API_KEY;" }] }],
    },
    ...[
      ["a Workers binding", "export default { fetch(request, env) { const k = env.CO_API_KEY ?? \"…\"; } };"],
      ["Hono's c.env", "app.get(\"/\", (c) => { const k = c.env.CO_API_KEY || \"…\"; });"],
      ["SvelteKit's $env/static/private", 'import { CO_API_KEY } from "$env/static/private";\nconst k = CO_API_KEY ?? "…";'],
      ["SvelteKit's $env/dynamic/private", 'import { env } from "$env/dynamic/private";\nconst k = env.CO_API_KEY ?? "…";'],
      ["Nuxt's runtime config", "const k = useRuntimeConfig().cohereApiKey ?? \"…\";"],
    ].map(([where, code]): InvalidTestCase<MessageIds, Options> => ({
      name: `the fallback of ${where} names the key`,
      code: code!.replace("…", cohere4),
      errors: [{ messageId: "hardcodedKey", data: { provider: "Cohere API key", masked: mask(cohere4, ""), source: "process.env.CO_API_KEY" }, suggestions: [{ messageId: "removeFallback", output: code!.replace(/ (\?\?|\|\|) "…"/, "") }] }],
    })),
    {
      name: "process.env[\"X\"]'s fallback names the key",
      code: `const k = process.env["CO_API_KEY"] ?? "${cohere4}";`,
      errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "removeFallback", output: 'const k = process.env["CO_API_KEY"];' }] }],
    },
  ],
}));

// ------------------------------------------------------------------ options that cannot work

/** A flat config with the plugin (the rule alone) and no parser of its own: plain JavaScript. */
const keyguardOnly = { plugins: { keyguard: { rules: { "no-hardcoded-key": rule } } as unknown as ESLint.Plugin } };

describe("no-hardcoded-key: malformed options are a clear configuration error", () => {
  const linter = new Linter({ configType: "flat" });
  const verify = (options: unknown) =>
    linter.verify("const a = 1;", [{ ...keyguardOnly, rules: { "keyguard/no-hardcoded-key": ["error", options] } }] as Linter.Config[]);

  it.each([
    [{ checkComment: true }, /should NOT have additional properties/],
    [{ checkComments: "yes" }, /checkComments.*should be boolean|should be boolean/],
    [{ extraPatterns: [{ name: "x" }] }, /should have required property 'pattern'/],
    [{ extraPatterns: [{ name: "", pattern: "a" }] }, /should NOT be shorter than 1 characters/],
    [{ extraPatterns: [{ name: "x", pattern: "a", envVar: "NOT VALID" }] }, /should match pattern/],
    [{ allow: [42] }, /should be string|should match some schema in anyOf/],
    [{ allow: [{ pattern: "a", flags: "g" }] }, /should match pattern|should match some schema in anyOf/],
    [{ allow: "sk-test" }, /should be array/],
  ])("rejects %j", (options, message) => {
    expect(() => verify(options)).toThrow(/keyguard\/no-hardcoded-key/);
    expect(() => verify(options)).toThrow(message);
  });

  it("accepts the documented options", () => {
    expect(verify({ checkComments: false, extraPatterns: [{ name: "Acme", pattern: "acme_[0-9]{8}", envVar: "ACME_KEY" }], allow: ["x", { pattern: "^a", flags: "i" }] })).toEqual([]);
  });

  it("an invalid extraPatterns regex stops the run with an error naming the option", () => {
    const run = () => verify({ extraPatterns: [{ name: "Acme gateway key", pattern: "acme_([0-9]{8}" }] });
    expect(run).toThrow(/keyguard\/no-hardcoded-key: invalid options: extraPatterns\[0\] \("Acme gateway key"\): pattern is not a valid regular expression/);
  });

  it("an invalid allow regex stops the run with an error naming the entry", () => {
    expect(() => verify({ allow: [{ pattern: "(" }] })).toThrow(/invalid options: allow\[0\]: pattern is not a valid regular expression/);
  });
});

// ------------------------------------------------------------------ messages never print a key

describe("no-hardcoded-key: messages show the masked form only", () => {
  const linter = new Linter({ configType: "flat" });
  it.each(PROVIDERS.map((p) => [p.id, p] as const))("%s", (_id, provider) => {
    const key = fakeKey(provider.id, 7);
    const name = CONTEXT_NAMES[provider.id] ?? "value";
    const messages = linter.verify(`const ${name} = ${JSON.stringify(key)};\n// ${key.replaceAll("\n", " ")}`, [
      { ...keyguardOnly, rules: { "keyguard/no-hardcoded-key": "error" } },
    ] as Linter.Config[]);
    const found = messages.filter((m) => m.ruleId === "keyguard/no-hardcoded-key");
    expect(found.length).toBeGreaterThanOrEqual(1);
    const body = key.slice(-12);
    for (const m of found) {
      expect(m.message).not.toContain(body);
      expect(m.message).toMatch(/\(.*….{0,4}\)/);
    }
  });
});
