import { ESLintUtils } from "@typescript-eslint/utils";

/** Base URL of the rule documentation pages; `meta.docs.url` of every rule points below it. */
export const DOCS_BASE_URL = "https://github.com/keyguard-dev/keyguard/blob/main/docs/rules/";

export interface KeyguardRuleDocs {
  /** Whether the rule is part of `configs.recommended` (every recommended rule is also in `configs.strict`). */
  recommended?: boolean;
  /** Whether the rule is part of `configs.strict`. */
  strict?: boolean;
  /** Whether the rule needs type information (`parserOptions.projectService`). */
  requiresTypeChecking?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<KeyguardRuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);
