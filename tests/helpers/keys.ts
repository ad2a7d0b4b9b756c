/**
 * Key-shaped test strings, built at run time from fragments and a seeded generator, so that no
 * scanner (keyguard's own, GitHub push protection) finds a key-shaped literal in this repository.
 * Each provider's real published format is written out here, independently of the catalog, so a
 * catalog entry that drifts from the real format fails its tests.
 */
import { crc32, toBase62 } from "../../src/detect/checksum.js";
import { knownPrefix } from "../../src/detect/mask.js";

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const URLSAFE = `${ALNUM}_-`;
export const HEXLOWER = "0123456789abcdef";
export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const UPPERNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
export const DIGITS = "0123456789";
export const LOWERNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
export const B64 = `${ALNUM}+/`;

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

/** `n` characters of `alphabet`, each drawn uniformly: no guarantee of a mix, runs allowed. */
export function rawChars(next: () => number, alphabet: string, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

/** How a builder draws its random parts: tidy (`randomChars`) for fixtures, raw for the randomness sweep. */
export interface Draw {
  chars(alphabet: string, n: number): string;
  int(lo: number, hi: number): number;
  next(): number;
}

function draw(next: () => number, raw: boolean): Draw {
  return {
    chars: (alphabet, n) => (raw ? rawChars(next, alphabet, n) : randomChars(next, alphabet, n)),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    next,
  };
}

const OPENAI_MARKER = j("T3Blbk", "FJ");

type Builder = (d: Draw) => string;

const githubStyle = (prefix: string): Builder => (d) => {
  const body = d.chars(ALNUM, 30);
  return j(prefix, body, toBase62(crc32(body), 6));
};

const uuid = (d: Draw) =>
  [d.chars(HEXLOWER, 8), d.chars(HEXLOWER, 4), d.chars(HEXLOWER, 4), d.chars(HEXLOWER, 4), d.chars(HEXLOWER, 12)].join("-");

const base64 = (bytes: readonly number[]) => {
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
};
const base64url = (bytes: readonly number[]) => base64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const randomBytes = (d: Draw, n: number) => Array.from({ length: n }, () => Math.floor(d.next() * 256));

/** A PyPI upload token: `pypi-` and a v2 macaroon (location, identifier, one caveat, signature) in base64url. */
function pypiToken(d: Draw, location = "pypi.org"): string {
  const field = (type: number, data: readonly number[]) => [type, data.length, ...data];
  const caveat = ascii(j('{"permissions": "user", "version": 1, "nonce": "', d.chars(HEXLOWER, 16), '"}'));
  const bytes = [
    2,
    ...field(1, ascii(location)),
    ...field(2, ascii(j("ab", d.chars(HEXLOWER, 30)))),
    0,
    ...field(2, caveat),
    0,
    0,
    ...field(6, randomBytes(d, 32)),
  ];
  return j("py", "pi-", base64url(bytes));
}

/** A JWT-shaped string: base64url JSON header and claims, and a signature. */
function jwt(d: Draw, claims: string): string {
  const header = base64url(ascii('{"alg":"RS256","typ":"JWT"}'));
  return j(header, ".", base64url(ascii(claims)), ".", d.chars(URLSAFE, 86));
}

/** `user:password` in base64, with a generated password. */
const basicCredentials = (d: Draw) => base64(ascii(j("deploy-bot:", d.chars(ALNUM, 12), "!", d.chars(DIGITS, 2))));

/** The real published format of every catalog provider, as a generator. */
export const KEY_BUILDERS: Record<string, Builder> = {
  "openai-project": (d) => j("sk-", "proj-", d.chars(URLSAFE, 74), OPENAI_MARKER, d.chars(URLSAFE, 74)),
  "openai-service-account": (d) => j("sk-", "svcacct-", d.chars(URLSAFE, 74), OPENAI_MARKER, d.chars(URLSAFE, 74)),
  "openai-admin": (d) => j("sk-", "admin-", d.chars(URLSAFE, 74), OPENAI_MARKER, d.chars(URLSAFE, 74)),
  "openai-legacy": (d) => j("sk-", d.chars(ALNUM, 20), OPENAI_MARKER, d.chars(ALNUM, 20)),
  anthropic: (d) => j("sk-", "ant-api03-", d.chars(URLSAFE, 93), "AA"),
  "anthropic-admin": (d) => j("sk-", "ant-admin01-", d.chars(URLSAFE, 93), "AA"),
  "anthropic-oauth": (d) => j("sk-", "ant-oat01-", d.chars(URLSAFE, 93), "AA"),
  "aws-bedrock-short-term": (d) =>
    j("bedrock-api-key-", base64(ascii(j("bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=", d.chars(BASE32, 20),
      "&X-Amz-Security-Token=", d.chars(B64, 600), "&Version=1")))),
  "aws-bedrock-long-term": (d) => j("AB", "SK", base64(ascii(j("BedrockAPIKey-", d.chars(LOWERNUM, 12), "-at-", d.chars(DIGITS, 12), ":", d.chars(B64, 60))))),
  groq: (d) => j("gs", "k_", d.chars(ALNUM, 52)),
  "google-api": (d) => j("AI", "za", d.chars(URLSAFE, 35)),
  xai: (d) => j("xa", "i-", d.chars(ALNUM, 80)),
  perplexity: (d) => j("pp", "lx-", d.chars(ALNUM, 48)),
  replicate: (d) => j("r8", "_", d.chars(ALNUM, 37)),
  huggingface: (d) => j("hf", "_", d.chars(LETTERS, 34)),
  "huggingface-org": (d) => j("api_", "org_", d.chars(LETTERS, 34)),
  cerebras: (d) => j("cs", "k-", d.chars(LOWERNUM, 48)),
  fireworks: (d) => j("fw", "_", d.chars(ALNUM, 24)),
  together: (d) => j("tgp_", "v1_", d.chars(URLSAFE, 43)),
  elevenlabs: (d) => j("sk", "_", d.chars(HEXLOWER, 48)),
  nvidia: (d) => j("nva", "pi-", d.chars(URLSAFE, 64)),
  voyage: (d) => j("pa", "-", d.chars(URLSAFE, 43)),
  tavily: (d) => j("tv", "ly-", d.chars(ALNUM, 32)),
  jina: (d) => j("ji", "na_", d.chars(ALNUM, 60)),
  deepseek: (d) => j("sk", "-", d.chars(HEXLOWER, 32)),
  cohere: (d) => d.chars(ALNUM, 40),
  mistral: (d) => d.chars(ALNUM, 32),
  "azure-openai": (d) => d.chars(HEXLOWER, 32),
  "azure-ai-services": (d) => d.chars(ALNUM, 84),
  stability: (d) => j("sk", "-", d.chars(ALNUM, 48)),
  deepgram: (d) => d.chars(HEXLOWER, 40),
  assemblyai: (d) => d.chars(HEXLOWER, 32),
  firecrawl: (d) => j("f", "c-", d.chars(HEXLOWER, 32)),
  izzi: (d) => j("iz", "zi-", d.chars(ALNUM, 48)),
  openrouter: (d) => j("sk-", "or-v1-", d.chars(HEXLOWER, 64)),
  langsmith: (d) => j("lsv2", "_pt_", d.chars(HEXLOWER, 32), "_", d.chars(HEXLOWER, 10)),
  langfuse: (d) =>
    j("sk-", "lf-", d.chars(HEXLOWER, 8), "-", d.chars(HEXLOWER, 4), "-", d.chars(HEXLOWER, 4), "-", d.chars(HEXLOWER, 4), "-",
      d.chars(HEXLOWER, 12)),
  pinecone: (d) => j("pc", "sk_", d.chars(ALNUM, 6), "_", d.chars(ALNUM, 63)),
  "github-classic": githubStyle(j("gh", "p_")),
  "github-app-installation": (d) =>
    j("gh", "s_", d.chars(DIGITS, 7), "_", jwt(d, j('{"iss":"', d.chars(DIGITS, 7), '","installation":', d.chars(DIGITS, 9), ',"exp":', d.chars(DIGITS, 10),
      ',"nonce":"', d.chars(ALNUM, 180), '"}'))),
  "github-fine-grained": (d) => j("github", "_pat_", d.chars(ALNUM, 22), "_", d.chars(ALNUM, 59)),
  gitlab: (d) => j("gl", "pat-", d.chars(URLSAFE, 20)),
  "gitlab-deploy": (d) => j("gl", "dt-", d.chars(URLSAFE, 20)),
  "gitlab-runner": (d) => j("gl", "rt-", d.chars(URLSAFE, 20)),
  "gitlab-pipeline-trigger": (d) => j("gl", "ptt-", d.chars(HEXLOWER, 40)),
  "gitlab-cicd-job": (d) => j("gl", "cbt-", d.chars(DIGITS, 2), "_", d.chars(URLSAFE, 20)),
  // GitLab's own generator: a random 128-bit number in base 36, no leading zeros (25 characters or fewer).
  "gitlab-incoming-mail": (d) => j("gl", "imt-", BigInt(`0x${d.chars(HEXLOWER, 32)}`).toString(36)),
  "gitlab-agent": (d) => j("gl", "agent-", d.chars(URLSAFE, 50)),
  "gitlab-oauth-secret": (d) => j("gl", "oas-", d.chars(HEXLOWER, 64)),
  "gitlab-scim": (d) => j("gl", "soat-", d.chars(URLSAFE, 20)),
  "gitlab-feed": (d) => j("gl", "ft-", d.chars(URLSAFE, 20)),
  "gitlab-feature-flags": (d) => j("gl", "ffct-", d.chars(URLSAFE, 20)),
  "gitlab-runner-registration": (d) => j("GR", "1348941", d.chars(URLSAFE, 20)),
  // Keys found by their place start with it: what precedes a place (`//registry.npmjs.org/`) is no key material.
  "npmrc-auth-token": (d) => j(":_auth", "Token=", uuid(d)),
  "npmrc-auth": (d) => j(":_au", "th=", basicCredentials(d)),
  rubygems: (d) => j("ruby", "gems_", d.chars(HEXLOWER, 48)),
  clojars: (d) => j("CLO", "JARS_", d.chars(LOWERNUM, 60)),
  "docker-hub": (d) => j("dckr", "_pat_", d.chars(URLSAFE, 27)),
  buildkite: (d) => j("bk", "ua_", d.chars(HEXLOWER, 40)),
  circleci: (d) => j("CCIP", "AT_", d.chars(ALNUM, 22), "_", d.chars(HEXLOWER, 40)),
  sonarqube: (d) => j("sq", "p_", d.chars(HEXLOWER, 40)),
  sourcegraph: (d) => j("sg", "p_", d.chars(HEXLOWER, 16), "_", d.chars(HEXLOWER, 40)),
  "artifactory-api-key": (d) => j("AK", "Cp", d.chars(ALNUM, 69)),
  "artifactory-reference-token": (d) => j("cmV", "md", d.chars(ALNUM, 59)),
  "octopus-deploy": (d) => j("AP", "I-", d.chars(UPPERNUM, 26)),
  npm: githubStyle(j("np", "m_")),
  pypi: pypiToken,
  testpypi: (d) => pypiToken(d, "test.pypi.org"),
  "aws-access-key": (d) => j("AK", "IA", d.chars(BASE32, 16)),
  "aws-secret-key": (d) => d.chars(`${ALNUM}/+`, 40),
  "aws-secret-key-config": (d) => j("aws_secret", "_access_key = ", d.chars(`${ALNUM}/+`, 40)),
  alibaba: (d) => j("LT", "AI", d.chars(ALNUM, 20)),
  "azure-ad-client-secret": (d) => j(d.chars(ALNUM, 3), d.chars(DIGITS, 1), "Q", "~", d.chars(`${ALNUM}_~.-`, 34)),
  "azure-storage-key": (d) => j("Account", "Key=", base64(randomBytes(d, 64))),
  "azure-shared-access-key": (d) => j("SharedAccess", "Key=", base64(randomBytes(d, 32))),
  "google-oauth-access": (d) => j("ya", "29.", d.chars(URLSAFE, 150)),
  "google-oauth-refresh": (d) => j("1/", "/0", d.chars(URLSAFE, 100)),
  "google-oauth-secret": (d) => j("GOC", "SPX-", d.chars(URLSAFE, 28)),
  digitalocean: (d) => j("dop", "_v1_", d.chars(HEXLOWER, 64)),
  databricks: (d) => j("da", "pi", d.chars(HEXLOWER, 32)),
  vault: (d) => j("hv", "s.", d.chars(URLSAFE, 95)),
  "vault-legacy": (d) => j("s", ".", d.chars(ALNUM, 24)),
  doppler: (d) => j("dp", ".pt.", d.chars(ALNUM, 43)),
  "terraform-cloud": (d) => j(d.chars(ALNUM, 14), ".atlas", "v1.", d.chars(URLSAFE, 67)),
  pulumi: (d) => j("pu", "l-", d.chars(HEXLOWER, 40)),
  prefect: (d) => j("pn", "u_", d.chars(ALNUM, 36)),
  heroku: (d) => j("HRKU", "-AA", d.chars(URLSAFE, 58)),
  "heroku-legacy": uuid,
  flyio: (d) => j("fo", "1_", d.chars(URLSAFE, 43)),
  "flyio-macaroon": (d) => j("fm", "2_", base64(randomBytes(d, 600))),
  netlify: (d) => j("nf", "p_", d.chars(ALNUM, 36)),
  render: (d) => j("rn", "d_", d.chars(ALNUM, 32)),
  vercel: (d) => j("vc", "p_", d.chars(ALNUM, 56)),
  "cloudflare-token": (d) => j("cf", "ut_", d.chars(ALNUM, 40), d.chars(HEXLOWER, 8)),
  "cloudflare-global-key": (d) => j("cf", "k_", d.chars(ALNUM, 40), d.chars(HEXLOWER, 8)),
  "cloudflare-origin-ca": (d) => j("v1", ".0-", d.chars(HEXLOWER, 24), "-", d.chars(HEXLOWER, 146)),
  planetscale: (d) => j("pscale", "_tkn_", d.chars(URLSAFE, 43)),
  "planetscale-password": (d) => j("pscale", "_pw_", d.chars(URLSAFE, 43)),
  tailscale: (d) => j("tskey", "-auth-", d.chars(ALNUM, 17), "-", d.chars(ALNUM, 33)),
  "supabase-secret": (d) => j("sb_", "secret_", d.chars(URLSAFE, 40)),
  "stripe-secret": (d) => j("sk", "_live_", d.chars(ALNUM, 99)),
  "stripe-restricted": (d) => j("rk", "_live_", d.chars(ALNUM, 99)),
  "stripe-webhook-secret": (d) => j("wh", "sec_", d.chars(ALNUM, 32)),
  square: (d) => j("sq0", "atp-", d.chars(URLSAFE, 22)),
  "square-oauth-secret": (d) => j("sq0", "csp-", d.chars(URLSAFE, 43)),
  braintree: (d) => j("access_token", "$production$", d.chars(LOWERNUM, 16), "$", d.chars(HEXLOWER, 32)),
  flutterwave: (d) => j("FLW", "SECK_TEST-", d.chars("abcdefgh0123456789", 32), "-X"),
  shippo: (d) => j("shippo", "_live_", d.chars(HEXLOWER, 40)),
  easypost: (d) => j("EZ", "AK", d.chars(ALNUM, 54)),
  duffel: (d) => j("duffel", "_test_", d.chars(URLSAFE, 43)),
  plaid: (d) => j("access-", "sandbox-", uuid(d)),
  shopify: (d) => j("shp", "at_", d.chars(HEXLOWER, 32)),
  "shopify-custom-app": (d) => j("shp", "ca_", d.chars(HEXLOWER, 32)),
  "shopify-private-app": (d) => j("shp", "pa_", d.chars(HEXLOWER, 32)),
  "shopify-shared-secret": (d) => j("shp", "ss_", d.chars(HEXLOWER, 32)),
  "slack-token": (d) => j("xo", "xb-", d.chars(DIGITS, 12), "-", d.chars(DIGITS, 13), "-", d.chars(ALNUM, 24)),
  "slack-webhook": (d) =>
    j("https://", "hooks.slack.com/services/", "T", d.chars(UPPERNUM, 8), "/B", d.chars(UPPERNUM, 8), "/", d.chars(ALNUM, 24)),
  "slack-workflow-webhook": (d) =>
    j("https://", "hooks.slack.com/workflows/", "T", d.chars(UPPERNUM, 8), "/A", d.chars(UPPERNUM, 10), "/", d.chars(DIGITS, 18), "/",
      d.chars(ALNUM, 24)),
  "discord-webhook": (d) => j("https://", "discord.com/api/webhooks/", d.chars(DIGITS, 19), "/", d.chars(URLSAFE, 68)),
  "telegram-bot": (d) => j(d.chars(DIGITS, 10), ":", "AA", d.chars(URLSAFE, 33)),
  "twitter-bearer": (d) => j("A".repeat(21), "A", d.chars(ALNUM, 30), "%2F", d.chars(ALNUM, 30), "%3D", d.chars(ALNUM, 20)),
  "meta-access-token": (d) => j("EA", "AC", d.chars(ALNUM, 180)),
  brevo: (d) => j("xkey", "sib-", d.chars(HEXLOWER, 64), "-", d.chars(ALNUM, 16)),
  mailchimp: (d) => j(d.chars(HEXLOWER, 32), "-u", "s", String(d.int(1, 21))),
  mailgun: (d) => j(d.chars(HEXLOWER, 32), "-", d.chars(HEXLOWER, 8), "-", d.chars(HEXLOWER, 8)),
  postmark: uuid,
  sendgrid: (d) => j("S", "G.", d.chars(URLSAFE, 22), ".", d.chars(URLSAFE, 43)),
  "twilio-api-key": (d) => j("S", "K", d.chars(HEXLOWER, 32)),
  "twilio-auth-token": (d) => d.chars(HEXLOWER, 32),
  linear: (d) => j("lin", "_api_", d.chars(ALNUM, 40)),
  notion: (d) => j("nt", "n_", d.chars(DIGITS, 11), d.chars(ALNUM, 35)),
  "notion-legacy": (d) => j("sec", "ret_", d.chars(ALNUM, 43)),
  figma: (d) => j("fi", "gd_", d.chars(URLSAFE, 40)),
  airtable: (d) => j("pa", "t", d.chars(ALNUM, 14), ".", d.chars(HEXLOWER, 64)),
  typeform: (d) => j("tf", "p_", d.chars(URLSAFE, 59)),
  contentful: (d) => j("CF", "PAT-", d.chars(URLSAFE, 43)),
  "mapbox-secret": (d) => j("sk", ".eyJ", d.chars(ALNUM, 60), ".", d.chars(URLSAFE, 22)),
  atlassian: (d) => j("ATA", "TT3", d.chars(URLSAFE, 186)),
  hubspot: (d) => j("pat-", "na1-", uuid(d)),
  launchdarkly: (d) => j("sd", "k-", uuid(d)),
  "onepassword-service-account": (d) =>
    j("ops_", base64(ascii(j('{"signInAddress":"my.1password.com","userAuth":{"method":"SRPg-4096","alg":"PBES2g-HS256","iterations":650000,"salt":"',
      d.chars(URLSAFE, 22), '"},"email":"', d.chars(LOWERNUM, 12), '@1passwordserviceaccounts.com","srpX":"', d.chars(HEXLOWER, 64),
      '","muk":{"alg":"A256GCM","ext":true,"k":"', d.chars(URLSAFE, 43), '","key_ops":["encrypt","decrypt"],"kty":"oct","kid":"mp"},"secretKey":"A3-',
      d.chars(UPPERNUM, 6), '","throttleSecret":{"seed":"', d.chars(HEXLOWER, 64), '","deviceUuid":"', d.chars(LOWERNUM, 26), '"},"deviceUuid":"',
      d.chars(LOWERNUM, 26), '"}')))),
  "onepassword-secret-key": (d) =>
    j("A", "3-", d.chars(UPPERNUM, 6), "-", d.chars(UPPERNUM, 11), "-", d.chars(UPPERNUM, 5), "-", d.chars(UPPERNUM, 5), "-", d.chars(UPPERNUM, 5)),
  age: (d) => j("AGE-SECRET", "-KEY-1", d.chars("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)),
  infracost: (d) => j("ic", "o-", d.chars(ALNUM, 32)),
  readme: (d) => j("rd", "me_", d.chars(LOWERNUM, 70)),
  scalingo: (d) => j("tk", "-us-", d.chars(URLSAFE, 48)),
  settlemint: (d) => j("sm", "_pat_", d.chars(ALNUM, 16)),
  "adobe-client-secret": (d) => j("p8", "e-", d.chars(ALNUM, 32)),
  clickhouse: (d) => j("4b", "1d", d.chars(ALNUM, 38)),
  frameio: (d) => j("fio", "-u-", d.chars(URLSAFE, 64)),
  harness: (d) => j("pa", "t.", d.chars(URLSAFE, 22), ".", d.chars(ALNUM, 24), ".", d.chars(ALNUM, 20)),
  openshift: (d) => j("sha", "256~", d.chars(URLSAFE, 43)),
  "sentry-user": (d) => j("sntr", "yu_", d.chars(HEXLOWER, 64)),
  "sentry-org": (d) =>
    j("sntrys_", base64(ascii(j('{"iat":', d.chars(DIGITS, 10), ',"url":"https://sentry.io","region_url":"https://us.sentry.io","org":"', d.chars(LOWERNUM, 10), '"}'))),
      "_", d.chars(`${ALNUM}+/`, 43)),
  "newrelic-user-key": (d) => j("NR", "AK-", d.chars(UPPERNUM, 27)),
  "newrelic-insert-key": (d) => j("NR", "II-", d.chars(URLSAFE, 32)),
  dynatrace: (d) => j("dt0", "c01.", d.chars(UPPERNUM, 24), ".", d.chars(UPPERNUM, 64)),
  "grafana-cloud": (d) => j("gl", "c_", base64(ascii(j('{"o":"', d.chars(DIGITS, 6), '","n":"stack-', d.chars(DIGITS, 6), '-token","k":"', d.chars(ALNUM, 24), '","m":{"r":"us"}}')))),
  "grafana-service-account": (d) => j("gl", "sa_", d.chars(ALNUM, 32), "_", d.chars(HEXLOWER, 8)),
  "grafana-api-key": (d) => j("eyJr", "Ijoi", d.chars(ALNUM, 40), base64(ascii(j('","n":"deploy","id":', d.chars(DIGITS, 3), "}")))),
  datadog: (d) => d.chars(HEXLOWER, 32),
  "algolia-admin": (d) => d.chars(HEXLOWER, 32),
  okta: (d) => j("00", d.chars(URLSAFE, 40)),
  intercom: (d) => d.chars(URLSAFE, 60),
  twitch: (d) => d.chars(LOWERNUM, 30),
  snyk: uuid,
  "basic-auth": (d) => j("Ba", "sic ", basicCredentials(d)),
  "url-credentials": (d) => j("https://", "deploy:", d.chars(ALNUM, 16), "@", "h7.acme.dev:8443/v2/"),
  "database-url": (d) => j("postgres", "://app:", d.chars(ALNUM, 20), "@db.internal:5432/app?sslmode=require"),
  "cloudinary-url": (d) => j("cloudinary", "://", d.chars(DIGITS, 15), ":", d.chars(URLSAFE, 27), "@acme"),
  postman: (d) => j("PM", "AK-", d.chars(HEXLOWER, 24), "-", d.chars(HEXLOWER, 34)),
  "private-key": (d) =>
    j("-----BEGIN ", "RSA PRIVATE KEY-----\n", d.chars(`${ALNUM}+/`, 64), "\n", d.chars(`${ALNUM}+/`, 64), "\n-----END RSA PRIVATE KEY-----"),
  "generic-secret": (d) => d.chars(ALNUM, 40),
  "bitbucket-app-password": (d) => j("AT", "BB", d.chars(ALNUM, 24), d.chars("0123456789ABCDEF", 8)),
  // NuGetGallery's ApiKeyV4: lower-case base32 of `v4` + 10 random bytes, then of 16 random bytes.
  nuget: (d) => j("oy", "2", d.chars("abcdefghijklmnopqrstuvwxyz234567", 43)),
  paystack: (d) => j("sk", "_live_", d.chars(HEXLOWER, 40)),
  "mailgun-legacy": (d) => j("ke", "y-", d.chars(HEXLOWER, 32)),
  resend: (d) => j("r", "e_", d.chars(ALNUM, 8), "_", d.chars(ALNUM, 24)),
  "teams-webhook": (d) =>
    j("https://acme.", "webhook.office.com/", "webhookb2/", uuid(d), "@", uuid(d), "/IncomingWebhook/", d.chars(HEXLOWER, 32), "/", uuid(d)),
  "discord-bot": (d) => j(base64(ascii(d.chars(DIGITS, 18))).replace(/=+$/, ""), ".", d.chars(URLSAFE, 6), ".", d.chars(URLSAFE, 38)),
  neon: (d) => j("na", "pi_", d.chars(LOWERNUM, 64)),
  "firebase-fcm-server-key": (d) => j("AA", "AA", d.chars(URLSAFE, 7), ":", d.chars(URLSAFE, 140)),
  "newrelic-license-key": (d) => j(d.chars(HEXLOWER, 36), "NR", "AL"),
  axiom: (d) => j("xa", "at-", uuid(d)),
  "posthog-personal": (d) => j("ph", "x_", d.chars(ALNUM, 47)),
  asana: (d) => j("2/", d.chars(DIGITS, 16), "/", d.chars(DIGITS, 16), ":", d.chars(HEXLOWER, 32)),
  "dropbox-short-lived": (d) => j("s", "l.", d.int(0, 1) === 1 ? "u." : "", d.chars(URLSAFE, d.int(130, 180))),
  "cloudflare-global-key-legacy": (d) => d.chars(HEXLOWER, 37),
};

/** Identifier names that hold a prefix-less provider's key. */
export const CONTEXT_NAMES: Record<string, string> = {
  deepseek: "DEEPSEEK_API_KEY",
  cohere: "cohereApiKey",
  mistral: "MISTRAL_API_KEY",
  "azure-openai": "azureOpenAIApiKey",
  "aws-secret-key": "secretAccessKey",
  "twilio-auth-token": "TWILIO_AUTH_TOKEN",
  "vault-legacy": "VAULT_TOKEN",
  "azure-ai-services": "AZURE_OPENAI_API_KEY",
  stability: "STABILITY_API_KEY",
  deepgram: "DEEPGRAM_API_KEY",
  assemblyai: "ASSEMBLYAI_API_KEY",
  "heroku-legacy": "HEROKU_API_KEY",
  mailgun: "MAILGUN_API_KEY",
  postmark: "postmarkServerToken",
  datadog: "DD_API_KEY",
  "algolia-admin": "ALGOLIA_ADMIN_KEY",
  okta: "OKTA_API_TOKEN",
  intercom: "intercomAccessToken",
  twitch: "TWITCH_CLIENT_SECRET",
  snyk: "SNYK_TOKEN",
  "generic-secret": "client_secret",
  "discord-bot": "DISCORD_BOT_TOKEN",
  "newrelic-license-key": "NEW_RELIC_LICENSE_KEY",
  asana: "ASANA_ACCESS_TOKEN",
  "cloudflare-global-key-legacy": "CLOUDFLARE_API_KEY",
};

/** A fresh key of `providerId`, deterministic for a seed, its random parts tidy (a digit and both cases, no runs). */
export function fakeKey(providerId: string, seed = 1): string {
  const build = KEY_BUILDERS[providerId];
  if (!build) throw new Error(`no key builder for provider "${providerId}"`);
  return build(draw(rng(seed * 7919 + providerId.length), false));
}

/** A key of `providerId` whose random parts are drawn uniformly, as a real issuer draws them: for randomness sweeps. */
export function rawKey(providerId: string, seed = 1): string {
  const build = KEY_BUILDERS[providerId];
  if (!build) throw new Error(`no key builder for provider "${providerId}"`);
  return build(draw(rng(seed * 104729 + providerId.length), true));
}

/**
 * The part of `key` a masked form must not show: what follows its known prefix. The prefix may
 * follow a scheme and a host part (`https://hooks.slack.com/services/…`,
 * `https://acme.webhook.office.com/webhookb2/…`), and a shorter prefix may start earlier (a URL
 * format's `https://`): the furthest prefix end in the first 16 characters counts.
 */
export function secretPart(key: string): string {
  let cut = 0;
  for (let i = 0; i < Math.min(key.length, 16); i++) {
    const prefix = knownPrefix(key.slice(i));
    if (prefix) cut = Math.max(cut, i + prefix.length);
  }
  return key.slice(cut);
}

/**
 * A legacy Supabase API key: a JWT whose claims name the project and the Postgres role it maps to
 * (`anon`, public by design, or `service_role`, a server secret), as the dashboard issues them.
 */
export function supabaseJwt(role: "anon" | "service_role", seed = 1): string {
  const d = draw(rng(seed * 7919 + role.length), false);
  const claims = j('{"iss":"supabase","ref":"', d.chars("abcdefghijklmnopqrstuvwxyz", 20), '","role":"', role, '","iat":1700000000,"exp":2015000000}');
  return j(base64url(ascii('{"alg":"HS256","typ":"JWT"}')), ".", base64url(ascii(claims)), ".", d.chars(URLSAFE, 43));
}
