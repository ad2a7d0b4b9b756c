import { describe, expect, it } from "vitest";
import { argumentOf, bindingName, clientOption } from "../../../rules/analysis/places.js";
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

describe("syntax", () => {
  it("unwraps type wrappers, chains and sequences; writes member paths", () => {
    analyse("use((0, a.b)!); use(this.vault.read); use(a[b]);", ({ node, sourceCode }) => {
      expect(sourceCode.getText(unwrap(node("(0, a.b)!")))).toBe("a.b");
      expect(memberPath(node("this.vault.read"))).toBe("this.vault.read");
      expect(memberPath(node("a[b]"))).toBeUndefined();
    });
  });
});
