// Type test of keyguard's configs (run by `npm run test:types`, under TypeScript 6 and 7): what a
// user writes in an `eslint.config.ts` compiles against ESLint's own types, beside the same with
// typescript-eslint's configs (the reference a user already has), in one file.
import type { ESLint, Linter } from "eslint";
import { defineConfig } from "eslint/config";
import keyguard from "keyguard";
import tseslint from "typescript-eslint";

// The README's one line, typed.
export const oneLine: Linter.Config[] = [keyguard.configs.recommended];
export const typescriptEslintOneLine: Linter.Config[] = [...tseslint.configs.recommended];

// Every config, in defineConfig and in a Linter.Config[].
export const defined = defineConfig(keyguard.configs.recommended);
export const definedTs = defineConfig(tseslint.configs.recommended);
export const everyConfig: Linter.Config[] = [
  keyguard.configs.recommended,
  keyguard.configs.strict,
  keyguard.configs.all,
  keyguard.configs["recommended-type-checked"],
  keyguard.configs["disable-type-checked"],
];

// Side by side, as a project that uses both writes them.
export const both = defineConfig(
  ...tseslint.configs.recommendedTypeChecked,
  keyguard.configs["recommended-type-checked"],
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ["**/*.js"], extends: [tseslint.configs.disableTypeChecked, keyguard.configs["disable-type-checked"]] },
);
export const bothArray: Linter.Config[] = [...tseslint.configs.strict, keyguard.configs.strict];

// `extends` in defineConfig, and the plugin itself registered under its namespace with rules set by hand.
export const extended = defineConfig({ files: ["src/**/*.ts"], extends: [keyguard.configs.recommended] });
export const byHand: Linter.Config = {
  plugins: { [keyguard.meta.namespace]: keyguard, "@typescript-eslint": tseslint.plugin },
  rules: { "keyguard/require-secret-source": ["error", { strict: true }] },
};
export const asPlugin: ESLint.Plugin = keyguard;

// What the configs hold is typed: a config name that does not exist is an error.
// @ts-expect-error: no such config
export const missing = keyguard.configs.recommendedTypeChecked;
