import { describe, expect, it } from "vitest";
import { envVarName, isEnvObject, isEnvRead, mayReadEnv } from "../../../rules/analysis/env.js";
import { analyse } from "./analyse.js";

describe("envVarName and isEnvObject", () => {
  it.each([
    ["process.env.X", "X"],
    ['process.env["X"]', "X"],
    ["import.meta.env.VITE_X", "VITE_X"],
    ["Bun.env.X", "X"],
    ['Deno.env.get("X")', "X"],
    ["other.env.X", undefined],
    ["process.X", undefined],
  ])("%s → %s", (expression, expected) => {
    analyse(`use(${expression});`, ({ node }) => expect(envVarName(node(expression))).toBe(expected));
  });

  it("knows the environment objects", () => {
    analyse("use(process.env, import.meta.env, Bun.env, window.env);", ({ node }) => {
      expect(["process.env", "import.meta.env", "Bun.env", "window.env"].map((e) => isEnvObject(node(e)))).toEqual([true, true, true, false]);
    });
  });
});

describe("isEnvRead: every way an app reads its environment", () => {
  it.each([
    ["use(process.env.X);", "process.env.X"],
    ['use(Deno.env.get("X"));', 'Deno.env.get("X")'],
    ["const env = process.env; use(env.X);", "env.X"],
    // Cloudflare Workers: the handler's env parameter; Pages / Hono: context.env
    ["export default { async fetch(request: Request, env: Env) { use(env.OPENAI_API_KEY); } };", "env.OPENAI_API_KEY"],
    ["app.post('/', (c) => use(c.env.OPENAI_API_KEY));", "c.env.OPENAI_API_KEY"],
    // SvelteKit
    ['import { OPENAI_API_KEY } from "$env/static/private"; use(OPENAI_API_KEY);', "OPENAI_API_KEY"],
    ['import { env } from "$env/dynamic/private"; use(env.OPENAI_API_KEY);', "env.OPENAI_API_KEY"],
    // Nuxt
    ["use(useRuntimeConfig().openaiApiKey);", "useRuntimeConfig().openaiApiKey"],
    ["const config = useRuntimeConfig(event); use(config.openaiApiKey);", "config.openaiApiKey"],
    ["const config = useRuntimeConfig(); use(config.openai.apiKey);", "config.openai.apiKey"],
  ])("%s", (code, expression) => {
    analyse(code, ({ sourceCode, node }) => expect(isEnvRead(node(expression), sourceCode)).toBe(true));
  });

  it.each([
    ["use(config.X);", "config.X"],
    ["const env = { X: 1 }; use(env.X);", "env.X"],
    ['import { PUBLIC_X } from "$env/static/public"; use(PUBLIC_X);', "PUBLIC_X"],
    ["let env = process.env; env = other; use(env.X);", "env.X"],
    ["use(getRuntimeConfig().x);", "getRuntimeConfig().x"],
  ])("not %s", (code, expression) => {
    analyse(code, ({ sourceCode, node }) => expect(isEnvRead(node(expression), sourceCode)).toBe(false));
  });
});

describe("mayReadEnv: the text test that lets a rule skip a file", () => {
  it.each([
    "use(process.env.X);",
    'use(process["env"].X);',
    "use(import.meta.env.VITE_X);",
    "use(Bun.env.X);",
    'use(Deno.env.get("X"));',
    "export default { fetch(request: Request, env: Env) { use(env.X); } };",
    "app.get('/', (c) => use(c.env.X));",
    'import { X } from "$env/static/private"; use(X);',
  ])("every read the analyses recognise but Nuxt's names env: %s", (code) => {
    expect(mayReadEnv(code)).toBe(true);
    // each case is a read the analyses recognise
    analyse(code, ({ sourceCode, find }) => expect(find((n) => isEnvRead(n, sourceCode))).toBeDefined());
  });

  it.each(["use(readEnv('X'));", "const environment = 1;", "use(config.X);", "use(envelope.seal);"])("no env word: %s", (code) => {
    expect(mayReadEnv(code)).toBe(false);
  });
});
