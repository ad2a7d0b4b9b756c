// Bad and unusual input: malformed options, non-string literal values, huge files, BOM, CRLF,
// and each parser keyguard meets (espree for .js/.jsx, @typescript-eslint/parser for .ts/.tsx).
// The outcome is a clear error or a correct result, never a crash or a silent pass.
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../rules/index.js";
import { createDetector, DetectorOptionError, mask } from "../../src/detect/index.js";
import { fakeKey, j } from "../helpers/keys.js";
import { lint, revealsKey, untypedRules } from "./lint.js";

const RULE = "keyguard/no-hardcoded-key";
const key = fakeKey("openai-project", 41);

function lintWith(code: string, ruleConfig: Linter.RuleEntry, filename = "input.ts", rule = RULE) {
  const linter = new Linter();
  return linter.verify(
    code,
    [
      {
        files: ["**/*.ts", "**/*.js"],
        languageOptions: filename.endsWith(".ts") ? { parser: tsParser } : {},
        plugins: { keyguard: plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
        rules: { [rule]: ruleConfig },
      },
    ],
    { filename },
  );
}

describe("malformed options", () => {
  it.each(Object.keys(plugin.rules))("keyguard/%s rejects an unknown option with ESLint's configuration error", (name) => {
    expect(() => lintWith("export {};", ["error", { "not-an-option": true }], "input.ts", `keyguard/${name}`)).toThrow(
      new RegExp(`Key "keyguard/${name}":[^]*not-an-option`),
    );
  });

  it.each([
    ["a wrong type", { checkComments: "yes" }],
    ["an extra pattern without a name", { extraPatterns: [{ pattern: "x" }] }],
    ["an empty allow entry", { allow: [""] }],
    ["allow flags that are not flags", { allow: [{ pattern: "x", flags: "gq" }] }],
    ["an env var that is not an identifier", { extraPatterns: [{ name: "corp", pattern: "x", envVar: "NOT-VALID" }] }],
  ])("no-hardcoded-key rejects %s (schema)", (_, options) => {
    expect(() => lintWith("export {};", ["error", options])).toThrow(/Key "rules": Key "keyguard\/no-hardcoded-key":\s+\S/);
  });

  it.each([
    ["an invalid extra pattern", { extraPatterns: [{ name: "corp", pattern: j("(", "unclosed") }] }, /extraPatterns\[0\] \("corp"\): pattern is not a valid regular expression/],
    ["an extra pattern that matches the empty string", { extraPatterns: [{ name: "corp", pattern: "x*" }] }, /extraPatterns\[0\] \("corp"\): pattern matches the empty string/],
    ["an invalid allow pattern", { allow: [{ pattern: j("[", "z-a]") }] }, /allow\[0\]: pattern is not a valid regular expression/],
  ])("no-hardcoded-key names the option and the cause for %s", (_, options, message) => {
    expect(() => lintWith(`export const k = "${key}";`, ["error", options])).toThrow(message);
  });

  it("the detector raises DetectorOptionError, never a bare SyntaxError", () => {
    expect(() => createDetector({ extraPatterns: [{ name: "corp", pattern: j("(", "x") }] })).toThrow(DetectorOptionError);
    expect(() => createDetector({ allow: [{ pattern: j("(", "x") }] })).toThrow(DetectorOptionError);
  });
});

describe("non-string literal values", () => {
  it("numbers, bigints, regexes, null, booleans and numeric templates are skipped without error", () => {
    const code = [
      "export const a = 12345678901234567890123456789012345678901234567890;",
      "export const b = 1234567890123456789012345678901234567890n;",
      "export const c = /sk-proj-[A-Za-z0-9]{40,}T3BlbkFJ/u;",
      "export const d = null, e = true, f = undefined;",
      "export const g = `${1}${2n}${null}`;",
      "export const h = 1 + 2 + 3n.toString().length;",
      "export const i = 'x' + 1 + null + /re/ + 2n;",
      "export const k = { 1: 2, [3]: 4, apiKey: 5, token: 1e21 };",
      "export const l = -0x1fffffffffffff;",
      "export const m = <const T,>(v: T) => v;",
    ].join("\n");
    expect(lint(code, "input.ts")).toEqual([]);
  });
});

describe("unusual input", () => {
  it("a 1.5 MB file with a key at its end", () => {
    const statements = Array.from({ length: 4_000 }, (_, i) => `export const v${i} = "value number ${i}";`);
    const prose = Array.from({ length: 20_000 }, (_, i) => ` * line ${i}: sk- AKIA ghp_ -----BEGIN notes, nothing secret here`);
    const code = `${statements.join("\n")}\n/*\n${prose.join("\n")}\n */\nexport const last = "${key}";\n`;
    expect(code.length).toBeGreaterThan(1_400_000);
    const messages = lint(code, "input.ts", [RULE]);
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([[RULE, 4_000 + 20_000 + 3]]);
    expect(revealsKey(JSON.stringify(messages), key)).toBe(false);
  });

  it("a BOM and CRLF line ends: reports at the right lines and columns, in code and comments", () => {
    const code = `\uFEFF// header\r\n/*\r\n  rotated: ${key}\r\n*/\r\nexport const k =\r\n  "${key}";\r\n`;
    const messages = lint(code, "input.ts", [RULE]);
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ["keyInComment", 3, 12],
      ["hardcodedKey", 6, 3],
    ]);
    expect(messages.every((m) => m.message.includes(mask(key)))).toBe(true);
  });

  it.each([
    ["input.js", `module.exports = { key: "${key}" };`],
    ["input.jsx", `export const el = <Client apiKey="${key}" />;`],
    ["input.mjs", `export default \`Bearer ${key}\`;`],
    ["input.ts", `export const k: string = "${key}" as const satisfies string;`],
    ["input.tsx", `export const el = <Client<string> apiKey={"${key}"} />;`],
    ["input.mts", `export const k = ${JSON.stringify(key.slice(0, 10))} + ${JSON.stringify(key.slice(10))};`],
  ])("%s: found with its parser (espree for JS, @typescript-eslint/parser for TS)", (filename, code) => {
    const messages = lint(code, filename);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(messages.filter((m) => m.ruleId === RULE)).toHaveLength(1);
  });

  it("TypeScript syntax given to espree is a parse error, not a crash", () => {
    const messages = lint(`export const k: string = "${key}";`, "input.js");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.fatal).toBe(true);
    expect(revealsKey(JSON.stringify(messages), key)).toBe(false);
  });

  it("every untyped rule survives lone surrogates, NUL bytes and very long lines", () => {
    const code = [
      'export const a = "\\uD800 sk-\\u0000proj-";',
      `export const b = "${"\\uDFFF".repeat(50)}";`,
      `export const c = "${"x".repeat(200_000)}";`,
      `// ${"\u2028".repeat(10)}`,
      "export const d = `\\u{10FFFF}${a}`;",
    ].join("\n");
    expect(lint(code, "input.ts", untypedRules).filter((m) => m.fatal)).toEqual([]);
  });
});
