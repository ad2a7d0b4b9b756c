import { describe, expect, it } from "vitest";
import { charClasses, isPlaceholder, isRepeated, isWords, looksRandom } from "../../../src/detect/placeholder.js";
import { ALNUM, BASE32, HEXLOWER, j, rawChars, rng, URLSAFE } from "../../helpers/keys.js";

describe("isPlaceholder", () => {
  it.each([
    "",
    "YOUR_KEY_HERE",
    "your-api-key",
    "Your_Api_Key_Goes_In_This_Place",
    "yourApiKeyHere",
    "YOURAPIKEYHERE",
    "EXAMPLEKEY0123abc",
    "example0Abc9Xyz",
    "xxxxxxxxxxxxxxxxxxxxxxxx",
    "XXXX1234abcd",
    "ab12xxxxxxcd34",
    "...",
    "…",
    "<your-key>",
    "${OPENAI_API_KEY}",
    "{{ secrets.OPENAI_API_KEY }}",
    "%API_KEY%",
    "[REDACTED]",
    "aB3aaaaaaQ9z",
    "k9ABCDEFGHz0",
    "z798765432q1",
    "abababababababababab",
    "0f0f0f0f0f0f0f0f0f0f0f0f",
    "replace-me-with-a-real-key",
    "changemeNow42",
    "dummyValue123",
    "fakeToken42X",
    "my-test-token-1",
  ])("%s is a placeholder", (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it.each([
    // a word inside a random body is not a structure of words
    "q7GherehT2kLm9Xw4RzP",
    "Yfaket8Qm2Lx9Wc4Hv7B",
    "Nn3mockZ8qWp4Ls9Tv2K",
    "x9Kp4444442Lm7Qw8Rt3",
    "Ab3xYourZ9Qm2Lp8Wk4H",
  ])("%s (a random body with a word or a short run in it) is not a placeholder", (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });

  it("calls a body with a long placeholder word anywhere in it a placeholder, in any of three cases", () => {
    for (const body of [j("IOSFODNN7", "SECRETS"), j("Zq3", "Example", "Lp9xKw2"), j("a8", "secret", "Qw3Zk9Lp2Xv"), j("R4nd0m", "Placeholder")]) {
      expect(isPlaceholder(body), body).toBe(true);
    }
  });

  it("calls a body that repeats a unit placeholder (secretlint's docs write an AWS key id so)", () => {
    for (const body of [["FAKE", "AKIA"].join("").repeat(2), "ab12".repeat(5), "1a2b3c1a2b3c1a", "Q7vR".repeat(3), "0123456789ab".repeat(2)]) {
      expect(isRepeated(body), body).toBe(true);
      expect(isPlaceholder(body), body).toBe(true);
    }
    // Too short to judge, a repeat shorter than half, and a repeat with one change are not.
    for (const body of ["ab12ab12ab1", "Zk4qW8rT2mZk4qW8rT2mP9xL3vN6", "ab12ab12ab13ab12"]) expect(isRepeated(body), body).toBe(false);
  });

  it("does not call random bodies placeholders (20,000 uniform draws each of base62, URL-safe and hex)", () => {
    const next = rng(99);
    const flagged: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      for (const [alphabet, n] of [[ALNUM, 40], [URLSAFE, 93], [HEXLOWER, 32], [HEXLOWER, 64], [BASE32, 16], [HEXLOWER, 12]] as const) {
        const body = rawChars(next, alphabet, n);
        if (isPlaceholder(body)) flagged.push(body.slice(0, 4));
      }
    }
    expect(flagged).toEqual([]);
  });
});

describe("isWords", () => {
  it("splits at separators, digits and case changes, and into dictionary words", () => {
    expect(isWords("your_api_key")).toBe(true);
    expect(isWords("YourApiKey")).toBe(true);
    expect(isWords("YOURAPIKEYHERE")).toBe(true);
    expect(isWords("paste-token-here-42")).toBe(true);
    // words that are not all the value
    expect(isWords("token7Qm2Lx9Wc4Hv7BzP")).toBe(false);
    expect(isWords("gateway-production-config")).toBe(false);
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
  ] as const)("%s → %s (base62)", (value, expected) => {
    expect(looksRandom(value)).toBe(expected);
  });

  it("judges the mix against the format's alphabet", () => {
    // 32 lowercase hex digits: a hash, not a 32-character base62 key (those lack upper case 3 times in 100 million)
    expect(looksRandom("9e107d9d372bb6826bd81d3542a419d6")).toBe(false);
    expect(looksRandom("9e107d9d372bb6826bd81d3542a419d6", charClasses("a-f0-9"))).toBe(true);
    // an AWS key body without a digit: 1 in 28 real ones
    expect(looksRandom("QWERTZUIOPASDFGH", charClasses("A-Z2-7"))).toBe(true);
    // but 32 digits are no hex key
    expect(looksRandom("12345678901234567890123456789012", charClasses("a-f0-9"))).toBe(false);
  });

  it("accepts uniform random bodies of every alphabet (20,000 draws each)", () => {
    const next = rng(7);
    for (const [alphabet, cls, n] of [
      [BASE32, "A-Z2-7", 16],
      [ALNUM, "A-Za-z0-9", 32],
      [HEXLOWER, "a-f0-9", 32],
      [URLSAFE, "A-Za-z0-9_\\-", 43],
    ] as const) {
      const classes = charClasses(cls);
      let rejected = 0;
      for (let i = 0; i < 20_000; i++) if (!looksRandom(rawChars(next, alphabet, n), classes)) rejected++;
      expect(rejected, cls).toBe(0);
    }
  });
});

describe("an elision `...`", () => {
  it("marks a placeholder, except in formats whose alphabet has `.`", () => {
    const body = `${"Ab3Cd5Ef7Gh9"}...${"Jk2Lm4Np6Qr8"}`;
    expect(isPlaceholder(body)).toBe(true);
    expect(isPlaceholder(body, true)).toBe(false);
  });
});
