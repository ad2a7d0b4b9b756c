// The redactor of keyguard/redact on its own: strings, serialised text, nested values of every
// kind, loaded values, hostile input. Keys are generated (tests/helpers/keys.ts); a failure names
// the masked key only.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { createRedactor, redact, redactText } from "../../src/redact/index.js";
import { secretFromEnv, secretFromFile, secretFromJson, unsafeSecretString } from "../../src/secret/index.js";
import { fakeKey, j } from "../helpers/keys.js";
import { expectNoSecret, expectShowsSecret, renderings } from "./helpers.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const OPENAI = fakeKey("openai-project", 101);
const ANTHROPIC = fakeKey("anthropic", 102);
const GITHUB = fakeKey("github-classic", 103);
const MISTRAL = fakeKey("mistral", 104);
const PEM = fakeKey("private-key", 105);
const KEYS = [OPENAI, ANTHROPIC, GITHUB, MISTRAL, PEM];

describe("redactText", () => {
  it("masks every key the detector finds and keeps the rest of the text", () => {
    const text = `calling openai with ${OPENAI}, anthropic=${ANTHROPIC}; token "${GITHUB}".`;
    const out = redactText(text);
    expect(out).toBe(`calling openai with ${mask(OPENAI)}, anthropic=${mask(ANTHROPIC)}; token "${mask(GITHUB)}".`);
  });

  it("leaves text without keys unchanged (the same string)", () => {
    const text = "GET /v1/models 200 12ms user=42 sk-proj-… placeholder";
    expect(redactText(text)).toBe(text);
    expect(redactText("")).toBe("");
  });

  it("finds a key right after a JSON or JavaScript escape (\\n, \\t, \\\", \\u0041)", () => {
    for (const before of ["\\n", "\\t", '\\"', "\\u0041", "\\\\", "\\x41"]) {
      const line = `{"msg":"line one${before}${OPENAI}${before}x"}`;
      expectNoSecret(redactText(line), [OPENAI], `a key after ${before}`);
    }
    // The serialised forms pino and winston write.
    const json = JSON.stringify({ msg: `first line\n${ANTHROPIC}\ttab\n${PEM}` });
    expectNoSecret(redactText(json), [ANTHROPIC, PEM], "a JSON line");
  });

  it("masks a PEM private key whole", () => {
    const out = redactText(`key:\n${PEM}\nend`);
    expectNoSecret(out, [PEM], "the PEM text");
    expect(out).toBe("key:\n-----BEGIN …\nend");
  });

  it("uses the detector options of createRedactor (extra patterns, allow list)", () => {
    const corp = j("corp", "_", "a8f3k2m9q7x1z5c4");
    const redactor = createRedactor({ detector: { extraPatterns: [{ name: "corp", pattern: "corp_[a-z0-9]{16}" }], allow: [GITHUB] } });
    const out = redactor.text(`${corp} ${GITHUB}`);
    expect(out).toBe(`${mask(corp)} ${GITHUB}`);
  });

  it("masks the values option wherever they appear, raw and JSON-escaped", () => {
    const password = 'hunter2-"quoted"-pass\nword';
    const redactor = createRedactor({ values: [password, "short"] });
    expect(redactor.text(`pw=${password}!`)).toBe(`pw=${mask(password)}!`);
    expectNoSecret(redactor.text(JSON.stringify({ pw: password })), [JSON.stringify(password).slice(1, -1)], "the JSON form");
    expect(redactor.text("a short word")).toBe("a short word");
  });

  it("rejects options that cannot work, with a clear message", () => {
    expect(() => createRedactor({ maxDepth: 0 })).toThrow(/maxDepth/);
    expect(() => createRedactor({ values: "x" as never })).toThrow(/values/);
    expect(() => createRedactor({ detector: { extraPatterns: [{ name: "bad", pattern: "(" }] } })).toThrow(/extraPatterns\[0\]/);
    expect(() => redactText(42 as never)).toThrow(/expected a string/);
  });
});

describe("values loaded by keyguard's loaders", () => {
  it("are masked even without a known format: env, NAME_FILE, JSON field, escape hatch", () => {
    const dir = mkdtempSync(join(tmpdir(), "keyguard-redact-"));
    try {
      const dbPassword = j("db-pass-", "Xq7v", "Lp2m", "Zr9w");
      const filePassword = j("file-pass-", "Mn4b", "Vc8x");
      const jsonToken = j("json-tok-", "Hg5f", "Dd3s");
      const hatch = j("hatch-", "Tt6y", "Uu1i");
      const path = join(dir, "db");
      writeFileSync(path, `${filePassword}\n`);
      secretFromEnv("DB_PASSWORD", { env: { DB_PASSWORD: dbPassword } });
      secretFromFile(path);
      secretFromJson(JSON.stringify({ token: jsonToken }), "token");
      unsafeSecretString(hatch);
      const values = [dbPassword, filePassword, jsonToken, hatch];
      // A plain redactor of the detector alone does not see them: the baseline.
      expectShowsSecret(createRedactor({ loaded: false }).text(`pw ${dbPassword}`), [dbPassword], "without the registry");
      const out = redactText(`connect user:${dbPassword}@db file=${filePassword}${jsonToken}/${hatch}`);
      expectNoSecret(out, values, "the redacted text");
      expect(out).toContain(mask(dbPassword));
      expectNoSecret(renderings(redact({ conn: { password: dbPassword }, list: [filePassword], [hatch]: jsonToken })), values, "the redacted object");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a loaded multi-line value is masked in its JSON-escaped form too", () => {
    const multi = j("line-one-", "Ab3d\n", "line-two-", "Ef5g");
    secretFromEnv("MULTI", { env: { MULTI: multi } });
    expectNoSecret(redactText(JSON.stringify({ v: multi })), [JSON.stringify(multi).slice(1, -1), multi], "the JSON line");
  });

  it("values under 8 characters are not remembered (they would mask ordinary words)", () => {
    secretFromEnv("TINY", { env: { TINY: "abc123" } });
    expect(redactText("abc123 stays")).toBe("abc123 stays");
  });
});

describe("redact (values)", () => {
  it("copies nested objects, arrays, Maps and Sets, masking every string and property name, without changing the input", () => {
    const input = {
      user: "ada",
      count: 3,
      nested: { deeper: [1, `bearer ${OPENAI}`, { [ANTHROPIC]: true }] },
      map: new Map<unknown, unknown>([
        [GITHUB, "as a Map key"],
        ["k", { value: ANTHROPIC }],
      ]),
      set: new Set([OPENAI, 7]),
      date: new Date(0),
      nothing: null,
      undef: undefined,
      fn: () => 1,
    };
    const before = inspect(input, { depth: Infinity });
    const out = redact(input);
    expect(inspect(input, { depth: Infinity })).toBe(before);
    expectNoSecret(renderings(out), KEYS, "the redacted copy");
    expect(out).not.toBe(input);
    expect(out.user).toBe("ada");
    expect(out.count).toBe(3);
    expect(out.nested.deeper[1]).toBe(`bearer ${mask(OPENAI)}`);
    expect(Object.keys(out.nested.deeper[2] as object)).toEqual([mask(ANTHROPIC)]);
    expect([...out.map.keys()]).toEqual([mask(GITHUB), "k"]);
    expect(out.set.has(mask(OPENAI))).toBe(true);
    expect(out.date).toBe(input.date);
    expect(out.fn).toBe(input.fn);
    expect("undef" in out).toBe(true);
  });

  it("finds a prefix-less key by the property name that holds it", () => {
    const out = redact({ mistralApiKey: MISTRAL, MISTRAL_API_KEY: MISTRAL, note: MISTRAL });
    expect(out.mistralApiKey).toBe(mask(MISTRAL));
    expect(out.MISTRAL_API_KEY).toBe(mask(MISTRAL));
    // Without a name that says which provider, a random 32-character string is not a key.
    expect(out.note).toBe(MISTRAL);
  });

  it("returns a part without any key as it is, and copies only the objects on the way to a key", () => {
    const clean = { req: { id: "req-1", url: "/v1/models", tags: ["a", "b"] }, when: new Date(0), map: new Map([["k", { n: 1 }]]), set: new Set(["x"]) };
    expect(redact(clean)).toBe(clean);
    const error = Object.assign(new Error("connection reset"), { code: "ECONNRESET" });
    expect(redact(error)).toBe(error);
    expect(redact([clean, error])[0]).toBe(clean);
    const keyed = { clean, ctx: { auth: `Bearer ${OPENAI}`, other: { n: 1 } }, list: [1, { token: GITHUB }] };
    const out = redact(keyed);
    expect(out).not.toBe(keyed);
    expect(out.clean).toBe(clean);
    expect(out.ctx).not.toBe(keyed.ctx);
    expect(out.ctx.other).toBe(keyed.ctx.other);
    expect(out.list).not.toBe(keyed.list);
    expectNoSecret(renderings(out), KEYS, "the copy");
    // NaN is NaN: a number never makes a copy.
    const numbers = { nan: Number.NaN, list: [Number.NaN] };
    expect(redact(numbers)).toBe(numbers);
  });

  it("keeps a cycle without any key as a cycle", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    a.list = [a];
    const out = redact(a);
    expect(out.self).toBe(out);
    expect((out.list as unknown[])[0]).toBe(out);
    expect(out.name).toBe("a");
  });

  it("keeps a cycle as a cycle wherever the key stands: before the cycle, after it, in arrays and in Maps", () => {
    const before: Record<string, unknown> = { key: OPENAI };
    before.self = before;
    const after: Record<string, unknown> = { self: undefined, key: OPENAI };
    after.self = after;
    const list: unknown[] = [];
    list.push(list, OPENAI, list);
    const early: unknown[] = [OPENAI];
    early.push({ back: early });
    const map = new Map<string, unknown>([["token", GITHUB]]);
    map.set("self", map);
    for (const [what, input, self] of [
      ["key, then the cycle", before, (o: any) => o.self],
      ["the cycle, then the key", after, (o: any) => o.self],
      ["an array holding itself twice", list, (o: any) => o[2]],
      ["an array reached back from an object", early, (o: any) => o[1].back],
      ["a Map holding itself", map, (o: any) => o.get("self")],
    ] as const) {
      // Identity is compared as booleans: a failed toBe would print the cyclic values.
      const out = redact(input);
      expect(out === input, what).toBe(false);
      expect(self(out) === out, what).toBe(true);
      expectNoSecret(renderings(out), KEYS, what);
    }
    const copy = redact(list) as unknown[];
    expect(copy[0] === copy).toBe(true);
  });

  it("keeps cycles and shared references as cycles and shared references", () => {
    const a: Record<string, unknown> = { key: OPENAI };
    const shared = { token: GITHUB };
    a.self = a;
    a.list = [a, shared, shared];
    const out = redact(a);
    expect(out.self).toBe(out);
    const list = out.list as unknown[];
    expect(list[0]).toBe(out);
    expect(list[1]).toBe(list[2]);
    expectNoSecret(renderings(out), KEYS, "the cyclic copy");
  });

  it("copies an Error with its message, stack, cause chain, own properties and AggregateError errors", () => {
    const root = Object.assign(new Error(`upstream said ${ANTHROPIC}`), { code: "E_AUTH", headers: { authorization: `Bearer ${OPENAI}` } });
    const middle = new TypeError(`retrying with ${GITHUB}`, { cause: root });
    const top = new AggregateError([middle, new Error(PEM)], `all failed ${OPENAI}`, { cause: middle });
    const before = renderings(top);
    expectShowsSecret(before, [ANTHROPIC], "the original error");
    const out = redact(top);
    expect(out).toBeInstanceOf(AggregateError);
    expect(out.cause).toBeInstanceOf(TypeError);
    expect((out.cause as Error).cause).toBeInstanceOf(Error);
    expect(((out.cause as Error).cause as { code: string }).code).toBe("E_AUTH");
    expect(out.message).toBe(`all failed ${mask(OPENAI)}`);
    expect(out.stack).toContain(`all failed ${mask(OPENAI)}`);
    expect(Object.keys(out)).toEqual(Object.keys(top));
    expectNoSecret(renderings(out), KEYS, "the redacted error");
    expect(renderings(top)).toBe(before);
  });

  it("masks keys inside Buffers and Uint8Arrays, byte for byte, and returns the same kind", () => {
    const binary = Buffer.concat([Buffer.from([0xff, 0x00, 0xfe]), Buffer.from(` ${OPENAI} `), Buffer.from([0x80])]);
    const out = redact({ body: binary, raw: new Uint8Array(Buffer.from(`x ${GITHUB}`)) });
    expect(Buffer.isBuffer(out.body)).toBe(true);
    expect(out.raw).toBeInstanceOf(Uint8Array);
    expectNoSecret(out.body.toString("latin1"), [OPENAI], "the Buffer");
    expectNoSecret(Buffer.from(out.raw).toString("latin1"), [GITHUB], "the Uint8Array");
    expect([...out.body.subarray(0, 3)]).toEqual([0xff, 0x00, 0xfe]);
    expect(out.body.toString("utf8")).toContain(mask(OPENAI));
    expect(binary.toString("latin1")).toContain(OPENAI);
    const clean = Buffer.from("nothing to see here");
    expect(redact(clean)).toBe(clean);
  });

  it("keeps the prototype of class instances and symbol-keyed properties (winston's info)", () => {
    class Request {
      constructor(readonly url: string, readonly auth: string) {}
      describe() {
        return `request to ${this.url}`;
      }
    }
    const level = Symbol.for("level");
    const out = redact({ req: new Request("/v1", `Bearer ${OPENAI}`), [level]: "info", [Symbol.for("message")]: `m ${GITHUB}` });
    expect(out.req).toBeInstanceOf(Request);
    expect(out.req.describe()).toBe("request to /v1");
    expect(out.req.auth).toBe(`Bearer ${mask(OPENAI)}`);
    expect(out[level]).toBe("info");
    expect((out as Record<symbol, unknown>)[Symbol.for("message")]).toBe(`m ${mask(GITHUB)}`);
  });

  it("survives getters that throw, huge strings, deep nesting and primitives", () => {
    const hostile = Object.defineProperty({ ok: OPENAI }, "bad", {
      enumerable: true,
      get() {
        throw new Error("getter failed");
      },
    });
    const out = redact(hostile);
    expect(out.ok).toBe(mask(OPENAI));
    expect((out as Record<string, unknown>).bad).toBe("[Redacted: getter threw]");

    const huge = `${"log line without keys ".repeat(400_000)}${OPENAI} ${"x".repeat(1_000_000)} ${ANTHROPIC}`;
    const redactedHuge = redact({ huge }).huge;
    expect(redactedHuge.length).toBe(huge.length - OPENAI.length - ANTHROPIC.length + mask(OPENAI).length + mask(ANTHROPIC).length);
    expectNoSecret(redactedHuge.slice(-200), [ANTHROPIC], "the end of a huge string");

    let deep: Record<string, unknown> = { key: OPENAI };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    const deepOut = redact(deep);
    expectNoSecret(JSON.stringify(deepOut), [OPENAI], "a 100,000-deep object");
    expect(JSON.stringify(deepOut)).toContain("[Redacted: too deep]");

    const list = Array.from({ length: 200_000 }, (_, i) => (i % 1000 === 0 ? OPENAI : i));
    expectNoSecret(JSON.stringify(redact(list)), [OPENAI], "a long array");

    for (const v of [undefined, null, 0, 1n, true, Symbol("s")]) expect(redact(v)).toBe(v);
  });

  it("maxDepth stops the walk at the given depth without showing what is below", () => {
    const out = createRedactor({ maxDepth: 2 }).value({ a: { b: { c: { key: OPENAI } } } });
    // The input is depth 0; the object at depth 3 is not walked.
    expect(JSON.stringify(out)).toBe('{"a":{"b":{"c":"[Redacted: too deep]"}}}');
  });
});

describe("the registry of loaded values", () => {
  it("masks a longer value whole where a shorter one is its beginning, and overlapping values together", () => {
    const short = j("shared-", "Pw9k", "Lm3n");
    const long = `${short}${j("-Ext", "Qr7s")}`;
    const other = j("Lm3n-", "Zz8x", "Yy2w");
    unsafeSecretString(short);
    unsafeSecretString(long);
    unsafeSecretString(other);
    expect(redactText(`a ${long} b`)).toBe(`a ${mask(long)} b`);
    expect(redactText(`a ${short} b`)).toBe(`a ${mask(short)} b`);
    // `short` ends where `other` begins: the two are masked as one span.
    const joined = `${short}${other.slice(4)}`;
    expectNoSecret(redactText(`x ${joined} y`), [short, other], "overlapping values");
  });
});
