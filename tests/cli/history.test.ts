// keyguard scan --history: the lines each commit added, with commit, file and line.
import { describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { fakeKey } from "../helpers/keys.js";
import { expectNoKey, tempRepo } from "./helpers.js";

const groq = fakeKey("groq", 31);
const openai = fakeKey("openai-project", 32);

function history() {
  const repo = tempRepo();
  repo.write("app.ts", "export const a = 1;\n");
  repo.git("add", ".");
  repo.commit("one");
  repo.write("app.ts", `export const a = 1;\nexport const b = 2;\nconst k = "${groq}";\n`);
  repo.write("conf/prod settings.yaml", `x: 1\ntoken: ${openai} # keyguard-ignore\n`);
  repo.git("add", ".");
  repo.commit("two: the leak");
  const leak = repo.git("rev-parse", "HEAD").stdout.trim();
  repo.write("app.ts", "export const a = 1;\nexport const b = 2;\nconst k = process.env.GROQ_API_KEY;\n");
  repo.git("add", ".");
  repo.commit("three: removed, still in history");
  return { repo, leak };
}

describe("keyguard scan --history", () => {
  it("finds a key a past commit added, with its commit, file and line", () => {
    const { repo, leak } = history();
    expect(repo.run("scan").status).toBe(0);
    const r = repo.run("scan", "--history");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${leak.slice(0, 12)} app.ts:3:12: Groq API key ${mask(groq)}; load it from GROQ_API_KEY`);
    expect(r.stdout).toContain("keyguard: 1 key found in 1 file; scanned 3 commits (4 file changes), none skipped.");
    const json = JSON.parse(repo.run("scan", "--history", "--format", "json").stdout);
    expect(json.findings).toEqual([
      expect.objectContaining({ commit: leak, file: "app.ts", line: 3, column: 12, provider: "groq", masked: mask(groq) }),
    ]);
    expect(json.commits).toBe(3);
    expectNoKey(r.stdout, [groq, openai]);
  });

  it("takes a revision range", () => {
    const { repo } = history();
    const last = repo.run("scan", "--history", "HEAD~1..HEAD");
    expect(last.status).toBe(0);
    expect(last.stdout).toContain("scanned 1 commit");
    expect(repo.run("scan", "--history", "HEAD~2..HEAD~1").status).toBe(1);
  });

  it("reports a bad range as an error (exit 2), not as a clean history", () => {
    const { repo } = history();
    const r = repo.run("scan", "--history", "no-such-branch");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/git log failed: .*no-such-branch/);
  });

  it("a key deleted and re-added is reported where each commit added it; a baseline accepts it", () => {
    const { repo } = history();
    repo.write("other.txt", `${groq}\n`);
    repo.git("add", ".");
    repo.commit("four");
    const json = JSON.parse(repo.run("scan", "--history", "--format", "json").stdout);
    expect(json.findings.map((f: { file: string }) => f.file).sort()).toEqual(["app.ts", "other.txt"]);
    expect(repo.run("scan", "--history", "--baseline", "b.json", "--update-baseline").status).toBe(0);
    expect(repo.run("scan", "--history", "--baseline", "b.json").status).toBe(0);
  });
});
