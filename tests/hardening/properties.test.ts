// Property-based tests (fast-check): generated programs and strings never crash a rule or the
// detector; a key of any catalog provider embedded anywhere in a literal, template,
// concatenation or comment is always found; no output ever shows more of a key than its mask.
// Run counts are modest (the suite runs on 2 cores); the seeds vary per run, and fast-check
// prints the seed and the shrunk counterexample of a failure (with keys masked: see `show`).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDetector, detect, KNOWN_PREFIXES, knownPrefix, mask, MASK_TAIL_MAX, PROVIDERS } from "../../src/detect/index.js";
import { CONTEXT_NAMES, fakeKey, KEY_BUILDERS } from "../helpers/keys.js";
import { lint, revealsKey, untypedRules } from "./lint.js";

const RUNS = { numRuns: 60 } as const;

/** Providers found by their prefix, and those found only through the name that holds them. */
const prefixed = PROVIDERS.filter((p) => p.prefixes.length > 0).map((p) => p.id);
const contextual = PROVIDERS.filter((p) => p.prefixes.length === 0).map((p) => p.id);

it("has a key builder for every catalog provider", () => {
  expect(PROVIDERS.map((p) => p.id).filter((id) => !(id in KEY_BUILDERS))).toEqual([]);
});

/** Text around a key: characters that cannot join a key or open a comment, template or escape. */
const SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,;:()=!?#@%&+".split("");
const around = fc.string({ unit: fc.constantFrom(...SAFE), maxLength: 40 });
/** What stands right next to a key: not a word character, not a body character of any format. */
const edge = fc.constantFrom(" ", ",", ";", ":", "(", ")", "=", "!", "\n");
/**
 * A provider and a seed, never the key itself: fast-check prints a failing input as generated,
 * so keys are built inside the properties (`keyOf`) and a counterexample shows only id and seed.
 */
const keyArb = fc.record({ id: fc.constantFrom(...prefixed), seed: fc.nat(1_000_000) });
const keyOf = ({ id, seed }: { id: string; seed: number }) => ({ id, key: fakeKey(id, seed) });

/** Marks where a generated program holds a key: `⟦id#seed⟧`, replaced by the key in `render`. */
const keyMark = keyArb.map(({ id, seed }) => `⟦${id}#${seed}⟧`);
const render = (code: string) =>
  code.replace(/⟦([a-z0-9-]+)#(\d+)⟧/g, (_, id: string, seed: string) => fakeKey(id, Number(seed)).replace(/\n/g, "\\n"));

const templateText = (s: string) => s.replace(/[`\\]/g, "\\$&").replace(/\$\{/g, "\\${");
/**
 * Failure messages name the input (provider, seed, placement), never the text: a key the
 * detector missed could not be masked, and a failing test must not print a key either.
 */
const show = (value: Record<string, unknown>) => JSON.stringify(value);

describe("the detector", () => {
  it("never throws, and returns in-bounds, ordered, non-overlapping findings, on any string", () => {
    const detectors = [detect, createDetector({ extraPatterns: [{ name: "corp", pattern: "corp_[a-z0-9]{8,16}" }], allow: ["x"] }).scan];
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom(..."sk-proj_AIza-----BEGIN PRIVATE KEY\n=+/ab01".split("")) })), (text) => {
        for (const scan of detectors) {
          let last = 0;
          for (const f of scan(text)) {
            expect(f.start).toBeGreaterThanOrEqual(last);
            expect(f.end).toBeGreaterThan(f.start);
            expect(f.end).toBeLessThanOrEqual(text.length);
            last = f.end;
          }
        }
        createDetector().scanNamed("cohereApiKey", text);
      }),
      { numRuns: 300 },
    );
  });

  it("finds a key of any prefixed provider anywhere in a text", () => {
    fc.assert(
      fc.property(keyArb, around, edge, edge, around, (spec, before, left, right, after) => {
        const { id, key } = keyOf(spec);
        const text = `${before}${left}${key}${right}${after}`;
        const at = before.length + left.length;
        const hit = detect(text).find((f) => f.start >= at && f.start < at + key.length);
        expect(hit?.providerId, show({ ...spec, before, left, right, after })).toBe(id);
        expect(revealsKey(hit!.masked, key)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("masking", () => {
  it("shows a known prefix, `…`, and at most min(4, hidden/8) last characters", () => {
    const value = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      keyArb.map((k) => keyOf(k).key),
      fc.tuple(fc.constantFrom(...prefixed.flatMap((id) => PROVIDERS.find((p) => p.id === id)!.prefixes)), fc.string({ maxLength: 80 })).map(([p, s]) => p + s),
    );
    fc.assert(
      fc.property(value, (v) => {
        const m = mask(v);
        const prefix = knownPrefix(v);
        expect(m.startsWith(`${prefix}…`)).toBe(true);
        const tail = m.slice(prefix.length + 1);
        const hidden = v.length - prefix.length;
        const allowed = prefix.startsWith("-----") ? 0 : Math.min(MASK_TAIL_MAX, Math.floor(Math.max(hidden, 0) / 8));
        expect(tail.length).toBeLessThanOrEqual(allowed);
        expect(v.endsWith(tail)).toBe(true);
        // A prefix never stands for most of the value, and it is the longest catalog prefix that does not.
        expect(prefix.length * 2).toBeLessThanOrEqual(v.length);
        const candidates = KNOWN_PREFIXES.filter((p) => v.startsWith(p) && v.length >= p.length * 2);
        expect(prefix.length).toBe(Math.max(0, ...candidates.map((p) => p.length)));
      }),
      { numRuns: 500 },
    );
  });
});

/** The ways a key can be written in a program, each with the key split at `cut` where it is split. */
const PLACEMENTS = {
  literal: (key: string, before: string, after: string) => `export const value = ${JSON.stringify(`${before} ${key} ${after}`)};\n`,
  template: (key: string, before: string, after: string) => `export const value = \`${templateText(`${before} ${key} ${after}`)}\`;\n`,
  templateWithExpression: (key: string, before: string, after: string, cut: number) =>
    `declare const user: string;\nexport const value = \`\${user}${templateText(`${before} ${key.slice(0, cut)}`)}\${${JSON.stringify(key.slice(cut))}}${templateText(` ${after}`)}\`;\n`,
  templateWithConst: (key: string, before: string, after: string, cut: number) =>
    `const HEAD = ${JSON.stringify(key.slice(0, cut))};\nexport const value = \`${templateText(`${before} `)}\${HEAD}${templateText(`${key.slice(cut)} ${after}`)}\`;\n`,
  concatenation: (key: string, before: string, after: string, cut: number) =>
    `export const value = ${JSON.stringify(`${before} ${key.slice(0, cut)}`)} + ${JSON.stringify(`${key.slice(cut)} ${after}`)};\n`,
  concatenationWithConst: (key: string, before: string, after: string, cut: number) =>
    `const HEAD = ${JSON.stringify(key.slice(0, cut))};\nexport const value = HEAD + ${JSON.stringify(`${key.slice(cut)} ${after}`)};\n`,
  blockComment: (key: string, before: string, after: string) => `/* ${before} ${key} ${after} */\nexport {};\n`,
  lineComment: (key: string, before: string, after: string) =>
    key.includes("\n") ? `/* ${before} ${key} ${after} */\n` : `// ${before} ${key} ${after}\nexport {};\n`,
  jsxText: (key: string, before: string, after: string) =>
    key.includes("\n") ? `export const el = <p title=${JSON.stringify(`${before} ${key}`)} />;\n` : `export const el = <p>${before} ${key} ${after}</p>;\n`,
} satisfies Record<string, (key: string, before: string, after: string, cut: number) => string>;

describe("no-hardcoded-key through ESLint", () => {
  it("reports a key of any prefixed provider wherever it is written, and never shows it", () => {
    fc.assert(
      fc.property(
        keyArb,
        fc.constantFrom(...(Object.keys(PLACEMENTS) as (keyof typeof PLACEMENTS)[])),
        around,
        around,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (spec, placement, before, after, where) => {
          const { id, key } = keyOf(spec);
          const cut = 1 + Math.floor(where * (key.length - 1));
          const code = PLACEMENTS[placement](key, before, after, cut);
          const messages = lint(code, "input.tsx", ["keyguard/no-hardcoded-key"]);
          const context = show({ ...spec, placement, before, after, cut });
          expect(messages.filter((m) => m.fatal), context).toEqual([]);
          const provider = PROVIDERS.find((p) => p.id === id)!;
          expect(messages.some((m) => m.message.includes(provider.name)), context).toBe(true);
          for (const m of messages) {
            expect(revealsKey(JSON.stringify(m), key), context).toBe(false);
          }
        },
      ),
      RUNS,
    );
  });

  it("reports a key without a prefix where its name says which provider it belongs to", () => {
    const forms = [
      (name: string, key: string) => `const ${name} = ${JSON.stringify(key)};`,
      (name: string, key: string) => `export const config = { ${name}: ${JSON.stringify(key)} };`,
      (name: string, key: string) => `declare const o: Record<string, string>;\no.${name} = \`${key}\`;`,
      (name: string, key: string) => `export const k = process.env.${name} ?? ${JSON.stringify(key)};`,
    ];
    fc.assert(
      fc.property(fc.constantFrom(...contextual), fc.nat(1_000_000), fc.nat(forms.length - 1), (id, seed, form) => {
        const key = fakeKey(id, seed);
        const code = forms[form]!(CONTEXT_NAMES[id]!, key);
        const messages = lint(code, "input.ts", ["keyguard/no-hardcoded-key"]);
        const provider = PROVIDERS.find((p) => p.id === id)!;
        expect(messages.some((m) => m.message.includes(provider.name)), show({ id, seed, form })).toBe(true);
        for (const m of messages) expect(revealsKey(JSON.stringify(m), key)).toBe(false);
      }),
      RUNS,
    );
  });
});

// ------------------------------------------------------------------ generated programs

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(..."sk-proj_AIzaghp-----BEGIN PRIVATE KEY\n${}`\\\"'".split("")), maxLength: 60 }),
  keyMark,
);
const ident = fc.constantFrom("apiKey", "OPENAI_API_KEY", "cohereApiKey", "token", "x", "secretAccessKey", "mistralKey", "HEAD");

const expr: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? fc.oneof(
        anyText.map((s) => JSON.stringify(s)),
        anyText.map((s) => `\`${templateText(s)}\``),
        fc.constantFrom("1", "1n", "null", "true", "/a+b/u", "undefined", "process.env.OPENAI_API_KEY", "HEAD", "user", "0x1f", "[]"),
      )
    : fc.oneof(
        expr(depth - 1),
        fc.tuple(expr(depth - 1), expr(depth - 1)).map(([a, b]) => `${a} + ${b}`),
        fc.tuple(anyText, expr(depth - 1), anyText).map(([a, e, b]) => `\`${templateText(a)}\${${e}}${templateText(b)}\``),
        fc.tuple(ident, expr(depth - 1)).map(([k, v]) => `{ ${k}: ${v}, "quoted-${k}": ${v} }`),
        expr(depth - 1).map((e) => `new OpenAI({ apiKey: ${e} })`),
        expr(depth - 1).map((e) => `process.env.OPENAI_API_KEY ?? ${e}`),
        expr(depth - 1).map((e) => `(${e} as string)`),
        expr(depth - 1).map((e) => `[${e}, ...[${e}]]`),
        fc.tuple(anyText, expr(depth - 1)).map(([t, e]) => `<div title={${e}} data-x="${t.replace(/["\n\r]/g, " ")}">${t.replace(/[{}<>]/g, "")}</div>`),
      ),
);

const statement = fc.oneof(
  fc.tuple(ident, expr(3)).map(([n, e]) => `const ${n}_${Math.abs(n.length)} = ${e};`),
  fc.tuple(ident, expr(3)).map(([n, e]) => `obj.${n} = ${e};`),
  expr(3).map((e) => `call(${e});`),
  anyText.map((t) => `// ${t.replace(/[\n\r\u2028\u2029]/g, " ")}`),
  anyText.map((t) => `/* ${t.replace(/\*\//g, "")} */`),
  fc.tuple(ident, expr(2)).map(([n, e]) => `function f_${n}(${n} = ${e}) { return ${n}; }`),
  fc.tuple(ident, expr(2)).map(([n, e]) => `class C_${n} { ${n} = ${e}; static s = ${e}; }`),
);
const program = fc
  .array(statement, { minLength: 1, maxLength: 8 })
  .map((lines) => `declare const user: string, obj: any, call: any, OpenAI: any;\nconst HEAD = "sk-";\n${lines.join("\n")}\n`);

describe("generated programs", () => {
  it(`never crash any rule (${untypedRules.length} untyped rules at default options)`, () => {
    expect(untypedRules.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(program, (generated) => {
        const messages = lint(render(generated), "input.tsx");
        // The grammar only generates valid programs: a fatal message is a generator bug.
        expect(messages.filter((m) => m.fatal).map((m) => m.message), generated).toEqual([]);
      }),
      RUNS,
    );
  });

  it("arbitrary text as a source file gives parse errors or results, never an exception", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), program.map((p) => p.slice(0, p.length >> 1))), (generated) => {
        const code = render(generated);
        lint(code, "input.tsx");
        lint(code, "input.js");
      }),
      RUNS,
    );
  });
});
