// Which files a scan covers (src/cli/sources.ts), in real temporary directories: `startListing`,
// which runs `git ls-files` while the command loads, gives what `listFiles` gives, and leaves the
// cases it cannot start early to it.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles, startListing } from "../../src/cli/sources.js";
import { tempRepo } from "./helpers.js";

function sample(git: boolean) {
  const repo = tempRepo({ git });
  repo.write(".gitignore", "ignored/\nnode_modules/\n");
  repo.write("src/app.ts", "export {};\n");
  repo.write("deploy/values.yaml", "a: 1\n");
  repo.write("ignored/out.log", "x\n");
  repo.write("node_modules/pkg/index.js", "x\n");
  repo.write("new file.md", "untracked, not ignored\n");
  return repo;
}

const names = (jobs: readonly { name: string }[]) => jobs.map((j) => j.name).sort();

describe("startListing", () => {
  it("lists what listFiles lists in a git work tree: tracked and new files, not ignored ones", async () => {
    const repo = sample(true);
    repo.git("add", "src", ".gitignore");
    const early = await startListing(repo.dir, [])!;
    expect(names(early)).toEqual([".gitignore", "deploy/values.yaml", "new file.md", "src/app.ts"]);
    expect(early).toEqual(listFiles(repo.dir, []));
    expect(early.find((j) => j.name === "src/app.ts")?.path).toBe(join(repo.dir, "src", "app.ts"));
  });

  it("lists from a subdirectory with names relative to it, as listFiles does", async () => {
    const repo = sample(true);
    const sub = join(repo.dir, "src");
    expect(await startListing(sub, [])!).toEqual(listFiles(sub, []));
  });

  it("walks the tree where git does not answer (a .git that is no repository)", async () => {
    const repo = sample(false);
    repo.write(".git", "not a repository\n");
    const early = startListing(repo.dir, []);
    expect(early).toBeDefined();
    // Outside git the walk skips node_modules but not what .gitignore names.
    const jobs = await early!;
    expect(names(jobs)).toEqual([".git", ".gitignore", "deploy/values.yaml", "ignored/out.log", "new file.md", "src/app.ts"]);
    expect(jobs).toEqual(listFiles(repo.dir, []));
  });

  it("starts nothing outside git or for given paths: listFiles answers then", () => {
    expect(startListing(sample(false).dir, [])).toBeUndefined();
    const repo = sample(true);
    expect(startListing(repo.dir, ["src"])).toBeUndefined();
  });
});
