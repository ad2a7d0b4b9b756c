// keyguard/secret as a user runs it: the built module, in real child processes, with real
// environment variables, `node --env-file`, files named by NAME_FILE and systemd credentials.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { fakeKey } from "../helpers/keys.js";
import { freshBuild } from "./helpers.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const built = join(root, "dist/src/secret/index.js");
const builtUrl = pathToFileURL(built).href;
const ANTHROPIC = fakeKey("anthropic", 31);
const OPENAI = fakeKey("openai-project", 32);

let dir: string;
beforeAll(() => {
  // These tests run the built module: refuse a missing or stale build.
  freshBuild("src/secret/index.js", ["src/secret", "src/detect"]);
  freshBuild("src/redact/index.js", ["src/redact"]);
  dir = mkdtempSync(join(tmpdir(), "keyguard-process-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs an ES module script in a fresh node with only the given environment (plus PATH). */
function run(script: string, env: Record<string, string> = {}, nodeArgs: string[] = [], cwd = dir) {
  const result = spawnSync(process.execPath, [...nodeArgs, "--input-type=module", "-e", script], {
    cwd,
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const PRINT = (call: string) =>
  `import * as s from ${JSON.stringify(builtUrl)}; const k = ${call}; console.log(JSON.stringify({ length: k.length, masked: s.mask(k) }));`;

describe("keyguard/secret in a child process", () => {
  it("reads a .env loaded by node --env-file", () => {
    writeFileSync(join(dir, ".env"), `# local development only, never committed\nANTHROPIC_API_KEY=${ANTHROPIC}\n`);
    const out = run(PRINT(`s.secretFromEnv("ANTHROPIC_API_KEY", { format: "anthropic" })`), {}, ["--env-file=.env"]);
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout)).toEqual({ length: ANTHROPIC.length, masked: mask(ANTHROPIC) });
  });

  it("follows NAME_FILE set in the real environment (a Docker secret)", () => {
    mkdirSync(join(dir, "run-secrets"), { recursive: true });
    const path = join(dir, "run-secrets", "openai_api_key");
    writeFileSync(path, `${OPENAI}\n`);
    const out = run(PRINT(`s.secretFromEnv("OPENAI_API_KEY", { format: "openai-project" })`), { OPENAI_API_KEY_FILE: path });
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout)).toEqual({ length: OPENAI.length, masked: mask(OPENAI) });
  });

  it("reads a systemd credential from $CREDENTIALS_DIRECTORY", () => {
    const creds = join(dir, "credentials");
    mkdirSync(creds, { recursive: true });
    writeFileSync(join(creds, "anthropic"), ANTHROPIC);
    const out = run(PRINT(`s.secretFromCredential("anthropic", { format: "anthropic" })`), { CREDENTIALS_DIRECTORY: creds });
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout).masked).toBe(mask(ANTHROPIC));
  });

  it("a loader error that crashes the process prints neither value (NAME and NAME_FILE both set)", () => {
    const path = join(dir, "both");
    writeFileSync(path, ANTHROPIC);
    const out = run(PRINT(`s.secretFromEnv("ANTHROPIC_API_KEY")`), { ANTHROPIC_API_KEY: OPENAI, ANTHROPIC_API_KEY_FILE: path });
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain("SecretConfigError");
    expect(out.stderr).toContain("both ANTHROPIC_API_KEY and ANTHROPIC_API_KEY_FILE are set");
    expect(out.stderr.includes(ANTHROPIC.slice(13, 40)), "stderr shows part of the key").toBe(false);
    expect(out.stderr.includes(OPENAI.slice(8, 40)), "stderr shows part of the key").toBe(false);
  });

  it("an uncaught format error (Node prints stack, properties and cause) shows the expected format, not the value", () => {
    const out = run(PRINT(`s.secretFromEnv("ANTHROPIC_API_KEY", { format: "anthropic" })`), { ANTHROPIC_API_KEY: OPENAI });
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain("SecretFormatError");
    expect(out.stderr).toContain("expected an Anthropic API key");
    for (let i = 8; i + 8 <= OPENAI.length; i += 4) expect(out.stderr.includes(OPENAI.slice(i, i + 8)), "stderr shows part of the key").toBe(false);
  });

  it("a JSON document that is not JSON crashes without quoting it", () => {
    const out = run(`import * as s from ${JSON.stringify(builtUrl)}; s.secretFromJson(process.env.DOC, "api_key", { source: "secret prod/ai" });`, {
      DOC: OPENAI.slice(8),
    });
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain("secret prod/ai: is not valid JSON");
    for (let i = 8; i + 8 <= OPENAI.length; i += 4) expect(out.stderr.includes(OPENAI.slice(i, i + 8)), "stderr shows part of the key").toBe(false);
  });
});

// Which modules a fresh node loads for a script: ES modules through a resolve hook registered
// before anything else, CommonJS through require.cache.
const LOADED = (importStatement: string) => `
import { register, createRequire } from "node:module";
import { MessageChannel } from "node:worker_threads";
const { port1, port2 } = new MessageChannel();
const urls = [];
port1.on("message", (url) => urls.push(url));
const hooks = "data:text/javascript," + encodeURIComponent(\`
  let port;
  export async function initialize(data) { port = data.port; }
  export async function resolve(specifier, context, next) {
    const result = await next(specifier, context);
    port.postMessage(result.url);
    return result;
  }\`);
register(hooks, { data: { port: port2 }, transferList: [port2] });
${importStatement}
await new Promise((r) => setTimeout(r, 50));
port1.close();
const cjs = Object.keys(createRequire(import.meta.url).cache);
console.log(JSON.stringify({ esm: urls, cjs }));
`;

function loadedBy(importStatement: string): string[] {
  const out = run(LOADED(importStatement), {}, [], root);
  expect(out.stderr).toBe("");
  const { esm, cjs } = JSON.parse(out.stdout) as { esm: string[]; cjs: string[] };
  return [...esm, ...cjs];
}

const isPackage = (name: string) => (p: string) => p.includes(`/node_modules/${name}/`);

describe("keyguard/secret loads neither ESLint nor TypeScript", () => {
  it("importing the built entry point loads no module of eslint, typescript or @typescript-eslint", () => {
    const loaded = loadedBy(`const s = await import(${JSON.stringify(builtUrl)}); s.mask("x");`);
    // The check sees keyguard's own modules, so it does see what is loaded.
    expect(loaded.some((p) => p.endsWith("/dist/src/secret/index.js"))).toBe(true);
    expect(loaded.some((p) => p.endsWith("/dist/src/detect/detector.js"))).toBe(true);
    for (const name of ["eslint", "typescript", "@typescript-eslint"]) expect(loaded.filter(isPackage(name))).toEqual([]);
  });

  it("importing keyguard/redact loads no module of eslint, typescript or @typescript-eslint either", () => {
    const redactUrl = pathToFileURL(join(root, "dist/src/redact/index.js")).href;
    const loaded = loadedBy(`const r = await import(${JSON.stringify(redactUrl)}); r.redactText("x");`);
    expect(loaded.some((p) => p.endsWith("/dist/src/redact/redactor.js"))).toBe(true);
    for (const name of ["eslint", "typescript", "@typescript-eslint"]) expect(loaded.filter(isPackage(name))).toEqual([]);
  });

  it("the same check does see eslint and typescript when they are loaded", () => {
    const loaded = loadedBy(`await import("eslint"); await import("typescript");`);
    expect(loaded.filter(isPackage("eslint")).length).toBeGreaterThan(0);
    expect(loaded.filter(isPackage("typescript")).length).toBeGreaterThan(0);
  });
});
