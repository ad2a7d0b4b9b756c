/**
 * require-secret-source over the TypeScript the SDKs themselves ship (`src/**.ts` and the
 * `.d.ts` / `.d.mts` declarations of `openai`, `@anthropic-ai/sdk` and `ai`): real code full of
 * `apiKey` options, key functions and header handling, on which the rule must report nothing.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../rules/index.js";

const modules = fileURLToPath(new URL("../../node_modules/", import.meta.url));
const TS_FILE = /\.(?:d\.)?[mc]?ts$/;

/** The TypeScript files of a package, without nested node_modules; twins (`.d.ts`/`.d.mts`) once. */
function typescriptFiles(pkg: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") walk(path);
      } else if (TS_FILE.test(entry.name)) {
        // `.d.mts` twins of `.d.ts` files differ only in import extensions (`./x.mjs` vs `./x.js`).
        const text = readFileSync(path, "utf8").replace(/\.m?js(["'])/g, "$1");
        const hash = createHash("sha1").update(text).digest("hex");
        if (seen.has(hash)) continue;
        seen.add(hash);
        out.push(path);
      }
    }
  };
  walk(join(modules, pkg));
  return out;
}

describe.each(["openai", "@anthropic-ai/sdk", "ai"])("require-secret-source on the sources shipped in %s", (pkg) => {
  it("reports nothing", () => {
    const files = typescriptFiles(pkg);
    // The packages ship their TypeScript sources and declarations: hundreds of files each.
    expect(files.length).toBeGreaterThan(200);
    const linter = new Linter({ configType: "flat" });
    const config: Linter.Config[] = [
      {
        files: ["**/*.ts", "**/*.mts", "**/*.cts"],
        languageOptions: { parser: tsParser },
        plugins: { keyguard: plugin as never },
        rules: { "keyguard/require-secret-source": "error" },
      },
    ];
    const reports: string[] = [];
    let parsed = 0;
    for (const file of files) {
      // A name inside the project (ESLint ignores node_modules and files outside its base path).
      const name = `sdk-sources/${relative(modules, file)}`;
      const messages = linter.verify(readFileSync(file, "utf8"), config, name);
      const fatal = messages.find((m) => m.fatal);
      if (fatal || messages.some((m) => !m.ruleId)) throw new Error(`${file}: ${(fatal ?? messages[0])!.message}`);
      parsed++;
      for (const m of messages) reports.push(`${file}:${m.line}: ${m.message}`);
    }
    expect(parsed).toBe(files.length);
    expect(reports).toEqual([]);
  }, 180_000);
});
