import { describe, expect, it } from "vitest";
import { knownPrefix, mask, MASK_TAIL_MAX } from "../../../src/detect/mask.js";
import { fakeKey, j } from "../../helpers/keys.js";

describe("mask", () => {
  it("shows the known prefix, an ellipsis and the last four characters of a long key", () => {
    const key = fakeKey("openai-project", 1);
    expect(mask(key)).toBe(`${j("sk-", "proj-")}…${key.slice(-4)}`);
    const groq = fakeKey("groq", 1);
    expect(mask(groq)).toBe(`${j("gs", "k_")}…${groq.slice(-4)}`);
  });

  it("uses the longest known prefix", () => {
    const key = fakeKey("anthropic", 1);
    expect(mask(key).startsWith(`${j("sk-", "ant-api03-")}…`)).toBe(true);
  });

  it("shows one character per eight hidden ones, never more than four", () => {
    expect(mask("abcdefg")).toBe("…");
    expect(mask("abcdefgh")).toBe("…h");
    expect(mask("abcdefghijklmnop")).toBe("…op");
    expect(mask("a".repeat(27) + "WXYZ")).toBe("…XYZ");
    expect(mask("a".repeat(200) + "WXYZ")).toBe("…WXYZ");
    expect(MASK_TAIL_MAX).toBe(4);
  });

  it("shows nothing but the ellipsis when the value is only its prefix, or empty", () => {
    expect(mask("")).toBe("…");
    expect(mask("gsk_", "gsk_")).toBe("…");
  });

  it("shows a PEM block's header only", () => {
    const pem = fakeKey("private-key", 1);
    expect(mask(pem, j("-----BEGIN ", ""))).toBe(j("-----BEGIN ", "…"));
  });

  it("with an explicit prefix, uses it even when the catalog does not know it", () => {
    expect(mask("acme_live_0123456789abcdefABCDEF", "acme_live_")).toBe("acme_live_…EF");
  });

  it("never contains more than four characters of the key besides its prefix", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const id of ["openai-project", "github-classic", "stripe-secret", "cohere", "aws-access-key"]) {
        const key = fakeKey(id, seed);
        const m = mask(key);
        const prefix = knownPrefix(key);
        expect(m.length - prefix.length - 1).toBeLessThanOrEqual(4);
        expect(key.endsWith(m.slice(prefix.length + 1))).toBe(true);
      }
    }
  });
});

describe("knownPrefix", () => {
  it("is the longest catalog prefix a value starts with", () => {
    expect(knownPrefix(fakeKey("openrouter", 1))).toBe(j("sk-", "or-v1-"));
    expect(knownPrefix(fakeKey("openai-legacy", 1))).toBe("sk-");
    expect(knownPrefix("no prefix at all")).toBe("");
  });

  it("is no prefix when it would show most of a short value", () => {
    expect(knownPrefix(j("sk-", "ab"))).toBe("");
    expect(knownPrefix(j("sk-", "abc"))).toBe("sk-");
  });
});
