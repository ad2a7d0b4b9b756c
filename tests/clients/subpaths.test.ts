// Every subpath an SDK's package.json exports that re-exports a catalog client must be in the
// catalog's `modules`: derived from the installed packages, so that an SDK version that adds one
// (`openai/client`, `@google/genai/node`) fails here until the catalog knows it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CLIENTS, moduleMatches } from "../../src/clients/catalog.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The package.json of an installed package (found from its node_modules folder: not every package exports it). */
function manifestPath(pkg: string): string {
  return join(ROOT, "node_modules", ...pkg.split("/"), "package.json");
}

/** The subpaths of `pkg`'s `exports` that name one file (no `*` pattern), as import specifiers. */
function subpathSpecifiers(pkg: string): string[] {
  const manifest = JSON.parse(readFileSync(manifestPath(pkg), "utf8")) as { exports?: unknown };
  const exports = manifest.exports;
  if (!exports || typeof exports !== "object" || Array.isArray(exports)) return [];
  return Object.keys(exports)
    .filter((k) => k.startsWith("./") && !k.includes("*") && !k.endsWith(".json"))
    .map((k) => `${pkg}/${k.slice(2)}`);
}

// Packages not installed here (firebase, supabase) have nothing to derive from.
const packages = [...new Set(CLIENTS.flatMap((c) => c.modules).filter((m) => !m.includes("*")))].filter((m) => existsSync(manifestPath(m)));

describe("SDK subpath exports", () => {
  it("finds the installed SDKs", () => {
    expect(packages).toEqual(expect.arrayContaining(["openai", "@anthropic-ai/sdk", "@google/genai"]));
  });

  it.each(packages)("%s: every subpath that re-exports a catalog client is in the catalog", async (pkg) => {
    const root = (await import(pkg)) as Record<string, unknown>;
    const missing: string[] = [];
    for (const specifier of subpathSpecifiers(pkg)) {
      let sub: Record<string, unknown>;
      try {
        sub = (await import(specifier)) as Record<string, unknown>;
      } catch {
        continue; // a subpath for another runtime or bundler condition
      }
      for (const client of CLIENTS) {
        if (!client.modules.some((m) => moduleMatches(m, pkg))) continue;
        const reexported = client.exports.some((name) => !name.includes("*") && sub[name] !== undefined && sub[name] === root[name]);
        if (reexported && !client.modules.some((m) => moduleMatches(m, specifier))) missing.push(`${client.id}: ${specifier}`);
      }
    }
    expect(missing).toEqual([]);
  }, 60_000);
});
