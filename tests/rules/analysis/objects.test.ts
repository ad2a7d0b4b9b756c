import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { memberValue, objectProperty, objectProps, objectReader, type ObjectReading } from "../../../rules/analysis/objects.js";
import { analyse, type Parsed } from "./analyse.js";

/** The argument of the last `use(…)`. */
const useArgument = (code: string, { find }: Parsed) => {
  const start = code.lastIndexOf("use(") + 4;
  return find((n) => n.range[0] === start && n.parent?.type === "CallExpression");
};

/** `name=value text` of every property of the argument of the last `use(…)`, or undefined. */
const propsAt = (code: string, reading: ObjectReading) =>
  analyse(code, (parsed) => {
    const props = objectProps(useArgument(code, parsed), objectReader(parsed.sourceCode, reading));
    return props && [...props].map(([name, p]) => `${name}=${parsed.sourceCode.getText(p.value)}`);
  });

describe("objectProps: what both readings agree on", () => {
  it.each([
    ["use({ a: 1, b: 2 });", ["a=1", "b=2"]],
    ["const o = { a: 1 }; use({ ...o, a: 2 });", ["a=2"]],
    ["const o = { a: 1, b: 2 }; use({ a: 0, ...o });", ["a=1", "b=2"]],
    ["use({ ...other, a: 1 });", ["a=1"]], // written after the spread: nothing replaces it
    ["use(Object.assign({}, { a: 1 }));", ["a=1"]],
    ["use(Object.assign({}, other, { a: 1 }));", ["a=1"]],
    ["use(Object.freeze({ a: 1 }));", ["a=1"]],
    ["use({ a: 1 } as const);", ["a=1"]],
    ['const K = "a"; use({ [K]: 1, ["b"]: 2 });', ["a=1", "b=2"]],
    ["use({ m() { return 1; } });", ["m=() { return 1; }"]],
    ["const C = { o: { a: 1 } }; use(C.o);", ["a=1"]],
    ['const K = "o"; const C = { o: { a: 1 } }; use(C[K]);', ["a=1"]],
    ["const B = { a: 1 }; const o = B; use({ ...o });", ["a=1"]],
    ["let o: any = {}; o.a = 1; o = other; use(o);", undefined],
    ["use(getOptions());", undefined],
    ["use([1, 2]);", undefined],
    ["const Object = lib; use(Object.freeze({ a: 1 }));", undefined], // not the global Object
  ])("%s", (code, expected) => {
    expect(propsAt(code, "lenient")).toEqual(expected);
    expect(propsAt(code, "sound")).toEqual(expected);
  });
});

describe("objectProps: where the readings differ", () => {
  it.each([
    // a spread, a source or a computed name the file does not determine
    ["use({ a: 1, ...other });", ["a=1"], []],
    ["const B = { ...other }; use({ a: 1, ...B });", ["a=1"], []],
    ["use({ a: 1, ...other, b: 2 });", ["a=1", "b=2"], ["b=2"]],
    ["use(Object.assign({ a: 1 }, other));", ["a=1"], []],
    ["use(Object.assign({ a: 1 }, ...others));", ["a=1"], []],
    ['const K = "a"; use({ b: 2, [K]: 1, [k]: 3 });', ["b=2", "a=1"], []],
    ["use({ [k]: 3, b: 2 });", ["b=2"], ["b=2"]],
    // accessors
    ["use({ get a() { return 1; }, set b(v: number) {}, c: 3 });", ["a=() { return 1; }", "c=3"], ["c=3"]],
    // writes after the object was created
    ["const o = { a: 1 }; o.a = 3; use(o);", ["a=3"], []],
    ["const o: any = {}; o.a = 1; o['b'] = 2; use(o);", ["a=1", "b=2"], []],
    ["const o: any = { a: 1 }; use(o); o.a = 3;", ["a=1"], []],
    ["const o: any = { a: 1, b: 2 }; (o as any).a = 3; use(o);", ["a=3", "b=2"], ["b=2"]],
    ['const o = { a: "x", b: 2 }; o.a += "y"; use(o);', ['a="x"', "b=2"], ["b=2"]],
    ["const o = { a: 1, b: 2 }; o.a++; use(o);", ["a=1", "b=2"], ["b=2"]],
    ["const o: any = { a: 1, b: 2 }; delete o.a; use(o);", ["a=1", "b=2"], ["b=2"]],
    ["const o = { a: { x: 1 }, b: 2 }; o.a.x = 3; use(o);", ["a={ x: 1 }", "b=2"], ["b=2"]],
    ["const o: any = { a: 1 }; o[k] = 3; use(o);", ["a=1"], []],
    ["const o = getBase(); o.a = 1; use(o);", ["a=1"], undefined],
    // Object.assign into a bound object
    ["const o = {}; Object.assign(o, { a: 1 }, { b: 2 }); use(o);", ["a=1", "b=2"], []],
    ["const o = { a: 1, b: 2 }; Object.assign(o, { a: 3 }); use(o);", ["a=3", "b=2"], ["b=2"]],
    ["const o = { a: 1, b: 2 }; Object.assign(o, other); use(o);", ["a=1", "b=2"], []],
  ])("%s", (code, lenient, sound) => {
    expect(propsAt(code, "lenient")).toEqual(lenient);
    expect(propsAt(code, "sound")).toEqual(sound);
  });

  it("reads the writes into one object the same way, whichever reading comes first", () => {
    const code = "const o: any = { a: 1, b: 2 }; o.a = 3; use(o);";
    const both = (first: ObjectReading, second: ObjectReading) =>
      analyse(code, (parsed) => {
        const arg = useArgument(code, parsed);
        const names = (reading: ObjectReading) => [...(objectProps(arg, objectReader(parsed.sourceCode, reading))?.keys() ?? [])];
        return [names(first), names(second)];
      });
    expect(both("lenient", "sound")).toEqual([["a", "b"], ["b"]]);
    expect(both("sound", "lenient")).toEqual([["b"], ["a", "b"]]);
  });
});

describe("objectProps: where a property was reached (via)", () => {
  const viaOf = (code: string, name: string) =>
    analyse(code, (parsed) => {
      const prop = objectProps(useArgument(code, parsed), objectReader(parsed.sourceCode, "lenient"))?.get(name);
      return prop && (prop.via ? parsed.sourceCode.getText(prop.via) : undefined);
    });

  it.each([
    ["use({ a: 1 });", "a", undefined],
    ["const o = { a: 1 }; use(o);", "a", "o"],
    ["const o = { a: 1 }; use({ ...o });", "a", "...o"],
    ["const o: any = {}; o.a = 1; use(o);", "a", "o"],
    ["const C = { o: { a: 1 } }; use(C.o);", "a", "C.o"],
  ])("%s: %s", (code, name, expected) => {
    expect(viaOf(code, name)).toBe(expected);
  });
});

describe("objectProperty and memberValue", () => {
  const propertyAt = (code: string, name: string, reading: ObjectReading) =>
    analyse(code, (parsed) => {
      const prop = objectProperty(useArgument(code, parsed), name, objectReader(parsed.sourceCode, reading));
      return prop && parsed.sourceCode.getText(prop.value);
    });
  const memberAt = (code: string, reading: ObjectReading) =>
    analyse(code, (parsed) => {
      const value = memberValue(useArgument(code, parsed) as TSESTree.MemberExpression, objectReader(parsed.sourceCode, reading));
      return value && parsed.sourceCode.getText(value);
    });

  it.each([
    ["use({ a: 1, b: 2 });", "b", "2", "2"],
    ["use({ a: 1, ...other });", "a", "1", undefined],
    ["use({ ...other, a: 1 });", "a", "1", "1"],
    ["const o = { a: 1 }; o.a = 2; use(o);", "a", "2", undefined],
    ["use({ a: 1 });", "b", undefined, undefined],
  ])("objectProperty %s %s", (code, name, lenient, sound) => {
    expect(propertyAt(code, name, "lenient")).toBe(lenient);
    expect(propertyAt(code, name, "sound")).toBe(sound);
  });

  it.each([
    ['const C = { keys: { head: "h" } }; use(C.keys.head);', '"h"', '"h"'],
    ['const K = "head"; const P = { head: "h" }; use(P[K]);', '"h"', '"h"'],
    ['const P = { head: "h" }; use(P[k]);', undefined, undefined],
    ['const P = Object.freeze({ head: "h", ...other }); use(P.head);', '"h"', undefined],
    ['const P: any = { head: "h" }; P.head = "i"; use(P.head);', '"i"', undefined],
    ['const P = { head: "h" }; use(load().head);', undefined, undefined],
  ])("memberValue %s", (code, lenient, sound) => {
    expect(memberAt(code, "lenient")).toBe(lenient);
    expect(memberAt(code, "sound")).toBe(sound);
  });
});

describe("bounds", () => {
  it("ends on objects that write themselves into themselves", () => {
    const code = `const o: any = { a: 1 }; ${"Object.assign(o, o, o, o, o); ".repeat(8)}use(o);`;
    expect(propsAt(code, "lenient")).toEqual(["a=1"]);
    expect(propsAt(code, "sound")).toEqual([]);
  });

  it("ends on long chains of names", () => {
    const chain = Array.from({ length: 30 }, (_, i) => `const a${i + 1} = a${i};`).join(" ");
    expect(propsAt(`const a0 = { a: 1 }; ${chain} use(a30);`, "lenient")).toBeUndefined();
    expect(propsAt(`const a0 = { a: 1 }; ${chain} use(a3);`, "sound")).toEqual(["a=1"]);
  });

  it("reads the first writes into an object with very many", () => {
    const writes = Array.from({ length: 70 }, (_, i) => `o.p${i} = ${i};`).join(" ");
    const lenient = propsAt(`const o: any = {}; ${writes} use(o);`, "lenient");
    expect(lenient).toHaveLength(64);
    expect(propsAt(`const o: any = { a: 1 }; ${writes} use(o);`, "sound")).toEqual([]);
  });
});
