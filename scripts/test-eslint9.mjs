#!/usr/bin/env node
// Runs the rule tests (tests/rules, but for the analyses' unit tests) again on ESLint 9, so that both supported majors stay green,
// with ESLint 9 (the `eslint9` devDependency) standing in for the locked ESLint through
// scripts/eslint9-preload.mjs. Nothing is installed or changed in node_modules.
// tests/rules/rule-tester.ts fails if the ESLint it loads is not the major KEYGUARD_ESLINT_MAJOR
// names. (The SDK-sources lint runs once, on ESLint 10: parsing is its whole cost.)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const version = JSON.parse(readFileSync(new URL("../node_modules/eslint9/package.json", import.meta.url), "utf8")).version;
if (!version.startsWith("9.")) throw new Error(`expected ESLint 9 in node_modules/eslint9, found ${version}`);
console.log(`rule tests on ESLint ${version}`);
const preload = `--import=${new URL("eslint9-preload.mjs", import.meta.url).href}`;
const env = { ...process.env, KEYGUARD_ESLINT_MAJOR: "9", NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${preload}`.trim() };
// The analyses' own unit tests (tests/rules/analysis) run on ESLint 10 only: on ESLint 9 every
// analysis is exercised through the rules that use it, whose tests all run here.
const { status } = spawnSync("npx", ["vitest", "run", "tests/rules", "--exclude", "tests/rules/analysis/**"], { stdio: "inherit", env });
process.exit(status ?? 1);
