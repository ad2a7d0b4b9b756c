import { describe, expect, it } from "vitest";
import { memberOf, moduleRefs } from "../../../rules/analysis/modules.js";
import { analyse } from "./analyse.js";

const refsOf = (code: string, expression: string) =>
  analyse(code, ({ sourceCode, node }) => moduleRefs(sourceCode, node(expression)));

describe("moduleRefs: which module and export an expression comes from", () => {
  it.each([
    ['import OpenAI from "openai"; use(OpenAI);', "OpenAI", [{ module: "openai", export: "default" }]],
    ['import { OpenAI as O } from "openai"; use(O);', "O", [{ module: "openai", export: "OpenAI" }]],
    ['import * as oai from "openai"; use(oai.OpenAI);', "oai.OpenAI", [{ module: "openai", export: "OpenAI" }, { module: "openai", export: "default", member: "OpenAI" }]],
    ['import OpenAI = require("openai"); use(OpenAI);', "OpenAI", [{ module: "openai" }]],
    ['const { Anthropic } = require("@anthropic-ai/sdk"); use(Anthropic);', "Anthropic", [{ module: "@anthropic-ai/sdk", export: "Anthropic" }, { module: "@anthropic-ai/sdk", export: "default", member: "Anthropic" }]],
    ['const m = await import("openai"); use(m.default);', "m.default", [{ module: "openai", export: "default" }]],
    ['import OpenAI from "openai"; const Alias = OpenAI; use(Alias);', "Alias", [{ module: "openai", export: "default" }]],
    ['import OpenAI from "openai"; let Alias = OpenAI; Alias = Other; use(Alias);', "Alias", []],
    ['import type OpenAI from "openai"; use(OpenAI);', "OpenAI", []],
    ['function f(require: any) { const m = require("openai"); use(m); }', "m", []],
    ['class OpenAI {} use(OpenAI);', "OpenAI", []],
  ])("%s", (code, expression, expected) => {
    expect(refsOf(code, expression)).toEqual(expected);
  });

  it("ends on long alias chains", () => {
    const chain = Array.from({ length: 30 }, (_, i) => `const a${i + 1} = a${i};`).join(" ");
    expect(refsOf(`import a0 from "openai"; ${chain} use(a30);`, "a30")).toEqual([]);
  });
});

describe("memberOf", () => {
  it("reads an export of a module object, and a member of an export", () => {
    expect(memberOf([{ module: "m" }], "X")).toEqual([{ module: "m", export: "X" }, { module: "m", export: "default", member: "X" }]);
    expect(memberOf([{ module: "m", export: "X" }], "y")).toEqual([{ module: "m", export: "X", member: "y" }]);
    expect(memberOf([{ module: "m", export: "X", member: "y" }], "z")).toEqual([]);
  });
});
