// Every catalog provider, against keys in its real published format (tests/helpers/keys.ts, which
// is written independently of the catalog) and against the near misses that must not be reported.
import { describe, expect, it } from "vitest";
import { createDetector, mask, PROVIDERS, type Finding, type Provider } from "../../../src/detect/index.js";
import { ALNUM, BASE32, CONTEXT_NAMES, fakeKey, HEXLOWER, j, LOWERNUM, KEY_BUILDERS, rawChars, rawKey, rng, UPPERNUM, URLSAFE } from "../../helpers/keys.js";

const detector = createDetector();
const SEEDS = [1, 2, 3, 7, 42];

/** Where the catalog's prefix starts in a generated key (after text such as a connection string's first fields). */
function lead(provider: Provider, key: string): number {
  const offsets = provider.prefixes.map((p) => key.indexOf(p)).filter((i) => i >= 0);
  return offsets.length > 0 ? Math.min(...offsets) : 0;
}

/**
 * The prefix, the token the finding covers and the prefix its masked form shows: the token starts
 * at the prefix, after it for a prefix that only marks the place (`AccountKey=`), and at the key's
 * start for a format with characters before its literal (Mailchimp's hex digits before `-us`).
 */
function parts(provider: Provider, key: string) {
  const at = lead(provider, key);
  const prefix = provider.prefixes.filter((p) => key.startsWith(p, at)).sort((a, b) => b.length - a.length)[0] ?? "";
  const start = provider.before ? 0 : provider.place ? at + prefix.length : at;
  const token = key.slice(start);
  const shown = provider.before || provider.place ? "" : prefix;
  return { start, token, prefix: shown, literal: prefix, body: key.slice(at + prefix.length) };
}

/** Formats whose span is not simply prefix and body (a place, a part before the literal, what follows). */
const composite = (p: Provider) => p.before !== undefined || p.place === true || p.follow !== undefined;

/** A character outside a body's alphabet, preferring word characters (they do not end a token). */
function outside(chars: string): string {
  const cls = new RegExp(`[${chars}]`);
  const candidate = ["G", "g", "_", "-", ".", "~"].find((c) => !cls.test(c));
  if (!candidate) throw new Error(`no character outside [${chars}]`);
  return candidate;
}

/** The assertions every finding of a key must meet: provider, exact span, masked form. */
function expectFinding(findings: Finding[], provider: Provider, text: string, token: string, prefix: string) {
  expect(findings.map((f) => f.providerId)).toEqual([provider.id]);
  const f = findings[0]!;
  expect(text.slice(f.start, f.end) === token, `span of ${f.masked}`).toBe(true);
  expect(f.providerName).toBe(provider.name);
  expect(f.envVar).toBe(provider.envVar);
  expectMasked(f.masked, token, prefix);
}

/** prefix + `…` + at most four trailing characters, and never more of the key. */
function expectMasked(masked: string, token: string, prefix: string) {
  expect(masked.startsWith(`${prefix}…`)).toBe(true);
  const tail = masked.slice(prefix.length + 1);
  expect(tail.length).toBeLessThanOrEqual(4);
  expect(token.endsWith(tail)).toBe(true);
  expect(masked === token).toBe(false);
  expect(masked).toBe(mask(token, prefix));
}

const notFound = (text: string) => detector.scan(text).map((f) => `${f.providerId} ${f.masked}`);

/**
 * Near misses of `provider`'s key, less the findings of a provider that shares a prefix with it
 * (Stripe's and Paystack's `sk_live_`): a Paystack key with a letter changed is a Stripe key shape.
 */
const nearMissFound = (provider: Provider, text: string) => {
  const sharing = new Set(PROVIDERS.filter((p) => p.id !== provider.id && p.prefixes.some((x) => provider.prefixes.includes(x))).map((p) => p.id));
  return detector
    .scan(text)
    .filter((f) => !sharing.has(f.providerId))
    .map((f) => `${f.providerId} ${f.masked}`);
};

describe("the key generators cover the catalog", () => {
  it("has a generator for every provider, and none for a provider that does not exist", () => {
    const ids = PROVIDERS.map((p) => p.id);
    expect(ids.filter((id) => !(id in KEY_BUILDERS))).toEqual([]);
    expect(Object.keys(KEY_BUILDERS).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it("has an identifier name for every provider without a prefix", () => {
    const prefixless = PROVIDERS.filter((p) => p.prefixes.length === 0).map((p) => p.id);
    expect(prefixless.filter((id) => !(id in CONTEXT_NAMES))).toEqual([]);
    expect(prefixless.length).toBeGreaterThan(0);
  });

  it("has at least 35 providers with unique ids", () => {
    expect(PROVIDERS.length).toBeGreaterThanOrEqual(35);
    expect(new Set(PROVIDERS.map((p) => p.id)).size).toBe(PROVIDERS.length);
  });
});

/** Keys per provider in the randomness sweep: a miss rate of 1 in 1,000 fails it almost surely. */
const SWEEP = 2_000;

describe("no real key is missed: every provider, 2,000 uniformly drawn keys each (seeded)", () => {
  it.each(PROVIDERS.map((p) => [p.id, p] as const))("%s", (_id, provider) => {
    const missed: string[] = [];
    for (let seed = 1; seed <= SWEEP; seed++) {
      const key = rawKey(provider.id, seed);
      const found =
        provider.prefixes.length > 0
          ? detector.scan(key).some((f) => f.providerId === provider.id && f.end === key.length)
          : detector.scanNamed(CONTEXT_NAMES[provider.id]!, key)?.providerId === provider.id;
      if (!found) missed.push(`seed ${seed}: ${mask(key)}`);
    }
    expect(missed).toEqual([]);
  });
});

const withPrefix = PROVIDERS.filter((p) => p.prefixes.length > 0);
const prefixless = PROVIDERS.filter((p) => p.prefixes.length === 0);

describe.each(withPrefix.map((p) => [p.id, p] as const))("provider %s", (_id, provider) => {
  it.each(SEEDS)("finds a key (seed %i) alone, in text, after Bearer, and in JSON", (seed) => {
    const key = fakeKey(provider.id, seed);
    const { start, token, prefix } = parts(provider, key);
    let findings = detector.scan(key);
    expectFinding(findings, provider, key, token, prefix);
    expect(findings[0]!.start).toBe(start);
    expect(findings[0]!.end).toBe(key.length);

    const text = `the key is ${key} (rotate it monthly)`;
    findings = detector.scan(text);
    expectFinding(findings, provider, text, token, prefix);
    expect(findings[0]!.start).toBe(11 + start);

    const bearer = `Authorization: Bearer ${key}`;
    expectFinding(detector.scan(bearer), provider, bearer, token, prefix);

    const json = JSON.stringify({ apiKey: key, model: "gpt-4o" });
    const escaped = JSON.stringify(token).slice(1, -1);
    findings = detector.scan(json);
    expectFinding(findings, provider, json, escaped, prefix);
    expect(findings[0]!.start).toBe(json.indexOf(escaped));
  });

  it("finds two keys in one text, each once", () => {
    const a = fakeKey(provider.id, 11);
    const b = fakeKey(provider.id, 12);
    expect(detector.scan(`${a}\n${b}`).map((f) => f.providerId)).toEqual([provider.id, provider.id]);
  });

  if (!composite(provider)) {
    it("does not find a key one character short of the format", () => {
      for (const seed of SEEDS) {
        const { token, prefix, body } = parts(provider, fakeKey(provider.id, seed));
        const short = prefix + body.slice(0, provider.body.min - 1);
        expect(short.length).toBe(token.length - (body.length - provider.body.min) - 1);
        expect(notFound(`key = "${short}"`)).toEqual([]);
      }
    });

    it("does not find a key with a character outside its alphabet", () => {
      for (const seed of SEEDS) {
        const { prefix, body } = parts(provider, fakeKey(provider.id, seed));
        const at = Math.floor(provider.body.min / 2);
        const wrong = prefix + body.slice(0, at) + outside(provider.body.chars) + body.slice(at + 1);
        expect(nearMissFound(provider, `key = "${wrong}"`)).toEqual([]);
      }
    });

    it("does not find a key preceded or followed by a word character", () => {
      for (const seed of SEEDS) {
        const { token: whole } = parts(provider, fakeKey(provider.id, seed));
        // a webhook URL is found without its scheme too: test the bare host form
        const token = provider.prefixes.some((p) => p.startsWith("hooks.")) ? whole.slice(whole.indexOf("hooks.")) : whole;
        expect(notFound(`x${token}`)).toEqual([]);
        expect(notFound(`0${token}`)).toEqual([]);
        expect(notFound(`_${token}`)).toEqual([]);
        if (!new RegExp(`[${provider.body.chars}]`).test("Z") && provider.validate === undefined) {
          expect(nearMissFound(provider, `${token}Z`)).toEqual([]);
        }
      }
    });
  }

  it("does not find placeholders with the provider's prefix", () => {
    const { literal: prefix, body } = parts(provider, fakeKey(provider.id, 1));
    const n = body.length;
    const fill = (word: string) => prefix + (word.repeat(Math.ceil(n / word.length))).slice(0, n);
    const placeholders = [
      j(prefix, "..."),
      j(prefix, "…"),
      j(prefix, "<your-key>"),
      j(prefix, "${API_KEY}"),
      j(prefix, "{{ secrets.API_KEY }}"),
      fill("x"),
      fill("X"),
      fill("0"),
      fill("a"),
      fill("YOUR_KEY_HERE_"),
      fill("your-api-key-"),
      prefix + body.slice(0, 4) + "EXAMPLE" + body.slice(11),
      prefix + body.slice(0, 4) + "example" + body.slice(11),
      prefix + body.slice(0, 4) + "xxxxxx" + body.slice(10),
      prefix + body.slice(0, 2) + "abcdefghij" + body.slice(12),
      prefix + body.slice(0, 2) + "0123456789" + body.slice(12),
    ];
    for (const p of placeholders) expect(notFound(`const key = "${p}";`)).toEqual([]);
  });
});

describe("format-specific near misses", () => {
  it.each(["github-classic", "npm"])("%s: a wrong checksum is not a token", (id) => {
    for (const seed of SEEDS) {
      const key = fakeKey(id, seed);
      const last = key.at(-1)!;
      const flipped = key.slice(0, -1) + (last === "A" ? "B" : "A");
      expect(notFound(flipped)).toEqual([]);
      // the checksum covers the body too
      const body = key.slice(0, 10) + (key[10] === "A" ? "B" : "A") + key.slice(11);
      expect(notFound(body)).toEqual([]);
      expect(detector.scan(key)).toHaveLength(1);
    }
  });

  it.each(["openai-project", "openai-service-account", "openai-admin", "openai-legacy"])(
    "%s: a key without the T3BlbkFJ marker is not a key",
    (id) => {
      const marker = j("T3Blbk", "FJ");
      for (const seed of SEEDS) {
        const key = fakeKey(id, seed);
        expect(key).toContain(marker);
        expect(notFound(key.replace(marker, "Qx7rKp2M"))).toEqual([]);
      }
    },
  );

  const separators: [string, string][] = [
    ["langsmith", "_"],
    ["sendgrid", "."],
    ["postman", "-"],
    ["github-fine-grained", "_"],
  ];
  it.each(separators)("%s: a key without its separator at the fixed offset is not a key", (id, separator) => {
    const provider = PROVIDERS.find((p) => p.id === id)!;
    for (const seed of SEEDS) {
      const key = fakeKey(id, seed);
      const prefix = provider.prefixes.find((p) => key.startsWith(p))!;
      const at = key.lastIndexOf(separator);
      expect(at).toBeGreaterThan(prefix.length);
      // the separator replaced by a body character, and moved one place along
      expect(notFound(key.slice(0, at) + "a" + key.slice(at + 1))).toEqual([]);
      const moved = key.slice(0, at - 1) + separator + key[at - 1] + key.slice(at + 1);
      expect(notFound(moved)).toEqual([]);
      expect(detector.scan(key)).toHaveLength(1);
    }
  });

  it("slack-webhook: a URL with the wrong shape is not a webhook", () => {
    const key = fakeKey("slack-webhook", 1);
    expect(notFound(key.replace("/services/T", "/services/X"))).toEqual([]);
    expect(notFound(key.replace("/B", "/Q"))).toEqual([]);
    expect(notFound(`${key.slice(0, -1)}`)).toEqual([]);
    // A secret that repeats a unit (secretlint's documentation writes one so) is a placeholder.
    const secret = key.slice(key.lastIndexOf("/") + 1);
    expect(notFound(key.replace(secret, secret.slice(0, 12).repeat(2)))).toEqual([]);
  });

  it("private-key: a PEM header without a body is not a key", () => {
    const header = j("-----BEGIN ", "RSA PRIVATE KEY-----");
    expect(notFound(header)).toEqual([]);
    expect(notFound(`${header}\n`)).toEqual([]);
    expect(notFound(`${header}\n-----END RSA PRIVATE KEY-----`)).toEqual([]);
    expect(notFound(`const HEADER = "${header}";`)).toEqual([]);
    expect(notFound(`if (pem.startsWith("${j("-----BEGIN ", "PRIVATE KEY")}")) parse(pem);`)).toEqual([]);
    // a body too short, or of one repeated character, is a placeholder
    expect(notFound(`${header}\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----`)).toEqual([]);
    expect(notFound(`${header}\n${"A".repeat(64)}\n${"A".repeat(64)}\n-----END RSA PRIVATE KEY-----`)).toEqual([]);
    // a body elided in documentation: `MIIE…Q. -----END …`
    const body = fakeKey("private-key", 3).split("\n")[1]!;
    expect(notFound(`${header} ${body}. -----END RSA PRIVATE KEY-----`)).toEqual([]);
    expect(notFound(`${header}\n${body}...\n-----END RSA PRIVATE KEY-----`)).toEqual([]);
    expect(notFound(`${header}\n${body}…`)).toEqual([]);
    expect(notFound(`${header}${body}\\\\n.-----END RSA PRIVATE KEY-----`)).toEqual([]);
    // a block whose line breaks are escaped twice (a JSON string inside a string) is found
    const twice = fakeKey("private-key", 4).replaceAll("\n", "\\\\n");
    expect(detector.scan(twice).map((f) => [f.providerId, f.end])).toEqual([["private-key", twice.length]]);
    // public keys and certificates are not secrets
    const key = fakeKey("private-key", 1);
    expect(notFound(key.replaceAll("RSA PRIVATE KEY", "PUBLIC KEY"))).toEqual([]);
    expect(notFound(key.replaceAll("RSA PRIVATE KEY", "CERTIFICATE"))).toEqual([]);
  });

  it("private-key: a block without its footer ends at its last base64 character", () => {
    const key = fakeKey("private-key", 2);
    const noFooter = key.slice(0, key.indexOf("\n-----END"));
    const text = `${noFooter}"; // end of the literal`;
    const [f] = detector.scan(text);
    expect(f?.end).toBe(noFooter.length);
    expect(f?.masked).toBe(j("-----BEGIN ", "…"));
  });

  it("openai-legacy: prefixes of other providers inside longer words are not keys", () => {
    const body = fakeKey("openai-legacy", 1).slice(3);
    for (const word of ["task-", "desk-", "risk-", "disk-", "ask-"]) expect(notFound(word + body)).toEqual([]);
  });
});

describe.each(prefixless.map((p) => [p.id, p] as const))("provider %s (no prefix)", (_id, provider) => {
  const name = CONTEXT_NAMES[provider.id]!;

  it.each(SEEDS)("is found by its name (seed %i), and only by its name", (seed) => {
    const key = fakeKey(provider.id, seed);
    expect(notFound(key)).toEqual([]);
    expect(notFound(`the value is ${key}`)).toEqual([]);
    const f = detector.scanNamed(name, key);
    expect(f?.providerId).toBe(provider.id);
    expect(f?.start).toBe(0);
    expect(f?.end).toBe(key.length);
    expectMasked(f!.masked, key, "");
    expect(f!.masked.length).toBeLessThanOrEqual(5);
    // surrounding blanks are not part of the key
    const padded = detector.scanNamed(name, ` ${key} `);
    expect([padded?.start, padded?.end]).toEqual([1, key.length + 1]);
    // the cheap shape test that callers run before looking for a name agrees
    expect(detector.hasNamedShape(key)).toBe(true);
    expect(detector.hasNamedShape(` ${key} `)).toBe(true);
  });

  it("has no named shape when the value is broken by a space or is a sentence", () => {
    const key = fakeKey(provider.id, 2);
    expect(detector.hasNamedShape(`${key.slice(0, 8)} ${key.slice(9)}`)).toBe(false);
    expect(detector.hasNamedShape(`the ${name} is read from the environment`)).toBe(false);
  });

  it("is not found under a name that does not say whose key it is", () => {
    const key = fakeKey(provider.id, 1);
    for (const other of ["checksum", "hash", "id", "value", "commitSha", "requestId", "etag", "data"]) {
      expect(detector.scanNamed(other, key)).toBeUndefined();
    }
  });

  it("is not found when the value is a near miss", () => {
    const key = fakeKey(provider.id, 1);
    // A generic name (`TWILIO_AUTH_TOKEN` ends in `authtoken`) still finds a random value as a generic secret.
    const notThis = (value: string) => expect(detector.scanNamed(name, value)?.providerId).not.toBe(provider.id);
    notThis(key.slice(0, provider.body.min - 1));
    notThis(key.repeat(Math.ceil((provider.body.max + 1) / key.length)).slice(0, provider.body.max + 1));
    const at = Math.floor(key.length / 2);
    notThis(key.slice(0, at) + "~" + key.slice(at + 1));
    const n = key.length;
    for (const word of ["x", "0", "YOUR_KEY_HERE", "your-api-key"]) {
      expect(detector.scanNamed(name, word.repeat(n).slice(0, n))).toBeUndefined();
    }
    expect(detector.scanNamed(name, `${key.slice(0, 6)}EXAMPLE${key.slice(13)}`)).toBeUndefined();
    expect(detector.scanNamed(name, "${" + name + "}")).toBeUndefined();
  });
});

describe("formats are as strict as their documentation", () => {
  const hexOf = (n: number, seed: number) => rawChars(rng(seed), HEXLOWER, n);

  it("openai-admin: the marker sits after 58 or 74 characters, nowhere else", () => {
    const marker = j("T3Blbk", "FJ");
    const next = rng(5);
    const at = (before: number, after: number) => j("sk-", "admin-", rawChars(next, URLSAFE, before), marker, rawChars(next, URLSAFE, after));
    expect(detector.scan(at(74, 74)).map((f) => f.providerId)).toEqual(["openai-admin"]);
    expect(detector.scan(at(58, 58)).map((f) => f.providerId)).toEqual(["openai-admin"]);
    expect(notFound(at(60, 88))).toEqual([]);
    expect(notFound(at(74, 60))).toEqual([]);
  });

  it("gitlab-pipeline-trigger: exactly 40 hex digits", () => {
    expect(notFound(j("gl", "ptt-", hexOf(39, 1)))).toEqual([]);
    expect(notFound(j("gl", "ptt-", hexOf(41, 2)))).toEqual([]);
    expect(notFound(j("gl", "ptt-", rawChars(rng(3), URLSAFE, 40)))).toEqual([]);
  });

  it("pinecone: both segments, each of its length", () => {
    const next = rng(4);
    expect(notFound(j("pc", "sk__", rawChars(next, ALNUM, 63)))).toEqual([]);
    expect(notFound(j("pc", "sk_", rawChars(next, ALNUM, 70)))).toEqual([]);
    expect(notFound(j("pc", "sk_", rawChars(next, ALNUM, 6), "_", rawChars(next, ALNUM, 20)))).toEqual([]);
  });

  it("aws-access-key: base32 bodies only, so words with years are not keys", () => {
    expect(notFound(j("ASIA", "PACIFIC", "SALES", "2024"))).toEqual([]);
    expect(notFound(j("AKIA", "0189", rawChars(rng(5), BASE32, 12)))).toEqual([]);
    // a real id without a digit (1 in 28) is found
    expect(detector.scan(j("AKIA", "QWERTZUIOPASDFGH")).map((f) => f.providerId)).toEqual(["aws-access-key"]);
  });

  it("aws-access-key: a body written in words is no key", () => {
    expect(notFound(j("AKIA", "NOTAREAL", "KEYATALL"))).toEqual([]);
  });

  it("formats whose alphabet is lower case or hex take such bodies for keys, not for hashes", () => {
    const next = rng(21);
    expect(detector.scan(j("gl", "imt-", rawChars(next, LOWERNUM, 25))).map((f) => f.providerId)).toEqual(["gitlab-incoming-mail"]);
    expect(detector.scan(j("gl", "oas-", rawChars(next, HEXLOWER, 64))).map((f) => f.providerId)).toEqual(["gitlab-oauth-secret"]);
    expect(detector.scanNamed("CLOUDFLARE_API_KEY", rawChars(next, HEXLOWER, 37))?.providerId).toBe("cloudflare-global-key-legacy");
    // but not under another name, nor with a 32-digit hash
    expect(detector.scanNamed("CACHE_KEY", rawChars(next, HEXLOWER, 37))).toBeUndefined();
    expect(detector.scanNamed("CLOUDFLARE_API_KEY", rawChars(next, HEXLOWER, 32))).toBeUndefined();
  });

  it("gitlab incoming mail: a 128-bit number in base 36, so 1 token in 15 is shorter than 25 characters", () => {
    const next = rng(23);
    const ids = (text: string) => detector.scan(text).map((f) => f.providerId);
    for (const length of [22, 23, 24, 25]) expect(ids(j("gl", "imt-", rawChars(next, LOWERNUM, length))), `${length}`).toEqual(["gitlab-incoming-mail"]);
    // GitLab's own generator, 2,000 times: none is missed
    let missed = 0;
    for (let i = 0; i < 2000; i++) if (ids(j("gl", "imt-", BigInt(`0x${rawChars(next, HEXLOWER, 32)}`).toString(36))).length !== 1) missed++;
    expect(missed).toBe(0);
    expect(ids(j("gl", "imt-", rawChars(next, LOWERNUM, 26)))).toEqual([]);
  });

  it("slack: every token kind, of every documented segment count, 500 each", () => {
    const next = rng(25);
    const digits = (n: number) => rawChars(next, "0123456789", n);
    const kinds: Record<string, () => string> = {
      "bot, three segments": () => j("xo", "xb-", digits(13), "-", digits(13), "-", rawChars(next, ALNUM, 24)),
      "legacy bot, two segments": () => j("xo", "xb-", digits(12), "-", rawChars(next, ALNUM, 24)),
      "user, four segments": () => j("xo", "xp-", digits(12), "-", digits(13), "-", digits(13), "-", rawChars(next, HEXLOWER, 32)),
      "legacy workspace app (xoxa-2)": () => j("xo", "xa-2-", digits(9), "-", digits(11), "-", digits(13), "-", rawChars(next, HEXLOWER, 18)),
      "workspace app (xoxa)": () => j("xo", "xa-", digits(1), "-", rawChars(next, ALNUM, 40)),
      "workspace refresh (xoxr)": () => j("xo", "xr-", rawChars(next, ALNUM, 40)),
      "legacy (xoxo)": () => j("xo", "xo-", digits(10), "-", digits(10), "-", digits(10), "-", rawChars(next, HEXLOWER, 10)),
      "legacy (xoxs)": () => j("xo", "xs-", digits(12), "-", digits(12), "-", digits(12), "-", rawChars(next, HEXLOWER, 64)),
      "rotation refresh (xoxe-1)": () => j("xo", "xe-1-", rawChars(next, ALNUM, 146)),
      "configuration (xoxe.xoxp)": () => j("xo", "xe.", "xo", "xp-1-", rawChars(next, ALNUM, 163)),
    };
    for (const [kind, make] of Object.entries(kinds)) {
      let missed = 0;
      for (let i = 0; i < 500; i++) if (detector.scan(make()).map((f) => f.providerId).join() !== "slack-token") missed++;
      expect(missed, kind).toBe(0);
    }
  });

  it("nuget: lower-case base32 only (no 0, 1, 8, 9); dropbox: sl. and sl.u. tokens", () => {
    const next = rng(24);
    const base32 = "abcdefghijklmnopqrstuvwxyz234567";
    expect(detector.scan(j("oy", "2", rawChars(next, base32, 43))).map((f) => f.providerId)).toEqual(["nuget"]);
    expect(notFound(j("oy", "2", rawChars(next, base32, 42), "0"))).toEqual([]);
    expect(notFound(j("oy", "2", rawChars(next, base32, 20), "8", rawChars(next, base32, 22)))).toEqual([]);
    for (const prefix of [j("s", "l."), j("s", "l.u.")])
      expect(detector.scan(j(prefix, rawChars(next, URLSAFE, 150))).map((f) => [f.providerId, f.start])).toEqual([["dropbox-short-lived", 0]]);
  });

  it("doppler: service tokens name their config; heroku: HRKU- and 60 characters", () => {
    const next = rng(22);
    for (const config of ["dev", "prd", "stg_eu"])
      expect(detector.scan(j("dp", ".st.", config, ".", rawChars(next, ALNUM, 43))).map((f) => f.providerId)).toEqual(["doppler"]);
    expect(notFound(j("dp", ".st.", "dev.", rawChars(next, ALNUM, 20)))).toEqual([]);
    expect(detector.scan(j("HR", "KU-", rawChars(next, URLSAFE, 60))).map((f) => f.providerId)).toEqual(["heroku"]);
  });

  it("discord-bot: the first segment is base64 of a decimal id, so it starts with M, N or O", () => {
    const token = fakeKey("discord-bot", 30);
    expect(detector.scanNamed("DISCORD_BOT_TOKEN", token)?.providerId).toBe("discord-bot");
    for (const first of ["A", "P", "Z", "m"]) expect(detector.scanNamed("DISCORD_BOT_TOKEN", first + token.slice(1)), first).toBeUndefined();
  });

  it("vault-legacy: 24 random base62 characters, so one case alone is no token", () => {
    const token = fakeKey("vault-legacy", 31);
    expect(detector.scanNamed("VAULT_TOKEN", token)?.providerId).toBe("vault-legacy");
    const body = token.slice(2);
    for (const one of [body.toUpperCase(), body.toLowerCase()]) expect(detector.scanNamed("VAULT_TOKEN", j("s.", one)), one).toBeUndefined();
  });

  it("1password and bedrock short-term: base64 of text, standard or URL-safe, padded or not", () => {
    const json = JSON.stringify({ signInAddress: "my.1password.com", email: `${rawChars(rng(23), LOWERNUM, 13)}@1passwordserviceaccounts.com`, srpX: rawChars(rng(24), HEXLOWER, 64), k: rawChars(rng(25), URLSAFE, 43), seed: rawChars(rng(26), HEXLOWER, 64) });
    for (const enc of ["base64", "base64url"] as const) {
      const token = j("op", "s_", Buffer.from(json).toString(enc).replace(/=+$/, ""));
      expect(detector.scan(`t = "${token}"`).map((f) => f.providerId)).toEqual(["onepassword-service-account"]);
    }
    expect(notFound(j("op", "s_eyJ", rawChars(rng(27), ALNUM, 300)))).toEqual([]);
    const url = j("bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=", rawChars(rng(28), BASE32, 20), "&X-Amz-Signature=", rawChars(rng(29), HEXLOWER, 64));
    for (const pad of ["", "x", "xy"]) {
      const token = j("bedrock-", "api-key-", Buffer.from(url + pad).toString("base64"));
      expect(detector.scan(`{"token":"${token}"}`).map((f) => [f.providerId, f.end - f.start])).toEqual([["aws-bedrock-short-term", token.length]]);
    }
  });

  it("a hash bound to a provider's name is not that provider's key when its keys mix cases", () => {
    expect(detector.scanNamed("MISTRAL_PROMPT_CACHE_KEY", hexOf(32, 6))).toBeUndefined();
    expect(detector.scanNamed("cohereEmbeddingCacheKey", hexOf(40, 7))).toBeUndefined();
    expect(notFound(j("fw", "_", hexOf(32, 8)))).toEqual([]);
    expect(notFound(j("fw", "_", hexOf(40, 9)))).toEqual([]);
  });

  it("slack-token: every documented kind and segment count", () => {
    const next = rng(10);
    const digits = (n: number) => rawChars(next, "123456789", n);
    const tokens = [
      j("xo", "xb-", digits(10), "-", rawChars(next, ALNUM, 24)),
      j("xo", "xb-", digits(12), "-", digits(13), "-", rawChars(next, ALNUM, 24)),
      j("xo", "xp-", digits(12), "-", digits(12), "-", digits(13), "-", rawChars(next, HEXLOWER, 32)),
      j("xo", "xa-", "2-", digits(12), "-", digits(12), "-", digits(12), "-", rawChars(next, HEXLOWER, 64)),
      j("xo", "xr-", rawChars(next, ALNUM, 12)),
      j("xo", "xo-", digits(10), "-", digits(10), "-", digits(11), "-", rawChars(next, HEXLOWER, 32)),
      j("xo", "xe.xoxp-", "1-", rawChars(next, UPPERNUM, 166)),
      j("xa", "pp-", "1-A", rawChars(next, UPPERNUM, 10), "-", digits(13), "-", rawChars(next, HEXLOWER, 64)),
    ];
    for (const token of tokens) expect(detector.scan(`"${token}"`).map((f) => [f.providerId, f.end - f.start])).toEqual([["slack-token", token.length]]);
    // a bot token without its ids, or with a word for a secret
    expect(notFound(j("xo", "xb-", rawChars(next, ALNUM, 24)))).toEqual([]);
    expect(notFound(j("xo", "xb-", digits(12), "-", digits(13), "-", "your-bot-token-here"))).toEqual([]);
  });

  it("mailchimp: 32 hex digits and `-us<n>`, found from the digits", () => {
    const key = j(hexOf(32, 11), "-u", "s14");
    const [f] = detector.scan(`apiKey: "${key}"`);
    expect([f?.providerId, f?.start, f?.end, f?.masked]).toEqual(["mailchimp", 9, 9 + key.length, mask(key, "")]);
    expect(notFound(`x${key}`)).toEqual([]);
    expect(notFound(`${key}a`)).toEqual([]);
    expect(notFound(j(hexOf(31, 12), "-u", "s14"))).toEqual([]);
  });

  it("url-credentials and database-url: only a real password, and the finding is the whole URL", () => {
    const pw = rawChars(rng(13), ALNUM, 18);
    const url = j("postgres", "://app:", pw, "@db.internal:5432/app");
    const [f] = detector.scan(`const url = '${url}';`);
    expect([f?.providerId, f?.end! - f?.start!]).toEqual(["database-url", url.length]);
    expect(f?.masked).not.toContain(pw.slice(0, 3));
    for (const text of [
      j("https", "://user:password@example.com/"),
      j("https", "://admin:changeme@localhost:8080"),
      j("postgres", "://app:${DB_PASSWORD}@db:5432/app"),
      j("https", "://example.com:8443/path"),
      j("redis", "://:secret@cache:6379"),
    ]) {
      expect(notFound(text)).toEqual([]);
    }
  });

  it("basic-auth and npmrc: base64 `user:password` with a real password, UUID tokens after `:_authToken=`", () => {
    const encode = (text: string) => btoa(text);
    expect(notFound(`Authorization: Basic ${encode("user:password")}`)).toEqual([]);
    expect(notFound(`Authorization: Basic ${encode(j("aladdin", ":open", "sesame"))}`)).toEqual([]);
    // split on the first colon: the password `pass:word` of a test fixture is words
    expect(notFound(`Authorization: Basic ${encode(j("user", ":pass", ":word"))}`)).toEqual([]);
    expect(notFound("Basic authentication is supported")).toEqual([]);
    const real = encode(j("ci-bot:", rawChars(rng(14), ALNUM, 20)));
    expect(detector.scan(`Authorization: Basic ${real}`).map((f) => [f.providerId, f.start])).toEqual([["basic-auth", 21]]);
    expect(notFound(j("//registry.npmjs.org/:_auth", "Token=${NPM_TOKEN}"))).toEqual([]);
  });

  it("testpypi: the same macaroon as pypi.org's, with the location test.pypi.org; each found as its own index's", () => {
    expect(detector.scan(fakeKey("testpypi", 4)).map((f) => [f.providerId, f.checksumVerified])).toEqual([["testpypi", true]]);
    expect(detector.scan(fakeKey("pypi", 4)).map((f) => [f.providerId, f.checksumVerified])).toEqual([["pypi", true]]);
    expect(notFound(j("py", "pi-", "AgENdGVzdC5weXBpLm9yZw", rawChars(rng(16), URLSAFE, 120)))).toEqual([]);
  });

  it("sentry-org: claims whose base64 ends in `=` or `==` padding, then `_` and the secret", () => {
    const claims = (org: string) => Buffer.from(j('{"iat":1730000000.123456,"url":"https://sentry.io","region_url":"https://us.sentry.io","org":"', org, '"}')).toString("base64");
    const secret = rawChars(rng(17), `${ALNUM}+/`, 43);
    const padded = [claims("acme-co"), claims("acme-cor"), claims("acme-corp")].filter((c) => c.endsWith("="));
    expect(padded.map((c) => c.length - c.replace(/=+$/, "").length).sort()).toEqual([1, 2]);
    for (const c of padded) {
      const token = j("sntrys_", c, "_", secret);
      expect(detector.scan(`SENTRY_AUTH_TOKEN=${token}\n`).map((f) => [f.providerId, f.end - f.start])).toEqual([["sentry-org", token.length]]);
      // the claims without the secret, or with a secret one character short, are no token
      expect(notFound(j("sntrys_", c, " "))).toEqual([]);
      expect(notFound(j("sntrys_", c, "_", secret.slice(1)))).toEqual([]);
    }
  });

  it("private-key: an OpenPGP armored private key block (RFC 4880), not its public key block", () => {
    const b64 = (seed: number) => rawChars(rng(seed), `${ALNUM}+/`, 64);
    const block = (kind: string) => j("-----BEGIN PGP ", kind, " KEY BLOCK-----\n\n", b64(21), "\n", b64(22), "\n=", rawChars(rng(23), ALNUM, 4), "\n-----END PGP ", kind, " KEY BLOCK-----");
    const key = block("PRIVATE");
    expect(detector.scan(key).map((f) => [f.providerId, f.start, f.end, f.masked])).toEqual([["private-key", 0, key.length, "-----BEGIN …"]]);
    expect(notFound(block("PUBLIC"))).toEqual([]);
  });

  it("azure-storage-key: the key alone under a name that says account or storage key, as well as after `AccountKey=`", () => {
    const key = j(rawChars(rng(24), `${ALNUM}+/`, 86), "==");
    for (const name of ["storageAccountKey", "AZURE_STORAGE_KEY", "account_key"]) {
      expect(detector.scanNamed(name, key)?.providerId, name).toBe("azure-storage-key");
    }
    expect(detector.scanNamed("cacheKey", key)).toBeUndefined();
    expect(detector.scanNamed("storageAccountKey", key.slice(2))).toBeUndefined();
    expect(detector.scanNamed("storageAccountKey", j(key.slice(0, -2), "ab"))).toBeUndefined();
  });

  it("pypi: the macaroon structure is verified, and reported as a verified checksum", () => {
    const key = fakeKey("pypi", 3);
    expect(detector.scan(key).map((f) => [f.providerId, f.checksumVerified])).toEqual([["pypi", true]]);
    expect(notFound(j("py", "pi-", "AgEIcHlwaS5vcmc", rawChars(rng(15), URLSAFE, 120)))).toEqual([]);
    expect(detector.scan(fakeKey("openai-project", 3))[0]?.checksumVerified).toBe(false);
    expect(detector.scan(fakeKey("github-classic", 3))[0]?.checksumVerified).toBe(true);
  });
});

describe("generic named secrets (scanNamed for any name that says it holds a secret)", () => {
  const jwt = () =>
    j(btoa('{"alg":"HS256","typ":"JWT"}').replace(/=+$/, ""), ".", btoa('{"sub":"1234567890","iat":1516239022}').replace(/=+$/, ""), ".",
      rawChars(rng(16), URLSAFE, 43));

  it.each(["client_secret", "clientSecret", "credentials", "access_token", "API_TOKEN", "authToken", "private_key", "webhookSecret"])(
    "%s holding hex, base64 or a JWT is a secret",
    (name) => {
      expect(detector.scanNamed(name, rawChars(rng(17), HEXLOWER, 40))?.providerId).toBe("generic-secret");
      expect(detector.scanNamed(name, rawChars(rng(18), ALNUM, 32))?.providerId).toBe("generic-secret");
      expect(detector.scanNamed(name, jwt())?.providerId).toBe("generic-secret");
    },
  );

  it("words, identifiers, UUIDs, paths and placeholders under those names are not", () => {
    for (const value of [
      "someLongIdentifierNameForTheSecret",
      "3f2b8c1e-9d4a-4e7b-8c2f-1a2b3c4d5e6f",
      "src/config/credentials/loader.ts",
      "YOUR_CLIENT_SECRET_GOES_HERE_PLEASE",
      "x".repeat(40),
      "0123456789abcdef0123456789abcdef",
      "1234567890123456789012345678901234567890",
    ]) {
      expect(detector.scanNamed("client_secret", value), value).toBeUndefined();
    }
  });

  it("names that do not say secret (a cache key, a page token, an etag) are not looked at", () => {
    for (const name of ["cacheKey", "nextPageToken", "etag", "idempotencyKey", "publicKey", "tokenizer"]) {
      expect(detector.scanNamed(name, rawChars(rng(19), ALNUM, 40))).toBeUndefined();
    }
  });
});
