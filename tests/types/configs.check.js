// @ts-check
// Type test of keyguard's configs in a JavaScript `eslint.config.js` with `// @ts-check` (the
// TypeScript twin is configs.types.ts): ESLint's own types accept them, as typescript-eslint's.
import { defineConfig } from "eslint/config";
import keyguard from "keyguard";
import tseslint from "typescript-eslint";

/** @type {import("eslint").Linter.Config[]} */
export const oneLine = [keyguard.configs.recommended];

/** @type {import("eslint").Linter.Config[]} */
export const both = [...tseslint.configs.recommended, keyguard.configs.strict];

export default defineConfig(keyguard.configs.recommended, tseslint.configs.recommended, {
  files: ["**/*.vue"],
  plugins: { keyguard },
  rules: keyguard.configs.recommended.rules,
});
