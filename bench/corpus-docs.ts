/**
 * The second accuracy corpus of `npm run bench:accuracy`, written WITHOUT the catalog:
 *
 * - Positives: one entry per credential format, written from the provider's own documentation of
 *   its keys (and read against other scanners' published rule tests for the shapes, never their
 *   strings). Each entry names the doc page it was taken from, describes the shape and builds a
 *   random value of that shape at run time (no key-shaped literal in this file: prefixes are
 *   joined from fragments). Formats with a documented checksum (GitHub's and npm's CRC32 in
 *   base62) get a valid one.
 * - Negatives from real code: the string literals of the SDK sources installed in `node_modules`
 *   (hashes, UUIDs, base64 blobs, integrity strings, long ids, URLs, versions, and literals bound
 *   to a name, scored through `scanNamed` too), plus the integrity strings and tarball URLs of
 *   the lock file. None of them is a key.
 * - Hand-written negatives: the placeholders providers' docs print (`sk-...`, `YOUR_API_KEY`,
 *   `<your-key>`) and word-like strings in key shapes.
 *
 * A positive counts as found when a finding overlaps the secret (any provider id: the corpus knows
 * nothing of the catalog's ids); a negative counts as a false positive when anything is reported.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import type { Detector } from "../src/detect/index.js";
import { mask } from "../src/detect/mask.js";
import { rawChars, rng } from "../tests/helpers/keys.js";
import { rate, type Rate } from "./corpus.js";
import { packageRoot } from "./sources.js";

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
const HEX = `${DIGITS}abcdef`;
const HEXUP = `${DIGITS}ABCDEF`;
const ALNUM = `${UPPER}${LOWER}${DIGITS}`;
const LOWERNUM = `${LOWER}${DIGITS}`;
const UPPERNUM = `${UPPER}${DIGITS}`;
const URLSAFE = `${ALNUM}_-`;
const B64 = `${ALNUM}+/`;
const BASE32 = `${UPPER}234567`;
const BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";
/** GitHub's and npm's base62 digits, in value order. */
const BASE62 = `${DIGITS}${UPPER}${LOWER}`;

/** Joins fragments, so that no prefix appears whole in this file. */
const j = (...parts: string[]) => parts.join("");

/** How a generator draws: uniform characters (as a real key generator does) and integers. */
export interface Draw {
  c(alphabet: string, n: number): string;
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
}

function drawer(next: () => number): Draw {
  return {
    c: (alphabet, n) => rawChars(next, alphabet, n),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

const uuid = (d: Draw) => `${d.c(HEX, 8)}-${d.c(HEX, 4)}-4${d.c(HEX, 3)}-${d.pick(["8", "9", "a", "b"])}${d.c(HEX, 3)}-${d.c(HEX, 12)}`;
const b64 = (text: string) => Buffer.from(text).toString("base64");
const b64url = (text: string) => Buffer.from(text).toString("base64url");

/** GitHub's token checksum: CRC32 of the random part, in base62, left-padded to six digits. */
export function base62Crc32(body: string): string {
  let n = crc32(body) >>> 0;
  let out = "";
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(6, "0");
}
/**
 * A version-2 binary macaroon (the format PyPI's tokens carry, libmacaroons' serialization): version
 * byte 2, fields as (type, varint length, bytes): location (1), identifier (2), end (0); each
 * caveat's identifier (2) and end (0); end (0); signature (6, 32 bytes). Base64url, unpadded.
 */
function macaroonV2(d: Draw): string {
  const field = (type: number, data: Buffer) => Buffer.concat([Buffer.from([type, data.length]), data]);
  const caveats = Array.from({ length: d.int(1, 2) }, () =>
    Buffer.concat([field(2, Buffer.from(JSON.stringify({ version: 1, permissions: { projects: [d.c(LOWER, d.int(4, 10))] } }))), Buffer.from([0])]),
  );
  return Buffer.concat([
    Buffer.from([2]),
    field(1, Buffer.from("pypi.org")),
    field(2, Buffer.from(JSON.stringify({ nonce: d.c(HEX, 32), version: 1 }))),
    Buffer.from([0]),
    ...caveats,
    Buffer.from([0]),
    field(6, Buffer.from(d.c(HEX, 64), "hex")),
  ]).toString("base64url");
}

const withCrc = (prefix: string, d: Draw) => {
  const body = d.c(ALNUM, 30);
  return prefix + body + base62Crc32(body);
};

/** A generated sample: the whole text, and the secret inside it when the text holds more. */
type Sample = string | { readonly text: string; readonly secret: string };

export interface DocFormat {
  /** provider/format */
  readonly id: string;
  readonly family: "ai" | "source control" | "cloud" | "payments" | "messaging" | "database" | "ci & registries" | "observability" | "productivity" | "generic";
  /** The provider's page the shape was taken from. */
  readonly docs: string;
  readonly shape: string;
  /** The documented prefix (shown in masked reports). */
  readonly prefix?: string;
  /** A key without a telling prefix: scored with `scanNamed(name, value)` (and `scan`). */
  readonly name?: string;
  /** The text is a whole construct (URL, PEM, header): scored as is, not placed in other contexts. */
  readonly whole?: boolean;
  readonly generate: (d: Draw) => Sample;
}

const P = {
  skProj: j("sk-", "proj-"),
  skSvc: j("sk-", "svcacct-"),
  skAdmin: j("sk-", "admin-"),
  skAnt: j("sk-", "ant-"),
  marker: j("T3Blbk", "FJ"),
};

const openaiBody = (d: Draw, side: number) => d.c(URLSAFE, side) + P.marker + d.c(URLSAFE, side);
const anthropic = (kind: string) => (d: Draw) => j(P.skAnt, kind, "-", d.c(URLSAFE, 93), "AA");
const slackId = (d: Draw) => d.c(DIGITS, d.int(10, 13));
const pem = (kind: string) => (d: Draw) => {
  const label = kind ? `${kind} PRIVATE KEY` : "PRIVATE KEY";
  const lines = Array.from({ length: d.int(8, 25) }, () => d.c(B64, 64)).join("\n");
  return j("-----BEGIN ", label, "-----\n", lines, "\n-----END ", label, "-----");
};

export const DOC_FORMATS: readonly DocFormat[] = [
  // ---------------------------------------------------------------- AI providers
  { id: "openai/project key", family: "ai", docs: "https://platform.openai.com/docs/api-reference/authentication", prefix: P.skProj,
    shape: "sk-proj- + base64url, the T3BlbkFJ marker in the middle; 164 chars in today's keys (other lengths seen)",
    generate: (d) => P.skProj + openaiBody(d, d.pick([74, 74, 58, 20])) },
  { id: "openai/service account key", family: "ai", docs: "https://platform.openai.com/docs/api-reference/project-service-accounts", prefix: P.skSvc,
    shape: "sk-svcacct- + base64url with the T3BlbkFJ marker", generate: (d) => P.skSvc + openaiBody(d, d.pick([74, 58])) },
  { id: "openai/admin key", family: "ai", docs: "https://platform.openai.com/docs/api-reference/admin-api-keys", prefix: P.skAdmin,
    shape: "sk-admin- + base64url with the T3BlbkFJ marker", generate: (d) => P.skAdmin + openaiBody(d, d.pick([58, 74])) },
  { id: "openai/legacy user key", family: "ai", docs: "https://platform.openai.com/docs/api-reference/authentication", prefix: "sk-",
    shape: "sk- + 20 alnum + T3BlbkFJ + 20 alnum (51 chars)", generate: (d) => j("sk-", d.c(ALNUM, 20), P.marker, d.c(ALNUM, 20)) },
  { id: "anthropic/api key", family: "ai", docs: "https://docs.anthropic.com/en/api/getting-started#authentication", prefix: j(P.skAnt, "api03-"),
    shape: "sk-ant-api03- + 93 base64url + AA (108 chars)", generate: anthropic("api03") },
  { id: "anthropic/admin key", family: "ai", docs: "https://docs.anthropic.com/en/api/administration-api", prefix: j(P.skAnt, "admin01-"),
    shape: "sk-ant-admin01- + 93 base64url + AA", generate: anthropic("admin01") },
  { id: "anthropic/oauth token", family: "ai", docs: "https://docs.anthropic.com/en/docs/claude-code/setup", prefix: j(P.skAnt, "oat01-"),
    shape: "sk-ant-oat01- + 93 base64url + AA (claude setup-token)", generate: anthropic("oat01") },
  { id: "groq/api key", family: "ai", docs: "https://console.groq.com/docs/quickstart", prefix: j("gs", "k_"),
    shape: "gsk_ + 52 alnum", generate: (d) => j("gs", "k_", d.c(ALNUM, 52)) },
  { id: "google/api key", family: "ai", docs: "https://cloud.google.com/docs/authentication/api-keys", prefix: j("AI", "za"),
    shape: "AIza + 35 of [A-Za-z0-9_-] (39 chars)", generate: (d) => j("AI", "za", d.c(URLSAFE, 35)) },
  { id: "huggingface/user access token", family: "ai", docs: "https://huggingface.co/docs/hub/security-tokens", prefix: j("h", "f_"),
    shape: "hf_ + 34 letters", generate: (d) => j("h", "f_", d.c(`${UPPER}${LOWER}`, 34)) },
  { id: "replicate/api token", family: "ai", docs: "https://replicate.com/docs/topics/security/api-tokens", prefix: j("r8", "_"),
    shape: "r8_ + 37 alnum (40 chars)", generate: (d) => j("r8", "_", d.c(ALNUM, 37)) },
  { id: "perplexity/api key", family: "ai", docs: "https://docs.perplexity.ai/guides/getting-started", prefix: j("pp", "lx-"),
    shape: "pplx- + 48 alnum", generate: (d) => j("pp", "lx-", d.c(ALNUM, 48)) },
  { id: "xai/api key", family: "ai", docs: "https://docs.x.ai/docs/tutorial", prefix: j("xa", "i-"),
    shape: "xai- + 80 alnum", generate: (d) => j("xa", "i-", d.c(ALNUM, 80)) },
  { id: "deepseek/api key", family: "ai", docs: "https://api-docs.deepseek.com/", prefix: "sk-", name: "DEEPSEEK_API_KEY",
    shape: "sk- + 32 lowercase hex (no provider marker: found by its name)", generate: (d) => j("sk-", d.c(HEX, 32)) },
  { id: "openrouter/api key", family: "ai", docs: "https://openrouter.ai/docs/api-reference/authentication", prefix: j("sk-", "or-", "v1-"),
    shape: "sk-or-v1- + 64 lowercase hex", generate: (d) => j("sk-", "or-", "v1-", d.c(HEX, 64)) },
  { id: "mistral/api key", family: "ai", docs: "https://docs.mistral.ai/getting-started/quickstart/", name: "MISTRAL_API_KEY",
    shape: "32 alnum, no prefix", generate: (d) => d.c(ALNUM, 32) },
  { id: "cohere/api key", family: "ai", docs: "https://docs.cohere.com/reference/about", name: "COHERE_API_KEY",
    shape: "40 alnum, no prefix", generate: (d) => d.c(ALNUM, 40) },
  { id: "fireworks/api key", family: "ai", docs: "https://docs.fireworks.ai/api-reference/introduction", prefix: j("f", "w_"),
    shape: "fw_ + 24 alnum", generate: (d) => j("f", "w_", d.c(ALNUM, 24)) },
  { id: "together/api key", family: "ai", docs: "https://docs.together.ai/reference/authentication-1", prefix: j("tgp", "_v1_"),
    shape: "tgp_v1_ + 43 base64url", generate: (d) => j("tgp", "_v1_", d.c(URLSAFE, 43)) },
  { id: "cerebras/api key", family: "ai", docs: "https://inference-docs.cerebras.ai/quickstart", prefix: j("cs", "k-"),
    shape: "csk- + 48 lowercase alnum", generate: (d) => j("cs", "k-", d.c(LOWERNUM, 48)) },
  { id: "langsmith/api key", family: "ai", docs: "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key", prefix: j("lsv2", "_"),
    shape: "lsv2_pt_ (personal) or lsv2_sk_ (service) + 32 hex + _ + 10 hex", generate: (d) => j("lsv2", "_", d.pick(["pt", "sk"]), "_", d.c(HEX, 32), "_", d.c(HEX, 10)) },
  { id: "pinecone/api key", family: "ai", docs: "https://docs.pinecone.io/guides/projects/manage-api-keys", prefix: j("pc", "sk_"),
    shape: "pcsk_ + 5-6 alnum + _ + 63 alnum", generate: (d) => j("pc", "sk_", d.c(ALNUM, d.int(5, 6)), "_", d.c(ALNUM, 63)) },
  { id: "elevenlabs/api key", family: "ai", docs: "https://elevenlabs.io/docs/api-reference/authentication", prefix: "sk_", name: "ELEVENLABS_API_KEY",
    shape: "sk_ + 48 lowercase hex", generate: (d) => j("sk", "_", d.c(HEX, 48)) },
  { id: "voyage/api key", family: "ai", docs: "https://docs.voyageai.com/docs/api-key-and-installation", prefix: j("p", "a-"),
    shape: "pa- + 43 base64url", generate: (d) => j("p", "a-", d.c(URLSAFE, 43)) },
  { id: "aws/bedrock long-term api key", family: "ai", docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html", prefix: j("AB", "SK"),
    shape: "ABSK + base64 of 'BedrockAPIKey-<id>-at-<account>:<secret>'",
    generate: (d) => j("AB", "SK", b64(j("BedrockAPIKey-", d.c(LOWERNUM, 4), "-at-", d.c(DIGITS, 12), ":", d.c(B64, 40)))) },
  { id: "aws/bedrock short-term api key", family: "ai", docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html", prefix: j("bedrock-", "api-key-"),
    shape: "bedrock-api-key- + base64 of a presigned bedrock.amazonaws.com URL",
    generate: (d) => j("bedrock-", "api-key-", b64(`bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${j("AS", "IA")}${d.c(BASE32, 16)}%2F20260101%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=43200&X-Amz-Security-Token=${encodeURIComponent(d.c(B64, 300))}&X-Amz-Signature=${d.c(HEX, 64)}&Version=1`)) },
  { id: "assemblyai/api key", family: "ai", docs: "https://www.assemblyai.com/docs/api-reference/overview#authorization", name: "ASSEMBLYAI_API_KEY",
    shape: "32 lowercase hex, no prefix", generate: (d) => d.c(HEX, 32) },
  { id: "deepgram/api key", family: "ai", docs: "https://developers.deepgram.com/docs/create-additional-api-keys", name: "DEEPGRAM_API_KEY",
    shape: "40 lowercase hex, no prefix", generate: (d) => d.c(HEX, 40) },
  { id: "azure/openai api key", family: "ai", docs: "https://learn.microsoft.com/en-us/azure/ai-services/openai/reference#authentication", name: "AZURE_OPENAI_API_KEY",
    shape: "32 hex (older) or 84 alnum (newer), no prefix", generate: (d) => d.pick([d.c(HEX, 32), d.c(ALNUM, 84)]) },

  // ---------------------------------------------------------------- source control
  ...(["p", "o", "u", "s", "r"] as const).map((k): DocFormat => ({
    id: `github/${{ p: "personal access token (classic)", o: "oauth token", u: "user-to-server token", s: "server-to-server token", r: "refresh token" }[k]}`,
    family: "source control", docs: "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/", prefix: j("gh", k, "_"),
    shape: `gh${k}_ + 30 base62 + 6-digit base62 CRC32 of the 30 (40 chars)`, generate: (d) => withCrc(j("gh", k, "_"), d),
  })),
  { id: "github/fine-grained personal access token", family: "source control", docs: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens", prefix: j("github", "_pat_"),
    shape: "github_pat_ + 22 alnum + _ + 59 alnum (93 chars)", generate: (d) => j("github", "_pat_", d.c(ALNUM, 22), "_", d.c(ALNUM, 59)) },
  ...([
    ["personal access token", "pat-", 20],
    ["deploy token", "dt-", 20],
    ["feed token", "ft-", 20],
    ["runner authentication token", "rt-", 20],
    ["SCIM token", "soat-", 20],
    ["feature flags client token", "ffct-", 20],
  ] as const).map(([what, tail, n]): DocFormat => ({
    id: `gitlab/${what}`, family: "source control", docs: "https://docs.gitlab.com/security/tokens/#token-prefixes", prefix: j("gl", tail),
    shape: `gl${tail} + ${n} of [0-9A-Za-z_-]`, generate: (d) => j("gl", tail, d.c(URLSAFE, n)),
  })),
  { id: "gitlab/pipeline trigger token", family: "source control", docs: "https://docs.gitlab.com/security/tokens/#token-prefixes", prefix: j("gl", "ptt-"),
    shape: "glptt- + 40 hex", generate: (d) => j("gl", "ptt-", d.c(HEX, 40)) },
  { id: "gitlab/CI/CD job token", family: "source control", docs: "https://docs.gitlab.com/security/tokens/#token-prefixes", prefix: j("gl", "cbt-"),
    shape: "glcbt- + 1-5 hex (partition) + _ + 20 of [0-9A-Za-z_-]", generate: (d) => j("gl", "cbt-", d.c(HEX, d.int(1, 5)), "_", d.c(URLSAFE, 20)) },
  { id: "gitlab/incoming mail token", family: "source control", docs: "https://docs.gitlab.com/security/tokens/#token-prefixes", prefix: j("gl", "imt-"),
    shape: "glimt- + a 128-bit number in base 36 (up to 25 of [0-9a-z])", generate: (d) => j("gl", "imt-", BigInt(`0x${d.c(HEX, 32)}`).toString(36)) },
  { id: "gitlab/agent for kubernetes token", family: "source control", docs: "https://docs.gitlab.com/security/tokens/#token-prefixes", prefix: j("gl", "agent-"),
    shape: "glagent- + 50 of [0-9A-Za-z_-]", generate: (d) => j("gl", "agent-", d.c(URLSAFE, 50)) },
  { id: "gitlab/oauth application secret", family: "source control", docs: "https://docs.gitlab.com/security/tokens/#token-prefixes", prefix: j("gl", "oas-"),
    shape: "gloas- + 64 hex", generate: (d) => j("gl", "oas-", d.c(HEX, 64)) },
  { id: "gitlab/runner registration token", family: "source control", docs: "https://docs.gitlab.com/ci/runners/runners_scope/", prefix: j("GR", "1348941"),
    shape: "GR1348941 + 20 of [0-9A-Za-z_-]", generate: (d) => j("GR", "1348941", d.c(URLSAFE, 20)) },
  { id: "atlassian/api token", family: "source control", docs: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/", prefix: j("ATA", "TT"),
    shape: "ATATT + ~180 of [0-9A-Za-z_=-] + = + 8 hex checksum", generate: (d) => j("ATA", "TT", "3x", d.c(URLSAFE, 178), "=", d.c(HEXUP, 8)) },
  { id: "bitbucket/app password", family: "source control", docs: "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/", prefix: j("AT", "BB"),
    shape: "ATBB + 32 alnum (token) + 8 hex checksum", generate: (d) => j("AT", "BB", d.c(ALNUM, 24), d.c(HEXUP, 8)) },

  // ---------------------------------------------------------------- cloud
  { id: "aws/access key id", family: "cloud", docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids", prefix: j("AK", "IA"),
    shape: "AKIA + 16 of base32 [A-Z2-7]", generate: (d) => j("AK", "IA", d.c(BASE32, 16)) },
  { id: "aws/temporary access key id", family: "cloud", docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids", prefix: j("AS", "IA"),
    shape: "ASIA + 16 of base32 [A-Z2-7]", generate: (d) => j("AS", "IA", d.c(BASE32, 16)) },
  { id: "aws/secret access key", family: "cloud", docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html", name: "aws_secret_access_key",
    shape: "40 of base64 [A-Za-z0-9+/], no prefix", generate: (d) => d.c(B64, 40) },
  { id: "google/service account private key", family: "cloud", docs: "https://cloud.google.com/iam/docs/keys-create-delete", prefix: "-----BEGIN", whole: true,
    shape: "PKCS#8 PEM block (private_key of the JSON key file)", generate: pem("") },
  { id: "azure/storage account key", family: "cloud", docs: "https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string", whole: true,
    shape: "connection string with AccountKey= 86 base64 + ==",
    generate: (d) => {
      const secret = `${d.c(B64, 86)}==`;
      return { text: `DefaultEndpointsProtocol=https;AccountName=${d.c(LOWERNUM, 12)};AccountKey=${secret};EndpointSuffix=core.windows.net`, secret };
    } },
  { id: "azure/entra client secret", family: "cloud", docs: "https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials", name: "AZURE_CLIENT_SECRET",
    shape: "3 of [A-Za-z0-9_.~] + digit + Q~ + 34 of [A-Za-z0-9_.~-]", generate: (d) => j(d.c(`${ALNUM}_~.`, 3), d.c(DIGITS, 1), "Q~", d.c(`${ALNUM}_.~-`, 34)) },
  ...(["p", "o", "r"] as const).map((k): DocFormat => ({
    id: `digitalocean/${{ p: "personal access token", o: "oauth token", r: "refresh token" }[k]}`, family: "cloud",
    docs: "https://docs.digitalocean.com/reference/api/create-personal-access-token/", prefix: j("do", k, "_v1_"),
    shape: `do${k}_v1_ + 64 hex`, generate: (d) => j("do", k, "_v1_", d.c(HEX, 64)),
  })),
  { id: "cloudflare/api token", family: "cloud", docs: "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/", name: "CLOUDFLARE_API_TOKEN",
    shape: "40 of [A-Za-z0-9_-], no prefix", generate: (d) => d.c(URLSAFE, 40) },
  { id: "cloudflare/global api key", family: "cloud", docs: "https://developers.cloudflare.com/fundamentals/api/get-started/keys/", name: "CLOUDFLARE_API_KEY",
    shape: "37 lowercase hex, no prefix", generate: (d) => d.c(HEX, 37) },
  { id: "heroku/api key", family: "cloud", docs: "https://devcenter.heroku.com/articles/authentication", prefix: j("HR", "KU-"),
    shape: "HRKU- + 60 of [A-Za-z0-9_-]", generate: (d) => j("HR", "KU-", d.c(URLSAFE, 60)) },
  { id: "netlify/personal access token", family: "cloud", docs: "https://docs.netlify.com/api/get-started/#authentication", prefix: j("nf", "p_"),
    shape: "nfp_ + 36 alnum", generate: (d) => j("nf", "p_", d.c(ALNUM, 36)) },
  { id: "vercel/access token", family: "cloud", docs: "https://vercel.com/docs/rest-api#creating-an-access-token", prefix: j("vc", "p_"),
    shape: "vcp_ (personal) / vci_ (integration) / vca_ (app) / vcr_ (refresh) / vck_ (api key) + 56 alnum", generate: (d) => j("vc", d.pick(["p", "i", "a", "r", "k"]), "_", d.c(ALNUM, 56)) },
  { id: "supabase/secret key", family: "cloud", docs: "https://supabase.com/docs/guides/api/api-keys", prefix: j("sb_", "secret_"),
    shape: "sb_secret_ + 41 of [A-Za-z0-9_-]", generate: (d) => j("sb_", "secret_", d.c(URLSAFE, 41)) },
  { id: "doppler/token", family: "cloud", docs: "https://docs.doppler.com/docs/token-formats", prefix: j("dp", "."),
    shape: "dp.pt. / dp.st.<env>. / dp.sa. / dp.ct. / dp.scim. + 40-44 alnum",
    generate: (d) => j("dp", ".", d.pick(["pt.", "sa.", "ct.", `st.${d.pick(["dev", "prd", "stg"])}.`]), d.c(ALNUM, d.int(40, 44))) },
  { id: "hashicorp/vault service token", family: "cloud", docs: "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes", prefix: j("hv", "s."),
    shape: "hvs. + 90-120 of [A-Za-z0-9_-]", generate: (d) => j("hv", "s.", d.c(URLSAFE, d.int(90, 120))) },
  { id: "hashicorp/vault batch token", family: "cloud", docs: "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes", prefix: j("hv", "b."),
    shape: "hvb. + 138-300 of [A-Za-z0-9_-]", generate: (d) => j("hv", "b.", d.c(URLSAFE, d.int(138, 300))) },
  { id: "hashicorp/vault recovery token", family: "cloud", docs: "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes", prefix: j("hv", "r."),
    shape: "hvr. + 90-120 of [A-Za-z0-9_-]", generate: (d) => j("hv", "r.", d.c(URLSAFE, d.int(90, 120))) },
  { id: "1password/secret key", family: "cloud", docs: "https://support.1password.com/secret-key/", prefix: j("A", "3-"),
    shape: "A3- + 6 - 6 - 5 - 5 - 5 - 5 of [A-Z0-9] (older keys: 6 - 11 - 5 - 5 - 5)",
    generate: (d) => j("A", "3-", d.c(UPPERNUM, 6), "-", d.pick([`${d.c(UPPERNUM, 6)}-${d.c(UPPERNUM, 5)}`, d.c(UPPERNUM, 11)]), "-", d.c(UPPERNUM, 5), "-", d.c(UPPERNUM, 5), "-", d.c(UPPERNUM, 5)) },
  { id: "hashicorp/vault legacy service token", family: "cloud", docs: "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes", prefix: "s.", name: "VAULT_TOKEN",
    shape: "s. + 24 alnum", generate: (d) => j("s", ".", d.c(ALNUM, 24)) },
  { id: "hashicorp/terraform cloud api token", family: "cloud", docs: "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
    shape: "14 alnum + .atlasv1. + 67 alnum", generate: (d) => j(d.c(ALNUM, 14), ".atlas", "v1.", d.c(ALNUM, 67)) },
  { id: "databricks/personal access token", family: "cloud", docs: "https://docs.databricks.com/aws/en/dev-tools/auth/pat", prefix: j("da", "pi"),
    shape: "dapi + 32 lowercase hex, optional -<digit>", generate: (d) => j("da", "pi", d.c(HEX, 32), d.pick(["", "-2", "-3"])) },
  { id: "1password/service account token", family: "cloud", docs: "https://developer.1password.com/docs/service-accounts/", prefix: j("op", "s_"),
    shape: "ops_ + base64 (url-safe or standard, unpadded: the docs do not say) of a JSON object (starts eyJ)",
    generate: (d) => j("op", "s_", d.pick([b64url, (t: string) => b64(t).replace(/=+$/, "")])(JSON.stringify({ signInAddress: "my.1password.com", userAuth: { method: "SRPg-4096", alg: "PBES2g-HS256", iterations: 650000, salt: d.c(URLSAFE, 22) }, email: `${d.c(LOWERNUM, 13)}@1passwordserviceaccounts.com`, srpX: d.c(HEX, 64), muk: { alg: "A256GCM", ext: true, k: d.c(URLSAFE, 43), key_ops: ["encrypt", "decrypt"], kty: "oct", kid: "mp" }, secretKey: `A3-${d.c(UPPERNUM, 6)}-${d.c(UPPERNUM, 6)}-${d.c(UPPERNUM, 5)}-${d.c(UPPERNUM, 5)}-${d.c(UPPERNUM, 5)}-${d.c(UPPERNUM, 5)}`, throttleSecret: { seed: d.c(HEX, 64), uuid: d.c(UPPERNUM, 26) }, deviceUuid: d.c(LOWERNUM, 26) }))) },
  { id: "pulumi/access token", family: "cloud", docs: "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/", prefix: j("pu", "l-"),
    shape: "pul- + 40 hex", generate: (d) => j("pu", "l-", d.c(HEX, 40)) },
  { id: "alibaba/accesskey id", family: "cloud", docs: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair", prefix: j("LT", "AI"),
    shape: "LTAI + 20 alnum", generate: (d) => j("LT", "AI", d.c(ALNUM, 20)) },

  // ---------------------------------------------------------------- payments & commerce
  { id: "stripe/secret key", family: "payments", docs: "https://docs.stripe.com/keys", prefix: j("sk", "_live_"),
    shape: "sk_live_ + 24 alnum (older) or 99 alnum", generate: (d) => j("sk", "_live_", d.c(ALNUM, d.pick([24, 99]))) },
  { id: "stripe/restricted key", family: "payments", docs: "https://docs.stripe.com/keys#limit-access", prefix: j("rk", "_live_"),
    shape: "rk_live_ + 24 or 99 alnum", generate: (d) => j("rk", "_live_", d.c(ALNUM, d.pick([24, 99]))) },
  { id: "stripe/webhook signing secret", family: "payments", docs: "https://docs.stripe.com/webhooks#verify-events", prefix: j("wh", "sec_"),
    shape: "whsec_ + 32 alnum", generate: (d) => j("wh", "sec_", d.c(ALNUM, 32)) },
  { id: "square/access token", family: "payments", docs: "https://developer.squareup.com/docs/build-basics/access-tokens", prefix: j("EA", "AA"),
    shape: "EAAA + 60 of [A-Za-z0-9_-]", generate: (d) => j("EA", "AA", d.c(URLSAFE, 60)) },
  { id: "square/application secret", family: "payments", docs: "https://developer.squareup.com/docs/oauth-api/overview", prefix: j("sq0", "csp-"),
    shape: "sq0csp- + 43 of [A-Za-z0-9_-]", generate: (d) => j("sq0", "csp-", d.c(URLSAFE, 43)) },
  { id: "braintree/access token", family: "payments", docs: "https://developer.paypal.com/braintree/docs/guides/extend/oauth/access-tokens", prefix: j("access_", "token$"),
    shape: "access_token$production$ + 16 lowercase alnum + $ + 32 hex", generate: (d) => j("access_", "token$", "production$", d.c(LOWERNUM, 16), "$", d.c(HEX, 32)) },
  ...(["at", "ss", "ca", "pa"] as const).map((k): DocFormat => ({
    id: `shopify/${{ at: "admin api access token", ss: "shared secret", ca: "custom app token", pa: "private app password" }[k]}`, family: "payments",
    docs: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens", prefix: j("shp", k, "_"),
    shape: `shp${k}_ + 32 hex`, generate: (d) => j("shp", k, "_", d.c(HEX, 32)),
  })),
  { id: "paystack/secret key", family: "payments", docs: "https://paystack.com/docs/api/authentication/", prefix: j("sk", "_live_"),
    shape: "sk_live_ + 40 hex", generate: (d) => j("sk", "_live_", d.c(HEX, 40)) },
  { id: "flutterwave/secret key", family: "payments", docs: "https://developer.flutterwave.com/docs/authentication", prefix: j("FLW", "SECK-"),
    shape: "FLWSECK- + 32 hex + -X", generate: (d) => j("FLW", "SECK-", d.c(HEX, 32), "-X") },
  { id: "easypost/api key", family: "payments", docs: "https://docs.easypost.com/docs/authentication", prefix: j("EZ", "AK"),
    shape: "EZAK + 54 alnum", generate: (d) => j("EZ", "AK", d.c(ALNUM, 54)) },
  { id: "shippo/api token", family: "payments", docs: "https://docs.goshippo.com/docs/guides_general/authentication/", prefix: j("shippo", "_live_"),
    shape: "shippo_live_ + 40 hex", generate: (d) => j("shippo", "_live_", d.c(HEX, 40)) },

  // ---------------------------------------------------------------- messaging & email
  { id: "slack/bot token", family: "messaging", docs: "https://api.slack.com/concepts/token-types#bot", prefix: j("xo", "xb-"),
    shape: "xoxb- + team digits - bot digits - 24 alnum", generate: (d) => j("xo", "xb-", slackId(d), "-", slackId(d), "-", d.c(ALNUM, 24)) },
  { id: "slack/user token", family: "messaging", docs: "https://api.slack.com/concepts/token-types#user", prefix: j("xo", "xp-"),
    shape: "xoxp- + digits - digits - digits - 32 hex", generate: (d) => j("xo", "xp-", slackId(d), "-", slackId(d), "-", slackId(d), "-", d.c(HEX, 32)) },
  { id: "slack/app-level token", family: "messaging", docs: "https://api.slack.com/concepts/token-types#app-level", prefix: j("xa", "pp-"),
    shape: "xapp-1- + A + 10 upper alnum - 13 digits - 64 hex", generate: (d) => j("xa", "pp-1-A", d.c(UPPERNUM, 10), "-", d.c(DIGITS, 13), "-", d.c(HEX, 64)) },
  { id: "slack/legacy bot token", family: "messaging", docs: "https://api.slack.com/authentication/token-types#legacy_bot", prefix: j("xo", "xb-"),
    shape: "xoxb- + digits - 24 alnum (two segments)", generate: (d) => j("xo", "xb-", slackId(d), "-", d.c(ALNUM, 24)) },
  { id: "slack/legacy workspace app token", family: "messaging", docs: "https://api.slack.com/authentication/token-types#workspace", prefix: j("xo", "xa-2-"),
    shape: "xoxa-2- + digits - digits - digits - hex", generate: (d) => j("xo", "xa-2-", slackId(d), "-", slackId(d), "-", slackId(d), "-", d.c(HEX, d.pick([18, 32, 64]))) },
  { id: "slack/legacy user token", family: "messaging", docs: "https://api.slack.com/authentication/token-types#legacy", prefix: j("xo", "xs-"),
    shape: "xoxs- / xoxo- + digits - digits - digits - 10 or 64 hex", generate: (d) => j("xo", "x", d.pick(["s", "o"]), "-", slackId(d), "-", slackId(d), "-", slackId(d), "-", d.c(HEX, d.pick([10, 64]))) },
  { id: "slack/refresh token", family: "messaging", docs: "https://api.slack.com/authentication/rotation", prefix: j("xo", "xe-"),
    shape: "xoxe-1- + ~146 base62 (token rotation)", generate: (d) => j("xo", "xe-1-", d.c(ALNUM, 146)) },
  { id: "slack/configuration token", family: "messaging", docs: "https://api.slack.com/authentication/config-tokens", prefix: j("xo", "xe."),
    shape: "xoxe.xoxp-1- + ~150 alnum/-", generate: (d) => j("xo", "xe.", "xo", "xp-1-", d.c(ALNUM, 146)) },
  { id: "slack/incoming webhook", family: "messaging", docs: "https://api.slack.com/messaging/webhooks", prefix: "https://hooks.slack.com/services/", whole: true,
    shape: "https://hooks.slack.com/services/T<8-10 upper>/B<8-10 upper>/<24 alnum>",
    generate: (d) => j("https://hooks.", "slack.com/services/T", d.c(UPPERNUM, d.int(8, 10)), "/B", d.c(UPPERNUM, d.int(8, 10)), "/", d.c(ALNUM, 24)) },
  { id: "slack/workflow webhook", family: "messaging", docs: "https://slack.com/help/articles/360041352714-Build-a-workflow--Create-a-workflow-that-starts-outside-of-Slack", prefix: "https://hooks.slack.com/", whole: true,
    shape: "https://hooks.slack.com/workflows/T…/A…/<digits>/<24 alnum> (or /triggers/)",
    generate: (d) => j("https://hooks.", "slack.com/", d.pick(["workflows", "triggers"]), "/T", d.c(UPPERNUM, 10), "/A", d.c(UPPERNUM, 10), "/", d.c(DIGITS, 18), "/", d.c(ALNUM, 32)) },
  { id: "twilio/api key sid", family: "messaging", docs: "https://www.twilio.com/docs/iam/api-keys", prefix: "SK",
    shape: "SK + 32 lowercase hex", generate: (d) => j("S", "K", d.c(HEX, 32)) },
  { id: "twilio/auth token", family: "messaging", docs: "https://www.twilio.com/docs/iam/api/authtoken", name: "TWILIO_AUTH_TOKEN",
    shape: "32 lowercase hex, no prefix", generate: (d) => d.c(HEX, 32) },
  { id: "sendgrid/api key", family: "messaging", docs: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys", prefix: j("S", "G."),
    shape: "SG. + 22 base64url + . + 43 base64url (69 chars)", generate: (d) => j("S", "G.", d.c(URLSAFE, 22), ".", d.c(URLSAFE, 43)) },
  { id: "mailgun/api key", family: "messaging", docs: "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication", prefix: j("ke", "y-"),
    shape: "key- + 32 hex (legacy)", generate: (d) => j("ke", "y-", d.c(HEX, 32)) },
  { id: "mailgun/private api key", family: "messaging", docs: "https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials", name: "MAILGUN_API_KEY",
    shape: "32 hex - 8 hex - 8 hex", generate: (d) => j(d.c(HEX, 32), "-", d.c(HEX, 8), "-", d.c(HEX, 8)) },
  { id: "mailchimp/api key", family: "messaging", docs: "https://mailchimp.com/developer/marketing/guides/quick-start/", prefix: "",
    shape: "32 hex + -us + data-center digits", generate: (d) => j(d.c(HEX, 32), "-u", "s", String(d.int(1, 21))) },
  { id: "discord/bot token", family: "messaging", docs: "https://discord.com/developers/docs/reference#authentication", name: "DISCORD_BOT_TOKEN",
    shape: "base64 of the bot's id . 6 base64url (timestamp) . 38 base64url (HMAC)",
    generate: (d) => j(b64(d.c(DIGITS, 18)).replace(/=+$/, ""), ".", d.c(URLSAFE, 6), ".", d.c(URLSAFE, 38)) },
  { id: "discord/webhook url", family: "messaging", docs: "https://discord.com/developers/docs/resources/webhook", whole: true,
    shape: "https://discord.com/api/webhooks/<18-19 digits>/<68 base64url>",
    generate: (d) => j("https://discord.com/api/", "webhooks/", d.c(DIGITS, d.int(18, 19)), "/", d.c(URLSAFE, 68)) },
  { id: "telegram/bot token", family: "messaging", docs: "https://core.telegram.org/bots/api#authorizing-your-bot", name: "TELEGRAM_BOT_TOKEN",
    shape: "8-10 digits : AA + 33 base64url", generate: (d) => j(d.c(DIGITS, d.int(8, 10)), ":AA", d.c(URLSAFE, 33)) },
  { id: "resend/api key", family: "messaging", docs: "https://resend.com/docs/dashboard/api-keys/introduction", prefix: j("r", "e_"),
    shape: "re_ + 8 alnum + _ + 24 alnum", generate: (d) => j("r", "e_", d.c(ALNUM, 8), "_", d.c(ALNUM, 24)) },
  { id: "brevo/api key", family: "messaging", docs: "https://developers.brevo.com/docs/getting-started", prefix: j("xkey", "sib-"),
    shape: "xkeysib- + 64 hex + - + 16 alnum", generate: (d) => j("xkey", "sib-", d.c(HEX, 64), "-", d.c(ALNUM, 16)) },
  { id: "postmark/server token", family: "messaging", docs: "https://postmarkapp.com/developer/api/overview#authentication", name: "POSTMARK_SERVER_TOKEN",
    shape: "a UUID, no prefix", generate: uuid },
  { id: "microsoft/teams incoming webhook", family: "messaging", docs: "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook", whole: true,
    shape: "https://<tenant>.webhook.office.com/webhookb2/<uuid>@<uuid>/IncomingWebhook/<32 hex>/<uuid>",
    generate: (d) => j("https://", d.c(LOWER, 8), ".webhook.office.com/", "webhookb2/", uuid(d), "@", uuid(d), "/IncomingWebhook/", d.c(HEX, 32), "/", uuid(d)) },

  // ---------------------------------------------------------------- databases
  { id: "mongodb/connection string", family: "database", docs: "https://www.mongodb.com/docs/manual/reference/connection-string/", whole: true,
    shape: "mongodb+srv://<user>:<password>@<cluster>.mongodb.net/",
    generate: (d) => {
      const secret = d.c(ALNUM, 16);
      return { text: `mongodb+srv://${d.c(LOWER, 6)}:${secret}@cluster0.${d.c(LOWERNUM, 5)}.mongodb.net/?retryWrites=true&w=majority`, secret };
    } },
  { id: "postgres/connection url", family: "database", docs: "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS", whole: true,
    shape: "postgresql://<user>:<password>@<host>:5432/<db>",
    generate: (d) => {
      const secret = d.c(URLSAFE, 24);
      return { text: `postgresql://${d.c(LOWER, 8)}:${secret}@db.${d.c(LOWER, 20)}.supabase.co:5432/postgres`, secret };
    } },
  { id: "redis/connection url", family: "database", docs: "https://redis.io/docs/latest/develop/clients/nodejs/connect/", whole: true,
    shape: "rediss://default:<password>@<host>:<port>",
    generate: (d) => {
      const secret = d.c(ALNUM, 32);
      return { text: `rediss://default:${secret}@${d.c(LOWER, 10)}-${d.c(DIGITS, 5)}.upstash.io:6379`, secret };
    } },
  { id: "planetscale/service token", family: "database", docs: "https://planetscale.com/docs/concepts/service-tokens", prefix: j("pscale", "_tkn_"),
    shape: "pscale_tkn_ + 43 base64url", generate: (d) => j("pscale", "_tkn_", d.c(URLSAFE, 43)) },
  { id: "planetscale/database password", family: "database", docs: "https://planetscale.com/docs/concepts/connection-strings", prefix: j("pscale", "_pw_"),
    shape: "pscale_pw_ + 43 base64url", generate: (d) => j("pscale", "_pw_", d.c(URLSAFE, 43)) },
  { id: "neon/api key", family: "database", docs: "https://neon.com/docs/manage/api-keys", prefix: j("na", "pi_"),
    shape: "napi_ + 64 lowercase alnum", generate: (d) => j("na", "pi_", d.c(LOWERNUM, 64)) },
  { id: "airtable/personal access token", family: "database", docs: "https://airtable.com/developers/web/guides/personal-access-tokens", prefix: "pat",
    shape: "pat + 14 alnum + . + 64 hex", generate: (d) => j("pa", "t", d.c(ALNUM, 14), ".", d.c(HEX, 64)) },
  { id: "firebase/cloud messaging server key", family: "database", docs: "https://firebase.google.com/docs/cloud-messaging/auth-server", prefix: j("AA", "AA"),
    shape: "AAAA + 7 base64url + : + 140 base64url", generate: (d) => j("AA", "AA", d.c(URLSAFE, 7), ":", d.c(URLSAFE, 140)) },

  // ---------------------------------------------------------------- CI & package registries
  { id: "npm/access token", family: "ci & registries", docs: "https://docs.npmjs.com/about-access-tokens", prefix: j("np", "m_"),
    shape: "npm_ + 30 base62 + 6-digit base62 CRC32 (40 chars)", generate: (d) => withCrc(j("np", "m_"), d) },
  { id: "npm/.npmrc auth token line", family: "ci & registries", docs: "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration", whole: true,
    shape: "//registry.npmjs.org/:_authToken=<token> (legacy tokens are UUIDs)",
    generate: (d) => {
      const secret = uuid(d);
      return { text: `//registry.npmjs.org/:_auth${"Token"}=${secret}`, secret };
    } },
  { id: "pypi/api token", family: "ci & registries", docs: "https://pypi.org/help/#apitoken", prefix: "pypi-",
    shape: "pypi- + base64url (unpadded) of a v2 binary macaroon: location pypi.org, JSON identifier, caveats, 32-byte signature (starts AgEIcHlwaS5vcmc)",
    generate: (d) => j("pypi-", macaroonV2(d)) },
  { id: "rubygems/api key", family: "ci & registries", docs: "https://guides.rubygems.org/api-key-scopes/", prefix: j("ruby", "gems_"),
    shape: "rubygems_ + 48 hex", generate: (d) => j("ruby", "gems_", d.c(HEX, 48)) },
  { id: "nuget/api key", family: "ci & registries", docs: "https://learn.microsoft.com/en-us/nuget/nuget-org/publish-a-package#create-an-api-key", prefix: "oy2",
    shape: "oy2 + 43 lowercase base32 (a-z, 2-7)", generate: (d) => j("oy", "2", d.c(`${LOWER}234567`, 43)) },
  { id: "docker/personal access token", family: "ci & registries", docs: "https://docs.docker.com/security/for-developers/access-tokens/", prefix: j("dckr", "_pat_"),
    shape: "dckr_pat_ + 27 base64url", generate: (d) => j("dckr", "_pat_", d.c(URLSAFE, 27)) },
  { id: "circleci/personal api token", family: "ci & registries", docs: "https://circleci.com/docs/managing-api-tokens/", prefix: j("CCI", "PAT_"),
    shape: "CCIPAT_ + 22 alnum + _ + 40 hex", generate: (d) => j("CCI", "PAT_", d.c(ALNUM, 22), "_", d.c(HEX, 40)) },
  { id: "buildkite/api access token", family: "ci & registries", docs: "https://buildkite.com/docs/apis/managing-api-tokens", prefix: j("bk", "ua_"),
    shape: "bkua_ + 40 hex", generate: (d) => j("bk", "ua_", d.c(HEX, 40)) },
  { id: "jfrog/reference token", family: "ci & registries", docs: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens", prefix: j("cmVmdGtu", "OjAxOj"),
    shape: "base64 of 'reftkn:01:' + 54 more base64 (64 chars)", generate: (d) => j("cmVmdGtu", "OjAxOj", d.c(ALNUM, 54)) },

  // ---------------------------------------------------------------- observability
  { id: "sentry/organization auth token", family: "observability", docs: "https://docs.sentry.io/account/auth-tokens/", prefix: j("sntr", "ys_"),
    shape: "sntrys_ + base64 of a JSON payload (eyJ…) + _ + 43 base64 (32 random bytes)",
    generate: (d) => j("sntr", "ys_", b64(JSON.stringify({ iat: 1700000000 + d.int(0, 1e7), url: "https://sentry.io", region_url: "https://us.sentry.io", org: d.c(LOWER, 8) })).replace(/=+$/, ""), "_", d.c(B64, 43)) },
  { id: "sentry/user auth token", family: "observability", docs: "https://docs.sentry.io/account/auth-tokens/", prefix: j("sntr", "yu_"),
    shape: "sntryu_ + 64 hex", generate: (d) => j("sntr", "yu_", d.c(HEX, 64)) },
  { id: "grafana/cloud access policy token", family: "observability", docs: "https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/", prefix: j("gl", "c_"),
    shape: "glc_ + base64 of a JSON object (eyJ…)",
    generate: (d) => j("gl", "c_", b64(JSON.stringify({ o: d.c(DIGITS, 6), n: `stack-${d.c(DIGITS, 6)}-token`, k: d.c(ALNUM, 24), m: { r: "prod-us-east-0" } }))) },
  { id: "grafana/service account token", family: "observability", docs: "https://grafana.com/docs/grafana/latest/administration/service-accounts/", prefix: j("gl", "sa_"),
    shape: "glsa_ + 32 alnum + _ + 8 hex", generate: (d) => j("gl", "sa_", d.c(ALNUM, 32), "_", d.c(HEX, 8)) },
  { id: "newrelic/user api key", family: "observability", docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/", prefix: j("NR", "AK-"),
    shape: "NRAK- + 27 upper alnum", generate: (d) => j("NR", "AK-", d.c(UPPERNUM, 27)) },
  { id: "newrelic/license key", family: "observability", docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key", name: "NEW_RELIC_LICENSE_KEY",
    shape: "36 hex + NRAL (40 chars)", generate: (d) => j(d.c(HEX, 36), "NR", "AL") },
  { id: "datadog/api key", family: "observability", docs: "https://docs.datadoghq.com/account_management/api-app-keys/", name: "DD_API_KEY",
    shape: "32 lowercase hex, no prefix", generate: (d) => d.c(HEX, 32) },
  { id: "datadog/application key", family: "observability", docs: "https://docs.datadoghq.com/account_management/api-app-keys/", name: "DD_APP_KEY",
    shape: "40 lowercase hex, no prefix", generate: (d) => d.c(HEX, 40) },
  { id: "dynatrace/api token", family: "observability", docs: "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens#token-format", prefix: j("dt0", "c01."),
    shape: "dt0c01. + 24 upper alnum + . + 64 upper alnum", generate: (d) => j("dt0", "c01.", d.c(UPPERNUM, 24), ".", d.c(UPPERNUM, 64)) },
  { id: "axiom/api token", family: "observability", docs: "https://axiom.co/docs/reference/tokens", prefix: j("xa", "at-"),
    shape: "xaat- (api) / xapt- (personal) + UUID", generate: (d) => j("xa", d.pick(["at", "pt"]), "-", uuid(d)) },
  { id: "posthog/personal api key", family: "observability", docs: "https://posthog.com/docs/api/personal-api-keys", prefix: j("ph", "x_"),
    shape: "phx_ + 42-48 base62 (a random number of 32 or 35 bytes)", generate: (d) => j("ph", "x_", d.c(ALNUM, d.pick([43, 47, 48]))) },

  // ---------------------------------------------------------------- productivity & SaaS
  { id: "notion/integration token", family: "productivity", docs: "https://developers.notion.com/docs/authorization", prefix: j("nt", "n_"),
    shape: "ntn_ + 11 digits + 35 alnum (50 chars)", generate: (d) => j("nt", "n_", d.c(DIGITS, 11), d.c(ALNUM, 35)) },
  { id: "notion/legacy integration secret", family: "productivity", docs: "https://developers.notion.com/docs/authorization", prefix: j("sec", "ret_"),
    shape: "secret_ + 43 alnum", generate: (d) => j("sec", "ret_", d.c(ALNUM, 43)) },
  { id: "figma/personal access token", family: "productivity", docs: "https://www.figma.com/developers/api#access-tokens", prefix: j("fi", "gd_"),
    shape: "figd_ + 40 base64url", generate: (d) => j("fi", "gd_", d.c(URLSAFE, 40)) },
  { id: "linear/personal api key", family: "productivity", docs: "https://linear.app/developers/graphql#personal-api-keys", prefix: j("lin", "_api_"),
    shape: "lin_api_ + 40 alnum", generate: (d) => j("lin", "_api_", d.c(ALNUM, 40)) },
  { id: "postman/api key", family: "productivity", docs: "https://learning.postman.com/docs/developer/postman-api/authentication/", prefix: j("PM", "AK-"),
    shape: "PMAK- + 24 hex + - + 34 hex", generate: (d) => j("PM", "AK-", d.c(HEX, 24), "-", d.c(HEX, 34)) },
  { id: "asana/personal access token", family: "productivity", docs: "https://developers.asana.com/docs/personal-access-token", name: "ASANA_ACCESS_TOKEN",
    shape: "2/ + 16 digits + / + 16 digits + : + 32 hex (1/<digits>:<32 hex> older)", generate: (d) => j("2/", d.c(DIGITS, 16), "/", d.c(DIGITS, 16), ":", d.c(HEX, 32)) },
  { id: "hubspot/private app token", family: "productivity", docs: "https://developers.hubspot.com/docs/api/private-apps", prefix: j("pa", "t-"),
    shape: "pat-<region>- + UUID", generate: (d) => j("pa", "t-", d.pick(["na1", "eu1", "na2"]), "-", uuid(d)) },
  { id: "contentful/personal access token", family: "productivity", docs: "https://www.contentful.com/developers/docs/references/authentication/", prefix: j("CF", "PAT-"),
    shape: "CFPAT- + 43 base64url", generate: (d) => j("CF", "PAT-", d.c(URLSAFE, 43)) },
  { id: "typeform/personal access token", family: "productivity", docs: "https://www.typeform.com/developers/get-started/personal-access-token/", prefix: j("tf", "p_"),
    shape: "tfp_ + 44 base64url + _ + 14 alnum", generate: (d) => j("tf", "p_", d.c(URLSAFE, 44), "_", d.c(ALNUM, 14)) },
  { id: "dropbox/short-lived access token", family: "productivity", docs: "https://developers.dropbox.com/oauth-guide", prefix: j("s", "l."),
    shape: "sl. or sl.u. + ~135-180 base64url", generate: (d) => j("s", "l.", d.pick(["", "u."]), d.c(URLSAFE, d.int(130, 180))) },
  { id: "mapbox/secret token", family: "productivity", docs: "https://docs.mapbox.com/help/getting-started/access-tokens/", prefix: j("s", "k.eyJ"),
    shape: "sk. + base64 JSON (eyJ…) + . + 22 base64url",
    generate: (d) => j("s", "k.", b64url(JSON.stringify({ u: d.c(LOWER, 8), a: d.c(LOWERNUM, 25) })), ".", d.c(URLSAFE, 22)) },
  { id: "launchdarkly/sdk key", family: "productivity", docs: "https://docs.launchdarkly.com/sdk/concepts/client-side-server-side#keys", prefix: j("sd", "k-"),
    shape: "sdk- + UUID (api- + UUID for API access tokens)", generate: (d) => j(d.pick(["sd" + "k-", "ap" + "i-"]), uuid(d)) },
  { id: "okta/api token", family: "productivity", docs: "https://developer.okta.com/docs/guides/create-an-api-token/main/", name: "OKTA_API_TOKEN",
    shape: "00 + 40 base64url", generate: (d) => j("00", d.c(URLSAFE, 40)) },

  // ---------------------------------------------------------------- keys and generic credentials
  { id: "pem/rsa private key", family: "generic", docs: "https://datatracker.ietf.org/doc/html/rfc7468#section-10", prefix: "-----BEGIN", whole: true,
    shape: "-----BEGIN RSA PRIVATE KEY----- base64 lines -----END RSA PRIVATE KEY-----", generate: pem("RSA") },
  { id: "pem/ec private key", family: "generic", docs: "https://datatracker.ietf.org/doc/html/rfc5915#section-4", prefix: "-----BEGIN", whole: true,
    shape: "-----BEGIN EC PRIVATE KEY----- …", generate: pem("EC") },
  { id: "pem/openssh private key", family: "generic", docs: "https://man.openbsd.org/ssh-keygen", prefix: "-----BEGIN", whole: true,
    shape: "-----BEGIN OPENSSH PRIVATE KEY----- …", generate: pem("OPENSSH") },
  { id: "age/secret key", family: "generic", docs: "https://age-encryption.org/v1", prefix: j("AGE-", "SECRET-KEY-1"),
    shape: "AGE-SECRET-KEY-1 + 58 bech32 (uppercase)", generate: (d) => j("AGE-", "SECRET-", "KEY-1", d.c(BECH32, 58)) },
  { id: "http/basic authorization header", family: "generic", docs: "https://datatracker.ietf.org/doc/html/rfc7617#section-2", whole: true,
    shape: "Authorization: Basic base64(user:password)",
    generate: (d) => {
      const secret = b64(`${d.c(LOWER, 8)}:${d.c(ALNUM, 20)}`);
      return { text: `Authorization: Basic ${secret}`, secret };
    } },
  { id: "url/credentials in a url", family: "generic", docs: "https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1", whole: true,
    shape: "https://user:password@host/",
    generate: (d) => {
      const secret = d.c(ALNUM, 20);
      return { text: `https://${d.c(LOWER, 6)}:${secret}@${d.pick(["git.example.com", "registry.acme.io", "ftp.acme.dev"])}/${d.c(LOWER, 6)}`, secret };
    } },
  { id: "generic/client secret", family: "generic", docs: "https://datatracker.ietf.org/doc/html/rfc6749#section-2.3.1", name: "client_secret",
    shape: "high-entropy base64url or hex bound to client_secret", generate: (d) => d.pick([d.c(URLSAFE, 40), d.c(HEX, 64)]) },
  { id: "generic/access token (JWT)", family: "generic", docs: "https://datatracker.ietf.org/doc/html/rfc7519", name: "access_token",
    shape: "header.payload.signature, base64url JSON (eyJ…)",
    generate: (d) => j(b64url(JSON.stringify({ alg: "HS256", typ: "JWT" })), ".", b64url(JSON.stringify({ sub: d.c(DIGITS, 10), iat: 1700000000 + d.int(0, 1e7), scope: "read write" })), ".", d.c(URLSAFE, 43)) },
];

// ------------------------------------------------------------------ positives

export interface DocPositive {
  readonly format: DocFormat;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The contexts a prefixed key is placed in (text, offset of the key). */
const CONTEXTS: readonly ((key: string) => [string, number])[] = [
  (key) => [key, 0],
  (key) => [`TOKEN=${key}\n`, 6],
  (key) => [`{"credentials":{"token":${JSON.stringify(key)}}}`, 25],
  (key) => [`Authorization: Bearer ${key}`, 22],
];

export function docPositives(perFormat: number, seed: number): DocPositive[] {
  const out: DocPositive[] = [];
  DOC_FORMATS.forEach((format, index) => {
    const d = drawer(rng(seed * 104729 + index));
    for (let i = 0; i < perFormat; i++) {
      const sample = format.generate(d);
      if (typeof sample !== "string") {
        const start = sample.text.indexOf(sample.secret);
        out.push({ format, text: sample.text, start, end: start + sample.secret.length });
      } else if (format.whole || format.name !== undefined) {
        out.push({ format, text: sample, start: 0, end: sample.length });
      } else {
        const [text, start] = CONTEXTS[i % CONTEXTS.length]!(sample);
        out.push({ format, text, start, end: start + sample.length });
      }
    }
  });
  return out;
}

// ------------------------------------------------------------------ negatives

export interface DocNegative {
  readonly kind: string;
  readonly text: string;
  /** Scored through `scanNamed(name, text)` as well. */
  readonly name?: string;
  /** Where it came from (a package file, or "hand-written"). */
  readonly source: string;
}

/** The SDKs whose shipped sources the real-code negatives are drawn from. */
export const NEGATIVE_PACKAGES = [
  "openai", "@anthropic-ai/sdk", "groq-sdk", "ai", "@langchain/core", "stripe", "twilio", "@slack/web-api", "@octokit/rest",
  "@octokit/openapi-types", "@aws-sdk/client-secrets-manager", "@aws-sdk/core", "@smithy/signature-v4", "cohere-ai", "@mistralai/mistralai",
  "@google/genai", "@huggingface/inference", "@pinecone-database/pinecone", "replicate", "together-ai", "@sendgrid/mail",
  "google-auth-library", "jsonwebtoken", "protobufjs", "zod",
] as const;

const SOURCE_FILE = /\.(?:[mc]?ts|[mc]?js)$/;
const MAX_FILE = 2 * 1024 * 1024;
/** A quoted literal without escapes or line breaks (linear: one class per character). */
const LITERAL = /(["'`])([^"'`\\\n]{16,400})\1/g;
/** `name: "…"`, `name = "…"`, `"name": "…"`. */
const NAMED_LITERAL = /([A-Za-z_$][\w$]{2,60})["']?\s{0,3}[:=]\s{0,3}(["'])([^"'`\\\n\s]{16,200})\2/g;

const KINDS: readonly [string, RegExp][] = [
  ["integrity string", /^sha(?:1|256|384|512)-[A-Za-z0-9+/]{20,}={0,2}$/],
  ["uuid", /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/],
  ["hex hash", /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9A-F]{32}|[0-9A-F]{40}|[0-9A-F]{64})$/],
  ["url", /^https?:\/\/\S+$/],
  ["version string", /^v?\d+\.\d+\.\d+\S*$/],
  ["base64 blob", /^(?=[A-Za-z0-9+/]*\d)(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{20,}={0,2}$/],
  ["long id", /^(?=[\w.:-]*\d)(?=[\w.:-]*[A-Za-z])[\w.:-]{20,}$/],
];

function classify(value: string): string | undefined {
  for (const [kind, re] of KINDS) if (re.test(value)) return kind;
  return undefined;
}

function* walkSources(root: string): Generator<string> {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => b.name.localeCompare(a.name))) {
      if (entry.name === "node_modules") continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith(".map") && statSync(full).size <= MAX_FILE) yield full;
    }
  }
}

/** Deterministic thinning: keeps at most `cap` of a list, evenly spread. */
function spread<T>(list: readonly T[], cap: number): T[] {
  if (list.length <= cap) return [...list];
  const step = list.length / cap;
  return Array.from({ length: cap }, (_, i) => list[Math.floor(i * step)]!);
}

/**
 * String literals of real code: every distinct literal of the packages' sources that falls in one
 * of the kinds, at most `perKind` per kind (evenly spread), plus the lock file's integrity strings
 * and tarball URLs, plus literals bound to a name (scored through `scanNamed` with that name).
 */
export function realCodeNegatives(perKind: number, packages: readonly string[] = NEGATIVE_PACKAGES, from = process.cwd()): DocNegative[] {
  const byKind = new Map<string, DocNegative[]>();
  const seen = new Set<string>();
  const add = (kind: string, text: string, source: string, name?: string) => {
    const key = `${kind}\0${name ?? ""}\0${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push(name === undefined ? { kind, text, source } : { kind, text, name, source });
  };
  for (const pkg of packages) {
    const root = packageRoot(pkg, from);
    for (const file of walkSources(root)) {
      const text = readFileSync(file, "utf8");
      const source = `${pkg}/${file.slice(root.length + 1)}`;
      for (const m of text.matchAll(LITERAL)) {
        const kind = classify(m[2]!);
        if (kind) add(kind, m[2]!, source);
      }
      for (const m of text.matchAll(NAMED_LITERAL)) {
        if (classify(m[3]!)) add("literal under its name", m[3]!, source, m[1]!);
      }
    }
  }
  const lock = join(from, "package-lock.json");
  if (existsSync(lock)) {
    const packagesInLock = (JSON.parse(readFileSync(lock, "utf8")) as { packages?: Record<string, { integrity?: string; resolved?: string }> }).packages ?? {};
    for (const entry of Object.values(packagesInLock)) {
      if (entry.integrity) add("lock file integrity", entry.integrity, "package-lock.json");
      if (entry.resolved) add("lock file tarball url", entry.resolved, "package-lock.json");
    }
  }
  return [...byKind.values()].flatMap((list) => spread(list, perKind));
}

/** Placeholders as providers' docs print them, and word-like strings in key shapes. */
export function handWrittenNegatives(): DocNegative[] {
  const dots = "...";
  const ell = "…";
  const prefixes = [j("sk-", "proj-"), j("sk-", "ant-", "api03-"), j("sk-", "or-", "v1-"), j("gh", "p_"), j("gl", "pat-"), j("xo", "xb-"), j("gs", "k_"), j("h", "f_"), j("r8", "_"), j("pp", "lx-"), j("xa", "i-"), j("S", "G."), j("sk", "_live_"), j("np", "m_"), j("AI", "za"), j("AK", "IA")];
  const bodies = [dots, ell, "<your-key>", "YOUR_API_KEY", "your-api-key-here", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "********************************",
    "REPLACE_ME_WITH_YOUR_TOKEN", "<YOUR_TOKEN_HERE>", "${API_KEY}", "{{ secrets.API_KEY }}", "abc123", "0000000000000000000000000000000000000000", "1234567890abcdef1234567890abcdef",
    "EXAMPLEKEYEXAMPLEKEYEXAMPLEKEY", "my-secret-key-for-local-development", "insert-your-key-here-please"];
  const out: DocNegative[] = [];
  for (const prefix of prefixes) for (const body of bodies) out.push({ kind: "documented placeholder", text: prefix + body, source: "hand-written" });
  const names = ["OPENAI_API_KEY", "apiKey", "client_secret", "access_token", "GITHUB_TOKEN", "stripeSecretKey", "DD_API_KEY", "MISTRAL_API_KEY", "COHERE_API_KEY", "aws_secret_access_key"];
  for (const name of names)
    for (const body of bodies.filter((b) => b.length >= 16)) out.push({ kind: "placeholder under a key name", text: body, name, source: "hand-written" });
  const wordLike = [
    j("AS", "IAPACIFICSALES2024"), j("AK", "IAEXAMPLEACCOUNTS1"), j("AK", "IANOTAREALKEYATALL"), j("gh", "p_", "ThisIsNotARealGitHubTokenAtAll00"),
    j("sk-", "this-is-not-a-real-key-just-an-example"), j("sk-", "proj-", "placeholder-for-the-docs-only"), j("xo", "xb-", "not-a-real-slack-bot-token"),
    j("gl", "pat-", "example-token-here-1"), j("h", "f_", "ExampleTokenForTheDocsOnlyNotReal"), j("AI", "za", "SyExampleKeyForDocumentationOnly00"),
    "task-runner-configuration-key-name", "risk-assessment-threshold-value-2024", "desk-booking-service-default-region",
    "ThisIsAVeryLongCamelCaseIdentifierName", "USER_PROFILE_SETTINGS_CACHE_KEY_V2", "https://example.com/api/v1/keys/YOUR_KEY",
  ];
  for (const text of wordLike) out.push({ kind: "word-like in a key shape", text, source: "hand-written" });
  return out;
}

// ------------------------------------------------------------------ scoring

export type { Rate };

export interface DocScore {
  readonly recall: Rate;
  readonly falsePositives: Rate;
  readonly byFormat: Readonly<Record<string, Rate>>;
  readonly byKind: Readonly<Record<string, Rate>>;
  /** `format: masked key (what was found instead)`: never a key. */
  readonly misses: readonly string[];
  /** `kind (source): provider masked`. */
  readonly falseFindings: readonly string[];
}

const table = (t: Map<string, [number, number]>) => Object.fromEntries([...t].map(([k, [hits, total]]) => [k, rate(hits, total)]));

/** A positive is found when a finding of `scan` (or of `scanNamed`, for a key known by name) overlaps the secret. */
export function scoreDocs(positives: readonly DocPositive[], negatives: readonly DocNegative[], detector: Detector): DocScore {
  const byFormat = new Map<string, [number, number]>();
  const byKind = new Map<string, [number, number]>();
  const misses: string[] = [];
  const falseFindings: string[] = [];
  let found = 0;
  for (const p of positives) {
    const findings = detector.scan(p.text);
    if (p.format.name !== undefined) {
      const named = detector.scanNamed(p.format.name, p.text);
      if (named) findings.push(named);
    }
    const ok = findings.some((f) => f.start < p.end && f.end > p.start);
    const counts = byFormat.get(p.format.id) ?? [0, 0];
    byFormat.set(p.format.id, counts);
    counts[1]++;
    if (ok) {
      counts[0]++;
      found++;
    } else {
      const secret = p.text.slice(p.start, p.end);
      const masked = mask(secret, p.format.prefix && secret.startsWith(p.format.prefix) ? p.format.prefix : "");
      const got = findings.length ? ` (found ${findings.map((f) => `${f.providerId} ${f.start}-${f.end}`).join(", ")})` : "";
      misses.push(`${p.format.id}: ${masked} [${secret.length} chars]${got}`);
    }
  }
  let flagged = 0;
  for (const n of negatives) {
    const findings = detector.scan(n.text);
    if (n.name !== undefined) {
      const named = detector.scanNamed(n.name, n.text);
      if (named) findings.push(named);
    }
    const counts = byKind.get(n.kind) ?? [0, 0];
    byKind.set(n.kind, counts);
    counts[1]++;
    if (findings.length > 0) {
      counts[0]++;
      flagged++;
      falseFindings.push(`${n.kind} (${n.source}${n.name ? `, under ${n.name}` : ""}): ${findings.map((f) => `${f.providerId} ${f.masked}`).join(", ")}`);
    }
  }
  return { recall: rate(found, positives.length), falsePositives: rate(flagged, negatives.length), byFormat: table(byFormat), byKind: table(byKind), misses, falseFindings };
}
