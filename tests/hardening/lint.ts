// Helpers of the hardening tests: lint a text with every keyguard rule through ESLint's Linter,
// and check that an output never shows more of a key than its masked form.
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import plugin from "../../rules/index.js";
import { secretPart } from "../helpers/keys.js";

/** Every rule of the plugin that runs without type information, by its full id. */
export const untypedRules: string[] = Object.entries(plugin.rules)
  .filter(([, rule]) => (rule.meta.docs as { requiresTypeChecking?: boolean } | undefined)?.requiresTypeChecking !== true)
  .map(([name]) => `keyguard/${name}`);

const linter = new Linter();

const tsLanguage = { parser: tsParser, ecmaVersion: "latest", sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } } as const;

/**
 * Lints `code` as `filename` with the given keyguard rules at their default options (all untyped
 * ones unless named): `.ts`/`.tsx` with @typescript-eslint/parser, `.js`/`.jsx` with espree.
 */
export function lint(code: string, filename = "input.tsx", rules: readonly string[] = untypedRules): Linter.LintMessage[] {
  const typescript = /\.[mc]?tsx?$/.test(filename);
  const config: Linter.Config[] = [
    {
      files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.js", "**/*.jsx", "**/*.mjs"],
      languageOptions: typescript
        ? (tsLanguage as Linter.LanguageOptions)
        : { ecmaVersion: "latest", sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { keyguard: plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
      rules: Object.fromEntries(rules.map((r) => [r, "error"])),
    },
  ];
  return linter.verify(code, config, { filename });
}

/**
 * Whether `output` shows more of `key` than its masked form allows: any 8 consecutive characters
 * of the key after its known prefix (a masked form shows at most the last 4).
 */
export function revealsKey(output: string, key: string): boolean {
  const body = secretPart(key);
  for (let i = 0; i + 8 <= body.length; i++) {
    const window = body.slice(i, i + 8);
    if (/\s/.test(window)) continue; // PEM line breaks: not key material
    if (output.includes(window)) return true;
  }
  return false;
}
