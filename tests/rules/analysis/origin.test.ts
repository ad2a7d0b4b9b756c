import { describe, expect, it } from "vitest";
import { createOriginAnalysis, type OriginOptions } from "../../../rules/analysis/origin.js";
import { analyse } from "./analyse.js";

/** The kind of the origin of the argument of the last `use(…)`, and the literal's text for a literal. */
function originOf(code: string, options?: OriginOptions): string {
  return analyse(code, ({ sourceCode, find }) => {
    const start = code.lastIndexOf("use(") + 4;
    const arg = find((n) => n.range[0] === start && n.parent?.type === "CallExpression");
    const found = createOriginAnalysis(sourceCode, options).origin(arg);
    if (found.kind !== "literal") return found.kind;
    return `literal ${sourceCode.getText(found.node)}${found.fallback ? " (fallback)" : ""}`;
  });
}

describe("value origin", () => {
  it.each([
    ["use(process.env.K);", "source"],
    ['use("k");', 'literal "k"'],
    ['use("");', "none"],
    ["use(null);", "none"],
    ["use(undefined);", "none"],
    ["const k = process.env.K; use(k);", "source"],
    ['const k = "v"; use(k);', 'literal "v"'],
    ['use(process.env.K ?? "v");', 'literal "v" (fallback)'],
    ['const { K = "v" } = process.env; use(K);', 'literal "v" (fallback)'],
    ['function f(k = "v") { use(k); }', 'literal "v" (fallback)'],
    ["function f(k: string) { use(k); }", "unknown"],
    ['use(c ? process.env.K : "v");', 'literal "v"'],
    ["use(`Bearer ${process.env.K}`);", "source"],
    ['const config = { openai: { key: "v" } }; use(config.openai.key);', 'literal "v"'],
    ['function load() { return "v"; } use(load());', 'literal "v"'],
    ["use(async () => process.env.K);", "source"],
    ["use(String(process.env.K));", "source"],
    ['import { unsafeSecretString } from "keyguard/secret"; use(unsafeSecretString("v"));', 'literal "v"'],
    ['import { secretFromEnv } from "keyguard/secret"; use(secretFromEnv("K"));', "source"],
    ['import { rotatingSecret } from "keyguard/secret"; const r = rotatingSecret(s); use(r.provider());', "source"],
    // fallbacks behind a string method or inside a template
    ['use((process.env.K ?? "v").trim());', 'literal "v" (fallback)'],
    ['use(process.env.K?.trim() ?? "v");', 'literal "v" (fallback)'],
    ["use(process.env.K!.trim());", "source"],
    ['use(String(process.env.K || "v"));', 'literal "v" (fallback)'],
    ['use(`${process.env.K ?? "v"}`);', 'literal "v" (fallback)'],
    ['use(`Bearer ${process.env.K ?? "v"}`);', 'literal "v" (fallback)'],
    ['use(" v ".trim());', 'literal " v "'],
    ["use(key.trim());", "unknown"],
    ['use(process.env.K ?? "v".padEnd(3));', "unknown"],
    // objects completed later, accessors, computed names
    ['const o: any = {}; o.key = "v"; use(o.key);', 'literal "v"'],
    ['const o = { key: "v" }; o.key = process.env.K; use(o.key);', "source"],
    ['const o: any = {}; Object.assign(o, { key: "v" }); use(o.key);', 'literal "v"'],
    ['const o = { get key() { return "v"; } }; use(o.key);', 'literal "v"'],
    ['const N = "key"; const o = { [N]: "v" }; use(o[N]);', 'literal "v"'],
    ['const N = "key"; const o = { key: "v" }; const { [N]: k } = o; use(k);', 'literal "v"'],
    ["use(getKey());", "unknown"],
    ["function a(): string { return b(); } function b(): string { return a(); } use(a());", "unknown"],
    // other environments
    ["export default { fetch(req: Request, env: Env) { use(env.K); } };", "source"],
    ['import { K } from "$env/static/private"; use(K);', "source"],
    ["const { k } = useRuntimeConfig(); use(k);", "source"],
  ])("%s → %s", (code, expected) => {
    expect(originOf(code)).toBe(expected);
  });

  it("counts the user's loaders and, for bring-your-own-key apps, the user key sources", () => {
    expect(originOf('use(await vault.read("k"));', { secretLoaders: ["vault.read"] })).toBe("source");
    expect(originOf("class S { m() { use(this.vault.read()); } }", { secretLoaders: ["vault.read"] })).toBe("source");
    expect(originOf("function h(req: any) { use(req.body.apiKey); }", { userKeySources: ["req.body"] })).toBe("source");
    expect(originOf("function h(req: any) { const { apiKey } = req.body; use(apiKey); }", { userKeySources: ["req.body"] })).toBe("source");
    expect(originOf("use(await getUserKey(id));", { userKeySources: ["getUserKey"] })).toBe("source");
    expect(originOf("function h(req: any) { use(req.bodyX.apiKey); }", { userKeySources: ["req.body"] })).toBe("unknown");
    // a literal stays a literal whatever the sources
    expect(originOf('const req = { body: { apiKey: "v" } }; use(req.body.apiKey);', { userKeySources: ["req.body"] })).toBe('literal "v"');
  });
});
