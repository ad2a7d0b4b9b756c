/**
 * Which files a scan covers: in a git work tree, the files git knows (tracked, plus new files not
 * ignored: what the next `git add .` would stage), so `.gitignore` is honoured; outside git, the
 * directory tree without the usual dependency, build-cache and VCS directories.
 */
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import type { FileJob } from "./files.js";
import { git, mayBeInGit, splitZ, workTreeRoot } from "./git.js";

/** Directories a scan outside git never enters (installed dependencies, caches, VCS data). */
export const WALK_IGNORED_DIRS: ReadonlySet<string> = new Set([
  ".git", ".hg", ".svn", "node_modules", "bower_components", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache",
  ".pytest_cache", ".gradle", ".next", ".nuxt", ".turbo", ".cache", ".parcel-cache", "coverage",
]);

export class UsageError extends Error {
  override name = "UsageError";
}

const toSlash = (path: string) => (sep === "/" ? path : path.split(sep).join("/"));

function display(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return toSlash(rel === "" ? "." : rel);
}

const LS_FILES = ["ls-files", "-z", "--cached", "--others", "--exclude-standard"];

/**
 * Files of a git work tree under `dir`, relative to `dir`: tracked and not-ignored new ones. A
 * tracked file deleted from the working tree is listed; reading it finds nothing and it is not counted.
 */
export function gitFiles(dir: string): string[] {
  return splitZ(git(dir, LS_FILES));
}

export function walk(dir: string, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    // `dir` is already normal: joining by hand spares path.join's normalisation per entry.
    if (entry.isDirectory()) {
      if (!WALK_IGNORED_DIRS.has(entry.name)) walk(`${dir}${sep}${entry.name}`, out);
    } else if (entry.isFile()) {
      out.push(`${dir}${sep}${entry.name}`);
    }
  }
  return out;
}

/** The jobs for the files git lists under `dir` (paths relative to `dir`, as `git ls-files` prints them). */
function gitJobs(cwd: string, dir: string, files: readonly string[]): FileJob[] {
  const base = display(cwd, dir);
  const root = dir.endsWith(sep) ? dir : `${dir}${sep}`;
  return files.map((f) => ({ path: root + (sep === "/" ? f : f.split("/").join(sep)), name: base === "." ? f : `${base}/${f}` }));
}

/** The jobs for the files of the directory tree under `dir`, outside git. */
function walkJobs(cwd: string, dir: string): FileJob[] {
  const base = display(cwd, dir);
  const top = dir.length > 1 && dir.endsWith(sep) ? dir.slice(0, -1) : dir;
  return walk(top).map((path) => {
    const rel = toSlash(path.slice(top.length + 1));
    return { path, name: base === "." ? rel : `${base}/${rel}` };
  });
}

/** The files under `dir` (absolute, normal), named relative to `cwd`: one path computation for the directory, not one per file. */
function directoryJobs(cwd: string, dir: string): FileJob[] {
  return workTreeRoot(dir) !== undefined ? gitJobs(cwd, dir, gitFiles(dir)) : walkJobs(cwd, dir);
}

/** The files to scan for `paths` (default: the current directory), with the names reports show. */
export function listFiles(cwd: string, paths: readonly string[]): FileJob[] {
  if (paths.length === 0) return directoryJobs(cwd, cwd);
  const jobs: FileJob[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const path = resolve(cwd, p);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`no such file or directory: ${p}`);
    }
    const found = stat.isDirectory() ? directoryJobs(cwd, path) : [{ path, name: display(cwd, path) }];
    for (const job of found) {
      if (seen.has(job.path)) continue;
      seen.add(job.path);
      jobs.push(job);
    }
  }
  return jobs;
}

/**
 * `listFiles` for the default paths in what may be a git work tree, started at once: `git ls-files`
 * runs while the caller loads the scanner (its modules, the detector's catalog), instead of after.
 * Its answer is what `listFiles` would give: outside a work tree (git fails, or is not installed)
 * the directory tree is walked. `undefined` when there is nothing to start early (paths given, or
 * no `.git` above `cwd`): call `listFiles` then.
 */
export function startListing(cwd: string, paths: readonly string[]): Promise<FileJob[]> | undefined {
  if (paths.length > 0 || !mayBeInGit(cwd)) return undefined;
  return new Promise((resolve) => {
    const child = spawn("git", LS_FILES, { cwd, stdio: ["ignore", "pipe", "ignore"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", () => resolve(walkJobs(cwd, cwd)));
    child.on("close", (code) => {
      resolve(code === 0 ? gitJobs(cwd, cwd, splitZ(Buffer.concat(chunks).toString("utf8"))) : walkJobs(cwd, cwd));
    });
  });
}
