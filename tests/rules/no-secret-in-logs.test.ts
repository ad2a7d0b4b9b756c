import rule, { type MessageIds, type Options } from "../../rules/no-secret-in-logs.js";
import { masked, ruleTester, typedRuleTester } from "./rule-tester.js";

const OPENAI = 'import OpenAI from "openai";\n';
const SECRET = 'import { secretFromEnv } from "keyguard/secret";\n';
const MASK_IMPORT = 'import { mask } from "keyguard/secret";\n';
const ENV = "process.env.OPENAI_API_KEY";

type Id = "toLog" | "toError" | "toResponse" | "toStorage" | "toSerialized";
const err = (messageId: Id, source: string, sink: string, masks?: { text: string; output: string }) => ({
  messageId,
  data: { source, sink },
  suggestions: masks ? [{ messageId: "useMask" as const, data: { text: masks.text }, output: masks.output }] : [],
});
const envKey = "The secret `OPENAI_API_KEY`";
/** The suggestion for `code` whose only source is `process.env.OPENAI_API_KEY`, in a file without imports. */
const maskEnv = (code: string) => ({ text: `${ENV} ?? ""`, output: `${MASK_IMPORT}${code.replace(ENV, `mask(${ENV} ?? "")`)}` });

ruleTester().run("no-secret-in-logs", rule, masked<MessageIds, Options>({
  valid: [
    // what is logged is not the key
    `console.log("key set:", !!${ENV});`,
    `console.log(${ENV} ? "set" : "missing");`,
    `console.log(${ENV}?.length);`,
    "console.log(process.env.NODE_ENV, process.env.PORT);",
    "console.log(process.env.NEXT_PUBLIC_FIREBASE_API_KEY);",
    'throw new Error("OPENAI_API_KEY is not set");',
    `if (!${ENV}) throw new Error(\`Missing OPENAI_API_KEY\`);`,
    // masked
    `${MASK_IMPORT}console.log(mask(${ENV} ?? ""));`,
    `import * as secret from "keyguard/secret";\nconsole.log(\`key \${secret.mask(${ENV}!)}\`);`,
    `import { redact } from "keyguard/redact";\nconsole.log(redact({ key: ${ENV} }));`,
    { code: `console.log(scrub(${ENV}));`, options: [{ sanitizers: ["scrub"] }] },
    // the key goes where it belongs: a client, a request to its API
    `${OPENAI}const client = new OpenAI({ apiKey: ${ENV} });`,
    `await fetch(url, { method: "POST", body: JSON.stringify({ api_key: process.env.TAVILY_API_KEY, query }) });`,
    `const body = JSON.stringify({ key: ${ENV} });\nawait fetch(url, { method: "POST", body });`,
    // a local console / logger that is not one
    `const console = { log(x: unknown) {} };\nconsole.log(${ENV});`,
    `const logger = { info(x: unknown) {} };\nlogger.info(${ENV});`,
    // unrelated properties of an object that holds a key
    `const cfg = { apiKey: ${ENV}, model: "gpt-4o" };\nconsole.log(cfg.model);`,
    // a value reassigned to something clean is still followed conservatively only through its writes
    "let msg = \"start\";\nmsg = \"done\";\nconsole.log(msg);",
    // sinks turned off
    { code: `console.log(${ENV});`, options: [{ sinks: { console: false } }] },
    // a response object's own reads take no argument; names that are no response
    `const response = await fetch(url);\nconst data = await response.json();`,
    `declare const api: any;\napi.send(${ENV});`,
    // fetch's Response with a public value
    "return new Response(JSON.stringify({ ok: true }));",
  ],
  invalid: [
    // ------------------------------------------------------------ console and loggers
    { code: `console.log(${ENV});`, errors: [err("toLog", envKey, "`console.log()`", maskEnv(`console.log(${ENV});`))] },
    {
      code: `console.error("using key", ${ENV});`,
      errors: [err("toLog", envKey, "`console.error()`", maskEnv(`console.error("using key", ${ENV});`))],
    },
    { code: `console.log(\`key=\${${ENV}}\`);`, errors: [err("toLog", envKey, "`console.log()`", maskEnv(`console.log(\`key=\${${ENV}}\`);`))] },
    { code: `console.info("key=" + ${ENV});`, errors: [err("toLog", envKey, "`console.info()`", maskEnv(`console.info("key=" + ${ENV});`))] },
    { code: `window.console.warn({ apiKey: ${ENV} });`, errors: [err("toLog", envKey, "`console.warn()`", maskEnv(`window.console.warn({ apiKey: ${ENV} });`))] },
    { code: `console.assert(ok, ${ENV});`, errors: [err("toLog", envKey, "`console.assert()`", maskEnv(`console.assert(ok, ${ENV});`))] },
    // through locals, object literals, spreads, destructuring
    { code: `const key = ${ENV};\nconsole.log(key);`, errors: [err("toLog", envKey, "`console.log()`")] },
    { code: `const cfg = { apiKey: ${ENV}, model: "m" };\nconsole.log(cfg);`, errors: [err("toLog", envKey, "`console.log()`")] },
    { code: `const cfg = { apiKey: ${ENV} };\nconsole.log({ ...cfg, debug: true });`, errors: [err("toLog", envKey, "`console.log()`")] },
    { code: `const cfg = { apiKey: ${ENV} };\nconsole.log(cfg.apiKey);`, errors: [err("toLog", envKey, "`console.log()`")] },
    { code: "const { OPENAI_API_KEY } = process.env;\nconsole.log(OPENAI_API_KEY);", errors: [err("toLog", envKey, "`console.log()`")] },
    {
      code: "const env = process.env;\nconsole.log(env.STRIPE_SECRET_KEY);",
      errors: [err("toLog", "The secret `STRIPE_SECRET_KEY`", "`console.log()`", { text: 'env.STRIPE_SECRET_KEY ?? ""', output: `${MASK_IMPORT}const env = process.env;\nconsole.log(mask(env.STRIPE_SECRET_KEY ?? ""));` })],
    },
    { code: `let msg = "key: ";\nmsg += ${ENV};\nconsole.log(msg);`, errors: [err("toLog", envKey, "`console.log()`")] },
    { code: `const parts = [${ENV}];\nconsole.log(parts.join(","));`, errors: [err("toLog", envKey, "`console.log()`")] },
    { code: `console.log(String(${ENV}).trim());`, errors: [err("toLog", envKey, "`console.log()`", maskEnv(`console.log(String(${ENV}).trim());`))] },
    {
      code: 'console.log(Deno.env.get("GITHUB_TOKEN"));',
      errors: [err("toLog", "The secret `GITHUB_TOKEN`", "`console.log()`", { text: 'Deno.env.get("GITHUB_TOKEN") ?? ""', output: `${MASK_IMPORT}console.log(mask(Deno.env.get("GITHUB_TOKEN") ?? ""));` })],
    },
    // the whole environment
    { code: "console.log(process.env);", errors: [err("toLog", "The whole environment (`process.env`)", "`console.log()`")] },
    { code: "console.table(Object.entries(process.env));", errors: [err("toLog", "The whole environment (`process.env`)", "`console.table()`")] },
    // keyguard's loaders
    {
      code: `${SECRET}const key = secretFromEnv("OPENAI_API_KEY");\nconsole.log(key);`,
      errors: [err("toLog", "A secret loaded by keyguard", "`console.log()`")],
    },
    {
      code: `${SECRET}console.log(secretFromEnv("OPENAI_API_KEY"));`,
      errors: [err("toLog", "A secret loaded by keyguard", "`console.log()`", { text: 'secretFromEnv("OPENAI_API_KEY")', output: `import { secretFromEnv, mask } from "keyguard/secret";\nconsole.log(mask(secretFromEnv("OPENAI_API_KEY")));` })],
    },
    {
      code: 'import { defineSecretSource } from "keyguard/secret";\nconst source = defineSecretSource(fetchKey);\nconsole.log(await source());',
      errors: [err("toLog", "A secret loaded by keyguard", "`console.log()`")],
    },
    {
      code: 'import { rotatingSecret } from "keyguard/secret";\nconst rotating = rotatingSecret(fetchKey, { maxAgeMs: 1 });\nconsole.log(await rotating.get());',
      errors: [err("toLog", "A secret loaded by keyguard", "`console.log()`")],
    },
    // SDK client objects print their key; their key property is the key
    { code: `${OPENAI}const client = new OpenAI({ apiKey: ${ENV} });\nconsole.log(client);`, errors: [err("toLog", "An SDK client object, which prints its key,", "`console.log()`")] },
    {
      code: `${OPENAI}const client = new OpenAI();\nconsole.log(\`key \${client.apiKey}\`);`,
      errors: [err("toLog", "The SDK client's key", "`console.log()`", { text: 'client.apiKey ?? ""', output: `${OPENAI}${MASK_IMPORT.trimEnd()}\nconst client = new OpenAI();\nconsole.log(\`key \${mask(client.apiKey ?? "")}\`);` })],
    },
    // loggers
    { code: `import pino from "pino";\nconst logger = pino();\nlogger.info({ key: ${ENV} });`, errors: [err("toLog", envKey, "the pino logger (`.info()`)", { text: `${ENV} ?? ""`, output: `import pino from "pino";\n${MASK_IMPORT.trimEnd()}\nconst logger = pino();\nlogger.info({ key: mask(${ENV} ?? "") });` })] },
    { code: `import pino from "pino";\nconst log = pino().child({ mod: "a" });\nlog.error(${ENV});`, errors: [err("toLog", envKey, "the pino logger (`.error()`)", { text: `${ENV} ?? ""`, output: `import pino from "pino";\n${MASK_IMPORT.trimEnd()}\nconst log = pino().child({ mod: "a" });\nlog.error(mask(${ENV} ?? ""));` })] },
    { code: `import winston from "winston";\nconst logger = winston.createLogger({});\nconst k = ${ENV};\nlogger.warn(k);`, errors: [err("toLog", envKey, "the winston logger (`.warn()`)")] },
    { code: `import { createLogger } from "winston";\nconst k = ${ENV};\ncreateLogger().info(k);`, errors: [err("toLog", envKey, "the winston logger (`.info()`)")] },
    { code: `const bunyan = require("bunyan");\nconst log = bunyan.createLogger({ name: "a" });\nconst k = ${ENV};\nlog.info(k);`, errors: [err("toLog", envKey, "the bunyan logger (`.info()`)")] },
    { code: `import { consola } from "consola";\nconst k = ${ENV};\nconsola.info(k);`, errors: [err("toLog", envKey, "the consola logger (`.info()`)")] },
    { code: `import createDebug from "debug";\nconst debug = createDebug("app");\nconst k = ${ENV};\ndebug("key %s", k);`, errors: [err("toLog", envKey, "the debug logger")] },
    { code: `import log4js from "log4js";\nconst logger = log4js.getLogger();\nconst k = ${ENV};\nlogger.debug(k);`, errors: [err("toLog", envKey, "the log4js logger (`.debug()`)")] },
    {
      code: `import { Logger } from "@nestjs/common";\nclass S {\n  private readonly logger = new Logger(S.name);\n  run() { const k = ${ENV}; this.logger.log(k); }\n}`,
      errors: [err("toLog", envKey, "the NestJS Logger logger (`.log()`)")],
    },
    { code: `import { Logger } from "@nestjs/common";\nconst k = ${ENV};\nLogger.warn(k);`, errors: [err("toLog", envKey, "the NestJS Logger logger (`.warn()`)")] },
    { code: `const k = ${ENV};\nlogger.info(k);`, options: [{ loggerNames: ["logger"] }], errors: [err("toLog", envKey, "`logger.info()`")] },
    {
      code: `import { log } from "@acme/log";\nconst k = ${ENV};\nlog.say(k);`,
      options: [{ loggers: [{ module: "@acme/log", export: "log", kind: "instance", methods: ["say"] }] }],
      errors: [err("toLog", envKey, "the @acme/log log logger (`.say()`)")],
    },
    // ------------------------------------------------------------ errors
    { code: `const k = ${ENV};\nthrow new Error(\`bad key \${k}\`);`, errors: [err("toError", envKey, "`new Error()`")] },
    { code: `throw new TypeError("bad key " + ${ENV});`, errors: [err("toError", envKey, "`new TypeError()`", maskEnv(`throw new TypeError("bad key " + ${ENV});`))] },
    { code: `reject(new errors.AuthError(${ENV}));`, errors: [err("toError", envKey, "`new AuthError()`", maskEnv(`reject(new errors.AuthError(${ENV}));`))] },
    { code: `throw ${ENV};`, errors: [err("toError", envKey, "a `throw`", maskEnv(`throw ${ENV};`))] },
    // ------------------------------------------------------------ HTTP responses
    { code: `app.get("/", (req, res) => res.json({ key: ${ENV} }));`, errors: [err("toResponse", envKey, "the HTTP response (`res.json()`)", maskEnv(`app.get("/", (req, res) => res.json({ key: ${ENV} }));`))] },
    { code: `app.get("/", (req, res) => { const k = ${ENV}; res.status(200).send(k); });`, errors: [err("toResponse", envKey, "the HTTP response (`res.send()`)")] },
    { code: `app.get("/", (req, res) => { const k = ${ENV}; res.cookie("k", k); });`, errors: [err("toResponse", envKey, "the HTTP response (`res.cookie()`)")] },
    { code: `fastify.get("/", async (request, reply) => { const k = ${ENV}; return reply.code(200).send({ k }); });`, errors: [err("toResponse", envKey, "the HTTP response (`reply.send()`)")] },
    { code: `app.get("/", (c) => { const k = ${ENV}; return c.json({ k }); });`, errors: [err("toResponse", envKey, "the HTTP response (`c.json()`)")] },
    { code: `app.get("/", (c) => c.text(\`\${process.env.GITHUB_TOKEN}\`));`, errors: [err("toResponse", "The secret `GITHUB_TOKEN`", "the HTTP response (`c.text()`)", { text: 'process.env.GITHUB_TOKEN ?? ""', output: `${MASK_IMPORT}app.get("/", (c) => c.text(\`\${mask(process.env.GITHUB_TOKEN ?? "")}\`));` })] },
    { code: `router.get("/", (ctx) => { const k = ${ENV}; ctx.body = { k }; });`, errors: [err("toResponse", envKey, "the HTTP response (`ctx.body`)")] },
    { code: `import { NextResponse } from "next/server";\nexport function GET() { const k = ${ENV}; return NextResponse.json({ k }); }`, errors: [err("toResponse", envKey, "`NextResponse.json()`")] },
    { code: `export function GET() { const k = ${ENV}; return Response.json({ k }); }`, errors: [err("toResponse", envKey, "`Response.json()`")] },
    { code: `export function GET() { const k = ${ENV}; return new Response(k); }`, errors: [err("toResponse", envKey, "`new Response()`")] },
    // ------------------------------------------------------------ browser storage
    { code: `const k = ${ENV};\nlocalStorage.setItem("key", k);`, errors: [err("toStorage", envKey, "`localStorage.setItem()`")] },
    { code: `const k = ${ENV};\nwindow.sessionStorage.setItem("key", k);`, errors: [err("toStorage", envKey, "`window.sessionStorage.setItem()`")] },
    { code: `const k = ${ENV};\nlocalStorage.apiKey = k;`, errors: [err("toStorage", envKey, "`localStorage`")] },
    { code: `const k = ${ENV};\ndocument.cookie = \`key=\${k}\`;`, errors: [err("toStorage", envKey, "`document.cookie`")] },
    // ------------------------------------------------------------ serialization
    { code: `const cfg = { apiKey: ${ENV} };\nfs.writeFileSync("cfg.json", JSON.stringify(cfg));`, errors: [err("toSerialized", envKey, "`JSON.stringify()`")] },
    { code: "const dump = JSON.stringify(process.env);", errors: [err("toSerialized", "The whole environment (`process.env`)", "`JSON.stringify()`")] },
    // reported once, by the outer sink
    { code: `const cfg = { apiKey: ${ENV} };\nconsole.log(JSON.stringify(cfg, null, 2));`, errors: [err("toLog", envKey, "`console.log()`")] },
    // an existing import of keyguard/secret gets `mask` added
    {
      code: `import { secretFromFile } from "keyguard/secret";\nconsole.log(${ENV});`,
      errors: [err("toLog", envKey, "`console.log()`", { text: `${ENV} ?? ""`, output: `import { secretFromFile, mask } from "keyguard/secret";\nconsole.log(mask(${ENV} ?? ""));` })],
    },
  ],
}));

const TYPED_SECRET = 'import { secretFromEnv, type SecretString } from "keyguard/secret";\n';

typedRuleTester().run("no-secret-in-logs (type-aware)", rule, masked<MessageIds, Options>({
  valid: [
    `${TYPED_SECRET}declare const key: SecretString;\nconsole.log(key.length);`,
    `${TYPED_SECRET}import { mask } from "keyguard/secret";\ndeclare const key: SecretString;\nconsole.log(mask(key));`,
    `${TYPED_SECRET}declare const cfg: { model: string; retries: number };\nconsole.log(cfg);`,
    // a look-alike brand of the user's own
    'type SecretString = string & { __brand: "s" };\ndeclare const key: SecretString;\nconsole.log(key);',
  ],
  invalid: [
    {
      code: `${TYPED_SECRET}declare const key: SecretString;\nconsole.log(key);`,
      errors: [err("toLog", "A SecretString", "`console.log()`", { text: "key", output: `import { secretFromEnv, type SecretString, mask } from "keyguard/secret";\ndeclare const key: SecretString;\nconsole.log(mask(key));` })],
    },
    {
      // across files, the type carries what the flow cannot see: a parameter
      code: `${TYPED_SECRET}export function f(key: SecretString) { throw new Error("bad " + key); }`,
      errors: [err("toError", "A SecretString", "`new Error()`", { text: "key", output: `import { secretFromEnv, type SecretString, mask } from "keyguard/secret";\nexport function f(key: SecretString) { throw new Error("bad " + mask(key)); }` })],
    },
    {
      // inside objects and arrays
      code: `${TYPED_SECRET}declare const cfg: { apiKey: SecretString; model: string };\nconsole.log(cfg);`,
      errors: [err("toLog", "A SecretString", "`console.log()`")],
    },
    {
      // a file that names neither keyguard nor the environment: only the type shows the secret
      code: 'import { openaiKey } from "./settings.js";\nconsole.log(openaiKey);',
      errors: [err("toLog", "A SecretString", "`console.log()`", { text: "openaiKey", output: 'import { openaiKey } from "./settings.js";\nimport { mask } from "keyguard/secret";\nconsole.log(mask(openaiKey));' })],
    },
    {
      code: `${TYPED_SECRET}declare const keys: SecretString[];\nconsole.log(keys);`,
      errors: [err("toLog", "A SecretString", "`console.log()`")],
    },
    {
      code: `${TYPED_SECRET}declare const cfg: { nested: { key?: SecretString } };\nres.json(cfg);`,
      errors: [err("toResponse", "A SecretString", "the HTTP response (`res.json()`)")],
    },
  ],
}));
