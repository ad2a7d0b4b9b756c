/**
 * `npm run bench:accuracy`: scores the detector on the labelled corpus of bench/corpus.ts and
 * prints recall and false-positive rate, overall, per provider and per kind of non-key string.
 * Exits 1 when a target (recall ≥ 98%, false positives ≤ 1%) is missed.
 */
import { createDetector } from "../src/detect/index.js";
import { buildCorpus, score, TARGETS, type Rate } from "./corpus.js";

const size = { keysPerPrefix: 20, perKind: 400, seed: 2026 };
const corpus = buildCorpus(size);
const result = score(corpus, createDetector());

const pct = (r: Rate) => `${(r.rate * 100).toFixed(2)}%`.padStart(8);
const row = (label: string, r: Rate) => `  ${label.padEnd(36)} ${pct(r)}  (${r.hits}/${r.total})`;

console.log(`keyguard detector accuracy — seed ${size.seed}, ${corpus.positives.length} keys, ${corpus.negatives.length} non-keys\n`);
console.log("recall by provider");
for (const [id, r] of Object.entries(result.byProvider)) console.log(row(id, r));
console.log("\nfalse positives by kind of string");
for (const [kind, r] of Object.entries(result.byKind)) console.log(row(kind, r));
console.log("");
console.log(row("RECALL", result.recall), `target ≥ ${TARGETS.recall * 100}%`);
console.log(row("FALSE POSITIVE RATE", result.falsePositives), `target ≤ ${TARGETS.falsePositiveRate * 100}%`);
for (const line of result.misses.slice(0, 20)) console.log(`  missed: ${line}`);
for (const line of result.falseFindings.slice(0, 20)) console.log(`  false positive: ${line}`);

if (result.recall.rate < TARGETS.recall || result.falsePositives.rate > TARGETS.falsePositiveRate) {
  console.error("\ntarget missed");
  process.exit(1);
}
