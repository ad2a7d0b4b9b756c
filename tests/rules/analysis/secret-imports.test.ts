import tsParser from "@typescript-eslint/parser";
import { ESLintUtils, type TSESTree } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { afterEach, describe, expect, it, vi } from "vitest";
import { secretExportReferences, typeNamesSecretString } from "../../../rules/analysis/secret-imports.js";

/** Lints `code` with a probe rule that reports every type annotation naming keyguard's SecretString. */
function namingTypes(code: string): string[] {
  const probe = ESLintUtils.RuleCreator.withoutDocs<[], "named">({
    meta: { type: "problem", messages: { named: "{{text}}" }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        TSTypeAnnotation(node: TSESTree.TSTypeAnnotation) {
          if (typeNamesSecretString(node.typeAnnotation, context.sourceCode)) {
            context.report({ node, messageId: "named", data: { text: context.sourceCode.getText(node.typeAnnotation) } });
          }
        },
      };
    },
  });
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(code, [
    {
      files: ["**/*.ts"],
      languageOptions: { parser: tsParser, sourceType: "module" },
      plugins: { probe: { rules: { named: probe as never } } },
      rules: { "probe/named": "error" },
    },
  ], "file.ts");
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((m) => m.message);
}

/** The text of every place `secretExportReferences` finds for `name`, with its line. */
function references(code: string, name = "unsafeSecretString", globals: Record<string, "readonly"> = {}): string[] {
  const probe = ESLintUtils.RuleCreator.withoutDocs<[], "found">({
    meta: { type: "problem", messages: { found: "{{text}}" }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        Program() {
          for (const node of secretExportReferences(context.sourceCode, name)) {
            context.report({ node, messageId: "found", data: { text: context.sourceCode.getText(node) } });
          }
        },
      };
    },
  });
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(code, [
    {
      files: ["**/*.ts"],
      languageOptions: { parser: tsParser, sourceType: "module", globals },
      plugins: { probe: { rules: { found: probe as never } } },
      rules: { "probe/found": "error" },
    },
  ], "file.ts");
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((m) => `${m.line}:${m.message}`);
}

describe("secretExportReferences", () => {
  it("finds every use of a named, renamed or namespace import, element access, destructuring and aliases", () => {
    const code = [
      'import { unsafeSecretString, unsafeSecretString as trust, secretFromEnv } from "keyguard/secret";',
      'import * as secret from "keyguard/secret";',
      'unsafeSecretString("a"); trust("b"); secretFromEnv("C");',
      'secret.unsafeSecretString("d"); secret["unsafeSecretString"]("e");',
      "const { unsafeSecretString: u } = secret; u(\"f\");",
      "const alias = secret.unsafeSecretString;",
    ].join("\n");
    expect(references(code)).toEqual([
      "3:unsafeSecretString",
      "3:trust",
      "4:secret.unsafeSecretString",
      '4:secret["unsafeSecretString"]',
      "5:u",
      "6:secret.unsafeSecretString",
    ]);
  });

  it("follows require (declared global or not), import = require, await import() and re-exports, not barrels", () => {
    const code = [
      'const { unsafeSecretString } = require("keyguard/secret"); unsafeSecretString("a");',
      'import s = require("keyguard/secret"); s.unsafeSecretString("b");',
      'async function f() { return (await import("keyguard/secret")).unsafeSecretString("c"); }',
      'export { unsafeSecretString as makeKey } from "keyguard/secret";',
      'export * from "keyguard/secret";',
    ].join("\n");
    const expected = ["1:unsafeSecretString", "2:s.unsafeSecretString", '3:(await import("keyguard/secret")).unsafeSecretString', "4:unsafeSecretString as makeKey"];
    expect(references(code)).toEqual(expected);
    expect(references(code, "unsafeSecretString", { require: "readonly" })).toEqual(expected);
  });

  it("ignores other modules, a local function called require, and other exports", () => {
    const code = [
      'import { unsafeSecretString } from "./my-secret.js";',
      'unsafeSecretString("a");',
      "function load(require: (m: string) => { unsafeSecretString(v: string): string }) { return require(\"keyguard/secret\").unsafeSecretString(\"b\"); }",
    ].join("\n");
    expect(references(code)).toEqual([]);
    expect(references('import { secretFromEnv } from "keyguard/secret"; secretFromEnv("A");')).toEqual([]);
    expect(references('import { secretFromEnv } from "keyguard/secret"; secretFromEnv("A");', "secretFromEnv")).toEqual(["1:secretFromEnv"]);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("typeNamesSecretString", () => {
  it("finds SecretString named by import, rename, namespace, import type and local alias", () => {
    const code = [
      'import type { SecretString, SecretString as Key } from "keyguard/secret";',
      'import type * as secret from "keyguard/secret";',
      "type Alias = { apiKey: Key };",
      "declare const a: SecretString;",
      "declare const b: secret.SecretString;",
      'declare const c: import("keyguard/secret").SecretString;',
      "declare const d: Alias;",
      "declare const e: string;",
      'declare const f: import("./other.js").SecretString;',
    ].join("\n");
    expect(namingTypes(code)).toEqual(["Key", "SecretString", "secret.SecretString", 'import("keyguard/secret").SecretString', "Alias"]);
  });

  it("reads `import(…)` types without typescript-eslint's TSImportType.argument deprecation warning", () => {
    const warn = vi.spyOn(process, "emitWarning");
    expect(namingTypes('declare const c: import("keyguard/secret").SecretString;')).toHaveLength(1);
    const deprecations = warn.mock.calls.filter((call) => String(call[0]).includes("deprecated"));
    expect(deprecations).toEqual([]);
  });
});
