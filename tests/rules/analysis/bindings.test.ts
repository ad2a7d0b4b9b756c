import { describe, expect, it } from "vitest";
import { assignedOnce, assignedOnceInit, isGlobal, localFunction } from "../../../rules/analysis/bindings.js";
import { analyse } from "./analyse.js";

const initText = (code: string, name: string, after: string) =>
  analyse(code, ({ sourceCode, id }) => {
    const use = id(name, after);
    const init = assignedOnceInit(use, sourceCode.getScope(use));
    return init && sourceCode.getText(init);
  });

describe("assignedOnceInit: the initialiser of a variable assigned once", () => {
  it.each([
    ["const k = 1; use(k);", "1"],
    ["let k = 2; use(k);", "2"],
    ["var k = 3; use(k);", "3"],
    ["let k = 2; k = 4; use(k);", undefined],
    ["let k = 2; k++; use(k);", undefined],
    ["const { k } = o; use(k);", undefined],
    ["let k; k = 5; use(k);", undefined],
    ["function f(k = 1) { use(k); }", undefined],
    ["use(k);", undefined],
    ["const k = 1; function f() { const k = 2; use(k); }", "2"],
  ])("%s → %s", (code, expected) => {
    expect(initText(code, "k", "use(")).toBe(expected);
  });
});

describe("isGlobal", () => {
  it("tells a global from a binding of the file", () => {
    analyse("require('a'); function f(require: any) { require('b'); }", ({ sourceCode, find }) => {
      const calls = [find((n) => n.type === "Identifier" && n.name === "require" && n.range[0] === 0), find((n) => n.type === "Identifier" && n.name === "require" && n.range[0] > 30)];
      expect(calls.map((c) => isGlobal(c as never, sourceCode.getScope(c)))).toEqual([true, false]);
    });
  });
});

describe("localFunction", () => {
  it.each([
    ["function load() { return 1; } use(load);", "function load() { return 1; }"],
    ["const load = () => 1; use(load);", "() => 1"],
    ["let load = function () { return 1; }; use(load);", "function () { return 1; }"],
    ["let load = () => 1; load = other; use(load);", undefined],
    ["import { load } from 'm'; use(load);", undefined],
  ])("%s", (code, expected) => {
    analyse(code, ({ sourceCode, id }) => {
      const fn = localFunction(id("load", "use("), sourceCode);
      expect(fn && sourceCode.getText(fn)).toBe(expected);
    });
  });
});

describe("assignedOnce: the variable with its initialiser", () => {
  it("gives the variable, whose other references an analysis can read", () => {
    analyse("const o: any = {}; o.k = 1; use(o);", ({ sourceCode, id }) => {
      const use = id("o", "use(");
      const bound = assignedOnce(use, sourceCode.getScope(use));
      expect(bound && sourceCode.getText(bound.init)).toBe("{}");
      expect(bound?.variable.references.length).toBe(3);
    });
    analyse("let o = {}; o = x; use(o);", ({ sourceCode, id }) => {
      const use = id("o", "use(");
      expect(assignedOnce(use, sourceCode.getScope(use))).toBeUndefined();
    });
  });
});
