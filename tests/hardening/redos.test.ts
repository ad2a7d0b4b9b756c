// ReDoS gate: every regular expression keyguard runs is checked by recheck's exact (automaton)
// analysis, with the pure-JavaScript backend (no Java, no native binary, no network). A pattern
// recheck finds vulnerable — or cannot prove safe — fails the build.
//
// Covered: the catalog as the detector compiles it (`compiledPatterns()`), and every regex
// literal and `RegExp(...)`/`new RegExp(...)` call with a literal source in `src/` and `rules/`
// (found by parsing the files, so a rule added later is covered without touching this test).
// A `RegExp` built from a non-literal source must be listed in DYNAMIC_SITES with the reason it is
// covered elsewhere or cannot be (user options).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import { moduleMentionPattern } from "../../rules/analysis/client-calls.js";
import { BROWSER_WORDS } from "../../rules/no-browser-secret.js";
import { compiledPatterns } from "../../src/detect/index.js";
import { loadedPatterns, rememberLoaded } from "../../src/secret/registry.js";

process.env.RECHECK_SYNC_BACKEND = "pure";
const { checkSync } = await import("recheck");

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Catalog bodies repeat up to a few hundred times (`{40,300}`); above recheck's default
 * `maxRepeatCount` (30) it would fall back to fuzzing, which is slow and not a proof. Raising the
 * limit keeps every check on the automaton, which decides the question exactly.
 */
const PARAMS = { checker: "automaton", maxRepeatCount: 1000, maxNFASize: 200_000, timeout: 20_000 } as const;

function analyse(source: string, flags: string) {
  return checkSync(source, flags, PARAMS);
}

/** Where a RegExp is built from a value only known at run time, and why that is covered. */
const DYNAMIC_SITES: Record<string, string> = {
  "src/detect/detector.ts":
    "catalog patterns: checked below through compiledPatterns(); extraPatterns/allow: the user's own options",
  "rules/analysis/client-calls.ts":
    "the client-module prefilter: checked below through moduleMentionPattern() (an alternation of escaped module names)",
  "rules/no-browser-secret.ts": "the rule's words prefilter: checked below through BROWSER_WORDS (an alternation of the catalog's escaped literals)",
  "src/secret/registry.ts":
    "the loaded-value pattern of the redactor: checked below through loadedPatterns() (a trie of escaped literals, with hostile values)",
};

interface Site {
  readonly where: string;
  readonly source?: string;
  readonly flags?: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(m?[jt]sx?)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

function regexSites(file: string): Site[] {
  const code = readFileSync(file, "utf8");
  const ast = parse(code, { loc: true, range: true, jsx: file.endsWith("x") });
  const rel = relative(root, file);
  const sites: Site[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const n = node as { type?: string; [k: string]: unknown };
    const line = (n.loc as { start: { line: number } } | undefined)?.start.line;
    if (n.type === "Literal" && n.regex) {
      const { pattern, flags } = n.regex as { pattern: string; flags: string };
      sites.push({ where: `${rel}:${line}`, source: pattern, flags });
    }
    if ((n.type === "NewExpression" || n.type === "CallExpression") && (n.callee as { name?: string }).name === "RegExp") {
      const [first, second] = n.arguments as { type: string; value?: unknown }[];
      const literal = (a: typeof first) => a?.type === "Literal" && typeof a.value === "string";
      if (literal(first) && (second === undefined || literal(second))) {
        sites.push({ where: `${rel}:${line}`, source: first!.value as string, flags: (second?.value as string) ?? "" });
      } else {
        sites.push({ where: `${rel}:${line}` });
      }
    }
    for (const [key, value] of Object.entries(n)) if (key !== "parent") visit(value);
  };
  visit(ast);
  return sites;
}

const files = [...sourceFiles(join(root, "src")), ...sourceFiles(join(root, "rules"))];
const sites = files.flatMap(regexSites);
const staticSites = sites.filter((s) => s.source !== undefined);
const dynamicSites = sites.filter((s) => s.source === undefined);

describe("ReDoS gate", () => {
  it("the analyser (pure JS backend) flags catastrophic patterns", () => {
    for (const bad of ["(a+)+$", "^(\\w+\\s?)*$", "(a|a)*b", "^(a|a?)+$"]) {
      const result = analyse(bad, "");
      expect(result.status, bad).toBe("vulnerable");
    }
    // Polynomial backtracking counts too.
    expect(analyse("^\\s*a\\s*\\s*$", "").status).toBe("vulnerable");
    expect(analyse("a*a*b", "").status).toBe("vulnerable");
    // And passes a linear one.
    expect(analyse("^(a|ab)*c$", "").status).toBe("safe");
  });

  it("finds the regexes of src/ and rules/ (the scan is not vacuous)", () => {
    expect(files.length).toBeGreaterThan(5);
    expect(staticSites.length).toBeGreaterThan(3);
    expect(compiledPatterns().length).toBeGreaterThan(50);
  });

  it("every catalog pattern, as the detector compiles it, is safe", () => {
    const unsafe: string[] = [];
    for (const re of compiledPatterns()) {
      const result = analyse(re.source, re.flags);
      if (result.status !== "safe") unsafe.push(`/${re.source}/${re.flags}: ${result.status} ${JSON.stringify("error" in result ? result.error : result.complexity)}`);
    }
    expect(unsafe).toEqual([]);
  });

  it("the client-module prefilter, as the matcher compiles it, is safe", () => {
    const re = moduleMentionPattern();
    expect(analyse(re.source, re.flags).status).toBe("safe");
    // With users' clients too (their module names are escaped, never read as patterns).
    const custom = moduleMentionPattern([{ modules: ["(a+)+b", "@corp/ai-*"] } as never]);
    expect(custom.test(`import x from "(a+)+b";`)).toBe(true);
    expect(analyse(custom.source, custom.flags).status).toBe("safe");
  });

  it("no-browser-secret's words prefilter, as the rule compiles it, is safe", () => {
    expect(analyse(BROWSER_WORDS.source, BROWSER_WORDS.flags).status).toBe("safe");
  });

  it("the loaded-value pattern of the redactor, as the registry compiles it, is safe, hostile values included", () => {
    for (const value of ["(a+)+b-and-more", "aaaaaaaaaaaa", "aaaaaaaaaaaab", "line one\nline two", 'quote"back\\slash', "[.*+?^${}()|]-/x"]) rememberLoaded(value);
    const patterns = loadedPatterns();
    expect(patterns).toHaveLength(2);
    for (const re of patterns) expect(analyse(re.source, re.flags).status).toBe("safe");
  });

  it("every regex literal and RegExp(literal) in src/ and rules/ is safe", () => {
    const unsafe: string[] = [];
    for (const site of staticSites) {
      const result = analyse(site.source!, site.flags!);
      if (result.status !== "safe") unsafe.push(`${site.where} /${site.source}/${site.flags}: ${result.status}`);
    }
    expect(unsafe).toEqual([]);
  });

  it("every RegExp built at run time is in a file whose patterns are covered (DYNAMIC_SITES)", () => {
    const unexplained = dynamicSites.filter((s) => !(s.where.split(":")[0]! in DYNAMIC_SITES)).map((s) => s.where);
    expect(unexplained, "add the compiled patterns to this gate, or list the file with a reason").toEqual([]);
  });
});
