/**
 * The client catalog against the real SDKs. `sdk-types.ts` passes every catalog key location to
 * the real constructors and factories (type-checked by `npm run typecheck`); here it is linted
 * (every catalog key location must appear in it, and nothing is reported even in strict mode) and
 * run with fake keys in the environment (constructing a client makes no network request).
 */
import { readFileSync } from "node:fs";
import tsParser from "@typescript-eslint/parser";
import { ESLintUtils } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClientMatcher } from "../../rules/analysis/client-calls.js";
import plugin from "../../rules/index.js";
import { CLIENTS, KEY_HEADERS } from "../../src/clients/catalog.js";
import { HEXLOWER, fakeKey, j, randomChars, rng } from "../helpers/keys.js";

const file = new URL("./sdk-types.ts", import.meta.url);
const code = readFileSync(file, "utf8");

function lint(rules: Linter.RulesRecord, plugins: Record<string, unknown>): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    [{ files: ["**/*.ts"], languageOptions: { parser: tsParser }, plugins: plugins as never, rules }],
    "sdk-types.ts",
  );
  for (const m of messages) if (m.fatal) throw new Error(m.message);
  return messages;
}

describe("catalog against the real SDKs", () => {
  it("reports nothing on the allowed forms, even in strict mode", () => {
    const messages = lint({ "keyguard/require-secret-source": ["error", { strict: true }] }, { keyguard: plugin });
    expect(messages.map((m) => `${m.line}: ${m.message}`)).toEqual([]);
  });

  it("passes every key location of every catalog client to its real SDK", () => {
    const probe = ESLintUtils.RuleCreator.withoutDocs<[], "use">({
      meta: { type: "problem", messages: { use: "{{use}}" }, schema: [] },
      defaultOptions: [],
      create(context) {
        const matcher = createClientMatcher(context);
        const check = (node: Parameters<typeof matcher.keyUses>[0]) => {
          for (const use of matcher.keyUses(node)) context.report({ node: use.at, messageId: "use", data: { use: `${use.client.id}|${use.option}` } });
        };
        return { NewExpression: check, CallExpression: check };
      },
    });
    const uses = new Set(lint({ "probe/uses": "error" }, { probe: { rules: { uses: probe } } }).map((m) => m.message));
    const expected: string[] = [];
    for (const client of CLIENTS) {
      if (client.publicByDesign) continue;
      for (const option of client.keyOptions ?? []) expected.push(`${client.id}|${option}`);
      if (client.keyArgument !== undefined) expected.push(`${client.id}|argument ${client.keyArgument + 1}`);
    }
    expect(expected.filter((e) => !uses.has(e))).toEqual([]);
    // Every credential header is exercised on a real client's header option.
    for (const header of KEY_HEADERS) {
      expect([...uses].some((u) => u.toLowerCase().endsWith(`headers.${header.toLowerCase()}`)), header).toBe(true);
    }
  });

  describe("constructs the real clients with keys from the environment", () => {
    const saved = { ...process.env };
    const env: Record<string, string> = {
      OPENAI_API_KEY: fakeKey("openai-project", 3),
      AZURE_OPENAI_API_KEY: fakeKey("azure-openai", 3),
      ANTHROPIC_API_KEY: fakeKey("anthropic", 3),
      ANTHROPIC_AUTH_TOKEN: fakeKey("anthropic", 4),
      GROQ_API_KEY: fakeKey("groq", 3),
      GEMINI_API_KEY: fakeKey("google-api", 3),
      GOOGLE_GENERATIVE_AI_API_KEY: fakeKey("google-api", 4),
      MISTRAL_API_KEY: fakeKey("mistral", 3),
      TOGETHER_API_KEY: fakeKey("together", 3),
      PINECONE_API_KEY: fakeKey("pinecone", 3),
      CO_API_KEY: fakeKey("cohere", 3),
      REPLICATE_API_TOKEN: fakeKey("replicate", 3),
      HF_TOKEN: fakeKey("huggingface", 3),
      OPENROUTER_API_KEY: fakeKey("openrouter", 3),
      AWS_ACCESS_KEY_ID: fakeKey("aws-access-key", 3),
      AWS_SECRET_ACCESS_KEY: fakeKey("aws-secret-key", 3),
      AWS_SESSION_TOKEN: fakeKey("aws-secret-key", 4),
      GITHUB_TOKEN: fakeKey("github-fine-grained", 3),
      STRIPE_SECRET_KEY: fakeKey("stripe-secret", 3),
      SLACK_BOT_TOKEN: fakeKey("slack-token", 3),
      SENDGRID_API_KEY: fakeKey("sendgrid", 3),
      AZURE_OPENAI_AD_TOKEN: randomChars(rng(5), HEXLOWER, 40),
      TWILIO_ACCOUNT_SID: j("A", "C", randomChars(rng(3), HEXLOWER, 32)),
      TWILIO_AUTH_TOKEN: fakeKey("twilio-auth-token", 3),
    };
    beforeEach(() => Object.assign(process.env, env));
    afterEach(() => {
      for (const name of Object.keys(env)) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    });

    it("builds every client", async () => {
      const { builders } = await import("./sdk-types.js");
      for (const [name, build] of Object.entries(builders)) {
        // AzureOpenAI takes an API key or a token provider, not both: it reads AZURE_OPENAI_API_KEY itself.
        if (name === "azure-openai (token provider)") delete process.env.AZURE_OPENAI_API_KEY;
        const client = (build as () => unknown)();
        process.env.AZURE_OPENAI_API_KEY = env.AZURE_OPENAI_API_KEY;
        expect(client, name).toBeTruthy();
      }
    });

    it("puts the key where the catalog says (clients that expose it)", async () => {
      const { builders } = await import("./sdk-types.js");
      const exposed = (name: keyof typeof builders) => (builders[name]() as unknown as { apiKey?: unknown }).apiKey;
      expect(exposed("openai") === env.OPENAI_API_KEY).toBe(true);
      expect(exposed("anthropic") === env.ANTHROPIC_API_KEY).toBe(true);
      expect(exposed("groq") === env.GROQ_API_KEY).toBe(true);
      expect(exposed("together") === env.TOGETHER_API_KEY).toBe(true);
      expect(exposed("azure-openai") === env.AZURE_OPENAI_API_KEY).toBe(true);
      const token = (builders["anthropic (auth token)"]() as unknown as { authToken?: unknown }).authToken;
      expect(token === env.ANTHROPIC_AUTH_TOKEN).toBe(true);
    });
  });
});
