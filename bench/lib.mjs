// Shared helpers of the benchmarks: paths, machine description, child-process timing, statistics.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const OUT = join(ROOT, "bench", ".out");
export const ESLINT_BIN = join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
export const CPU_HOOK = join(ROOT, "bench", "cpu-hook.mjs");
export const DIST_PLUGIN = join(ROOT, "dist", "rules", "index.js");
export const DIST_DETECT = join(ROOT, "dist", "src", "detect", "index.js");

export function requireBuild() {
  if (!existsSync(DIST_PLUGIN) || !existsSync(DIST_DETECT)) {
    console.error("dist/ is missing: run `npm run build` first (npm run bench does).");
    process.exit(2);
  }
}

export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function version(pkg) {
  return JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
}

export function machine() {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model.trim() ?? "unknown",
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    eslint: version("eslint"),
    tsParser: version("@typescript-eslint/parser"),
    noSecrets: version("eslint-plugin-no-secrets"),
    platform: `${process.platform} ${process.arch}`,
  };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Runs the ESLint CLI in a child process; returns wall and CPU time (ms), exit code, stdout.
 * The CPU time is the child's own (`process.cpuUsage()` at exit, through bench/cpu-hook.mjs).
 */
export function runEslint(args, { cwd, env = {} } = {}) {
  const cpuFile = join(OUT, `cpu-${process.pid}.json`);
  rmSync(cpuFile, { force: true });
  const childEnv = { ...process.env, ...env, BENCH_CPU_FILE: cpuFile };
  if (!("TIMING" in env)) delete childEnv.TIMING;
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--import", CPU_HOOK, ESLINT_BIN, ...args], {
    cwd,
    env: childEnv,
    encoding: "utf8",
    maxBuffer: 256 * 2 ** 20,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.error) throw child.error;
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`eslint ${args.join(" ")} exited with ${child.status}:\n${child.stderr.slice(0, 2000)}`);
  }
  const { cpuMs } = JSON.parse(readFileSync(cpuFile, "utf8"));
  rmSync(cpuFile, { force: true });
  return { wallMs, cpuMs, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** The rows of ESLint's `TIMING` table: rule id → milliseconds. */
export function parseTiming(stdout) {
  const out = {};
  for (const line of stdout.split("\n")) {
    const m = /^(\S+)\s+\|\s+([\d.]+)\s+\|\s+[\d.]+%$/.exec(line.trim());
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

export const here = (url) => dirname(fileURLToPath(url));

/** Replaces the section between `<!-- bench:NAME -->` markers in bench/RESULTS.md (appends it if absent). */
export function updateResults(name, body) {
  const file = join(ROOT, "bench", "RESULTS.md");
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    text = "# keyguard benchmarks\n\nWritten by `npm run bench` and `npm run bench:scale`; the numbers are from the last run, on the machine it names.\n";
  }
  const begin = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${begin}\n${body}${end}`;
  const i = text.indexOf(begin);
  const k = text.indexOf(end);
  text = i !== -1 && k !== -1 ? text.slice(0, i) + block + text.slice(k + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}

/** The packages whose shipped sources make the speed corpus (BENCH_PACKAGES overrides them). */
export const corpusPackages = () =>
  (process.env.BENCH_PACKAGES ?? "openai,@anthropic-ai/sdk,ai,@langchain/core,groq-sdk").split(",");

const EXTENSIONS = /\.(ts|mts|cts|js|mjs|cjs)$/;
const MAX_FILE_BYTES = 512 * 1024;

/**
 * Copies the TS/JS sources shipped inside the given installed packages into `corpus` (emptied
 * first), leaving out `.d.ts`, `.min.js` and files over 512 KiB. Returns the counts for the report.
 */
export function collectCorpus(packages, corpus) {
  rmSync(corpus, { recursive: true, force: true });
  const counts = { files: 0, lines: 0, bytes: 0, perPackage: {} };
  const collect = (dir, pkg) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") collect(path, pkg);
        continue;
      }
      if (!EXTENSIONS.test(entry.name) || /\.d\.[mc]?ts$/.test(entry.name) || /\.min\.[mc]?js$/.test(entry.name)) continue;
      const size = statSync(path).size;
      if (size > MAX_FILE_BYTES) continue;
      const target = join(corpus, pkg.replace("/", "__"), relative(join(ROOT, "node_modules", pkg), path));
      ensureDir(dirname(target));
      copyFileSync(path, target);
      const text = readFileSync(path, "utf8");
      counts.files++;
      counts.bytes += size;
      let n = 1;
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
      counts.lines += n;
      counts.perPackage[pkg] = (counts.perPackage[pkg] ?? 0) + 1;
    }
  };
  for (const pkg of packages) collect(join(ROOT, "node_modules", pkg), pkg);
  return counts;
}

/** Every file under `dir`, sorted (the corpus is read in the same order on every run). */
export function listFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}
