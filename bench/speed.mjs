#!/usr/bin/env node
// `npm run bench`: what keyguard costs on top of the parse ESLint already does, next to
// eslint-plugin-no-secrets, on a real corpus nobody here wrote (the sources shipped inside
// installed dev dependencies). Alternates A B C A B C … in one run; reports median wall and CPU
// time, ratios to A, and ESLint's per-rule timing (TIMING=all). Writes bench/RESULTS.md.
//
//   A: ESLint + @typescript-eslint/parser, no rules
//   B: A + keyguard.configs.recommended (every rule it holds, from dist/)
//   C: A + eslint-plugin-no-secrets with its defaults
//   D: A + one trivial core rule (no-debugger): what ESLint itself costs once any rule runs
//      (rule dispatch on every node, GC), the floor for B and C
//   F: A + keyguard's recommended rules replaced by rules of the same names that return no
//      listeners and do nothing: what ESLint costs to enable those rules, B's floor
//
// Environment: BENCH_ROUNDS (default 5, at least 3), BENCH_PACKAGES (comma-separated, overrides the corpus).
// Type-aware rules (requiresTypeChecking) are not in `recommended`; their bench, a type-checked lint
// with and without them, is bench/typed.mjs (`npm run bench:typed`).
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST_PLUGIN, OUT, ROOT, collectCorpus, corpusPackages, machine, median, parseTiming, requireBuild, runEslint, updateResults } from "./lib.mjs";

requireBuild();

const PACKAGES = corpusPackages();
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 5));

// ------------------------------------------------------------------ corpus
const corpus = join(OUT, "corpus");
const { files, lines, bytes, perPackage } = collectCorpus(PACKAGES, corpus);

// ------------------------------------------------------------------ configs
const plugin = (await import(pathToFileURL(DIST_PLUGIN).href)).default;
const keyguardRules = Object.keys(plugin.configs.recommended.rules);
const base = `
import tsParser from ${JSON.stringify(join(ROOT, "node_modules/@typescript-eslint/parser/dist/index.js"))};
const base = {
  files: ["**/*.ts", "**/*.mts", "**/*.cts", "**/*.js", "**/*.mjs", "**/*.cjs"],
  languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
  // The corpus's own eslint-disable comments name rules this config does not load.
  linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" },
};
`;
const CONFIGS = {
  A: { label: "ESLint + TS parser, no rules", code: `${base}\nexport default [base];\n` },
  B: {
    label: "A + keyguard recommended",
    code: `${base}import keyguard from ${JSON.stringify(DIST_PLUGIN)};\nexport default [base, keyguard.configs.recommended];\n`,
  },
  D: {
    label: "A + no-debugger (ESLint's cost of any rule)",
    code: `${base}\nexport default [base, { rules: { "no-debugger": "error" } }];\n`,
  },
  F: {
    label: "A + keyguard's rules doing nothing (ESLint's cost of enabling them)",
    code: `${base}import keyguard from ${JSON.stringify(DIST_PLUGIN)};
const idle = { meta: { type: "problem", schema: [] }, create: () => ({}) };
const rules = keyguard.configs.recommended.rules;
const plugin = { rules: Object.fromEntries(Object.keys(rules).map((id) => [id.slice("keyguard/".length), idle])) };
export default [base, { plugins: { keyguard: plugin }, rules }];
`,
  },
  C: {
    label: "A + eslint-plugin-no-secrets (defaults)",
    code: `${base}import noSecrets from "eslint-plugin-no-secrets";\nexport default [base, { plugins: { "no-secrets": noSecrets }, rules: { "no-secrets/no-secrets": "error" } }];\n`,
  },
};
for (const [name, config] of Object.entries(CONFIGS)) writeFileSync(join(OUT, `eslint.${name}.config.mjs`), config.code);
// no-secrets must resolve from the repo: the configs live in bench/.out inside it.

const lint = (name, env) =>
  runEslint(["--config", `eslint.${name}.config.mjs`, "--format", join(ROOT, "bench/count-formatter.cjs"), "corpus"], {
    cwd: OUT,
    env,
  });
const counts = (stdout) => JSON.parse(/BENCH_COUNTS (.*)/.exec(stdout)[1]);

console.log(`corpus: ${files} files, ${lines} lines, ${(bytes / 2 ** 20).toFixed(1)} MiB from ${PACKAGES.join(", ")}`);
console.log("warm-up (A, not counted)");
lint("A");

const ORDER = ["A", "B", "C", "D", "F"];
const samples = Object.fromEntries(ORDER.map((name) => [name, []]));
const found = {};
for (let round = 1; round <= ROUNDS; round++) {
  for (const name of ORDER) {
    const r = lint(name);
    samples[name].push(r);
    found[name] = counts(r.stdout);
    console.log(`round ${round} ${name}: wall ${(r.wallMs / 1000).toFixed(2)} s, cpu ${(r.cpuMs / 1000).toFixed(2)} s`);
  }
}

// Per-rule timing in separate runs (the TIMING wrappers cost a little themselves), with --stats:
// ESLint's own per-file times give each rule's share of the lint time of the same run, a measure
// the machine's run-to-run noise does not touch.
const timing = { B: [], C: [] };
const share = { B: [], C: [] };
for (let i = 0; i < 2; i++) {
  for (const name of ["B", "C"]) {
    const r = runEslint(["--stats", "--config", `eslint.${name}.config.mjs`, "--format", join(ROOT, "bench/count-formatter.cjs"), "corpus"], {
      cwd: OUT,
      env: { TIMING: "all" },
    });
    timing[name].push(parseTiming(r.stdout));
    const { stats } = counts(r.stdout);
    const rules = Object.values(stats.rules).reduce((a, b) => a + b, 0);
    share[name].push({ rules, total: stats.total, parse: stats.parse });
  }
}
const ruleMs = (name, rule) => median(timing[name].map((t) => t[rule] ?? 0));
/** Lint time with the rules over lint time without them, from the same runs' --stats. */
const intrinsic = (name) => median(share[name].map((s) => s.total / (s.total - s.rules)));
const sharePct = (name) => median(share[name].map((s) => (100 * s.rules) / s.total));

// File by file in one process (bench/paired.mjs): the configs alternate every few milliseconds, so
// the machine's drift over minutes, which the CLI rounds cannot escape, cancels out of the ratios.
console.log("paired, file by file in one process: A B D F");
const pairedRun = spawnSync(process.execPath, [join(ROOT, "bench/paired.mjs"), OUT, corpus, "A,B,D,F"], {
  cwd: OUT,
  encoding: "utf8",
  maxBuffer: 64 * 2 ** 20,
});
if (pairedRun.status !== 0) throw new Error(`bench/paired.mjs failed:\n${pairedRun.stderr.slice(0, 2000)}`);
const paired = JSON.parse(pairedRun.stdout.trim().split("\n").at(-1));

// ------------------------------------------------------------------ report
const stats = Object.fromEntries(
  Object.entries(samples).map(([name, runs]) => [
    name,
    {
      wall: median(runs.map((r) => r.wallMs)),
      cpu: median(runs.map((r) => r.cpuMs)),
      best: Math.min(...runs.map((r) => r.wallMs)),
      // Each round's lint over the same round's A: neighbours in time share the machine's load.
      paired: median(runs.map((r, i) => r.wallMs / samples.A[i].wallMs)),
    },
  ]),
);
const m = machine();
const rows = ORDER.map((name) => {
  const s = stats[name];
  return `| ${name} | ${CONFIGS[name].label} | ${(s.wall / 1000).toFixed(2)} | ${(s.cpu / 1000).toFixed(2)} | ${(s.wall / stats.A.wall).toFixed(3)} | ${(s.cpu / stats.A.cpu).toFixed(3)} | ${(s.best / stats.A.best).toFixed(3)} | ${s.paired.toFixed(3)} | ${found[name].messages} |`;
});
const keyguardTotal = keyguardRules.reduce((sum, rule) => sum + ruleMs("B", rule), 0);
const noSecretsMs = ruleMs("C", "no-secrets/no-secrets");
const ruleRows = [
  ...keyguardRules.map((rule) => `| ${rule} | B | ${ruleMs("B", rule).toFixed(1)} |`),
  `| no-secrets/no-secrets | C | ${noSecretsMs.toFixed(1)} |`,
];
const bRatio = stats.B.wall / stats.A.wall;
const ruleRatio = noSecretsMs / Math.max(keyguardTotal, 0.001);
const verdict = (ok) => (ok ? "met" : "**missed**");
const report = `## Speed (\`npm run bench\`)

Run: ${new Date().toISOString()} · ${m.cores} cores (${m.cpu}), ${m.memGiB} GiB · ${m.platform} · Node ${m.node} ·
ESLint ${m.eslint} · @typescript-eslint/parser ${m.tsParser} · eslint-plugin-no-secrets ${m.noSecrets}

Corpus: ${files} files, ${lines.toLocaleString("en")} lines (${(bytes / 2 ** 20).toFixed(1)} MiB) of TS/JS shipped in
${Object.entries(perPackage).map(([p, n]) => `\`${p}\` (${n})`).join(", ")}; \`.d.ts\`, \`.min.js\` and files over 512 KiB left out.
${ROUNDS} rounds, alternating ${ORDER.join(" ")}, after one unmeasured warm-up; one ESLint CLI process per lint, no cache, no concurrency.

| | config | median wall (s) | median CPU (s) | wall / A | CPU / A | best wall / best A | paired wall / A | messages |
|---|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

Per-rule time (ESLint \`TIMING=all\` with \`--stats\`, median of 2 runs each):

| rule | config | time (ms) |
|---|---|---:|
${ruleRows.join("\n")}

Rules' share of the lint time in the same run (ESLint \`--stats\`, median of 2 runs each): keyguard ${sharePct("B").toFixed(1)}%
(so B/A = ${intrinsic("B").toFixed(3)} measured within one process), no-secrets ${sharePct("C").toFixed(1)}% (C/A = ${intrinsic("C").toFixed(3)}).
The wall and CPU medians above vary by ±10% from run to run of the same config on a shared 2-core machine
(D, a rule that does nothing on this code, measured ${stats.D.paired.toFixed(3)} × A, paired); "best" is each config's fastest
round and "paired" the median of each round's time over the same round's A. The within-run share is the stable figure.

File by file in one process (\`bench/paired.mjs\`: each file linted by A, B, D and F in turn, ${paired.passes} passes over the
corpus after a warm-up): B/A = ${(paired.ms.B / paired.ms.A).toFixed(3)}, D/A = ${(paired.ms.D / paired.ms.A).toFixed(3)}, B/D = ${(paired.ms.B / paired.ms.D).toFixed(3)}
(A ${(paired.ms.A / 1000).toFixed(1)} s, B ${(paired.ms.B / 1000).toFixed(1)} s, D ${(paired.ms.D / 1000).toFixed(1)} s, F ${(paired.ms.F / 1000).toFixed(1)} s in all; F/A = ${(paired.ms.F / paired.ms.A).toFixed(3)}, B/F = ${(paired.ms.B / paired.ms.F).toFixed(3)}).

Targets: B/A ≤ 1.03 — within-run ${intrinsic("B").toFixed(3)}, ${verdict(intrinsic("B") <= 1.03)}; paired in one process ${(paired.ms.B / paired.ms.A).toFixed(3)}, ${verdict(paired.ms.B / paired.ms.A <= 1.03)}; wall: median ${bRatio.toFixed(3)}, ${verdict(bRatio <= 1.03)},
best ${(stats.B.best / stats.A.best).toFixed(3)}, ${verdict(stats.B.best / stats.A.best <= 1.03)}, paired ${stats.B.paired.toFixed(3)}, ${verdict(stats.B.paired <= 1.03)}; CPU ${(stats.B.cpu / stats.A.cpu).toFixed(3)}, ${verdict(stats.B.cpu / stats.A.cpu <= 1.03)}.
Against D (any one rule): wall ${(stats.B.wall / stats.D.wall).toFixed(3)}, CPU ${(stats.B.cpu / stats.D.cpu).toFixed(3)}.
Against F (the same rules enabled, doing nothing: what ESLint costs to run them): wall ${(stats.B.wall / stats.F.wall).toFixed(3)}, CPU ${(stats.B.cpu / stats.F.cpu).toFixed(3)};
F itself: wall ${(stats.F.wall / stats.A.wall).toFixed(3)} × A, paired ${stats.F.paired.toFixed(3)}. B/F is what keyguard's checks add.
keyguard's rule time ≤ 1/20 of no-secrets' — 1/${ruleRatio.toFixed(0)}, ${verdict(ruleRatio >= 20)}.
Type-aware rules (\`recommended-type-checked\`): measured on a type-checked lint by \`npm run bench:typed\`, in [RESULTS-typed.md](RESULTS-typed.md).
`;
console.log(`\n${report}`);
writeFileSync(join(OUT, "speed.md"), report);
updateResults("speed", report);
