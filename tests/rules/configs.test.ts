// The configs as a user's eslint.config.js uses them: alone (they must lint TypeScript and JSX
// with nothing else installed), beside typescript-eslint's configs, and beside a project's own
// parser for other file types.
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import plugin, { FILES } from "../../rules/index.js";
import { fakeKey } from "../helpers/keys.js";

const configs = plugin.configs;
type Config = Linter.Config;
const key = fakeKey("openai-project", 7);
const code = `const client = { apiKey: "${key}" };\nexport default client;\n`;
const tsOnly = `${code}export type Id = string;\nexport const n = <T,>(x: T): T => x;\n`;
const tsx = `${tsOnly}export const el = <div title="x">{client.apiKey}</div>;\n`;

function lint(config: Config[], text: string, filename: string): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(text, config, filename);
}

describe("configs", () => {
  it("cover JavaScript and TypeScript files, with JSX", () => {
    for (const config of Object.values(configs)) expect(config.files).toEqual(["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"]);
    expect(FILES).toEqual(configs.recommended.files);
  });

  it.each(["app.ts", "app.tsx", "app.mts", "app.cts", "app.js", "app.jsx", "app.mjs", "app.cjs"])(
    "recommended alone lints %s (TypeScript syntax where the extension allows it) and masks the key",
    (file) => {
      const text = /\.tsx$/.test(file) ? tsx : /\.[mc]?ts$/.test(file) ? tsOnly : file.endsWith(".jsx") ? `${code}export const el = <div>{client.apiKey}</div>;\n` : code;
      const messages = lint([configs.recommended as Config], text, file);
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      expect(messages.map((m) => m.ruleId)).toContain("keyguard/no-hardcoded-key");
      for (const m of messages) expect(m.message).not.toContain(key);
    },
  );

  it("set the TypeScript parser for the files they cover, but disable-type-checked sets none", () => {
    for (const [name, config] of Object.entries(configs)) {
      const parser = (config as Config).languageOptions?.parser;
      expect(parser, name).toBe(name === "disable-type-checked" ? undefined : tsParser);
    }
  });

  it("leave files they do not cover (.vue, .svelte, .astro) to the project's parser", () => {
    let parsedBy = "";
    const ownParser = { meta: { name: "own-parser" }, parseForESLint: (text: string) => ((parsedBy = "own"), tsParser.parseForESLint(text, {})) };
    const config: Config[] = [configs.recommended as Config, { files: ["**/*.vue"], languageOptions: { parser: ownParser as Linter.Parser } }];
    lint(config, "const a = 1;\n", "App.vue");
    expect(parsedBy).toBe("own");
    // and the user turns the rules on there with the plugin and the config's rules (README)
    const onVue: Config[] = [...config, { files: ["**/*.vue"], plugins: { keyguard: plugin }, rules: configs.recommended.rules }];
    expect(lint(onVue, code, "App.vue").map((m) => m.ruleId)).toContain("keyguard/no-hardcoded-key");
  });

  it("work beside typescript-eslint's configs, before or after them", () => {
    const ts = tseslint.configs.recommended as Config[];
    for (const config of [[...ts, configs.recommended as Config], [configs.recommended as Config, ...ts]]) {
      const messages = lint(config, tsx, "app.tsx");
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      expect(messages.map((m) => m.ruleId)).toContain("keyguard/no-hardcoded-key");
    }
  });

  it("strict turns on the stricter options; recommended leaves them off", () => {
    expect(configs.recommended.rules["keyguard/require-secret-source"]).toBe("error");
    expect(configs.strict.rules["keyguard/require-secret-source"]).toEqual(["error", { strict: true }]);
    expect(configs.strict).not.toEqual({ ...configs.recommended, name: "keyguard/strict" });
    // the difference shows on code: a key of unknown origin passes recommended and fails strict
    const unknownOrigin = 'import OpenAI from "openai";\nexport function make(key: string) { return new OpenAI({ apiKey: key }); }\n';
    expect(lint([configs.recommended as Config], unknownOrigin, "app.ts")).toEqual([]);
    expect(lint([configs.strict as Config], unknownOrigin, "app.ts").map((m) => m.ruleId)).toEqual(["keyguard/require-secret-source"]);
  });

  it("all turns on every rule, with the strict options", () => {
    expect(Object.keys(configs.all.rules).sort()).toEqual(Object.keys(plugin.rules).map((r) => `keyguard/${r}`).sort());
    for (const [rule, setting] of Object.entries(configs.strict.rules)) expect(configs.all.rules[rule]).toEqual(setting);
  });
});
