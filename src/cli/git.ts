/** Running git: one process per question, output as bytes or text, a clear error when git fails. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export class GitError extends Error {
  override name = "GitError";
}

const MAX_BUFFER = 1024 * 1024 * 1024;

/** The git subcommand of an argument list (`log` in `-c core.quotePath=false log …`). */
function subcommand(args: readonly string[]): string {
  let i = 0;
  while (args[i] === "-c") i += 2;
  return args[i] ?? "";
}

export function gitBytes(cwd: string, args: readonly string[], input?: string | Uint8Array): Buffer {
  const r = spawnSync("git", args, { cwd, maxBuffer: MAX_BUFFER, ...(input === undefined ? {} : { input }) });
  if (r.error) throw new GitError(`cannot run git: ${r.error.message}`);
  if (r.status !== 0) {
    const message = r.stderr.toString("utf8").trim().split("\n")[0] ?? "";
    throw new GitError(`git ${subcommand(args)} failed: ${message || `exit code ${r.status}`}`);
  }
  return r.stdout;
}

export function git(cwd: string, args: readonly string[]): string {
  return gitBytes(cwd, args).toString("utf8");
}

/** Whether git succeeds (exit 0) for `args`, e.g. `check-ignore -q`. */
export function gitOk(cwd: string, args: readonly string[]): boolean {
  const r = spawnSync("git", args, { cwd, stdio: "ignore" });
  return r.status === 0;
}

/**
 * Whether `dir` or a parent holds `.git` (a directory, or the file of a worktree or submodule):
 * a file-system test, so that a scan outside git starts no process to learn it.
 */
export function mayBeInGit(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) return true;
    if (dirname(d) === d) return process.env.GIT_DIR !== undefined;
  }
}

/** The work tree's top directory containing `cwd`, or `undefined` outside a git work tree. */
export function workTreeRoot(cwd: string): string | undefined {
  if (!mayBeInGit(cwd)) return undefined;
  const r = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** NUL-separated output as a list. */
export const splitZ = (text: string) => text.split("\0").filter((s) => s.length > 0);

/** Streams the output of a long git command line by line (`git log -p` over a whole history). */
export function gitLines(cwd: string, args: readonly string[], onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let rest = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      const text = rest + chunk;
      let from = 0;
      for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", from)) {
        onLine(text.slice(from, nl));
        from = nl + 1;
      }
      rest = text.slice(from);
    });
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => reject(new GitError(`cannot run git: ${error.message}`)));
    child.on("close", (code) => {
      if (rest) onLine(rest);
      if (code === 0) resolve();
      else reject(new GitError(`git ${subcommand(args)} failed: ${stderr.trim().split("\n")[0] || `exit code ${code}`}`));
    });
  });
}
