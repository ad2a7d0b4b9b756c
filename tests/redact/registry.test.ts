// The registry of loaded values (src/secret/registry.ts) in both of its search modes: one pattern
// of all forms while there are few, a scan by character pairs once there are many (a process whose
// rotating secret added hundreds). The registry is per process, so this file fills it itself and
// checks the same behaviour before and after the switch.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { createRedactor, redactText } from "../../src/redact/index.js";
import { findLoaded, loadedCount, rememberLoaded, textForms, type Span } from "../../src/secret/registry.js";
import { ALNUM, j, randomChars, rng } from "../helpers/keys.js";
import { expectNoSecret } from "./helpers.js";

const next = rng(4242);
/** A random loaded value with characters that JSON escapes, so that every value has three forms. */
const value = () => `${randomChars(next, ALNUM, 10)}"${randomChars(next, `${ALNUM}\\-_.`, 8)}`;

/** The behaviour both modes must show, for the values remembered so far. */
function checkBehaviour(values: readonly string[]) {
  const [a, b, c] = values as [string, string, string];
  // Raw, JSON-escaped once and twice (a JSON document inside a JSON string).
  const line = JSON.stringify({ msg: `x ${a} y`, body: JSON.stringify({ pw: b }) });
  expectNoSecret(redactText(line), textForms(a).concat(textForms(b)), "a JSON line");
  expect(redactText(`pw=${a}!`)).toBe(`pw=${mask(a)}!`);
  // Adjacent values and a value at the very start and end of the text.
  expect(redactText(`${a}${c}`)).toBe(`${mask(a)}${mask(c)}`);
  // Bytes: the values' UTF-8 bytes in a Buffer.
  const buf = createRedactor().value(Buffer.from(`\u00e9 ${b} \u00e9`));
  expectNoSecret(buf.toString("latin1"), [b], "a Buffer");
  // A text without any value is returned as it is.
  const clean = "GET /v1/models 200 request completed in 12 ms".repeat(3);
  expect(redactText(clean)).toBe(clean);
}

/** A longer value that begins with a shorter one, and two that overlap. */
function checkLongerAndOverlap(tag: string) {
  const short = j(`${tag}-shared-`, "Pw9k", "Lm3n");
  const long = `${short}${j("-Ext", "Qr7s")}`;
  const other = j("Lm3n-", tag, "Zz8x", "Yy2w");
  rememberLoaded(short);
  rememberLoaded(long);
  rememberLoaded(other);
  expect(redactText(`a ${long} b`)).toBe(`a ${mask(long)} b`);
  expect(redactText(`a ${short} b`)).toBe(`a ${mask(short)} b`);
  expectNoSecret(redactText(`x ${short}${other.slice(4)} y`), [short, other], "overlapping values");
}

describe("the registry of loaded values", () => {
  const values: string[] = [];

  it("with a few values: forms raw and escaped once and twice, adjacent, in bytes", () => {
    for (let i = 0; i < 3; i++) values.push(value());
    values.forEach(rememberLoaded);
    checkBehaviour(values);
    checkLongerAndOverlap("few");
  });

  it("with hundreds of values (past the single pattern): the same behaviour", () => {
    for (let i = 0; i < 400; i++) {
      const v = value();
      values.push(v);
      rememberLoaded(v);
    }
    expect(loadedCount()).toBeGreaterThan(400);
    checkBehaviour(values.slice(-3));
    checkBehaviour(values);
    checkLongerAndOverlap("many");
  });

  it("with hundreds of values, finds exactly the occurrences a plain search finds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.nat(values.length - 1)), { maxLength: 6 }),
        fc.string({ maxLength: 12 }),
        (parts, tail) => {
          const text = parts.map(([filler, i]) => `${filler}${values[i]!}`).join("") + tail;
          const found: Span[] = [];
          findLoaded(text, found);
          for (const [, i] of parts) {
            const v = values[i]!;
            for (let at = text.indexOf(v); at !== -1; at = text.indexOf(v, at + 1)) {
              if (!found.some((s) => s.start === at && s.end >= at + v.length)) expect.fail(`${mask(v)} at ${at} was not found`);
            }
          }
          expectNoSecret(redactText(text), parts.map(([, i]) => values[i]!), "the redacted text");
        },
      ),
      { numRuns: 60 },
    );
  });
});
