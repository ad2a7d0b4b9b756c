/**
 * The sources shipped by the SDKs, linted once for two checks (parsing them is nearly all the cost,
 * so every file is parsed once, with the rules of every check it belongs to):
 *
 * - the real-code run (`npm run bench:real` lints every file): `no-hardcoded-key`, default options,
 *   on a deterministic sample (one file in six) of every `.ts`/`.js` source that `openai`,
 *   `@anthropic-ai/sdk`, `groq-sdk` and `ai` ship: no finding, no parse error;
 * - `require-secret-source`, `no-browser-secret` and `no-secret-in-logs` on every TypeScript file
 *   (`src/**.ts`, `.d.ts`, `.d.mts`) that `openai`, `@anthropic-ai/sdk` and `ai` ship: real code full
 *   of `apiKey` options, key functions, header handling, browser detection, `dangerouslyAllowBrowser`
 *   plumbing, loggers and error messages, on which none of these rules may report anything.
 *
 * The files are split into shards (tests/bench/sdk-sources.shard*.test.ts), so that the test
 * runner's workers lint them in parallel; every file is in exactly one shard.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { PACKAGES, sample, shippedSources, type SourceFile } from "../../bench/sources.js";
import plugin from "../../rules/index.js";
import { checkEslintMajor } from "../rules/rule-tester.js";

checkEslintMajor(Linter.version, "tests/bench/sdk-sources.ts");

/** The real-code sample: one file in six, about 800 files. */
export const STEP = 6;
/** The packages whose TypeScript `require-secret-source` lints in full. */
export const TYPED_PACKAGES = ["openai", "@anthropic-ai/sdk", "ai"] as const;
/** How many test files share the linting (tests/bench/sdk-sources.shard<N>.test.ts). */
export const SHARDS = 4;

const TS_FILE = /\.(?:d\.)?[mc]?ts$/;
export const NO_HARDCODED_KEY = "keyguard/no-hardcoded-key";
export const REQUIRE_SECRET_SOURCE = "keyguard/require-secret-source";
/** The rules run on the TypeScript files: the client rule and the two exposure rules. */
export const TYPESCRIPT_RULES = [REQUIRE_SECRET_SOURCE, "keyguard/no-browser-secret", "keyguard/no-secret-in-logs"] as const;

/** The TypeScript files of a package, twins (`.d.ts`/`.d.mts`) once. */
export function typescriptFiles(files: readonly SourceFile[]): SourceFile[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    if (!TS_FILE.test(file.path)) return false;
    // `.d.mts` twins of `.d.ts` files differ only in import extensions (`./x.mjs` vs `./x.js`).
    const text = readFileSync(file.absolute, "utf8").replace(/\.m?js(["'])/g, "$1");
    const hash = createHash("sha1").update(text).digest("hex");
    if (seen.has(hash)) return false;
    seen.add(hash);
    return true;
  });
}

export interface Target {
  readonly file: SourceFile;
  /** The rules this file is linted with: one or both. */
  readonly rules: readonly string[];
}

export interface PackageSources {
  readonly name: string;
  /** Every source the package ships. */
  readonly all: readonly SourceFile[];
  /** The real-code sample of `all`, linted with `no-hardcoded-key`. */
  readonly sampled: readonly SourceFile[];
  /** The TypeScript files linted with TYPESCRIPT_RULES (none for packages not in TYPED_PACKAGES). */
  readonly typescript: readonly SourceFile[];
  /** Every file of the two lists once, with its rules. */
  readonly targets: readonly Target[];
}

/** The files of one package and the rules each of them is linted with. */
export function packageSources(name: string): PackageSources {
  const all = shippedSources(name);
  const sampled = sample(all, STEP, 1);
  const typescript = (TYPED_PACKAGES as readonly string[]).includes(name) ? typescriptFiles(all) : [];
  const inSample = new Set(sampled);
  const inTypescript = new Set(typescript);
  const targets = all.flatMap((file) => {
    const rules = [...(inSample.has(file) ? [NO_HARDCODED_KEY] : []), ...(inTypescript.has(file) ? TYPESCRIPT_RULES : [])];
    return rules.length > 0 ? [{ file, rules }] : [];
  });
  return { name, all, sampled, typescript, targets };
}

/**
 * The targets of shard `shard` (1 to SHARDS). Parsing time grows with size, so the files are dealt
 * out largest first, each to the shard with the fewest bytes so far: shards of equal work.
 */
export function shardTargets(packages: readonly PackageSources[], shard: number): Target[] {
  const sized = packages.flatMap((p) => p.targets).map((target) => ({ target, size: statSync(target.file.absolute).size }));
  sized.sort((a, b) => b.size - a.size || a.target.file.absolute.localeCompare(b.target.file.absolute));
  const load = new Array<number>(SHARDS).fill(0);
  const out: Target[] = [];
  for (const { target, size } of sized) {
    const lightest = load.indexOf(Math.min(...load));
    load[lightest]! += size;
    if (lightest === shard - 1) out.push(target);
  }
  return out;
}

export interface LintResult {
  /** Reports, as `package/path:line:column rule: message` (messages are masked). */
  readonly reports: readonly string[];
  /** Files the parser could not read. */
  readonly parseErrors: readonly string[];
}

/**
 * Lints each target once with its rules, as the two checks do: the TypeScript parser (also for
 * `.js`), ES modules, no JSX, the rules' default options.
 */
export function lintTargets(targets: readonly Target[]): LintResult {
  const linter = new Linter({ configType: "flat" });
  const configs = new Map<string, Linter.Config[]>();
  const configFor = (rules: readonly string[]) => {
    const key = rules.join(" ");
    let config = configs.get(key);
    if (!config) {
      config = [
        {
          files: ["**/*.ts", "**/*.mts", "**/*.cts", "**/*.js", "**/*.mjs", "**/*.cjs"],
          languageOptions: { parser: tsParser, sourceType: "module", parserOptions: { ecmaFeatures: { jsx: false } } },
          plugins: { keyguard: plugin as never },
          rules: Object.fromEntries(rules.map((rule) => [rule, "error"])),
        },
      ];
      configs.set(key, config);
    }
    return config;
  };
  const reports: string[] = [];
  const parseErrors: string[] = [];
  for (const { file, rules } of targets) {
    // A relative name: the linter must not treat the file as ignored for living in node_modules.
    const name = `${file.packageName}/${file.path}`;
    for (const m of linter.verify(readFileSync(file.absolute, "utf8"), configFor(rules), name)) {
      if (m.fatal || !m.ruleId) parseErrors.push(`${name}:${m.line}: ${m.message}`);
      else reports.push(`${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  return { reports, parseErrors };
}

/** The tests of one shard: each package's files of the shard, linted once, report nothing. */
export function describeShard(shard: number): void {
  describe(`the SDKs' shipped sources, shard ${shard}/${SHARDS}`, () => {
    const packages = PACKAGES.map(packageSources);
    const targets = shardTargets(packages, shard);
    it.each(PACKAGES)("%s: no-hardcoded-key finds nothing in its sample, the client and exposure rules nothing in its TypeScript", (name) => {
      const mine = targets.filter((t) => t.file.packageName === name);
      expect(mine.length).toBeGreaterThan(0);
      const result = lintTargets(mine);
      expect(result.parseErrors).toEqual([]);
      expect(result.reports).toEqual([]);
    }, 180_000);
  });
}
