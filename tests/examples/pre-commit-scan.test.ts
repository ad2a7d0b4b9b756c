// The pre-commit example of docs/guides/secret-string.md, installed as a real git hook in a
// throwaway repository.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { fakeKey } from "../helpers/keys.js";

const script = fileURLToPath(new URL("../../examples/pre-commit-scan.mjs", import.meta.url));
let repo: string;

const git = (...args: string[]) =>
  spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd: repo, encoding: "utf8" });

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), "keyguard-hook-"));
  git("init", "-q");
  const hook = join(repo, ".git", "hooks", "pre-commit");
  writeFileSync(hook, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(script)}\n`);
  chmodSync(hook, 0o755);
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe("examples/pre-commit-scan.mjs as a pre-commit hook", () => {
  it("lets a clean commit through", () => {
    writeFileSync(join(repo, "app.ts"), 'const apiKey = secretFromEnv("OPENAI_API_KEY");\n');
    writeFileSync(join(repo, ".env.example"), "OPENAI_API_KEY=\n");
    git("add", ".");
    const r = git("commit", "-qm", "clean");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("refuses a staged key, showing it masked only", () => {
    const key = fakeKey("anthropic", 61);
    writeFileSync(join(repo, "app.ts"), `// config\nconst apiKey = "${key}";\n`);
    git("add", "app.ts");
    const r = git("commit", "-qm", "leak");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`app.ts:2: Anthropic API key ${mask(key)}; load it from ANTHROPIC_API_KEY`);
    expect(r.stderr.includes(key.slice(13, 30)), "the hook printed part of the key").toBe(false);
    expect(git("rev-parse", "--verify", "HEAD").status).not.toBe(0);
  });

  it("checks the staged content, not the working tree", () => {
    const key = fakeKey("groq", 62);
    writeFileSync(join(repo, "app.ts"), `const k = "${key}";\n`);
    git("add", "app.ts");
    writeFileSync(join(repo, "app.ts"), "const k = load();\n");
    expect(git("commit", "-qm", "staged leak").status).not.toBe(0);
  });

  it("refuses a staged .env and private key files", () => {
    writeFileSync(join(repo, ".env"), "OPENAI_API_KEY=\n");
    writeFileSync(join(repo, "server.pem"), "not really a key\n");
    git("add", "-f", ".env", "server.pem");
    const r = git("commit", "-qm", "env");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(".env: a secret file is staged");
    expect(r.stderr).toContain("server.pem: a secret file is staged");
  });
});
