import { RuleTester, type InvalidTestCase, type ValidTestCase } from "@typescript-eslint/rule-tester";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { afterAll, describe, it } from "vitest";
import { detect, looksRandom, mask } from "../../src/detect/index.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/**
 * `npm run test:eslint9` runs the rule tests with ESLint 9 standing in for the locked ESLint
 * (scripts/eslint9-preload.mjs) and sets KEYGUARD_ESLINT_MAJOR=9: fails unless `version`, the
 * version of an ESLint that `who` loaded, is of that major.
 */
export function checkEslintMajor(version: string, who: string): void {
  const major = process.env.KEYGUARD_ESLINT_MAJOR;
  if (major && !version.startsWith(`${major}.`)) {
    throw new Error(`KEYGUARD_ESLINT_MAJOR=${major}, but ${who} runs on ESLint ${version}`);
  }
}

const requireFromRuleTester = createRequire(createRequire(import.meta.url).resolve("@typescript-eslint/rule-tester"));
checkEslintMajor((requireFromRuleTester("eslint") as { Linter: { version: string } }).Linter.version, "@typescript-eslint/rule-tester");

/** A RuleTester for TypeScript and TSX files, without type information. */
export function ruleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}

/** The type-aware fixture project: `tests/fixtures/tsconfig.json` and the files it includes. */
export const fixturesDir = fileURLToPath(new URL("../fixtures/", import.meta.url));

/**
 * A RuleTester with type information (typescript-eslint's fixture pattern): every case is linted as
 * a file of `tests/fixtures/` (default `file.ts`; `filename` relative to that directory) through
 * the project service, with the real keyguard/secret, openai and @anthropic-ai/sdk types.
 */
export function typedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: fixturesDir },
    },
  });
}

/**
 * `code` with every key in it replaced by its masked form: test names end up in CI logs. Keys
 * without a prefix (found by name only) are caught by their shape: any long random-looking run.
 */
export function maskCode(code: string): string {
  let out = "";
  let last = 0;
  for (const f of detect(code)) {
    out += code.slice(last, f.start) + f.masked;
    last = f.end;
  }
  return (out + code.slice(last)).replace(/[A-Za-z0-9+/]{24,}/g, (run) => (looksRandom(run) ? mask(run) : run));
}

type Cases<M extends string, O extends readonly unknown[]> = {
  valid: (ValidTestCase<O> | string)[];
  invalid: InvalidTestCase<M, O>[];
};

/**
 * Gives every case a name with its keys masked, so that the test runner never prints a
 * key-shaped string (cases whose keys the catalog does not know keep their code as their name).
 */
export function masked<M extends string, O extends readonly unknown[]>(cases: Cases<M, O>): Cases<M, O> {
  const name = (code: string, given?: string) => given ?? maskCode(code);
  return {
    valid: cases.valid.map((c) => (typeof c === "string" ? { code: c, name: name(c) } : { ...c, name: name(c.code, c.name) })),
    invalid: cases.invalid.map((c) => ({ ...c, name: name(c.code, c.name) })),
  };
}
