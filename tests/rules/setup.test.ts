import { existsSync, readFileSync } from "node:fs";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../rules/index.js";
import { DOCS_BASE_URL } from "../../rules/utils.js";
import { VERSION } from "../../src/version.js";

const root = new URL("../../", import.meta.url);
const ruleNames = Object.keys(plugin.rules);

describe("plugin setup", () => {
  it("has meta with the package's name and version", () => {
    const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version });
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
      const linter = new Linter({ configType: "flat" });
      expect(() => linter.verify("const a = 1;", [config as Linter.Config])).not.toThrow();
    });
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
