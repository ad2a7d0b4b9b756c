/**
 * no-browser-secret and no-secret-in-logs over the TypeScript sources that `openai` and
 * `@anthropic-ai/sdk` ship (`src/**.ts`): real client code full of `apiKey` handling, browser
 * detection, `dangerouslyAllowBrowser` plumbing, loggers and error messages, on which neither rule
 * may report anything (the SDKs never print or ship a key).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../rules/index.js";

const modules = fileURLToPath(new URL("../../node_modules/", import.meta.url));

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

describe.each(["openai", "@anthropic-ai/sdk"])("exposure rules on the sources shipped in %s", (pkg) => {
  it("report nothing", () => {
    const files = sources(join(modules, pkg, "src"));
    expect(files.length).toBeGreaterThan(200);
    const linter = new Linter({ configType: "flat" });
    const config: Linter.Config[] = [
      {
        files: ["**/*.ts"],
        languageOptions: { parser: tsParser },
        plugins: { keyguard: plugin as never },
        rules: { "keyguard/no-browser-secret": "error", "keyguard/no-secret-in-logs": "error" },
        linterOptions: { reportUnusedDisableDirectives: "off" },
      },
    ];
    const reports: string[] = [];
    for (const file of files) {
      const messages = linter.verify(readFileSync(file, "utf8"), config, `sdk-sources/${relative(modules, file)}`);
      const fatal = messages.find((m) => m.fatal || !m.ruleId);
      if (fatal) throw new Error(`${file}: ${fatal.message}`);
      for (const m of messages) reports.push(`${file}:${m.line}: ${m.message}`);
    }
    expect(reports).toEqual([]);
  }, 300_000);
});
