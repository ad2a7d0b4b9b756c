// keyguard scan over files: what it reads and skips, the three formats, exit codes, masking,
// the keyguard-ignore marker and the baseline, all through the built binary.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { CONTEXT_NAMES, fakeKey, j } from "../helpers/keys.js";
import { expectNoKey, tempRepo } from "./helpers.js";

const openai = fakeKey("openai-project", 11);
const groq = fakeKey("groq", 12);
const anthropic = fakeKey("anthropic", 13);
const cohere = fakeKey("cohere", 14);
const npmToken = fakeKey("npm", 15);
const gemini = fakeKey("google-api", 16);
const ALL = [openai, groq, anthropic, cohere, npmToken, gemini];

/** A repository with keys in files of several languages, an ignored file, a binary and a large file. */
function sample() {
  const repo = tempRepo();
  repo.write(".gitignore", "ignored/\n");
  repo.write("src/app.ts", `import OpenAI from "openai";\nexport const client = new OpenAI({ apiKey: "${openai}" });\n`);
  repo.write("deploy/values.yaml", `llm:\n  provider: groq\n  token: ${groq}\n`);
  repo.write("scripts/run.py", `import anthropic\nclient = anthropic.Anthropic(api_key="${anthropic}")\n`);
  repo.write(".env.example", `${CONTEXT_NAMES.cohere}=${cohere}\n`);
  repo.write(".npmrc", `//registry.npmjs.org/:_authToken=${npmToken}\n`);
  repo.write("notebook.ipynb", JSON.stringify({ cells: [{ source: [`GOOGLE_API_KEY = '${gemini}'\n`] }] }));
  repo.write("ignored/leak.txt", `${fakeKey("xai", 17)}\n`);
  repo.write("logo.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  repo.write("big.log", "x".repeat(3000));
  repo.write("README.md", "Set OPENAI_API_KEY=sk-proj-… in your environment.\n");
  return repo;
}

describe("keyguard scan: files", () => {
  it("scans every text file git knows, whatever the language, and says what it skipped", () => {
    const repo = sample();
    repo.git("add", "src", ".gitignore");
    // Tracked and new files are read; the ignored directory is not.
    const r = repo.run("scan", "--max-size", "2k");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines).toContain(`src/app.ts:2:45: OpenAI project key ${mask(openai)}; load it from OPENAI_API_KEY`);
    expect(lines).toContain(`deploy/values.yaml:3:10: Groq API key ${mask(groq)}; load it from GROQ_API_KEY`);
    expect(lines).toContain(`scripts/run.py:2:39: Anthropic API key ${mask(anthropic)}; load it from ANTHROPIC_API_KEY`);
    expect(r.stdout).toContain(`.env.example:1:14: Cohere API key ${mask(cohere, "")}`);
    expect(r.stdout).toMatch(/\.npmrc:1:\d+: npm access token npm_…/);
    expect(r.stdout).toMatch(/notebook\.ipynb:1:\d+: Google API key AIza…/);
    expect(r.stdout).not.toContain("ignored/leak.txt");
    expect(r.stdout).toContain("keyguard: 6 keys found in 6 files; scanned 8 files, 2 skipped (1 binary, 1 over 2 KiB).");
    expectNoKey(r.stdout, ALL);
  });

  it("finds keys without a prefix whose values hold dots or base64 padding, after their names, in any file", () => {
    const repo = tempRepo();
    const discord = fakeKey("discord-bot", 21);
    const vault = fakeKey("vault-legacy", 22);
    const storage = fakeKey("azure-storage-key", 23).slice("AccountKey=".length);
    expect(storage.endsWith("=")).toBe(true);
    repo.write(".env.production", `DISCORD_BOT_TOKEN=${discord}\nVAULT_TOKEN="${vault}"\n`);
    repo.write("deploy/storage.yaml", `storage:\n  storageAccountKey: "${storage}"\n`);
    const r = repo.run("scan", "--format", "json");
    expect(r.status).toBe(1);
    const found = JSON.parse(r.stdout).findings.map((f: { file: string; line: number; column: number; provider: string }) => [f.file, f.line, f.column, f.provider]);
    expect(found).toEqual([
      [".env.production", 1, 19, "discord-bot"],
      [".env.production", 2, 14, "vault-legacy"],
      ["deploy/storage.yaml", 2, 23, "azure-storage-key"],
    ]);
    expectNoKey(r.stdout, [discord, vault, storage]);
  });

  it("exits 0 and says so when nothing is found", () => {
    const repo = tempRepo();
    repo.write("app.ts", 'const apiKey = process.env.OPENAI_API_KEY; // "sk-proj-…" placeholder\n');
    const r = repo.run("scan");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("keyguard: no keys found; scanned 1 file, none skipped.\n");
  });

  it("scans given paths only, and a directory outside git without node_modules", () => {
    const repo = tempRepo({ git: false });
    repo.write("a/one.env.txt", `KEY=${groq}\n`);
    repo.write("b/two.txt", `${anthropic}\n`);
    repo.write("a/node_modules/pkg/index.js", `module.exports = "${openai}";\n`);
    const only = repo.run("scan", "a", "--format", "json");
    expect(only.status).toBe(1);
    const report = JSON.parse(only.stdout);
    expect(report.findings.map((f: { file: string }) => f.file)).toEqual(["a/one.env.txt"]);
    expect(report.scanned).toBe(1);
    const file = repo.run("scan", "b/two.txt");
    expect(file.stdout).toContain(`b/two.txt:1:1: Anthropic API key ${mask(anthropic)}`);
  });

  it("honours keyguard-ignore on the finding's line, in any comment syntax", () => {
    const repo = tempRepo();
    repo.write("a.py", `k = "${groq}"  # keyguard-ignore\nother = "${anthropic}"\n`);
    repo.write("b.yaml", `token: ${openai} # keyguard-ignore: test fixture\n`);
    repo.write("c.html", `<meta content="${gemini}"> <!-- keyguard-ignore -->\n`);
    const r = repo.run("scan", "--format", "json");
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(["a.py:2"]);
    expect(r.status).toBe(1);
  });

  it("writes JSON and SARIF 2.1.0 with masked keys and locations", () => {
    const repo = sample();
    const json = JSON.parse(repo.run("scan", "--format", "json").stdout);
    const app = json.findings.find((f: { file: string }) => f.file === "src/app.ts");
    expect(app).toEqual({
      file: "src/app.ts",
      line: 2,
      column: 45,
      provider: "openai-project",
      providerName: "OpenAI project key",
      masked: mask(openai),
      envVar: "OPENAI_API_KEY",
    });
    expect(json.skipped).toEqual({ binary: 1, tooLarge: 0, unreadable: 0 });

    const out = repo.run("scan", "--format", "sarif");
    expect(out.status).toBe(1);
    const sarif = JSON.parse(out.stdout);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe("keyguard");
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === "openai-project");
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "src/app.ts" },
      region: { startLine: 2, startColumn: 45 },
    });
    expect(result.message.text).toBe(`OpenAI project key ${mask(openai)}; load it from OPENAI_API_KEY`);
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe("openai-project");
    expectNoKey(out.stdout, ALL);
  });

  it("gives the same findings on one thread and on several (worker threads for many files)", () => {
    const repo = tempRepo({ git: false });
    for (let i = 0; i < 400; i++) {
      repo.write(`f${i}.js`, i % 50 === 0 ? `export const k = "${fakeKey("groq", 100 + i)}";\n` : `export const n${i} = ${i};\n`);
    }
    const one = JSON.parse(repo.run("scan", "--threads", "1", "--format", "json").stdout);
    const two = JSON.parse(repo.run("scan", "--threads", "2", "--format", "json").stdout);
    expect(one.findings).toHaveLength(8);
    expect(two.findings).toEqual(one.findings);
    expect(two.scanned).toBe(400);
  });
});

describe("keyguard scan: usage errors exit 2 with a clear message", () => {
  const cases: [string[], RegExp][] = [
    [["scan", "--bogus"], /Unknown option '--bogus'/],
    [["scan", "--format", "xml"], /--format must be one of text, json, sarif \(got "xml"\)/],
    [["scan", "--staged", "src"], /--staged scans the whole index and takes no paths/],
    [["scan", "--staged", "--history"], /--staged and --history cannot be combined/],
    [["scan", "--update-baseline"], /--update-baseline needs --baseline <file>/],
    [["scan", "missing-dir"], /no such file or directory: missing-dir/],
    [["scan", "--max-size", "lots"], /--max-size must be a number of bytes/],
    [["scan", "--threads", "0"], /--threads must be a whole number from 1 to 64/],
    [["scan", "--baseline", "none.json"], /baseline none.json does not exist; create it with --update-baseline/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [["check", "--fail-on", "sometimes"], /--fail-on must be one of error, warning, never/],
  ];
  for (const [args, message] of cases) {
    it(args.join(" "), () => {
      const r = tempRepo().run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
    });
  }

  it("--staged and --history outside a git repository", () => {
    const repo = tempRepo({ git: false });
    for (const flag of ["--staged", "--history"]) {
      const r = repo.run("scan", flag);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`${flag} needs a git repository`);
    }
  });

  it("a baseline that is not one", () => {
    const repo = tempRepo();
    repo.write("b.json", "{ not json");
    expect(repo.run("scan", "--baseline", "b.json").stderr).toMatch(/baseline b.json is not valid JSON/);
    repo.write("b.json", JSON.stringify({ version: 1, salt: "short", findings: [] }));
    expect(repo.run("scan", "--baseline", "b.json").stderr).toMatch(/"salt" must be a hex string/);
  });

  it("--help prints the usage and exits 0; no command exits 2", () => {
    const repo = tempRepo();
    const help = repo.run("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("keyguard <command>");
    expect(repo.run().status).toBe(2);
  });
});

describe("keyguard scan --baseline", () => {
  it("accepts known findings by salted fingerprint and reports new ones only", () => {
    const repo = tempRepo();
    repo.write("old.ts", `// legacy\nconst k = "${groq}";\n`);
    const write = repo.run("scan", "--baseline", ".keyguard-baseline.json", "--update-baseline");
    expect(write.status).toBe(0);
    expect(write.stdout).toContain("wrote 1 finding to the baseline .keyguard-baseline.json");
    const text = readFileSync(join(repo.dir, ".keyguard-baseline.json"), "utf8");
    expectNoKey(text, [groq]);
    const baseline = JSON.parse(text);
    expect(baseline.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(baseline.findings).toEqual([
      { file: "old.ts", provider: "groq", masked: mask(groq), line: 2, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);

    expect(repo.run("scan", "--baseline", ".keyguard-baseline.json").status).toBe(0);
    // Moved within its file: still known.
    repo.write("old.ts", `// legacy\n\n\nconst k = "${groq}";\n`);
    const moved = JSON.parse(repo.run("scan", "--baseline", ".keyguard-baseline.json", "--format", "json").stdout);
    expect(moved.findings).toEqual([]);
    expect(moved.baselined).toBe(1);

    // A new key, and the same key in another file, are new.
    repo.write("new.ts", `const a = "${anthropic}";\nconst b = "${groq}";\n`);
    const r = repo.run("scan", "--baseline", ".keyguard-baseline.json");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`new.ts:1:12: Anthropic API key ${mask(anthropic)}`);
    expect(r.stdout).toContain(`new.ts:2:12: Groq API key ${mask(groq)}`);
    expect(r.stdout).not.toContain("old.ts");
    expect(r.stdout).toContain("1 known from the baseline");

    // Updating keeps the salt, so existing fingerprints stay valid.
    repo.run("scan", "--baseline", ".keyguard-baseline.json", "--update-baseline");
    const updated = JSON.parse(readFileSync(join(repo.dir, ".keyguard-baseline.json"), "utf8"));
    expect(updated.salt).toBe(baseline.salt);
    expect(updated.findings).toHaveLength(3);
    expect(updated.findings.find((f: { file: string }) => f.file === "old.ts").fingerprint).toBe(baseline.findings[0].fingerprint);
  });

  it("two baselines hash the same key differently (the salt is random)", () => {
    const repo = tempRepo();
    repo.write("a.ts", `const k = "${groq}";\n`);
    repo.run("scan", "--baseline", "one.json", "--update-baseline");
    repo.run("scan", "--baseline", "two.json", "--update-baseline");
    const fp = (name: string) => JSON.parse(readFileSync(join(repo.dir, name), "utf8")).findings[0].fingerprint;
    expect(fp("one.json")).not.toBe(fp("two.json"));
  });
});

it("keys are never in any output format, only their masked form", () => {
  const repo = sample();
  for (const format of ["text", "json", "sarif"]) {
    const r = repo.run("scan", "--format", format);
    expectNoKey(r.stdout + r.stderr, ALL);
  }
  // The README's placeholder is not a key.
  expect(repo.run("scan", "README.md").status).toBe(0);
  void j;
});
