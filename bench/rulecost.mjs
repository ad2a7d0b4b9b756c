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
//   node bench/rulecost.mjs [passes]        (BENCH_PACKAGES as for bench/speed.mjs)
//
// Use it to judge a change to a rule: run it before and after, compare B − A.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Linter, SourceCode } from "eslint";
import * as tsParser from "@typescript-eslint/parser";
import { DIST_PLUGIN, OUT, collectCorpus, corpusPackages, requireBuild } from "./lib.mjs";

requireBuild();
const PASSES = Math.max(1, Number(process.argv[2] ?? 1));
const WARM_UP = 300;

const corpus = join(OUT, "corpus-rules");
const counts = collectCorpus(corpusPackages(), corpus);
const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else files.push(path);
  }
})(corpus);
files.sort();

const plugin = (await import(pathToFileURL(DIST_PLUGIN).href)).default;
const base = {
  files: ["**/*.ts", "**/*.mts", "**/*.cts", "**/*.js", "**/*.mjs", "**/*.cjs"],
  languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
  linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" },
};
const CONFIGS = { A: [base], B: [base, plugin.configs.recommended] };
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

const ms = { parse: 0, A: 0, B: 0 };
const messages = { A: 0, B: 0 };
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
  messages,
};
console.log(
  `${linted} file lints per config: parse ${summary.ms.parse} ms, verify A ${summary.ms.A} ms, B ${summary.ms.B} ms; ` +
    `keyguard (B − A) ${summary.keyguardMs} ms; (parse + B) / (parse + A) = ${summary.estimatedLintRatio}`,
);
console.log(JSON.stringify(summary));
