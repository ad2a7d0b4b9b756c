// Reading the files a scan covers (src/cli/files.ts), on real files in a temporary directory:
// text in either encoding, binaries, the size limit at its edges and past the first buffer, and
// the paths that are not regular files (a directory, a FIFO, a missing or unreadable file), none
// of which may hang or throw.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readTextFile, scanUtf8 } from "../../src/cli/files.js";
import { scanText } from "../../src/cli/text-scan.js";
import { createDetector, PROVIDERS } from "../../src/detect/index.js";
import { CONTEXT_NAMES, fakeKey, rng } from "../helpers/keys.js";
import { asUnprivileged } from "../helpers/unprivileged.js";

const dir = mkdtempSync(join(tmpdir(), "keyguard-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("readTextFile", () => {
  it("reads ASCII and UTF-8 text as the same string readFileSync gives", () => {
    expect(readTextFile(file("a.txt", "plain ascii\n"), 1024)).toEqual({ text: "plain ascii\n" });
    expect(readTextFile(file("u.md", "café → ключ ✓\n"), 1024)).toEqual({ text: "café → ключ ✓\n" });
    expect(readTextFile(file("empty", ""), 1024)).toEqual({ text: "" });
  });

  it("skips a file with a NUL byte in its first 8,000 bytes as binary, and reads one with a NUL byte after them", () => {
    expect(readTextFile(file("bin", new Uint8Array([0x89, 0x50, 0, 1])), 1024)).toEqual({ skip: "binary" });
    const late = `${"x".repeat(8000)}\0tail`;
    expect(readTextFile(file("late-nul", late), 16_000)).toEqual({ text: late });
  });

  it("reads a file of exactly the limit and skips one byte more", () => {
    expect(readTextFile(file("at-limit", "y".repeat(100)), 100)).toEqual({ text: "y".repeat(100) });
    expect(readTextFile(file("over-limit", "y".repeat(101)), 100)).toEqual({ skip: "too-large" });
  });

  it("reads files larger than its first buffer whole, and after them small files as before", () => {
    const big = Array.from({ length: 40_000 }, (_, i) => `line ${i}`).join("\n");
    expect(big.length).toBeGreaterThan(256 * 1024);
    expect(readTextFile(file("big.log", big), 1024 * 1024)).toEqual({ text: big });
    expect(readTextFile(file("bigger.log", big + big), big.length)).toEqual({ skip: "too-large" });
    expect(readTextFile(file("small-after.txt", "short\n"), 1024)).toEqual({ text: "short\n" });
  });

  it("treats a directory and a missing path as missing, not as errors", () => {
    mkdirSync(join(dir, "sub"));
    expect(readTextFile(join(dir, "sub"), 1024)).toEqual({ skip: "missing" });
    expect(readTextFile(join(dir, "nope.txt"), 1024)).toEqual({ skip: "missing" });
    expect(readTextFile(join(dir, "a.txt", "below-a-file"), 1024)).toEqual({ skip: "missing" });
  });

  it.skipIf(process.platform === "win32")("counts a file it may not read as unreadable", () => {
    const path = file("secret.txt", "text");
    chmodSync(path, 0o000);
    expect(asUnprivileged(() => readTextFile(path, 1024))).toEqual({ skip: "unreadable" });
  });

  it.skipIf(process.platform === "win32")("does not wait on a FIFO nobody writes to: it reads as empty", () => {
    const fifo = join(dir, "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expect(readTextFile(fifo, 1024)).toEqual({ text: "" });
  });
});

describe("scanUtf8: the bytes scanned as Latin-1 find what the decoded text finds", () => {
  const detector = createDetector();
  /** Asserts that both views agree on `text`; returns how many keys the decoded text holds. */
  const same = (text: string): number => {
    const decoded = scanText(text, detector, "salt");
    expect(scanUtf8(Buffer.from(text, "utf8"), detector, "salt")).toEqual(decoded);
    return decoded.length;
  };
  /** Characters of one to four UTF-8 bytes, and of one and two UTF-16 units. */
  const WIDE = ["é", "ß", "€", "→", "ключ", "鍵", "🔑", "\u00a0", "\u2028", "\ufeff"];
  const keys = PROVIDERS.flatMap((p) => {
    try {
      return [{ id: p.id, key: fakeKey(p.id, 7), name: CONTEXT_NAMES[p.id] }];
    } catch {
      return []; // a format the generators do not build (covered by the catalog's own tests)
    }
  });

  it("builds keys of most of the catalog (the comparison is not vacuous)", () => {
    expect(keys.length).toBeGreaterThan(PROVIDERS.length * 0.8);
  });

  it("finds every format's key with non-ASCII text before, after and around it, on the same line and column", () => {
    let found = 0;
    let cases = 0;
    for (const { key, name } of keys) {
      for (const wide of WIDE) {
        const written = name ? `${name}=${key}` : key;
        for (const text of [
          `${wide} ${written}\n`,
          `# ${wide}${wide}\n${written} ${wide}\n`,
          `x = "${wide}" + "${written}"; // ${wide}\n`,
          `${written}${wide}\n`,
          `${wide}${written}\n`,
        ]) {
          found += Math.min(1, same(text));
          cases++;
        }
      }
    }
    // Nearly every case holds a key the detector finds: the two views are compared on findings.
    expect(found).toBeGreaterThan(cases * 0.9);
  });

  it("finds nothing more and nothing less where non-ASCII characters touch or break a key", () => {
    const next = rng(99);
    for (const { key, name } of keys) {
      const wide = WIDE[Math.floor(next() * WIDE.length)]!;
      const at = 1 + Math.floor(next() * (key.length - 2));
      same(`${key.slice(0, at)}${wide}${key.slice(at)}\n`);
      if (name) same(`${name}${wide}=${key}\n${wide}${name}: "${key}"\n`);
    }
  });

  it("holds for generated mixtures of keys, words, separators and non-ASCII text", () => {
    const piece = fc.oneof(
      fc.constantFrom(...keys.map((k) => k.key)),
      fc.constantFrom(...keys.filter((k) => k.name).map((k) => `${k.name}=${k.key}`)),
      fc.constantFrom(...WIDE, " ", "\n", "=", ":", '"', "-", "_", "://", "@", "keyguard-ignore"),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        same(pieces.join(""));
      }),
      { numRuns: 300 },
    );
  });
});
