import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PROVIDERS } from "../../../src/detect/catalog.js";
import { escapeRegExp, literalAlternation } from "../../../src/detect/detector.js";
import { compiledPatterns, createDetector, detect, DetectorOptionError } from "../../../src/detect/index.js";
import { fakeKey } from "../../helpers/keys.js";

describe("detect", () => {
  it("returns findings in order of position, with no key in them", () => {
    const a = fakeKey("groq", 1);
    const b = fakeKey("openai-project", 1);
    const c = fakeKey("github-classic", 1);
    const text = `${b} and ${a}, then ${c}`;
    const findings = detect(text);
    expect(findings.map((f) => f.providerId)).toEqual(["openai-project", "groq", "github-classic"]);
    expect(findings.map((f) => f.start)).toEqual([0, text.indexOf(a), text.indexOf(c)]);
    for (const f of findings) expect(JSON.stringify(f)).not.toContain(text.slice(f.start, f.end));
  });

  it("finds nothing in short or empty text", () => {
    expect(detect("")).toEqual([]);
    expect(detect("sk-")).toEqual([]);
    expect(createDetector().minLength).toBeGreaterThan(10);
  });
});

describe("createDetector options", () => {
  it("extraPatterns: finds a custom format with its name and env var, masked", () => {
    const d = createDetector({ extraPatterns: [{ name: "Acme key", pattern: "acme_[a-z0-9]{16}", envVar: "ACME_KEY" }] });
    const text = "x = acme_0123456789abcdef;";
    expect(d.scan(text)).toEqual([
      { providerId: "Acme key", providerName: "Acme key", envVar: "ACME_KEY", start: 4, end: 25, masked: "…ef", checksumVerified: false },
    ]);
    expect(d.minLength).toBe(1);
  });

  it("extraPatterns: a catalog finding wins where the two overlap, and findings stay in order", () => {
    const groq = fakeKey("groq", 2);
    const d = createDetector({ extraPatterns: [{ name: "anything long", pattern: "[A-Za-z0-9_]{50,60}" }] });
    const other = "q".repeat(3) + "Z9".repeat(26);
    const found = d.scan(`${other} ${groq}`);
    expect(found.map((f) => f.providerId)).toEqual(["anything long", "groq"]);
  });

  it("allow: exact strings (the key or the whole text) and patterns are never reported", () => {
    const key = fakeKey("openai-project", 3);
    const text = `Bearer ${key}`;
    expect(createDetector({ allow: [key] }).scan(text)).toEqual([]);
    expect(createDetector({ allow: [text] }).scan(text)).toEqual([]);
    expect(createDetector({ allow: [{ pattern: key.slice(-6) + "$" }] }).scan(text)).toEqual([]);
    expect(createDetector({ allow: [{ pattern: "^SK-PROJ-", flags: "i" }] }).scan(text)).toEqual([]);
    expect(createDetector({ allow: [{ pattern: "^nothing" }] }).scan(text)).toHaveLength(1);
    // a global flag would make `test` stateful; it is dropped
    const g = createDetector({ allow: [{ pattern: "proj", flags: "g" }] });
    expect(g.scan(text)).toEqual([]);
    expect(g.scan(text)).toEqual([]);
  });

  it("allow: applies to custom patterns and to keys found by name", () => {
    const d = createDetector({ extraPatterns: [{ name: "Acme", pattern: "acme_[0-9]{8}" }], allow: ["acme_12345678"] });
    expect(d.scan("acme_12345678 acme_87654321").map((f) => f.start)).toEqual([14]);
    const cohere = fakeKey("cohere", 1);
    expect(createDetector({ allow: [cohere] }).scanNamed("cohereApiKey", cohere)).toBeUndefined();
  });

  it("an invalid extraPatterns regex is a DetectorOptionError naming the option", () => {
    const build = () => createDetector({ extraPatterns: [{ name: "ok", pattern: "a+" }, { name: "Broken", pattern: "acme_(" }] });
    expect(build).toThrow(DetectorOptionError);
    expect(build).toThrow(/^extraPatterns\[1\] \("Broken"\): pattern is not a valid regular expression: /);
  });

  it("an extraPatterns regex that matches the empty string is rejected", () => {
    expect(() => createDetector({ extraPatterns: [{ name: "Empty", pattern: "x*" }] })).toThrow(
      /extraPatterns\[0\] \("Empty"\): pattern matches the empty string/,
    );
  });

  it("an invalid allow regex is a DetectorOptionError naming the entry", () => {
    const build = () => createDetector({ allow: ["fine", { pattern: "[unclosed" }] });
    expect(build).toThrow(DetectorOptionError);
    expect(build).toThrow(/^allow\[1\]: pattern is not a valid regular expression: /);
    expect(() => createDetector({ allow: [{ pattern: "a", flags: "q" }] })).toThrow(/^allow\[0\]: /);
  });
});

describe("scanNamed", () => {
  it("matches names by stem and a secret word, in any case and spelling", () => {
    const key = fakeKey("mistral", 1);
    const d = createDetector();
    for (const name of ["MISTRAL_API_KEY", "mistralApiKey", "mistral-token", "myMistralSecret"]) {
      expect(d.scanNamed(name, key)?.providerId).toBe("mistral");
    }
    for (const name of ["mistralModel", "mistral", "apiKey", ""]) expect(d.scanNamed(name, key)).toBeUndefined();
    expect(d.scanNamed("CO_API_KEY", fakeKey("cohere", 1))?.providerId).toBe("cohere");
  });

  it("reads a name's words across any separators and case, and the same name the same way every time", () => {
    const d = createDetector();
    const mistral = fakeKey("mistral", 2);
    const names = ["Mistral.Api.Key", "mistral api k_e_y", "MISTRAL__TO-KEN", "x-mistral-SECRET", "mistral_k\u00e9ey", "mistral:key"];
    for (const name of names) {
      expect(d.scanNamed(name, mistral)?.providerId, name).toBe("mistral");
      expect(d.scanNamed(name, mistral)?.providerId, `${name}, asked again`).toBe("mistral");
    }
    // Words a generic secret is held by, without key, token or secret in them.
    for (const name of ["DB_PASSWORD", "db-passwd", "GOOGLE_APPLICATION_CREDENTIALS", "aws.Credential"]) {
      expect(d.scanNamed(name, fakeKey("generic-secret", 3)), name).toBeDefined();
    }
    for (const name of ["mistral_model", "mistral-endpoint", "kmistraley", "mistral_k3y"]) expect(d.scanNamed(name, mistral), name).toBeUndefined();
  });

  it("does not report a placeholder under a key's name", () => {
    const d = createDetector();
    expect(d.scanNamed("cohereApiKey", "x".repeat(40))).toBeUndefined();
    expect(d.scanNamed("cohereApiKey", "YOURCOHEREKEYGOESHEREXXXXXXXXXXXXXXXXXXX")).toBeUndefined();
  });
});

describe("literalAlternation", () => {
  /** Every position where `re` (global) matches in `text`, trying each position. */
  const positions = (re: RegExp, text: string) => {
    const out: number[] = [];
    for (let i = 0; i < text.length; i++) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m?.index === i) out.push(i);
    }
    return out;
  };
  const flat = (items: string[]) => new RegExp(items.map(escapeRegExp).join("|"), "g");

  it("matches at exactly the positions of the flat alternation, for strings that share beginnings", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: fc.constantFrom("a", "b", "-", ".", "*"), minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom("a", "b", "-", ".", "*", "c"), maxLength: 40 }),
        (items, text) => {
          const trie = new RegExp(literalAlternation(items), "g");
          expect(positions(trie, text)).toEqual(positions(flat(items), text));
        },
      ),
    );
  });

  it("the catalog's prefix pattern finds every prefix, and a tail is required after its string", () => {
    const prefix = compiledPatterns()[0]!;
    for (const p of PROVIDERS.flatMap((provider) => provider.prefixes)) {
      prefix.lastIndex = 0;
      expect(prefix.exec(`x ${p}`)?.index, p).toBe(2);
    }
    const re = new RegExp(literalAlternation([{ text: "ab", tail: "[\"']" }, "b*"]));
    expect(re.test(`"ab"`)).toBe(true);
    expect(re.test("abc")).toBe(false);
    expect(re.test("b*c")).toBe(true);
  });
});

describe("CATALOG (the catalog as plain data for other tools)", () => {
  it("lists every provider once, JSON-serialisable, with its env var, docs link and checksum", async () => {
    const { CATALOG } = await import("../../../src/detect/index.js");
    expect(CATALOG.map((e) => e.id)).toEqual(PROVIDERS.map((p) => p.id));
    expect(CATALOG.length).toBeGreaterThanOrEqual(150);
    expect(JSON.parse(JSON.stringify(CATALOG))).toEqual(CATALOG);
    for (const e of CATALOG) {
      expect(e.docs, e.id).toMatch(/^https:\/\//);
      expect(e.envVar, e.id).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    }
    const byId = new Map(CATALOG.map((e) => [e.id, e]));
    expect(["github-classic", "npm", "pypi"].map((id) => byId.get(id)?.checksum)).toEqual(["base62-crc32", "base62-crc32", "pypi-macaroon"]);
    expect(byId.get("openai-project")?.checksum).toBeNull();
    expect(["openai-project", "mailchimp", "azure-storage-key", "cohere"].map((id) => byId.get(id)?.foundBy)).toEqual([
      "prefix",
      "literal",
      "place",
      "name",
    ]);
    expect(Object.isFrozen(CATALOG[0])).toBe(true);
  });
});

describe("random keys of formats whose alphabet has `.`", () => {
  it("are found when they happen to hold `...` (an Azure client secret drawn so)", () => {
    const key = fakeKey("azure-ad-client-secret", 132369);
    expect(key).toContain("...");
    expect(detect(` ${key} `).map((f) => f.providerId)).toEqual(["azure-ad-client-secret"]);
  });
});
