import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule, { type MessageIds, type Options } from "../../rules/require-secret-string.js";
import { mask } from "../../src/detect/index.js";
import { fakeKey } from "../helpers/keys.js";
import { rmSync, writeFileSync } from "node:fs";
import ts from "typescript";
import plugin from "../../rules/index.js";
import { fixturesDir, maskCode, masked, typedRuleTester } from "./rule-tester.js";

const anthropicKey = fakeKey("anthropic", 21);
const OPENAI = 'import OpenAI from "openai";\n';
const ANTHROPIC = 'import Anthropic from "@anthropic-ai/sdk";\n';
const SECRET = 'import { secretFromEnv, type SecretString } from "keyguard/secret";\n';
const data = (client: string, option: string, type: string) => ({ client, option, type });

const GUARDED = 'import RawOpenAI from "openai";\nimport RawAnthropic from "@anthropic-ai/sdk";\nimport { guardClient, secretFromEnv } from "keyguard/secret";\nconst OpenAI = guardClient(RawOpenAI);\nconst Anthropic = guardClient(RawAnthropic);\n';

const cases = masked<MessageIds, Options>({
  valid: [
    // one report per problem: strings the file determines are hardcoded keys, reported by
    // no-hardcoded-key / require-secret-source; \`any\` in a guarded client's slot by no-secret-cast
    `${ANTHROPIC}new Anthropic({ apiKey: "${anthropicKey}" });`,
    `${ANTHROPIC}const KEY = "${anthropicKey}";\nnew Anthropic({ apiKey: KEY });\nnew Anthropic({ apiKey: \`\${KEY}\` });`,
    `${GUARDED}declare const text: string;\nnew OpenAI({ apiKey: JSON.parse(text) });`,
    // guarded clients with a loaded secret
    `${GUARDED}new OpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY") });\nnew Anthropic({ authToken: secretFromEnv("ANTHROPIC_AUTH_TOKEN") });`,
    `${OPENAI}${SECRET}new OpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY") });`,
    `${ANTHROPIC}${SECRET}const client = new Anthropic({ apiKey: secretFromEnv("ANTHROPIC_API_KEY"), maxRetries: 2 });`,
    // a function returning SecretString or a promise of one (what rotatingSecret(…).provider() returns)
    `${OPENAI}${SECRET}declare const provider: () => Promise<SecretString>;\nnew OpenAI({ apiKey: provider });`,
    `${ANTHROPIC}${SECRET}new Anthropic({ apiKey: async () => secretFromEnv("ANTHROPIC_API_KEY") });`,
    // the real rotatingSecret(…).provider()
    `${OPENAI}import { rotatingSecret, secretFromEnv } from "keyguard/secret";\nconst rotating = rotatingSecret(async () => secretFromEnv("OPENAI_API_KEY"), { maxAgeMs: 60_000 });\nnew OpenAI({ apiKey: rotating.provider() });`,
    `${ANTHROPIC}import { rotatingSecret, secretFromEnv } from "keyguard/secret";\nconst rotating = rotatingSecret(() => secretFromEnv("ANTHROPIC_API_KEY"), { maxAgeMs: 60_000 });\nexport async function client() { return new Anthropic({ apiKey: await rotating.get() }); }`,
    // a cast satisfies this rule: no-secret-cast is the other half that reports it
    `${OPENAI}${SECRET}new OpenAI({ apiKey: process.env.OPENAI_API_KEY as SecretString });`,
    // wrappers that keep the brand
    `${OPENAI}${SECRET}export function make(key: SecretString) { return new OpenAI({ apiKey: key }); }`,
    `${OPENAI}${SECRET}export function make<K extends SecretString>(key: K) { return new OpenAI({ apiKey: key }); }`,
    `${OPENAI}${SECRET}export function make(options: { apiKey: SecretString; baseURL?: string }) { return new OpenAI(options); }`,
    `${OPENAI}${SECRET}const options = { apiKey: secretFromEnv("OPENAI_API_KEY"), timeout: 10_000 };\nnew OpenAI(options);`,
    `import { ChatOpenAI } from "@langchain/openai";\n${SECRET}new ChatOpenAI({ model: "gpt-4o-mini", configuration: { apiKey: secretFromEnv("OPENAI_API_KEY") } });`,
    // options built in other ways than one object literal
    `${OPENAI}${SECRET}const o: { apiKey?: SecretString } = {};\no.apiKey = secretFromEnv("OPENAI_API_KEY");\nnew OpenAI(o);`,
    `${OPENAI}${SECRET}const o = {};\nObject.assign(o, { apiKey: secretFromEnv("OPENAI_API_KEY") });\nnew OpenAI(o);`,
    `${OPENAI}${SECRET}new OpenAI({ get apiKey() { return secretFromEnv("OPENAI_API_KEY"); } });`,
    // a literal returned by a getter is a hardcoded key: the untyped rules' report
    `${ANTHROPIC}new Anthropic({ get apiKey() { return "${anthropicKey}"; } });`,
    `${OPENAI}${SECRET}const K = "apiKey";\nnew OpenAI({ [K]: secretFromEnv("OPENAI_API_KEY") });`,
    // no key option: the SDK reads its own environment variable
    `${OPENAI}new OpenAI();`,
    `${OPENAI}new OpenAI({ baseURL: "https://example.invalid/v1" });`,
    `${OPENAI}export function make(options: { baseURL?: string }) { return new OpenAI(options); }`,
    // a class of the user's own that happens to be called OpenAI is no client
    "class OpenAI { constructor(public options: { apiKey: string }) {} }\nnew OpenAI({ apiKey: \"x\" });",
  ],
  invalid: [
    {
      code: `${OPENAI}new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`,
      errors: [
        {
          messageId: "envNotSecret",
          data: { ...data("OpenAI", "apiKey", "string | undefined"), name: "OPENAI_API_KEY" },
          line: 2,
          column: 22,
          suggestions: [
            {
              messageId: "useSecretFromEnv",
              data: { name: "OPENAI_API_KEY" },
              output: `${OPENAI}import { secretFromEnv } from "keyguard/secret";\nnew OpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY") });`,
            },
          ],
        },
      ],
    },
    {
      // an existing import from keyguard/secret is extended
      code: `${ANTHROPIC}import { secretFromFile } from "keyguard/secret";\nnew Anthropic({ apiKey: process.env["ANTHROPIC_API_KEY"]! });`,
      errors: [
        {
          messageId: "envNotSecret",
          data: { ...data("Anthropic", "apiKey", "string"), name: "ANTHROPIC_API_KEY" },
          suggestions: [
            {
              messageId: "useSecretFromEnv",
              output: `${ANTHROPIC}import { secretFromFile, secretFromEnv } from "keyguard/secret";\nnew Anthropic({ apiKey: secretFromEnv("ANTHROPIC_API_KEY") });`,
            },
          ],
        },
      ],
    },
    {
      // a renamed import of secretFromEnv is used as it is
      code: `${ANTHROPIC}import { secretFromEnv as env } from "keyguard/secret";\nconst key = process.env.ANTHROPIC_API_KEY;\nnew Anthropic({ apiKey: key });`,
      errors: [
        {
          messageId: "envNotSecret",
          line: 4,
          suggestions: [
            {
              messageId: "useSecretFromEnv",
              output: `${ANTHROPIC}import { secretFromEnv as env } from "keyguard/secret";\nconst key = env("ANTHROPIC_API_KEY");\nnew Anthropic({ apiKey: key });`,
            },
          ],
        },
      ],
    },
    {
      // a string parameter forwarded into the client is reported where it is forwarded
      code: `${OPENAI}export function make(k: string) {\n  return new OpenAI({ apiKey: k });\n}`,
      errors: [{ messageId: "parameterNotSecret", data: { ...data("OpenAI", "apiKey", "string"), parameter: "k" }, line: 3, column: 31 }],
    },
    {
      // a look-alike brand of the user's own does not pass
      code: `${OPENAI}declare const brand: unique symbol;\ntype SecretString = string & { readonly [brand]: true };\ndeclare const key: SecretString;\nnew OpenAI({ apiKey: key });`,
      errors: [{ messageId: "notSecret", data: data("OpenAI", "apiKey", "SecretString") }],
    },
    {
      code: `${OPENAI}${SECRET}declare const key: SecretString | undefined;\nnew OpenAI({ apiKey: key });`,
      errors: [{ messageId: "notSecret", data: data("OpenAI", "apiKey", "SecretString | undefined") }],
    },
    {
      code: `${OPENAI}declare const provider: () => Promise<string>;\nnew OpenAI({ apiKey: provider });`,
      errors: [{ messageId: "notSecret", data: data("OpenAI", "apiKey", "() => Promise<string>") }],
    },
    {
      code: `${OPENAI}declare const key: any;\nnew OpenAI({ apiKey: key });`,
      errors: [{ messageId: "notSecret", data: data("OpenAI", "apiKey", "any") }],
    },
    {
      // a literal type (not a value the file determines): the key, masked in the message
      code: `${ANTHROPIC}declare const key: "${anthropicKey}";\nnew Anthropic({ apiKey: key });`,
      errors: [{ messageId: "notSecret", data: data("Anthropic", "apiKey", `"${mask(anthropicKey)}"`) }],
    },
    // ---- a class guarded with guardClient is the client it wraps
    {
      code: `${GUARDED}new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`,
      errors: [
        {
          messageId: "envNotSecret",
          data: { ...data("OpenAI", "apiKey", "string | undefined"), name: "OPENAI_API_KEY" },
          line: 6,
          suggestions: [
            {
              messageId: "useSecretFromEnv",
              data: { name: "OPENAI_API_KEY" },
              output: `${GUARDED}new OpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY") });`,
            },
          ],
        },
      ],
    },
    {
      code: `${GUARDED}declare const token: string;\nnew Anthropic({ authToken: token });\nnew (guardClient(RawOpenAI))({ apiKey: token });`,
      errors: [
        { messageId: "notSecret", data: data("Anthropic", "authToken", "string"), line: 7 },
        { messageId: "notSecret", data: data("OpenAI", "apiKey", "string"), line: 8 },
      ],
    },
    {
      // options the file does not spell out: the declared type of their key option is checked
      code: `${OPENAI}export function make(options: { apiKey: string; baseURL?: string }) {\n  return new OpenAI(options);\n}`,
      errors: [{ messageId: "notSecret", data: data("OpenAI", "apiKey", "string"), line: 3, column: 21 }],
    },
    {
      code: `${OPENAI}const options = { apiKey: process.env.OPENAI_API_KEY ?? "" };\nnew OpenAI(options);`,
      errors: [{ messageId: "notSecret", data: data("OpenAI", "apiKey", "string"), line: 2, column: 27 }],
    },
    {
      code: `${OPENAI}declare const options: any;\nnew OpenAI(options);`,
      errors: [{ messageId: "notSecret", data: data("OpenAI", "apiKey", "any") }],
    },
    {
      // a nested key option of LangChain, from options the file does not spell out
      code: `import { ChatOpenAI } from "@langchain/openai";\ndeclare const configuration: { apiKey: string };\nnew ChatOpenAI({ model: "gpt-4o-mini", configuration });`,
      errors: [{ messageId: "notSecret", data: data("LangChain OpenAI", "configuration.apiKey", "string") }],
    },
    // ---- options built in other ways than one object literal
    {
      code: `${OPENAI}const o: { apiKey?: string } = {};\no.apiKey = process.env.OPENAI_API_KEY;\nnew OpenAI(o);`,
      errors: [
        {
          messageId: "envNotSecret",
          data: { ...data("OpenAI", "apiKey", "string | undefined"), name: "OPENAI_API_KEY" },
          line: 3,
          suggestions: [
            {
              messageId: "useSecretFromEnv",
              data: { name: "OPENAI_API_KEY" },
              output: `${OPENAI}import { secretFromEnv } from "keyguard/secret";\nconst o: { apiKey?: string } = {};\no.apiKey = secretFromEnv("OPENAI_API_KEY");\nnew OpenAI(o);`,
            },
          ],
        },
      ],
    },
    {
      code: `${OPENAI}declare const key: string;\nconst o = {};\nObject.assign(o, { apiKey: key });\nnew OpenAI(o);`,
      errors: [{ messageId: "notSecret", data: data("OpenAI", "apiKey", "string"), line: 4 }],
    },
    {
      code: `${OPENAI}declare const key: string;\nnew OpenAI({ get apiKey() { return key; } });`,
      errors: [{ messageId: "notSecret", data: data("OpenAI", "apiKey", "string"), line: 3, column: 36 }],
    },
    {
      code: `${OPENAI}declare const key: string;\nnew OpenAI({ get apiKey() { if (!key) throw new Error("no key"); return key; } });`,
      errors: [{ messageId: "notSecret", data: data("OpenAI", "apiKey", "string"), line: 3, column: 24 }],
    },
    {
      code: `${OPENAI}new OpenAI({ get apiKey() { return process.env.OPENAI_API_KEY!; } });`,
      errors: [
        {
          messageId: "envNotSecret",
          data: { ...data("OpenAI", "apiKey", "string"), name: "OPENAI_API_KEY" },
          suggestions: [
            {
              messageId: "useSecretFromEnv",
              output: `${OPENAI}import { secretFromEnv } from "keyguard/secret";\nnew OpenAI({ get apiKey() { return secretFromEnv("OPENAI_API_KEY"); } });`,
            },
          ],
        },
      ],
    },
    {
      code: `${OPENAI}declare const key: string;\nconst K = "apiKey";\nnew OpenAI({ [K]: key });`,
      errors: [{ messageId: "notSecret", data: data("OpenAI", "apiKey", "string"), line: 4 }],
    },
    {
      code: `import { GoogleGenerativeAI } from "@google/generative-ai";\ndeclare const key: string;\nnew GoogleGenerativeAI(key);`,
      errors: [{ messageId: "notSecret", data: data("Google Generative AI (legacy SDK)", "argument 1", "string") }],
    },
  ],
});

typedRuleTester().run("require-secret-string", rule, cases);

/** Every suggestion's output, from the invalid cases above. */
const suggestionOutputs = cases.invalid.flatMap((c) => c.errors.flatMap((e) => e.suggestions?.map((s) => s.output) ?? []));

// Every suggestion applied is clean for the rule...
typedRuleTester().run("require-secret-string (suggestions applied)", rule, { valid: suggestionOutputs.map((code) => ({ code, name: maskCode(code) })), invalid: [] });

// ... and compiles.
describe("require-secret-string suggestions", () => {
  it("type-check once applied", () => {
    expect(suggestionOutputs.length).toBeGreaterThanOrEqual(4);
    const config = ts.getParsedCommandLineOfConfigFile(`${fixturesDir}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } })!;
    const files = suggestionOutputs.map((code, i) => {
      const file = `${fixturesDir}suggestion-${process.pid}-${i}.ts`;
      writeFileSync(file, code);
      return file;
    });
    try {
      const program = ts.createProgram(files, config.options);
      const problems = files.flatMap((file) => {
        const source = program.getSourceFile(file)!;
        return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
          (d) => `${file.slice(fixturesDir.length)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
        );
      });
      expect(problems).toEqual([]);
    } finally {
      for (const file of files) rmSync(file, { force: true });
    }
  });
});

describe("one report per problem under recommended-type-checked", () => {
  it("a planted literal key is reported by the untyped rules only, as under recommended", () => {
    const code = `${OPENAI}${ANTHROPIC}new Anthropic({ apiKey: "${anthropicKey}" });\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? "${anthropicKey}" });`;
    const run = (config: "recommended" | "recommended-type-checked") => {
      const linter = new Linter({ configType: "flat" });
      const parserOptions = config === "recommended" ? {} : { projectService: true, tsconfigRootDir: fixturesDir };
      return linter
        .verify(code, [{ files: ["**/*.ts"], languageOptions: { parser: tsParser as Linter.Parser, parserOptions } }, plugin.configs[config] as Linter.Config], `${fixturesDir}file.ts`)
        .map((m) => `${m.line}:${m.ruleId}`);
    };
    const untyped = run("recommended");
    const typed = run("recommended-type-checked");
    expect(untyped.filter((m) => m.startsWith("3:")).length).toBeGreaterThanOrEqual(1);
    expect(typed.filter((m) => m.startsWith("3:"))).toEqual(untyped.filter((m) => m.startsWith("3:")));
    expect(typed.filter((m) => m.endsWith("require-secret-string"))).toEqual(["4:keyguard/require-secret-string"]);
  });
});

describe("require-secret-string without type information", () => {
  it("stops with typescript-eslint's error and says to turn on parserOptions.projectService", () => {
    const linter = new Linter({ configType: "flat" });
    const config: Linter.Config[] = [
      {
        files: ["**/*.ts"],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: { keyguard: { rules: { "require-secret-string": rule as never } } },
        rules: { "keyguard/require-secret-string": "error" },
      },
    ];
    const run = () => linter.verify('import OpenAI from "openai";\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });', config, "file.ts");
    expect(run).toThrow(/requires type information/);
    expect(run).toThrow(/parserOptions\.projectService/);
  });

  it("stops with the same error in a JavaScript file parsed by ESLint's default parser", () => {
    const linter = new Linter({ configType: "flat" });
    const config: Linter.Config[] = [
      {
        files: ["**/*.js"],
        plugins: { keyguard: { rules: { "require-secret-string": rule as never } } },
        rules: { "keyguard/require-secret-string": "error" },
      },
    ];
    const run = () => linter.verify('import OpenAI from "openai";\nnew OpenAI({ apiKey: process.env.OPENAI_API_KEY });', config, "file.js");
    expect(run).toThrow(/keyguard\/require-secret-string checks types/);
    expect(run).toThrow(/disable-type-checked/);
  });
});
