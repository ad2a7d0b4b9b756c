// The real-code run (`npm run bench:real` lints every file) on a deterministic sample of the
// sources shipped by openai, @anthropic-ai/sdk, groq-sdk and ai, and require-secret-source on their
// TypeScript: the files each check covers (linted once, in shards: tests/bench/sdk-sources.ts), and
// the run itself on files with a key and a parse error.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { lintSources, PACKAGES, packageRoot, type SourceFile } from "../../bench/sources.js";
import { fakeKey } from "../helpers/keys.js";
import { NO_HARDCODED_KEY, packageSources, SHARDS, shardTargets, TYPED_PACKAGES, TYPESCRIPT_RULES } from "./sdk-sources.js";

describe("real code: the SDKs' shipped sources", () => {
  const packages = PACKAGES.map(packageSources);

  it.each(packages.map((p) => [p.name, p] as const))("%s: ships .ts, .d.ts and .js sources, sampled one in six", (_, p) => {
    expect(p.all.length).toBeGreaterThan(50);
    expect(p.all.some((f) => /\.d\.m?ts$/.test(f.path))).toBe(true);
    expect(p.all.some((f) => /\.m?js$/.test(f.path))).toBe(true);
    expect(p.sampled.length).toBeGreaterThan(5);
  });

  it.each(TYPED_PACKAGES)("%s: hundreds of TypeScript files for require-secret-source", (name) => {
    const p = packages.find((q) => q.name === name)!;
    expect(p.typescript.length).toBeGreaterThan(200);
    expect(p.typescript.every((f) => /\.[mc]?ts$/.test(f.path))).toBe(true);
  });

  it("the shards lint every sampled file with no-hardcoded-key and every TypeScript file with the client and exposure rules, each once", () => {
    const shardFiles = readdirSync(fileURLToPath(new URL(".", import.meta.url))).filter((f) => /^sdk-sources\.shard\d+\.test\.ts$/.test(f));
    expect(shardFiles.sort()).toEqual(Array.from({ length: SHARDS }, (_, i) => `sdk-sources.shard${i + 1}.test.ts`).sort());
    const linted = new Map<string, string[]>();
    for (let shard = 1; shard <= SHARDS; shard++) {
      const targets = shardTargets(packages, shard);
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) linted.set(t.file.absolute, [...(linted.get(t.file.absolute) ?? []), ...t.rules]);
    }
    const expected = new Map<string, string[]>();
    for (const p of packages) {
      for (const f of p.sampled) expected.set(f.absolute, [NO_HARDCODED_KEY]);
      for (const f of p.typescript) expected.set(f.absolute, [...(expected.get(f.absolute) ?? []), ...TYPESCRIPT_RULES]);
    }
    expect(linted).toEqual(expected);
  });

  const dir = mkdtempSync(join(tmpdir(), "keyguard-real-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the same run reports a key and a parse error, masked", () => {
    const key = fakeKey("openai-project", 5);
    const files: SourceFile[] = [
      { packageName: "fixture", path: "client.ts", absolute: join(dir, "client.ts") },
      { packageName: "fixture", path: "broken.mjs", absolute: join(dir, "broken.mjs") },
    ];
    writeFileSync(files[0]!.absolute, `export const client = new OpenAI({ apiKey: "${key}" });\n`);
    writeFileSync(files[1]!.absolute, "export const = ;\n");
    const result = lintSources(files);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatch(/^fixture\/client\.ts:1:\d+ Hardcoded OpenAI project key \(sk-proj-…/);
    expect(result.findings[0]).not.toContain(key.slice(-12));
    expect(result.parseErrors).toHaveLength(1);
  });

  it("names a package that is not installed", () => {
    expect(() => packageRoot("keyguard-no-such-package")).toThrow(/package "keyguard-no-such-package" is not installed/);
  });
});
