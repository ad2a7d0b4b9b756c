import rule, { type MessageIds, type Options } from "../../rules/no-browser-secret.js";
import { masked, ruleTester } from "./rule-tester.js";


const OPENAI = 'import OpenAI from "openai";\n';
const ANTHROPIC = 'import Anthropic from "@anthropic-ai/sdk";\n';
const GROQ = 'import Groq from "groq-sdk";\n';
const AZURE = 'import { AzureOpenAI } from "openai";\n';
const RT = 'import { OpenAIRealtimeWebSocket } from "openai/realtime/websocket";\n';
const USE_CLIENT = '"use client";\n';

const flag = (client: string, output?: string) => ({
  messageId: "browserFlag" as const,
  data: { option: "dangerouslyAllowBrowser", client },
  suggestions: output === undefined ? [] : [{ messageId: "removeFlag" as const, data: { option: "dangerouslyAllowBrowser" }, output }],
});
const pub = (name: string, frameworks: string, how: string, server?: { name: string; output: string }) => ({
  messageId: "publicEnv" as const,
  data: { name, frameworks, how },
  suggestions: server ? [{ messageId: "serverOnly" as const, data: { name: server.name }, output: server.output }] : [],
});
const clientFile = (what: string, why = 'it has the "use client" directive') => ({ messageId: "clientFile" as const, data: { why, what } });
const build = (tool: string, what: string) => ({ messageId: "buildConfig" as const, data: { tool, what } });

ruleTester().run("no-browser-secret", rule, masked<MessageIds, Options>({
  valid: [
    // server code, no flag
    `${OPENAI}const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`,
    `${OPENAI}const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, dangerouslyAllowBrowser: false });`,
    // an ephemeral token minted by the server (OpenAI Realtime client secrets)
    `${OPENAI}declare const ephemeralKey: string;\nconst c = new OpenAI({ apiKey: ephemeralKey, dangerouslyAllowBrowser: true });`,
    `${OPENAI}declare const session: any;\nconst c = new OpenAI({ apiKey: session.client_secret.value, dangerouslyAllowBrowser: true });`,
    `${OPENAI}const r = await fetch("/api/realtime-token");\nconst { clientSecret } = await r.json();\nconst c = new OpenAI({ apiKey: clientSecret, dangerouslyAllowBrowser: true });`,
    { code: `${OPENAI}declare const tempToken: string;\nnew OpenAI({ apiKey: tempToken, dangerouslyAllowBrowser: true });`, options: [{ ephemeralNames: ["TEMP_TOKEN"] }] },
    // not a catalog client, or an SDK without such a flag
    "class OpenAI { constructor(o: object) {} }\nnew OpenAI({ dangerouslyAllowBrowser: true });",
    'import Together from "together-ai";\nnew Together({ apiKey: process.env.TOGETHER_API_KEY });',
    // public variables that are no secret, or public by design
    "const u = process.env.NEXT_PUBLIC_API_URL;",
    "const a = process.env.NEXT_PUBLIC_FIREBASE_API_KEY;",
    "const a = import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY;",
    "const a = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;",
    "const a = process.env.NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY;",
    "const a = process.env.NEXT_PUBLIC_MAPBOX_TOKEN;",
    "const a = process.env.NEXT_PUBLIC_RECAPTCHA_SITE_KEY;",
    "const a = import.meta.env.VITE_USDC_TOKEN_ADDRESS;",
    "const a = process.env.NEXT_PUBLIC_POSTHOG_KEY;",
    "const a = process.env.NEXT_PUBLIC_PUSHER_KEY;",
    "const a = process.env.NEXT_PUBLIC_VAPID_KEY;",
    "const a = import.meta.env.VITE_RECAPTCHA_KEY;",
    "const a = process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY;",
    { code: "const a = process.env.NEXT_PUBLIC_ACME_WIDGET_KEY;", options: [{ publicNames: ["ACME_WIDGET"] }] },
    // a prefix read through an access form its framework does not replace
    "const a = process.env.VITE_OPENAI_API_KEY;",
    "const a = process.env.WXT_API_KEY;",
    "const a = import.meta.env.MAIN_VITE_OPENAI_API_KEY;",
    "const a = import.meta.env.REACT_APP_OPENAI_API_KEY;",
    // public by design: a Stripe publishable key, WXT's own public values
    "const a = process.env.NEXT_PUBLIC_STRIPE_PK;",
    "const a = import.meta.env.WXT_FIREBASE_API_KEY;",
    'import { PUBLIC_BASE_URL } from "$env/static/public";',
    'import { env } from "$env/dynamic/public";\nconst u = env.PUBLIC_BASE_URL;',
    'import { OPENAI_API_KEY } from "$env/static/private";',
    // server files may read secrets and construct clients
    `${OPENAI}const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nconst k = process.env.STRIPE_SECRET_KEY;`,
    // client files without secrets; public-by-design clients
    `${USE_CLIENT}const u = process.env.NEXT_PUBLIC_API_URL;\nconst m = process.env.NODE_ENV;`,
    `${USE_CLIENT}import { initializeApp } from "firebase/app";\ninitializeApp({ apiKey: process.env.NEXT_PUBLIC_FIREBASE_API_KEY });`,
    { code: `${OPENAI}new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`, filename: "server/ai.ts", options: [{ clientFiles: ["src/**"] }] },
    // build configuration that inlines nothing secret
    { code: "export default { env: { API_URL: process.env.API_URL, BUILD: '1' } };", filename: "next.config.mjs" },
    { code: 'export default { define: { __APP_VERSION__: JSON.stringify("1.0.0"), "process.env.NODE_ENV": JSON.stringify(process.env.NODE_ENV) } };', filename: "vite.config.ts" },
    { code: 'import { loadEnv } from "vite";\nconst env = loadEnv("production", process.cwd());\nexport default { define: { __API__: JSON.stringify(env.VITE_API_URL) } };', filename: "vite.config.ts" },
    'new DefinePlugin({ "process.env.NODE_ENV": JSON.stringify("production") });',
    'new EnvironmentPlugin(["NODE_ENV", "API_URL"]);',
    // `define` and `env` outside the config files that mean them
    "export const o = { define: { OPENAI_API_KEY: process.env.OPENAI_API_KEY } };",
    { code: "export default { env: { OPENAI_API_KEY: process.env.OPENAI_API_KEY } };", filename: "vite.config.ts" },
    { code: "export default { runtimeConfig: { openaiApiKey: process.env.OPENAI_API_KEY, public: { apiBase: '/api' } } };", filename: "nuxt.config.ts" },
  ],
  invalid: [
    // ------------------------------------------------------------ SDK browser flags
    {
      code: `${OPENAI}const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, dangerouslyAllowBrowser: true });`,
      errors: [flag("OpenAI", `${OPENAI}const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`)],
    },
    {
      code: `${ANTHROPIC}const c = new Anthropic({ dangerouslyAllowBrowser: true, apiKey: key });`,
      errors: [flag("Anthropic", `${ANTHROPIC}const c = new Anthropic({ apiKey: key });`)],
    },
    {
      code: `${GROQ}const c = new Groq({ dangerouslyAllowBrowser: !0 });`,
      errors: [flag("Groq", `${GROQ}const c = new Groq({  });`)],
    },
    {
      code: `${AZURE}const c = new AzureOpenAI({ apiKey: k, deployment: "d", dangerouslyAllowBrowser: true });`,
      errors: [flag("Azure OpenAI", `${AZURE}const c = new AzureOpenAI({ apiKey: k, deployment: "d" });`)],
    },
    {
      code: `const { default: Anthropic } = await import("@anthropic-ai/sdk");\nconst opts = { apiKey: "x", dangerouslyAllowBrowser: true };\nnew Anthropic(opts);`,
      errors: [flag("Anthropic")],
    },
    {
      code: `${OPENAI}declare const ephemeralKey: string;\nnew OpenAI({ apiKey: ephemeralKey, dangerouslyAllowBrowser: true });`,
      options: [{ allowEphemeral: false }],
      errors: [flag("OpenAI", `${OPENAI}declare const ephemeralKey: string;\nnew OpenAI({ apiKey: ephemeralKey });`)],
    },
    {
      code: `${RT}declare const client: any;\nconst ws = new OpenAIRealtimeWebSocket({ model: "gpt-realtime", dangerouslyAllowBrowser: true }, client);`,
      errors: [flag("OpenAI Realtime WebSocket", `${RT}declare const client: any;\nconst ws = new OpenAIRealtimeWebSocket({ model: "gpt-realtime" }, client);`)],
    },
    {
      code: `${RT}declare const client: any;\nconst ws = await OpenAIRealtimeWebSocket.create(client, { model: "gpt-realtime", dangerouslyAllowBrowser: true });`,
      errors: [flag("OpenAI Realtime WebSocket", `${RT}declare const client: any;\nconst ws = await OpenAIRealtimeWebSocket.create(client, { model: "gpt-realtime" });`)],
    },
    // ------------------------------------------------------------ public environment prefixes
    {
      code: "const k = process.env.NEXT_PUBLIC_OPENAI_API_KEY;",
      errors: [pub("NEXT_PUBLIC_OPENAI_API_KEY", "Next.js", "prefix `NEXT_PUBLIC_`", { name: "OPENAI_API_KEY", output: "const k = process.env.OPENAI_API_KEY;" })],
    },
    {
      code: 'const k = process.env["NEXT_PUBLIC_STRIPE_SECRET_KEY"];',
      errors: [pub("NEXT_PUBLIC_STRIPE_SECRET_KEY", "Next.js", "prefix `NEXT_PUBLIC_`", { name: "STRIPE_SECRET_KEY", output: 'const k = process.env["STRIPE_SECRET_KEY"];' })],
    },
    { code: "const k = import.meta.env.VITE_OPENAI_API_KEY;", errors: [pub("VITE_OPENAI_API_KEY", "Vite (and SolidStart, Vitest, Remix on Vite)", "prefix `VITE_`")] },
    {
      code: "const k = process.env.REACT_APP_ANTHROPIC_API_KEY;",
      errors: [pub("REACT_APP_ANTHROPIC_API_KEY", "Create React App", "prefix `REACT_APP_`", { name: "ANTHROPIC_API_KEY", output: "const k = process.env.ANTHROPIC_API_KEY;" })],
    },
    {
      code: "const k = process.env.EXPO_PUBLIC_GROQ_API_KEY;",
      errors: [pub("EXPO_PUBLIC_GROQ_API_KEY", "Expo", "prefix `EXPO_PUBLIC_`", { name: "GROQ_API_KEY", output: "const k = process.env.GROQ_API_KEY;" })],
    },
    {
      code: "const k = process.env.NUXT_PUBLIC_API_SECRET;",
      errors: [pub("NUXT_PUBLIC_API_SECRET", "Nuxt (runtimeConfig.public)", "prefix `NUXT_PUBLIC_`", { name: "API_SECRET", output: "const k = process.env.API_SECRET;" })],
    },
    {
      code: "const k = process.env.GATSBY_GITHUB_TOKEN;",
      errors: [pub("GATSBY_GITHUB_TOKEN", "Gatsby", "prefix `GATSBY_`", { name: "GITHUB_TOKEN", output: "const k = process.env.GITHUB_TOKEN;" })],
    },
    {
      code: "const k = process.env.VUE_APP_DB_PASSWORD;",
      errors: [pub("VUE_APP_DB_PASSWORD", "Vue CLI", "prefix `VUE_APP_`", { name: "DB_PASSWORD", output: "const k = process.env.DB_PASSWORD;" })],
    },
    { code: "const k = import.meta.env.PUBLIC_OPENAI_KEY;", errors: [pub("PUBLIC_OPENAI_KEY", "Astro, Qwik, Rsbuild (SvelteKit through its modules)", "prefix `PUBLIC_`")] },
    {
      code: "const k = process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY;",
      errors: [pub("NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY", "Next.js", "prefix `NEXT_PUBLIC_`", { name: "SUPABASE_SERVICE_ROLE_KEY", output: "const k = process.env.SUPABASE_SERVICE_ROLE_KEY;" })],
    },
    {
      code: "const k = process.env.NEXT_PUBLIC_MAPBOX_SECRET_TOKEN;",
      errors: [pub("NEXT_PUBLIC_MAPBOX_SECRET_TOKEN", "Next.js", "prefix `NEXT_PUBLIC_`", { name: "MAPBOX_SECRET_TOKEN", output: "const k = process.env.MAPBOX_SECRET_TOKEN;" })],
    },
    {
      code: "const k = process.env.NEXT_PUBLIC_RECAPTCHA_SECRET_KEY;",
      errors: [pub("NEXT_PUBLIC_RECAPTCHA_SECRET_KEY", "Next.js", "prefix `NEXT_PUBLIC_`", { name: "RECAPTCHA_SECRET_KEY", output: "const k = process.env.RECAPTCHA_SECRET_KEY;" })],
    },
    { code: "const { NEXT_PUBLIC_OPENAI_API_KEY: k } = process.env;", errors: [pub("NEXT_PUBLIC_OPENAI_API_KEY", "Next.js", "prefix `NEXT_PUBLIC_`")] },
    { code: 'import { PUBLIC_OPENAI_API_KEY } from "$env/static/public";', errors: [pub("PUBLIC_OPENAI_API_KEY", "SvelteKit", "module `$env/static/public`")] },
    { code: 'import { env } from "$env/dynamic/public";\nconst k = env.PUBLIC_STRIPE_SECRET_KEY;', errors: [pub("PUBLIC_STRIPE_SECRET_KEY", "SvelteKit", "module `$env/dynamic/public`")] },
    { code: 'import { OPENAI_API_KEY } from "astro:env/client";', errors: [pub("OPENAI_API_KEY", "Astro", "module `astro:env/client`")] },
    // every other prefix of the catalog, each as its framework's documentation reads it
    { code: "const k = process.env.STORYBOOK_OPENAI_API_KEY;", errors: [pub("STORYBOOK_OPENAI_API_KEY", "Storybook", "prefix `STORYBOOK_`", { name: "OPENAI_API_KEY", output: "const k = process.env.OPENAI_API_KEY;" })] },
    { code: "const k = import.meta.env.STORYBOOK_GITHUB_TOKEN;", errors: [pub("STORYBOOK_GITHUB_TOKEN", "Storybook", "prefix `STORYBOOK_`")] },
    { code: "const k = process.env.SANITY_STUDIO_API_TOKEN;", errors: [pub("SANITY_STUDIO_API_TOKEN", "Sanity Studio", "prefix `SANITY_STUDIO_`", { name: "API_TOKEN", output: "const k = process.env.API_TOKEN;" })] },
    { code: "const k = process.env.REDWOOD_ENV_STRIPE_SECRET_KEY;", errors: [pub("REDWOOD_ENV_STRIPE_SECRET_KEY", "RedwoodJS", "prefix `REDWOOD_ENV_`", { name: "STRIPE_SECRET_KEY", output: "const k = process.env.STRIPE_SECRET_KEY;" })] },
    { code: "const k = process.env.PLASMO_PUBLIC_OPENAI_API_KEY;", errors: [pub("PLASMO_PUBLIC_OPENAI_API_KEY", "Plasmo (browser extensions)", "prefix `PLASMO_PUBLIC_`", { name: "OPENAI_API_KEY", output: "const k = process.env.OPENAI_API_KEY;" })] },
    { code: "const k = process.env.UMI_APP_SECRET;", errors: [pub("UMI_APP_SECRET", "Umi", "prefix `UMI_APP_`", { name: "SECRET", output: "const k = process.env.SECRET;" })] },
    { code: "const k = import.meta.env.WXT_API_KEY;", errors: [pub("WXT_API_KEY", "WXT (browser extensions)", "prefix `WXT_`")] },
    { code: "const k = import.meta.env.RENDERER_VITE_ANTHROPIC_API_KEY;", errors: [pub("RENDERER_VITE_ANTHROPIC_API_KEY", "electron-vite (renderer processes)", "prefix `RENDERER_VITE_`")] },
    { code: "const k = import.meta.env.NUXT_PUBLIC_OPENAI_API_KEY;", errors: [pub("NUXT_PUBLIC_OPENAI_API_KEY", "Nuxt (runtimeConfig.public)", "prefix `NUXT_PUBLIC_`")] },
    { code: "const k = process.env.PUBLIC_STRIPE_SECRET_KEY;", errors: [pub("PUBLIC_STRIPE_SECRET_KEY", "Astro, Qwik, Rsbuild (SvelteKit through its modules)", "prefix `PUBLIC_`", { name: "STRIPE_SECRET_KEY", output: "const k = process.env.STRIPE_SECRET_KEY;" })] },
    {
      code: "const k = process.env.ACME_PUBLIC_OPENAI_API_KEY;",
      options: [{ publicPrefixes: ["ACME_PUBLIC_"] }],
      errors: [pub("ACME_PUBLIC_OPENAI_API_KEY", "your bundler (option publicPrefixes)", "prefix `ACME_PUBLIC_`", { name: "OPENAI_API_KEY", output: "const k = process.env.OPENAI_API_KEY;" })],
    },
    // ------------------------------------------------------------ client components
    {
      code: `${USE_CLIENT}${OPENAI}const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`,
      errors: [clientFile("constructs the OpenAI client, which needs a secret key"), clientFile("reads the secret `OPENAI_API_KEY`")],
    },
    {
      code: `'use client';\nexport function Pay() { const k = process.env.STRIPE_SECRET_KEY; return k; }`,
      errors: [clientFile("reads the secret `STRIPE_SECRET_KEY`")],
    },
    {
      code: `${ANTHROPIC}const c = new Anthropic({ apiKey: key });`,
      filename: "src/App.tsx",
      options: [{ clientFiles: ["src/**"] }],
      errors: [clientFile("constructs the Anthropic client, which needs a secret key", "it matches the rule's `clientFiles` option")],
    },
    {
      // the flag is reported once, not again as a client-file construction
      code: `${USE_CLIENT}${OPENAI}const c = new OpenAI({ apiKey: key, dangerouslyAllowBrowser: true });`,
      errors: [flag("OpenAI", `${USE_CLIENT}${OPENAI}const c = new OpenAI({ apiKey: key });`)],
    },
    // ------------------------------------------------------------ build configuration
    {
      code: "export default { env: { OPENAI_API_KEY: process.env.OPENAI_API_KEY, API_URL: process.env.API_URL } };",
      filename: "next.config.mjs",
      errors: [build("Next.js `env`", "the secret `OPENAI_API_KEY`")],
    },
    {
      code: "module.exports = { env: { openaiKey: process.env.OPENAI_API_KEY, stripeSecretKey: 'x' } };",
      filename: "next.config.js",
      errors: [build("Next.js `env`", "the secret `OPENAI_API_KEY`"), build("Next.js `env`", "`stripeSecretKey`")],
    },
    {
      code: 'import { defineConfig, loadEnv } from "vite";\nexport default defineConfig(({ mode }) => {\n  const env = loadEnv(mode, process.cwd(), "");\n  return { define: { "process.env.GEMINI_API_KEY": JSON.stringify(env.GEMINI_API_KEY) } };\n});',
      filename: "vite.config.ts",
      errors: [build("The bundler's `define`", "the secret `GEMINI_API_KEY`")],
    },
    {
      code: 'export default { define: { "process.env": process.env } };',
      filename: "vite.config.js",
      errors: [build("The bundler's `define`", "the whole environment")],
    },
    {
      code: 'import { loadEnv } from "vite";\nexport default { define: { "process.env": JSON.stringify(loadEnv("production", ".", "")) } };',
      filename: "vite.config.mts",
      errors: [build("The bundler's `define`", "the whole environment")],
    },
    {
      code: 'new webpack.DefinePlugin({ "process.env.OPENAI_API_KEY": JSON.stringify(process.env.OPENAI_API_KEY) });',
      errors: [build("webpack DefinePlugin", "the secret `OPENAI_API_KEY`")],
    },
    {
      code: 'new EnvironmentPlugin(["NODE_ENV", "STRIPE_SECRET_KEY"]);\nnew EnvironmentPlugin({ ANTHROPIC_API_KEY: "" });\nnew EnvironmentPlugin("GITHUB_TOKEN");',
      errors: [build("webpack EnvironmentPlugin", "`STRIPE_SECRET_KEY`"), build("webpack EnvironmentPlugin", "`ANTHROPIC_API_KEY`"), build("webpack EnvironmentPlugin", "`GITHUB_TOKEN`")],
    },
    {
      code: "export default defineNuxtConfig({ runtimeConfig: { public: { openaiKey: process.env.OPENAI_API_KEY } } });",
      filename: "nuxt.config.ts",
      errors: [build("Nuxt `runtimeConfig.public`", "the secret `OPENAI_API_KEY`")],
    },
  ],
}));
