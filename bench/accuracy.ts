/**
 * `npm run bench:accuracy`: scores the detector on two labelled corpora and prints recall and
 * false-positive rate for each, overall, per provider/format and per kind of non-key string:
 *
 * 1. bench/corpus.ts: keys generated for every catalog provider, and generated non-keys;
 * 2. bench/corpus-docs.ts: keys written from each provider's own documentation (not from the
 *    catalog), non-keys drawn from the string literals of the SDK sources in node_modules and the
 *    lock file, and the placeholders providers' docs print.
 *
 * Exits 1 when a target (recall ≥ 98%, false positives ≤ 1%) is missed on either corpus.
 */
import { cpus } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createDetector } from "../src/detect/index.js";
import { buildCorpus, score, TARGETS, type Rate } from "./corpus.js";
import { DOC_FORMATS, docPositives, handWrittenNegatives, realCodeNegatives, scoreDocs } from "./corpus-docs.js";

const pct = (r: Rate) => `${(r.rate * 100).toFixed(2)}%`.padStart(8);
const row = (label: string, r: Rate) => `  ${label.padEnd(44)} ${pct(r)}  (${r.hits}/${r.total})`;
const detector = createDetector();
let failed = false;
const verdict = (recall: Rate, fp: Rate) => {
  console.log(row("RECALL", recall), `target ≥ ${TARGETS.recall * 100}%`);
  console.log(row("FALSE POSITIVE RATE", fp), `target ≤ ${TARGETS.falsePositiveRate * 100}%`);
  if (recall.rate < TARGETS.recall || fp.rate > TARGETS.falsePositiveRate) failed = true;
};

// 1. The catalog corpus.
const size = { keysPerPrefix: 20, perKind: 400, seed: 2026 };
const corpus = buildCorpus(size);
const result = score(corpus, detector);
console.log(`1. catalog corpus (bench/corpus.ts) — seed ${size.seed}, ${corpus.positives.length} keys, ${corpus.negatives.length} non-keys\n`);
console.log("recall by provider");
for (const [id, r] of Object.entries(result.byProvider)) console.log(row(id, r));
console.log("\nfalse positives by kind of string");
for (const [kind, r] of Object.entries(result.byKind)) console.log(row(kind, r));
console.log("");
verdict(result.recall, result.falsePositives);
for (const line of result.misses.slice(0, 20)) console.log(`  missed: ${line}`);
for (const line of result.falseFindings.slice(0, 20)) console.log(`  false positive: ${line}`);

// 2. The docs corpus.
const docs = { perFormat: 40, perKind: 2000, seed: 2026 };
const started = Date.now();
const positives = docPositives(docs.perFormat, docs.seed);
const negatives = [...realCodeNegatives(docs.perKind), ...handWrittenNegatives()];
const collected = Date.now() - started;
const d = scoreDocs(positives, negatives, detector);
console.log(
  `\n2. docs corpus (bench/corpus-docs.ts) — seed ${docs.seed}, ${DOC_FORMATS.length} formats, ${positives.length} keys, ` +
    `${negatives.length} non-keys (${negatives.filter((n) => n.source !== "hand-written").length} from real code, collected in ${(collected / 1000).toFixed(1)} s)\n`,
);
console.log("recall by format (shown: below 100%)");
const perfect = Object.values(d.byFormat).filter((r) => r.rate === 1).length;
for (const [id, r] of Object.entries(d.byFormat)) if (r.rate < 1) console.log(row(id, r));
console.log(`  (${perfect} of ${Object.keys(d.byFormat).length} formats at 100%)`);
console.log("\nfalse positives by kind of string");
for (const [kind, r] of Object.entries(d.byKind)) console.log(row(kind, r));
console.log("");
verdict(d.recall, d.falsePositives);
const distinct = (lines: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.replace(/: .*$/, ""), (counts.get(line.replace(/: .*$/, "")) ?? 0) + 1);
  return counts;
};
for (const [format, n] of distinct(d.misses)) console.log(`  missed ${n}× ${format}: e.g. ${d.misses.find((m) => m.startsWith(`${format}:`))!.slice(format.length + 2)}`);
for (const line of d.falseFindings.slice(0, 40)) console.log(`  false positive: ${line}`);

// The `bench:accuracy` section of bench/RESULTS.md (written by bench/lib.mjs, like every bench's).
const pctOf = (r: Rate) => `${(r.rate * 100).toFixed(2)}% (${r.hits}/${r.total})`;
const below = Object.entries(d.byFormat).filter(([, r]) => r.rate < 1);
const fpKinds = Object.entries(d.byKind);
const body = `## Accuracy (\`npm run bench:accuracy\`)

Run: ${new Date().toISOString()} · ${cpus().length} cores (shared machine) · Node ${process.version}. Targets: recall ≥ ${TARGETS.recall * 100}%, false positives ≤ ${TARGETS.falsePositiveRate * 100}% on each corpus.

| corpus | keys | non-keys | recall | false positives |
|---|---:|---:|---:|---:|
| 1. catalog corpus (bench/corpus.ts, seed ${size.seed}) | ${corpus.positives.length} | ${corpus.negatives.length} | ${pctOf(result.recall)} | ${pctOf(result.falsePositives)} |
| 2. docs corpus (bench/corpus-docs.ts, seed ${docs.seed}: ${DOC_FORMATS.length} formats from providers' docs; non-keys from SDK sources, lock file, docs placeholders) | ${positives.length} | ${negatives.length} | ${pctOf(d.recall)} | ${pctOf(d.falsePositives)} |

Docs corpus, formats below 100% recall (${below.length} of ${Object.keys(d.byFormat).length}; examples masked):

| format | recall | example miss |
|---|---:|---|
${below.map(([id, r]) => `| ${id} | ${pctOf(r)} | \`${d.misses.find((m) => m.startsWith(`${id}:`))?.slice(id.length + 2) ?? ""}\` |`).join("\n")}

Docs corpus, false positives by kind of non-key:

| kind | flagged |
|---|---:|
${fpKinds.map(([kind, r]) => `| ${kind} | ${pctOf(r)} |`).join("\n")}
${d.falseFindings.length ? `\n${d.falseFindings.slice(0, 40).map((f) => `- ${f}`).join("\n")}\n` : ""}
`;
const lib = (await import(pathToFileURL(join(process.cwd(), "bench", "lib.mjs")).href)) as { updateResults(name: string, body: string): void };
lib.updateResults("accuracy", body);

if (failed) {
  console.error("\ntarget missed");
  process.exit(1);
}
