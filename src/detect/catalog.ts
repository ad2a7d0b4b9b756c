/**
 * The provider catalog: one entry per kind of credential, as data.
 *
 * Adding a provider is one entry here and one generator in `tests/helpers/keys.ts` (the tests in
 * `tests/src/detect/providers.test.ts` and the bench iterate the catalog and fail without it);
 * the provider table in `docs/rules/no-hardcoded-key.md` is generated from this list
 * (`npm run docs`) and checked in CI (`npm run docs:check`).
 *
 * Every pattern is built from the same linear-time shape: a fixed literal prefix, then ONE
 * character class with a bounded quantifier, matched sticky at a position where a prefix was
 * found (and, for the few formats whose literal sits inside the key, a bounded walk back over the
 * characters before it). Anything more structured (a marker inside the key, a checksum, a separator
 * at a fixed offset) is checked in code after the match, never with a nested or overlapping
 * quantifier. All prefixes are matched by one scan: a trie of literals (`literalAlternation`).
 */
import { decodeBase64, type ChecksumKind } from "./checksum.js";
import { isPlaceholder, looksRandom, charClasses } from "./placeholder.js";

export type ProviderCategory =
  | "ai"
  | "ai-gateway"
  | "cloud"
  | "source-control"
  | "payments"
  | "messaging"
  | "data"
  | "crypto"
  | "observability"
  | "generic";

export interface KeyBody {
  /** The characters of the key after its prefix, as the inside of a regex character class. */
  readonly chars: string;
  readonly min: number;
  readonly max: number;
}

export interface ContextHint {
  /**
   * Stems of identifier names that hold this provider's key. A name is normalised (lower case,
   * letters and digits only: `MISTRAL_API_KEY` → `mistralapikey`); it matches when it contains a
   * stem and also one of `key`, `token` or `secret`, or equals one of `exact`.
   */
  readonly stems: readonly string[];
  readonly exact?: readonly string[];
  /** Normalised name endings that alone make the name hold a secret (`clientsecret`, `accesstoken`). */
  readonly endings?: readonly string[];
}

export interface Provider {
  /** Stable id, used in messages' data, options and the docs table. Never rename one. */
  readonly id: string;
  /** Display name, used in lint messages. */
  readonly name: string;
  readonly category: ProviderCategory;
  /** The environment variable the provider's SDK or docs read the key from. */
  readonly envVar: string;
  /**
   * Literal, case-sensitive prefixes a key starts with. Empty for keys without a prefix: those are
   * found only where an identifier names them (`context`).
   */
  readonly prefixes: readonly string[];
  /** What follows the prefix. For context-only keys: the whole value. */
  readonly body: KeyBody;
  /**
   * Characters of the key BEFORE its literal, for formats whose fixed part sits inside the key
   * (Mailchimp's `<32 hex>-us<n>`, Telegram's `<bot id>:AA…`): walked back over, at most `max`.
   */
  readonly before?: KeyBody;
  /**
   * The prefix says where a key is (`aws_secret_access_key=`, `Basic `) and is not part of it: a
   * finding covers the body only.
   */
  readonly place?: boolean;
  /** `validate` judges randomness itself (formats that are a union of shapes); skips the generic tests. */
  readonly randomness?: "validate";
  /** A fixed substring every real key carries (OpenAI's `T3BlbkFJ`). */
  readonly marker?: string;
  /** A checksum the key carries; a key whose checksum does not match is not reported. */
  readonly checksum?: ChecksumKind;
  /** A structural check on the whole token (prefix included), for separators at fixed offsets. */
  readonly validate?: (token: string) => boolean;
  /**
   * What must follow the matched token in the text, for formats with a header and a body (PEM):
   * returns where the finding ends, or -1 when the text holds only the header.
   */
  readonly follow?: (text: string, end: number) => number;
  /** Identifier names that make a literal a key of this provider (the only way to find prefix-less keys). */
  readonly context?: ContextHint;
  /** Where the provider documents its keys (their format, or where they are issued when the format is not published). */
  readonly docs: string;
  /** A remark for the docs table. */
  readonly note?: string;
}

const B62 = "A-Za-z0-9";
const B62_URL = "A-Za-z0-9_\\-";
const HEX = "a-f0-9";

const B64 = "A-Za-z0-9+/=";

/** Whether a character code is a digit, an upper-case or a lower-case ASCII letter. */
const isDigit = (c: number) => c >= 48 && c <= 57;

/** A 36-character lower-case UUID at the end of `token`. */
const endsWithUuid = (token: string) => /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/.test(token.slice(-36));

/**
 * A password someone chose or generated, not a word or a placeholder: 8+ characters of at least two
 * classes (lower case, upper case, digits, others), not written in dictionary words.
 */
export function isRealPassword(password: string): boolean {
  if (password.length < 8 || isPlaceholder(password)) return false;
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (isDigit(c)) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other >= 2;
}

/**
 * The printable text the first `limit` base64 (standard or URL-safe) characters of `encoded` decode
 * to, or undefined when they hold anything else. For tokens that are base64 of text (JSON, a URL):
 * such a body uses few of base64's `+/` characters, so the randomness test of its alphabet does not fit.
 */
function decodedText(encoded: string, limit: number): string | undefined {
  const bytes = decodeBase64(encoded.slice(0, Math.min(encoded.length, limit) & ~3));
  if (!bytes) return undefined;
  let text = "";
  for (const b of bytes) {
    if (b < 32 || b > 126) return undefined;
    text += String.fromCharCode(b);
  }
  return text;
}

/** `user:password` in base64 (HTTP Basic credentials, npm's `_auth`) with a real password. */
function isBasicCredentials(encoded: string): boolean {
  const bytes = decodeBase64(encoded);
  if (!bytes || bytes.length < 4) return false;
  let text = "";
  for (const b of bytes) {
    if (b < 32 || b > 126) return false;
    text += String.fromCharCode(b);
  }
  const colon = text.indexOf(":");
  return colon > 0 && isRealPassword(text.slice(colon + 1));
}

/** `scheme://user:password` (the token a URL matcher found before `@`) with a real password. */
function hasUrlPassword(token: string): boolean {
  const userinfo = token.slice(token.indexOf("://") + 3);
  const colon = userinfo.indexOf(":");
  return colon > 0 && isRealPassword(userinfo.slice(colon + 1)) && !isPlaceholder(userinfo);
}

/** Characters of a URL after its userinfo (host, port, path, query), RFC 3986, but for `'`, `(` and `)` that end it in text. */
const URL_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&*+,;=%]/;

/**
 * The most characters `follow` reads on: a bound keeps the scan linear on hostile text (a URL or a
 * token prefix repeated without end) where every prefix would otherwise read to the end again.
 */
const MAX_FOLLOW = 4096;

/** After `scheme://user:password`: `@` and a host. Returns where the URL ends, or -1. */
function urlRest(text: string, end: number): number {
  if (text[end] !== "@") return -1;
  let i = end + 1;
  const limit = Math.min(text.length, end + MAX_FOLLOW);
  while (i < limit && URL_CHAR.test(text[i]!)) i++;
  return i > end + 1 && i < end + MAX_FOLLOW ? i : -1;
}

/**
 * After a Sentry organization token's claims: where the token ends. A match that ran through `_` and
 * the secret (padded or not) ends there; one that stopped at the claims' base64 padding (`…fQ==`)
 * goes on with `_` and the 43-character secret, or is no token.
 */
function sentrySecret(text: string, end: number): number {
  if (text.charCodeAt(end - 1) !== 61) return end;
  let k = end;
  while (k > end - 2 && text.charCodeAt(k - 1) === 61) k--;
  if (k >= 44 && /^_[A-Za-z0-9+/]{43}$/.test(text.slice(k - 44, k))) return end;
  if (text[end] !== "_") return -1;
  let i = end + 1;
  while (i < text.length && i - end <= 44 && /[A-Za-z0-9+/]/.test(text[i]!)) i++;
  return i - end - 1 === 43 ? i : -1;
}

/** Extends a base64 token that may be longer than its pattern's bound (bounded quantifiers stay small). */
function base64Rest(text: string, end: number): number {
  let i = end;
  const limit = Math.min(text.length, end + MAX_FOLLOW);
  while (i < limit && /[A-Za-z0-9+/=_-]/.test(text[i]!)) i++;
  return i < end + MAX_FOLLOW ? i : -1;
}

const HEX_CLASSES = charClasses("a-f0-9");
const B62_CLASSES = charClasses("A-Za-z0-9");
const UPPER_CLASSES = charClasses("A-Z0-9");

/**
 * A value a generic name (`client_secret`, `access_token`) holds that is a secret: a JWT, 32+ hex
 * digits of some variety, or 24+ characters of base64 that mix digits and both cases. Words,
 * identifiers, paths, UUIDs and placeholders are not.
 */
export function isGenericSecret(value: string): boolean {
  if (isPlaceholder(value)) return false;
  if (/^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}$/.test(value)) return true;
  if (/^(?:[a-f0-9]{32,128}|[A-F0-9]{32,128})$/.test(value)) return looksRandom(value.toLowerCase(), HEX_CLASSES) && /[a-fA-F]/.test(value) && /[0-9]/.test(value);
  if (value.length < 24 || value.includes(".")) return false;
  let upper = false;
  let lower = false;
  let digit = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (isDigit(c)) digit = true;
  }
  if (!upper || !lower) return false;
  // Random base64 spreads over its alphabet (about 4.8 bits a character in 40); camelCase words do not
  // (about 4). Without a digit, which 40 random base62 characters lack once in 1,100, ask for more.
  const bits = entropy(value);
  const ceiling = Math.log2(value.length);
  return digit ? bits >= Math.min(4, ceiling - 1) : bits >= Math.min(4.5, ceiling - 0.5);
}

/** Shannon entropy of `text` in bits per character. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}


/**
 * Slack tokens, as Slack documents them: `xox?-` (bot, user, workspace, refresh, legacy,
 * configuration), `xoxe.xoxb-`/`xoxe.xoxp-` or `xapp-`, up to four segments of digits (team,
 * user and bot ids) or of upper case and digits (an app id), then a random secret of 8 to 170
 * characters. Bot, user, legacy and app-level tokens always carry ids.
 */
function isSlackToken(token: string): boolean {
  const segments = token.split("-");
  const kind = segments[0]!;
  const secret = segments[segments.length - 1]!;
  const ids = segments.slice(1, -1);
  if (ids.length > 4 || (ids.length === 0 && /^(?:xox[bpos]|xapp)$/.test(kind))) return false;
  if (!ids.every((id) => /^(?:\d{1,14}|[A-Z0-9]{1,16})$/.test(id))) return false;
  if (!/^[A-Za-z0-9]{8,170}$/.test(secret)) return false;
  // Legacy and app-level secrets are hex, configuration tokens upper case and digits, the rest base62.
  const classes = /^[a-f0-9]+$/.test(secret) ? HEX_CLASSES : /^[A-Z0-9]+$/.test(secret) ? UPPER_CLASSES : B62_CLASSES;
  return !isPlaceholder(token.slice(5)) && !isPlaceholder(secret) && looksRandom(secret, classes);
}

/** A Shopify credential: a prefix and 32 hex digits. */
function shopify(id: string, name: string, prefix: string): Provider[] {
  return [
    {
      id,
      name,
      category: "payments",
      envVar: prefix === "shpss_" ? "SHOPIFY_API_SECRET" : "SHOPIFY_ACCESS_TOKEN",
      prefixes: [prefix],
      body: { chars: "a-fA-F0-9", min: 32, max: 32 },
      docs: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens",
    },
  ];
}

/** A GitLab token family: a prefix and a fixed number of `[A-Za-z0-9_-]`. */
function gitlab(id: string, name: string, prefix: string, length: number | readonly [number, number], chars = "A-Za-z0-9_\\-"): Provider[] {
  const [min, max] = typeof length === "number" ? [length, length] : length;
  return [
    {
      id,
      name,
      category: "source-control",
      envVar: "GITLAB_TOKEN",
      prefixes: [prefix],
      body: { chars, min, max },
      docs: "https://docs.gitlab.com/security/tokens/#token-prefixes",
    },
  ];
}

/** `a` ... `b` where the separator stands at a fixed offset from the end. */
const separatorAt = (fromEnd: number, separator: string) => (token: string) =>
  token[token.length - fromEnd - 1] === separator;

const PEM_BODY_MIN = 64;
/** Distinct base64 characters a real body has at least (a random 64-character body has about 40). */
const PEM_BODY_DISTINCT = 16;

/**
 * After `-----BEGIN … PRIVATE KEY`: `-----`, line breaks (real or escaped), then at least 64 base64
 * characters of some variety (a body of one repeated character, or one elided with `...`, is an
 * example). Returns where the
 * block ends: after its `-----END … -----` footer when it has one, else after its last base64
 * character; -1 when there is no body.
 */
function pemBody(text: string, end: number): number {
  if (!text.startsWith("-----", end)) return -1;
  let i = end + 5;
  let base64 = 0;
  let last = i;
  const seen = new Set<number>();
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const isB64 =
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61;
    if (isB64) {
      base64++;
      if (seen.size < PEM_BODY_DISTINCT) seen.add(c);
      last = i + 1;
    } else if (c === 10 || c === 13 || c === 32 || c === 9) {
      // line breaks and indentation inside the block
    } else if (c === 92) {
      // an escaped line break in raw source text: `\n`, or `\\n` escaped once more
      let k = i + 1;
      while (k < text.length && k - i < 8 && text.charCodeAt(k) === 92) k++;
      if (text[k] !== "n" && text[k] !== "r") break;
      i = k;
    } else break;
    i++;
  }
  if (base64 < PEM_BODY_MIN || seen.size < PEM_BODY_DISTINCT) return -1;
  // A body cut short with `.`, `...` or `…` is a documentation example, not a key.
  if (text[i] === "." || text[i] === "…") return -1;
  if (text.startsWith("-----END ", i)) {
    const close = text.indexOf("-----", i + 9);
    if (close > 0 && close - i <= 60) return close + 5;
  }
  return last;
}

export const PROVIDERS: readonly Provider[] = [
  // ---------------------------------------------------------------- AI model providers
  {
    id: "openai-project",
    name: "OpenAI project key",
    category: "ai",
    envVar: "OPENAI_API_KEY",
    prefixes: ["sk-proj-", "sk-None-"],
    body: { chars: B62_URL, min: 40, max: 300 },
    marker: "T3BlbkFJ",
    docs: "https://platform.openai.com/api-keys",
  },
  {
    id: "openai-service-account",
    name: "OpenAI service account key",
    category: "ai",
    envVar: "OPENAI_API_KEY",
    prefixes: ["sk-svcacct-"],
    body: { chars: B62_URL, min: 40, max: 300 },
    marker: "T3BlbkFJ",
    docs: "https://platform.openai.com/docs/api-reference/project-service-accounts",
  },
  {
    id: "openai-admin",
    name: "OpenAI admin key",
    category: "ai",
    envVar: "OPENAI_ADMIN_KEY",
    prefixes: ["sk-admin-"],
    body: { chars: B62_URL, min: 124, max: 156 },
    marker: "T3BlbkFJ",
    // 58 or 74 characters, the marker, as many again (the two published generations).
    validate: (token) => {
      const half = (token.length - 9 - 8) / 2;
      return (half === 58 || half === 74) && token.startsWith("T3BlbkFJ", 9 + half);
    },
    docs: "https://platform.openai.com/docs/api-reference/administration",
  },
  {
    id: "openai-legacy",
    name: "OpenAI key",
    category: "ai",
    envVar: "OPENAI_API_KEY",
    prefixes: ["sk-"],
    body: { chars: B62, min: 48, max: 48 },
    marker: "T3BlbkFJ",
    validate: (token) => token.startsWith("T3BlbkFJ", 23),
    docs: "https://platform.openai.com/api-keys",
    note: "user keys from before project keys",
  },
  {
    id: "anthropic",
    name: "Anthropic API key",
    category: "ai",
    envVar: "ANTHROPIC_API_KEY",
    prefixes: ["sk-ant-api03-"],
    body: { chars: B62_URL, min: 95, max: 95 },
    validate: (token) => token.endsWith("AA"),
    docs: "https://docs.anthropic.com/en/api/getting-started",
  },
  {
    id: "anthropic-admin",
    name: "Anthropic admin key",
    category: "ai",
    envVar: "ANTHROPIC_ADMIN_KEY",
    prefixes: ["sk-ant-admin01-"],
    body: { chars: B62_URL, min: 95, max: 95 },
    validate: (token) => token.endsWith("AA"),
    docs: "https://docs.anthropic.com/en/api/administration-api",
  },
  {
    id: "anthropic-oauth",
    name: "Anthropic OAuth token",
    category: "ai",
    envVar: "CLAUDE_CODE_OAUTH_TOKEN",
    prefixes: ["sk-ant-oat01-", "sk-ant-ort01-"],
    body: { chars: B62_URL, min: 80, max: 120 },
    docs: "https://docs.anthropic.com/en/docs/claude-code/iam",
    note: "Claude subscription access (`oat`) and refresh (`ort`) tokens",
  },
  {
    id: "aws-bedrock-short-term",
    name: "Amazon Bedrock short-term API key",
    category: "ai",
    envVar: "AWS_BEARER_TOKEN_BEDROCK",
    // `bedrock-api-key-` and the base64 of `bedrock.amazonaws.com`: a presigned URL, of any length.
    prefixes: ["bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t"],
    body: { chars: B64, min: 40, max: 1000 },
    follow: base64Rest,
    // The base64 of a URL: it decodes to the presigned query (`X-Amz-…`), and is no random base64.
    validate: (token) => !isPlaceholder(token.slice(16)) && (decodedText(token.slice(16), 400)?.includes("X-Amz-") ?? false),
    randomness: "validate",
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html",
  },
  {
    id: "aws-bedrock-long-term",
    name: "Amazon Bedrock long-term API key",
    category: "ai",
    envVar: "AWS_BEARER_TOKEN_BEDROCK",
    // `ABSK` and the base64 of `BedrockAPIKey-`.
    prefixes: ["ABSKQmVkcm9ja0FQSUtleS"],
    body: { chars: B64, min: 80, max: 300 },
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html",
  },
  {
    id: "groq",
    name: "Groq API key",
    category: "ai",
    envVar: "GROQ_API_KEY",
    prefixes: ["gsk_"],
    body: { chars: B62, min: 52, max: 52 },
    docs: "https://console.groq.com/keys",
  },
  {
    id: "google-api",
    name: "Google API key",
    category: "ai",
    envVar: "GEMINI_API_KEY",
    prefixes: ["AIza"],
    body: { chars: B62_URL, min: 35, max: 35 },
    docs: "https://ai.google.dev/gemini-api/docs/api-key",
    note: "keys inside a Firebase web config are public by design and not reported",
  },
  {
    id: "xai",
    name: "xAI API key",
    category: "ai",
    envVar: "XAI_API_KEY",
    prefixes: ["xai-"],
    body: { chars: B62, min: 70, max: 90 },
    docs: "https://docs.x.ai/docs/overview",
  },
  {
    id: "perplexity",
    name: "Perplexity API key",
    category: "ai",
    envVar: "PERPLEXITY_API_KEY",
    prefixes: ["pplx-"],
    body: { chars: B62, min: 40, max: 60 },
    docs: "https://docs.perplexity.ai/guides/getting-started",
  },
  {
    id: "replicate",
    name: "Replicate API token",
    category: "ai",
    envVar: "REPLICATE_API_TOKEN",
    prefixes: ["r8_"],
    body: { chars: B62, min: 37, max: 37 },
    docs: "https://replicate.com/account/api-tokens",
  },
  {
    id: "huggingface",
    name: "Hugging Face token",
    category: "ai",
    envVar: "HF_TOKEN",
    prefixes: ["hf_"],
    body: { chars: "A-Za-z", min: 34, max: 34 },
    docs: "https://huggingface.co/docs/hub/security-tokens",
  },
  {
    id: "huggingface-org",
    name: "Hugging Face organization token",
    category: "ai",
    envVar: "HF_TOKEN",
    prefixes: ["api_org_"],
    body: { chars: "A-Za-z", min: 34, max: 34 },
    docs: "https://huggingface.co/docs/hub/security-tokens",
  },
  {
    id: "cerebras",
    name: "Cerebras API key",
    category: "ai",
    envVar: "CEREBRAS_API_KEY",
    prefixes: ["csk-"],
    body: { chars: "a-z0-9", min: 40, max: 64 },
    docs: "https://inference-docs.cerebras.ai/quickstart",
  },
  {
    id: "fireworks",
    name: "Fireworks AI API key",
    category: "ai",
    envVar: "FIREWORKS_API_KEY",
    prefixes: ["fw_"],
    body: { chars: B62, min: 20, max: 48 },
    docs: "https://docs.fireworks.ai/getting-started/quickstart",
  },
  {
    id: "together",
    name: "Together AI API key",
    category: "ai",
    envVar: "TOGETHER_API_KEY",
    prefixes: ["tgp_v1_"],
    body: { chars: B62_URL, min: 40, max: 60 },
    docs: "https://docs.together.ai/docs/quickstart",
  },
  {
    id: "elevenlabs",
    name: "ElevenLabs API key",
    category: "ai",
    envVar: "ELEVENLABS_API_KEY",
    prefixes: ["sk_"],
    body: { chars: HEX, min: 48, max: 48 },
    docs: "https://elevenlabs.io/docs/api-reference/authentication",
  },
  {
    id: "nvidia",
    name: "NVIDIA NIM API key",
    category: "ai",
    envVar: "NVIDIA_API_KEY",
    prefixes: ["nvapi-"],
    body: { chars: B62_URL, min: 60, max: 70 },
    docs: "https://docs.api.nvidia.com/nim/docs/api-quickstart",
  },
  {
    id: "voyage",
    name: "Voyage AI API key",
    category: "ai",
    envVar: "VOYAGE_API_KEY",
    prefixes: ["pa-"],
    body: { chars: B62_URL, min: 40, max: 48 },
    docs: "https://docs.voyageai.com/docs/api-key-and-installation",
  },
  {
    id: "tavily",
    name: "Tavily API key",
    category: "ai",
    envVar: "TAVILY_API_KEY",
    prefixes: ["tvly-"],
    body: { chars: B62_URL, min: 32, max: 64 },
    docs: "https://docs.tavily.com/documentation/quickstart",
  },
  {
    id: "jina",
    name: "Jina AI API key",
    category: "ai",
    envVar: "JINA_API_KEY",
    prefixes: ["jina_"],
    body: { chars: B62_URL, min: 50, max: 80 },
    docs: "https://jina.ai/",
  },
  {
    id: "deepseek",
    name: "DeepSeek API key",
    category: "ai",
    envVar: "DEEPSEEK_API_KEY",
    prefixes: [],
    body: { chars: "a-z0-9\\-", min: 35, max: 35 },
    validate: (token) => token.startsWith("sk-") && /^sk-[a-f0-9]{32}$/.test(token),
    context: { stems: ["deepseek"] },
    docs: "https://api-docs.deepseek.com/",
    note: "`sk-` and 32 hex digits: too generic alone, found where a name says DeepSeek",
  },
  {
    id: "cohere",
    name: "Cohere API key",
    category: "ai",
    envVar: "CO_API_KEY",
    prefixes: [],
    body: { chars: B62, min: 40, max: 40 },
    context: { stems: ["cohere"], exact: ["coapikey"] },
    docs: "https://docs.cohere.com/docs/rate-limits",
  },
  {
    id: "mistral",
    name: "Mistral API key",
    category: "ai",
    envVar: "MISTRAL_API_KEY",
    prefixes: [],
    body: { chars: B62, min: 32, max: 32 },
    context: { stems: ["mistral"] },
    docs: "https://docs.mistral.ai/getting-started/quickstart/",
  },
  {
    id: "azure-openai",
    name: "Azure OpenAI key",
    category: "ai",
    envVar: "AZURE_OPENAI_API_KEY",
    prefixes: [],
    body: { chars: "a-f0-9", min: 32, max: 32 },
    context: { stems: ["azureopenai", "azureai"] },
    docs: "https://learn.microsoft.com/azure/ai-services/openai/reference",
  },
  {
    id: "azure-ai-services",
    name: "Azure AI services key",
    category: "ai",
    envVar: "AZURE_OPENAI_API_KEY",
    prefixes: [],
    body: { chars: B62, min: 84, max: 84 },
    context: { stems: ["azureopenai", "azureai", "azurecognitive", "aifoundry"] },
    docs: "https://learn.microsoft.com/azure/ai-services/authentication",
    note: "the 84-character keys of newer resources",
  },
  {
    id: "stability",
    name: "Stability AI API key",
    category: "ai",
    envVar: "STABILITY_API_KEY",
    prefixes: [],
    body: { chars: "A-Za-z0-9\\-", min: 51, max: 51 },
    validate: (token) => /^sk-[A-Za-z0-9]{48}$/.test(token),
    context: { stems: ["stability"] },
    docs: "https://platform.stability.ai/docs/getting-started/authentication",
    note: "`sk-` and 48 characters, the shape of old OpenAI keys: found where a name says Stability",
  },
  {
    id: "deepgram",
    name: "Deepgram API key",
    category: "ai",
    envVar: "DEEPGRAM_API_KEY",
    prefixes: [],
    body: { chars: HEX, min: 40, max: 40 },
    context: { stems: ["deepgram"] },
    docs: "https://developers.deepgram.com/docs/create-additional-api-keys",
  },
  {
    id: "assemblyai",
    name: "AssemblyAI API key",
    category: "ai",
    envVar: "ASSEMBLYAI_API_KEY",
    prefixes: [],
    body: { chars: HEX, min: 32, max: 32 },
    context: { stems: ["assemblyai"] },
    docs: "https://www.assemblyai.com/docs/api-reference/overview#authorization",
  },
  {
    id: "firecrawl",
    name: "Firecrawl API key",
    category: "ai",
    envVar: "FIRECRAWL_API_KEY",
    prefixes: ["fc-"],
    body: { chars: HEX, min: 32, max: 32 },
    docs: "https://docs.firecrawl.dev/introduction#api-key",
  },
  // ---------------------------------------------------------------- gateways and tooling around AI
  {
    id: "izzi",
    name: "Izzi API gateway key",
    category: "ai-gateway",
    envVar: "IZZI_API_KEY",
    prefixes: ["izzi-"],
    body: { chars: B62_URL, min: 24, max: 128 },
    docs: "https://izziapi.com/",
  },
  {
    id: "openrouter",
    name: "OpenRouter API key",
    category: "ai-gateway",
    envVar: "OPENROUTER_API_KEY",
    prefixes: ["sk-or-v1-"],
    body: { chars: HEX, min: 64, max: 64 },
    docs: "https://openrouter.ai/docs/api-reference/authentication",
  },
  {
    id: "langsmith",
    name: "LangSmith API key",
    category: "ai-gateway",
    envVar: "LANGSMITH_API_KEY",
    prefixes: ["lsv2_pt_", "lsv2_sk_"],
    body: { chars: "a-f0-9_", min: 43, max: 43 },
    validate: separatorAt(10, "_"),
    docs: "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key",
  },
  {
    id: "langfuse",
    name: "Langfuse secret key",
    category: "ai-gateway",
    envVar: "LANGFUSE_SECRET_KEY",
    prefixes: ["sk-lf-"],
    body: { chars: "a-f0-9\\-", min: 36, max: 36 },
    docs: "https://langfuse.com/docs/get-started",
  },
  {
    id: "pinecone",
    name: "Pinecone API key",
    category: "data",
    envVar: "PINECONE_API_KEY",
    prefixes: ["pcsk_"],
    body: { chars: "A-Za-z0-9_", min: 60, max: 90 },
    // `pcsk_<key id>_<secret>`: both segments present and of their length.
    validate: (token) => /^pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}$/.test(token),
    docs: "https://docs.pinecone.io/guides/projects/manage-api-keys",
  },
  // ---------------------------------------------------------------- source control and registries
  {
    id: "github-classic",
    name: "GitHub token",
    category: "source-control",
    envVar: "GITHUB_TOKEN",
    prefixes: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
    body: { chars: B62, min: 36, max: 36 },
    checksum: "base62-crc32",
    docs: "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/",
  },
  {
    id: "github-app-installation",
    name: "GitHub App installation token",
    category: "source-control",
    envVar: "GITHUB_TOKEN",
    prefixes: ["ghs_"],
    body: { chars: "A-Za-z0-9._\\-", min: 100, max: 1000 },
    // `ghs_<app id>_<JWT>`, about 520 characters (the stateless format of 2026).
    validate: (token) => {
      const id = /^ghs_\d{1,12}_/.exec(token);
      const parts = id ? token.slice(id[0].length).split(".") : [];
      return parts.length === 3 && parts[0]!.startsWith("eyJ") && parts.every((part) => /^[\w-]{10,}$/.test(part));
    },
    randomness: "validate",
    docs: "https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app",
    note: "the long stateless form; the 40-character form is `github-classic`",
  },
  {
    id: "github-fine-grained",
    name: "GitHub fine-grained token",
    category: "source-control",
    envVar: "GITHUB_TOKEN",
    prefixes: ["github_pat_"],
    body: { chars: "A-Za-z0-9_", min: 82, max: 82 },
    validate: separatorAt(59, "_"),
    docs: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens",
  },
  {
    id: "gitlab",
    name: "GitLab token",
    category: "source-control",
    envVar: "GITLAB_TOKEN",
    prefixes: ["glpat-"],
    body: { chars: "A-Za-z0-9_.\\-", min: 20, max: 320 },
    // 20 characters, or the routable form: a base64 payload, `.`, a 2-character version and a CRC.
    validate: (token) => /^glpat-(?:[\w-]{20}|[\w-]{27,300}\.[0-9a-z]{2}\.?[0-9a-z]{7,9})$/.test(token),
    docs: "https://docs.gitlab.com/security/tokens/#token-prefixes",
    note: "personal, project and group access tokens",
  },
  ...gitlab("gitlab-deploy", "GitLab deploy token", "gldt-", 20),
  {
    id: "gitlab-runner",
    name: "GitLab runner authentication token",
    category: "source-control",
    envVar: "CI_RUNNER_TOKEN",
    prefixes: ["glrt-"],
    body: { chars: "A-Za-z0-9_.\\-", min: 20, max: 320 },
    validate: (token) => /^glrt-(?:[\w-]{20}|(?:t\d_)?[\w-]{27,300}\.[0-9a-z]{2}\.?[0-9a-z]{7,9})$/.test(token),
    docs: "https://docs.gitlab.com/security/tokens/#runner-authentication-tokens",
  },
  {
    id: "gitlab-pipeline-trigger",
    name: "GitLab pipeline trigger token",
    category: "source-control",
    envVar: "GITLAB_TRIGGER_TOKEN",
    prefixes: ["glptt-"],
    body: { chars: HEX, min: 40, max: 40 },
    docs: "https://docs.gitlab.com/ci/triggers/",
  },
  {
    id: "gitlab-cicd-job",
    name: "GitLab CI/CD job token",
    category: "source-control",
    envVar: "CI_JOB_TOKEN",
    prefixes: ["glcbt-"],
    body: { chars: "A-Za-z0-9_\\-", min: 22, max: 26 },
    // `glcbt-<partition>_<20 characters>`
    validate: (token) => /^glcbt-[0-9a-zA-Z]{1,5}_[\w-]{20}$/.test(token),
    docs: "https://docs.gitlab.com/ci/jobs/ci_job_token/",
  },
  // GitLab draws the incoming mail token as a 128-bit number written in base 36, lower case, without
  // leading zeros (`SecureRandom.hex.to_i(16).to_s(36)`, app/models/user.rb): 25 characters at most,
  // fewer in 1 of 15 tokens, fewer than 22 in about 1 of 700,000. The OAuth secret is 32 random bytes in hex.
  ...gitlab("gitlab-incoming-mail", "GitLab incoming mail token", "glimt-", [22, 25], "a-z0-9"),
  ...gitlab("gitlab-agent", "GitLab agent for Kubernetes token", "glagent-", 50),
  ...gitlab("gitlab-oauth-secret", "GitLab OAuth application secret", "gloas-", 64, HEX),
  ...gitlab("gitlab-scim", "GitLab SCIM token", "glsoat-", 20),
  ...gitlab("gitlab-feed", "GitLab feed token", "glft-", 20),
  ...gitlab("gitlab-feature-flags", "GitLab feature flags client token", "glffct-", 20),
  ...gitlab("gitlab-runner-registration", "GitLab runner registration token", "GR1348941", 20),
  {
    id: "npmrc-auth-token",
    name: "npm registry token in .npmrc",
    category: "source-control",
    envVar: "NPM_TOKEN",
    // `//registry.npmjs.org/:_authToken=<uuid>`: the legacy token format, found by its place.
    prefixes: [":_authToken="],
    place: true,
    body: { chars: "a-f0-9\\-", min: 36, max: 36 },
    validate: endsWithUuid,
    docs: "https://docs.npmjs.com/cli/configuring-npm/npmrc#auth-related-configuration",
    note: "granular `npm_` tokens are found anywhere (`npm`)",
  },
  {
    id: "npmrc-auth",
    name: "npm registry credentials in .npmrc",
    category: "source-control",
    envVar: "NPM_AUTH",
    prefixes: [":_auth="],
    place: true,
    body: { chars: B64, min: 12, max: 400 },
    validate: (token) => isBasicCredentials(token.slice(token.indexOf("=") + 1)),
    randomness: "validate",
    docs: "https://docs.npmjs.com/cli/configuring-npm/npmrc#auth-related-configuration",
    note: "base64 `user:password` with a real password",
  },
  {
    id: "rubygems",
    name: "RubyGems API key",
    category: "source-control",
    envVar: "GEM_HOST_API_KEY",
    prefixes: ["rubygems_"],
    body: { chars: HEX, min: 48, max: 48 },
    docs: "https://guides.rubygems.org/api-key-scopes/",
  },
  {
    id: "clojars",
    name: "Clojars deploy token",
    category: "source-control",
    envVar: "CLOJARS_TOKEN",
    prefixes: ["CLOJARS_"],
    body: { chars: "a-z0-9", min: 60, max: 60 },
    docs: "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens",
  },
  {
    id: "docker-hub",
    name: "Docker Hub access token",
    category: "source-control",
    envVar: "DOCKERHUB_TOKEN",
    prefixes: ["dckr_pat_", "dckr_oat_"],
    body: { chars: B62_URL, min: 27, max: 40 },
    docs: "https://docs.docker.com/security/for-developers/access-tokens/",
  },
  {
    id: "buildkite",
    name: "Buildkite API token",
    category: "source-control",
    envVar: "BUILDKITE_API_TOKEN",
    prefixes: ["bkua_"],
    body: { chars: HEX, min: 40, max: 40 },
    docs: "https://buildkite.com/docs/apis/managing-api-tokens",
  },
  {
    id: "circleci",
    name: "CircleCI API token",
    category: "source-control",
    envVar: "CIRCLECI_TOKEN",
    prefixes: ["CCIPAT_", "CCIPRJ_"],
    body: { chars: "A-Za-z0-9_", min: 63, max: 63 },
    validate: (token) => /^CCIP(?:AT|RJ)_[A-Za-z0-9]{22}_[a-f0-9]{40}$/.test(token) && !isPlaceholder(token.slice(7)),
    randomness: "validate",
    docs: "https://circleci.com/docs/managing-api-tokens/",
  },
  {
    id: "sonarqube",
    name: "SonarQube token",
    category: "source-control",
    envVar: "SONAR_TOKEN",
    prefixes: ["squ_", "sqp_", "sqa_"],
    body: { chars: HEX, min: 40, max: 40 },
    docs: "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/",
  },
  {
    id: "sourcegraph",
    name: "Sourcegraph access token",
    category: "source-control",
    envVar: "SRC_ACCESS_TOKEN",
    prefixes: ["sgp_"],
    body: { chars: "a-f0-9_", min: 40, max: 57 },
    validate: (token) => /^sgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40}$/.test(token),
    docs: "https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token",
  },
  {
    id: "artifactory-api-key",
    name: "JFrog Artifactory API key",
    category: "source-control",
    envVar: "ARTIFACTORY_API_KEY",
    prefixes: ["AKCp"],
    body: { chars: B62, min: 69, max: 69 },
    docs: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key",
  },
  {
    id: "artifactory-reference-token",
    name: "JFrog reference token",
    category: "source-control",
    envVar: "JFROG_ACCESS_TOKEN",
    // base64 of `reftkn:01:<expiry>:<random>`: 64 characters, a few more for a longer random part.
    prefixes: ["cmVmd"],
    body: { chars: B62, min: 59, max: 63 },
    docs: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens",
  },
  {
    id: "octopus-deploy",
    name: "Octopus Deploy API key",
    category: "source-control",
    envVar: "OCTOPUS_API_KEY",
    prefixes: ["API-"],
    body: { chars: "A-Z0-9", min: 26, max: 26 },
    docs: "https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key",
  },
  {
    id: "npm",
    name: "npm access token",
    category: "source-control",
    envVar: "NPM_TOKEN",
    prefixes: ["npm_"],
    body: { chars: B62, min: 36, max: 36 },
    checksum: "base62-crc32",
    docs: "https://github.blog/security/announcing-npms-new-access-token-format/",
  },
  {
    id: "pypi",
    name: "PyPI upload token",
    category: "source-control",
    envVar: "PYPI_TOKEN",
    prefixes: ["pypi-AgEIcHlwaS5vcmc"],
    body: { chars: B62_URL, min: 50, max: 1000 },
    checksum: "pypi-macaroon",
    docs: "https://pypi.org/help/#apitoken",
  },
  {
    id: "testpypi",
    name: "TestPyPI upload token",
    category: "source-control",
    envVar: "TEST_PYPI_API_TOKEN",
    // `pypi-` and a macaroon whose location is `test.pypi.org`, in base64url.
    prefixes: ["pypi-AgENdGVzdC5weXBpLm9yZw"],
    body: { chars: B62_URL, min: 50, max: 1000 },
    checksum: "pypi-macaroon",
    docs: "https://test.pypi.org/help/#apitoken",
  },
  // ---------------------------------------------------------------- cloud
  {
    id: "aws-access-key",
    name: "AWS access key ID",
    category: "cloud",
    envVar: "AWS_ACCESS_KEY_ID",
    prefixes: ["AKIA", "ASIA", "ABIA", "ACCA"],
    // base32: upper case and the digits 2 to 7.
    body: { chars: "A-Z2-7", min: 16, max: 16 },
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
  },
  {
    id: "aws-secret-key",
    name: "AWS secret access key",
    category: "cloud",
    envVar: "AWS_SECRET_ACCESS_KEY",
    prefixes: [],
    body: { chars: "A-Za-z0-9/+", min: 40, max: 40 },
    context: { stems: ["secretaccesskey", "awssecret"] },
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
  },
  {
    id: "aws-secret-key-config",
    name: "AWS secret access key (configuration)",
    category: "cloud",
    envVar: "AWS_SECRET_ACCESS_KEY",
    // The places configuration text holds one: credentials files, env files, JSON.
    prefixes: [
      "aws_secret_access_key=",
      "aws_secret_access_key = ",
      "AWS_SECRET_ACCESS_KEY=",
      "AWS_SECRET_ACCESS_KEY = ",
      '"SecretAccessKey": "',
      '"SecretAccessKey":"',
      '"secretAccessKey": "',
      '"secretAccessKey":"',
    ],
    place: true,
    body: { chars: "A-Za-z0-9/+", min: 40, max: 40 },
    docs: "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html",
  },
  {
    id: "alibaba",
    name: "Alibaba Cloud AccessKey ID",
    category: "cloud",
    envVar: "ALIBABA_CLOUD_ACCESS_KEY_ID",
    prefixes: ["LTAI"],
    body: { chars: B62, min: 20, max: 20 },
    docs: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
  },
  {
    id: "azure-ad-client-secret",
    name: "Microsoft Entra ID client secret",
    category: "cloud",
    envVar: "AZURE_CLIENT_SECRET",
    // `<3 characters><digit>Q~<31 to 34 characters>`
    prefixes: ["Q~"],
    before: { chars: "a-zA-Z0-9_~.", min: 4, max: 4 },
    body: { chars: "a-zA-Z0-9_~.\\-", min: 31, max: 34 },
    validate: (token) => isDigit(token.charCodeAt(3)),
    docs: "https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials",
  },
  {
    id: "azure-storage-key",
    name: "Azure storage account key",
    category: "cloud",
    envVar: "AZURE_STORAGE_CONNECTION_STRING",
    prefixes: ["AccountKey="],
    place: true,
    body: { chars: B64, min: 88, max: 88 },
    validate: (token) => token.endsWith("=="),
    // The key alone (`storageAccountKey = "…=="`), 64 bytes in base64, where a name says it is an account key.
    context: { stems: ["accountkey", "storagekey"] },
    docs: "https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string",
    note: "in a connection string (Cosmos DB's too)",
  },
  {
    id: "azure-shared-access-key",
    name: "Azure shared access key",
    category: "cloud",
    envVar: "AZURE_SERVICEBUS_CONNECTION_STRING",
    prefixes: ["SharedAccessKey="],
    place: true,
    body: { chars: B64, min: 44, max: 44 },
    validate: (token) => token.endsWith("="),
    docs: "https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas",
    note: "Service Bus, Event Hubs and IoT Hub connection strings",
  },
  {
    id: "google-oauth-access",
    name: "Google OAuth access token",
    category: "cloud",
    envVar: "GOOGLE_ACCESS_TOKEN",
    prefixes: ["ya29."],
    body: { chars: B62_URL, min: 30, max: 1000 },
    docs: "https://developers.google.com/identity/protocols/oauth2",
  },
  {
    id: "google-oauth-refresh",
    name: "Google OAuth refresh token",
    category: "cloud",
    envVar: "GOOGLE_REFRESH_TOKEN",
    prefixes: ["1//0"],
    body: { chars: B62_URL, min: 40, max: 200 },
    docs: "https://developers.google.com/identity/protocols/oauth2",
  },
  {
    id: "google-oauth-secret",
    name: "Google OAuth client secret",
    category: "cloud",
    envVar: "GOOGLE_CLIENT_SECRET",
    prefixes: ["GOCSPX-"],
    body: { chars: B62_URL, min: 28, max: 28 },
    docs: "https://developers.google.com/identity/protocols/oauth2",
  },
  {
    id: "digitalocean",
    name: "DigitalOcean token",
    category: "cloud",
    envVar: "DIGITALOCEAN_TOKEN",
    prefixes: ["dop_v1_", "doo_v1_", "dor_v1_"],
    body: { chars: HEX, min: 64, max: 64 },
    docs: "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
  },
  {
    id: "databricks",
    name: "Databricks token",
    category: "cloud",
    envVar: "DATABRICKS_TOKEN",
    prefixes: ["dapi"],
    body: { chars: "a-f0-9\\-", min: 32, max: 34 },
    // 32 hex digits, and a `-<digit>` suffix on some.
    validate: (token) => /^dapi[a-f0-9]{32}(?:-\d)?$/.test(token),
    docs: "https://docs.databricks.com/aws/en/dev-tools/auth/pat",
  },
  {
    id: "vault",
    name: "HashiCorp Vault token",
    category: "cloud",
    envVar: "VAULT_TOKEN",
    prefixes: ["hvs.", "hvb.", "hvr."],
    body: { chars: B62_URL, min: 90, max: 300 },
    docs: "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
    note: "service `hvs.`, batch `hvb.` and recovery `hvr.` tokens",
  },
  {
    id: "vault-legacy",
    name: "HashiCorp Vault token (legacy)",
    category: "cloud",
    envVar: "VAULT_TOKEN",
    // `s.` is everywhere in code (`this.s.x`): found where a name says Vault.
    prefixes: [],
    body: { chars: "A-Za-z0-9.", min: 26, max: 26 },
    // 24 random base62 characters hold both cases but once in 200,000 draws: one case alone is a word.
    validate: (token) => /^s\.[A-Za-z0-9]{24}$/.test(token) && /[a-z]/.test(token.slice(2)) && /[A-Z]/.test(token),
    context: { stems: ["vault"] },
    docs: "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
    note: "`s.` and 24 characters, from before Vault 1.10: found where a name says Vault",
  },
  {
    id: "doppler",
    name: "Doppler token",
    category: "cloud",
    envVar: "DOPPLER_TOKEN",
    prefixes: ["dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."],
    // Service tokens name their config: `dp.st.<config>.` then the secret.
    body: { chars: "A-Za-z0-9._\\-", min: 40, max: 90 },
    validate: (token) => /^dp\.(?:st\.(?:[A-Za-z0-9_-]{1,40}\.)?|[a-z]{2,5}\.)[A-Za-z0-9]{40,44}$/.test(token),
    docs: "https://docs.doppler.com/docs/token-formats",
  },
  {
    id: "terraform-cloud",
    name: "HCP Terraform API token",
    category: "cloud",
    envVar: "TF_TOKEN_app_terraform_io",
    prefixes: [".atlasv1."],
    before: { chars: B62, min: 14, max: 14 },
    body: { chars: B62_URL, min: 60, max: 70 },
    docs: "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
  },
  {
    id: "pulumi",
    name: "Pulumi access token",
    category: "cloud",
    envVar: "PULUMI_ACCESS_TOKEN",
    prefixes: ["pul-"],
    body: { chars: HEX, min: 40, max: 40 },
    docs: "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/",
  },
  {
    id: "prefect",
    name: "Prefect API key",
    category: "cloud",
    envVar: "PREFECT_API_KEY",
    prefixes: ["pnu_"],
    body: { chars: B62, min: 36, max: 36 },
    docs: "https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys",
  },
  {
    id: "heroku",
    name: "Heroku API key",
    category: "cloud",
    envVar: "HEROKU_API_KEY",
    prefixes: ["HRKU-"],
    body: { chars: B62_URL, min: 60, max: 60 },
    docs: "https://devcenter.heroku.com/articles/authentication",
  },
  {
    id: "heroku-legacy",
    name: "Heroku API key (UUID)",
    category: "cloud",
    envVar: "HEROKU_API_KEY",
    prefixes: [],
    body: { chars: "a-f0-9\\-", min: 36, max: 36 },
    validate: endsWithUuid,
    context: { stems: ["heroku"] },
    docs: "https://devcenter.heroku.com/articles/authentication",
  },
  {
    id: "flyio",
    name: "Fly.io access token",
    category: "cloud",
    envVar: "FLY_API_TOKEN",
    prefixes: ["fo1_"],
    body: { chars: B62_URL, min: 43, max: 43 },
    docs: "https://fly.io/docs/security/tokens/",
  },
  {
    id: "flyio-macaroon",
    name: "Fly.io macaroon token",
    category: "cloud",
    envVar: "FLY_API_TOKEN",
    prefixes: ["fm1a_", "fm1r_", "fm2_"],
    body: { chars: B64, min: 100, max: 1000 },
    follow: base64Rest,
    docs: "https://fly.io/docs/security/tokens/",
  },
  {
    id: "netlify",
    name: "Netlify access token",
    category: "cloud",
    envVar: "NETLIFY_AUTH_TOKEN",
    prefixes: ["nfp_"],
    body: { chars: B62, min: 36, max: 40 },
    docs: "https://docs.netlify.com/api/get-started/#authentication",
  },
  {
    id: "render",
    name: "Render API key",
    category: "cloud",
    envVar: "RENDER_API_KEY",
    prefixes: ["rnd_"],
    body: { chars: B62, min: 32, max: 32 },
    docs: "https://render.com/docs/api#1-create-an-api-key",
  },
  {
    id: "vercel",
    name: "Vercel token",
    category: "cloud",
    envVar: "VERCEL_TOKEN",
    prefixes: ["vcp_", "vci_", "vca_", "vcr_", "vck_"],
    body: { chars: B62, min: 24, max: 80 },
    docs: "https://vercel.com/changelog/new-token-formats-and-secret-scanning",
    note: "personal, integration, app access, app refresh tokens and API keys",
  },
  {
    id: "cloudflare-token",
    name: "Cloudflare API token",
    category: "cloud",
    envVar: "CLOUDFLARE_API_TOKEN",
    prefixes: ["cfut_", "cfat_"],
    body: { chars: B62, min: 48, max: 48 },
    // 40 characters and an 8-hex-digit checksum.
    validate: (token) => /[a-f0-9]{8}$/.test(token),
    docs: "https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/",
    note: "user (`cfut_`) and account (`cfat_`) tokens",
  },
  {
    id: "cloudflare-global-key",
    name: "Cloudflare Global API key",
    category: "cloud",
    envVar: "CLOUDFLARE_API_KEY",
    prefixes: ["cfk_"],
    body: { chars: B62, min: 48, max: 48 },
    validate: (token) => /[a-f0-9]{8}$/.test(token),
    docs: "https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/",
  },
  {
    id: "cloudflare-origin-ca",
    name: "Cloudflare Origin CA key",
    category: "cloud",
    envVar: "CLOUDFLARE_ORIGIN_CA_KEY",
    prefixes: ["v1.0-"],
    body: { chars: "a-f0-9\\-", min: 171, max: 171 },
    validate: (token) => /^v1\.0-[a-f0-9]{24}-[a-f0-9]{146}$/.test(token),
    docs: "https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/",
  },
  {
    id: "planetscale",
    name: "PlanetScale token",
    category: "data",
    envVar: "PLANETSCALE_SERVICE_TOKEN",
    prefixes: ["pscale_tkn_", "pscale_oauth_"],
    body: { chars: "A-Za-z0-9_=.\\-", min: 32, max: 64 },
    docs: "https://planetscale.com/docs/concepts/service-tokens",
  },
  {
    id: "planetscale-password",
    name: "PlanetScale database password",
    category: "data",
    envVar: "DATABASE_PASSWORD",
    prefixes: ["pscale_pw_"],
    body: { chars: "A-Za-z0-9_=.\\-", min: 32, max: 64 },
    docs: "https://planetscale.com/docs/concepts/connection-strings",
  },
  {
    id: "tailscale",
    name: "Tailscale key",
    category: "cloud",
    envVar: "TS_AUTHKEY",
    prefixes: ["tskey-api-", "tskey-auth-", "tskey-client-", "tskey-scim-", "tskey-webhook-"],
    body: { chars: "A-Za-z0-9\\-", min: 40, max: 80 },
    // `<key id>-<secret>`
    validate: (token) => /^tskey-[a-z]{3,7}-[A-Za-z0-9]{8,24}-[A-Za-z0-9]{30,60}$/.test(token),
    docs: "https://tailscale.com/kb/1277/key-prefixes",
  },
  {
    id: "supabase-secret",
    name: "Supabase secret key",
    category: "data",
    envVar: "SUPABASE_SECRET_KEY",
    prefixes: ["sb_secret_", "sbp_"],
    body: { chars: B62_URL, min: 30, max: 64 },
    docs: "https://supabase.com/docs/guides/api/api-keys",
    note: "publishable and anon keys are public by design",
  },
  // ---------------------------------------------------------------- payments and messaging
  {
    id: "stripe-secret",
    name: "Stripe secret key",
    category: "payments",
    envVar: "STRIPE_SECRET_KEY",
    prefixes: ["sk_live_", "sk_test_"],
    body: { chars: B62, min: 24, max: 247 },
    docs: "https://docs.stripe.com/keys",
    note: "publishable `pk_` keys are public by design",
  },
  {
    id: "stripe-restricted",
    name: "Stripe restricted key",
    category: "payments",
    envVar: "STRIPE_SECRET_KEY",
    prefixes: ["rk_live_", "rk_test_", "rk_prod_"],
    body: { chars: B62, min: 24, max: 247 },
    docs: "https://docs.stripe.com/keys#limit-access",
  },
  {
    id: "stripe-webhook-secret",
    name: "Stripe webhook signing secret",
    category: "payments",
    envVar: "STRIPE_WEBHOOK_SECRET",
    prefixes: ["whsec_"],
    body: { chars: B62, min: 32, max: 64 },
    docs: "https://docs.stripe.com/webhooks#verify-official-libraries",
  },
  {
    id: "square",
    name: "Square access token",
    category: "payments",
    envVar: "SQUARE_ACCESS_TOKEN",
    prefixes: ["sq0atp-", "EAAA"],
    body: { chars: B62_URL, min: 22, max: 60 },
    docs: "https://developer.squareup.com/docs/build-basics/access-tokens",
  },
  {
    id: "square-oauth-secret",
    name: "Square OAuth secret",
    category: "payments",
    envVar: "SQUARE_APPLICATION_SECRET",
    prefixes: ["sq0csp-"],
    body: { chars: B62_URL, min: 43, max: 43 },
    docs: "https://developer.squareup.com/docs/oauth-api/overview",
  },
  {
    id: "braintree",
    name: "Braintree access token",
    category: "payments",
    envVar: "BRAINTREE_ACCESS_TOKEN",
    prefixes: ["access_token$production$", "access_token$sandbox$"],
    body: { chars: "a-z0-9$", min: 49, max: 49 },
    validate: (token) => /\$[a-z0-9]{16}\$[a-f0-9]{32}$/.test(token) && !isPlaceholder(token.slice(-49).replace("$", "")),
    randomness: "validate",
    docs: "https://developer.paypal.com/braintree/docs/guides/authorization/access-token",
  },
  {
    id: "flutterwave",
    name: "Flutterwave secret key",
    category: "payments",
    envVar: "FLW_SECRET_KEY",
    prefixes: ["FLWSECK_TEST-", "FLWSECK-"],
    body: { chars: "a-hA-H0-9X\\-", min: 34, max: 34 },
    validate: (token) => token.endsWith("-X"),
    docs: "https://developer.flutterwave.com/docs/authentication",
  },
  {
    id: "shippo",
    name: "Shippo API token",
    category: "payments",
    envVar: "SHIPPO_API_TOKEN",
    prefixes: ["shippo_live_", "shippo_test_"],
    body: { chars: "a-fA-F0-9", min: 40, max: 40 },
    docs: "https://docs.goshippo.com/docs/guides_general/authentication/",
  },
  {
    id: "easypost",
    name: "EasyPost API key",
    category: "payments",
    envVar: "EASYPOST_API_KEY",
    prefixes: ["EZAK", "EZTK"],
    body: { chars: B62, min: 54, max: 54 },
    docs: "https://docs.easypost.com/docs/authentication",
  },
  {
    id: "duffel",
    name: "Duffel API token",
    category: "payments",
    envVar: "DUFFEL_ACCESS_TOKEN",
    prefixes: ["duffel_test_", "duffel_live_"],
    body: { chars: "A-Za-z0-9_=\\-", min: 43, max: 43 },
    docs: "https://duffel.com/docs/api/overview/making-requests/authentication",
  },
  {
    id: "plaid",
    name: "Plaid access token",
    category: "payments",
    envVar: "PLAID_ACCESS_TOKEN",
    prefixes: ["access-sandbox-", "access-development-", "access-production-"],
    body: { chars: "a-f0-9\\-", min: 36, max: 36 },
    validate: endsWithUuid,
    docs: "https://plaid.com/docs/api/tokens/",
  },
  {
    id: "shopify",
    name: "Shopify access token",
    category: "payments",
    envVar: "SHOPIFY_ACCESS_TOKEN",
    prefixes: ["shpat_"],
    body: { chars: "a-fA-F0-9", min: 32, max: 32 },
    docs: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens",
  },
  ...shopify("shopify-custom-app", "Shopify custom app access token", "shpca_"),
  ...shopify("shopify-private-app", "Shopify private app access token", "shppa_"),
  ...shopify("shopify-shared-secret", "Shopify app shared secret", "shpss_"),
  {
    id: "slack-token",
    name: "Slack token",
    category: "messaging",
    envVar: "SLACK_BOT_TOKEN",
    prefixes: ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxo-", "xoxs-", "xoxe-", "xoxe.xoxb-", "xoxe.xoxp-", "xapp-"],
    body: { chars: "A-Za-z0-9\\-", min: 8, max: 250 },
    validate: isSlackToken,
    randomness: "validate",
    docs: "https://api.slack.com/concepts/token-types",
    note: "bot, user, workspace, refresh, legacy, configuration and app-level tokens, each with its own segments",
  },
  {
    id: "slack-webhook",
    name: "Slack incoming webhook",
    category: "messaging",
    envVar: "SLACK_WEBHOOK_URL",
    // With its scheme where it has one, so that the suggestion replaces the whole URL.
    prefixes: ["https://hooks.slack.com/services/", "hooks.slack.com/services/"],
    body: { chars: "A-Za-z0-9/", min: 40, max: 64 },
    // The ids are judged by their shape; the secret, 24 random characters, must not be a placeholder.
    validate: (token) =>
      /^(?:https:\/\/)?hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{24}$/.test(token) &&
      !isPlaceholder(token.slice(token.lastIndexOf("/") + 1)),
    docs: "https://api.slack.com/messaging/webhooks",
  },
  {
    id: "slack-workflow-webhook",
    name: "Slack workflow webhook",
    category: "messaging",
    envVar: "SLACK_WEBHOOK_URL",
    prefixes: [
      "https://hooks.slack.com/workflows/",
      "hooks.slack.com/workflows/",
      "https://hooks.slack.com/triggers/",
      "hooks.slack.com/triggers/",
    ],
    body: { chars: "A-Za-z0-9/", min: 40, max: 120 },
    // `workflows/T…/A…/<id>/<secret>` and `triggers/T…/<id>/<secret>`
    validate: (token) =>
      /\/(?:workflows|triggers)\/T[A-Z0-9]{6,12}\/(?:A[A-Z0-9]{6,14}\/)?\d{6,20}\/[A-Za-z0-9]{20,40}$/.test(token),
    docs: "https://slack.com/help/articles/360041352714-Build-a-workflow--Create-a-workflow-that-starts-outside-of-Slack",
  },
  {
    id: "discord-webhook",
    name: "Discord webhook",
    category: "messaging",
    envVar: "DISCORD_WEBHOOK_URL",
    prefixes: ["https://discord.com/api/webhooks/", "https://discordapp.com/api/webhooks/", "https://canary.discord.com/api/webhooks/"],
    body: { chars: "A-Za-z0-9_/\\-", min: 78, max: 95 },
    validate: (token) => /\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,72}$/.test(token),
    docs: "https://discord.com/developers/docs/resources/webhook",
  },
  {
    id: "telegram-bot",
    name: "Telegram bot token",
    category: "messaging",
    envVar: "TELEGRAM_BOT_TOKEN",
    // `<bot id>:AA<33 characters>`
    prefixes: [":AA"],
    before: { chars: "0-9", min: 6, max: 12 },
    body: { chars: B62_URL, min: 33, max: 33 },
    docs: "https://core.telegram.org/bots/api#authorizing-your-bot",
  },
  {
    id: "twitter-bearer",
    name: "X (Twitter) bearer token",
    category: "messaging",
    envVar: "TWITTER_BEARER_TOKEN",
    prefixes: ["AAAAAAAAAAAAAAAAAAAAA"],
    body: { chars: "A-Za-z0-9%", min: 80, max: 100 },
    // URL-encoded base64 (`%2F`, `%3D`): judged here, not as a placeholder with `%`.
    validate: (token) => {
      const body = token.slice(21).replace(/%[0-9A-F]{2}/g, "");
      return /[a-z]/.test(body) && /[0-9]/.test(body) && !isPlaceholder(body);
    },
    randomness: "validate",
    docs: "https://docs.x.com/fundamentals/authentication/oauth-2-0/bearer-tokens",
  },
  {
    id: "meta-access-token",
    name: "Meta (Facebook) access token",
    category: "messaging",
    envVar: "FACEBOOK_ACCESS_TOKEN",
    prefixes: ["EAAC", "EAAM", "EAAG"],
    body: { chars: B62, min: 100, max: 500 },
    docs: "https://developers.facebook.com/docs/facebook-login/guides/access-tokens",
  },
  {
    id: "brevo",
    name: "Brevo (Sendinblue) API key",
    category: "messaging",
    envVar: "BREVO_API_KEY",
    prefixes: ["xkeysib-", "xsmtpsib-"],
    body: { chars: "A-Za-z0-9\\-", min: 81, max: 81 },
    validate: (token) => /-[a-f0-9]{64}-[A-Za-z0-9]{16}$/.test(token) && !isPlaceholder(token.slice(-81)),
    randomness: "validate",
    docs: "https://developers.brevo.com/docs/getting-started",
  },
  {
    id: "mailchimp",
    name: "Mailchimp API key",
    category: "messaging",
    envVar: "MAILCHIMP_API_KEY",
    // `<32 hex digits>-us<data center>`
    prefixes: ["-us"],
    before: { chars: HEX, min: 32, max: 32 },
    body: { chars: "0-9", min: 1, max: 2 },
    docs: "https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key",
  },
  {
    id: "mailgun",
    name: "Mailgun API key",
    category: "messaging",
    envVar: "MAILGUN_API_KEY",
    prefixes: [],
    body: { chars: "a-z0-9\\-", min: 36, max: 50 },
    validate: (token) => /^(?:key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})$/.test(token),
    randomness: "validate",
    context: { stems: ["mailgun"] },
    docs: "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication",
  },
  {
    id: "postmark",
    name: "Postmark server token",
    category: "messaging",
    envVar: "POSTMARK_SERVER_TOKEN",
    prefixes: [],
    body: { chars: "a-f0-9\\-", min: 36, max: 36 },
    validate: endsWithUuid,
    context: { stems: ["postmark"] },
    docs: "https://postmarkapp.com/developer/api/overview#authentication",
  },
  {
    id: "sendgrid",
    name: "SendGrid API key",
    category: "messaging",
    envVar: "SENDGRID_API_KEY",
    prefixes: ["SG."],
    body: { chars: "A-Za-z0-9_.\\-", min: 66, max: 66 },
    validate: separatorAt(43, "."),
    docs: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
  },
  {
    id: "twilio-api-key",
    name: "Twilio API key",
    category: "messaging",
    envVar: "TWILIO_API_KEY",
    prefixes: ["SK"],
    body: { chars: HEX, min: 32, max: 32 },
    docs: "https://www.twilio.com/docs/iam/api-keys",
  },
  {
    id: "twilio-auth-token",
    name: "Twilio auth token",
    category: "messaging",
    envVar: "TWILIO_AUTH_TOKEN",
    prefixes: [],
    body: { chars: HEX, min: 32, max: 32 },
    context: { stems: ["twilio"] },
    docs: "https://www.twilio.com/docs/iam/api/authtoken",
  },
  {
    id: "linear",
    name: "Linear API key",
    category: "data",
    envVar: "LINEAR_API_KEY",
    prefixes: ["lin_api_"],
    body: { chars: B62, min: 40, max: 40 },
    docs: "https://linear.app/developers/graphql",
  },
  {
    id: "notion",
    name: "Notion integration token",
    category: "data",
    envVar: "NOTION_TOKEN",
    prefixes: ["ntn_"],
    body: { chars: B62, min: 46, max: 46 },
    // 11 digits, then 35 characters.
    validate: (token) => /^ntn_\d{11}/.test(token),
    docs: "https://developers.notion.com/docs/authorization",
  },
  {
    id: "notion-legacy",
    name: "Notion integration secret (legacy)",
    category: "data",
    envVar: "NOTION_TOKEN",
    prefixes: ["secret_"],
    body: { chars: B62, min: 43, max: 43 },
    docs: "https://developers.notion.com/docs/authorization",
    note: "`secret_` and 43 characters, issued before `ntn_`",
  },
  {
    id: "figma",
    name: "Figma personal access token",
    category: "data",
    envVar: "FIGMA_TOKEN",
    prefixes: ["figd_"],
    body: { chars: B62_URL, min: 40, max: 45 },
    docs: "https://developers.figma.com/docs/rest-api/authentication/",
  },
  {
    id: "airtable",
    name: "Airtable personal access token",
    category: "data",
    envVar: "AIRTABLE_API_KEY",
    prefixes: ["pat"],
    body: { chars: "A-Za-z0-9.", min: 79, max: 79 },
    // `pat<14 characters>.<64 hex digits>`
    validate: (token) => /^pat[A-Za-z0-9]{14}\.[a-f0-9]{64}$/.test(token) && !isPlaceholder(token.slice(3)),
    randomness: "validate",
    docs: "https://airtable.com/developers/web/guides/personal-access-tokens",
  },
  {
    id: "typeform",
    name: "Typeform personal access token",
    category: "data",
    envVar: "TYPEFORM_TOKEN",
    prefixes: ["tfp_"],
    body: { chars: "A-Za-z0-9_.=\\-", min: 59, max: 59 },
    docs: "https://www.typeform.com/developers/get-started/personal-access-token/",
  },
  {
    id: "contentful",
    name: "Contentful personal access token",
    category: "data",
    envVar: "CONTENTFUL_MANAGEMENT_TOKEN",
    prefixes: ["CFPAT-"],
    body: { chars: B62_URL, min: 43, max: 43 },
    docs: "https://www.contentful.com/developers/docs/references/authentication/#personal-access-tokens",
  },
  {
    id: "mapbox-secret",
    name: "Mapbox secret token",
    category: "data",
    envVar: "MAPBOX_SECRET_TOKEN",
    prefixes: ["sk.eyJ"],
    body: { chars: "A-Za-z0-9_.\\-", min: 60, max: 300 },
    validate: (token) => /^sk\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}$/.test(token),
    docs: "https://docs.mapbox.com/accounts/guides/tokens/",
    note: "public `pk.` tokens are meant for browsers and not reported",
  },
  {
    id: "atlassian",
    name: "Atlassian API token",
    category: "data",
    envVar: "ATLASSIAN_API_TOKEN",
    prefixes: ["ATATT3"],
    body: { chars: "A-Za-z0-9_=\\-", min: 180, max: 200 },
    docs: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
  },
  {
    id: "hubspot",
    name: "HubSpot private app token",
    category: "data",
    envVar: "HUBSPOT_ACCESS_TOKEN",
    prefixes: ["pat-na1-", "pat-na2-", "pat-eu1-", "pat-ap1-"],
    body: { chars: "a-f0-9\\-", min: 36, max: 36 },
    validate: endsWithUuid,
    docs: "https://developers.hubspot.com/docs/guides/apps/private-apps/overview",
  },
  {
    id: "launchdarkly",
    name: "LaunchDarkly access token or SDK key",
    category: "data",
    envVar: "LAUNCHDARKLY_SDK_KEY",
    prefixes: ["api-", "sdk-"],
    body: { chars: "a-f0-9\\-", min: 36, max: 36 },
    validate: endsWithUuid,
    docs: "https://launchdarkly.com/docs/home/account/api",
    note: "client-side IDs and `mob-` keys are public by design",
  },
  {
    id: "onepassword-service-account",
    name: "1Password service account token",
    category: "data",
    envVar: "OP_SERVICE_ACCOUNT_TOKEN",
    prefixes: ["ops_eyJ"],
    // base64 of a JSON object, standard or URL-safe: it decodes to JSON text, and is no random base64.
    body: { chars: "A-Za-z0-9+/=_\\-", min: 250, max: 1000 },
    validate: (token) => !isPlaceholder(token.slice(4)) && (decodedText(token.slice(4), 400)?.startsWith('{"') ?? false),
    randomness: "validate",
    docs: "https://developer.1password.com/docs/service-accounts/",
  },
  {
    id: "onepassword-secret-key",
    name: "1Password Secret Key",
    category: "data",
    envVar: "OP_SECRET_KEY",
    prefixes: ["A3-"],
    body: { chars: "A-Z0-9\\-", min: 36, max: 40 },
    // `A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX`, or with the second group split in two.
    validate: (token) =>
      /^A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}$/.test(token),
    docs: "https://support.1password.com/secret-key/",
  },
  {
    id: "age",
    name: "age secret key",
    category: "crypto",
    envVar: "AGE_SECRET_KEY",
    prefixes: ["AGE-SECRET-KEY-1"],
    body: { chars: "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", min: 58, max: 58 },
    docs: "https://age-encryption.org/v1",
  },
  {
    id: "infracost",
    name: "Infracost API key",
    category: "cloud",
    envVar: "INFRACOST_API_KEY",
    prefixes: ["ico-"],
    body: { chars: B62, min: 32, max: 32 },
    docs: "https://www.infracost.io/docs/integrations/environment_variables/",
  },
  {
    id: "readme",
    name: "ReadMe API key",
    category: "data",
    envVar: "README_API_KEY",
    prefixes: ["rdme_"],
    body: { chars: "a-z0-9", min: 70, max: 70 },
    docs: "https://docs.readme.com/main/reference/intro/authentication",
  },
  {
    id: "scalingo",
    name: "Scalingo API token",
    category: "cloud",
    envVar: "SCALINGO_API_TOKEN",
    prefixes: ["tk-us-"],
    body: { chars: B62_URL, min: 48, max: 48 },
    docs: "https://developers.scalingo.com/#authentication",
  },
  {
    id: "settlemint",
    name: "SettleMint access token",
    category: "cloud",
    envVar: "SETTLEMINT_ACCESS_TOKEN",
    prefixes: ["sm_pat_", "sm_aat_", "sm_sat_"],
    body: { chars: B62, min: 16, max: 16 },
    docs: "https://console.settlemint.com/documentation/platform-components/security-and-authentication/personal-access-tokens",
  },
  {
    id: "adobe-client-secret",
    name: "Adobe client secret",
    category: "cloud",
    envVar: "ADOBE_CLIENT_SECRET",
    prefixes: ["p8e-"],
    body: { chars: B62, min: 32, max: 32 },
    docs: "https://developer.adobe.com/developer-console/docs/guides/authentication/",
  },
  {
    id: "clickhouse",
    name: "ClickHouse Cloud API secret",
    category: "data",
    envVar: "CLICKHOUSE_API_SECRET",
    prefixes: ["4b1d"],
    body: { chars: B62, min: 38, max: 38 },
    docs: "https://clickhouse.com/docs/cloud/manage/openapi",
  },
  {
    id: "frameio",
    name: "Frame.io API token",
    category: "data",
    envVar: "FRAMEIO_TOKEN",
    prefixes: ["fio-u-"],
    body: { chars: "A-Za-z0-9_=\\-", min: 64, max: 64 },
    docs: "https://developer.frame.io/docs/getting-started/authentication",
  },
  {
    id: "harness",
    name: "Harness API key",
    category: "cloud",
    envVar: "HARNESS_API_KEY",
    prefixes: ["pat.", "sat."],
    body: { chars: "A-Za-z0-9_.\\-", min: 68, max: 68 },
    validate: (token) => /^[ps]at\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}$/.test(token),
    docs: "https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/",
  },
  {
    id: "openshift",
    name: "OpenShift user token",
    category: "cloud",
    envVar: "OPENSHIFT_TOKEN",
    prefixes: ["sha256~"],
    body: { chars: B62_URL, min: 43, max: 43 },
    docs: "https://docs.redhat.com/en/documentation/openshift_container_platform/4.16/html/authentication_and_authorization/understanding-authentication",
  },
  // ---------------------------------------------------------------- observability
  {
    id: "sentry-user",
    name: "Sentry user auth token",
    category: "observability",
    envVar: "SENTRY_AUTH_TOKEN",
    prefixes: ["sntryu_"],
    body: { chars: HEX, min: 64, max: 64 },
    docs: "https://docs.sentry.io/account/auth-tokens/",
  },
  {
    id: "sentry-org",
    name: "Sentry organization auth token",
    category: "observability",
    envVar: "SENTRY_AUTH_TOKEN",
    prefixes: ["sntrys_eyJpYXQiO"],
    body: { chars: "A-Za-z0-9+/=_", min: 80, max: 600 },
    // base64 claims, `_`, and a 43-character secret; claims with `=` padding end the match, and the
    // secret after them is read by `follow`.
    validate: (token) => /_[A-Za-z0-9+/]{43}={0,2}$/.test(token) || token.endsWith("="),
    follow: sentrySecret,
    docs: "https://docs.sentry.io/account/auth-tokens/",
  },
  {
    id: "newrelic-user-key",
    name: "New Relic user API key",
    category: "observability",
    envVar: "NEW_RELIC_API_KEY",
    prefixes: ["NRAK-"],
    body: { chars: "A-Z0-9", min: 27, max: 27 },
    docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
  },
  {
    id: "newrelic-insert-key",
    name: "New Relic insert key",
    category: "observability",
    envVar: "NEW_RELIC_INSERT_KEY",
    prefixes: ["NRII-"],
    body: { chars: B62_URL, min: 32, max: 32 },
    docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
  },
  {
    id: "dynatrace",
    name: "Dynatrace API token",
    category: "observability",
    envVar: "DT_API_TOKEN",
    prefixes: ["dt0c01."],
    body: { chars: "A-Z0-9.", min: 89, max: 89 },
    validate: (token) => /^dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}$/.test(token),
    docs: "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens",
  },
  {
    id: "grafana-cloud",
    name: "Grafana Cloud token",
    category: "observability",
    envVar: "GRAFANA_CLOUD_TOKEN",
    prefixes: ["glc_"],
    body: { chars: B64, min: 32, max: 400 },
    docs: "https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/",
  },
  {
    id: "grafana-service-account",
    name: "Grafana service account token",
    category: "observability",
    envVar: "GRAFANA_SERVICE_ACCOUNT_TOKEN",
    prefixes: ["glsa_"],
    body: { chars: "A-Za-z0-9_", min: 41, max: 41 },
    validate: (token) => /^glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}$/.test(token),
    docs: "https://grafana.com/docs/grafana/latest/administration/service-accounts/",
  },
  {
    id: "grafana-api-key",
    name: "Grafana API key (legacy)",
    category: "observability",
    envVar: "GRAFANA_API_KEY",
    // base64 of `{"k":"`
    prefixes: ["eyJrIjoi"],
    body: { chars: B64, min: 70, max: 400 },
    docs: "https://grafana.com/docs/grafana/latest/administration/service-accounts/#migrate-api-keys-to-grafana-service-accounts",
  },
  {
    id: "datadog",
    name: "Datadog API or application key",
    category: "observability",
    envVar: "DD_API_KEY",
    prefixes: [],
    body: { chars: HEX, min: 32, max: 40 },
    context: { stems: ["datadog"], endings: ["ddapikey", "ddappkey", "ddapplicationkey"] },
    docs: "https://docs.datadoghq.com/account_management/api-app-keys/",
  },
  // ---------------------------------------------------------------- formats from providers' key docs
  {
    id: "bitbucket-app-password",
    name: "Bitbucket app password",
    category: "source-control",
    envVar: "BITBUCKET_APP_PASSWORD",
    prefixes: ["ATBB"],
    // 24 random characters and an 8-hex-digit checksum.
    body: { chars: B62, min: 32, max: 32 },
    docs: "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/",
  },
  {
    id: "nuget",
    name: "NuGet API key",
    category: "source-control",
    envVar: "NUGET_API_KEY",
    prefixes: ["oy2"],
    // Base32 in lower case (a-z, 2-7) of `v4` and a 10-byte id (20 characters, the first three `oy2`), then
    // of a 16-byte password (26 characters): NuGetGallery's ApiKeyV4
    // (src/NuGetGallery.Services/Authentication/ApiKeyV4.cs).
    body: { chars: "a-z2-7", min: 43, max: 43 },
    docs: "https://learn.microsoft.com/en-us/nuget/nuget-org/publish-a-package#create-an-api-key",
    note: "base32 (a-z, 2-7): 46 characters in all",
  },
  {
    id: "paystack",
    name: "Paystack secret key",
    category: "payments",
    envVar: "PAYSTACK_SECRET_KEY",
    prefixes: ["sk_live_", "sk_test_"],
    body: { chars: HEX, min: 40, max: 40 },
    docs: "https://paystack.com/docs/api/authentication/",
  },
  {
    id: "mailgun-legacy",
    name: "Mailgun API key (legacy)",
    category: "messaging",
    envVar: "MAILGUN_API_KEY",
    prefixes: ["key-"],
    body: { chars: HEX, min: 32, max: 32 },
    docs: "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication",
  },
  {
    id: "resend",
    name: "Resend API key",
    category: "messaging",
    envVar: "RESEND_API_KEY",
    prefixes: ["re_"],
    // 8 characters (the key's id), `_`, 24 characters.
    body: { chars: "A-Za-z0-9_", min: 33, max: 33 },
    validate: (token) => token[11] === "_" && token.indexOf("_", 3) === 11,
    docs: "https://resend.com/docs/dashboard/api-keys/introduction",
  },
  {
    id: "teams-webhook",
    name: "Microsoft Teams incoming webhook URL",
    category: "messaging",
    envVar: "TEAMS_WEBHOOK_URL",
    prefixes: ["webhook.office.com/webhookb2/"],
    body: { chars: "A-Za-z0-9@/_\\-", min: 159, max: 300 },
    validate: (token) =>
      /^webhook\.office\.com\/webhookb2\/[a-f0-9-]{36}@[a-f0-9-]{36}\/IncomingWebhook\/[a-f0-9]{32}\/[a-f0-9-]{36}(?:\/[A-Za-z0-9_-]{1,100})?$/.test(token),
    docs: "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
    note: "the URL is the credential",
  },
  {
    id: "discord-bot",
    name: "Discord bot token",
    category: "messaging",
    envVar: "DISCORD_BOT_TOKEN",
    prefixes: [],
    // base64 of the bot's id, `.`, a timestamp, `.`, an HMAC. The id is a decimal snowflake, and
    // base64 of a digit (0x30-0x39) starts with M, N or O.
    body: { chars: "A-Za-z0-9_.\\-", min: 59, max: 80 },
    validate: (token) => /^[MNO][A-Za-z0-9_-]{22,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}$/.test(token),
    context: { stems: ["discord"] },
    docs: "https://discord.com/developers/docs/reference#authentication",
  },
  {
    id: "neon",
    name: "Neon API key",
    category: "data",
    envVar: "NEON_API_KEY",
    prefixes: ["napi_"],
    body: { chars: "a-z0-9", min: 64, max: 64 },
    docs: "https://neon.com/docs/manage/api-keys",
  },
  {
    id: "firebase-fcm-server-key",
    name: "Firebase Cloud Messaging server key (legacy)",
    category: "data",
    envVar: "FCM_SERVER_KEY",
    prefixes: ["AAAA"],
    // 7 characters, `:`, 140 characters.
    body: { chars: "A-Za-z0-9_:\\-", min: 148, max: 148 },
    validate: (token) => token.indexOf(":") === 11 && token.indexOf(":", 12) < 0,
    docs: "https://firebase.google.com/docs/cloud-messaging/auth-server",
  },
  {
    id: "newrelic-license-key",
    name: "New Relic license key",
    category: "observability",
    envVar: "NEW_RELIC_LICENSE_KEY",
    prefixes: [],
    body: { chars: "a-f0-9NRAL", min: 40, max: 40 },
    validate: (token) => /^[a-f0-9]{36}NRAL$/.test(token),
    context: { stems: ["newrelic", "nrlicense"] },
    docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key",
  },
  {
    id: "axiom",
    name: "Axiom API token",
    category: "observability",
    envVar: "AXIOM_TOKEN",
    prefixes: ["xaat-", "xapt-"],
    body: { chars: "a-f0-9\\-", min: 36, max: 36 },
    validate: endsWithUuid,
    docs: "https://axiom.co/docs/reference/tokens",
    note: "API (`xaat-`) and personal (`xapt-`) tokens",
  },
  {
    id: "posthog-personal",
    name: "PostHog personal API key",
    category: "observability",
    envVar: "POSTHOG_PERSONAL_API_KEY",
    prefixes: ["phx_"],
    // A random number written in base 62 without leading zeros: 32 bytes in older keys (42-43
    // characters), 35 bytes since (46-48): PostHog's generate_random_token_personal (posthog/models/utils.py).
    body: { chars: B62, min: 40, max: 50 },
    docs: "https://posthog.com/docs/api/personal-api-keys",
    note: "project `phc_` keys are public by design",
  },
  {
    id: "asana",
    name: "Asana personal access token",
    category: "data",
    envVar: "ASANA_ACCESS_TOKEN",
    prefixes: [],
    // `2/<user id>/<app id>:<32 hex>`, older `1/<user id>:<32 hex>`.
    body: { chars: "0-9a-f/:", min: 36, max: 80 },
    validate: (token) => /^(?:2\/[0-9]{1,20}\/[0-9]{1,20}|1\/[0-9]{1,20}):[a-f0-9]{32}$/.test(token),
    context: { stems: ["asana"] },
    docs: "https://developers.asana.com/docs/personal-access-token",
  },
  {
    id: "dropbox-short-lived",
    name: "Dropbox short-lived access token",
    category: "data",
    envVar: "DROPBOX_ACCESS_TOKEN",
    // Dropbox documents no format (tokens are opaque, their length varies); the tokens its API issues
    // start with `sl.`, the newer ones with `sl.u.`.
    prefixes: ["sl.u.", "sl."],
    body: { chars: "A-Za-z0-9_=\\-", min: 120, max: 1500 },
    docs: "https://developers.dropbox.com/oauth-guide",
  },
  {
    id: "cloudflare-global-key-legacy",
    name: "Cloudflare Global API key (legacy)",
    category: "cloud",
    envVar: "CLOUDFLARE_API_KEY",
    prefixes: [],
    body: { chars: HEX, min: 37, max: 37 },
    context: { stems: ["cloudflare"], exact: ["cfapikey", "cfauthkey"] },
    docs: "https://developers.cloudflare.com/fundamentals/api/get-started/keys/",
    note: "37 hex digits without a prefix, found where a name says Cloudflare",
  },
  // ---------------------------------------------------------------- more services found by name
  {
    id: "algolia-admin",
    name: "Algolia admin API key",
    category: "data",
    envVar: "ALGOLIA_ADMIN_KEY",
    prefixes: [],
    body: { chars: HEX, min: 32, max: 32 },
    context: { stems: ["algoliaadmin", "algoliawrite"] },
    docs: "https://www.algolia.com/doc/guides/security/api-keys/",
    note: "search-only keys are public by design: only names that say admin or write",
  },
  {
    id: "okta",
    name: "Okta API token",
    category: "cloud",
    envVar: "OKTA_API_TOKEN",
    prefixes: [],
    body: { chars: "A-Za-z0-9_=\\-", min: 42, max: 42 },
    validate: (token) => token.startsWith("00"),
    context: { stems: ["okta"] },
    docs: "https://developer.okta.com/docs/guides/create-an-api-token/main/",
  },
  {
    id: "intercom",
    name: "Intercom access token",
    category: "messaging",
    envVar: "INTERCOM_ACCESS_TOKEN",
    prefixes: [],
    body: { chars: "A-Za-z0-9_=\\-", min: 60, max: 60 },
    context: { stems: ["intercom"] },
    docs: "https://developers.intercom.com/docs/build-an-integration/learn-more/authentication",
  },
  {
    id: "twitch",
    name: "Twitch client secret or token",
    category: "messaging",
    envVar: "TWITCH_CLIENT_SECRET",
    prefixes: [],
    body: { chars: "a-z0-9", min: 30, max: 30 },
    context: { stems: ["twitch"] },
    docs: "https://dev.twitch.tv/docs/authentication/",
  },
  {
    id: "snyk",
    name: "Snyk API token",
    category: "source-control",
    envVar: "SNYK_TOKEN",
    prefixes: [],
    body: { chars: "a-f0-9\\-", min: 36, max: 36 },
    validate: endsWithUuid,
    context: { stems: ["snyk"] },
    docs: "https://docs.snyk.io/snyk-api/authentication-for-api",
  },
  // ---------------------------------------------------------------- credentials found by their place
  {
    id: "basic-auth",
    name: "HTTP Basic credentials",
    category: "generic",
    envVar: "BASIC_AUTH",
    prefixes: ["Basic "],
    place: true,
    body: { chars: B64, min: 12, max: 400 },
    validate: (token) => isBasicCredentials(token.slice(6)),
    randomness: "validate",
    docs: "https://datatracker.ietf.org/doc/html/rfc7617",
    note: "`Authorization: Basic <base64 user:password>` with a real password",
  },
  {
    id: "url-credentials",
    name: "credentials in a URL",
    category: "generic",
    envVar: "SERVICE_URL",
    prefixes: ["https://", "http://", "ftp://", "ftps://", "sftp://", "smtp://", "smtps://", "ldap://", "ldaps://"],
    body: { chars: "A-Za-z0-9._~%!$&'()*+,;=:\\-", min: 10, max: 256 },
    validate: hasUrlPassword,
    randomness: "validate",
    follow: urlRest,
    docs: "https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1",
    note: "`scheme://user:password@host` with a real password",
  },
  {
    id: "database-url",
    name: "database URL with a password",
    category: "generic",
    envVar: "DATABASE_URL",
    prefixes: [
      "postgres://",
      "postgresql://",
      "mysql://",
      "mariadb://",
      "mongodb://",
      "mongodb+srv://",
      "redis://",
      "rediss://",
      "amqp://",
      "amqps://",
      "mssql://",
      "sqlserver://",
      "clickhouse://",
      "cockroachdb://",
    ],
    body: { chars: "A-Za-z0-9._~%!$&'()*+,;=:\\-", min: 10, max: 256 },
    validate: hasUrlPassword,
    randomness: "validate",
    follow: urlRest,
    docs: "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS",
    note: "`scheme://user:password@host` with a real password",
  },
  {
    id: "cloudinary-url",
    name: "Cloudinary URL",
    category: "data",
    envVar: "CLOUDINARY_URL",
    prefixes: ["cloudinary://"],
    body: { chars: "A-Za-z0-9_\\-:", min: 20, max: 80 },
    validate: hasUrlPassword,
    randomness: "validate",
    follow: urlRest,
    docs: "https://cloudinary.com/documentation/node_integration#configuration",
  },
  {
    id: "postman",
    name: "Postman API key",
    category: "data",
    envVar: "POSTMAN_API_KEY",
    prefixes: ["PMAK-"],
    body: { chars: "a-f0-9\\-", min: 59, max: 59 },
    validate: separatorAt(34, "-"),
    docs: "https://learning.postman.com/docs/developer/postman-api/authentication/",
  },
  // ---------------------------------------------------------------- key material
  {
    id: "private-key",
    name: "private key (PEM)",
    category: "crypto",
    envVar: "PRIVATE_KEY",
    prefixes: ["-----BEGIN "],
    body: { chars: "A-Z ", min: 11, max: 40 },
    // PEM (`RSA PRIVATE KEY`, `PRIVATE KEY`, …) and OpenPGP's armor (`PGP PRIVATE KEY BLOCK`, RFC 4880).
    validate: (token) => token.endsWith(" PRIVATE KEY") || token === "-----BEGIN PRIVATE KEY" || token === "-----BEGIN PGP PRIVATE KEY BLOCK",
    follow: pemBody,
    randomness: "validate",
    docs: "https://datatracker.ietf.org/doc/html/rfc7468",
    note: "a header alone (as PEM parsers hold it) is not reported: a base64 body must follow",
  },
  // ---------------------------------------------------------------- last: any secret by its name
  {
    id: "generic-secret",
    name: "secret",
    category: "generic",
    envVar: "SECRET",
    prefixes: [],
    body: { chars: "A-Za-z0-9+/=_.\\-", min: 24, max: 1000 },
    validate: isGenericSecret,
    randomness: "validate",
    context: {
      stems: [],
      endings: [
        "secret",
        "secretkey",
        "credentials",
        "credential",
        "accesstoken",
        "apitoken",
        "authtoken",
        "refreshtoken",
        "bearertoken",
        "privatekey",
        "password",
        "passwd",
      ],
    },
    docs: "https://cwe.mitre.org/data/definitions/798.html",
    note: "a JWT, 32+ hex digits or 24+ mixed base64 characters held by a name such as `client_secret`, `access_token`, `private_key`",
  },
];

/** Providers by id. */
export const PROVIDER_BY_ID: ReadonlyMap<string, Provider> = new Map(PROVIDERS.map((p) => [p.id, p]));

/** Every literal prefix of the catalog, longest first. */
export const KNOWN_PREFIXES: readonly string[] = [...new Set(PROVIDERS.flatMap((p) => p.prefixes))].sort(
  (a, b) => b.length - a.length,
);

/** A catalog entry as plain data, for other tools (scanners, editors, dashboards): JSON-serialisable. */
export interface CatalogEntry {
  readonly id: string;
  readonly name: string;
  readonly category: ProviderCategory;
  /** The environment variable the key belongs in. */
  readonly envVar: string;
  /** Where the provider documents its keys. */
  readonly docs: string;
  /** Literal prefixes (empty for keys found by name). */
  readonly prefixes: readonly string[];
  /**
   * How the detector finds it: by a literal prefix, by a literal inside the key (`-us`), by the
   * place that holds it (`AccountKey=`, which is not part of the key), or by the name that holds it.
   */
  readonly foundBy: "prefix" | "literal" | "place" | "name";
  /** The checksum the detector verifies on every finding of this format (`Finding.checksumVerified`). */
  readonly checksum: ChecksumKind | null;
  readonly note: string | null;
}

/** The catalog as plain data, in catalog order (`keyguard/detect`'s view for other tools). */
export const CATALOG: readonly CatalogEntry[] = PROVIDERS.map((p) =>
  Object.freeze({
    id: p.id,
    name: p.name,
    category: p.category,
    envVar: p.envVar,
    docs: p.docs,
    prefixes: Object.freeze([...p.prefixes]),
    foundBy: p.prefixes.length === 0 ? "name" : p.before ? "literal" : p.place ? "place" : "prefix",
    checksum: p.checksum ?? null,
    note: p.note ?? null,
  } as const),
);
