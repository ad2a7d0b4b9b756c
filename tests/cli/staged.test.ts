// keyguard scan --staged: the index, not the working tree; secret files refused by name; keys in
// any staged text refused; output masked.
import { describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { fakeKey } from "../helpers/keys.js";
import { expectNoKey, tempRepo } from "./helpers.js";

const groq = fakeKey("groq", 21);
const anthropic = fakeKey("anthropic", 22);

describe("keyguard scan --staged", () => {
  it("reads what will be committed, not the working tree", () => {
    const repo = tempRepo();
    repo.write("app.ts", `const k = "${groq}";\n`);
    repo.git("add", "app.ts");
    repo.write("app.ts", "const k = process.env.GROQ_API_KEY;\n");
    const leak = repo.run("scan", "--staged");
    expect(leak.status).toBe(1);
    expect(leak.stdout).toContain(`app.ts:1:12: Groq API key ${mask(groq)}; load it from GROQ_API_KEY`);
    expect(leak.stdout).toContain("keyguard: commit refused.");

    repo.git("add", "app.ts");
    repo.write("app.ts", `const k = "${groq}";\n`);
    const clean = repo.run("scan", "--staged");
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe("keyguard: no keys found; scanned 1 file, none skipped.\n");
  });

  it("scans only the files the commit changes", () => {
    const repo = tempRepo();
    repo.write("old.ts", `const k = "${groq}";\n`);
    repo.git("add", "old.ts");
    repo.commit("old");
    repo.write("new.ts", "export {};\n");
    repo.git("add", "new.ts");
    expect(repo.run("scan", "--staged").status).toBe(0);
  });

  it("refuses a staged key in a non-code file, masked", () => {
    const repo = tempRepo();
    repo.write("deploy/values.yaml", `anthropic:\n  apiKey: ${anthropic}\n`);
    repo.write("docs/setup.md", `Run with \`ANTHROPIC_API_KEY=${anthropic}\`\n`);
    repo.git("add", ".");
    const r = repo.run("scan", "--staged", "--format", "json");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: { file: string; line: number; masked: string }) => `${f.file}:${f.line} ${f.masked}`)).toEqual([
      `deploy/values.yaml:2 ${mask(anthropic)}`,
      `docs/setup.md:1 ${mask(anthropic)}`,
    ]);
    expectNoKey(r.stdout, [anthropic]);
  });

  const refused = [".env", ".env.local", ".env.production", ".env.staging", "api/.env.development.local", "server.key", "tls/cert.pem",
    "config/secrets.yml", "signing.p12", "store.pfx", "id_rsa", "deploy/id_ed25519"];
  const allowed = [".env.example", ".env.sample", ".env.template", "api/.env.production.example", "id_rsa.pub", "keys.ts", "config/secrets.example.yml"];

  it("refuses the guide's secret files and their relatives, not templates", () => {
    const repo = tempRepo();
    for (const f of [...refused, ...allowed]) repo.write(f, "PLACEHOLDER=\n");
    repo.git("add", "-f", ".");
    const r = repo.run("scan", "--staged", "--format", "json");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.refused.map((x: { file: string }) => x.file).sort()).toEqual([...refused].sort());
    expect(report.findings).toEqual([]);
    expect(report.scanned).toBe(allowed.length);

    const text = repo.run("scan", "--staged").stdout;
    expect(text).toContain(".env: secret file staged: an environment file (.env) holds the keys themselves; unstage it (git rm --cached -- .env) and add it to .gitignore");
    expect(text).toContain("tls/cert.pem: secret file staged: a .pem file holds a private key or certificate store");
    const sarif = JSON.parse(repo.run("scan", "--staged", "--format", "sarif").stdout);
    expect(sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === "secret-file")).toHaveLength(refused.length);
  });

  it("works before the first commit and with nothing staged", () => {
    const repo = tempRepo();
    expect(repo.run("scan", "--staged").stdout).toBe("keyguard: no keys found; scanned 0 files, none skipped.\n");
    repo.write("a.txt", `${groq}\n`);
    repo.git("add", "a.txt");
    expect(repo.run("scan", "--staged").status).toBe(1);
  });

  it("skips staged binaries and counts them", () => {
    const repo = tempRepo();
    repo.write("img.bin", new Uint8Array([1, 0, 2, 0]));
    repo.git("add", ".");
    expect(repo.run("scan", "--staged").stdout).toContain("scanned 0 files, 1 skipped (1 binary)");
  });
});
