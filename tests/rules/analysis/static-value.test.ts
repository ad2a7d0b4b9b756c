import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { staticPropertyName, staticString } from "../../../rules/analysis/static-value.js";
import { analyse } from "./analyse.js";

const valueOf = (code: string, expression: string) =>
  analyse(code, ({ sourceCode, node }) => {
    const n = node(expression);
    return staticString(n, sourceCode.getScope(n));
  });

describe("staticString", () => {
  it.each([
    ['use("a");', '"a"', "a"],
    ["use(42);", "42", "42"],
    ['use("a" + "b" + 1);', '"a" + "b" + 1', "ab1"],
    ['const P = "p-"; use(`${P}x`);', "`${P}x`", "p-x"],
    ['let P = "p-"; use(P + "x");', 'P + "x"', "p-x"],
    ['let P = "p-"; P = "q"; use(P + "x");', 'P + "x"', undefined],
    ['use(("a" as string) + "b"!);', '("a" as string) + "b"!', "ab"],
    ['use("a" - "b");', '"a" - "b"', undefined],
    ["use(`${x}`);", "`${x}`", undefined],
    ['use("x".padStart(1e8));', '"x".padStart(1e8)', undefined], // no call is evaluated
    // members of objects the file writes
    ['const P = { a: "p-", b: "x" }; use(P.a + P.b);', "P.a + P.b", "p-x"],
    ['const P = { a: "p-", "b": "x" } as const; use(`${P.a}${P["b"]}`);', '`${P.a}${P["b"]}`', "p-x"],
    ['const P = Object.freeze({ a: "p-" }); use(P.a);', "P.a", "p-"],
    ['const C = { parts: { a: "p-" } }; use(C.parts.a);', "C.parts.a", "p-"],
    ['const B = { a: "p-" }; const P = { a: "q-", ...B }; use(P.a);', "P.a", "p-"],
    ['const B = { b: "x" }; const P = { a: "q-", ...B }; use(P.a);', "P.a", "q-"],
    ['const P = { a: "q-", ...other }; use(P.a);', "P.a", undefined], // the spread may replace it
    ['let P = { a: "p-" }; P = load(); use(P.a);', "P.a", undefined],
    ['const P = { get a() { return "p-"; } }; use(P.a);', "P.a", undefined],
    ['const P = { a: "p-" }; use(P[k]);', "P[k]", undefined],
    ['use(load().a);', "load().a", undefined],
  ])("%s", (code, expression, expected) => {
    expect(valueOf(code, expression)).toBe(expected);
  });

  it("ends on long chains of names", () => {
    const chain = Array.from({ length: 30 }, (_, i) => `const a${i + 1} = a${i};`).join(" ");
    expect(valueOf(`const a0 = "v"; ${chain} use(a30);`, "a30")).toBeUndefined();
    expect(valueOf(`const a0 = "v"; ${chain} use(a3);`, "a3")).toBe("v");
  });
});

describe("staticPropertyName", () => {
  const nameOf = (code: string, member: string) =>
    analyse(code, ({ sourceCode, node }) => {
      const n = node<TSESTree.MemberExpression>(member);
      return staticPropertyName(n.property, n.computed, () => sourceCode.getScope(n));
    });

  it.each([
    ["use(o.apiKey);", "o.apiKey", "apiKey"],
    ['use(o["apiKey"]);', 'o["apiKey"]', "apiKey"],
    ['const K = "apiKey"; use(o[K]);', "o[K]", "apiKey"],
    ['const K = "api"; use(o[`${K}Key`]);', "o[`${K}Key`]", "apiKey"],
    ["use(o[k]);", "o[k]", undefined],
    ['let K = "apiKey"; K = "x"; use(o[K]);', "o[K]", undefined],
  ])("%s", (code, member, expected) => {
    expect(nameOf(code, member)).toBe(expected);
  });
});
