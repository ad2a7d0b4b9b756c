// The README's main command ends in `node examples/demo.mjs`: it must keep working, and it checks
// its own output for keys (exit 2) and its finding counts (exit 1).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

it("npm run demo lints the sample app and prints masked findings only", () => {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const run = spawnSync(process.execPath, ["examples/demo.mjs"], { cwd: root, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/6 hardcoded keys \(no-hardcoded-key\) and 1 client\(s\) fed another literal/);
  expect(run.stdout).toContain("sk-proj-…");
}, 60_000);
