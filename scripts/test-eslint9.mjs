#!/usr/bin/env node
// Runs the rule tests again on ESLint 9, so that both supported majors stay green.
// ESLint 9 is installed without saving (package.json and the lock file are untouched), the rule
// tests run, and the locked ESLint is put back whatever the outcome.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const ESLINT9 = "9.39.5";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8"));
const locked = lock.packages["node_modules/eslint"].version;

// npm's progress lines would bury the test summary: keep its errors only.
const run = (args) => execFileSync(npm, args, { stdio: ["ignore", "ignore", "inherit"] });
let status = 1;
try {
  run(["install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", `eslint@${ESLINT9}`]);
  const version = JSON.parse(readFileSync(new URL("../node_modules/eslint/package.json", import.meta.url), "utf8")).version;
  if (!version.startsWith("9.")) throw new Error(`expected ESLint 9 in node_modules, found ${version}`);
  console.log(`\nrule tests on ESLint ${version}`);
  status = spawnSync("npx", ["vitest", "run", "tests/rules", "tests/bench/sdk-sources"], { stdio: "inherit", env: { ...process.env, KEYGUARD_ESLINT_MAJOR: "9" } }).status ?? 1;
} finally {
  run(["install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", `eslint@${locked}`]);
}
process.exit(status);
