// keyguard check: the guide's checklist on a neglected repository and on one set up as the guide
// says; evidence, fixes, --json, --fail-on; values compared by hash and never printed.
import { readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { fileRotationState } from "../../src/secret/rotation.js";
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
      "key-age": "warn",
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
        'export const key = rotatingSecret(() => secretFromFile("/run/secrets/anthropic"), { maxAgeMs: 60_000 });\n' +
        // A path built at run time is no file the key-age line can name.
        "export const other = secretFromFile(`${process.env.MOUNT_DIR}/groq`);\n",
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
      "key-age: no secret file or rotation state to date here (the code reads /run/secrets/anthropic, not on this machine)",
      expect.stringMatching(/^usage-monitoring/),
    ]);
    expect(checks.find((c) => c.id === "key-age")!.advice).toBe(true);
    expect(r.status).toBe(0);
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(byId["pre-commit-hook"]!.evidence[0]).toBe(".git/hooks/pre-commit (git hook) runs keyguard scan --staged");
    expect(byId["secret-manager"]!.evidence).toContain("src/keys.ts:2: keyguard loader (secret file)");
    expect(byId.rotation!.evidence).toContain("src/keys.ts:2: keyguard rotating secret");
    expect(byId["separate-keys"]!.evidence[0]).toBe("no value shared between development, production (compared by hash)");
    expect(byId["usage-monitoring"]!.evidence).toContain("keys used: ANTHROPIC_API_KEY");
    expectNoKey(r.stdout, [devKey, prodKey]);
    const text = repo.run("check");
    expect(text.stdout).toContain("6 ✅  2 ⚠️  0 ❌");
  });

  it("a tracked node_modules/ is not the project's production code: keyguard's own files there are no evidence", () => {
    const repo = neglected();
    repo.write("node_modules/keyguard/dist/src/cli/check.js", 'const loaders = ["secretFromFile(", "rotatingSecret(", "rotateKey("]; // OPENAI_API_KEY ANTHROPIC_API_KEY\n');
    repo.git("add", "-f", "node_modules");
    const checks: Check[] = JSON.parse(repo.run("check", "--json").stdout).checks;
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(byId["secret-manager"]!.status).toBe("warn");
    expect(byId["rotation"]!.status).toBe("warn");
    expect(byId["usage-monitoring"]!.evidence.join("\n")).not.toContain("ANTHROPIC_API_KEY");
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

describe("keyguard check: key age", () => {
  const DAY = 86_400_000;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const keyAgeOf = (r: { stdout: string }) => (JSON.parse(r.stdout).checks as Check[]).find((c) => c.id === "key-age")!;

  /** A repository whose production code reads a secret file; the file is on disk, ignored, `days` old. */
  function withSecretFile(days: number) {
    const repo = tempRepo();
    repo.write(".gitignore", "run/\n");
    repo.write("src/keys.ts", 'import { secretFromFile } from "keyguard/secret";\nexport const key = secretFromFile("run/openai_api_key");\n');
    repo.write("run/openai_api_key", `${shared}\n`);
    const mtime = Date.now() - days * DAY;
    utimesSync(join(repo.dir, "run/openai_api_key"), new Date(mtime), new Date(mtime));
    return { repo, since: day(mtime), dueAt: day(mtime + 90 * DAY) };
  }

  it("a secret file the code reads, older than 90 days: ❌ with its date and the fix; never its value", () => {
    const { repo, since, dueAt } = withSecretFile(120);
    const r = repo.run("check");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("❌ Key age (rotation due after 90 days) (Best practice)");
    expect(r.stdout).toContain(`file run/openai_api_key: in use since ${since} (120 days ago); rotation was due after 90 days, on ${dueAt}: rotate it (rotateKey)`);
    expect(r.stdout).toContain("fix: rotate each key that is due");
    expectNoKey(r.stdout, [shared]);
    // --max-key-age moves the limit: the same file is then in time.
    const later = keyAgeOf(repo.run("check", "--json", "--max-key-age", "180"));
    expect(later.status).toBe("pass");
    expect(later.evidence).toEqual([expect.stringContaining("file run/openai_api_key: in use since")]);
    expect(later.evidence[0]).toContain("(every 180 days)");
  });

  it("--key-file checks the file given, and only it; a missing one is a usage error", () => {
    const { repo } = withSecretFile(120);
    repo.write("elsewhere/anthropic", `${devKey}\n`);
    const r = repo.run("check", "--json", "--key-file", "elsewhere/anthropic");
    const age = keyAgeOf(r);
    expect(age.status).toBe("pass");
    expect(age.evidence).toEqual([expect.stringMatching(/^file elsewhere\/anthropic: in use since \d{4}-\d\d-\d\d \(0 days ago\); next rotation due on /)]);
    expectNoKey(r.stdout, [devKey, shared]);
    const missing = repo.run("check", "--key-file", "nope/key");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--key-file nope/key: no such file");
  });

  it("an unfinished rotation (the state fileRotationState keeps) is ⚠️, found beside the secret file or given", async () => {
    const { repo } = withSecretFile(10);
    await fileRotationState(join(repo.dir, "run/openai_api_key.rotation.json")).save({
      token: "3f2c0000-0000-4000-8000-000000000000",
      step: "staged",
      startedAt: "2026-11-30T10:00:00.000Z",
    });
    const found = keyAgeOf(repo.run("check", "--json"));
    expect(found.status).toBe("warn");
    expect(found.evidence).toContain(
      "run/openai_api_key.rotation.json: a rotation is unfinished (last step completed: staged, started 2026-11-30T10:00:00.000Z); run the rotation job again to resume it",
    );
    expect(found.evidence[0]).toMatch(/^file run\/openai_api_key: in use since .* \(10 days ago\)/);
    expect(found.fix).toContain("finish the rotation");
    const given = keyAgeOf(repo.run("check", "--json", "--rotation-state", "run/openai_api_key.rotation.json"));
    expect(given.status).toBe("warn");
    expect(given.evidence.some((e) => e.startsWith("run/openai_api_key.rotation.json: a rotation is unfinished"))).toBe(true);
    // Once the rotation is over the state file is gone, and the key, 10 days old, is in time.
    await fileRotationState(join(repo.dir, "run/openai_api_key.rotation.json")).save(undefined);
    expect(keyAgeOf(repo.run("check", "--json")).status).toBe("pass");
  });

  it("--max-key-age must be a whole number of days", () => {
    const repo = tempRepo();
    for (const bad of ["0", "-5", "ninety", "1.5"]) {
      const r = repo.run("check", `--max-key-age=${bad}`);
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toContain("--max-key-age must be a whole number of days > 0");
    }
  });
});
