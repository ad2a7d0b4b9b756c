/**
 * Where keys leak without being hardcoded, as data (no ESLint import): the environment prefixes
 * that bundlers inline into browser code, the names that are public by design, the SDK flags that
 * let a keyed client run in a browser, the client properties that hold a key, and the sinks
 * (loggers) that print what they are given. Used by `keyguard/no-browser-secret` and
 * `keyguard/no-secret-in-logs`; the tables of their doc pages are written from these lists.
 */
import { PROVIDERS } from "../detect/catalog.js";
import { CLIENTS } from "../clients/catalog.js";

// ------------------------------------------------------------------ public environment prefixes

/** How a prefix's variables are read: `process.env.X`, `import.meta.env.X`, or both. */
export type EnvAccessKind = "process.env" | "import.meta.env";

export interface PublicEnvPrefix {
  /** The prefix, case-sensitive: `NEXT_PUBLIC_`. */
  readonly prefix: string;
  /** The frameworks that inline variables with this prefix into client bundles. */
  readonly frameworks: string;
  /** The access forms that the frameworks replace at build time. */
  readonly access: readonly EnvAccessKind[];
  readonly docs: string;
}

export const PUBLIC_ENV_PREFIXES: readonly PublicEnvPrefix[] = [
  { prefix: "NEXT_PUBLIC_", frameworks: "Next.js", access: ["process.env"], docs: "https://nextjs.org/docs/app/guides/environment-variables#bundling-environment-variables-for-the-browser" },
  { prefix: "VITE_", frameworks: "Vite (and SolidStart, Vitest, Remix on Vite)", access: ["import.meta.env"], docs: "https://vite.dev/guide/env-and-mode#env-variables" },
  { prefix: "REACT_APP_", frameworks: "Create React App", access: ["process.env"], docs: "https://create-react-app.dev/docs/adding-custom-environment-variables/" },
  { prefix: "EXPO_PUBLIC_", frameworks: "Expo", access: ["process.env"], docs: "https://docs.expo.dev/guides/environment-variables/" },
  { prefix: "NUXT_PUBLIC_", frameworks: "Nuxt (runtimeConfig.public)", access: ["process.env", "import.meta.env"], docs: "https://nuxt.com/docs/guide/going-further/runtime-config#environment-variables" },
  { prefix: "GATSBY_", frameworks: "Gatsby", access: ["process.env"], docs: "https://www.gatsbyjs.com/docs/how-to/local-development/environment-variables/#accessing-environment-variables-in-the-browser" },
  { prefix: "VUE_APP_", frameworks: "Vue CLI", access: ["process.env"], docs: "https://cli.vuejs.org/guide/mode-and-env.html#using-env-variables-in-client-side-code" },
  { prefix: "PUBLIC_", frameworks: "Astro, Qwik, Rsbuild (SvelteKit through its modules)", access: ["process.env", "import.meta.env"], docs: "https://docs.astro.build/en/guides/environment-variables/" },
  { prefix: "STORYBOOK_", frameworks: "Storybook", access: ["process.env", "import.meta.env"], docs: "https://storybook.js.org/docs/configure/environment-variables" },
  { prefix: "SANITY_STUDIO_", frameworks: "Sanity Studio", access: ["process.env", "import.meta.env"], docs: "https://www.sanity.io/docs/studio/environment-variables" },
  { prefix: "REDWOOD_ENV_", frameworks: "RedwoodJS", access: ["process.env"], docs: "https://redwoodjs.com/docs/environment-variables" },
  { prefix: "PLASMO_PUBLIC_", frameworks: "Plasmo (browser extensions)", access: ["process.env"], docs: "https://docs.plasmo.com/framework/env" },
  { prefix: "UMI_APP_", frameworks: "Umi", access: ["process.env"], docs: "https://umijs.org/docs/guides/env-variables" },
  { prefix: "WXT_", frameworks: "WXT (browser extensions)", access: ["import.meta.env"], docs: "https://wxt.dev/guide/essentials/config/environment-variables" },
  { prefix: "RENDERER_VITE_", frameworks: "electron-vite (renderer processes)", access: ["import.meta.env"], docs: "https://electron-vite.org/guide/env-and-mode" },
];

export interface PublicEnvModule {
  /** The module whose exports are public variables: `$env/static/public`. */
  readonly module: string;
  /** `"named"`: every named export is a variable; `"env"`: the export `env` is an object of them. */
  readonly form: "named" | "env";
  readonly frameworks: string;
  readonly docs: string;
}

/** Modules that hand public (browser-inlined) variables to code. */
export const PUBLIC_ENV_MODULES: readonly PublicEnvModule[] = [
  { module: "$env/static/public", form: "named", frameworks: "SvelteKit", docs: "https://svelte.dev/docs/kit/$env-static-public" },
  { module: "$env/dynamic/public", form: "env", frameworks: "SvelteKit", docs: "https://svelte.dev/docs/kit/$env-dynamic-public" },
  { module: "astro:env/client", form: "named", frameworks: "Astro", docs: "https://docs.astro.build/en/guides/environment-variables/#type-safe-environment-variables" },
];

// ------------------------------------------------------------------ secret and public names

/**
 * The words of a variable name: `NEXT_PUBLIC_OPENAI_API_KEY` → `["NEXT", "PUBLIC", "OPENAI", "API", "KEY"]`,
 * `openaiApiKey` → `["OPENAI", "API", "KEY"]`. Upper-cased; split at `_`, `-`, `.` and camelCase humps.
 */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let word = "";
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c === "_" || c === "-" || c === "." || c === "$") {
      if (word) words.push(word.toUpperCase());
      word = "";
      continue;
    }
    const upper = c >= "A" && c <= "Z";
    const prevLower = i > 0 && name[i - 1]! >= "a" && name[i - 1]! <= "z";
    if (upper && prevLower && word) {
      words.push(word.toUpperCase());
      word = "";
    }
    word += c;
  }
  if (word) words.push(word.toUpperCase());
  return words;
}

/** A name ending in one of these words names a credential: `..._API_KEY`, `..._TOKEN`, `...Secret`. */
export const SECRET_WORDS: readonly string[] = ["KEY", "APIKEY", "SECRET", "TOKEN", "PASSWORD", "PASSWD", "PWD", "CREDENTIAL", "CREDENTIALS", "PASSPHRASE"];

/** A name with one of these words anywhere names a credential, and is never public by design: `SECRET_KEY_BASE`, `PRIVATE_KEY_PEM`. */
export const ALWAYS_SECRET_WORDS: readonly string[] = ["SECRET", "PRIVATE", "PASSWORD", "PASSWD", "SERVICE"];

export interface PublicByDesign {
  readonly id: string;
  /** Every one of these words appears in the name (in any order): `["SUPABASE", "ANON"]`. */
  readonly words: readonly string[];
  readonly reason: string;
  readonly docs: string;
}

/**
 * Keys that are meant for browsers. A name that holds all the words of one entry is not reported,
 * unless it also holds one of {@link ALWAYS_SECRET_WORDS} (`NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY`
 * is reported, `NEXT_PUBLIC_SUPABASE_ANON_KEY` is not).
 */
export const PUBLIC_BY_DESIGN: readonly PublicByDesign[] = [
  { id: "firebase", words: ["FIREBASE"], reason: "A Firebase web config (apiKey, authDomain, …) is shipped to every browser; Security Rules and App Check protect the data.", docs: "https://firebase.google.com/docs/projects/api-keys" },
  { id: "publishable", words: ["PUBLISHABLE"], reason: "Publishable keys (Stripe `pk_`, Clerk, Supabase) are made for browsers.", docs: "https://docs.stripe.com/keys#obtain-api-keys" },
  { id: "stripe-pk", words: ["STRIPE", "PK"], reason: "A Stripe `pk_` key is publishable.", docs: "https://docs.stripe.com/keys#obtain-api-keys" },
  { id: "supabase-anon", words: ["SUPABASE", "ANON"], reason: "The Supabase anon key is meant for browsers: Row Level Security protects the data.", docs: "https://supabase.com/docs/guides/api/api-keys" },
  { id: "anon-key", words: ["ANON", "KEY"], reason: "Anon keys (Supabase and compatible backends) are meant for browsers.", docs: "https://supabase.com/docs/guides/api/api-keys" },
  { id: "algolia-search", words: ["ALGOLIA", "SEARCH"], reason: "An Algolia search-only key is made for front ends.", docs: "https://www.algolia.com/doc/guides/security/api-keys/#search-only-api-key" },
  { id: "mapbox", words: ["MAPBOX"], reason: "Mapbox public `pk.` tokens are made for browsers (secret `sk.` tokens are named SECRET and stay reported).", docs: "https://docs.mapbox.com/help/dive-deeper/access-tokens/" },
  { id: "google-maps", words: ["MAPS"], reason: "Google Maps JavaScript API keys are browser keys, restricted by HTTP referrer.", docs: "https://developers.google.com/maps/api-security-best-practices" },
  { id: "site-key", words: ["SITE", "KEY"], reason: "Captcha site keys (reCAPTCHA, Turnstile, hCaptcha) are embedded in pages; the secret key is the private one.", docs: "https://developers.cloudflare.com/turnstile/get-started/" },
  { id: "sitekey", words: ["SITEKEY"], reason: "Captcha site keys are embedded in pages.", docs: "https://docs.hcaptcha.com/" },
  { id: "public-key", words: ["PUBLIC", "KEY"], reason: "A public key (VAPID, EmailJS, encryption) is public.", docs: "https://web.dev/articles/push-notifications-web-push-protocol" },
  { id: "posthog", words: ["POSTHOG"], reason: "PostHog project API keys are write-only and sent by every browser.", docs: "https://posthog.com/docs/api#public-endpoints" },
  { id: "segment", words: ["SEGMENT", "WRITE"], reason: "A Segment write key is embedded in the analytics snippet.", docs: "https://segment.com/docs/connections/find-writekey/" },
  { id: "amplitude", words: ["AMPLITUDE"], reason: "Amplitude API keys are embedded in browser SDKs.", docs: "https://amplitude.com/docs/apis/keys-and-tokens" },
  { id: "mixpanel", words: ["MIXPANEL"], reason: "A Mixpanel project token is embedded in browser SDKs.", docs: "https://docs.mixpanel.com/docs/orgs-and-projects/managing-projects#project-token" },
  { id: "captcha", words: ["RECAPTCHA"], reason: "A reCAPTCHA site key is embedded in pages (the secret key says SECRET and stays reported).", docs: "https://developers.google.com/recaptcha/docs/display" },
  { id: "turnstile", words: ["TURNSTILE"], reason: "A Turnstile site key is embedded in pages (the secret key says SECRET and stays reported).", docs: "https://developers.cloudflare.com/turnstile/get-started/" },
  { id: "hcaptcha", words: ["HCAPTCHA"], reason: "An hCaptcha site key is embedded in pages (the secret says SECRET and stays reported).", docs: "https://docs.hcaptcha.com/" },
  { id: "pusher", words: ["PUSHER"], reason: "A Pusher app key identifies the app to browsers; the app secret says SECRET and stays reported.", docs: "https://pusher.com/docs/channels/library_auth_reference/auth-signatures/" },
  { id: "vapid", words: ["VAPID"], reason: "A VAPID public key is given to every browser that subscribes to push (the private key says PRIVATE and stays reported).", docs: "https://web.dev/articles/push-notifications-web-push-protocol" },
  { id: "maptiler", words: ["MAPTILER"], reason: "MapTiler keys are browser keys, restricted by origin.", docs: "https://docs.maptiler.com/cloud/api/authentication-key/" },
  { id: "client-token", words: ["CLIENT", "TOKEN"], reason: "Client tokens (Datadog RUM, Paddle.js) are issued for browsers.", docs: "https://docs.datadoghq.com/account_management/api-app-keys/#client-tokens" },
  { id: "client-key", words: ["CLIENT", "KEY"], reason: "Client keys (Statsig, GrowthBook, LaunchDarkly) are issued for browsers.", docs: "https://docs.statsig.com/sdk-keys/api-keys" },
];

/** Environment variables of the provider and client catalogs: a variable of this name is a key. */
const PROVIDER_ENV_VARS: ReadonlySet<string> = new Set(
  [
    ...PROVIDERS.map((p) => p.envVar),
    ...CLIENTS.filter((c) => !c.publicByDesign).flatMap((c) => [c.envVar, ...Object.values(c.envVarByOption ?? {})]),
  ].filter((v) => v !== "AWS_ACCESS_KEY_ID"), // an access key id is an identifier, not the secret
);

/** Words of a user's `publicNames` option entry: `"ALGOLIA_SEARCH"` → `["ALGOLIA", "SEARCH"]`. */
export function publicNameWords(entry: string): string[] {
  return nameWords(entry);
}

export interface NameJudgement {
  /** Why the name is a secret, or `undefined` when it is not one. */
  secret?: "provider" | "word";
  /** The public-by-design entry it matched, if one did. */
  publicByDesign?: string;
}

/**
 * Whether an environment variable (or property) name holds a secret: a catalog provider's variable
 * (`OPENAI_API_KEY`, also after a public prefix), or a name whose last word is a credential word
 * (`…_KEY`, `…_TOKEN`, `…_SECRET`, `…_PASSWORD`), or that has `SECRET`/`PRIVATE`/`PASSWORD`/`SERVICE`
 * anywhere together with a credential word. Public-by-design names (built in, plus `extraPublic`
 * word lists) are not secrets unless they say SECRET, PRIVATE, PASSWORD or SERVICE.
 */
export function judgeName(name: string, prefix = "", extraPublic: readonly (readonly string[])[] = []): NameJudgement {
  const rest = name.slice(prefix.length);
  const words = nameWords(rest);
  if (words.length === 0) return {};
  const always = words.some((w) => ALWAYS_SECRET_WORDS.includes(w));
  if (!always) {
    const hit =
      PUBLIC_BY_DESIGN.find((p) => p.words.every((w) => words.includes(w)))?.id ??
      (extraPublic.some((ws) => ws.length > 0 && ws.every((w) => words.includes(w))) ? "option publicNames" : undefined);
    if (hit) return { publicByDesign: hit };
  }
  const upper = words.join("_");
  if (PROVIDER_ENV_VARS.has(upper)) return { secret: "provider" };
  const last = words[words.length - 1]!;
  if (SECRET_WORDS.includes(last)) return { secret: "word" };
  if (always && words.some((w) => SECRET_WORDS.includes(w))) return { secret: "word" };
  return {};
}

/** The public prefix an environment variable name starts with, for an access form, if any. */
export function publicPrefixOf(
  name: string,
  access: EnvAccessKind,
  prefixes: readonly PublicEnvPrefix[] = PUBLIC_ENV_PREFIXES,
): PublicEnvPrefix | undefined {
  let best: PublicEnvPrefix | undefined;
  for (const p of prefixes) {
    if (name.startsWith(p.prefix) && name.length > p.prefix.length && p.access.includes(access)) {
      if (!best || p.prefix.length > best.prefix.length) best = p;
    }
  }
  return best;
}

// ------------------------------------------------------------------ SDK browser flags

export interface BrowserFlag {
  /** Display name. */
  readonly name: string;
  /** Catalog client ids (src/clients/catalog.ts) whose options take the flag; or a call of its own. */
  readonly clients?: readonly string[];
  /** For a call outside the client catalog: where it is imported from. */
  readonly modules?: readonly string[];
  readonly exports?: readonly string[];
  /** Static methods of the export that take the flag too (`OpenAIRealtimeWebSocket.create`). */
  readonly members?: readonly string[];
  /** The option that turns the browser guard off. */
  readonly option: string;
  /** Index of the options argument, by member (`""` for the constructor / the call itself). */
  readonly optionsArgument: Readonly<Record<string, number>>;
  /**
   * Whether a key of the client's own is checked for an ephemeral token: `"options"` (the key
   * option of the same object), or `"none"` when the key comes from elsewhere (a client passed in).
   */
  readonly keyIn: "options" | "none";
  readonly docs: string;
}

/**
 * SDK options that let a keyed client run in a browser. Each SDK throws in a browser without it
 * (tested against the real packages in tests/exposure/catalog.test.ts).
 */
export const BROWSER_FLAGS: readonly BrowserFlag[] = [
  {
    name: "OpenAI",
    clients: ["openai", "azure-openai"],
    option: "dangerouslyAllowBrowser",
    optionsArgument: { "": 0 },
    keyIn: "options",
    docs: "https://github.com/openai/openai-node#requirements",
  },
  {
    name: "Anthropic",
    clients: ["anthropic"],
    option: "dangerouslyAllowBrowser",
    optionsArgument: { "": 0 },
    keyIn: "options",
    docs: "https://github.com/anthropics/anthropic-sdk-typescript#requirements",
  },
  {
    name: "Groq",
    clients: ["groq"],
    option: "dangerouslyAllowBrowser",
    optionsArgument: { "": 0 },
    keyIn: "options",
    docs: "https://github.com/groq/groq-typescript#requirements",
  },
  {
    name: "OpenAI Realtime WebSocket",
    modules: ["openai/realtime/websocket", "openai/beta/realtime/websocket"],
    exports: ["OpenAIRealtimeWebSocket"],
    members: ["create", "azure"],
    option: "dangerouslyAllowBrowser",
    // `new OpenAIRealtimeWebSocket(props, client)`, `OpenAIRealtimeWebSocket.create(client, props)`
    optionsArgument: { "": 0, create: 1, azure: 1 },
    keyIn: "none",
    docs: "https://platform.openai.com/docs/guides/realtime-websocket",
  },
];

/**
 * Words that name an ephemeral, short-lived credential a server minted for one browser session:
 * OpenAI Realtime client secrets (`client.realtime.clientSecrets.create()`, values `ek_…`), Google
 * Gen AI ephemeral tokens (`ai.authTokens.create()`). A key option whose value is named with one
 * of them (`apiKey: ephemeralKey`, `apiKey: session.client_secret.value`) may go with the flag.
 */
export const EPHEMERAL_WORDS: readonly string[] = ["EPHEMERAL", "CLIENTSECRET", "CLIENT_SECRET", "CLIENTSECRETS", "CLIENT_SECRETS", "SESSIONTOKEN", "SESSION_TOKEN"];

// ------------------------------------------------------------------ client objects that print their key

/**
 * Properties of a constructed client that hold the key in clear (`client.apiKey`), by catalog
 * client id. Every keyed client of the catalog prints its key when the object itself is logged
 * (`console.log(client)`: measured with the real SDKs in tests/exposure/catalog.test.ts).
 */
export const CLIENT_KEY_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  openai: ["apiKey"],
  "azure-openai": ["apiKey"],
  anthropic: ["apiKey", "authToken"],
  groq: ["apiKey"],
  together: ["apiKey"],
  "google-genai": ["apiKey"],
  replicate: ["auth"],
  huggingface: ["accessToken"],
};

// ------------------------------------------------------------------ loggers

export interface LoggerEntry {
  readonly id: string;
  readonly name: string;
  readonly modules: readonly string[];
  /**
   * How a logger is reached from an export: `instance` (the export is a logger: `consola.info`),
   * `factory` (calling the export, or its `member`, returns one: `pino()`, `winston.createLogger()`),
   * `class` (`new Logger()`; its static methods log too).
   */
  readonly exports: readonly { readonly export: string; readonly kind: "instance" | "factory" | "class"; readonly member?: string }[];
  /** Methods that log their arguments; `"()"` when the logger is itself called (`debug("ns")(…)`). */
  readonly methods: readonly string[];
  /** Methods that return another logger (`logger.child({…})`). */
  readonly children?: readonly string[];
}

export const LOGGERS: readonly LoggerEntry[] = [
  {
    id: "pino",
    name: "pino",
    modules: ["pino"],
    exports: [{ export: "default", kind: "factory" }, { export: "pino", kind: "factory" }],
    methods: ["trace", "debug", "info", "warn", "error", "fatal", "silent"],
    children: ["child"],
  },
  {
    id: "winston",
    name: "winston",
    modules: ["winston"],
    exports: [
      { export: "default", kind: "instance" },
      { export: "default", kind: "factory", member: "createLogger" },
      { export: "createLogger", kind: "factory" },
    ],
    methods: ["log", "error", "warn", "info", "http", "verbose", "debug", "silly"],
    children: ["child"],
  },
  {
    id: "bunyan",
    name: "bunyan",
    modules: ["bunyan"],
    exports: [{ export: "default", kind: "factory", member: "createLogger" }, { export: "createLogger", kind: "factory" }],
    methods: ["trace", "debug", "info", "warn", "error", "fatal"],
    children: ["child"],
  },
  {
    id: "consola",
    name: "consola",
    modules: ["consola"],
    exports: [
      { export: "default", kind: "instance" },
      { export: "consola", kind: "instance" },
      { export: "createConsola", kind: "factory" },
    ],
    methods: ["log", "info", "warn", "error", "debug", "trace", "success", "fail", "fatal", "ready", "start", "box", "verbose"],
    children: ["withTag", "create"],
  },
  {
    id: "debug",
    name: "debug",
    modules: ["debug"],
    exports: [{ export: "default", kind: "factory" }, { export: "debug", kind: "factory" }],
    methods: ["()"],
    children: ["extend"],
  },
  {
    id: "log4js",
    name: "log4js",
    modules: ["log4js"],
    exports: [{ export: "default", kind: "factory", member: "getLogger" }, { export: "getLogger", kind: "factory" }],
    methods: ["trace", "debug", "info", "warn", "error", "fatal", "mark", "log"],
  },
  {
    id: "nestjs",
    name: "NestJS Logger",
    modules: ["@nestjs/common"],
    exports: [{ export: "Logger", kind: "class" }],
    methods: ["log", "error", "warn", "debug", "verbose", "fatal"],
  },
  {
    id: "loglevel",
    name: "loglevel",
    modules: ["loglevel"],
    exports: [{ export: "default", kind: "instance" }, { export: "default", kind: "factory", member: "getLogger" }],
    methods: ["trace", "debug", "info", "warn", "error", "log"],
  },
  {
    id: "tslog",
    name: "tslog",
    modules: ["tslog"],
    exports: [{ export: "Logger", kind: "class" }],
    methods: ["silly", "trace", "debug", "info", "warn", "error", "fatal", "log"],
    children: ["getSubLogger"],
  },
];

/** `console` methods that print their arguments. */
export const CONSOLE_METHODS: readonly string[] = ["log", "info", "warn", "error", "debug", "trace", "dir", "dirxml", "table", "assert", "group", "groupCollapsed", "timeLog"];

/** Methods of an HTTP response (Express/Next.js API routes `res`, Fastify `reply`) that send their argument to the client. */
export const RESPONSE_METHODS: readonly string[] = ["send", "json", "jsonp", "end", "write", "cookie"];
/** Names that such a response object goes by in handlers. */
export const RESPONSE_NAMES: readonly string[] = ["res", "response", "reply"];
/** Methods of a Hono context that answer with their argument. */
export const CONTEXT_METHODS: readonly string[] = ["json", "text", "html", "body"];
/** Names that a Hono context goes by in handlers. */
export const CONTEXT_NAMES: readonly string[] = ["c", "ctx", "context"];
/** Web storage objects: what is stored there is readable by every script of the page. */
export const STORAGE_OBJECTS: readonly string[] = ["localStorage", "sessionStorage"];
