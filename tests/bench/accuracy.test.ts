// The scoring of `npm run bench:accuracy`, on a smaller corpus of another seed: accuracy
// thresholds (recall, false-positive rate), not timings.
import { describe, expect, it } from "vitest";
import { buildCorpus, NEGATIVE_KINDS, score, TARGETS } from "../../bench/corpus.js";
import { createDetector, PROVIDERS } from "../../src/detect/index.js";

const corpus = buildCorpus({ keysPerPrefix: 2, perKind: 40, seed: 7 });

describe("detector accuracy on the labelled corpus", () => {
  it("covers every provider and every kind of non-key string", () => {
    expect(new Set(corpus.positives.map((p) => p.providerId))).toEqual(new Set(PROVIDERS.map((p) => p.id)));
    expect(new Set(corpus.negatives.map((n) => n.kind))).toEqual(new Set(Object.keys(NEGATIVE_KINDS)));
  });

  it(`meets the targets: recall ≥ ${TARGETS.recall * 100}%, false positives ≤ ${TARGETS.falsePositiveRate * 100}%`, () => {
    const result = score(corpus, createDetector());
    expect(result.misses).toEqual([]);
    expect(result.falseFindings).toEqual([]);
    expect(result.recall.rate).toBeGreaterThanOrEqual(TARGETS.recall);
    expect(result.falsePositives.rate).toBeLessThanOrEqual(TARGETS.falsePositiveRate);
    for (const [id, r] of Object.entries(result.byProvider)) expect(r.rate, id).toBeGreaterThanOrEqual(TARGETS.recall);
  });

  it("scores a detector that reports everything, or nothing, as failing", () => {
    const everything = score(corpus, createDetector({ extraPatterns: [{ name: "any", pattern: "[^\\n]{4,}" }] }));
    expect(everything.falsePositives.rate).toBeGreaterThan(0.9);
    expect(everything.recall.rate).toBeLessThan(TARGETS.recall);
    const nothing = score(corpus, createDetector({ allow: [{ pattern: "" }] }));
    expect(nothing.recall.rate).toBe(0);
    expect(nothing.falsePositives.rate).toBe(0);
  });

  it("never puts a key in its reports", () => {
    const result = score(corpus, createDetector({ allow: [{ pattern: "[0-9]$" }] }));
    const text = [...result.misses, ...result.falseFindings].join("\n");
    for (const p of corpus.positives.slice(0, 200)) expect(text).not.toContain(p.text.slice(p.start, p.end));
  });
});
