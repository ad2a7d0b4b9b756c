import { ESLintUtils, type TSESLint } from "@typescript-eslint/utils";
import type { RuleWithMetaAndName } from "@typescript-eslint/utils/eslint-utils";

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

const createNamedRule = ESLintUtils.RuleCreator<KeyguardRuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);

/** Stands for "no options given" as a cache key. */
const NO_OPTIONS = {};

/**
 * typescript-eslint's `RuleCreator`, with the options merged with their defaults once per options
 * object instead of once per file. `RuleCreator` deep-clones the defaults (`structuredClone`) every
 * time a rule is created, that is for every rule and every file, which cost more than all of
 * keyguard's own work on a real corpus (bench/RESULTS.md). ESLint hands every file the same option
 * objects of the config (it copies the array, not its elements), so a cache keyed by the first
 * option's identity is hit on every file but the first; inline configuration comments bring new
 * objects and simply miss. The merged array and the objects it made are frozen (rules share them
 * across files); objects that come from the user's config are left as they are.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, KeyguardRuleDocs>>,
): TSESLint.RuleModule<MessageIds, Options, KeyguardRuleDocs> & { name: string } {
  const named = createNamedRule<Options, MessageIds>(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options;
  const merged = new WeakMap<object, Readonly<Options>>();
  return {
    ...named,
    create(context) {
      const given = context.options as readonly unknown[];
      const first = given[0];
      // Only the shape every keyguard rule has, zero or one object option, is cached.
      const key = given.length === 0 ? NO_OPTIONS : given.length === 1 && typeof first === "object" && first !== null ? first : undefined;
      let options = key === undefined ? undefined : merged.get(key);
      if (!options) {
        const fresh: readonly unknown[] = ESLintUtils.applyDefault(defaults, given as Options);
        for (const option of fresh) if (typeof option === "object" && option !== null && !given.includes(option)) Object.freeze(option);
        options = Object.freeze(fresh) as Readonly<Options>;
        if (key !== undefined) merged.set(key, options);
      }
      return rule.create(context, options);
    },
  };
}

/**
 * `build` run once per options object: what a rule derives from its options alone (sets, merged
 * catalogs, compiled patterns) is made for the first file and reused for every other. ESLint hands
 * each file the same option objects of the config (`createRule` passes them on frozen), so the
 * cache is hit on every file but the first; it holds nothing once the config is gone.
 */
export function perOptions<O extends object, T>(build: (options: O) => T): (options: O) => T {
  const cache = new WeakMap<O, T>();
  return (options) => {
    let value = cache.get(options);
    if (value === undefined) {
      value = build(options);
      cache.set(options, value);
    }
    return value;
  };
}
