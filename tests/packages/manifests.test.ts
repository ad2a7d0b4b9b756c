// The dependency ranges: what users install resolves cleanly beside their own typescript-eslint,
// ESLint and TypeScript, and what contributors install supports the Node version the README names.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const semver = createRequire(import.meta.url)("semver") as { satisfies(version: string, range: string): boolean; minVersion(range: string): { version: string } };
const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const root = read("package.json");
const plugin = read("packages/eslint-plugin-keyguard/package.json");
const runtime = read("packages/keyguard/package.json");
const lock = read("package-lock.json") as { packages: Record<string, { version: string; engines?: { node?: string } | string[] }> };
const minNode = semver.minVersion(root.engines.node).version;

describe("package manifests", () => {
  it("keep every @typescript-eslint package (and typescript-eslint) at one exact version in devDependencies", () => {
    const versions = Object.entries(root.devDependencies as Record<string, string>).filter(([name]) => /^(@typescript-eslint\/|typescript-eslint$)/.test(name));
    expect(versions.length).toBeGreaterThan(2);
    const [[, first]] = versions as [[string, string]];
    expect(first).toMatch(/^\d+\.\d+\.\d+$/);
    for (const [name, version] of versions) expect(version, name).toBe(first);
    expect(root.dependencies).toBeUndefined();
  });

  it("give eslint-plugin-keyguard caret ranges of the tested versions, and typescript-eslint's TypeScript range", () => {
    for (const [name, range] of Object.entries(plugin.dependencies as Record<string, string>)) expect(range).toBe(`^${root.devDependencies[name]}`);
    const parser = read("node_modules/@typescript-eslint/parser/package.json");
    expect(plugin.peerDependencies.typescript).toBe(parser.peerDependencies.typescript);
    expect(plugin.peerDependenciesMeta.typescript.optional).toBe(true);
    // the ESLint versions the rule tests run on (package.json and scripts/test-eslint9.mjs)
    expect(plugin.peerDependencies.eslint).toBe("^9.15.0 || ^10.0.0");
    expect(semver.satisfies(root.devDependencies.eslint, plugin.peerDependencies.eslint)).toBe(true);
  });

  it("give keyguard no dependency, and the plugin only as an optional peer", () => {
    expect(runtime.dependencies).toBeUndefined();
    expect(Object.keys(runtime.peerDependencies)).toEqual(["eslint-plugin-keyguard"]);
    expect(runtime.peerDependenciesMeta["eslint-plugin-keyguard"].optional).toBe(true);
  });

  it(`lock only packages that support Node ${minNode} (a quiet npm ci: no EBADENGINE)`, () => {
    const unsupported = Object.entries(lock.packages)
      .filter(([path, info]) => path !== "" && typeof info.engines === "object" && !Array.isArray(info.engines) && info.engines.node)
      .filter(([, info]) => !semver.satisfies(minNode, (info.engines as { node: string }).node))
      .map(([path, info]) => `${path.replace(/^.*node_modules\//, "")}@${info.version} (${(info.engines as { node: string }).node})`);
    expect(unsupported).toEqual([]);
  });
});
