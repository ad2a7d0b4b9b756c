// This repository must pass its own scan: no key-shaped string in any tracked file, found either
// by the detector over raw text (docs, configs, everything) or by the rules through ESLint.
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../rules/index.js";
import { detect } from "../src/detect/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter((f) => f && !f.endsWith("package-lock.json"));

describe("self-scan", () => {
  it("finds no key in any file of the repository (raw text)", () => {
    const found: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        if (statSync(`${root}${file}`).size > 2_000_000) continue;
        text = readFileSync(`${root}${file}`, "utf8");
      } catch {
        continue; // deleted in the working tree
      }
      for (const f of detect(text)) found.push(`${file}: ${f.providerName} ${f.masked}`);
    }
    expect(found).toEqual([]);
  });

  it("reports nothing when keyguard lints its own sources", async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        { ignores: ["dist/**", "node_modules/**", ".tmp/**", "tests/fixtures/**", "bench/.out/**"] },
        { files: ["**/*.ts", "**/*.tsx", "**/*.mts"], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
        plugin.configs.strict as Linter.Config,
        // as in eslint.config.js: the tests build SecretStrings from fake values on purpose
        { rules: { "keyguard/no-secret-cast": ["error", { allow: ["tests/**"] }] } },
        // and hand clients values of every origin to test the rules and the guard: strict's "origin
        // not shown" applies to the code that ships, the recommended checks to the tests
        { files: ["tests/**"], rules: { "keyguard/require-secret-source": ["error", { strict: false }] } },
      ],
    });
    const sources = files.filter((f) => /\.(m?[jt]sx?)$/.test(f) && !f.startsWith("tests/fixtures/"));
    const results = await eslint.lintFiles(sources);
    const messages = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });
});
