import rule, { type MessageIds, type Options } from "../../rules/no-hardcoded-key.js";
import { mask } from "../../src/detect/index.js";
import { fakeKey, j } from "../helpers/keys.js";
import { masked, ruleTester } from "./rule-tester.js";

const openai = fakeKey("openai-project", 1);
const anthropic = fakeKey("anthropic", 2);
const groq = fakeKey("groq", 3);
const google = fakeKey("google-api", 4);
const izzi = fakeKey("izzi", 5);
const cohere = fakeKey("cohere", 6);

const data = (provider: string, key: string, source: string) => ({ provider, masked: mask(key), source });

ruleTester().run("no-hardcoded-key", rule, masked<MessageIds, Options>({
  valid: [
    'const key = process.env.OPENAI_API_KEY;',
    // placeholders from docs and the seed guide
    `const key = "${j("izzi-", "YOUR_KEY_HERE")}";`,
    `const key = "${j("sk-", "...")}";`,
    `const key = "${j("sk-proj-", "x".repeat(60))}";`,
    'const key = "<your-key>";',
    'const key = "${OPENAI_API_KEY}";',
    'const key = "{{ secrets.OPENAI_API_KEY }}";',
    // words that contain a prefix
    `const name = "task-runner-${"a1".repeat(30)}";`,
    `const name = "desk-top-${"b2".repeat(30)}";`,
    // model ids, object ids, uuids, hashes
    'const model = "gpt-4o-mini-2024-07-18";',
    'const id = "chatcmpl-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d";',
    'const uuid = "3f2b8c1e-9d4a-4e7b-8c2f-1a2b3c4d5e6f";',
    'const sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";',
    // firebase web config keys are public by design
    `const firebaseConfig = { apiKey: "${google}", authDomain: "demo.firebaseapp.com", appId: "1:2:web:3" };`,
    // a prefix-less key is only a key where its name says so
    `const checksum = "${cohere}";`,
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
