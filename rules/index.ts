/**
 * keyguard's ESLint plugin: `import keyguard from "keyguard"`, then
 * `export default [keyguard.configs.recommended]` in `eslint.config.js`.
 */
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
type Severity = "error" | "off";

function rulesWhere(test: (docs: KeyguardRuleDocs) => boolean, severity: Severity = "error"): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const [name, rule] of Object.entries(rules) as [RuleName, Rule][]) {
    if (test(rule.meta.docs ?? {})) out[`keyguard/${name}`] = severity;
  }
  return out;
}

const plugin = {
  meta: { name: "keyguard", version: VERSION },
  rules,
  configs: {} as Record<"recommended" | "strict" | "recommended-type-checked" | "disable-type-checked", TSESLint.FlatConfig.Config>,
};

const recommended = (docs: KeyguardRuleDocs) => docs.recommended === true && docs.requiresTypeChecking !== true;

plugin.configs = {
  /** The rules that need no type information and report only what is almost surely a leak. */
  recommended: {
    name: "keyguard/recommended",
    plugins: { keyguard: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: rulesWhere(recommended),
  },
  /** `recommended`, plus the rules that need no type information and may ask for more explicit code. */
  strict: {
    name: "keyguard/strict",
    plugins: { keyguard: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: rulesWhere((docs) => (recommended(docs) || docs.strict === true) && docs.requiresTypeChecking !== true),
  },
  /**
   * `recommended`, plus the recommended rules that need type information (typescript-eslint's
   * naming): turn on `languageOptions.parserOptions.projectService` with it.
   */
  "recommended-type-checked": {
    name: "keyguard/recommended-type-checked",
    plugins: { keyguard: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: rulesWhere((docs) => docs.recommended === true),
  },
  /** Turns off the rules that need type information, for files outside the TypeScript project (as typescript-eslint's preset of that name). */
  "disable-type-checked": {
    name: "keyguard/disable-type-checked",
    plugins: { keyguard: plugin as unknown as TSESLint.FlatConfig.Plugin },
    languageOptions: { parserOptions: { project: false, program: null, projectService: false } },
    rules: rulesWhere((docs) => docs.requiresTypeChecking === true, "off"),
  },
};

export default plugin;
