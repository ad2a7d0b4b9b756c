/**
 * The labelled corpus of `npm run bench:accuracy`, generated at run time from a seed (no key-shaped
 * literal is written in this repository).
 *
 * Positives: keys in every catalog provider's published format (`tests/helpers/keys.ts`, written
 * independently of the catalog), with every prefix the provider issues, in the places code holds
 * them: alone, inside text, after `Bearer `, in JSON, in an env file line. Keys without a prefix are
 * labelled with the identifier that holds them (`cohereApiKey`) and scored through `scanNamed`.
 *
 * Negatives: the strings real code is full of: hashes, UUIDs, base64 blobs, JWT-like tokens, URLs,
 * model ids, API object ids, CSS classes, i18n strings, file paths, placeholders, words that contain
 * a prefix, minified code, data URLs, SRI and npm integrity strings, semver ranges, documented
 * example keys, public-by-design keys, and random strings under names that do not say whose key
 * they are.
 */
import { PROVIDERS, type Detector, type Provider } from "../src/detect/index.js";
import { ALNUM, CONTEXT_NAMES, fakeKey, HEXLOWER, j, LETTERS, randomChars, rng, UPPERNUM, URLSAFE } from "../tests/helpers/keys.js";

export interface Positive {
  readonly providerId: string;
  /** The text scanned (or the value, for a key found by name). */
  readonly text: string;
  /** The key's span in `text`. */
  readonly start: number;
  readonly end: number;
  /** For a key without a prefix: the identifier that holds it. */
  readonly name?: string;
}

export interface Negative {
  readonly kind: string;
  readonly text: string;
  /** Scored through `scanNamed(name, text)` as well as `scan(text)`. */
  readonly name?: string;
}

export interface Corpus {
  readonly positives: readonly Positive[];
  readonly negatives: readonly Negative[];
}

export interface CorpusSize {
  /** Keys per provider and prefix (each placed in every context). */
  readonly keysPerPrefix: number;
  /** Samples per negative kind. */
  readonly perKind: number;
  readonly seed: number;
}

const B64 = `${ALNUM}+/`;
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const LOWERNUM = `${LOWER}0123456789`;

/** Places a key where code holds it; returns the text and the key's offset. */
const CONTEXTS: readonly ((key: string) => [string, number])[] = [
  (key) => [key, 0],
  (key) => [`using the key ${key} for staging`, 14],
  (key) => [`Bearer ${key}`, 7],
  (key) => {
    const json = JSON.stringify({ model: "gpt-4o", apiKey: key });
    const escaped = JSON.stringify(key).slice(1, -1);
    return [json, json.indexOf(escaped)];
  },
  (key) => [`API_KEY=${key}\nDEBUG=false`, 8],
  (key) => [`https://api.example.com/v1/models?key=${key}&alt=json`, 38],
  (key) => [`export TOKEN='${key}'`, 14],
];

/**
 * Other published shapes of some formats (older lengths, newer token layouts, other PEM kinds),
 * written here from the providers' documentation rather than from the catalog.
 */
const FORMAT_VARIANTS: Readonly<Record<string, (next: () => number) => string>> = {
  "openai-project": (n) => j("sk-", "proj-", randomChars(n, URLSAFE, int(n, 20, 120)), j("T3Blbk", "FJ"), randomChars(n, URLSAFE, int(n, 20, 120))),
  "stripe-secret": (n) => j("sk", "_test_", randomChars(n, ALNUM, 24)),
  "stripe-restricted": (n) => j("rk", "_test_", randomChars(n, ALNUM, int(n, 24, 99))),
  gitlab: (n) => j("gl", "pat-", randomChars(n, URLSAFE, 27), ".01.", randomChars(n, LOWERNUM, 9)),
  "slack-token": (n) =>
    pick(n, [
      j("xo", "xp-", randomChars(n, "0123456789", 12), "-", randomChars(n, "0123456789", 12), "-", randomChars(n, "0123456789", 13), "-", randomChars(n, HEXLOWER, 32)),
      j("xa", "pp-1-A", randomChars(n, UPPERNUM, 10), "-", randomChars(n, "0123456789", 13), "-", randomChars(n, HEXLOWER, 64)),
    ]),
  "private-key": (n) => {
    const kind = pick(n, ["PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY"]);
    const lines = Array.from({ length: int(n, 2, 12) }, () => randomChars(n, B64, 64)).join("\n");
    return j("-----BEGIN ", kind, "-----\n", lines, "\n-----END ", kind, "-----");
  },
  fireworks: (n) => j("fw", "_", randomChars(n, ALNUM, int(n, 20, 48))),
  perplexity: (n) => j("pp", "lx-", randomChars(n, ALNUM, int(n, 40, 60))),
  xai: (n) => j("xa", "i-", randomChars(n, ALNUM, int(n, 70, 90))),
};

/** The key with each of its provider's prefixes (GitHub's `ghp_`, `gho_`, … share one format). */
function prefixVariants(provider: Provider, key: string): string[] {
  const own = provider.prefixes.filter((p) => key.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (own === undefined) return [key];
  const body = key.slice(own.length);
  // Alternatives that are the same prefix with a different scheme (the webhook's host-only form) keep the body.
  return provider.prefixes.map((p) => p + body);
}

function positives(size: CorpusSize): Positive[] {
  const out: Positive[] = [];
  PROVIDERS.forEach((provider, index) => {
    const variant = FORMAT_VARIANTS[provider.id];
    const next = rng(size.seed * 31 + index);
    for (let k = 0; k < size.keysPerPrefix; k++) {
      const key = variant && k % 2 === 1 ? variant(next) : fakeKey(provider.id, size.seed * 1000 + index * 97 + k);
      if (provider.prefixes.length === 0) {
        const name = CONTEXT_NAMES[provider.id];
        if (name === undefined) throw new Error(`no identifier name for provider "${provider.id}"`);
        for (const holder of [name, `my${name[0]!.toUpperCase()}${name.slice(1)}`]) {
          out.push({ providerId: provider.id, text: key, start: 0, end: key.length, name: holder });
        }
        continue;
      }
      for (const variant of prefixVariants(provider, key)) {
        const lead = provider.prefixes.map((p) => variant.indexOf(p)).filter((i) => i >= 0);
        const first = lead.length > 0 ? Math.min(...lead) : 0;
        // A finding covers the key: after a prefix that only marks its place, from the characters before a literal inside it.
        const literal = provider.prefixes.filter((p) => variant.startsWith(p, first)).sort((a, b) => b.length - a.length)[0] ?? "";
        const offset = provider.before ? 0 : provider.place ? first + literal.length : first;
        const token = variant.slice(offset);
        for (const place of CONTEXTS) {
          const [text, at] = place(variant);
          // A URL inside another URL's query runs on into that query: no fixed span to expect.
          if (provider.follow && text.includes("?key=")) continue;
          // A place written with quotes (`"SecretAccessKey": "`) is escaped inside JSON: not that place any more.
          if (provider.place && literal.includes('"') && text.startsWith("{")) continue;
          const length = text.startsWith("{") ? JSON.stringify(token).length - 2 : token.length;
          out.push({ providerId: provider.id, text, start: at + offset, end: at + offset + length });
        }
      }
    }
  });
  return out;
}

type Generator = (next: () => number, i: number) => string | { text: string; name: string };

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
const int = (next: () => number, lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
/** Random characters without the guarantee of a mix (hashes are all hex, ids all lower case, …). */
const chars = (next: () => number, alphabet: string, n: number) => {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
};

const WORDS = [
  "task", "runner", "desk", "top", "risk", "mask", "disk", "ask", "flask", "kiosk", "husky", "whisky", "sketch",
  "gateway", "production", "config", "user", "profile", "settings", "button", "primary", "container", "header",
  "navigation", "modal", "dialog", "token", "session", "refresh", "api", "key", "client", "server", "worker",
  "queue", "batch", "stream", "model", "prompt", "completion", "embedding", "vector", "index", "search",
];
const MODEL_IDS = [
  "gpt-4o-mini-2024-07-18", "gpt-4o-2024-08-06", "gpt-4.1-nano", "o3-mini-2025-01-31", "text-embedding-3-large",
  "claude-3-5-sonnet-20241022", "claude-3-7-sonnet-latest", "claude-opus-4-20250514", "claude-3-haiku-20240307",
  "llama-3.3-70b-versatile", "llama-3.1-8b-instant", "mixtral-8x7b-32768", "gemma2-9b-it", "gemini-2.0-flash-001",
  "gemini-1.5-pro-002", "grok-2-1212", "mistral-large-2411", "deepseek-chat", "deepseek-reasoner",
  "sonar-pro", "command-r-plus-08-2024", "accounts/fireworks/models/llama-v3p1-70b-instruct",
  "meta-llama/Llama-3.3-70B-Instruct-Turbo", "openai/gpt-4o-mini", "anthropic/claude-3.5-sonnet",
  "whisper-large-v3-turbo", "tts-1-hd", "dall-e-3", "voyage-3-large", "jina-embeddings-v3",
];
const ID_PREFIXES = [
  "chatcmpl-", "file-", "msg_01", "asst_", "thread_", "run_", "batch_", "resp_", "step_", "vs_", "ftjob-", "org-",
  "proj_", "user-", "cus_", "pi_", "ch_", "evt_", "price_", "prod_", "sub_", "in_", "req_", "toolu_01", "msgbatch_01",
  "cmpl-", "modr-", "call_", "ft:gpt-4o-mini:acme::", "gen-", "span_", "trace_", "run-", "ls__",
];
const CSS = [
  "flex", "items-center", "justify-between", "px-4", "py-2", "text-sm", "font-medium", "rounded-lg", "bg-slate-900",
  "hover:bg-slate-700", "sk-button", "sk-button--primary", "task-list-item", "task-list-item-checkbox", "desk-top-nav",
  "gsk_wrapper", "ask-ai-panel", "mask-image-fade", "risk-badge--high", "md:grid-cols-3", "dark:text-white",
  "data-[state=open]:animate-in", "[&>svg]:size-4", "translate-x-[-50%]", "grid-cols-[1fr_auto]",
];
const SENTENCES = [
  "Paste your API key here to continue",
  "Your key has been rotated. Update OPENAI_API_KEY in your deployment settings.",
  "Ask the model to summarise the task list before the desk review.",
  "Enter a key that starts with sk- (for example sk-...)",
  "The token expired; sign in again to refresh your session.",
  "Risk assessment: high. Task runner stopped after 3 retries.",
  "Klíč API byl úspěšně uložen.",
  "APIキーを環境変数に設定してください。",
  "Clé API invalide : vérifiez la variable d'environnement.",
  "Use {{count}} tokens at most; see {{link}} for pricing.",
];
const PREFIXES = [...new Set(PROVIDERS.flatMap((p) => p.prefixes))];
const PLACEHOLDER_BODIES = [
  "YOUR_KEY_HERE", "your-api-key", "YOUR_API_KEY", "<your-key>", "<API_KEY>", "...", "…", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
  "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "${API_KEY}", "{{ secrets.API_KEY }}", "%API_KEY%", "[REDACTED]",
  "0000000000000000000000000000000000000000", "REPLACE_ME_WITH_YOUR_OWN_KEY_FROM_THE_DASHBOARD", "changeme",
  "example-key-do-not-use-example-key", "abcdefghijklmnopqrstuvwxyz0123456789ABCD", "1234567890abcdef1234567890abcdef",
  "your_secret_key_goes_here_1234567890", "insert-your-token", "dummy_token_for_tests_dummy_token_42", "*".repeat(40),
];

function base64(next: () => number, bytes: number): string {
  const n = Math.ceil((bytes * 4) / 3);
  const body = chars(next, B64, n - (n % 4 === 0 ? 0 : 0));
  const pad = (4 - (body.length % 4)) % 4;
  return body + "=".repeat(pad);
}
const base64url = (next: () => number, n: number) => chars(next, URLSAFE, n);

/** Negative kinds: each a generator of one sample. */
export const NEGATIVE_KINDS: Record<string, Generator> = {
  "hex hash": (n) => chars(n, HEXLOWER, pick(n, [32, 40, 56, 64, 96, 128])),
  "git sha": (n, i) => (i % 2 ? `commit ${chars(n, HEXLOWER, 40)}` : chars(n, HEXLOWER, 7)),
  uuid: (n) => {
    const h = (k: number) => chars(n, HEXLOWER, k);
    return `${h(8)}-${h(4)}-4${h(3)}-${pick(n, ["8", "9", "a", "b"])}${h(3)}-${h(12)}`;
  },
  "base64 blob": (n) => base64(n, int(n, 24, 600)),
  "base64url blob": (n) => base64url(n, int(n, 20, 300)),
  "JWT-like": (n) =>
    j("ey", "J", base64url(n, int(n, 20, 40)), ".", "ey", "J", base64url(n, int(n, 40, 300)), ".", base64url(n, 43)),
  "URL with query": (n) =>
    `https://${pick(n, ["api", "cdn", "app", "hooks"])}.${pick(n, ["example.com", "acme.dev", "slack.com", "github.com"])}/v1/${pick(n, WORDS)}/${chars(n, LOWERNUM, 12)}?cursor=${base64url(n, int(n, 16, 64))}&page=${int(n, 1, 99)}`,
  "model id": (n) => pick(n, MODEL_IDS),
  "API object id": (n) => pick(n, ID_PREFIXES) + chars(n, pick(n, [ALNUM, LOWERNUM, HEXLOWER]), int(n, 16, 48)),
  "Stripe object id": (n) => pick(n, ["cus_", "pi_", "pm_", "seti_", "acct_", "price_", "prod_"]) + chars(n, ALNUM, 24),
  "CSS classes": (n) => Array.from({ length: int(n, 3, 12) }, () => pick(n, CSS)).join(" "),
  "i18n string": (n) => pick(n, SENTENCES),
  "file path": (n) =>
    `${pick(n, ["src", "packages/core/src", "/usr/local/lib/node_modules", "C:\\Users\\dev\\project"])}/${Array.from({ length: int(n, 1, 4) }, () => pick(n, WORDS)).join("-")}/${pick(n, WORDS)}-${chars(n, LOWERNUM, 8)}.${pick(n, ["ts", "tsx", "mjs", "d.ts", "json"])}`,
  placeholder: (n) => pick(n, PREFIXES) + pick(n, PLACEHOLDER_BODIES),
  "placeholder under a key name": (n) => ({
    name: pick(n, Object.values(CONTEXT_NAMES)),
    text: pick(n, PLACEHOLDER_BODIES.filter((b) => b.length >= 8)),
  }),
  "near-miss word": (n) =>
    `${pick(n, ["task-runner-", "desk-top-", "risk-", "mask-", "disk-", "ask-", "flask-", "whisky-", "husky-", "kiosk-"])}${chars(n, LOWERNUM, int(n, 20, 60))}`,
  "prefix inside an identifier": (n) => pick(n, ["my", "x", "_", "user", "test", "A1"]) + pick(n, PREFIXES) + chars(n, ALNUM, int(n, 30, 60)),
  "minified code": (n) => {
    const id = () => pick(n, ["e", "t", "n", "r", "o", "i", "a", "s", "u", "c", "l", "f", "_", "$"]) + chars(n, ALNUM, int(n, 0, 2));
    return Array.from(
      { length: int(n, 4, 12) },
      () => `${id()}.${id()}=function(${id()},${id()}){return ${id()}[${id()}]||"${chars(n, LOWER, int(n, 2, 10))}"};`,
    ).join("");
  },
  "data URL": (n) => `data:${pick(n, ["image/png", "image/jpeg", "font/woff2", "application/octet-stream"])};base64,${base64(n, int(n, 60, 900))}`,
  "SRI hash": (n) => `${pick(n, ["sha256", "sha384", "sha512"])}-${base64(n, pick(n, [32, 48, 64]))}`,
  "npm integrity": (n) => `sha512-${base64(n, 64)}`,
  semver: (n) =>
    pick(n, [`${int(n, 0, 20)}.${int(n, 0, 40)}.${int(n, 0, 99)}`, `^${int(n, 0, 20)}.${int(n, 0, 9)}.0 || ^${int(n, 0, 20)}.0.0`, `${int(n, 1, 9)}.0.0-beta.${int(n, 0, 9)}+sha.${chars(n, HEXLOWER, 7)}`]),
  "documented example key": (n) =>
    pick(n, [
      j("AKIA", "IOSFODNN7", "EXAMPLE"),
      j("wJalrXUtnFEMI", "/K7MDENG/bPxRfiCY", "EXAMPLEKEY"),
      j("AKIA", "I44QH8DHB", "EXAMPLE"),
      j("je7MtGbClwBF", "/2Zp9Utk/h3yCo8nvb", "EXAMPLEKEY"),
      j("sk-", "proj-", "EXAMPLE", chars(n, ALNUM, 60)),
      j("gh", "p_", "EXAMPLE", chars(n, ALNUM, 29)),
    ]),
  "public-by-design key": (n) =>
    pick(n, [j("pk", "_live_", chars(n, ALNUM, 99)), j("pk", "_test_", chars(n, ALNUM, 99)), j("sb_", "publishable_", base64url(n, 40))]),
  "random string, no prefix": (n) => chars(n, pick(n, [ALNUM, URLSAFE, UPPERNUM, LETTERS]), int(n, 16, 90)),
  "random string under a neutral name": (n) => ({
    name: pick(n, ["checksum", "requestId", "etag", "nonce", "sessionId", "commitSha", "fingerprint", "digest", "cursor"]),
    text: chars(n, pick(n, [ALNUM, HEXLOWER]), pick(n, [32, 40])),
  }),
  "PEM header or public key": (n) =>
    pick(n, [
      j("-----BEGIN ", "PRIVATE KEY-----"),
      j("-----BEGIN ", "RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"),
      j("-----BEGIN ", "PUBLIC KEY-----\n", base64(n, 270), "\n-----END PUBLIC KEY-----"),
      j("-----BEGIN ", "CERTIFICATE-----\n", base64(n, 600), "\n-----END CERTIFICATE-----"),
    ]),
};

function negatives(size: CorpusSize): Negative[] {
  const out: Negative[] = [];
  Object.entries(NEGATIVE_KINDS).forEach(([kind, generate], index) => {
    const next = rng(size.seed * 7717 + index);
    for (let i = 0; i < size.perKind; i++) {
      const sample = generate(next, i);
      out.push(typeof sample === "string" ? { kind, text: sample } : { kind, ...sample });
    }
  });
  return out;
}

export function buildCorpus(size: CorpusSize): Corpus {
  return { positives: positives(size), negatives: negatives(size) };
}

export interface Rate {
  readonly total: number;
  readonly hits: number;
  readonly rate: number;
}

export interface Score {
  readonly recall: Rate;
  readonly falsePositives: Rate;
  readonly byProvider: Readonly<Record<string, Rate>>;
  readonly byKind: Readonly<Record<string, Rate>>;
  /** Masked descriptions of what went wrong (never a key). */
  readonly misses: readonly string[];
  readonly falseFindings: readonly string[];
}

export const rate = (hits: number, total: number): Rate => ({ total, hits, rate: total === 0 ? 0 : hits / total });

/** Scores a detector: a positive counts when exactly its key is found with its provider id. */
export function score(corpus: Corpus, detector: Detector): Score {
  const provider: Record<string, [number, number]> = {};
  const kind: Record<string, [number, number]> = {};
  const misses: string[] = [];
  const falseFindings: string[] = [];
  let found = 0;
  for (const p of corpus.positives) {
    const findings = p.name !== undefined ? [detector.scanNamed(p.name, p.text)].filter((f) => f !== undefined) : detector.scan(p.text);
    const ok = findings.length === 1 && findings[0]!.providerId === p.providerId && findings[0]!.start === p.start && findings[0]!.end === p.end;
    const counts = (provider[p.providerId] ??= [0, 0]);
    counts[1]++;
    if (ok) {
      counts[0]++;
      found++;
    } else {
      misses.push(`${p.providerId}: got [${findings.map((f) => `${f.providerId} ${f.start}-${f.end}`).join(", ")}], want ${p.start}-${p.end}`);
    }
  }
  let flagged = 0;
  for (const n of corpus.negatives) {
    const findings = detector.scan(n.text);
    const named = n.name !== undefined ? detector.scanNamed(n.name, n.text) : undefined;
    if (named) findings.push(named);
    const counts = (kind[n.kind] ??= [0, 0]);
    counts[1]++;
    if (findings.length > 0) {
      counts[0]++;
      flagged++;
      falseFindings.push(`${n.kind}: ${findings.map((f) => `${f.providerId} ${f.masked}`).join(", ")}`);
    }
  }
  const table = (t: Record<string, [number, number]>) =>
    Object.fromEntries(Object.entries(t).map(([k, [hits, total]]) => [k, rate(hits, total)]));
  return {
    recall: rate(found, corpus.positives.length),
    falsePositives: rate(flagged, corpus.negatives.length),
    byProvider: table(provider),
    byKind: table(kind),
    misses,
    falseFindings,
  };
}

/** The accuracy targets: recall of at least 98% and at most 1% false positives. */
export const TARGETS = { recall: 0.98, falsePositiveRate: 0.01 } as const;
