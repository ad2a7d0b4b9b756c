/**
 * The within-file flow (rules/analysis/flow.ts), through a probe rule: `SRC` (a global) and
 * `ENV.SECRET_*` are sources, `clean(…)` cleans, and every `sink(x)` reports what `x` carries.
 */
import tsParser from "@typescript-eslint/parser";
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { createFlow, isGlobalName } from "../../../rules/analysis/flow.js";

const probe = ESLintUtils.RuleCreator.withoutDocs<[], "found">({
  meta: { type: "problem", messages: { found: "{{what}}" }, schema: [] },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const flow = createFlow<"src" | "env">(sourceCode, {
      source: (node) =>
        node.type === AST_NODE_TYPES.Identifier && node.name === "SRC" && isGlobalName(sourceCode, node) ? { kind: "src", node } : undefined,
      sourceProperty: (object, name, read) =>
        object.type === AST_NODE_TYPES.Identifier && object.name === "ENV" && name.startsWith("SECRET") ? { kind: "env", node: read, label: name } : undefined,
      sanitizer: (call) => call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === "clean",
    });
    return {
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== "sink") return;
        const found = flow.trace(node.arguments[0]!);
        const what = found ? `${found.kind}${found.label ? `:${found.label}` : ""}@${sourceCode.getText(found.node)}` : "none";
        context.report({ node, messageId: "found", data: { what } });
      },
    };
  },
});

function traced(code: string): string[] {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(code, [{ files: ["**/*.ts"], languageOptions: { parser: tsParser }, plugins: { p: { rules: { probe } } } as never, rules: { "p/probe": "error" } }], "f.ts");
  for (const m of messages) if (m.fatal) throw new Error(m.message);
  return messages.map((m) => m.message);
}

describe("flow", () => {
  it.each([
    ["sink(SRC);", "src@SRC"],
    ["sink(`a ${SRC} b`);", "src@SRC"],
    ['sink("a" + SRC);', "src@SRC"],
    ["sink(x ?? SRC);", "src@SRC"],
    ["sink(c ? 1 : SRC);", "src@SRC"],
    ["sink(await SRC);", "src@SRC"],
    ["sink(SRC as string);", "src@SRC"],
    ["sink({ a: { b: [SRC] } });", "src@SRC"],
    ["sink([...[SRC]]);", "src@SRC"],
    ["const a = SRC;\nconst b = a;\nsink(b);", "src@SRC"],
    ["let a;\na = SRC;\nsink(a);", "src@SRC"],
    ['let a = "x";\na += SRC;\nsink(a);', "src@SRC"],
    ["const o = { k: SRC };\nsink({ ...o });", "src@SRC"],
    ["const o = { k: SRC, m: 1 };\nsink(o.k);", "src@SRC"],
    ['const o = { k: SRC };\nsink(o["k"]);', "src@SRC"],
    ["const { k } = { k: SRC };\nsink(k);", "src@SRC"],
    ["const { a: { b } } = { a: { b: SRC } };\nsink(b);", "src@SRC"],
    ["const [x] = [SRC];\nsink(x);", "src@SRC"],
    ["const { ...rest } = { k: SRC };\nsink(rest);", "src@SRC"],
    ["sink(String(SRC).trim().toUpperCase());", "src@SRC"],
    ['sink("a".concat(SRC));', "src@SRC"],
    ["sink(JSON.stringify({ SRC }));", "src@SRC"],
    ["sink(Object.entries({ k: SRC }));", "src@SRC"],
    ["sink(new URL(`https://x/?k=${SRC}`));", "src@SRC"],
    ["sink(ENV.SECRET_KEY);", "env:SECRET_KEY@ENV.SECRET_KEY"],
    ["const { SECRET_TOKEN } = ENV;\nsink(SECRET_TOKEN);", "env:SECRET_TOKEN@SECRET_TOKEN"],
    // a spread of an object the file does not know is followed as a whole (here: ENV, no source by itself)
    ["const o = { ...ENV };\nsink(o.SECRET_X);", "none"],
  ])("%s → %s", (code, expected) => {
    expect(traced(code)).toEqual([expected]);
  });

  it.each([
    "sink(clean(SRC));",
    "sink(`${clean(SRC)}`);",
    "sink(!!SRC);",
    "sink(SRC.length);",
    "sink(SRC === x);",
    "sink(SRC && 'set');",
    "sink(SRC ? 'set' : 'unset');",
    "sink(other(SRC));", // results of other calls carry nothing
    "sink(SRC.slice(0, 4));",
    "const o = { k: SRC, m: 1 };\nsink(o.m);",
    "function f(SRC: string) { sink(SRC); }", // a parameter that shadows the global
    "sink(ENV.PORT);",
    "const a = 1;\nsink(a);",
    "sink(xs.map((x) => SRC));",
  ])("%s → none", (code) => {
    expect(traced(code)).toEqual(["none"]);
  });

  it("stops on cycles and deep nesting", () => {
    expect(traced("let a = b;\nlet b = a;\nsink(a);")).toEqual(["none"]);
    expect(traced("let a = 1;\na = a + SRC;\nsink(a);")).toEqual(["src@SRC"]);
    const deep = `sink(${"[".repeat(200)}SRC${"]".repeat(200)});`;
    expect(traced(deep)).toEqual(["none"]); // beyond the depth bound: not followed, no crash
    const chain = Array.from({ length: 100 }, (_, i) => `const v${i + 1} = v${i};`).join("\n");
    expect(traced(`const v0 = SRC;\n${chain}\nsink(v100);`)).toEqual(["none"]);
    expect(traced(`const v0 = SRC;\n${chain}\nsink(v5);`)).toEqual(["src@SRC"]);
  });
});
