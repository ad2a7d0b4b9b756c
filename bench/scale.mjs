#!/usr/bin/env node
// `npm run bench:scale`: lint time and detector time against input size, for one huge literal,
// many literals, and hostile shapes built to make a scanner backtrack or rescan. Prints each
// shape's times and the growth factor per 10× input, which must stay near 10 (linear); exits 1
// when a growth factor exceeds LIMIT. Writes the table to bench/RESULTS.md.
//
// "lint" = ESLint's Linter (in process) with @typescript-eslint/parser and every keyguard rule
// that needs no type information, at its default options; "parse" = the same with no rules, so
// "rules" = lint − parse is what keyguard adds. "detector" = keyguard/detect's detect() alone on
// the same strings (the literal values, or the whole text for the comment shapes).
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
const noRules = [{ files: ["**/*.ts"], languageOptions }];
const linter = new Linter();

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
    sizes: [1000, 10_000],
    build: (n) => {
      const parts = Array.from({ length: n }, (_, i) => (i % 2 ? "sk-" : `proj-${i}`));
      return { values: [parts.join("")], code: `export const value = ${parts.map((p) => JSON.stringify(p)).join(" + ")};\n` };
    },
  },
];

// ------------------------------------------------------------------ timing
function time(fn, budgetMs = 300) {
  const samples = [];
  const started = performance.now();
  do {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  } while (performance.now() - started < budgetMs && samples.length < 15);
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

function lintTime(code, config) {
  let messages;
  const ms = time(() => {
    messages = linter.verify(code, config, { filename: "input.ts" });
  });
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error in a generated input: ${fatal.message}`);
  return { ms, messages };
}

const fmtSize = (n, unit) => (unit ? n.toLocaleString("en") : n >= KB * KB ? `${n / KB / KB} MB` : `${n / KB} KB`);
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

const rows = [];
let worst = { growth: 0, name: "" };
for (const shape of SHAPES) {
  let previous;
  for (const size of shape.sizes) {
    const input = shape.build(size);
    const code = input.code ?? literal(input.values[0]);
    const parse = lintTime(code, noRules);
    const lint = lintTime(code, withRules);
    const detector = time(() => {
      for (const v of input.values) detect(v);
    });
    const rulesMs = Math.max(lint.ms - parse.ms, 0);
    const row = { shape: shape.name, size: fmtSize(size, shape.unit), bytes: code.length, parse: parse.ms, lint: lint.ms, rules: rulesMs, detector, reports: lint.messages.length };
    if (previous) {
      const f = size / previous.n;
      // Growth per 10×, from the ratio of times over a 10× (or other) step.
      row.gLint = Math.pow(lint.ms / previous.lint, Math.log(10) / Math.log(f));
      row.gDetector = Math.pow(detector / previous.detector, Math.log(10) / Math.log(f));
      // Only judge steps long enough to measure (> 5 ms), where fixed costs no longer dominate.
      for (const [g, t] of [[row.gLint, lint.ms], [row.gDetector, detector]]) {
        if (t > 5 && g > worst.growth) worst = { growth: g, name: `${shape.name} @ ${row.size}` };
      }
    }
    previous = { n: size, lint: lint.ms, detector };
    rows.push(row);
    console.log(
      `${shape.name.padEnd(40)} ${row.size.padStart(10)}  parse ${fmtMs(parse.ms).padStart(7)} ms  lint ${fmtMs(lint.ms).padStart(7)} ms  detector ${fmtMs(detector).padStart(7)} ms` +
        (row.gLint ? `  growth/10×: lint ${row.gLint.toFixed(1)}, detector ${row.gDetector.toFixed(1)}` : ""),
    );
  }
}

const m = machine();
const table = rows
  .map(
    (r) =>
      `| ${r.shape} | ${r.size} | ${fmtMs(r.parse)} | ${fmtMs(r.lint)} | ${fmtMs(r.rules)} | ${r.gLint ? r.gLint.toFixed(1) : ""} | ${fmtMs(r.detector)} | ${r.gDetector ? r.gDetector.toFixed(1) : ""} | ${r.reports} |`,
  )
  .join("\n");
const ok = worst.growth <= LIMIT;
const report = `## Scaling (\`npm run bench:scale\`)

Run: ${new Date().toISOString()} · ${m.cores} cores (${m.cpu}) · Node ${m.node} · ESLint ${m.eslint} (Linter, in process) ·
rules: ${ruleNames.join(", ")} at default options. Times are medians (ms). "rules" = lint − parse; growth = time ratio
per 10× input (10 is linear; under 10 where fixed costs still weigh). The inputs are generated; none holds a key.

| input | size | parse | lint | rules | growth/10× (lint) | detector | growth/10× (detector) | reports |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${table}

Largest growth per 10× on steps over 5 ms: ${worst.growth.toFixed(1)} (${worst.name}) — ${ok ? "linear" : `**superlinear (limit ${LIMIT})**`}.
`;
console.log(`\n${report}`);
updateResults("scale", report);
process.exit(ok ? 0 : 1);
