/**
 * Key-shaped test strings, built at run time from fragments and a seeded generator, so that no
 * scanner (keyguard's own, GitHub push protection) finds a key-shaped literal in this repository.
 * Each provider's real published format is written out here, independently of the catalog, so a
 * catalog entry that drifts from the real format fails its tests.
 */
import { crc32, toBase62 } from "../../src/detect/checksum.js";

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const URLSAFE = `${ALNUM}_-`;
export const HEXLOWER = "0123456789abcdef";
export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const UPPERNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` random characters of `alphabet`, guaranteed to mix a digit and both letter cases where the alphabet has them. */
export function randomChars(next: () => number, alphabet: string, n: number): string {
  for (;;) {
    let out = "";
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    const mixed =
      (!/[0-9]/.test(alphabet) || /[0-9]/.test(out)) &&
      (!/[a-z]/.test(alphabet) || /[a-z]/.test(out)) &&
      (!/[A-Z]/.test(alphabet) || /[A-Z]/.test(out));
    // Reject the rare draws that look like placeholders (runs of four), which a real key holds about once in 100,000.
    if (mixed && !/(.)\1{3}/.test(out)) return out;
  }
}

/** Joins fragments: keeps prefixes out of the source as whole tokens. */
export const j = (...parts: string[]) => parts.join("");

const OPENAI_MARKER = j("T3Blbk", "FJ");

type Builder = (next: () => number) => string;

const githubStyle = (prefix: string): Builder => (next) => {
  const body = randomChars(next, ALNUM, 30);
  return j(prefix, body, toBase62(crc32(body), 6));
};

/** The real published format of every catalog provider, as a generator. */
export const KEY_BUILDERS: Record<string, Builder> = {
  "openai-project": (n) => j("sk-", "proj-", randomChars(n, URLSAFE, 74), OPENAI_MARKER, randomChars(n, URLSAFE, 74)),
  "openai-service-account": (n) => j("sk-", "svcacct-", randomChars(n, URLSAFE, 74), OPENAI_MARKER, randomChars(n, URLSAFE, 74)),
  "openai-admin": (n) => j("sk-", "admin-", randomChars(n, URLSAFE, 74), OPENAI_MARKER, randomChars(n, URLSAFE, 74)),
  "openai-legacy": (n) => j("sk-", randomChars(n, ALNUM, 20), OPENAI_MARKER, randomChars(n, ALNUM, 20)),
  anthropic: (n) => j("sk-", "ant-api03-", randomChars(n, URLSAFE, 93), "AA"),
  "anthropic-admin": (n) => j("sk-", "ant-admin01-", randomChars(n, URLSAFE, 93), "AA"),
  groq: (n) => j("gs", "k_", randomChars(n, ALNUM, 52)),
  "google-api": (n) => j("AI", "za", randomChars(n, URLSAFE, 35)),
  xai: (n) => j("xa", "i-", randomChars(n, ALNUM, 80)),
  perplexity: (n) => j("pp", "lx-", randomChars(n, ALNUM, 48)),
  replicate: (n) => j("r8", "_", randomChars(n, ALNUM, 37)),
  huggingface: (n) => j("hf", "_", randomChars(n, LETTERS, 34)),
  "huggingface-org": (n) => j("api_", "org_", randomChars(n, LETTERS, 34)),
  cerebras: (n) => j("cs", "k-", randomChars(n, "abcdefghijklmnopqrstuvwxyz0123456789", 48)),
  fireworks: (n) => j("fw", "_", randomChars(n, ALNUM, 24)),
  together: (n) => j("tgp_", "v1_", randomChars(n, URLSAFE, 43)),
  elevenlabs: (n) => j("sk", "_", randomChars(n, HEXLOWER, 48)),
  nvidia: (n) => j("nva", "pi-", randomChars(n, URLSAFE, 64)),
  voyage: (n) => j("pa", "-", randomChars(n, URLSAFE, 43)),
  tavily: (n) => j("tv", "ly-", randomChars(n, ALNUM, 32)),
  jina: (n) => j("ji", "na_", randomChars(n, ALNUM, 60)),
  deepseek: (n) => j("sk", "-", randomChars(n, HEXLOWER, 32)),
  cohere: (n) => randomChars(n, ALNUM, 40),
  mistral: (n) => randomChars(n, ALNUM, 32),
  "azure-openai": (n) => randomChars(n, HEXLOWER, 32),
  izzi: (n) => j("iz", "zi-", randomChars(n, ALNUM, 48)),
  openrouter: (n) => j("sk-", "or-v1-", randomChars(n, HEXLOWER, 64)),
  langsmith: (n) => j("lsv2", "_pt_", randomChars(n, HEXLOWER, 32), "_", randomChars(n, HEXLOWER, 10)),
  langfuse: (n) =>
    j("sk-", "lf-", randomChars(n, HEXLOWER, 8), "-", randomChars(n, HEXLOWER, 4), "-", randomChars(n, HEXLOWER, 4), "-",
      randomChars(n, HEXLOWER, 4), "-", randomChars(n, HEXLOWER, 12)),
  pinecone: (n) => j("pc", "sk_", randomChars(n, ALNUM, 6), "_", randomChars(n, ALNUM, 63)),
  "github-classic": githubStyle(j("gh", "p_")),
  "github-fine-grained": (n) => j("github", "_pat_", randomChars(n, ALNUM, 22), "_", randomChars(n, ALNUM, 59)),
  gitlab: (n) => j("gl", "pat-", randomChars(n, URLSAFE, 20)),
  npm: githubStyle(j("np", "m_")),
  pypi: (n) => j("py", "pi-", "AgEIcHlwaS5vcmc", randomChars(n, URLSAFE, 70)),
  "aws-access-key": (n) => j("AK", "IA", randomChars(n, UPPERNUM, 16)),
  "aws-secret-key": (n) => randomChars(n, `${ALNUM}/+`, 40),
  "google-oauth-secret": (n) => j("GOC", "SPX-", randomChars(n, URLSAFE, 28)),
  digitalocean: (n) => j("dop", "_v1_", randomChars(n, HEXLOWER, 64)),
  databricks: (n) => j("da", "pi", randomChars(n, HEXLOWER, 32)),
  vault: (n) => j("hv", "s.", randomChars(n, URLSAFE, 95)),
  "supabase-secret": (n) => j("sb_", "secret_", randomChars(n, URLSAFE, 40)),
  "stripe-secret": (n) => j("sk", "_live_", randomChars(n, ALNUM, 99)),
  "stripe-restricted": (n) => j("rk", "_live_", randomChars(n, ALNUM, 99)),
  shopify: (n) => j("shp", "at_", randomChars(n, HEXLOWER, 32)),
  "slack-token": (n) =>
    j("xo", "xb-", randomChars(n, "0123456789", 12), "-", randomChars(n, "0123456789", 13), "-", randomChars(n, ALNUM, 24)),
  "slack-webhook": (n) =>
    j("https://", "hooks.slack.com/services/", "T", randomChars(n, UPPERNUM, 8), "/B", randomChars(n, UPPERNUM, 8), "/",
      randomChars(n, ALNUM, 24)),
  sendgrid: (n) => j("S", "G.", randomChars(n, URLSAFE, 22), ".", randomChars(n, URLSAFE, 43)),
  "twilio-api-key": (n) => j("S", "K", randomChars(n, HEXLOWER, 32)),
  "twilio-auth-token": (n) => randomChars(n, HEXLOWER, 32),
  linear: (n) => j("lin", "_api_", randomChars(n, ALNUM, 40)),
  notion: (n) => j("nt", "n_", randomChars(n, ALNUM, 46)),
  postman: (n) => j("PM", "AK-", randomChars(n, HEXLOWER, 24), "-", randomChars(n, HEXLOWER, 34)),
  "private-key": (n) =>
    j("-----BEGIN ", "RSA PRIVATE KEY-----\n", randomChars(n, `${ALNUM}+/`, 64), "\n", randomChars(n, `${ALNUM}+/`, 64),
      "\n-----END RSA PRIVATE KEY-----"),
};

/** Identifier names that hold a prefix-less provider's key. */
export const CONTEXT_NAMES: Record<string, string> = {
  deepseek: "DEEPSEEK_API_KEY",
  cohere: "cohereApiKey",
  mistral: "MISTRAL_API_KEY",
  "azure-openai": "azureOpenAIApiKey",
  "aws-secret-key": "secretAccessKey",
  "twilio-auth-token": "TWILIO_AUTH_TOKEN",
};

/** A fresh key of `providerId`, deterministic for a seed. */
export function fakeKey(providerId: string, seed = 1): string {
  const build = KEY_BUILDERS[providerId];
  if (!build) throw new Error(`no key builder for provider "${providerId}"`);
  return build(rng(seed * 7919 + providerId.length));
}
