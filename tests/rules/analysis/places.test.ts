import { describe, expect, it } from "vitest";
import { argumentOf, bindingName, clientOption, fallbackName, keyHolderName, namingArgument } from "../../../rules/analysis/places.js";
import { memberPath, unwrap } from "../../../rules/analysis/syntax.js";
import { analyse } from "./analyse.js";

describe("bindingName: the name that holds a value", () => {
  it.each([
    ['const apiKey = "v";', "apiKey"],
    ['({ apiKey: "v" as const });', "apiKey"],
    ['class C { apiKey = "v"; }', "apiKey"],
    ['o.apiKey = "v";', "apiKey"],
    ['function f(apiKey = "v") {}', "apiKey"],
    ['const k = process.env.OPENAI_API_KEY ?? "v";', "OPENAI_API_KEY"],
    ['enum Keys { Cohere = "v" }', "Cohere"],
    ['use("v");', undefined],
  ])("%s → %s", (code, expected) => {
    analyse(code, ({ node }) => expect(bindingName(node('"v"'))).toBe(expected));
  });
});

describe("clientOption and argumentOf: the call a value is given to", () => {
  it("names the callee, the option and the literal siblings", () => {
    analyse('new OpenAI({ apiKey: "v", baseURL: "https://x" });', ({ node }) => {
      expect(clientOption(node('"v"'))).toEqual({ callee: "OpenAI", option: "apiKey", siblings: ["https://x"] });
    });
    analyse('f({ nested: { apiKey: "v" } });', ({ node }) => expect(clientOption(node('"v"'))).toBeUndefined());
    analyse('twilio(sid, "v" as string);', ({ node }) => expect(argumentOf(node('"v"'))).toBe("twilio"));
    analyse('use(["v"]);', ({ node }) => expect(argumentOf(node('"v"'))).toBeUndefined());
  });
});

describe("keyHolderName, fallbackName, namingArgument: names a value has besides its binding", () => {
  it.each([
    ['const API_KEYS = { cohere: "v" };', ["cohere key"]],
    ['const secrets = { session: "v" as string };', ["session key", "session secret"]],
    ['export default { credentials: { cohere: "v" } };', ["cohere key", "cohere credential"]],
    ['const providers = { cohere: "v" };', undefined],
    ['const keyMap = { cohere: "v" };', undefined], // "key" must end the holder's name
    ['const API_KEYS = { [name]: "v" };', undefined],
  ])("keyHolderName: %s", (code, expected) => {
    analyse(code, ({ node }) => expect(keyHolderName(node('"v"'))).toEqual(expected));
  });

  it.each([
    ['const k = env.CO_API_KEY ?? "v";', "CO_API_KEY"],
    ['const k = c.env["CO_API_KEY"] || "v";', "CO_API_KEY"],
    ['const k = CO_API_KEY ?? "v";', "CO_API_KEY"],
    ['const k = Deno.env.get("CO_API_KEY") ?? "v";', "CO_API_KEY"],
    ['const k = env.CO_API_KEY && "v";', undefined],
    ['const k = "v" ?? env.CO_API_KEY;', undefined],
    ['const k = load() ?? "v";', undefined],
  ])("fallbackName: %s", (code, expected) => {
    analyse(code, ({ node }) => expect(fallbackName(node('"v"'))).toBe(expected));
  });

  it.each([
    ['getEnvOrDefault("api_token", "v");', "api_token"],
    ['config.get("client_secret", "v" as string);', "client_secret"],
    ['use("v", "api_token");', undefined],
    ['use(name, "v");', undefined],
    ['use("two words", "v");', undefined],
  ])("namingArgument: %s", (code, expected) => {
    analyse(code, ({ node }) => expect(namingArgument(node('"v"'))).toBe(expected));
  });
});

describe("syntax", () => {
  it("unwraps type wrappers, chains and sequences; writes member paths", () => {
    analyse("use((0, a.b)!); use(this.vault.read); use(a[b]);", ({ node, sourceCode }) => {
      expect(sourceCode.getText(unwrap(node("(0, a.b)!")))).toBe("a.b");
      expect(memberPath(node("this.vault.read"))).toBe("this.vault.read");
      expect(memberPath(node("a[b]"))).toBeUndefined();
    });
  });
});
