// Property tests (fast-check): a key of any prefixed catalog provider, or a value a loader
// produced, placed in any string at any nesting of objects, arrays, Maps, Sets, Errors and
// Buffers, never survives redaction, in util.inspect or in JSON. Generated values carry markers
// (provider and seed), never keys: keys are built inside the property, so a counterexample
// fast-check prints shows no key.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROVIDERS } from "../../src/detect/catalog.js";
import { createRedactor, redact } from "../../src/redact/index.js";
import { unsafeSecretString } from "../../src/secret/index.js";
import { ALNUM, fakeKey, randomChars, rng } from "../helpers/keys.js";
import { renderings, shownSecret } from "./helpers.js";

const RUNS = { numRuns: 80 } as const;
const prefixed = PROVIDERS.filter((p) => p.prefixes.length > 0).map((p) => p.id);

/** A key, as a marker: `⟦k:id#seed⟧`; a loaded value (any characters, glued to anything): `⟦v:seed⟧`. */
const keyMark = fc.record({ id: fc.constantFrom(...prefixed), seed: fc.nat(1_000_000) }).map(({ id, seed }) => `⟦k:${id}#${seed}⟧`);
const valueMark = fc.nat(1_000_000).map((seed) => `⟦v:${seed}⟧`);

/** A loaded value: random characters, some that JSON escapes, 12 to 40 long. */
const loadedValue = (seed: number) => {
  const next = rng(seed);
  return randomChars(next, `${ALNUM}"\\\n\t é€-_.`, 12 + Math.floor(next() * 28));
};

/**
 * Text around a marker; a key needs a separator next to it (a word boundary), a loaded value does
 * not. No "/": it continues URL-shaped formats (a Slack webhook followed by "/" is not one), as the
 * edges of tests/hardening/properties.test.ts leave it out.
 */
const filler = fc.string({ unit: fc.constantFrom(..."abc XYZ 019 ,;:=()[]{}'\"\\\n\t/é€".split("")), maxLength: 20 });
const separator = fc.constantFrom(" ", "\n", "\t", '"', "'", "=", ":", ",", "(", "\\n", "\\\"");
const stringWithSecrets = fc
  .array(fc.oneof(fc.tuple(filler, separator, keyMark, separator), fc.tuple(filler, fc.constant(""), valueMark, fc.constant(""))), { maxLength: 3 })
  .chain((parts) => filler.map((tail) => parts.flat().join("") + tail));

type Node = unknown;
/** Any nesting of the shapes logs carry. Buffers, Errors and Maps are built from markers in `materialise`. */
const tree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    stringWithSecrets,
    fc.integer(),
    fc.constant(null),
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), keyMark), tie("node"), { maxKeys: 4 }),
    fc.record({ kind: fc.constantFrom("map", "set", "error", "buffer"), items: fc.array(tie("node"), { maxLength: 3 }), text: stringWithSecrets }),
  ),
})).node;

const MARK = /⟦k:([a-z0-9-]+)#(\d+)⟧|⟦v:(\d+)⟧/g;

/** Replaces markers with keys and loaded values (registering those), and builds the special shapes. */
function materialise(node: Node, secrets: Set<string>): unknown {
  const text = (s: string) =>
    s.replace(MARK, (_m, id: string | undefined, seed: string | undefined, vseed: string | undefined) => {
      const secret = id !== undefined ? fakeKey(id, Number(seed)) : loadedValue(Number(vseed));
      if (id === undefined) unsafeSecretString(secret);
      secrets.add(secret);
      return secret;
    });
  if (typeof node === "string") return text(node);
  if (Array.isArray(node)) return node.map((n) => materialise(n, secrets));
  if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (typeof record.kind === "string" && Array.isArray(record.items) && typeof record.text === "string" && Object.keys(record).length === 3) {
      const items = record.items.map((n) => materialise(n, secrets));
      const t = text(record.text);
      switch (record.kind) {
        case "map":
          return new Map(items.map((v, i) => [i % 2 === 0 ? t : i, v]));
        case "set":
          return new Set([t, ...items]);
        case "error":
          return Object.assign(new Error(t, { cause: items[0] }), { details: items });
        default:
          return Buffer.from(`${t}|${items.filter((i) => typeof i === "string").join("|")}`);
      }
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [text(k), materialise(v, secrets)]));
  }
  return node;
}

/** Every text of a redacted value, Buffers decoded too (inspect shows their bytes in hex). */
function allText(value: unknown, seen = new Set<unknown>()): string {
  const parts = [renderings(value)];
  const visit = (v: unknown) => {
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (Buffer.isBuffer(v)) parts.push(v.toString("latin1"), v.toString("utf8"));
    else if (v instanceof Map) for (const [k, x] of v) (visit(k), visit(x));
    else if (v instanceof Set) for (const x of v) visit(x);
    else for (const k of Reflect.ownKeys(v)) visit((v as Record<PropertyKey, unknown>)[k]);
  };
  visit(value);
  return parts.join("\n");
}

describe("no generated key survives redaction", () => {
  it("at any nesting of objects, arrays, Maps, Sets, Errors and Buffers", () => {
    fc.assert(
      fc.property(tree, (node) => {
        const secrets = new Set<string>();
        const input = materialise(node, secrets);
        const out = redact(input);
        const shown = shownSecret(allText(out), [...secrets]);
        if (shown !== undefined) expect.fail(`the redacted value shows ${shown}`);
      }),
      RUNS,
    );
  });

  it("in the JSON line of any value, redacted as text (the last net of the pino integration)", () => {
    const text = createRedactor().text;
    fc.assert(
      fc.property(tree, (node) => {
        const secrets = new Set<string>();
        let line: string;
        try {
          line = JSON.stringify(materialise(node, secrets)) ?? "";
        } catch {
          return;
        }
        // What a JSON line shows of a secret is its escaped form.
        const forms = [...secrets].map((s) => JSON.stringify(s).slice(1, -1));
        const shown = shownSecret(text(line), forms);
        if (shown !== undefined) expect.fail(`the redacted line shows ${shown}`);
      }),
      RUNS,
    );
  });

  it("the input is never changed", () => {
    fc.assert(
      fc.property(tree, (node) => {
        const input = materialise(node, new Set());
        const before = allText(input);
        redact(input);
        expect(allText(input) === before).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
