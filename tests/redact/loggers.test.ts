// The pino and winston integrations with the real packages, writing to streams and files whose
// captured output is checked for every key; each case is run without the integration first, so
// that the check is seen to catch the leak it guards against.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import pino from "pino";
import winston from "winston";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { pinoRedaction, winstonRedaction } from "../../src/redact/index.js";
import { secretFromEnv } from "../../src/secret/index.js";
import { fakeKey, j } from "../helpers/keys.js";
import { expectNoSecret, expectShowsSecret } from "./helpers.js";

const OPENAI = fakeKey("openai-project", 201);
const ANTHROPIC = fakeKey("anthropic", 202);
const GITHUB = fakeKey("github-classic", 203);
const MISTRAL = fakeKey("mistral", 204);
/** A value with no provider format, loaded through keyguard: only the registry knows it. */
const DB_PASSWORD = j("pg-", "Rt5y", "Hn8m", "Qa2z");
const SECRETS = [OPENAI, ANTHROPIC, GITHUB, MISTRAL, DB_PASSWORD];

/** A writable that keeps everything written to it. */
function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "keyguard-loggers-"));
  secretFromEnv("DATABASE_PASSWORD", { env: { DATABASE_PASSWORD: DB_PASSWORD } });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The leaks of a real app: a message, interpolation, a merging object, a child's bindings, an error with a cause, a mixin. */
function logEverything(logger: pino.Logger) {
  logger.info(`starting with key ${OPENAI}`);
  logger.info("interpolated %s and %o", ANTHROPIC, { nested: { token: GITHUB } });
  logger.info({ config: { mistralApiKey: MISTRAL, db: { password: DB_PASSWORD } }, list: [OPENAI] }, "config loaded");
  logger.child({ requestKey: ANTHROPIC }).warn("child logger");
  const cause = Object.assign(new Error(`401 for ${GITHUB}`), { headers: { authorization: `Bearer ${OPENAI}` } });
  logger.error(new Error(`request failed\n${ANTHROPIC}`, { cause }));
  logger.error({ err: new Error(`connect postgres://app:${DB_PASSWORD}@db/app`) }, "db down");
}

describe("pino", () => {
  it("without the integration, the captured output shows the keys (the baseline)", () => {
    const out = capture();
    logEverything(pino({ mixin: () => ({ traceKey: GITHUB }) }, out.stream));
    expectShowsSecret(out.text(), [OPENAI], "pino without redaction");
    expectShowsSecret(out.text(), [DB_PASSWORD], "pino without redaction");
  });

  it("with pinoRedaction(), the captured output holds no key and shows the masked forms", () => {
    const out = capture();
    logEverything(pino({ ...pinoRedaction(), mixin: () => ({ traceKey: GITHUB }) }, out.stream));
    const text = out.text();
    expectNoSecret(text, SECRETS, "pino's output");
    expect(text.split("\n").filter(Boolean)).toHaveLength(6);
    for (const line of text.split("\n").filter(Boolean)) JSON.parse(line);
    expect(text).toContain(mask(OPENAI));
    expect(text).toContain(mask(MISTRAL));
    expect(text).toContain('"msg":"config loaded"');
  });

  it("masks what the text of the line cannot show: a named key in a %o value, a loaded value in JSON inside a string, a Buffer's bytes", () => {
    const quoted = j('pw"', "Kd8s", "\\", "Wq3e");
    secretFromEnv("QUOTED_PASSWORD", { env: { QUOTED_PASSWORD: quoted } });
    const lines = (redacting: boolean) => {
      const out = capture();
      const logger = pino(redacting ? pinoRedaction() : {}, out.stream);
      logger.info("config %o", { mistralApiKey: MISTRAL });
      logger.info({ body: JSON.stringify({ password: quoted }) }, "request body");
      logger.info({ payload: Buffer.from(`token ${OPENAI}`) }, "raw payload");
      logger.info({ nested: { deeper: { mistralApiKey: MISTRAL } } }, "named, deep");
      // What a reader of the log sees: the strings, and the bytes of serialised Buffers decoded.
      return out
        .text()
        .split("\n")
        .filter(Boolean)
        .map((line) => {
          const bytes = /"data":\[([0-9,]*)\]/.exec(line)?.[1];
          return bytes ? `${line}\n${Buffer.from(bytes.split(",").map(Number)).toString("latin1")}` : line;
        });
    };
    const plain = lines(false);
    expectShowsSecret(plain[0]!, [MISTRAL], "pino without redaction, %o");
    expectShowsSecret(plain[1]!, [JSON.stringify(JSON.stringify(quoted).slice(1, -1)).slice(1, -1)], "pino without redaction, JSON in a string");
    expectShowsSecret(plain[2]!, [OPENAI], "pino without redaction, a Buffer");
    const redacted = lines(true);
    expect(redacted).toHaveLength(4);
    const forms = [MISTRAL, OPENAI, quoted, JSON.stringify(quoted).slice(1, -1), JSON.stringify(JSON.stringify(quoted).slice(1, -1)).slice(1, -1)];
    for (const line of redacted) expectNoSecret(line, forms, "pino's output");
    expect(redacted[0]).toContain(mask(MISTRAL));
    expect(redacted[3]).toContain(mask(MISTRAL));
  });

  it("hands pino a logged object without keys as it is, and a copy of one with a key", () => {
    const { formatters } = pinoRedaction();
    const clean = { req: { id: "req-1", url: "/v1/models" }, list: [1, 2, 3] };
    expect(formatters.log(clean)).toBe(clean);
    const keyed = { req: clean.req, config: { mistralApiKey: MISTRAL } };
    const out = formatters.log(keyed) as typeof keyed;
    expect(out).not.toBe(keyed);
    expect(out.req).toBe(clean.req);
    expect(out.config.mistralApiKey).toBe(mask(MISTRAL));
    expect(keyed.config.mistralApiKey === MISTRAL).toBe(true);
  });

  it("writes no key to a real file through pino.destination (sonic-boom)", () => {
    const path = join(dir, "app.log");
    const destination = pino.destination({ dest: path, sync: true });
    logEverything(pino(pinoRedaction(), destination));
    destination.flushSync();
    const text = readFileSync(path, "utf8");
    expect(text.length).toBeGreaterThan(500);
    expectNoSecret(text, SECRETS, "the log file");
  });

  it("in a real process: a service that loads its key from the environment and logs it writes no key to stdout", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const redactUrl = pathToFileURL(join(root, "dist/src/redact/index.js")).href;
    const secretUrl = pathToFileURL(join(root, "dist/src/secret/index.js")).href;
    const script = `
      import pino from "pino";
      import { pinoRedaction } from ${JSON.stringify(redactUrl)};
      import { secretFromEnv } from ${JSON.stringify(secretUrl)};
      const key = secretFromEnv("SERVICE_TOKEN");
      const logger = pino(pinoRedaction());
      logger.info({ key }, "loaded");
      logger.info("token is " + key);
      console.log("done");
    `;
    const token = j("svc-", "Zx4c", "Vb7n", "Mm1q");
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      env: { PATH: process.env.PATH, SERVICE_TOKEN: token },
      encoding: "utf8",
    });
    expect(run.status, run.stderr.slice(0, 300)).toBe(0);
    expect(run.stdout).toContain("done");
    expect(run.stdout).toContain('"msg":"loaded"');
    expectNoSecret(run.stdout + run.stderr, [token], "the service's output");
  });
});

describe("winston", () => {
  const { format } = winston;

  function logEverything(logger: winston.Logger) {
    logger.info(`starting with key ${OPENAI}`);
    logger.info("interpolated %s", ANTHROPIC, { nested: { token: GITHUB } });
    logger.info("config loaded", { config: { mistralApiKey: MISTRAL, db: { password: DB_PASSWORD } } });
    logger.child({ requestKey: ANTHROPIC }).warn("child logger");
    logger.error(new Error(`request failed ${ANTHROPIC}`, { cause: new Error(`401 for ${GITHUB}`) }));
    logger.error("db down", { err: new Error(`connect postgres://app:${DB_PASSWORD}@db/app`) });
  }

  const make = (redacting: boolean, out: Writable, last: winston.Logform.Format = format.json()) =>
    winston.createLogger({
      defaultMeta: { service: "api", deployKey: OPENAI },
      format: redacting ? format.combine(winstonRedaction(), format.errors({ stack: true }), format.splat(), last) : format.combine(format.errors({ stack: true }), format.splat(), last),
      transports: [new winston.transports.Stream({ stream: out })],
    });

  it("without the integration, the captured output shows the keys (the baseline)", () => {
    const out = capture();
    logEverything(make(false, out.stream));
    expectShowsSecret(out.text(), [OPENAI], "winston without redaction");
    expectShowsSecret(out.text(), [MISTRAL], "winston without redaction");
  });

  it("with winstonRedaction() first in the format, the captured output holds no key", () => {
    const out = capture();
    logEverything(make(true, out.stream));
    const text = out.text();
    expectNoSecret(text, SECRETS, "winston's output");
    expect(text.split("\n").filter(Boolean)).toHaveLength(6);
    expect(text).toContain(`starting with key ${mask(OPENAI)}`);
    expect(text).toContain(mask(MISTRAL));
  });

  it("redacts a printf line when it runs last, after the text is built", () => {
    const out = capture();
    const logger = winston.createLogger({
      format: format.combine(format.printf((info) => `${info.level}: ${String(info.message)} ${JSON.stringify(info.extra)}`), winstonRedaction()),
      transports: [new winston.transports.Stream({ stream: out.stream })],
    });
    logger.info(`key ${ANTHROPIC}`, { extra: { password: DB_PASSWORD } });
    expectNoSecret(out.text(), SECRETS, "the printf line");
    expect(out.text()).toContain(`info: key ${mask(ANTHROPIC)}`);
  });

  it("does not change the objects that were logged", () => {
    const meta = { config: { token: GITHUB } };
    const out = capture();
    make(true, out.stream).info("x", meta);
    expect(meta.config.token === GITHUB).toBe(true);
    expectNoSecret(out.text(), [GITHUB], "winston's output");
  });

  it("logs to a real file with winston.transports.File and the file holds no key", async () => {
    const path = join(dir, "winston.log");
    const logger = winston.createLogger({
      format: format.combine(winstonRedaction(), format.json()),
      transports: [new winston.transports.File({ filename: path })],
    });
    logEverything(logger);
    await new Promise<void>((resolve) => {
      logger.on("finish", () => resolve());
      logger.end();
    });
    // The file transport flushes after the logger's finish.
    for (let i = 0; i < 50 && readFileSync(path, "utf8").split("\n").filter(Boolean).length < 6; i++) await new Promise((r) => setTimeout(r, 20));
    const text = readFileSync(path, "utf8");
    expect(text.split("\n").filter(Boolean)).toHaveLength(6);
    expectNoSecret(text, SECRETS, "the winston log file");
  });
});

describe("console, as the guide says", () => {
  it("a SecretString is a plain string at run time: console.log prints it, and prints the redacted form through redactText", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const redactUrl = pathToFileURL(join(root, "dist/src/redact/index.js")).href;
    const secretUrl = pathToFileURL(join(root, "dist/src/secret/index.js")).href;
    const script = `
      import { redactText } from ${JSON.stringify(redactUrl)};
      import { secretFromEnv } from ${JSON.stringify(secretUrl)};
      const key = secretFromEnv("SERVICE_TOKEN");
      console.log(typeof key, key.length);
      console.log("plain:", key);
      console.error(redactText("redacted: " + key));
    `;
    const token = j("svc-", "Pq4r", "St7u", "Vw1x");
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, env: { PATH: process.env.PATH, SERVICE_TOKEN: token }, encoding: "utf8" });
    expect(run.status, run.stderr.slice(0, 300)).toBe(0);
    expect(run.stdout.startsWith(`string ${token.length}\n`)).toBe(true);
    expectShowsSecret(run.stdout, [token], "console.log of a SecretString");
    expectNoSecret(run.stderr, [token], "console.error of the redacted text");
    expect(run.stderr).toContain(`redacted: ${mask(token)}`);
  });
});
