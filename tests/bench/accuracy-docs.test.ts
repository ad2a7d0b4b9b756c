// The docs corpus of `npm run bench:accuracy` (bench/corpus-docs.ts), smaller: keys written from each
// provider's documentation (not from the catalog), non-keys from the SDK sources in node_modules and
// from providers' docs. Accuracy thresholds (recall, false-positive rate), not timings.
import { describe, expect, it } from "vitest";
import { TARGETS } from "../../bench/corpus.js";
import { base62Crc32, DOC_FORMATS, docPositives, handWrittenNegatives, realCodeNegatives, scoreDocs } from "../../bench/corpus-docs.js";
import { createDetector } from "../../src/detect/index.js";

const positives = docPositives(4, 11);
const negatives = [...realCodeNegatives(150, ["openai", "@anthropic-ai/sdk", "stripe", "@slack/web-api"]), ...handWrittenNegatives()];

describe("detector accuracy on the docs corpus", () => {
  it("covers at least 60 formats across the families, each with a docs link and a shape", () => {
    expect(DOC_FORMATS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(DOC_FORMATS.map((f) => f.id)).size).toBe(DOC_FORMATS.length);
    expect(new Set(DOC_FORMATS.map((f) => f.family)).size).toBeGreaterThanOrEqual(9);
    for (const f of DOC_FORMATS) {
      expect(f.docs, f.id).toMatch(/^https:\/\//);
      expect(f.shape.length, f.id).toBeGreaterThan(5);
    }
    expect(new Set(positives.map((p) => p.format.id)).size).toBe(DOC_FORMATS.length);
  });

  it("builds GitHub's checksum as documented: CRC32 of the body in base62, six digits", () => {
    // CRC32("") = 0; CRC32("a") = 0xe8b7be43 = 3904355907 = 4 * 62^5 + … : every digit in range and padded.
    expect(base62Crc32("")).toBe("000000");
    expect(base62Crc32("a")).toMatch(/^[0-9A-Za-z]{6}$/);
    expect(base62Crc32("a")).not.toBe(base62Crc32("b"));
  });

  it("draws negatives from real code: hashes, ids, base64, integrity strings, named literals", () => {
    const kinds = new Set(negatives.map((n) => n.kind));
    for (const kind of ["long id", "url", "lock file integrity", "literal under its name", "documented placeholder", "word-like in a key shape"]) {
      expect(kinds, kind).toContain(kind);
    }
    expect(negatives.filter((n) => n.source !== "hand-written").length).toBeGreaterThan(300);
  });

  it(`meets the targets: recall ≥ ${TARGETS.recall * 100}%, false positives ≤ ${TARGETS.falsePositiveRate * 100}%`, () => {
    const result = scoreDocs(positives, negatives, createDetector());
    expect(result.recall.rate, result.misses.join("\n")).toBeGreaterThanOrEqual(TARGETS.recall);
    expect(result.falsePositives.rate, result.falseFindings.join("\n")).toBeLessThanOrEqual(TARGETS.falsePositiveRate);
  });

  it("scores a detector that reports everything, or nothing, as failing, and never prints a key", () => {
    const everything = scoreDocs(positives, negatives, createDetector({ extraPatterns: [{ name: "any", pattern: "[^\\n]{4,}" }] }));
    expect(everything.falsePositives.rate).toBeGreaterThan(0.9);
    const nothing = scoreDocs(positives, negatives, createDetector({ allow: [{ pattern: "" }] }));
    expect(nothing.recall.rate).toBe(0);
    expect(nothing.misses).toHaveLength(positives.length);
    const text = nothing.misses.join("\n");
    for (const p of positives) expect(text).not.toContain(p.text.slice(p.start, p.end));
  });
});
