/**
 * The SDK client catalog: the entry points of the SDKs that take an API key, and where the key
 * goes, as data (no ESLint import). `keyguard/require-secret-source` and the type-aware
 * `keyguard/require-secret-string` match calls against it (`rules/client-calls.ts`).
 *
 * A client is matched by where its callee was imported from (a module and an export), never by
 * its name alone: a local class called `OpenAI` is not a client.
 *
 * Adding a client is one entry here, one line in `tests/clients/sdk-types.ts` (which passes the
 * allowed forms to the real SDK, so that an entry that stops matching its SDK fails the build),
 * and test cases in `tests/rules/require-secret-source.test.ts`. The supported-clients table of
 * `docs/rules/require-secret-source.md` is generated from this list (`npm run docs`).
 */

/** How the entry point is called: `new X(…)`, or `x(…)` (a factory, a function, or a method). */
export type ClientCallKind = "new" | "call";

export interface ClientEntry {
  /** Stable id, used in tests and the docs table. */
  readonly id: string;
  /** Display name, used in lint messages: "OpenAI", "LangChain ChatOpenAI". */
  readonly name: string;
  /**
   * Modules the entry point is imported from. A trailing `*` matches any module that starts with
   * the text before it (`@aws-sdk/client-*`).
   */
  readonly modules: readonly string[];
  /**
   * Export names: `"default"` for the default export (also `module.exports` of a CommonJS module),
   * or a named export. A leading `*` matches any export that ends with the text after it
   * (`*Client`).
   */
  readonly exports: readonly string[];
  /**
   * For a method of the export: its name (`sgMail.setApiKey(key)`: export `default`, member
   * `setApiKey`).
   */
  readonly member?: string;
  /** The name a default-only export is usually imported as (`sgMail`), for the docs. */
  readonly importedAs?: string;
  /** How the entry point is called. */
  readonly call: readonly ClientCallKind[];
  /**
   * Where the key goes in the options object (argument `optionsArgument`): property names, or
   * dotted paths into nested objects (`configuration.apiKey`, `credentials.secretAccessKey`).
   */
  readonly keyOptions?: readonly string[];
  /** Index of the options argument (0 when omitted). */
  readonly optionsArgument?: number;
  /** Index of the argument that is the key itself (`new Stripe(key)`: 0, `twilio(sid, token)`: 1). */
  readonly keyArgument?: number;
  /**
   * Options that hold request headers (`defaultHeaders`, `headers`); the values of
   * {@link KEY_HEADERS} in them are checked like keys.
   */
  readonly headerOptions?: readonly string[];
  /** The environment variable the SDK reads the key from, or its docs use: the suggested fix. */
  readonly envVar: string;
  /** Environment variables by key option, where an option holds another credential than the key. */
  readonly envVarByOption?: Readonly<Record<string, string>>;
  /** The SDK's documentation of its client options. */
  readonly docs: string;
  /**
   * Set for keys that are public by design: the reason. Calls of such an entry are never
   * reported; the entry documents why.
   */
  readonly publicByDesign?: string;
  /**
   * For a client whose key is public by design in some forms only: its secret forms, checked as
   * any other client's key (Supabase's secret and `service_role` keys, beside its publishable and
   * anon keys).
   */
  readonly secretKeys?: SecretKeyForms;
}

/** The secret keys a public-by-design client also takes, told from its public ones. */
export interface SecretKeyForms {
  /** How messages name such a key: "secret (service_role) key". */
  readonly name: string;
  /** Prefixes of the secret keys (`sb_secret_`). */
  readonly prefixes: readonly string[];
  /** Roles a JWT key claims (`"role": "service_role"`) that make it a secret key. */
  readonly jwtRoles: readonly string[];
  /**
   * Words of the names a secret key is read from, compared without case, `_` or `-`
   * (`servicerole` matches `serviceRoleKey` and `SUPABASE_SERVICE_ROLE_KEY`): where the file does
   * not show the value, the name tells a secret key from a public one.
   */
  readonly nameWords: readonly string[];
  /** The environment variable of the suggestion. */
  readonly envVar: string;
}

/** The longest value whose JWT claims are read. */
const MAX_JWT_LENGTH = 4096;

/** The `role` a JWT claims, when `value` is a JWT with readable JSON claims. */
function jwtRole(value: string): string | undefined {
  if (value.length > MAX_JWT_LENGTH) return undefined;
  const parts = value.split(".");
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[1]!)) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8"));
    const role = claims !== null && typeof claims === "object" ? (claims as { role?: unknown }).role : undefined;
    return typeof role === "string" ? role : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `value` is one of the secret keys `forms` describes: by its prefix, or by the role its JWT claims. */
export function isSecretKeyValue(forms: SecretKeyForms, value: string): boolean {
  if (forms.prefixes.some((p) => value.startsWith(p) && value.length > p.length)) return true;
  const role = forms.jwtRoles.length > 0 ? jwtRole(value) : undefined;
  return role !== undefined && forms.jwtRoles.includes(role);
}

/** Whether the name `name` says it holds one of the secret keys `forms` describes. */
export function namesSecretKey(forms: SecretKeyForms, name: string): boolean {
  const words = name.toLowerCase().replace(/[_-]/g, "");
  return forms.nameWords.some((w) => words.includes(w));
}

/** Header names whose values are credentials (compared case-insensitively). */
export const KEY_HEADERS: readonly string[] = ["Authorization", "x-api-key", "x-goog-api-key", "api-key"];

const STAINLESS_HEADERS = ["defaultHeaders"];

/**
 * A package and the subpaths of its `exports` that re-export the client (`openai/client`,
 * `openai/client.mjs`, …); `tests/clients/subpaths.test.ts` derives them from the installed SDKs.
 */
const withSubpaths = (pkg: string, ...subpaths: string[]): string[] => [
  pkg,
  ...subpaths.flatMap((s) => [`${pkg}/${s}`, `${pkg}/${s}.js`, `${pkg}/${s}.mjs`]),
];
const AI_SDK_HEADERS = ["headers"];

export const CLIENTS: readonly ClientEntry[] = [
  // ------------------------------------------------------------------ model provider SDKs
  {
    id: "openai",
    name: "OpenAI",
    modules: withSubpaths("openai", "client", "index"),
    exports: ["default", "OpenAI"],
    call: ["new"],
    keyOptions: ["apiKey"],
    headerOptions: STAINLESS_HEADERS,
    envVar: "OPENAI_API_KEY",
    docs: "https://github.com/openai/openai-node#usage",
  },
  {
    id: "azure-openai",
    name: "Azure OpenAI",
    modules: withSubpaths("openai", "azure", "index"),
    exports: ["AzureOpenAI"],
    call: ["new"],
    keyOptions: ["apiKey", "azureADTokenProvider"],
    headerOptions: STAINLESS_HEADERS,
    envVar: "AZURE_OPENAI_API_KEY",
    docs: "https://github.com/openai/openai-node#microsoft-azure-openai",
  },
  {
    id: "anthropic",
    name: "Anthropic",
    modules: withSubpaths("@anthropic-ai/sdk", "client", "index"),
    exports: ["default", "Anthropic"],
    call: ["new"],
    keyOptions: ["apiKey", "authToken"],
    headerOptions: STAINLESS_HEADERS,
    envVar: "ANTHROPIC_API_KEY",
    envVarByOption: { authToken: "ANTHROPIC_AUTH_TOKEN" },
    docs: "https://github.com/anthropics/anthropic-sdk-typescript#usage",
  },
  {
    id: "groq",
    name: "Groq",
    modules: withSubpaths("groq-sdk", "client", "index"),
    exports: ["default", "Groq"],
    call: ["new"],
    keyOptions: ["apiKey"],
    headerOptions: STAINLESS_HEADERS,
    envVar: "GROQ_API_KEY",
    docs: "https://github.com/groq/groq-typescript#usage",
  },
  {
    id: "google-genai",
    name: "Google Gen AI",
    modules: ["@google/genai", "@google/genai/node", "@google/genai/web"],
    exports: ["GoogleGenAI"],
    call: ["new"],
    keyOptions: ["apiKey"],
    envVar: "GEMINI_API_KEY",
    docs: "https://github.com/googleapis/js-genai#quickstart",
  },
  {
    id: "google-generative-ai",
    name: "Google Generative AI (legacy SDK)",
    modules: ["@google/generative-ai"],
    exports: ["GoogleGenerativeAI"],
    call: ["new"],
    keyArgument: 0,
    envVar: "GEMINI_API_KEY",
    docs: "https://github.com/google-gemini/deprecated-generative-ai-js#usage",
  },
  {
    id: "mistral",
    name: "Mistral",
    modules: ["@mistralai/mistralai"],
    exports: ["Mistral"],
    call: ["new"],
    keyOptions: ["apiKey"],
    envVar: "MISTRAL_API_KEY",
    docs: "https://github.com/mistralai/client-ts#sdk-example-usage",
  },
  {
    id: "together",
    name: "Together AI",
    modules: withSubpaths("together-ai", "client", "index"),
    exports: ["default", "Together"],
    call: ["new"],
    keyOptions: ["apiKey"],
    headerOptions: STAINLESS_HEADERS,
    envVar: "TOGETHER_API_KEY",
    docs: "https://github.com/togethercomputer/together-typescript#usage",
  },
  {
    id: "pinecone",
    name: "Pinecone",
    modules: ["@pinecone-database/pinecone"],
    exports: ["Pinecone"],
    call: ["new"],
    keyOptions: ["apiKey"],
    envVar: "PINECONE_API_KEY",
    docs: "https://github.com/pinecone-io/pinecone-ts-client#initializing-the-client",
  },
  {
    id: "cohere",
    name: "Cohere",
    modules: ["cohere-ai"],
    exports: ["CohereClient", "CohereClientV2"],
    call: ["new"],
    keyOptions: ["token"],
    envVar: "CO_API_KEY",
    docs: "https://github.com/cohere-ai/cohere-typescript#usage",
  },
  {
    id: "replicate",
    name: "Replicate",
    modules: ["replicate"],
    exports: ["default", "Replicate"],
    call: ["new"],
    keyOptions: ["auth"],
    envVar: "REPLICATE_API_TOKEN",
    docs: "https://github.com/replicate/replicate-javascript#constructor",
  },
  {
    id: "huggingface",
    name: "Hugging Face Inference",
    modules: ["@huggingface/inference"],
    exports: ["InferenceClient", "HfInference"],
    call: ["new"],
    keyArgument: 0,
    envVar: "HF_TOKEN",
    docs: "https://huggingface.co/docs/huggingface.js/inference/README",
  },
  // ------------------------------------------------------------------ LangChain
  {
    id: "langchain-openai",
    name: "LangChain OpenAI",
    modules: ["@langchain/openai"],
    exports: ["ChatOpenAI", "OpenAIEmbeddings", "OpenAI"],
    call: ["new"],
    keyOptions: ["apiKey", "openAIApiKey", "configuration.apiKey"],
    envVar: "OPENAI_API_KEY",
    docs: "https://js.langchain.com/docs/integrations/chat/openai/",
  },
  {
    id: "langchain-azure-openai",
    name: "LangChain Azure OpenAI",
    modules: ["@langchain/openai"],
    exports: ["AzureChatOpenAI", "AzureOpenAIEmbeddings", "AzureOpenAI"],
    call: ["new"],
    keyOptions: ["azureOpenAIApiKey", "apiKey"],
    envVar: "AZURE_OPENAI_API_KEY",
    docs: "https://js.langchain.com/docs/integrations/chat/azure/",
  },
  {
    id: "langchain-anthropic",
    name: "LangChain Anthropic",
    modules: ["@langchain/anthropic"],
    exports: ["ChatAnthropic"],
    call: ["new"],
    keyOptions: ["apiKey", "anthropicApiKey"],
    envVar: "ANTHROPIC_API_KEY",
    docs: "https://js.langchain.com/docs/integrations/chat/anthropic/",
  },
  // ------------------------------------------------------------------ AI SDK providers
  {
    id: "ai-sdk-openai",
    name: "AI SDK OpenAI provider",
    modules: ["@ai-sdk/openai"],
    exports: ["createOpenAI"],
    call: ["call"],
    keyOptions: ["apiKey"],
    headerOptions: AI_SDK_HEADERS,
    envVar: "OPENAI_API_KEY",
    docs: "https://ai-sdk.dev/providers/ai-sdk-providers/openai#provider-instance",
  },
  {
    id: "ai-sdk-google",
    name: "AI SDK Google provider",
    modules: ["@ai-sdk/google"],
    exports: ["createGoogleGenerativeAI"],
    call: ["call"],
    keyOptions: ["apiKey"],
    headerOptions: AI_SDK_HEADERS,
    envVar: "GOOGLE_GENERATIVE_AI_API_KEY",
    docs: "https://ai-sdk.dev/providers/ai-sdk-providers/google-generative-ai#provider-instance",
  },
  {
    id: "ai-sdk-anthropic",
    name: "AI SDK Anthropic provider",
    modules: ["@ai-sdk/anthropic"],
    exports: ["createAnthropic"],
    call: ["call"],
    keyOptions: ["apiKey", "authToken"],
    headerOptions: AI_SDK_HEADERS,
    envVar: "ANTHROPIC_API_KEY",
    envVarByOption: { authToken: "ANTHROPIC_AUTH_TOKEN" },
    docs: "https://ai-sdk.dev/providers/ai-sdk-providers/anthropic#provider-instance",
  },
  {
    id: "openrouter",
    name: "OpenRouter AI SDK provider",
    modules: ["@openrouter/ai-sdk-provider"],
    exports: ["createOpenRouter"],
    call: ["call"],
    keyOptions: ["apiKey"],
    headerOptions: AI_SDK_HEADERS,
    envVar: "OPENROUTER_API_KEY",
    docs: "https://github.com/OpenRouterTeam/ai-sdk-provider#setup",
  },
  // ------------------------------------------------------------------ other services
  {
    id: "aws-sdk",
    name: "AWS SDK client",
    modules: ["@aws-sdk/client-*"],
    exports: ["*Client"],
    call: ["new"],
    keyOptions: ["credentials.accessKeyId", "credentials.secretAccessKey", "credentials.sessionToken"],
    envVar: "AWS_SECRET_ACCESS_KEY",
    envVarByOption: {
      "credentials.accessKeyId": "AWS_ACCESS_KEY_ID",
      "credentials.secretAccessKey": "AWS_SECRET_ACCESS_KEY",
      "credentials.sessionToken": "AWS_SESSION_TOKEN",
    },
    docs: "https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html",
  },
  {
    id: "octokit",
    name: "Octokit",
    modules: ["@octokit/rest", "@octokit/core", "octokit"],
    exports: ["Octokit"],
    call: ["new"],
    keyOptions: ["auth"],
    envVar: "GITHUB_TOKEN",
    docs: "https://github.com/octokit/octokit.js#authentication",
  },
  {
    id: "stripe",
    name: "Stripe",
    modules: ["stripe"],
    exports: ["default", "Stripe"],
    // `new Stripe(key)`, and the CommonJS habit `require("stripe")(key)`.
    call: ["new", "call"],
    keyArgument: 0,
    envVar: "STRIPE_SECRET_KEY",
    docs: "https://github.com/stripe/stripe-node#usage",
  },
  {
    id: "slack",
    name: "Slack WebClient",
    modules: ["@slack/web-api"],
    exports: ["WebClient"],
    call: ["new"],
    keyArgument: 0,
    envVar: "SLACK_BOT_TOKEN",
    docs: "https://tools.slack.dev/node-slack-sdk/web-api/",
  },
  {
    id: "sendgrid",
    name: "SendGrid",
    modules: ["@sendgrid/mail", "@sendgrid/client"],
    exports: ["default"],
    importedAs: "sgMail",
    member: "setApiKey",
    call: ["call"],
    keyArgument: 0,
    envVar: "SENDGRID_API_KEY",
    docs: "https://github.com/sendgrid/sendgrid-nodejs/tree/main/packages/mail#quick-start-hello-email",
  },
  {
    id: "twilio",
    name: "Twilio",
    modules: ["twilio"],
    exports: ["default"],
    importedAs: "twilio",
    call: ["call"],
    keyArgument: 1,
    envVar: "TWILIO_AUTH_TOKEN",
    docs: "https://www.twilio.com/docs/libraries/reference/twilio-node/",
  },
  {
    id: "twilio-class",
    name: "Twilio",
    modules: ["twilio"],
    exports: ["Twilio"],
    call: ["new"],
    keyArgument: 1,
    envVar: "TWILIO_AUTH_TOKEN",
    docs: "https://www.twilio.com/docs/libraries/reference/twilio-node/",
  },
  // ------------------------------------------------------------------ public by design
  {
    id: "firebase",
    name: "Firebase",
    modules: ["firebase/app", "firebase/compat/app", "@firebase/app"],
    exports: ["initializeApp"],
    call: ["call"],
    keyOptions: ["apiKey"],
    envVar: "FIREBASE_API_KEY",
    docs: "https://firebase.google.com/docs/projects/api-keys",
    publicByDesign:
      "A Firebase web config's apiKey identifies the project to Google's servers; it is shipped to every browser and grants nothing by itself (Security Rules and App Check protect the data).",
  },
  {
    id: "supabase",
    name: "Supabase",
    modules: ["@supabase/supabase-js", "@supabase/ssr"],
    exports: ["createClient", "createBrowserClient", "createServerClient"],
    call: ["call"],
    keyArgument: 1,
    envVar: "SUPABASE_PUBLISHABLE_KEY",
    docs: "https://supabase.com/docs/guides/api/api-keys",
    publicByDesign:
      "The anon and publishable keys are meant for browsers: Row Level Security protects the data. A secret key (`sb_secret_…`) or a legacy `service_role` JWT bypasses it: such a key is checked as any client's key (hardcoded; with `strict`, from a source the file does not show under a name such as `serviceRoleKey`).",
    secretKeys: {
      name: "secret (service_role) key",
      prefixes: ["sb_secret_"],
      jwtRoles: ["service_role"],
      nameWords: ["servicerole", "servicekey", "secret"],
      envVar: "SUPABASE_SECRET_KEY",
    },
  },
];

/** Whether `name` matches a `modules` entry (exact, or a prefix ending in `*`). */
export function moduleMatches(pattern: string, name: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) && name.length >= pattern.length : pattern === name;
}

/** Whether `name` matches an `exports` entry (exact, or a suffix after a leading `*`). */
export function exportMatches(pattern: string, name: string): boolean {
  return pattern.startsWith("*") ? name.endsWith(pattern.slice(1)) && name.length >= pattern.length : pattern === name;
}

/** The environment variable suggested for a key option of `client`. */
export function envVarFor(client: ClientEntry, option: string): string {
  return client.envVarByOption?.[option] ?? client.envVar;
}
