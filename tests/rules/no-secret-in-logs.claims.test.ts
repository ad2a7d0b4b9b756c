// Every source, sink family, flow and switch that docs/rules/no-secret-in-logs.md names, beyond
// the cases of no-secret-in-logs.test.ts: the loaders and access forms, each response method, the
// loggers of the table not tested there, the flows the page lists, and each `sinks` switch.
import rule, { type MessageIds, type Options } from "../../rules/no-secret-in-logs.js";
import { masked, ruleTester } from "./rule-tester.js";

const ENV = "process.env.OPENAI_API_KEY";
const envKey = "The secret `OPENAI_API_KEY`";
const loaded = "A secret loaded by keyguard";
type Id = "toLog" | "toError" | "toResponse" | "toStorage" | "toSerialized";
const MASK_IMPORT = 'import { mask } from "keyguard/secret";\n';
/** An error, with the `useMask` suggestion where the secret stands in the sink's argument. */
const err = (messageId: Id, source: string, sink: string, masks?: { text: string; output: string }) => ({
  messageId,
  data: { source, sink },
  ...(masks ? { suggestions: [{ messageId: "useMask" as const, data: { text: masks.text }, output: masks.output }] } : {}),
});
/** The suggestion for `code`, whose only source is `source`, in a file without imports. */
const maskIn = (code: string, source: string) => ({ text: `${source} ?? ""`, output: `${MASK_IMPORT}${code.replace(source, `mask(${source} ?? "")`)}` });

ruleTester().run("no-secret-in-logs: what its page claims", rule, masked<MessageIds, Options>({
  valid: [
    // expressions that do not carry the value
    `console.log(${ENV}?.slice(0, 4));`,
    `console.log(typeof ${ENV});`,
    // each sink family can be turned off
    { code: `throw new Error("bad " + ${ENV});`, options: [{ sinks: { errors: false } }] },
    { code: `app.get("/", (req, res) => res.json({ key: ${ENV} }));`, options: [{ sinks: { responses: false } }] },
    { code: `localStorage.setItem("k", ${ENV});`, options: [{ sinks: { storage: false } }] },
    { code: `const s = JSON.stringify({ key: ${ENV} });`, options: [{ sinks: { serialize: false } }] },
    { code: `import pino from "pino";\npino().info(${ENV});`, options: [{ sinks: { loggers: false } }] },
  ],
  invalid: [
    // ------------------------------------------------------------ sources
    { code: "console.log(import.meta.env.OPENAI_API_KEY);", errors: [err("toLog", envKey, "`console.log()`", maskIn("console.log(import.meta.env.OPENAI_API_KEY);", "import.meta.env.OPENAI_API_KEY"))] },
    { code: 'import { secretFromFile } from "keyguard/secret";\nconst k = secretFromFile("/run/secrets/openai");\nconsole.log(k);', errors: [err("toLog", loaded, "`console.log()`")] },
    { code: 'import { secretFromCredential } from "keyguard/secret";\nconst k = secretFromCredential("openai");\nconsole.log(k);', errors: [err("toLog", loaded, "`console.log()`")] },
    { code: 'import { secretFromJson } from "keyguard/secret";\nconst k = secretFromJson(text, "apiKey");\nconsole.log(k);', errors: [err("toLog", loaded, "`console.log()`")] },
    // ------------------------------------------------------------ flows
    { code: `const k = ok ? ${ENV} : "";\nconsole.log(k);`, errors: [err("toLog", envKey, "`console.log()`")] },
    { code: `const k = await ${ENV};\nconsole.log(k);`, errors: [err("toLog", envKey, "`console.log()`")] },
    { code: `const u = new URL(\`https://api.example.com/?key=\${${ENV}}\`);\nconsole.log(u);`, errors: [err("toLog", envKey, "`console.log()`")] },
    { code: `const [first] = [${ENV}];\nconsole.log(first);`, errors: [err("toLog", envKey, "`console.log()`")] },
    // ------------------------------------------------------------ console methods of the table
    { code: `console.dir({ key: ${ENV} });`, errors: [err("toLog", envKey, "`console.dir()`", maskIn(`console.dir({ key: ${ENV} });`, ENV))] },
    { code: `console.table([{ key: ${ENV} }]);`, errors: [err("toLog", envKey, "`console.table()`", maskIn(`console.table([{ key: ${ENV} }]);`, ENV))] },
    // ------------------------------------------------------------ loggers of the table
    { code: `import log from "loglevel";\nconst k = ${ENV};\nlog.info(k);`, errors: [err("toLog", envKey, "the loglevel logger (`.info()`)")] },
    { code: `import { Logger } from "tslog";\nconst log = new Logger();\nconst k = ${ENV};\nlog.getSubLogger({ name: "a" }).warn(k);`, errors: [err("toLog", envKey, "the tslog logger (`.warn()`)")] },
    { code: `import { consola } from "consola";\nconst k = ${ENV};\nconsola.withTag("ai").box(k);`, errors: [err("toLog", envKey, "the consola logger (`.box()`)")] },
    // ------------------------------------------------------------ each response method
    { code: `app.get("/", (req, res) => { const k = ${ENV}; res.end(k); });`, errors: [err("toResponse", envKey, "the HTTP response (`res.end()`)")] },
    { code: `app.get("/", (req, res) => { const k = ${ENV}; res.write(k); });`, errors: [err("toResponse", envKey, "the HTTP response (`res.write()`)")] },
    { code: `app.get("/", (req, res) => { const k = ${ENV}; res.jsonp({ k }); });`, errors: [err("toResponse", envKey, "the HTTP response (`res.jsonp()`)")] },
    { code: `app.get("/", (req, res) => { const k = ${ENV}; res.set("x", "1").status(500).json({ k }); });`, errors: [err("toResponse", envKey, "the HTTP response (`res.json()`)")] },
    { code: `app.get("/", (c) => { const k = ${ENV}; return c.html(\`<p>\${k}</p>\`); });`, errors: [err("toResponse", envKey, "the HTTP response (`c.html()`)")] },
    { code: `app.get("/", (c) => { const k = ${ENV}; return c.body(k); });`, errors: [err("toResponse", envKey, "the HTTP response (`c.body()`)")] },
    { code: `import { NextResponse } from "next/server";\nexport function GET() { const k = ${ENV}; return new NextResponse(k); }`, errors: [err("toResponse", envKey, "`new NextResponse()`")] },
  ],
}));
