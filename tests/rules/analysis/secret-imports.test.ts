import tsParser from "@typescript-eslint/parser";
import { ESLintUtils, type TSESTree } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { afterEach, describe, expect, it, vi } from "vitest";
import { typeNamesSecretString } from "../../../rules/analysis/secret-imports.js";

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
