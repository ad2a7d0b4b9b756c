import tsParser from "@typescript-eslint/parser";
import { ESLintUtils, type TSESTree } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { createClientMatcher, mentionsClientModule, userClientEntries, type UserClient } from "../../rules/analysis/client-calls.js";
import { CLIENTS, exportMatches, moduleMatches } from "../../src/clients/catalog.js";

/** A probe rule that reports every key use the matcher finds, as `client|option|node text|at text`. */
function keyUses(code: string, clients?: UserClient[]): string[] {
  const probe = ESLintUtils.RuleCreator.withoutDocs<[{ clients?: UserClient[] }], "use">({
    meta: { type: "problem", messages: { use: "{{use}}" }, schema: [{ type: "object", additionalProperties: true }] },
    defaultOptions: [{}],
    create(context, [options]) {
      const matcher = createClientMatcher(context, options);
      const text = (n: TSESTree.Node) => context.sourceCode.getText(n);
      const check = (node: TSESTree.NewExpression | TSESTree.CallExpression) => {
        for (const use of matcher.keyUses(node)) {
          context.report({ node: use.at, messageId: "use", data: { use: `${use.client.id}|${use.option}|${text(use.node)}|${text(use.at)}` } });
        }
      };
      return { NewExpression: check, CallExpression: check };
    },
  });
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(code, [
    {
      files: ["**/*.ts"],
      languageOptions: { parser: tsParser, sourceType: "module" },
      plugins: { probe: { rules: { uses: probe as never } } },
      rules: { "probe/uses": ["error", { clients }] },
    },
  ], "file.ts");
  for (const m of messages) if (m.fatal) throw new Error(m.message);
  return messages.map((m) => m.message);
}

describe("createClientMatcher", () => {
  describe("import forms", () => {
    it.each([
      ['import OpenAI from "openai"; new OpenAI({ apiKey: k });', "openai|apiKey|k|apiKey: k"],
      ['import { OpenAI } from "openai"; new OpenAI({ apiKey: k });', "openai|apiKey|k|apiKey: k"],
      ['import { OpenAI as O } from "openai"; new O({ apiKey: k });', "openai|apiKey|k|apiKey: k"],
      ['import * as oai from "openai"; new oai.OpenAI({ apiKey: k });', "openai|apiKey|k|apiKey: k"],
      ['import * as oai from "openai"; new oai.default({ apiKey: k });', "openai|apiKey|k|apiKey: k"],
      ['const OpenAI = require("openai"); new OpenAI({ apiKey: k });', "openai|apiKey|k|apiKey: k"],
      ['const { Anthropic } = require("@anthropic-ai/sdk"); new Anthropic({ apiKey: k });', "anthropic|apiKey|k|apiKey: k"],
      ['const { Anthropic: A } = require("@anthropic-ai/sdk"); new A({ apiKey: k });', "anthropic|apiKey|k|apiKey: k"],
      ['const A = require("@anthropic-ai/sdk").Anthropic; new A({ apiKey: k });', "anthropic|apiKey|k|apiKey: k"],
      ['const { OpenAI } = await import("openai"); new OpenAI({ apiKey: k });', "openai|apiKey|k|apiKey: k"],
      ['import OpenAI = require("openai"); new OpenAI({ apiKey: k });', "openai|apiKey|k|apiKey: k"],
      ['import { OpenAI } from "openai"; const C = OpenAI; new C({ apiKey: k });', "openai|apiKey|k|apiKey: k"],
      ['import Stripe from "stripe"; Stripe(k);', "stripe|argument 1|k|k"],
      ['require("stripe")(k);', "stripe|argument 1|k|k"],
      ['import sgMail from "@sendgrid/mail"; sgMail.setApiKey(k);', "sendgrid|argument 1|k|k"],
      ['require("@sendgrid/mail").setApiKey(k);', "sendgrid|argument 1|k|k"],
      ['import twilio from "twilio"; twilio(sid, k);', "twilio|argument 2|k|k"],
      ['import twilio from "twilio"; new twilio.Twilio(sid, k);', "twilio-class|argument 2|k|k"],
      ['import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager"; new SecretsManagerClient({ credentials: { accessKeyId: a, secretAccessKey: b } });',
        ["aws-sdk|credentials.accessKeyId|a|accessKeyId: a", "aws-sdk|credentials.secretAccessKey|b|secretAccessKey: b"]],
    ])("%s", (code, expected) => {
      expect(keyUses(code)).toEqual(Array.isArray(expected) ? expected : [expected]);
    });
  });

  describe("is not fooled by names", () => {
    it.each([
      "class OpenAI { constructor(o: unknown) {} } new OpenAI({ apiKey: k });",
      "new OpenAI({ apiKey: k });",
      'import { OpenAI } from "./openai"; new OpenAI({ apiKey: k });',
      'import { OpenAI } from "openai"; function f(OpenAI: any) { return new OpenAI({ apiKey: k }); }',
      'import type { OpenAI } from "openai"; declare const X: typeof OpenAI; new X({ apiKey: k });',
      'import OpenAI from "openai"; OpenAI({ apiKey: k });',
      'import { createOpenAI } from "@ai-sdk/openai"; new createOpenAI({ apiKey: k });',
      'let OpenAI = require("openai"); OpenAI = Other; new OpenAI({ apiKey: k });',
      'function require(m: string): any {} const OpenAI = require("openai"); new OpenAI({ apiKey: k });',
      'import { initializeApp } from "firebase/app"; initializeApp({ apiKey: k });',
      'import { createClient } from "@supabase/supabase-js"; createClient(url, k);',
      'import OpenAI from "openai"; new OpenAI({ baseURL: k });',
    ])("%s", (code) => {
      expect(keyUses(code)).toEqual([]);
    });
  });

  describe("options objects", () => {
    it.each([
      ['import OpenAI from "openai"; const opts = { apiKey: k }; new OpenAI(opts);', "openai|apiKey|k|opts"],
      ['import OpenAI from "openai"; const opts = { apiKey: k }; new OpenAI({ ...opts });', "openai|apiKey|k|...opts"],
      ['import OpenAI from "openai"; const base = { apiKey: k }; const opts = { ...base, timeout: 1 }; new OpenAI(opts);', "openai|apiKey|k|opts"],
      ['import OpenAI from "openai"; const opts = { apiKey: k }; new OpenAI({ ...opts, apiKey: e });', "openai|apiKey|e|apiKey: e"],
      ['import OpenAI from "openai"; new OpenAI({ apiKey } as ClientOptions);', "openai|apiKey|apiKey|apiKey"],
      ['import OpenAI from "openai"; new OpenAI({ "apiKey": k });', 'openai|apiKey|k|"apiKey": k'],
      ['import { ChatOpenAI } from "@langchain/openai"; new ChatOpenAI({ configuration: { apiKey: k } });', "langchain-openai|configuration.apiKey|k|apiKey: k"],
      ['import { ChatOpenAI } from "@langchain/openai"; const configuration = { apiKey: k }; new ChatOpenAI({ configuration });', "langchain-openai|configuration.apiKey|k|configuration"],
      ['import OpenAI from "openai"; new OpenAI({ defaultHeaders: { Authorization: h, "X-Other": o } });', "openai|defaultHeaders.Authorization|h|Authorization: h"],
      ['import { createOpenAI } from "@ai-sdk/openai"; createOpenAI({ headers: { "x-api-key": h } });', 'ai-sdk-openai|headers.x-api-key|h|"x-api-key": h'],
      // a `let` assigned once is followed as a `const` is (one answer for both: analysis/bindings.ts); one reassigned is not
      ['import OpenAI from "openai"; let opts = { apiKey: k }; new OpenAI(opts);', "openai|apiKey|k|opts"],
      ['import OpenAI from "openai"; let opts = { apiKey: k }; opts = other; new OpenAI(opts);', []],
      // objects completed after they were created, before the call
      ['import OpenAI from "openai"; const o: any = {}; o.apiKey = k; new OpenAI(o);', "openai|apiKey|k|o"],
      ['import OpenAI from "openai"; const o: any = {}; o["apiKey"] = k; new OpenAI(o);', "openai|apiKey|k|o"],
      ['import OpenAI from "openai"; const o = { apiKey: e }; o.apiKey = k; new OpenAI(o);', "openai|apiKey|k|o"],
      ['import OpenAI from "openai"; const o: any = {}; new OpenAI(o); o.apiKey = k;', []],
      ['import OpenAI from "openai"; const o = {}; Object.assign(o, { apiKey: k }); new OpenAI(o);', "openai|apiKey|k|o"],
      ['import OpenAI from "openai"; const o = Object.assign({}, base, { apiKey: k }); new OpenAI(o);', "openai|apiKey|k|o"],
      ['import OpenAI from "openai"; new OpenAI(Object.assign({ timeout: 1 }, { apiKey: k }));', "openai|apiKey|k|apiKey: k"],
      ['import OpenAI from "openai"; const base: any = {}; base.apiKey = k; new OpenAI({ ...base });', "openai|apiKey|k|...base"],
      ['import OpenAI from "openai"; const base: any = {}; base.apiKey = k; new OpenAI({ ...base, timeout: 1 });', "openai|apiKey|k|...base"],
      ['import OpenAI from "openai"; const Object = { assign(a: any, b: any) {} }; const o = {}; Object.assign(o, { apiKey: k }); new OpenAI(o);', []],
      ['import { ChatOpenAI } from "@langchain/openai"; const configuration: any = {}; configuration.apiKey = k; new ChatOpenAI({ configuration });', "langchain-openai|configuration.apiKey|k|configuration"],
      // accessors and computed names the file knows
      ['import OpenAI from "openai"; new OpenAI({ get apiKey() { return k; } });', "openai|apiKey|() { return k; }|get apiKey() { return k; }"],
      ['import OpenAI from "openai"; new OpenAI({ set apiKey(v: string) {} });', []],
      ['import OpenAI from "openai"; const K = "apiKey"; new OpenAI({ [K]: k });', "openai|apiKey|k|[K]: k"],
      ['import OpenAI from "openai"; const K = "api" + "Key"; const o: any = {}; o[K] = k; new OpenAI(o);', "openai|apiKey|k|o"],
      ['import OpenAI from "openai"; new OpenAI({ [name]: k });', []],
      ['import OpenAI from "openai"; new OpenAI(getOptions());', []],
      ['import OpenAI from "openai"; new OpenAI(...args);', []],
    ])("%s", (code, expected) => {
      expect(keyUses(code)).toEqual(Array.isArray(expected) ? expected : [expected]);
    });
  });

  it("follows bounded chains only", () => {
    const chain = Array.from({ length: 20 }, (_, i) => `const o${i + 1} = { ...o${i} };`).join(" ");
    expect(keyUses(`import OpenAI from "openai"; const o0 = { apiKey: k }; ${chain} new OpenAI(o20);`)).toEqual([]);
    expect(keyUses(`import OpenAI from "openai"; const o0 = { apiKey: k }; ${chain.split(";").slice(0, 3).join(";")}; new OpenAI(o3);`)).toEqual(["openai|apiKey|k|o3"]);
  });

  describe("user clients", () => {
    it("matches a user client by module and export, with options and arguments", () => {
      const clients: UserClient[] = [
        { module: "@acme/llm", export: "Llm", keyOptions: ["auth.token"] },
        { module: "@acme/llm", export: "default", member: "login", keyArgument: 0, call: "call" },
      ];
      expect(keyUses('import { Llm } from "@acme/llm"; new Llm({ auth: { token: t } });', clients)).toEqual(["custom:@acme/llm#Llm|auth.token|t|token: t"]);
      expect(keyUses('import acme from "@acme/llm"; acme.login(t);', clients)).toEqual(["custom:@acme/llm#default.login|argument 1|t|t"]);
      expect(keyUses('import acme from "@acme/llm"; new acme.login(t);', clients)).toEqual([]);
      expect(keyUses('import { Llm } from "@acme/llm"; new Llm({ auth: { token: t } });')).toEqual([]);
    });

    it("rejects a user client without a key location or module", () => {
      expect(() => userClientEntries([{ module: "m", export: "X" }])).toThrow(/clients\[0\].*needs "keyOptions" or "keyArgument"/);
      expect(() => userClientEntries([{ module: "", export: "X", keyArgument: 0 }])).toThrow(/clients\[0\] needs "module" and "export"/);
    });
  });

  describe("catalog", () => {
    it("has unique ids, a key location, an env var and docs for every entry", () => {
      const ids = new Set<string>();
      for (const c of CLIENTS) {
        expect(ids.has(c.id), c.id).toBe(false);
        ids.add(c.id);
        expect(c.keyOptions?.length || c.keyArgument !== undefined, c.id).toBeTruthy();
        expect(c.envVar, c.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect(c.docs, c.id).toMatch(/^https:\/\//);
        expect(c.call.length, c.id).toBeGreaterThan(0);
      }
    });

    it("matches module and export patterns", () => {
      expect(moduleMatches("@aws-sdk/client-*", "@aws-sdk/client-s3")).toBe(true);
      expect(moduleMatches("@aws-sdk/client-*", "@aws-sdk/client-")).toBe(false);
      expect(moduleMatches("openai", "openai/azure")).toBe(false);
      expect(exportMatches("*Client", "S3Client")).toBe(true);
      expect(exportMatches("*Client", "Client")).toBe(false);
      expect(exportMatches("*Client", "S3")).toBe(false);
    });
  });
});

describe("mentionsClientModule", () => {
  it("answers for each text, whatever was asked before (the last answer is kept)", () => {
    const withClient = 'import OpenAI from "openai";\n';
    const without = 'import { z } from "zod";\n';
    expect([withClient, withClient, without, withClient, without].map((text) => mentionsClientModule(text))).toEqual([true, true, false, true, false]);
    const clients: UserClient[] = [{ module: "@acme/llm", export: "Client", keyOptions: ["key"] }];
    expect(mentionsClientModule('import { Client } from "@acme/llm";', clients)).toBe(true);
    expect(mentionsClientModule('import { Client } from "@acme/llm";')).toBe(false);
  });
});
