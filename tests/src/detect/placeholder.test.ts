import { describe, expect, it } from "vitest";
import { isPlaceholder, looksRandom } from "../../../src/detect/placeholder.js";
import { ALNUM, HEXLOWER, randomChars, rng } from "../../helpers/keys.js";

describe("isPlaceholder", () => {
  it.each([
    "",
    "YOUR_KEY_HERE",
    "your-api-key",
    "Your_Api_Key_Goes_In_This_Place",
    "EXAMPLEKEY0123abc",
    "example0Abc9Xyz",
    "xxxxxxxxxxxxxxxxxxxxxxxx",
    "XXXX1234abcd",
    "...",
    "…",
    "<your-key>",
    "${OPENAI_API_KEY}",
    "{{ secrets.OPENAI_API_KEY }}",
    "%API_KEY%",
    "[REDACTED]",
    "aB3aaaaaaQ9z",
    "k9ABCDEFz0",
    "z7987654q1",
    "abababababababababab",
    "0f0f0f0f0f0f0f0f0f0f0f0f",
    "replace-me-with-a-real-key",
    "changemeNow42",
    "dummyValue123",
    "fakeToken42X",
  ])("%s is a placeholder", (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it("does not call random keys placeholders (1,000 draws each of mixed case and hex)", () => {
    const next = rng(99);
    let flagged = 0;
    for (let i = 0; i < 1000; i++) {
      if (isPlaceholder(randomChars(next, ALNUM, 40))) flagged++;
      if (isPlaceholder(randomChars(next, HEXLOWER, 32))) flagged++;
    }
    // words like `here` or `mock` occur in random text rarely; a miss rate of at most 0.5%.
    expect(flagged).toBeLessThanOrEqual(10);
  });
});

describe("looksRandom", () => {
  it.each([
    ["gatewayproductionconfig", false],
    ["GATEWAY_PRODUCTION", false],
    ["0123987654", false],
    ["a1", true],
    ["aB", true],
    ["Z9", true],
  ] as const)("%s → %s", (value, expected) => {
    expect(looksRandom(value)).toBe(expected);
  });
});
