// The real-code run (`npm run bench:real` lints every file) on a deterministic sample of the
// sources shipped by openai, @anthropic-ai/sdk, groq-sdk and ai: no finding, no parse error.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintSources, PACKAGES, packageRoot, sample, shippedSources, type SourceFile } from "../../bench/sources.js";
import { fakeKey } from "../helpers/keys.js";

/** One file in six: about 800 files, a few seconds per package. */
const STEP = 6;

describe("real code: the SDKs' shipped sources", () => {
  it.each(PACKAGES)("%s: no finding in a sample of its sources", (name) => {
    const files = shippedSources(name);
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => /\.d\.m?ts$/.test(f.path))).toBe(true);
    expect(files.some((f) => /\.m?js$/.test(f.path))).toBe(true);
    const result = lintSources(sample(files, STEP, 1));
    expect(result.parseErrors).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.files).toBeGreaterThan(5);
  }, 60_000);

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
