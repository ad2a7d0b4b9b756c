import tsParser from "@typescript-eslint/parser";
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../rules/index.js";
import rule, { type MessageIds, type Options } from "../../rules/require-secret-source.js";
import { CLIENTS, envVarFor, type ClientEntry } from "../../src/clients/catalog.js";
import { fakeKey, j, randomChars, rng, supabaseJwt } from "../helpers/keys.js";
import { masked, ruleTester } from "./rule-tester.js";

type Valid = ValidTestCase<Options>;
type Invalid = InvalidTestCase<MessageIds, Options>;

const OPENAI = fakeKey("openai-project", 11);
const ANTHROPIC = fakeKey("anthropic", 11);
/**
 * A literal in no key format keyguard knows (a key of an internal gateway, or a placeholder): this
 * rule's to report. Keys the detector knows are no-hardcoded-key's (see "ownership" below).
 */
const GATEWAY = "gw-7f3a9c1e5d";
const q = (s: string) => JSON.stringify(s);

const byId = (id: string): ClientEntry => {
  const client = CLIENTS.find((c) => c.id === id);
  if (!client) throw new Error(`no catalog client ${id}`);
  return client;
};

/**
 * One call per catalog key location: `call(value)` puts `value` where the key goes. `key` is a
 * literal of the provider's real format where it has one.
 */
interface Form {
  client: string;
  option: string;
  imports: string;
  call: (value: string) => string;
  key: string;
}

const FORMS: Form[] = [
  { client: "openai", option: "apiKey", imports: 'import OpenAI from "openai";', call: (v) => `new OpenAI({ apiKey: ${v} });`, key: OPENAI },
  { client: "azure-openai", option: "apiKey", imports: 'import { AzureOpenAI } from "openai";', call: (v) => `new AzureOpenAI({ apiKey: ${v}, endpoint });`, key: fakeKey("azure-openai", 11) },
  { client: "azure-openai", option: "azureADTokenProvider", imports: 'import { AzureOpenAI } from "openai";', call: (v) => `new AzureOpenAI({ azureADTokenProvider: async () => ${v} });`, key: fakeKey("azure-openai", 12) },
  { client: "anthropic", option: "apiKey", imports: 'import Anthropic from "@anthropic-ai/sdk";', call: (v) => `new Anthropic({ apiKey: ${v} });`, key: ANTHROPIC },
  { client: "anthropic", option: "authToken", imports: 'import Anthropic from "@anthropic-ai/sdk";', call: (v) => `new Anthropic({ authToken: ${v} });`, key: ANTHROPIC },
  { client: "groq", option: "apiKey", imports: 'import Groq from "groq-sdk";', call: (v) => `new Groq({ apiKey: ${v} });`, key: fakeKey("groq", 11) },
  { client: "google-genai", option: "apiKey", imports: 'import { GoogleGenAI } from "@google/genai";', call: (v) => `new GoogleGenAI({ apiKey: ${v} });`, key: fakeKey("google-api", 11) },
  { client: "google-generative-ai", option: "argument 1", imports: 'import { GoogleGenerativeAI } from "@google/generative-ai";', call: (v) => `new GoogleGenerativeAI(${v});`, key: fakeKey("google-api", 12) },
  { client: "mistral", option: "apiKey", imports: 'import { Mistral } from "@mistralai/mistralai";', call: (v) => `new Mistral({ apiKey: ${v} });`, key: fakeKey("mistral", 11) },
  { client: "together", option: "apiKey", imports: 'import Together from "together-ai";', call: (v) => `new Together({ apiKey: ${v} });`, key: fakeKey("together", 11) },
  { client: "pinecone", option: "apiKey", imports: 'import { Pinecone } from "@pinecone-database/pinecone";', call: (v) => `new Pinecone({ apiKey: ${v} });`, key: fakeKey("pinecone", 11) },
  { client: "cohere", option: "token", imports: 'import { CohereClient } from "cohere-ai";', call: (v) => `new CohereClient({ token: ${v} });`, key: fakeKey("cohere", 11) },
  { client: "replicate", option: "auth", imports: 'import Replicate from "replicate";', call: (v) => `new Replicate({ auth: ${v} });`, key: fakeKey("replicate", 11) },
  { client: "huggingface", option: "argument 1", imports: 'import { InferenceClient } from "@huggingface/inference";', call: (v) => `new InferenceClient(${v});`, key: fakeKey("huggingface", 11) },
  { client: "langchain-openai", option: "apiKey", imports: 'import { ChatOpenAI } from "@langchain/openai";', call: (v) => `new ChatOpenAI({ model, apiKey: ${v} });`, key: OPENAI },
  { client: "langchain-openai", option: "openAIApiKey", imports: 'import { OpenAIEmbeddings } from "@langchain/openai";', call: (v) => `new OpenAIEmbeddings({ openAIApiKey: ${v} });`, key: OPENAI },
  { client: "langchain-openai", option: "configuration.apiKey", imports: 'import { ChatOpenAI } from "@langchain/openai";', call: (v) => `new ChatOpenAI({ configuration: { apiKey: ${v} } });`, key: OPENAI },
  { client: "langchain-azure-openai", option: "azureOpenAIApiKey", imports: 'import { AzureChatOpenAI } from "@langchain/openai";', call: (v) => `new AzureChatOpenAI({ azureOpenAIApiKey: ${v} });`, key: fakeKey("azure-openai", 13) },
  { client: "langchain-azure-openai", option: "apiKey", imports: 'import { AzureChatOpenAI } from "@langchain/openai";', call: (v) => `new AzureChatOpenAI({ apiKey: ${v} });`, key: fakeKey("azure-openai", 14) },
  { client: "langchain-anthropic", option: "apiKey", imports: 'import { ChatAnthropic } from "@langchain/anthropic";', call: (v) => `new ChatAnthropic({ apiKey: ${v} });`, key: ANTHROPIC },
  { client: "langchain-anthropic", option: "anthropicApiKey", imports: 'import { ChatAnthropic } from "@langchain/anthropic";', call: (v) => `new ChatAnthropic({ anthropicApiKey: ${v} });`, key: ANTHROPIC },
  { client: "ai-sdk-openai", option: "apiKey", imports: 'import { createOpenAI } from "@ai-sdk/openai";', call: (v) => `const openai = createOpenAI({ apiKey: ${v} });`, key: OPENAI },
  { client: "ai-sdk-google", option: "apiKey", imports: 'import { createGoogleGenerativeAI } from "@ai-sdk/google";', call: (v) => `createGoogleGenerativeAI({ apiKey: ${v} });`, key: fakeKey("google-api", 13) },
  { client: "ai-sdk-anthropic", option: "apiKey", imports: 'import { createAnthropic } from "@ai-sdk/anthropic";', call: (v) => `createAnthropic({ apiKey: ${v} });`, key: ANTHROPIC },
  { client: "ai-sdk-anthropic", option: "authToken", imports: 'import { createAnthropic } from "@ai-sdk/anthropic";', call: (v) => `createAnthropic({ authToken: ${v} });`, key: ANTHROPIC },
  { client: "openrouter", option: "apiKey", imports: 'import { createOpenRouter } from "@openrouter/ai-sdk-provider";', call: (v) => `createOpenRouter({ apiKey: ${v} });`, key: fakeKey("openrouter", 11) },
  { client: "aws-sdk", option: "credentials.accessKeyId", imports: 'import { S3Client } from "@aws-sdk/client-s3";', call: (v) => `new S3Client({ region, credentials: { accessKeyId: ${v}, secretAccessKey } });`, key: fakeKey("aws-access-key", 11) },
  { client: "aws-sdk", option: "credentials.secretAccessKey", imports: 'import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";', call: (v) => `new SecretsManagerClient({ credentials: { accessKeyId, secretAccessKey: ${v} } });`, key: fakeKey("aws-secret-key", 11) },
  { client: "aws-sdk", option: "credentials.sessionToken", imports: 'import { DynamoDBClient } from "@aws-sdk/client-dynamodb";', call: (v) => `new DynamoDBClient({ credentials: { accessKeyId, secretAccessKey, sessionToken: ${v} } });`, key: fakeKey("aws-secret-key", 12) },
  { client: "octokit", option: "auth", imports: 'import { Octokit } from "@octokit/rest";', call: (v) => `new Octokit({ auth: ${v} });`, key: fakeKey("github-fine-grained", 11) },
  { client: "stripe", option: "argument 1", imports: 'import Stripe from "stripe";', call: (v) => `const stripe = new Stripe(${v});`, key: fakeKey("stripe-secret", 11) },
  { client: "slack", option: "argument 1", imports: 'import { WebClient } from "@slack/web-api";', call: (v) => `new WebClient(${v});`, key: fakeKey("slack-token", 11) },
  { client: "sendgrid", option: "argument 1", imports: 'import sgMail from "@sendgrid/mail";', call: (v) => `sgMail.setApiKey(${v});`, key: fakeKey("sendgrid", 11) },
  { client: "twilio", option: "argument 2", imports: 'import twilio from "twilio";', call: (v) => `const client = twilio(accountSid, ${v});`, key: fakeKey("twilio-auth-token", 11) },
  { client: "twilio-class", option: "argument 2", imports: 'import { Twilio } from "twilio";', call: (v) => `new Twilio(accountSid, ${v});`, key: fakeKey("twilio-auth-token", 12) },
];

const env = (client: string, option: string) => `process.env.${envVarFor(byId(client), option)}`;

/** A `hardcoded` error with its suggestion. */
function hardcoded(client: string, option: string, output: string, where = "", envText = env(client, option)): Invalid["errors"][number] {
  return {
    messageId: "hardcoded",
    data: { client: byId(client).name, option, env: envText, where },
    suggestions: [{ messageId: "useEnv", data: { env: envText }, output }],
  };
}

const fallbackError = (client: string, option: string, output: string, where = ""): Invalid["errors"][number] => ({
  messageId: "hardcodedFallback",
  data: { client: byId(client).name, option, env: env(client, option), where },
  suggestions: [{ messageId: "removeFallback", output }],
});

const unknownError = (client: string, option: string): Invalid["errors"][number] => ({
  messageId: "unknownSource",
  data: { client: byId(client).name, option, env: env(client, option), where: "" },
});

describe("catalog coverage of these tests", () => {
  it("has a valid and an invalid case for every key location of every catalog client", () => {
    const covered = new Set(FORMS.map((f) => `${f.client}|${f.option}`));
    const missing: string[] = [];
    for (const c of CLIENTS) {
      if (c.publicByDesign) continue;
      for (const o of c.keyOptions ?? []) if (!covered.has(`${c.id}|${o}`)) missing.push(`${c.id}|${o}`);
      if (c.keyArgument !== undefined && !covered.has(`${c.id}|argument ${c.keyArgument + 1}`)) missing.push(`${c.id}|argument`);
    }
    expect(missing).toEqual([]);
  });
});

ruleTester().run(
  "require-secret-source: catalog clients",
  rule,
  masked<MessageIds, Options>({
    valid: [
      ...FORMS.map((f) => `${f.imports}\n${f.call(env(f.client, f.option))}`),
      // leaving the key option out: the SDK reads its own environment variable
      'import OpenAI from "openai";\nnew OpenAI();',
      'import OpenAI from "openai";\nnew OpenAI({ baseURL: "https://api.example.com/v1" });',
      'import { createOpenAI } from "@ai-sdk/openai";\ncreateOpenAI({ compatibility: "strict" });',
      // public by design
      `import { initializeApp } from "firebase/app";\ninitializeApp({ apiKey: ${q(fakeKey("google-api", 20))}, authDomain: "demo.firebaseapp.com" });`,
      `import { createClient } from "@supabase/supabase-js";\ncreateClient("https://demo.supabase.co", ${q(j("sb_", "publishable_", "demo0123456789abcdefABCDEF"))});`,
    ],
    invalid: FORMS.map((f) => {
      const envText = env(f.client, f.option);
      return {
        code: `${f.imports}\n${f.call(q(GATEWAY))}`,
        errors: [hardcoded(f.client, f.option, `${f.imports}\n${f.call(envText)}`)],
      };
    }),
  }),
);

/** The name a key is held under in an object of keys: the client and its option (`aws-sdk secretAccessKey`). */
const holderKey = (f: Form) => `${f.client} ${f.option.replace(/^.*\./, "")}`;

/** The places a planted key stands in: in the call, in a const passed to it, as an environment fallback, joined from constants, in an object that holds keys. */
const PLACEMENTS: [string, (f: Form) => string][] = [
  ["in the call", (f) => `${f.imports}\n${f.call(q(f.key))}`],
  ["in a const", (f) => `${f.imports}\nconst KEY = ${q(f.key)};\n${f.call("KEY")}`],
  ["as a fallback", (f) => `${f.imports}\n${f.call(`${env(f.client, f.option)} ?? ${q(f.key)}`)}`],
  ["joined from constants", (f) => `${f.imports}\nconst HEAD = ${q(f.key.slice(0, 12))};\nconst BODY = ${q(f.key.slice(12))};\n${f.call("HEAD + BODY")}`],
  ["joined from a constant object's members", (f) => `${f.imports}\nconst PARTS = { head: ${q(f.key.slice(0, 12))}, body: ${q(f.key.slice(12))} };\n${f.call("PARTS.head + PARTS.body")}`],
  ["in an object that holds keys", (f) => `${f.imports}\nconst API_KEYS = { ${q(holderKey(f))}: ${q(f.key)} };\n${f.call(`API_KEYS[${q(holderKey(f))}]`)}`],
];

/**
 * Placements whose test key has no format the detector ties to that place: an AWS secret key's
 * shape in the session-token slot is a generic secret where the `credentials` object holds it,
 * and no known format as an environment fallback or under a name that does not say "secret". Such
 * a literal is this rule's to report, as any literal of no known key format.
 */
const UNKNOWN_FORMAT = new Set(["aws-sdk|credentials.sessionToken|as a fallback", "aws-sdk|credentials.sessionToken|in an object that holds keys"]);
const knownFormat = (f: Form, where: string) => !UNKNOWN_FORMAT.has(`${f.client}|${f.option}|${where}`);

ruleTester().run(
  "require-secret-source: a key the detector knows is no-hardcoded-key's to report",
  rule,
  masked<MessageIds, Options>({
    valid: FORMS.flatMap((f) => PLACEMENTS.filter(([where]) => knownFormat(f, where)).map(([where, code]) => ({ code: code(f), name: `${f.client} ${f.option}: a key ${where}` }))),
    invalid: [],
  }),
);

describe("one report per planted key under configs.recommended", () => {
  const linter = new Linter({ configType: "flat" });
  const lintRecommended = (code: string, filename = "src/app.ts") =>
    linter.verify(code, [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }, plugin.configs.recommended as Linter.Config], filename);

  it.each(FORMS.map((f) => [`${f.client} ${f.option}`, f] as const))("%s", (_, f) => {
    for (const [where, code] of PLACEMENTS) {
      const messages = lintRecommended(code(f));
      const expected = knownFormat(f, where) ? "keyguard/no-hardcoded-key: hardcodedKey" : `keyguard/require-secret-source: ${where === "as a fallback" ? "hardcodedFallback" : "hardcoded"}`;
      expect(messages.map((m) => `${m.ruleId}: ${m.messageId}`), `${f.client} ${where}`).toEqual([expected]);
    }
  });

  it("a header, a concatenation, a template and options built in other ways, with a key: one report each", () => {
    const codes = [
      `${OPENAI_IMPORT}\nnew OpenAI({ defaultHeaders: { Authorization: ${q(`Bearer ${OPENAI}`)} } });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: ${q(OPENAI.slice(0, 20))} + ${q(OPENAI.slice(20))} });`,
      `${OPENAI_IMPORT}\nconst PREFIX = "sk-proj-";\nnew OpenAI({ apiKey: \`\${PREFIX}${OPENAI.slice(8)}\` });`,
      `${OPENAI_IMPORT}\nconst opts = { apiKey: ${q(OPENAI)} };\nnew OpenAI({ ...opts, timeout: 5 });`,
      `${OPENAI_IMPORT}\nconst opts: any = {};\nopts.apiKey = ${q(OPENAI)};\nnew OpenAI(opts);`,
      `${OPENAI_IMPORT}\nconst opts = {};\nObject.assign(opts, { apiKey: ${q(OPENAI)} });\nnew OpenAI(opts);`,
      `${OPENAI_IMPORT}\nnew OpenAI({ get apiKey() { return ${q(OPENAI)}; } });`,
      `${OPENAI_IMPORT}\nconst K = "apiKey";\nnew OpenAI({ [K]: ${q(OPENAI)} });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: (process.env.OPENAI_API_KEY ?? ${q(OPENAI)}).trim() });`,
      // a key without a prefix, named by a Workers binding it falls back for, or by an object of keys
      `${COHERE_IMPORT}\nexport default { fetch(request, env) { return new CohereClient({ token: env.CO_API_KEY ?? ${q(COHERE)} }); } };`,
      `${COHERE_IMPORT}\nconst KEYS = { cohere: ${q(COHERE)} };\nnew CohereClient({ token: KEYS.cohere });`,
    ];
    for (const code of codes) expect(lintRecommended(code).map((m) => m.ruleId)).toEqual(["keyguard/no-hardcoded-key"]);
  });

  it("a real key in a test file is still reported, by no-hardcoded-key; a placeholder there is not", () => {
    expect(lintRecommended(`${OPENAI_IMPORT}\nnew OpenAI({ apiKey: ${q(OPENAI)} });`, "src/chat.test.ts").map((m) => m.ruleId)).toEqual(["keyguard/no-hardcoded-key"]);
    expect(lintRecommended(`${OPENAI_IMPORT}\nnew OpenAI({ apiKey: "test-key" });`, "src/chat.test.ts")).toEqual([]);
  });
});

const OPENAI_IMPORT = 'import OpenAI from "openai";';
const COHERE_IMPORT = 'import { CohereClient } from "cohere-ai";';
const COHERE = fakeKey("cohere", 13);
const openaiError = (output: string, where = "") => hardcoded("openai", "apiKey", output, where);

ruleTester().run(
  "require-secret-source: import forms",
  rule,
  masked<MessageIds, Options>({
    valid: [
      // a local class that happens to be called OpenAI
      `class OpenAI { constructor(o: object) {} }\nnew OpenAI({ apiKey: ${q(GATEWAY)} });`,
      `new OpenAI({ apiKey: ${q(GATEWAY)} });`,
      `import { OpenAI } from "./my-openai";\nnew OpenAI({ apiKey: ${q(GATEWAY)} });`,
      `import OpenAI from "openai";\nfunction make(OpenAI: any) { return new OpenAI({ apiKey: ${q(GATEWAY)} }); }`,
      `import { Anthropic } from "@langchain/anthropic";\nnew Anthropic({ apiKey: ${q(GATEWAY)} });`,
    ],
    invalid: [
      // (the default import: in "catalog clients" above)
      ['import { OpenAI } from "openai";', "new OpenAI"],
      ['import { OpenAI as O } from "openai";', "new O"],
      ['import * as oai from "openai";', "new oai.OpenAI"],
      ['const OpenAI = require("openai");', "new OpenAI"],
      ['const { OpenAI } = require("openai");', "new OpenAI"],
      ['const { default: OpenAI } = require("openai");', "new OpenAI"],
      ['import OpenAI = require("openai");', "new OpenAI"],
      ['const { OpenAI } = await import("openai");', "new OpenAI"],
      ['const oai = await import("openai");', "new oai.default"],
    ].map(([imports, ctor]) => ({
      code: `${imports}\n${ctor}({ apiKey: ${q(GATEWAY)} });`,
      errors: [openaiError(`${imports}\n${ctor}({ apiKey: process.env.OPENAI_API_KEY });`)],
    })).concat([
      {
        code: `const { Anthropic } = require("@anthropic-ai/sdk");\nnew Anthropic({ apiKey: ${q(GATEWAY)} });`,
        errors: [hardcoded("anthropic", "apiKey", 'const { Anthropic } = require("@anthropic-ai/sdk");\nnew Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });')],
      },
      {
        code: `const stripe = require("stripe")(${q(GATEWAY)});`,
        errors: [hardcoded("stripe", "argument 1", 'const stripe = require("stripe")(process.env.STRIPE_SECRET_KEY);')],
      },
      {
        code: `const sgMail = require("@sendgrid/mail");\nsgMail.setApiKey(${q(GATEWAY)});`,
        errors: [hardcoded("sendgrid", "argument 1", 'const sgMail = require("@sendgrid/mail");\nsgMail.setApiKey(process.env.SENDGRID_API_KEY);')],
      },
      {
        code: `import twilio from "twilio";\nnew twilio.Twilio(sid, ${q(GATEWAY)});`,
        errors: [hardcoded("twilio-class", "argument 2", 'import twilio from "twilio";\nnew twilio.Twilio(sid, process.env.TWILIO_AUTH_TOKEN);')],
      },
    ]),
  }),
);

const withKeyguard = (body: string) => `import OpenAI from "openai";\nimport { secretFromEnv, secretFromFile, secretFromCredential, secretFromJson, rotatingSecret, defineSecretSource } from "keyguard/secret";\n${body}`;

ruleTester().run(
  "require-secret-source: sources",
  rule,
  masked<MessageIds, Options>({
    valid: [
      // (process.env.X itself: in "catalog clients" above, for every client)
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env["OPENAI_API_KEY"] });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY! });`,
      `${OPENAI_IMPORT}\nconst { OPENAI_API_KEY } = process.env;\nnew OpenAI({ apiKey: OPENAI_API_KEY });`,
      `${OPENAI_IMPORT}\nconst { OPENAI_API_KEY: apiKey } = process.env;\nnew OpenAI({ apiKey });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: import.meta.env.VITE_OPENAI_API_KEY });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: Deno.env.get("OPENAI_API_KEY") });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: Bun.env.OPENAI_API_KEY });`,
      `${OPENAI_IMPORT}\nconst key = process.env.OPENAI_API_KEY;\nnew OpenAI({ apiKey: key });`,
      `${OPENAI_IMPORT}\nconst env = process.env;\nnew OpenAI({ apiKey: env.OPENAI_API_KEY });`,
      `${OPENAI_IMPORT}\nconst key = process.env.OPENAI_API_KEY ?? "";\nnew OpenAI({ apiKey: key });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY || undefined });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: String(process.env.OPENAI_API_KEY) });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ defaultHeaders: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: null });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: undefined });`,
      withKeyguard('new OpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY") });'),
      withKeyguard('new OpenAI({ apiKey: await secretFromFile("/run/secrets/openai") });'),
      withKeyguard('new OpenAI({ apiKey: await secretFromCredential("openai") });'),
      withKeyguard('new OpenAI({ apiKey: secretFromJson(document, "api_key") });'),
      withKeyguard("const rotating = rotatingSecret(source, { maxAgeMs: 60_000 });\nnew OpenAI({ apiKey: rotating.provider() });"),
      withKeyguard("new OpenAI({ apiKey: rotatingSecret(source, { maxAgeMs: 1 }).provider() });"),
      withKeyguard("const rotating = rotatingSecret(source, { maxAgeMs: 60_000 });\nnew OpenAI({ apiKey: await rotating.get() });"),
      withKeyguard("const fromAws = defineSecretSource(fetchSecret);\nnew OpenAI({ apiKey: await fromAws() });"),
      `${OPENAI_IMPORT}\nimport * as secrets from "keyguard/secret";\nnew OpenAI({ apiKey: secrets.secretFromEnv("OPENAI_API_KEY") });`,
      // functions returning a source, as values (openai accepts a key function) and as calls
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: async () => process.env.OPENAI_API_KEY! });`,
      withKeyguard('new OpenAI({ apiKey: async () => await secretFromFile("/run/secrets/openai") });'),
      `${OPENAI_IMPORT}\nfunction loadKey() { if (!process.env.OPENAI_API_KEY) throw new Error("missing"); return process.env.OPENAI_API_KEY; }\nnew OpenAI({ apiKey: loadKey() });`,
      `${OPENAI_IMPORT}\nasync function loadKey() { return process.env.OPENAI_API_KEY!; }\nnew OpenAI({ apiKey: loadKey });`,
      `${OPENAI_IMPORT}\nconst loadKey = () => process.env.OPENAI_API_KEY;\nnew OpenAI({ apiKey: loadKey() });`,
      // consts tracing to a source
      `${OPENAI_IMPORT}\nconst config = { openai: { key: process.env.OPENAI_API_KEY } };\nnew OpenAI({ apiKey: config.openai.key });`,
      `${OPENAI_IMPORT}\nconst config = { apiKey: process.env.OPENAI_API_KEY };\nconst { apiKey } = config;\nnew OpenAI({ apiKey });`,
      `${OPENAI_IMPORT}\nconst opts = { apiKey: process.env.OPENAI_API_KEY, timeout: 5 };\nnew OpenAI(opts);`,
      `${OPENAI_IMPORT}\nconst defaults = { apiKey: ${q(GATEWAY)} };\nnew OpenAI({ ...defaults, apiKey: process.env.OPENAI_API_KEY });`,
      `${OPENAI_IMPORT}\nconst key = isProd ? process.env.OPENAI_API_KEY : process.env.OPENAI_DEV_KEY;\nnew OpenAI({ apiKey: key });`,
      // origins this file cannot see: not reported without strict
      `${OPENAI_IMPORT}\nexport function make(apiKey: string) { return new OpenAI({ apiKey }); }`,
      `${OPENAI_IMPORT}\nimport { apiKey } from "./config";\nnew OpenAI({ apiKey });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: getKey() });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: config.openai.key });`,
      `${OPENAI_IMPORT}\nlet key = process.env.OPENAI_API_KEY;\nkey = other;\nnew OpenAI({ apiKey: key });`,
      // recursion and long chains end (as unknown) instead of looping
      `${OPENAI_IMPORT}\nfunction a(): string { return b(); }\nfunction b(): string { return a(); }\nnew OpenAI({ apiKey: a() });`,
      `${OPENAI_IMPORT}\nconst k0 = "dev-key";\n${Array.from({ length: 40 }, (_, i) => `const k${i + 1} = k${i};`).join("\n")}\nnew OpenAI({ apiKey: k40 });`,
      // secretFromEnv not imported from anywhere: an unknown call, reported only in strict mode
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY") });`,
    ],
    invalid: [
      // (a literal in the call itself, key-shaped or not: in "catalog clients" and "test files, values that cannot be credentials" below)
      { code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: \`${GATEWAY}\` });`, errors: [openaiError(`${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });`)] },
      {
        code: `${OPENAI_IMPORT}\nconst PREFIX = "gw-";\nnew OpenAI({ apiKey: \`\${PREFIX}${GATEWAY.slice(3)}\` });`,
        errors: [{ messageId: "hardcoded", data: { client: "OpenAI", option: "apiKey", env: "process.env.OPENAI_API_KEY", where: "" }, suggestions: [] }],
      },
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: ${q(GATEWAY.slice(0, 6))} + ${q(GATEWAY.slice(6))} });`,
        errors: [{ messageId: "hardcoded", data: { client: "OpenAI", option: "apiKey", env: "process.env.OPENAI_API_KEY", where: "" }, suggestions: [] }],
      },
      // a const that holds a literal: reported at the call, naming the line of the literal
      {
        code: `${OPENAI_IMPORT}\nconst KEY = ${q(GATEWAY)};\nnew OpenAI({ apiKey: KEY });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nconst KEY = process.env.OPENAI_API_KEY;\nnew OpenAI({ apiKey: KEY });`, " (line 2)")],
      },
      {
        code: `${OPENAI_IMPORT}\nlet key = ${q(GATEWAY)};\nnew OpenAI({ apiKey: key });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nlet key = process.env.OPENAI_API_KEY;\nnew OpenAI({ apiKey: key });`, " (line 2)")],
      },
      {
        code: `${OPENAI_IMPORT}\nconst config = { openai: { key: ${q(GATEWAY)} } };\nnew OpenAI({ apiKey: config.openai.key });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nconst config = { openai: { key: process.env.OPENAI_API_KEY } };\nnew OpenAI({ apiKey: config.openai.key });`, " (line 2)")],
      },
      {
        code: `${OPENAI_IMPORT}\nconst config = { apiKey: ${q(GATEWAY)} };\nconst { apiKey } = config;\nnew OpenAI({ apiKey });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nconst config = { apiKey: process.env.OPENAI_API_KEY };\nconst { apiKey } = config;\nnew OpenAI({ apiKey });`, " (line 2)")],
      },
      // options objects and spreads
      {
        code: `${OPENAI_IMPORT}\nconst opts = { apiKey: ${q(GATEWAY)} };\nnew OpenAI(opts);`,
        errors: [{ ...openaiError(`${OPENAI_IMPORT}\nconst opts = { apiKey: process.env.OPENAI_API_KEY };\nnew OpenAI(opts);`, " (line 2)"), line: 3, column: 12 }],
      },
      {
        code: `${OPENAI_IMPORT}\nconst opts = { apiKey: ${q(GATEWAY)} };\nnew OpenAI({ ...opts, timeout: 5 });`,
        errors: [{ ...openaiError(`${OPENAI_IMPORT}\nconst opts = { apiKey: process.env.OPENAI_API_KEY };\nnew OpenAI({ ...opts, timeout: 5 });`, " (line 2)"), line: 3, column: 14 }],
      },
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ ...{ apiKey: ${q(GATEWAY)} } });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nnew OpenAI({ ...{ apiKey: process.env.OPENAI_API_KEY } });`)],
      },
      // fallbacks
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? ${q(GATEWAY)} });`,
        errors: [fallbackError("openai", "apiKey", `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });`)],
      },
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY || "dev-key" });`,
        errors: [fallbackError("openai", "apiKey", `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });`)],
      },
      {
        code: `${OPENAI_IMPORT}\nconst key = process.env.OPENAI_API_KEY ?? ${q(GATEWAY)};\nnew OpenAI({ apiKey: key });`,
        errors: [fallbackError("openai", "apiKey", `${OPENAI_IMPORT}\nconst key = process.env.OPENAI_API_KEY;\nnew OpenAI({ apiKey: key });`, " (line 2)")],
      },
      {
        code: `${OPENAI_IMPORT}\nconst { OPENAI_API_KEY = ${q(GATEWAY)} } = process.env;\nnew OpenAI({ apiKey: OPENAI_API_KEY });`,
        errors: [fallbackError("openai", "apiKey", `${OPENAI_IMPORT}\nconst { OPENAI_API_KEY } = process.env;\nnew OpenAI({ apiKey: OPENAI_API_KEY });`, " (line 2)")],
      },
      {
        code: `${OPENAI_IMPORT}\nexport function make(apiKey = ${q(GATEWAY)}) { return new OpenAI({ apiKey }); }`,
        errors: [fallbackError("openai", "apiKey", `${OPENAI_IMPORT}\nexport function make(apiKey) { return new OpenAI({ apiKey }); }`, " (line 2)")],
      },
      {
        code: `${OPENAI_IMPORT}\nexport function make(apiKey: string = "dev-key") { return new OpenAI({ apiKey }); }`,
        errors: [fallbackError("openai", "apiKey", `${OPENAI_IMPORT}\nexport function make(apiKey: string) { return new OpenAI({ apiKey }); }`, " (line 2)")],
      },
      // a literal branch of a conditional
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: isProd ? process.env.OPENAI_API_KEY : ${q(GATEWAY)} });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });`)],
      },
      // functions returning a literal
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: async () => ${q(GATEWAY)} });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nnew OpenAI({ apiKey: async () => process.env.OPENAI_API_KEY });`)],
      },
      {
        code: `${OPENAI_IMPORT}\nfunction loadKey() { return ${q(GATEWAY)}; }\nnew OpenAI({ apiKey: loadKey() });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nfunction loadKey() { return process.env.OPENAI_API_KEY; }\nnew OpenAI({ apiKey: loadKey() });`, " (line 2)")],
      },
      {
        code: `${OPENAI_IMPORT}\nimport { unsafeSecretString } from "keyguard/secret";\nnew OpenAI({ apiKey: unsafeSecretString(${q(GATEWAY)}) });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nimport { unsafeSecretString } from "keyguard/secret";\nnew OpenAI({ apiKey: unsafeSecretString(process.env.OPENAI_API_KEY) });`)],
      },
      // headers
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ defaultHeaders: { Authorization: ${q(`Bearer ${GATEWAY}`)} } });`,
        errors: [hardcoded("openai", "defaultHeaders.Authorization", `${OPENAI_IMPORT}\nnew OpenAI({ defaultHeaders: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } });`)],
      },
      {
        code: `import Anthropic from "@anthropic-ai/sdk";\nnew Anthropic({ defaultHeaders: { "X-Api-Key": ${q(GATEWAY)} } });`,
        errors: [hardcoded("anthropic", "defaultHeaders.X-Api-Key", 'import Anthropic from "@anthropic-ai/sdk";\nnew Anthropic({ defaultHeaders: { "X-Api-Key": process.env.ANTHROPIC_API_KEY } });')],
      },
      {
        code: `import { createGoogleGenerativeAI } from "@ai-sdk/google";\ncreateGoogleGenerativeAI({ headers: { "x-goog-api-key": ${q(GATEWAY)} } });`,
        errors: [hardcoded("ai-sdk-google", "headers.x-goog-api-key", 'import { createGoogleGenerativeAI } from "@ai-sdk/google";\ncreateGoogleGenerativeAI({ headers: { "x-goog-api-key": process.env.GOOGLE_GENERATIVE_AI_API_KEY } });')],
      },
      {
        code: `import { AzureOpenAI } from "openai";\nnew AzureOpenAI({ defaultHeaders: { "api-key": ${q(GATEWAY)} } });`,
        errors: [hardcoded("azure-openai", "defaultHeaders.api-key", 'import { AzureOpenAI } from "openai";\nnew AzureOpenAI({ defaultHeaders: { "api-key": process.env.AZURE_OPENAI_API_KEY } });')],
      },
      // two clients, two reports
      {
        code: `${OPENAI_IMPORT}\nimport Anthropic from "@anthropic-ai/sdk";\nnew OpenAI({ apiKey: ${q(GATEWAY)} });\nnew Anthropic({ apiKey: ${q(GATEWAY)} });`,
        errors: [
          openaiError(`${OPENAI_IMPORT}\nimport Anthropic from "@anthropic-ai/sdk";\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nnew Anthropic({ apiKey: ${q(GATEWAY)} });`),
          hardcoded("anthropic", "apiKey", `${OPENAI_IMPORT}\nimport Anthropic from "@anthropic-ai/sdk";\nnew OpenAI({ apiKey: ${q(GATEWAY)} });\nnew Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });`),
        ],
      },
    ],
  }),
);

ruleTester().run(
  "require-secret-source: strict",
  rule,
  masked<MessageIds, Options>({
    valid: [
      { code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });`, options: [{ strict: true }] },
      { code: withKeyguard('new OpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY") });'), options: [{ strict: true }] },
      { code: `${OPENAI_IMPORT}\nnew OpenAI();`, options: [{ strict: true }] },
      // an options object the file cannot see: where the key is, only types can tell (require-secret-string)
      { code: `${OPENAI_IMPORT}\nnew OpenAI(options);`, options: [{ strict: true }] },
      { code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: await vault.read("openai") });`, options: [{ strict: true, secretLoaders: ["vault.read"] }] },
    ],
    invalid: [
      `export function make(apiKey: string) { return new OpenAI({ apiKey }); }`,
      `import { apiKey } from "./config";\nnew OpenAI({ apiKey });`,
      `new OpenAI({ apiKey: getKey() });`,
      `new OpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY") });`,
      `new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? config.key });`,
      `function a(): string { return b(); }\nfunction b(): string { return a(); }\nnew OpenAI({ apiKey: a() });`,
    ].map((body) => ({ code: `${OPENAI_IMPORT}\n${body}`, options: [{ strict: true }] as Options, errors: [unknownError("openai", "apiKey")] })),
  }),
);

ruleTester().run(
  "require-secret-source: custom clients, loaders and suggestions",
  rule,
  masked<MessageIds, Options>({
    valid: [
      { code: 'import { Llm } from "@acme/llm";\nnew Llm({ auth: { token: process.env.ACME_TOKEN } });', options: [{ clients: [{ module: "@acme/llm", export: "Llm", keyOptions: ["auth.token"] }] }] },
      // not configured: not a client
      'import { Llm } from "@acme/llm";\nnew Llm({ auth: { token: "hardcoded-token-value" } });',
      { code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: getSecret("openai") });`, options: [{ strict: true, secretLoaders: ["getSecret"] }] },
      { code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: await secrets.get("openai") });`, options: [{ strict: true, secretLoaders: ["secrets.get"] }] },
      { code: `${OPENAI_IMPORT}\nclass Svc { vault: any; make() { return new OpenAI({ apiKey: this.vault.read("k") }); } }`, options: [{ strict: true, secretLoaders: ["vault.read"] }] },
      { code: `${OPENAI_IMPORT}\nconst key = await getSecret("openai");\nnew OpenAI({ apiKey: key });`, options: [{ strict: true, secretLoaders: ["getSecret"] }] },
    ],
    invalid: [
      {
        code: 'import { Llm } from "@acme/llm";\nnew Llm({ auth: { token: "hardcoded-token-value" } });',
        options: [{ clients: [{ module: "@acme/llm", export: "Llm", keyOptions: ["auth.token"], envVar: "ACME_TOKEN", name: "Acme LLM" }] }],
        errors: [{
          messageId: "hardcoded",
          data: { client: "Acme LLM", option: "auth.token", env: "process.env.ACME_TOKEN", where: "" },
          suggestions: [{ messageId: "useEnv", data: { env: "process.env.ACME_TOKEN" }, output: 'import { Llm } from "@acme/llm";\nnew Llm({ auth: { token: process.env.ACME_TOKEN } });' }],
        }],
      },
      {
        code: 'import acme from "@acme/llm";\nacme.login("user", "hardcoded-token-value");',
        options: [{ clients: [{ module: "@acme/llm", export: "default", member: "login", keyArgument: 1, call: "call" }] }],
        errors: [{
          messageId: "hardcoded",
          data: { client: "@acme/llm", option: "argument 2", env: "process.env.API_KEY", where: "" },
          suggestions: [{ messageId: "useEnv", data: { env: "process.env.API_KEY" }, output: 'import acme from "@acme/llm";\nacme.login("user", process.env.API_KEY);' }],
        }],
      },
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: getSecret("openai") ?? "dev-fallback" });`,
        options: [{ secretLoaders: ["getSecret"] }],
        errors: [fallbackError("openai", "apiKey", `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: getSecret("openai") });`)],
      },
      // the suggestion's environment access and variable are configurable
      ...([
        ["import.meta.env", "import.meta.env.OPENAI_API_KEY"],
        ["Bun.env", "Bun.env.OPENAI_API_KEY"],
        ["Deno.env.get", 'Deno.env.get("OPENAI_API_KEY")'],
      ] as const).map(([envAccess, text]) => ({
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: ${q(GATEWAY)} });`,
        options: [{ envAccess }] as Options,
        errors: [hardcoded("openai", "apiKey", `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: ${text} });`, "", text)],
      })),
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: ${q(GATEWAY)} });`,
        options: [{ envVars: { openai: "LLM_GATEWAY_KEY" } }],
        errors: [hardcoded("openai", "apiKey", `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.LLM_GATEWAY_KEY });`, "", "process.env.LLM_GATEWAY_KEY")],
      },
    ],
  }),
);

ruleTester().run(
  "require-secret-source: the environment of every runtime, and bring-your-own-key apps (strict)",
  rule,
  masked<MessageIds, Options>({
    valid: [
      // Cloudflare Workers: the handler's env bindings; Pages Functions and Hono: context.env
      `${OPENAI_IMPORT}\nexport default { async fetch(request: Request, env: Env) { return new OpenAI({ apiKey: env.OPENAI_API_KEY }); } };`,
      `${OPENAI_IMPORT}\nexport const onRequest = (context: EventContext) => new OpenAI({ apiKey: context.env.OPENAI_API_KEY });`,
      `${OPENAI_IMPORT}\napp.post("/chat", (c) => { const client = new OpenAI({ apiKey: c.env.OPENAI_API_KEY }); });`,
      // SvelteKit
      `${OPENAI_IMPORT}\nimport { OPENAI_API_KEY } from "$env/static/private";\nnew OpenAI({ apiKey: OPENAI_API_KEY });`,
      `${OPENAI_IMPORT}\nimport { env } from "$env/dynamic/private";\nnew OpenAI({ apiKey: env.OPENAI_API_KEY });`,
      // Nuxt
      `${OPENAI_IMPORT}\nexport default defineEventHandler((event) => new OpenAI({ apiKey: useRuntimeConfig(event).openaiApiKey }));`,
      `${OPENAI_IMPORT}\nconst config = useRuntimeConfig();\nnew OpenAI({ apiKey: config.openai.apiKey });`,
      // Astro / Vite, Deno, Bun
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: import.meta.env.OPENAI_API_KEY });`,
      `${OPENAI_IMPORT}\nconst key = Deno.env.get("OPENAI_API_KEY");\nnew OpenAI({ apiKey: key });`,
      `${OPENAI_IMPORT}\nconst { OPENAI_API_KEY } = Bun.env;\nnew OpenAI({ apiKey: OPENAI_API_KEY });`,
      // bring your own key: the user's key from the request, the session, the profile
      `${OPENAI_IMPORT}\nexport async function POST(req: Request) { const { apiKey } = await req.json(); return new OpenAI({ apiKey }); }`,
    ].map((code, i) => ({
      code,
      options: [{ strict: true, ...(i === 10 ? { userKeySources: ["req.json"] } : {}) }] as Options,
    })).concat([
      { code: `${OPENAI_IMPORT}\nfunction handler(req: any) { return new OpenAI({ apiKey: req.body.apiKey }); }`, options: [{ strict: true, userKeySources: ["req.body"] }] },
      { code: `${OPENAI_IMPORT}\nfunction handler(session: any) { return new OpenAI({ apiKey: session.user.openaiKey }); }`, options: [{ strict: true, userKeySources: ["session.user"] }] },
      { code: `${OPENAI_IMPORT}\nasync function handler(id: string) { return new OpenAI({ apiKey: await getUserApiKey(id) }); }`, options: [{ strict: true, userKeySources: ["getUserApiKey"] }] },
    ]),
    invalid: [
      // public environment modules ship to the browser: not a place for a key, and not a source
      `import { PUBLIC_OPENAI_API_KEY } from "$env/static/public";\nnew OpenAI({ apiKey: PUBLIC_OPENAI_API_KEY });`,
      // a user key source covers what it names only
      "function handler(req: any) { return new OpenAI({ apiKey: req.query.apiKey }); }",
      "function handler(config: any) { return new OpenAI({ apiKey: config.env2.OPENAI_API_KEY }); }",
    ].map((body) => ({ code: `${OPENAI_IMPORT}\n${body}`, options: [{ strict: true, userKeySources: ["req.body"] }] as Options, errors: [unknownError("openai", "apiKey")] })),
  }),
);

ruleTester().run(
  "require-secret-source: subclasses and guarded clients",
  rule,
  masked<MessageIds, Options>({
    valid: [
      `${OPENAI_IMPORT}\nclass MyAI extends OpenAI { constructor() { super({ apiKey: process.env.OPENAI_API_KEY }); } }`,
      `${OPENAI_IMPORT}\nclass Local { constructor(o: object) {} }\nclass MyAI extends Local { constructor() { super({ apiKey: ${q(GATEWAY)} }); } }`,
      `${OPENAI_IMPORT}\nimport { guardClient } from "./not-keyguard";\nconst Guarded = guardClient(OpenAI);\nnew Guarded({ apiKey: ${q(GATEWAY)} });`,
    ],
    invalid: [
      {
        code: `${OPENAI_IMPORT}\nclass MyAI extends OpenAI { constructor() { super({ apiKey: ${q(GATEWAY)} }); } }`,
        errors: [openaiError(`${OPENAI_IMPORT}\nclass MyAI extends OpenAI { constructor() { super({ apiKey: process.env.OPENAI_API_KEY }); } }`)],
      },
      {
        code: `${OPENAI_IMPORT}\nclass MyAI extends OpenAI {}\nnew MyAI({ apiKey: ${q(GATEWAY)} });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nclass MyAI extends OpenAI {}\nnew MyAI({ apiKey: process.env.OPENAI_API_KEY });`)],
      },
      {
        code: `${OPENAI_IMPORT}\nimport { guardClient } from "keyguard/secret";\nconst Guarded = guardClient(OpenAI);\nnew Guarded({ defaultHeaders: { Authorization: ${q(`Bearer ${GATEWAY}`)} } });`,
        errors: [hardcoded("openai", "defaultHeaders.Authorization", `${OPENAI_IMPORT}\nimport { guardClient } from "keyguard/secret";\nconst Guarded = guardClient(OpenAI);\nnew Guarded({ defaultHeaders: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } });`)],
      },
      {
        code: `import { ChatOpenAI as Raw } from "@langchain/openai";\nimport * as keyguard from "keyguard/secret";\nconst ChatOpenAI = keyguard.guardClient(Raw, "apiKey");\nnew ChatOpenAI({ apiKey: ${q(GATEWAY)} });`,
        errors: [hardcoded("langchain-openai", "apiKey", `import { ChatOpenAI as Raw } from "@langchain/openai";\nimport * as keyguard from "keyguard/secret";\nconst ChatOpenAI = keyguard.guardClient(Raw, "apiKey");\nnew ChatOpenAI({ apiKey: process.env.OPENAI_API_KEY });`)],
      },
    ],
  }),
);

ruleTester().run(
  "require-secret-source: options built in other ways than one object literal",
  rule,
  masked<MessageIds, Options>({
    valid: [
      `${OPENAI_IMPORT}\nconst o: any = {};\no.apiKey = process.env.OPENAI_API_KEY;\nnew OpenAI(o);`,
      // the later write wins
      `${OPENAI_IMPORT}\nconst o = { apiKey: ${q(GATEWAY)} };\no.apiKey = process.env.OPENAI_API_KEY;\nnew OpenAI(o);`,
      `${OPENAI_IMPORT}\nconst o = {};\nObject.assign(o, { apiKey: process.env.OPENAI_API_KEY });\nnew OpenAI(o);`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: (process.env.OPENAI_API_KEY ?? "").trim() });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: \`\${process.env.OPENAI_API_KEY}\` });`,
      `${OPENAI_IMPORT}\nnew OpenAI({ get apiKey() { return process.env.OPENAI_API_KEY!; } });`,
      `${OPENAI_IMPORT}\nconst K = "apiKey";\nnew OpenAI({ [K]: process.env.OPENAI_API_KEY });`,
      // a computed name that is no key option
      `${OPENAI_IMPORT}\nconst K = "baseURL";\nnew OpenAI({ [K]: ${q(GATEWAY)} });`,
    ],
    invalid: [
      {
        code: `${OPENAI_IMPORT}\nconst o: any = {};\no.apiKey = ${q(GATEWAY)};\nnew OpenAI(o);`,
        errors: [{ ...openaiError(`${OPENAI_IMPORT}\nconst o: any = {};\no.apiKey = process.env.OPENAI_API_KEY;\nnew OpenAI(o);`, " (line 3)"), line: 4, column: 12 }],
      },
      {
        code: `${OPENAI_IMPORT}\nconst o: any = {};\no["apiKey"] = ${q(GATEWAY)};\nnew OpenAI({ ...o, timeout: 5 });`,
        errors: [{ ...openaiError(`${OPENAI_IMPORT}\nconst o: any = {};\no["apiKey"] = process.env.OPENAI_API_KEY;\nnew OpenAI({ ...o, timeout: 5 });`, " (line 3)"), line: 4, column: 14 }],
      },
      {
        code: `${OPENAI_IMPORT}\nconst o = {};\nObject.assign(o, { apiKey: ${q(GATEWAY)} });\nnew OpenAI(o);`,
        errors: [openaiError(`${OPENAI_IMPORT}\nconst o = {};\nObject.assign(o, { apiKey: process.env.OPENAI_API_KEY });\nnew OpenAI(o);`, " (line 3)")],
      },
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI(Object.assign({}, defaults, { apiKey: ${q(GATEWAY)} }));`,
        errors: [openaiError(`${OPENAI_IMPORT}\nnew OpenAI(Object.assign({}, defaults, { apiKey: process.env.OPENAI_API_KEY }));`)],
      },
      {
        code: `${OPENAI_IMPORT}\nconst base = { apiKey: ${q(GATEWAY)} };\nnew OpenAI({ ...base });`,
        errors: [{ ...openaiError(`${OPENAI_IMPORT}\nconst base = { apiKey: process.env.OPENAI_API_KEY };\nnew OpenAI({ ...base });`, " (line 2)"), line: 3, column: 14 }],
      },
      // fallbacks behind a method call on the result, a global conversion, a template
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: (process.env.OPENAI_API_KEY ?? ${q(GATEWAY)}).trim() });`,
        errors: [fallbackError("openai", "apiKey", `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: (process.env.OPENAI_API_KEY).trim() });`)],
      },
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: String(process.env.OPENAI_API_KEY || ${q(GATEWAY)}) });`,
        errors: [fallbackError("openai", "apiKey", `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: String(process.env.OPENAI_API_KEY) });`)],
      },
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: \`\${process.env.OPENAI_API_KEY ?? ${q(GATEWAY)}}\` });`,
        errors: [fallbackError("openai", "apiKey", `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: \`\${process.env.OPENAI_API_KEY}\` });`)],
      },
      {
        code: `${OPENAI_IMPORT}\nconst key = (process.env.OPENAI_API_KEY || ${q(GATEWAY)}).trim();\nnew OpenAI({ apiKey: key });`,
        errors: [fallbackError("openai", "apiKey", `${OPENAI_IMPORT}\nconst key = (process.env.OPENAI_API_KEY).trim();\nnew OpenAI({ apiKey: key });`, " (line 2)")],
      },
      // accessors and computed option names
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ get apiKey() { return ${q(GATEWAY)}; } });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nnew OpenAI({ get apiKey() { return process.env.OPENAI_API_KEY; } });`)],
      },
      {
        code: `${OPENAI_IMPORT}\nconst K = "apiKey";\nnew OpenAI({ [K]: ${q(GATEWAY)} });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nconst K = "apiKey";\nnew OpenAI({ [K]: process.env.OPENAI_API_KEY });`)],
      },
      {
        code: `${OPENAI_IMPORT}\nconst K = "apiKey";\nconst o: Record<string, string> = {};\no[K] = ${q(GATEWAY)};\nnew OpenAI(o);`,
        errors: [openaiError(`${OPENAI_IMPORT}\nconst K = "apiKey";\nconst o: Record<string, string> = {};\no[K] = process.env.OPENAI_API_KEY;\nnew OpenAI(o);`, " (line 4)")],
      },
    ],
  }),
);

const SUPABASE_IMPORT = 'import { createClient } from "@supabase/supabase-js";';
const SUPABASE_URL = '"https://xyzcompany.supabase.co"';
const SERVICE_ROLE = supabaseJwt("service_role");
const ANON = supabaseJwt("anon");
const PUBLISHABLE = j("sb_", "publishable_", randomChars(rng(3), "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", 31));
const SUPABASE_SECRET = fakeKey("supabase-secret", 3);
const supabaseError = (output: string, where = ""): Invalid["errors"][number] => ({
  messageId: "hardcodedSecretKey",
  data: { client: "Supabase", option: "argument 2", env: "process.env.SUPABASE_SECRET_KEY", where, secretKind: "secret (service_role) key" },
  suggestions: [{ messageId: "useEnv", data: { env: "process.env.SUPABASE_SECRET_KEY" }, output }],
});
const supabaseUnknown: Invalid["errors"][number] = {
  messageId: "unknownSource",
  data: { client: "Supabase", option: "argument 2", env: "process.env.SUPABASE_SECRET_KEY", where: "" },
};

ruleTester().run(
  "require-secret-source: Supabase's secret keys, beside its public ones",
  rule,
  masked<MessageIds, Options>({
    valid: [
      // the publishable and anon keys are public by design, hardcoded or not
      `${SUPABASE_IMPORT}\nconst supabase = createClient(${SUPABASE_URL}, ${q(PUBLISHABLE)});`,
      `${SUPABASE_IMPORT}\nconst supabase = createClient(${SUPABASE_URL}, ${q(ANON)});`,
      `${SUPABASE_IMPORT}\nconst supabaseAnonKey = ${q(ANON)};\ncreateClient(${SUPABASE_URL}, supabaseAnonKey);`,
      `import { createBrowserClient } from "@supabase/ssr";\ncreateBrowserClient(${SUPABASE_URL}, ${q(PUBLISHABLE)});`,
      // a secret key in a format the detector knows is no-hardcoded-key's to report
      `${SUPABASE_IMPORT}\ncreateClient(${SUPABASE_URL}, ${q(SUPABASE_SECRET)});`,
      // the docs' server-side admin client, the key from the environment (strict)
      {
        code: `${SUPABASE_IMPORT}\nconst supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!, {\n  auth: { autoRefreshToken: false, persistSession: false },\n});`,
        options: [{ strict: true }],
      },
      { code: `${SUPABASE_IMPORT}\nconst supabaseSecretKey = Deno.env.get("SUPABASE_SECRET_KEY")!;\ncreateClient(url, supabaseSecretKey);`, options: [{ strict: true }] },
      // strict: a key whose origin the file does not show, under a name that does not say it is secret, may be the public one
      { code: `${SUPABASE_IMPORT}\nexport function make(url: string, supabaseKey: string) { return createClient(url, supabaseKey); }`, options: [{ strict: true }] },
      { code: `${SUPABASE_IMPORT}\ncreateClient(config.url, config.supabase.anonKey);`, options: [{ strict: true }] },
      // without strict, an unseen origin is not reported, whatever its name
      `${SUPABASE_IMPORT}\nexport function admin(url: string, serviceRoleKey: string) { return createClient(url, serviceRoleKey); }`,
    ],
    invalid: [
      {
        code: `${SUPABASE_IMPORT}\nconst supabase = createClient(${SUPABASE_URL}, ${q(SERVICE_ROLE)}, {\n  auth: { autoRefreshToken: false, persistSession: false },\n});`,
        errors: [supabaseError(`${SUPABASE_IMPORT}\nconst supabase = createClient(${SUPABASE_URL}, process.env.SUPABASE_SECRET_KEY, {\n  auth: { autoRefreshToken: false, persistSession: false },\n});`)],
      },
      {
        code: `${SUPABASE_IMPORT}\nconst supabaseKey = ${q(SERVICE_ROLE)};\nexport const supabase = createClient(${SUPABASE_URL}, supabaseKey);`,
        errors: [supabaseError(`${SUPABASE_IMPORT}\nconst supabaseKey = process.env.SUPABASE_SECRET_KEY;\nexport const supabase = createClient(${SUPABASE_URL}, supabaseKey);`, " (line 2)")],
      },
      {
        code: `import { createServerClient } from "@supabase/ssr";\ncreateServerClient(${SUPABASE_URL}, ${q(SERVICE_ROLE)}, { cookies });`,
        errors: [supabaseError(`import { createServerClient } from "@supabase/ssr";\ncreateServerClient(${SUPABASE_URL}, process.env.SUPABASE_SECRET_KEY, { cookies });`)],
      },
      {
        code: `${SUPABASE_IMPORT}\ncreateClient(${SUPABASE_URL}, process.env.SUPABASE_SERVICE_ROLE_KEY ?? ${q(SERVICE_ROLE)});`,
        errors: [{
          messageId: "hardcodedFallback",
          data: { client: "Supabase", option: "argument 2", env: "process.env.SUPABASE_SECRET_KEY", where: "" },
          suggestions: [{ messageId: "removeFallback", output: `${SUPABASE_IMPORT}\ncreateClient(${SUPABASE_URL}, process.env.SUPABASE_SERVICE_ROLE_KEY);` }],
        }],
      },
      // strict: a source the file does not show, under a name that says it is the secret key
      ...[
        "export function admin(url: string, serviceRoleKey: string) { return createClient(url, serviceRoleKey); }",
        "createClient(config.url, config.supabase.serviceKey);",
        "const key = await getSupabaseSecretKey();\ncreateClient(url, key);",
        "createClient(url, SUPABASE_SERVICE_ROLE_KEY);",
      ].map((body) => ({ code: `${SUPABASE_IMPORT}\n${body}`, options: [{ strict: true }] as Options, errors: [supabaseUnknown] })),
    ],
  }),
);

describe("Supabase keys under configs.recommended: one report for a secret key, none for a public one", () => {
  const linter = new Linter({ configType: "flat" });
  const lint = (key: string) =>
    linter
      .verify(`${SUPABASE_IMPORT}\nconst supabase = createClient(${SUPABASE_URL}, ${q(key)});`, [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }, plugin.configs.recommended as Linter.Config], "src/admin.ts")
      .map((m) => `${m.ruleId}: ${m.messageId}`);

  it.each([
    ["a legacy service_role JWT", SERVICE_ROLE, ["keyguard/require-secret-source: hardcodedSecretKey"]],
    ["a secret key", SUPABASE_SECRET, ["keyguard/no-hardcoded-key: hardcodedKey"]],
    ["a legacy anon JWT", ANON, []],
    ["a publishable key", PUBLISHABLE, []],
  ])("%s", (_, key, expected) => {
    expect(lint(key)).toEqual(expected);
  });
});

const standIn = (output: string): Invalid["errors"][number] => ({
  messageId: "standIn",
  data: { client: "OpenAI", option: "apiKey", env: "process.env.OPENAI_API_KEY", where: "" },
  suggestions: [{ messageId: "useEnv", data: { env: "process.env.OPENAI_API_KEY" }, output }],
});

ruleTester().run(
  "require-secret-source: test files, values that cannot be credentials, allowed values",
  rule,
  masked<MessageIds, Options>({
    valid: [
      // literals in test files and fixtures (allowTestFiles, default true)
      ...["src/chat.test.ts", "src/chat.spec.tsx", "src/__tests__/chat.ts", "test/chat.ts", "packages/a/tests/chat.ts", "src/__mocks__/openai.ts", "fixtures/app.ts", "src/__fixtures__/app.ts"].map((filename) => ({
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: "test-key" });`,
        filename,
      })),
      { code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? "abc-123" });`, filename: "tests/setup.ts" },
      // values that cannot be credentials: empty, a bare prefix, text with spaces or angle brackets
      ...['""', '"sk-"', '"sk-proj-"', "'My API Key'", "'<your_key>'", '"Bearer "', '"  "'].map((v) => `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: ${v} });`),
      `${OPENAI_IMPORT}\nconst nvidiaKey = process.env.NVIDIA_API_KEY;\nnew OpenAI({ apiKey: nvidiaKey ?? "sk-" });`,
      // allowed values
      { code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: "ollama", baseURL: "http://localhost:11434/v1" });`, options: [{ allowValues: ["ollama"] }] },
    ],
    invalid: [
      // allowTestFiles: false reports literals in test files too
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: "test-key" });`,
        filename: "src/chat.test.ts",
        options: [{ allowTestFiles: false }],
        errors: [standIn(`${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });`)],
      },
      // application code: a stand-in is worded as one, another value as a possible key
      ...["test-key", "dummy_token", "YOUR_KEY", "fakeApiKey", "not-a-real-key-mock"].map((v) => ({
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: ${q(v)} });`,
        errors: [standIn(`${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });`)],
      })),
      ...["abc-123", "ollama"].map((v) => ({
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: ${q(v)} });`,
        errors: [openaiError(`${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });`)],
      })),
      // allowValues is exact
      {
        code: `${OPENAI_IMPORT}\nnew OpenAI({ apiKey: "ollama2" });`,
        options: [{ allowValues: ["ollama"] }],
        errors: [openaiError(`${OPENAI_IMPORT}\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });`)],
      },
    ],
  }),
);

describe("require-secret-source options and messages", () => {
  const verify = (code: string, options?: unknown) => {
    const linter = new Linter({ configType: "flat" });
    return linter.verify(code, [
      {
        files: ["**/*.ts"],
        languageOptions: { parser: tsParser },
        plugins: { keyguard: plugin as never },
        rules: { "keyguard/require-secret-source": options === undefined ? "error" : ["error", options] },
      },
    ], "file.ts");
  };

  it.each([
    [{ strict: "yes" }, /require-secret-source[\s\S]*"yes" should be boolean/],
    [{ unknown: true }, /should NOT have additional properties/i],
    [{ secretLoaders: ["not a path!"] }, /"not a path!" should match pattern/],
    [{ clients: [{ module: "m", export: "X" }] }, /required property '\.keyOptions'/],
    [{ clients: [{ module: "m", keyArgument: 0 }] }, /required property '\.?export'/],
    [{ clients: [{ module: "m", export: "X", keyArgument: -1 }] }, /should be >= 0/],
    [{ envAccess: "window.env" }, /"window.env" should be equal to one of the allowed values/],
    [{ envVars: { openai: "not-a-var" } }, /"not-a-var" should match pattern/],
    [{ userKeySources: ["req body"] }, /"req body" should match pattern/],
    [{ allowValues: "ollama" }, /should be array/],
    [{ allowTestFiles: "no" }, /"no" should be boolean/],
  ])("rejects malformed options %j with a specific error", (options, pattern) => {
    expect(() => verify('import OpenAI from "openai";\nnew OpenAI();', options)).toThrow(pattern);
  });

  it("never prints the value: messages name the client, the option and the fix", () => {
    FORMS.forEach((f, i) => {
      // A value in no format keyguard knows (an internal gateway's key): this rule reports it. Lower
      // case only: a mixed-case random value under a token-like name (`authToken`) is a generic
      // named secret, which no-hardcoded-key reports instead (one report per key).
      const value = j("gw-", randomChars(rng(i), "abcdefghijklmnopqrstuvwxyz0123456789", 24));
      const messages = verify(`${f.imports}\nconst KEY = ${q(value)};\n${f.call("KEY")}`);
      expect(messages, f.client).toHaveLength(1);
      const message = messages[0]!.message;
      expect(message).not.toContain(value.slice(3, 11));
      expect(message).not.toContain(value.slice(-8));
      expect(message).toContain(byId(f.client).name);
      expect(message).toContain(f.option);
      expect(message).toContain(env(f.client, f.option));
      expect(message).toContain("(line 2)");
    });
  });

  it("is in the recommended config", () => {
    expect(plugin.configs.recommended.rules?.["keyguard/require-secret-source"]).toBe("error");
  });
});
