/**
 * keyguard's ESLint plugin: `import keyguard from "eslint-plugin-keyguard"`, then
 * `export default [keyguard.configs.recommended]` in `eslint.config.js`.
 *
 * Each config is one flat-config object (so `[keyguard.configs.recommended]`,
 * `defineConfig(keyguard.configs.recommended)` and `...tseslint.configs.recommended` beside it all
 * work) that covers JavaScript and TypeScript files (`FILES`) and parses them with
 * `@typescript-eslint/parser`, as typescript-eslint's own configs do. Files outside `FILES` (`.vue`,
 * `.svelte`, `.astro`, ...) keep the parser the project gives them.
 */
import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { VERSION } from "../src/version.js";
import noBrowserSecret from "./no-browser-secret.js";
import noHardcodedKey from "./no-hardcoded-key.js";
import noSecretCast from "./no-secret-cast.js";
import noSecretInLogs from "./no-secret-in-logs.js";
import requireSecretString from "./require-secret-string.js";
import requireSecretSource from "./require-secret-source.js";
import type { KeyguardRuleDocs } from "./utils.js";

type Rule = TSESLint.RuleModule<string, readonly unknown[], KeyguardRuleDocs>;

const rules = {
  "no-hardcoded-key": noHardcodedKey,
  "no-secret-cast": noSecretCast,
  "require-secret-string": requireSecretString,
  "require-secret-source": requireSecretSource,
  "no-browser-secret": noBrowserSecret,
  "no-secret-in-logs": noSecretInLogs,
} satisfies Record<string, Rule>;

type RuleName = keyof typeof rules;

/** The files every config covers: JavaScript and TypeScript, with JSX. */
export const FILES = ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"];

/** A rule's setting in a config: a severity, or a severity and the rule's options. */
export type RuleEntry = "error" | "off" | ["error", Record<string, unknown>];

/**
 * A keyguard config, typed structurally (as typescript-eslint types its configs) so that ESLint's
 * own types (`Linter.Config`, `defineConfig`) and typescript-eslint's accept it. At run time it also
 * holds `plugins: { keyguard }` and, but in `disable-type-checked`, `languageOptions.parser`.
 */
export interface KeyguardConfig {
  name: `keyguard/${ConfigName}`;
  files: string[];
  rules: Record<string, RuleEntry>;
}

export type ConfigName = "recommended" | "strict" | "all" | "recommended-type-checked" | "disable-type-checked";

/** Options that ask for more explicit code, turned on by `strict` and `all`. */
const STRICT_OPTIONS: Partial<Record<RuleName, Record<string, unknown>>> = {
  "require-secret-source": { strict: true },
};

function rulesWhere(test: (docs: KeyguardRuleDocs) => boolean, setting: "error" | "strict" | "off" = "error"): Record<string, RuleEntry> {
  const out: Record<string, RuleEntry> = {};
  for (const [name, rule] of Object.entries(rules) as [RuleName, Rule][]) {
    if (!test(rule.meta.docs ?? {})) continue;
    const options = STRICT_OPTIONS[name];
    out[`keyguard/${name}`] = setting === "strict" && options ? ["error", { ...options }] : setting === "strict" ? "error" : setting;
  }
  return out;
}

const plugin = {
  meta: { name: "eslint-plugin-keyguard", version: VERSION, namespace: "keyguard" },
  rules,
  configs: {} as Record<ConfigName, KeyguardConfig>,
};

const untyped = (docs: KeyguardRuleDocs) => docs.requiresTypeChecking !== true;
const recommended = (docs: KeyguardRuleDocs) => docs.recommended === true && untyped(docs);

function config(name: ConfigName, rules: Record<string, RuleEntry>, parse = true): KeyguardConfig {
  const languageOptions = parse ? { parser: tsParser } : { parserOptions: { project: false, program: null, projectService: false } };
  return { name: `keyguard/${name}`, files: [...FILES], plugins: { keyguard: plugin }, languageOptions, rules } as KeyguardConfig;
}

plugin.configs = {
  /** The rules that need no type information and report only what is almost surely a leak. */
  recommended: config("recommended", rulesWhere(recommended)),
  /**
   * `recommended`, plus the rules that need no type information and ask for more explicit code,
   * with their stricter options (`require-secret-source`'s `strict`).
   */
  strict: config("strict", rulesWhere((docs) => (recommended(docs) || docs.strict === true) && untyped(docs), "strict")),
  /** Every rule, with its stricter options; needs type information (`parserOptions.projectService`). */
  all: config("all", rulesWhere(() => true, "strict")),
  /**
   * `recommended`, plus the recommended rules that need type information (typescript-eslint's
   * naming): turn on `languageOptions.parserOptions.projectService` with it.
   */
  "recommended-type-checked": config("recommended-type-checked", rulesWhere((docs) => docs.recommended === true)),
  /**
   * Turns off the rules that need type information, for files outside the TypeScript project (as
   * typescript-eslint's preset of that name); sets no parser.
   */
  "disable-type-checked": config("disable-type-checked", rulesWhere((docs) => docs.requiresTypeChecking === true, "off"), false),
};

/**
 * A rule as the plugin shows it: typescript-eslint's rule module, but `create`, whose context type
 * and listener types differ between ESLint's types and typescript-eslint's, declared loosely so
 * that ESLint's `RuleDefinition` accepts it (ESLint calls it as usual; nothing else should).
 */
export interface KeyguardRule extends Omit<TSESLint.RuleModule<string, unknown[], KeyguardRuleDocs>, "create"> {
  create(context: never): Record<string, ((node: unknown) => void) | undefined>;
}

/** The plugin, typed so that ESLint's `plugins: { keyguard }` (`ESLint.Plugin`) accepts it. */
export interface KeyguardPlugin {
  meta: { name: string; version: string; namespace: "keyguard" };
  rules: Record<RuleName, KeyguardRule>;
  configs: Record<ConfigName, KeyguardConfig>;
}

export default plugin as KeyguardPlugin;
