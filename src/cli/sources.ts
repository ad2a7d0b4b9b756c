/**
 * Which files a scan covers: in a git work tree, the files git knows (tracked, plus new files not
 * ignored: what the next `git add .` would stage), so `.gitignore` is honoured; outside git, the
 * directory tree without the usual dependency, build-cache and VCS directories.
 */
import { readdirSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import type { FileJob } from "./files.js";
import { git, splitZ, workTreeRoot } from "./git.js";

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

/**
 * Files of a git work tree under `dir`, relative to `dir`: tracked and not-ignored new ones. A
 * tracked file deleted from the working tree is listed; reading it finds nothing and it is not counted.
 */
export function gitFiles(dir: string): string[] {
  return splitZ(git(dir, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]));
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

/** The files under `dir` (absolute, normal), named relative to `cwd`: one path computation for the directory, not one per file. */
function directoryJobs(cwd: string, dir: string): FileJob[] {
  const base = display(cwd, dir);
  const named = (rel: string) => (base === "." ? rel : `${base}/${rel}`);
  if (workTreeRoot(dir) !== undefined) {
    const root = dir.endsWith(sep) ? dir : `${dir}${sep}`;
    return gitFiles(dir).map((f) => ({ path: root + (sep === "/" ? f : f.split("/").join(sep)), name: named(f) }));
  }
  const top = dir.length > 1 && dir.endsWith(sep) ? dir.slice(0, -1) : dir;
  return walk(top).map((path) => ({ path, name: named(toSlash(path.slice(top.length + 1))) }));
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
