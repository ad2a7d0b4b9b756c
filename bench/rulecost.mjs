#!/usr/bin/env node
// `npm run bench:rules`: what keyguard's rules cost, with the parse taken out of the measure.
//
// The CLI rounds of bench/speed.mjs time whole lints, where the parse and the machine's drift
// (±10% on a shared VM) bury a difference of a few percent. Here every corpus file is parsed
// outside the clock (with @typescript-eslint/parser, as ESLint would) into a fresh SourceCode for
// each config, and only `Linter#verify` is timed. A is the realistic config of issue 15's target,
// ESLint's recommended rules (every core rule whose `meta.docs.recommended` is set, which is what
// `@eslint/js`'s `recommended` holds); B is A plus keyguard's `recommended`. The configs alternate
// file by file, so they share the machine's load. B − A is keyguard's cost; (parse + B) /
// (parse + A) estimates B/A of a lint. Each is measured twice: in CPU time of the process
// (`process.cpuUsage()`, the headline: on a shared machine it leaves out the time spent waiting
// for other processes) and in wall time.
//
//   node bench/rulecost.mjs [passes] [baseline...]      (BENCH_PACKAGES as for bench/speed.mjs)
//
// RULECOST_BASE=none makes A a config without any rule (ESLint's traversal and scope work only).
//
// Use it to judge a change to a rule. With `baseline`, the plugin entry of another build (e.g. a
// copy of dist/ made before the change: `cp -r dist /tmp/base` then `/tmp/base/rules/index.js`),
// a config B0 runs that build in the same alternation, and B − B0 is the change's effect (B1, … for
// further baselines).
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
const BASE = process.env.RULECOST_BASE ?? "recommended";
if (BASE !== "recommended" && BASE !== "none") throw new Error(`RULECOST_BASE must be "recommended" or "none", not ${JSON.stringify(BASE)}`);
const { builtinRules } = createRequire(import.meta.url)(join(ROOT, "node_modules/eslint/lib/unsupported-api.js"));
const eslintRecommended = Object.fromEntries([...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, "error"]));
const realistic = BASE === "recommended" ? [base, { rules: eslintRecommended }] : [base];
const CONFIGS = { A: configArray(realistic), B: configArray([...realistic, plugin.configs.recommended]) };
const baselines = process.argv.slice(3);
const baseline = baselines.length > 0;
for (const [i, path] of baselines.entries()) {
  const before = (await import(pathToFileURL(resolve(path)).href)).default;
  CONFIGS[`B${i}`] = configArray([...realistic, before.configs.recommended]);
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
const cpuMs = { parse: 0, ...Object.fromEntries(names.map((name) => [name, 0])) };
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
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
      const parseCpu = cpuNow();
      const sourceCode = parse(text, filePath);
      const startCpu = cpuNow();
      const start = process.hrtime.bigint();
      const result = linter.verify(sourceCode, CONFIGS[name], { filename: filePath });
      const end = process.hrtime.bigint();
      const endCpu = cpuNow();
      if (pass === 0) continue;
      if (result.some((m) => m.fatal)) throw new Error(`${filePath}: ${result.find((m) => m.fatal).message}`);
      ms[name] += Number(end - start) / 1e6;
      cpuMs[name] += endCpu - startCpu;
      if (name === "A") {
        ms.parse += Number(start - parseStart) / 1e6;
        cpuMs.parse += startCpu - parseCpu;
      }
      messages[name] += result.length;
    }
    if (pass > 0) linted++;
  }
}
/** The figures of one clock: verify times, keyguard's cost, and the estimated ratio of whole lints. */
function figures(t) {
  const diff = t.B - t.A;
  return {
    ms: Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])),
    keyguardMs: Math.round(diff),
    keyguardMsPerMiBPass: +(diff / PASSES / (counts.bytes / 2 ** 20)).toFixed(1),
    verifyRatio: +(t.B / t.A).toFixed(4),
    estimatedLintRatio: +((t.parse + t.B) / (t.parse + t.A)).toFixed(4),
    ...(baseline
      ? {
          baselines: baselines.map((path, i) => ({
            build: path,
            keyguardMs: Math.round(t[`B${i}`] - t.A),
            estimatedLintRatio: +((t.parse + t[`B${i}`]) / (t.parse + t.A)).toFixed(4),
            changeMs: Math.round(t.B - t[`B${i}`]),
          })),
        }
      : {}),
  };
}
const summary = {
  files: counts.files,
  mib: +(counts.bytes / 2 ** 20).toFixed(1),
  passes: PASSES,
  base: BASE === "recommended" ? `ESLint's recommended rules (${Object.keys(eslintRecommended).length})` : "no rules",
  cpu: figures(cpuMs),
  wall: figures(ms),
  messages,
};
for (const clock of ["cpu", "wall"]) {
  const f = summary[clock];
  console.log(
    `${clock}: ${linted} file lints per config, A = ${summary.base}: parse ${f.ms.parse} ms, verify A ${f.ms.A} ms, B ${f.ms.B} ms; ` +
      `keyguard (B − A) ${f.keyguardMs} ms; (parse + B) / (parse + A) = ${f.estimatedLintRatio}` +
      (f.baselines ?? []).map((b, i) => `; baseline B${i} (${b.build}): B${i} − A ${b.keyguardMs} ms, (parse + B${i}) / (parse + A) = ${b.estimatedLintRatio}, change (B − B${i}) ${b.changeMs} ms`).join(""),
  );
}
console.log(JSON.stringify(summary));
