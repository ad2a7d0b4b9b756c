#!/usr/bin/env node
// `npm run bench:rules`: what keyguard's rules cost, with the parse taken out of the measure.
//
// The CLI rounds of bench/speed.mjs time whole lints, where the parse and the machine's drift
// (±10% on a shared VM) bury a difference of a few percent. Here every corpus file is parsed
// outside the clock (with @typescript-eslint/parser, as ESLint would) into a fresh SourceCode for
// each config, and only `Linter#verify` is timed: ESLint's traversal and scope work for A (no
// rules), the same plus keyguard's rules for B. The configs alternate file by file, so they share
// the machine's load. B − A is keyguard's cost; (parse + B) / (parse + A) estimates B/A of a lint.
//
//   node bench/rulecost.mjs [passes] [baseline]      (BENCH_PACKAGES as for bench/speed.mjs)
//
// Use it to judge a change to a rule. With `baseline`, the plugin entry of another build (e.g. a
// copy of dist/ made before the change: `cp -r dist /tmp/base` then `/tmp/base/rules/index.js`),
// a third config B0 runs that build in the same alternation, and B − B0 is the change's effect.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Linter, SourceCode } from "eslint";
import * as tsParser from "@typescript-eslint/parser";
import { DIST_PLUGIN, OUT, ROOT, collectCorpus, corpusPackages, listFiles, requireBuild } from "./lib.mjs";

requireBuild();
const PASSES = Math.max(1, Number(process.argv[2] ?? 1));
const WARM_UP = 300;

const corpus = join(OUT, "corpus-rules");
const counts = collectCorpus(corpusPackages(), corpus);
const files = listFiles(corpus);

const plugin = (await import(pathToFileURL(DIST_PLUGIN).href)).default;
const base = {
  files: ["**/*.ts", "**/*.mts", "**/*.cts", "**/*.js", "**/*.mjs", "**/*.cjs"],
  languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
  linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" },
};
// One config array per config, built once, as the ESLint class does: handed a plain array,
// Linter#verify would normalise and merge the config again for every file, and the rules'
// per-options caches would never hit.
const { FlatConfigArray } = createRequire(import.meta.url)(join(ROOT, "node_modules/eslint/lib/config/flat-config-array.js"));
const configArray = (configs) => {
  const array = new FlatConfigArray(configs, { basePath: corpus });
  array.normalizeSync();
  return array;
};
const CONFIGS = { A: configArray([base]), B: configArray([base, plugin.configs.recommended]) };
const baseline = process.argv[3];
if (baseline) {
  const before = (await import(pathToFileURL(resolve(baseline)).href)).default;
  CONFIGS.B0 = configArray([base, before.configs.recommended]);
}
const names = Object.keys(CONFIGS);
const linter = new Linter({ cwd: corpus, configType: "flat" });

function parse(text, filePath) {
  const { ast, services, scopeManager, visitorKeys } = tsParser.parseForESLint(text, {
    ecmaVersion: "latest",
    sourceType: "module",
    filePath,
    loc: true,
    range: true,
    tokens: true,
    comment: true,
    eslintVisitorKeys: true,
    eslintScopeManager: true,
  });
  return new SourceCode({ text, ast, parserServices: services, scopeManager, visitorKeys });
}

const ms = { parse: 0, ...Object.fromEntries(names.map((name) => [name, 0])) };
const messages = Object.fromEntries(names.map((name) => [name, 0]));
let linted = 0;
for (let pass = 0; pass <= PASSES; pass++) {
  const n = pass === 0 ? Math.min(WARM_UP, files.length) : files.length;
  for (let i = 0; i < n; i++) {
    const filePath = files[i];
    const text = readFileSync(filePath, "utf8").replace(/^\uFEFF/, "");
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      const parseStart = process.hrtime.bigint();
      const sourceCode = parse(text, filePath);
      const start = process.hrtime.bigint();
      const result = linter.verify(sourceCode, CONFIGS[name], { filename: filePath });
      const end = process.hrtime.bigint();
      if (pass === 0) continue;
      if (result.some((m) => m.fatal)) throw new Error(`${filePath}: ${result.find((m) => m.fatal).message}`);
      ms[name] += Number(end - start) / 1e6;
      if (name === "A") ms.parse += Number(start - parseStart) / 1e6;
      messages[name] += result.length;
    }
    if (pass > 0) linted++;
  }
}
const diff = ms.B - ms.A;
const summary = {
  files: counts.files,
  mib: +(counts.bytes / 2 ** 20).toFixed(1),
  passes: PASSES,
  ms: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v)])),
  keyguardMs: Math.round(diff),
  keyguardMsPerMiBPass: +(diff / PASSES / (counts.bytes / 2 ** 20)).toFixed(1),
  estimatedLintRatio: +((ms.parse + ms.B) / (ms.parse + ms.A)).toFixed(4),
  ...(baseline ? { baselineMs: Math.round(ms.B0 - ms.A), changeMs: Math.round(ms.B - ms.B0) } : {}),
  messages,
};
console.log(
  `${linted} file lints per config: parse ${summary.ms.parse} ms, verify A ${summary.ms.A} ms, B ${summary.ms.B} ms; ` +
    `keyguard (B − A) ${summary.keyguardMs} ms; (parse + B) / (parse + A) = ${summary.estimatedLintRatio}` +
    (baseline ? `; baseline build (B0 − A) ${summary.baselineMs} ms, change (B − B0) ${summary.changeMs} ms` : ""),
);
console.log(JSON.stringify(summary));
