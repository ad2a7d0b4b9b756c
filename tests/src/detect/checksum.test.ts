import { describe, expect, it } from "vitest";
import { crc32, hasBase62Crc32, toBase62 } from "../../../src/detect/checksum.js";
import { fakeKey, j } from "../../helpers/keys.js";

describe("crc32", () => {
  it("matches the IEEE 802.3 check values", () => {
    expect(crc32("")).toBe(0);
    expect(crc32("123456789")).toBe(0xcbf43926);
    expect(crc32("The quick brown fox jumps over the lazy dog")).toBe(0x414fa339);
    expect(crc32("a")).toBe(0xe8b7be43);
  });
});

describe("toBase62", () => {
  it("encodes with digits, then upper case, then lower case, padded to the width", () => {
    expect(toBase62(0, 6)).toBe("000000");
    expect(toBase62(61, 2)).toBe("0z");
    expect(toBase62(62, 2)).toBe("10");
    expect(toBase62(36, 1)).toBe("a");
    expect(toBase62(0xffffffff, 6)).toBe("4gfFC3");
  });
});

describe("hasBase62Crc32", () => {
  it("accepts a token whose last six characters are the checksum of the thirty before them", () => {
    for (const seed of [1, 2, 3]) {
      expect(hasBase62Crc32(fakeKey("github-classic", seed), 4)).toBe(true);
      expect(hasBase62Crc32(fakeKey("npm", seed), 4)).toBe(true);
    }
  });

  it("rejects a changed body or a changed checksum", () => {
    const key = fakeKey("github-classic", 5);
    const swap = (s: string, i: number) => s.slice(0, i) + (s[i] === "q" ? "r" : "q") + s.slice(i + 1);
    expect(hasBase62Crc32(swap(key, 4), 4)).toBe(false);
    expect(hasBase62Crc32(swap(key, key.length - 1), 4)).toBe(false);
    expect(hasBase62Crc32(j("gh", "p_", "a".repeat(36)), 4)).toBe(false);
  });
});
