import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../rules/index.js";
import { DOCS_BASE_URL } from "../../rules/utils.js";
import { VERSION } from "../../src/version.js";
import { fixturesDir } from "./rule-tester.js";

const root = new URL("../../", import.meta.url);
const ruleNames = Object.keys(plugin.rules);
const requiresTypes = (rule: string) =>
  (plugin.rules[rule.replace(/^keyguard\//, "") as keyof typeof plugin.rules]?.meta.docs as { requiresTypeChecking?: boolean } | undefined)?.requiresTypeChecking === true;

describe("plugin setup", () => {
  it("has meta with the plugin package's name, the version and the namespace", () => {
    const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: "eslint-plugin-keyguard", version: pkg.version, namespace: "keyguard" });
    expect(VERSION).toBe(pkg.version);
  });

  describe.each(ruleNames)("rule %s", (name) => {
    const rule = plugin.rules[name as keyof typeof plugin.rules];

    it("has a doc page with the generated header", () => {
      const page = new URL(`docs/rules/${name}.md`, root);
      expect(existsSync(page)).toBe(true);
      const text = readFileSync(page, "utf8");
      expect(text.startsWith(`# keyguard/${name}\n`)).toBe(true);
      expect(text).toContain("<!-- end auto-generated rule header -->");
      expect(text).toMatch(/## Options|This rule has no options/);
    });

    it("has a test file", () => {
      expect(existsSync(new URL(`tests/rules/${name}.test.ts`, root))).toBe(true);
    });

    it("points meta.docs.url at its page", () => {
      expect(rule.meta.docs?.url).toBe(`${DOCS_BASE_URL}${name}.md`);
    });

    it("has a description, a type, and a schema", () => {
      expect(rule.meta.docs?.description).toMatch(/^(Disallow|Require|Enforce) /);
      expect(["problem", "suggestion", "layout"]).toContain(rule.meta.type);
      expect(Array.isArray(rule.meta.schema)).toBe(true);
    });
  });

  describe.each(Object.entries(plugin.configs))("config %s", (name, config) => {
    it("is named keyguard/<name>", () => {
      expect(config.name).toBe(`keyguard/${name}`);
    });

    it("validates, and turns on only rules of this plugin", () => {
      for (const rule of Object.keys(config.rules ?? {})) {
        expect(ruleNames).toContain(rule.replace(/^keyguard\//, ""));
      }
      // Linter.verify throws on an invalid config (unknown rule, bad severity, bad options).
      // A config with a type-checked rule needs type information: it is checked on a file of the
      // fixture project, through the project service, as a user would run it.
      const typeChecked = Object.entries(config.rules ?? {}).some(([rule, severity]) => severity !== "off" && requiresTypes(rule));
      if (typeChecked) {
        const linter = new Linter({ configType: "flat", cwd: fixturesDir });
        const typed = { files: ["**/*.ts"], languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } } };
        const messages = linter.verify("const a = 1;\n", [typed as Linter.Config, config as Linter.Config], join(fixturesDir, "file.ts"));
        expect(messages).toEqual([]);
      } else {
        const linter = new Linter({ configType: "flat" });
        expect(() => linter.verify("const a = 1;", [config as Linter.Config])).not.toThrow();
      }
    });
  });

  it("puts every recommended rule in recommended-type-checked, and turns every type-checked rule off in disable-type-checked", () => {
    const typeChecked = plugin.configs["recommended-type-checked"].rules ?? {};
    const disabled = plugin.configs["disable-type-checked"].rules ?? {};
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const docs = rule.meta.docs as { recommended?: boolean; requiresTypeChecking?: boolean };
      expect(typeChecked[`keyguard/${name}`]).toBe(docs.recommended ? "error" : undefined);
      expect(disabled[`keyguard/${name}`]).toBe(docs.requiresTypeChecking ? "off" : undefined);
    }
    for (const rule of Object.keys(plugin.configs.recommended.rules ?? {})) expect(typeChecked[rule]).toBe("error");
    expect(Object.keys(disabled).length).toBeGreaterThan(0);
    // recommended and strict never need type information
    for (const rule of [...Object.keys(plugin.configs.recommended.rules ?? {}), ...Object.keys(plugin.configs.strict.rules ?? {})]) {
      expect(requiresTypes(rule)).toBe(false);
    }
  });

  it("lints a file without type information with recommended-type-checked followed by disable-type-checked", () => {
    const linter = new Linter({ configType: "flat" });
    const configs = [plugin.configs["recommended-type-checked"], plugin.configs["disable-type-checked"]] as Linter.Config[];
    const code = 'import { unsafeSecretString } from "keyguard/secret";\nexport const k = unsafeSecretString("a");';
    const messages = linter.verify(code, [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } } as Linter.Config, ...configs], "file.ts");
    expect(messages.map((m) => m.ruleId)).toEqual(["keyguard/no-secret-cast"]);
    // …and without disable-type-checked, the type-checked rule asks for type information
    expect(() => linter.verify(code, [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } } as Linter.Config, configs[0]!], "file.ts")).toThrow(/projectService/);
  });

  it("puts every recommended rule in recommended and strict, computed from rule meta", () => {
    const recommended = Object.keys(plugin.configs.recommended.rules ?? {});
    const strict = Object.keys(plugin.configs.strict.rules ?? {});
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const docs = rule.meta.docs as { recommended?: boolean; requiresTypeChecking?: boolean };
      if (docs.recommended && !docs.requiresTypeChecking) {
        expect(recommended).toContain(`keyguard/${name}`);
        expect(strict).toContain(`keyguard/${name}`);
      }
    }
  });
});
