// keyguard check: the guide's checklist on a neglected repository and on one set up as the guide
// says; evidence, fixes, --json, --fail-on; values compared by hash and never printed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { fakeKey } from "../helpers/keys.js";
import { expectNoKey, tempRepo } from "./helpers.js";

const groq = fakeKey("groq", 51);
const shared = fakeKey("openai-project", 52);
const devKey = fakeKey("anthropic", 53);
const prodKey = fakeKey("anthropic", 54);

interface Check {
  id: string;
  status: string;
  symbol: string;
  evidence: string[];
  fix?: string;
  advice?: boolean;
}

function neglected() {
  const repo = tempRepo();
  repo.write("src/app.ts", `export const k = "${groq}";\n`);
  repo.write(".env.development", `OPENAI_API_KEY=${shared}\nLOG_LEVEL=debug\n`);
  repo.write(".env.production", `OPENAI_API_KEY="${shared}"\nLOG_LEVEL=debug\n`);
  repo.write("secrets/development/db-password.txt", "correct-horse-battery-staple-41\n");
  repo.write("secrets/production/db-password.txt", "correct-horse-battery-staple-41\n");
  repo.git("add", "src", ".env.production");
  return repo;
}

describe("keyguard check", () => {
  it("a neglected repository: each problem with its evidence and fix, exit 1", () => {
    const repo = neglected();
    const r = repo.run("check");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("❌ No hardcoded keys in source code (Critical)");
    expect(r.stdout).toContain(`src/app.ts:1:19: Groq API key ${mask(groq)}; load it from GROQ_API_KEY`);
    expect(r.stdout).toContain("❌ .env files in .gitignore (Critical)");
    expect(r.stdout).toContain("not ignored (git check-ignore): .env, .env.local, .env.production, *.key, *.pem, config/secrets.yml");
    expect(r.stdout).toContain("tracked secret file: .env.production");
    expect(r.stdout).toContain("❌ Pre-commit hook for leak detection (Important)");
    expect(r.stdout).toContain("⚠️ Secret manager in production (Important)");
    expect(r.stdout).toContain("⚠️ Key rotation every 90 days (Best practice)");
    expect(r.stdout).toContain("❌ Separate keys per environment (Best practice)");
    expect(r.stdout).toContain("OPENAI_API_KEY in .env.development and OPENAI_API_KEY in .env.production hold the same value (compared by SHA-256; not shown)");
    expect(r.stdout).toContain("secrets/development/db-password.txt and secrets/production/db-password.txt hold the same value");
    expect(r.stdout).toContain("⚠️ Monitor usage for anomalies (Best practice, advice)");
    expect(r.stdout).toContain("OpenAI: per-project usage dashboard");
    expect(r.stdout).toContain("fix: run keyguard init");
    expectNoKey(r.stdout, [groq, shared]);
    expect(r.stdout).not.toContain("correct-horse");
  });

  it("--json gives every check with its status; --fail-on sets the exit code", () => {
    const repo = neglected();
    const r = repo.run("check", "--json");
    expect(r.status).toBe(1);
    const checks: Check[] = JSON.parse(r.stdout).checks;
    expect(Object.fromEntries(checks.map((c) => [c.id, c.status]))).toEqual({
      "no-hardcoded-keys": "fail",
      "env-ignored": "fail",
      "pre-commit-hook": "fail",
      "secret-manager": "warn",
      rotation: "warn",
      "separate-keys": "fail",
      "usage-monitoring": "warn",
    });
    expect(checks.find((c) => c.id === "usage-monitoring")!.advice).toBe(true);
    expectNoKey(r.stdout, [groq, shared]);
    expect(repo.run("check", "--fail-on", "never").status).toBe(0);
  });

  it("a repository set up as the guide says: ✅ but for the advice, exit 0 even with --fail-on warning", () => {
    const repo = tempRepo();
    repo.installBin();
    expect(repo.run("init").status).toBe(0);
    repo.write(
      "src/keys.ts",
      'import { rotatingSecret, secretFromFile } from "keyguard/secret";\n' +
        'export const key = rotatingSecret(() => secretFromFile("/run/secrets/anthropic"), { maxAgeMs: 60_000 });\n',
    );
    repo.write(".env.development", `ANTHROPIC_API_KEY=${devKey}\n`);
    repo.write(".env.production", `ANTHROPIC_API_KEY=${prodKey}\n`);
    // The guide's list leaves .env.development out: check says so until it is ignored.
    const before: Check[] = JSON.parse(repo.run("check", "--json").stdout).checks;
    expect(before.find((c) => c.id === "env-ignored")!.evidence).toContain(
      "on disk and not ignored (git add . would stage them): .env.development",
    );
    repo.write(".gitignore", `${readFileSync(join(repo.dir, ".gitignore"), "utf8")}.env.development\n`);
    repo.git("add", ".");
    const r = repo.run("check", "--fail-on", "warning", "--json");
    const checks: Check[] = JSON.parse(r.stdout).checks;
    expect(checks.filter((c) => c.status !== "pass").map((c) => `${c.id}: ${c.evidence.join("; ")}`)).toEqual([
      expect.stringMatching(/^usage-monitoring/),
    ]);
    expect(r.status).toBe(0);
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(byId["pre-commit-hook"]!.evidence[0]).toBe(".git/hooks/pre-commit (git hook) runs keyguard scan --staged");
    expect(byId["secret-manager"]!.evidence).toContain("src/keys.ts:2: keyguard loader (secret file)");
    expect(byId.rotation!.evidence).toContain("src/keys.ts:2: keyguard rotating secret");
    expect(byId["separate-keys"]!.evidence[0]).toBe("no value shared between development, production (compared by hash)");
    expect(byId["usage-monitoring"]!.evidence).toContain("keys used: ANTHROPIC_API_KEY");
    expectNoKey(r.stdout, [devKey, prodKey]);
    const text = repo.run("check");
    expect(text.stdout).toContain("6 ✅  1 ⚠️  0 ❌");
  });

  it("a hook that is not executable is not a hook", () => {
    const repo = tempRepo();
    repo.write(".git/hooks/pre-commit", "#!/bin/sh\nexec npx --no-install keyguard scan --staged\n");
    const checks: Check[] = JSON.parse(repo.run("check", "--json").stdout).checks;
    const hook = checks.find((c) => c.id === "pre-commit-hook")!;
    expect(hook.status).toBe("fail");
    expect(hook.evidence[0]).toContain("is not executable: git skips it");
  });

  it("needs a git repository", () => {
    const r = tempRepo({ git: false }).run("check");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("check needs a git repository");
  });
});
