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
 * found. Anything more structured (a marker inside the key, a checksum, a separator at a fixed
 * offset) is checked in code after the match, never with a nested or overlapping quantifier.
 */

export type ProviderCategory = "ai" | "ai-gateway" | "cloud" | "source-control" | "payments" | "messaging" | "data" | "crypto";

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
  /** A fixed substring every real key carries (OpenAI's `T3BlbkFJ`). */
  readonly marker?: string;
  /** A checksum the key carries; a key whose checksum does not match is not reported. */
  readonly checksum?: "base62-crc32";
  /** A structural check on the whole token (prefix included), for separators at fixed offsets. */
  readonly validate?: (token: string) => boolean;
  /**
   * What must follow the matched token in the text, for formats with a header and a body (PEM):
   * returns where the finding ends, or -1 when the text holds only the header.
   */
  readonly follow?: (text: string, end: number) => number;
  /** Identifier names that make a literal a key of this provider (the only way to find prefix-less keys). */
  readonly context?: ContextHint;
  /** Where the provider documents its keys. */
  readonly docs: string;
  /** A remark for the docs table. */
  readonly note?: string;
}

const B62 = "A-Za-z0-9";
const B62_URL = "A-Za-z0-9_\\-";
const HEX = "a-f0-9";

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
    body: { chars: B62_URL, min: 40, max: 300 },
    marker: "T3BlbkFJ",
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
    docs: "https://platform.openai.com/api-keys",
    note: "user keys from before project keys",
  },
  {
    id: "anthropic",
    name: "Anthropic API key",
    category: "ai",
    envVar: "ANTHROPIC_API_KEY",
    prefixes: ["sk-ant-api03-"],
    body: { chars: B62_URL, min: 80, max: 120 },
    docs: "https://docs.anthropic.com/en/api/getting-started",
  },
  {
    id: "anthropic-admin",
    name: "Anthropic admin key",
    category: "ai",
    envVar: "ANTHROPIC_ADMIN_KEY",
    prefixes: ["sk-ant-admin01-"],
    body: { chars: B62_URL, min: 80, max: 120 },
    docs: "https://docs.anthropic.com/en/api/administration-api",
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
    body: { chars: B62, min: 40, max: 64 },
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
    body: { chars: B62, min: 32, max: 84 },
    context: { stems: ["azureopenai", "azureai"] },
    docs: "https://learn.microsoft.com/azure/ai-services/openai/reference",
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
    prefixes: ["glpat-", "gldt-", "glrt-", "glptt-"],
    body: { chars: "A-Za-z0-9_.\\-", min: 20, max: 80 },
    docs: "https://docs.gitlab.com/security/tokens/",
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
    body: { chars: B62_URL, min: 50, max: 300 },
    docs: "https://pypi.org/help/#apitoken",
  },
  // ---------------------------------------------------------------- cloud
  {
    id: "aws-access-key",
    name: "AWS access key ID",
    category: "cloud",
    envVar: "AWS_ACCESS_KEY_ID",
    prefixes: ["AKIA", "ASIA", "ABIA", "ACCA"],
    body: { chars: "A-Z0-9", min: 16, max: 16 },
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
    body: { chars: HEX, min: 32, max: 32 },
    docs: "https://docs.databricks.com/aws/en/dev-tools/auth/pat",
  },
  {
    id: "vault",
    name: "HashiCorp Vault token",
    category: "cloud",
    envVar: "VAULT_TOKEN",
    prefixes: ["hvs.", "hvb."],
    body: { chars: B62_URL, min: 90, max: 200 },
    docs: "https://developer.hashicorp.com/vault/docs/concepts/tokens",
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
    prefixes: ["rk_live_", "rk_test_"],
    body: { chars: B62, min: 24, max: 247 },
    docs: "https://docs.stripe.com/keys#limit-access",
  },
  {
    id: "shopify",
    name: "Shopify access token",
    category: "payments",
    envVar: "SHOPIFY_ACCESS_TOKEN",
    prefixes: ["shpat_", "shpca_", "shppa_", "shpss_"],
    body: { chars: "a-fA-F0-9", min: 32, max: 32 },
    docs: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens",
  },
  {
    id: "slack-token",
    name: "Slack token",
    category: "messaging",
    envVar: "SLACK_BOT_TOKEN",
    prefixes: ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xapp-"],
    body: { chars: "A-Za-z0-9\\-", min: 30, max: 250 },
    docs: "https://api.slack.com/concepts/token-types",
  },
  {
    id: "slack-webhook",
    name: "Slack incoming webhook",
    category: "messaging",
    envVar: "SLACK_WEBHOOK_URL",
    // With its scheme where it has one, so that the suggestion replaces the whole URL.
    prefixes: ["https://hooks.slack.com/services/", "hooks.slack.com/services/"],
    body: { chars: "A-Za-z0-9/", min: 40, max: 64 },
    validate: (token) =>
      /^(?:https:\/\/)?hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{24}$/.test(token),
    docs: "https://api.slack.com/messaging/webhooks",
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
    body: { chars: B62, min: 40, max: 50 },
    docs: "https://developers.notion.com/docs/authorization",
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
    validate: (token) => token.endsWith(" PRIVATE KEY") || token === "-----BEGIN PRIVATE KEY",
    follow: pemBody,
    docs: "https://datatracker.ietf.org/doc/html/rfc7468",
    note: "a header alone (as PEM parsers hold it) is not reported: a base64 body must follow",
  },
];

/** Providers by id. */
export const PROVIDER_BY_ID: ReadonlyMap<string, Provider> = new Map(PROVIDERS.map((p) => [p.id, p]));

/** Every literal prefix of the catalog, longest first. */
export const KNOWN_PREFIXES: readonly string[] = [...new Set(PROVIDERS.flatMap((p) => p.prefixes))].sort(
  (a, b) => b.length - a.length,
);
