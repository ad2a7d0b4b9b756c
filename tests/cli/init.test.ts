// keyguard init in throwaway repositories, one per hook manager, with real commits refused and
// allowed. Plain git hooks run as git runs them. The managers themselves are not installed here
// (husky, lefthook, simple-git-hooks and the pre-commit framework are not dependencies of keyguard):
// for each, git is made to run the hook the way that manager installs it (husky: core.hooksPath to
// .husky/_, whose script runs .husky/pre-commit with node_modules/.bin on PATH; lefthook: the `run`
// commands of its pre-commit section; simple-git-hooks: its pre-commit command written to
// .git/hooks/pre-commit, as `npx simple-git-hooks` does; pre-commit: the local hook's `entry`).
import { chmodSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { fakeKey } from "../helpers/keys.js";
import { expectNoKey, tempRepo, type Repo } from "./helpers.js";

const HOOK = "npx --no-install keyguard scan --staged";
const groq = fakeKey("groq", 41);
const read = (repo: Repo, name: string) => readFileSync(join(repo.dir, name), "utf8");

function hookScript(repo: Repo, path: string, body: string) {
  repo.write(path, `#!/bin/sh\n${body}\n`);
  chmodSync(join(repo.dir, path), 0o755);
}

/** A clean commit passes; a staged key and a staged .env are refused, with the key masked. */
function expectHookWorks(repo: Repo) {
  repo.write("app.ts", "export const key = process.env.GROQ_API_KEY;\n");
  repo.git("add", "app.ts", ".gitignore");
  const clean = repo.commit("clean");
  expect(clean.stderr + clean.stdout).not.toMatch(/refused/);
  expect(clean.status).toBe(0);

  repo.write("config/app.yaml", `groq:\n  token: ${groq}\n`);
  repo.git("add", "config/app.yaml");
  const leak = repo.commit("leak");
  expect(leak.status).not.toBe(0);
  const said = leak.stdout + leak.stderr;
  expect(said).toContain(`config/app.yaml:2:10: Groq API key ${mask(groq)}`);
  expectNoKey(said, [groq]);
  repo.git("rm", "-q", "--cached", "config/app.yaml");

  repo.write(".env", "GROQ_API_KEY=\n");
  repo.git("add", "-f", ".env");
  const env = repo.commit("env");
  expect(env.status).not.toBe(0);
  expect(env.stdout + env.stderr).toContain(".env: secret file staged");
  expect(repo.git("log", "--format=%s").stdout.trim()).toBe("clean");
}

describe("keyguard init: .gitignore", () => {
  it("adds the guide's missing entries, never duplicating or reordering, and is idempotent", () => {
    const repo = tempRepo();
    repo.write(".gitignore", "dist/\n*.pem\n# local\n.env");
    const first = repo.run("init");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(".gitignore: added .env.local, .env.production, *.key, config/secrets.yml");
    const text = read(repo, ".gitignore");
    expect(text).toBe(
      "dist/\n*.pem\n# local\n.env\n\n# keyguard: files that hold secrets (seed guide, Level 2)\n.env.local\n.env.production\n*.key\nconfig/secrets.yml\n",
    );
    const hook = read(repo, ".git/hooks/pre-commit");
    const again = repo.run("init");
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(".gitignore: already lists the guide's entries");
    expect(again.stdout).toContain("already runs keyguard scan --staged");
    expect(read(repo, ".gitignore")).toBe(text);
    expect(read(repo, ".git/hooks/pre-commit")).toBe(hook);
    // git itself now ignores every entry of the guide.
    for (const probe of [".env", ".env.local", ".env.production", "a.key", "a.pem", "config/secrets.yml"]) {
      expect(repo.git("check-ignore", "-q", probe).status, probe).toBe(0);
    }
  });

  it("--dry-run says what it would do and writes nothing", () => {
    const repo = tempRepo();
    const r = repo.run("init", "--dry-run");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--dry-run: nothing written");
    expect(r.stdout).toContain(".gitignore: would add .env, .env.local, .env.production, *.key, *.pem, config/secrets.yml");
    expect(r.stdout).toContain(`would install "${HOOK}"`);
    expect(repo.git("status", "--porcelain", "--ignored").stdout).toBe("");
    expect(() => statSync(join(repo.dir, ".git/hooks/pre-commit"))).toThrow();
  });

  it("prints the eslint line, or says the config has it", () => {
    const repo = tempRepo();
    expect(repo.run("init", "--dry-run").stdout).toContain('keyguard.configs.recommended,  // with: import keyguard from "eslint-plugin-keyguard";');
    repo.write("eslint.config.mjs", 'import keyguard from "eslint-plugin-keyguard";\nexport default [keyguard.configs.recommended];\n');
    expect(repo.run("init", "--dry-run").stdout).toContain("eslint: eslint.config.mjs already uses keyguard");
  });

  it("needs a git repository", () => {
    const r = tempRepo({ git: false }).run("init");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("init needs a git repository");
  });
});

describe("keyguard init: the pre-commit hook, per hook manager", () => {
  it("plain git: installs .git/hooks/pre-commit (real git hook)", () => {
    const repo = tempRepo();
    repo.installBin();
    const r = repo.run("init");
    expect(r.stdout).toContain(`pre-commit hook (plain git hook): .git/hooks/pre-commit: installed "${HOOK}"`);
    expect(statSync(join(repo.dir, ".git/hooks/pre-commit")).mode & 0o111).not.toBe(0);
    expectHookWorks(repo);
  }, 180_000);

  it("plain git: never clobbers an existing hook; says what to add (exit 1)", () => {
    const repo = tempRepo();
    hookScript(repo, ".git/hooks/pre-commit", "npm test");
    const r = repo.run("init");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`a hook exists and is left as it is; add this line to it: ${HOOK}`);
    expect(read(repo, ".git/hooks/pre-commit")).toBe("#!/bin/sh\nnpm test\n");
  });

  it("plain git: honours core.hooksPath", () => {
    const repo = tempRepo();
    repo.git("config", "core.hooksPath", "githooks");
    repo.run("init");
    expect(read(repo, "githooks/pre-commit")).toContain(HOOK);
  });

  it("husky: appends to .husky/pre-commit (husky v9 runtime simulated)", () => {
    const repo = tempRepo();
    repo.installBin();
    repo.write(".husky/pre-commit", "echo husky ran\n");
    const r = repo.run("init");
    expect(r.stdout).toContain(`pre-commit hook (husky): .husky/pre-commit: added "${HOOK}"`);
    expect(read(repo, ".husky/pre-commit")).toBe(`echo husky ran\n${HOOK}\n`);
    repo.run("init");
    expect(read(repo, ".husky/pre-commit")).toBe(`echo husky ran\n${HOOK}\n`);
    // What `husky` (v9) sets up: core.hooksPath = .husky/_, whose hooks run .husky/<hook> with sh -e.
    repo.git("config", "core.hooksPath", ".husky/_");
    hookScript(repo, ".husky/_/pre-commit", 'export PATH="$PWD/node_modules/.bin:$PATH"\nexec sh -e .husky/pre-commit "$@"');
    expectHookWorks(repo);
  }, 180_000);

  it("lefthook: adds a command under pre-commit.commands (lefthook runtime simulated)", () => {
    const repo = tempRepo();
    repo.installBin();
    repo.write("lefthook.yml", "pre-commit:\n  parallel: true\n  commands:\n    lint:\n      run: echo lint\npre-push:\n  commands:\n    test:\n      run: npm test\n");
    const r = repo.run("init");
    expect(r.stdout).toContain("pre-commit hook (lefthook): lefthook.yml: added the command keyguard under pre-commit");
    const text = read(repo, "lefthook.yml");
    expect(text).toBe(
      `pre-commit:\n  parallel: true\n  commands:\n    keyguard:\n      run: ${HOOK}\n    lint:\n      run: echo lint\npre-push:\n  commands:\n    test:\n      run: npm test\n`,
    );
    repo.run("init");
    expect(read(repo, "lefthook.yml")).toBe(text);
    // What lefthook's installed hook does: run each `run` command of the pre-commit section.
    const section = text.slice(0, text.indexOf("\npre-push:"));
    const runs = [...section.matchAll(/^\s+run: (.*)$/gm)].map((m) => m[1]);
    hookScript(repo, ".git/hooks/pre-commit", runs.map((c) => `${c} || exit 1`).join("\n"));
    expectHookWorks(repo);
  }, 180_000);

  it("lefthook: a file without a pre-commit section gets one", () => {
    const repo = tempRepo();
    repo.write(".lefthook.yml", "pre-push:\n  commands:\n    test:\n      run: npm test");
    repo.run("init");
    expect(read(repo, ".lefthook.yml")).toBe(
      `pre-push:\n  commands:\n    test:\n      run: npm test\npre-commit:\n  commands:\n    keyguard:\n      run: ${HOOK}\n`,
    );
  });

  it("simple-git-hooks: chains the command in package.json (its installed hook simulated)", () => {
    const repo = tempRepo();
    repo.installBin();
    repo.write("package.json", '{\n    "name": "app",\n    "simple-git-hooks": {\n        "pre-commit": "echo lint"\n    }\n}\n');
    const r = repo.run("init");
    expect(r.stdout).toContain('run "npx simple-git-hooks" to apply it');
    const pkg = read(repo, "package.json");
    expect(pkg).toBe(`{\n    "name": "app",\n    "simple-git-hooks": {\n        "pre-commit": "echo lint && ${HOOK}"\n    }\n}\n`);
    repo.run("init");
    expect(read(repo, "package.json")).toBe(pkg);
    // What `npx simple-git-hooks` writes: the configured command as .git/hooks/pre-commit.
    hookScript(repo, ".git/hooks/pre-commit", JSON.parse(pkg)["simple-git-hooks"]["pre-commit"]);
    repo.git("add", "package.json");
    expectHookWorks(repo);
  }, 180_000);

  it("pre-commit framework: adds a local hook to repos (its runner simulated)", () => {
    const repo = tempRepo();
    repo.installBin();
    repo.write(
      ".pre-commit-config.yaml",
      "repos:\n- repo: https://github.com/pre-commit/pre-commit-hooks\n  rev: v4.6.0\n  hooks:\n  - id: trailing-whitespace\n\nci:\n  autofix: false\n",
    );
    const r = repo.run("init");
    expect(r.stdout).toContain('.pre-commit-config.yaml: added a local hook "keyguard"');
    const text = read(repo, ".pre-commit-config.yaml");
    expect(text).toBe(
      "repos:\n- repo: https://github.com/pre-commit/pre-commit-hooks\n  rev: v4.6.0\n  hooks:\n  - id: trailing-whitespace\n" +
        `- repo: local\n  hooks:\n    - id: keyguard\n      name: keyguard scan --staged\n      entry: ${HOOK}\n      language: system\n      pass_filenames: false\n` +
        "\nci:\n  autofix: false\n",
    );
    repo.run("init");
    expect(read(repo, ".pre-commit-config.yaml")).toBe(text);
    // What `pre-commit run` does for a `language: system` hook with pass_filenames: false: run its entry.
    const entry = /entry: (.*)$/m.exec(text.slice(text.indexOf("id: keyguard")))![1]!;
    hookScript(repo, ".git/hooks/pre-commit", `exec ${entry}`);
    expectHookWorks(repo);
  }, 180_000);
});
