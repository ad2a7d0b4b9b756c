// The README's main command ends in `node examples/demo.mjs`: it must keep working. It shows the
// three halves of keyguard (lint, types, command) and checks its own output for keys (exit 2) and
// its expected results (exit 1); this test checks the same from outside.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { detect } from "../src/detect/index.js";

it("npm run demo shows the lint findings, the compile error and the command's refusals, masked only", () => {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const run = spawnSync(process.execPath, ["examples/demo.mjs"], { cwd: root, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  // 1. the lint
  expect(run.stdout).toMatch(/6 hardcoded keys \(no-hardcoded-key\) and 1 client\(s\) fed another literal/);
  expect(run.stdout).toContain("sk-proj-…");
  // 2. the types
  expect(run.stdout).toMatch(/ src\/guarded\.ts\(8,\d+\): error TS2322: Type 'string' is not assignable to type 'GuardedKey</);
  expect(run.stdout).toMatch(/ src\/guarded\.ts\(9,\d+\): error TS2322: Type 'string' is not assignable to type 'GuardedKey</);
  // 3. the command
  expect(run.stdout).toContain(".env: secret file staged: an environment file (.env) holds the keys themselves");
  expect(run.stdout).toMatch(/deploy\/values\.yaml:3:11: Izzi API gateway key izzi-…\w{1,4}; load it from IZZI_API_KEY/);
  expect(run.stdout).toContain("keyguard: commit refused.");
  expect(run.stdout).toContain("(exit code 1)");
  expect(detect(run.stdout)).toEqual([]);
}, 180_000);
