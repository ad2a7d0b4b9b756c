// keyguard lints itself with its own recommended config (the same one line a user adds), plus
// eslint-plugin-eslint-plugin for the rules. `npm run build` first: this imports the built plugin.
import eslintPlugin from "eslint-plugin-eslint-plugin";
import keyguard from "keyguard";
import tsParser from "@typescript-eslint/parser";

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "tests/fixtures/**", ".tmp/**", "bench/.out/**"] },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: { parser: tsParser },
  },
  keyguard.configs.recommended,
  // keyguard's own tests build SecretStrings from fake values on purpose (the escape hatch), also
  // in files not named *.test.* (type tests, helpers).
  { rules: { "keyguard/no-secret-cast": ["error", { allow: ["tests/**"] }] } },
  {
    files: ["rules/**/*.ts"],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      "eslint-plugin/require-meta-docs-description": ["error", { pattern: "^(Disallow|Require|Enforce)" }],
      // createRule (rules/utils.ts) sets meta.docs.url; tests/rules/setup.test.ts checks every url.
      "eslint-plugin/require-meta-docs-url": "off",
      "eslint-plugin/require-meta-default-options": "error",
      "eslint-plugin/prefer-placeholders": "error",
      "eslint-plugin/no-property-in-node": "off",
    },
  },
];
