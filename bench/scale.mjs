#!/usr/bin/env node
// `npm run bench:scale`: lint time and detector time against input size, for one huge literal,
// many literals, and hostile shapes built to make a scanner backtrack or rescan. Prints each
// shape's times and the growth factor per 10× input, which must stay near 10 (linear); exits 1
// when a growth factor exceeds LIMIT. Writes the table to bench/RESULTS.md.
//
// "lint" = ESLint's Linter (in process) with @typescript-eslint/parser and every keyguard rule
// that needs no type information, at its default options; "parse" = ESLint's own parse time of
// that lint and "rules" = the keyguard rules' time in it (Linter `stats`), the part keyguard owns.
// "detector" = keyguard/detect's detect() alone on the same strings (the literal values, or the
// whole text for the comment shapes). Run with --expose-gc (npm run bench:scale does): a full GC
// before each sample keeps one input's garbage out of the next one's time.
import { pathToFileURL } from "node:url";
import { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { DIST_DETECT, DIST_PLUGIN, machine, requireBuild, updateResults } from "./lib.mjs";

requireBuild();
const plugin = (await import(pathToFileURL(DIST_PLUGIN).href)).default;
const { detect, PROVIDERS } = await import(pathToFileURL(DIST_DETECT).href);

/** Above this growth per 10× input, a shape counts as superlinear. */
const LIMIT = 16;

const ruleNames = Object.entries(plugin.rules)
  .filter(([, rule]) => rule.meta.docs?.requiresTypeChecking !== true)
  .map(([name]) => `keyguard/${name}`);
const languageOptions = { parser: tsParser, ecmaVersion: "latest", sourceType: "module" };
const withRules = [{ files: ["**/*.ts"], languageOptions, plugins: { keyguard: plugin }, rules: Object.fromEntries(ruleNames.map((r) => [r, "error"])) }];

// ------------------------------------------------------------------ inputs
/** Deterministic filler of letters, digits and spaces: key-like characters, no key. */
function filler(n, seed = 1) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 _-";
  let a = seed >>> 0;
  let out = "";
  while (out.length < n) {
    let chunk = "";
    for (let i = 0; i < 4096 && out.length + chunk.length < n; i++) {
      a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
      chunk += alphabet[a % alphabet.length];
    }
    out += chunk;
  }
  return out;
}
const repeat = (unit, n) => unit.repeat(Math.max(1, Math.round(n / unit.length))).slice(0, n);
const literal = (value) => `export const value = ${JSON.stringify(value)};\n`;

/** A near miss of every catalog prefix: the prefix, then a body one character short. */
const nearMisses = PROVIDERS.flatMap((p) => p.prefixes.map((prefix) => `${prefix}${filler(Math.max(1, p.body.min - 1), prefix.length)}`)).join(" ");

const KB = 1024;
const SHAPES = [
  { name: "one literal, filler", sizes: [10 * KB, 100 * KB, KB * KB, 10 * KB * KB], build: (n) => ({ values: [filler(n)] }) },
  {
    name: "many literals (count)",
    unit: "literals",
    sizes: [1000, 10_000, 100_000],
    build: (n) => {
      const values = Array.from({ length: n }, (_, i) => `value ${i} ${filler(24, i)}`);
      return { values, code: values.map((v, i) => `const v${i} = ${JSON.stringify(v)};`).join("\n") };
    },
  },
  { name: "prefix `sk-proj-` repeated", unit: "repeats", sizes: [10_000, 100_000, 1_000_000], build: (n) => ({ values: ["sk-proj-".repeat(n)] }) },
  { name: "prefix `sk-` repeated", unit: "repeats", sizes: [10_000, 100_000, 1_000_000], build: (n) => ({ values: ["sk-".repeat(n)] }) },
  { name: "`sk-` then n × `-`", sizes: [10 * KB, 100 * KB, KB * KB], build: (n) => ({ values: [`sk-${"-".repeat(n)}`] }) },
  { name: "`sk-proj-` then n × `A`", sizes: [10 * KB, 100 * KB, KB * KB], build: (n) => ({ values: [`sk-proj-${"A".repeat(n)}`] }) },
  { name: "near miss of every pattern, repeated", sizes: [10 * KB, 100 * KB, KB * KB], build: (n) => ({ values: [repeat(`${nearMisses} `, n)] }) },
  {
    name: "PEM header, long base64 body, no end",
    sizes: [10 * KB, 100 * KB, KB * KB],
    build: (n) => ({ values: [`-----BEGIN RSA PRIVATE KEY-----\n${repeat(`${filler(64).replace(/[ _-]/g, "A")}\n`, n)}`] }),
  },
  { name: "PEM header repeated", sizes: [10 * KB, 100 * KB, KB * KB], build: (n) => ({ values: [repeat("-----BEGIN RSA PRIVATE KEY-----\n", n)] }) },
  {
    name: "comment, near misses",
    sizes: [10 * KB, 100 * KB, KB * KB],
    build: (n) => {
      const text = repeat(`${nearMisses}\n`, n);
      return { values: [text], code: `/*\n${text.replaceAll("*/", "")}\n*/\nexport {};\n` };
    },
  },
  {
    name: "`+` chain of fragments (count)",
    unit: "operands",
    // Deeper chains overflow the parser's own recursion (@typescript-eslint/parser), before any rule runs.
    sizes: [50, 500],
    build: (n) => {
      const parts = Array.from({ length: n }, (_, i) => (i % 2 ? "sk-" : `proj-${i}`));
      return { values: [parts.join("")], code: `export const value = ${parts.map((p) => JSON.stringify(p)).join(" + ")};\n` };
    },
  },
];

// ------------------------------------------------------------------ timing
const gc = globalThis.gc ?? (() => {});

/**
 * The best of at least 3 samples (more for fast inputs, within a budget): on a shared machine the
 * minimum is the stable estimate of what the code itself costs. `fn` may return its own time.
 */
function time(fn, budgetMs = 600) {
  const samples = [];
  const started = performance.now();
  do {
    gc();
    const t = performance.now();
    const own = fn();
    samples.push(own ?? performance.now() - t);
  } while ((performance.now() - started < budgetMs || samples.length < 5) && samples.length < 25 && !(samples.length >= 3 && performance.now() - started > 20_000));
  return Math.min(...samples);
}

/** Lints `code`: best total, parse and keyguard-rules time (ms) from ESLint's own stats. */
function lintTimes(code) {
  let messages;
  const parse = [];
  const rules = [];
  const lint = time(() => {
    // A fresh Linter per sample: stats accumulate per instance. verifyAndFix (fix off) is the entry
    // point that records them (plain verify leaves the pass index unset in ESLint 10).
    const linter = new Linter();
    messages = linter.verifyAndFix(code, withRules, { filename: "input.ts", stats: true, fix: false }).messages;
    const pass = linter.getTimes().passes[0];
    parse.push(pass.parse.total);
    rules.push(ruleNames.reduce((sum, r) => sum + (pass.rules?.[r]?.total ?? 0), 0));
    return pass.total;
  });
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error in a generated input: ${fatal.message}`);
  return { lint, parse: Math.min(...parse), rules: Math.min(...rules), messages };
}

const fmtSize = (n, unit) => (unit ? n.toLocaleString("en") : n >= KB * KB ? `${n / KB / KB} MB` : `${n / KB} KB`);
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

const rows = [];
let worst = { growth: 0, name: "" };
for (const shape of SHAPES) {
  let previous;
  for (const size of shape.sizes) {
    const built = shape.build(size);
    // Flat copies: String#repeat and concatenation build ropes, which a parser's output never is.
    const input = { values: built.values.map((v) => JSON.parse(JSON.stringify(v))), code: built.code };
    const code = input.code ?? literal(input.values[0]);
    let { lint, parse, rules: rulesMs, messages } = lintTimes(code);
    const detectAll = () => {
      for (const v of input.values) detect(v);
    };
    let detector = time(detectAll);
    const row = { shape: shape.name, size: fmtSize(size, shape.unit), bytes: code.length, parse, lint, rules: rulesMs, detector, reports: messages.length };
    if (previous) {
      const f = size / previous.n;
      // A step that looks superlinear is timed again, both ends, before it counts: on a shared
      // machine one slow sample is noise; a real superlinear step stays slow.
      for (let retry = 0; retry < 2 && detector > 20 && Math.pow(detector / previous.detector, Math.log(10) / Math.log(f)) > LIMIT; retry++) {
        previous.detector = Math.min(previous.detector, time(previous.detectAll, 1500));
        previous.row.detector = previous.detector;
        detector = Math.min(detector, time(detectAll, 1500));
        row.detector = detector;
      }
      for (let retry = 0; retry < 2 && rulesMs > 20 && Math.pow(rulesMs / previous.rules, Math.log(10) / Math.log(f)) > LIMIT; retry++) {
        previous.rules = Math.min(previous.rules, lintTimes(previous.code).rules);
        previous.row.rules = previous.rules;
        rulesMs = Math.min(rulesMs, lintTimes(code).rules);
        row.rules = rulesMs;
      }
      // Growth per 10×, from the ratio of times over a 10× (or other) step.
      const per10 = (now, before) => Math.pow(now / before, Math.log(10) / Math.log(f));
      row.gRules = per10(rulesMs, previous.rules);
      row.gDetector = per10(detector, previous.detector);
      // Only judge steps long enough to measure (> 20 ms), where fixed costs and timer noise no longer dominate.
      for (const [g, t, what] of [[row.gRules, rulesMs, "rules"], [row.gDetector, detector, "detector"]]) {
        if (t > 20 && g > worst.growth) worst = { growth: g, name: `${what}: ${shape.name} @ ${row.size}` };
      }
    }
    previous = { n: size, rules: rulesMs, detector, detectAll, code, row };
    rows.push(row);
    console.log(
      `${shape.name.padEnd(40)} ${row.size.padStart(10)}  lint ${fmtMs(lint).padStart(7)} ms  parse ${fmtMs(parse).padStart(7)} ms  rules ${fmtMs(rulesMs).padStart(7)} ms  detector ${fmtMs(detector).padStart(7)} ms` +
        (row.gRules ? `  growth/10×: rules ${row.gRules.toFixed(1)}, detector ${row.gDetector.toFixed(1)}` : ""),
    );
  }
}

const m = machine();
const table = rows
  .map(
    (r) =>
      `| ${r.shape} | ${r.size} | ${fmtMs(r.lint)} | ${fmtMs(r.parse)} | ${fmtMs(r.rules)} | ${r.gRules ? r.gRules.toFixed(1) : ""} | ${fmtMs(r.detector)} | ${r.gDetector ? r.gDetector.toFixed(1) : ""} | ${r.reports} |`,
  )
  .join("\n");
const ok = worst.growth <= LIMIT;
const report = `## Scaling (\`npm run bench:scale\`)

Run: ${new Date().toISOString()} · ${m.cores} cores (${m.cpu}) · Node ${m.node} · ESLint ${m.eslint} (Linter, in process) ·
rules: ${ruleNames.join(", ")} at default options. Times are the best of ≥ 3 runs (ms); "parse" and "rules" are ESLint's own
\`stats\` for the lint (the rest of "lint" is ESLint's traversal and scope analysis). Growth = time ratio per 10× input
(10 is linear; under 10 where fixed costs still weigh). The inputs are generated; none holds a key.

| input | size | lint | parse | rules | growth/10× (rules) | detector | growth/10× (detector) | reports |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${table}

Largest growth per 10× on steps over 20 ms: ${worst.growth.toFixed(1)} (${worst.name}) — ${ok ? "linear" : `**superlinear (limit ${LIMIT})**`}.
`;
console.log(`\n${report}`);
updateResults("scale", report);
process.exit(ok ? 0 : 1);
