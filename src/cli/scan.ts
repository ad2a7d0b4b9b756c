/** `keyguard scan`: files, the index (`--staged`) or the history (`--history`); findings by format; exit 1 when any. */
import type { Worker } from "node:worker_threads";
import { createDetector } from "../detect/index.js";
import { VERSION } from "../version.js";
import type { Baseline } from "./baseline.js";
import { DEFAULT_MAX_BYTES, type FileJob, type FileResult } from "./files.js";
import { workTreeRoot } from "./git.js";
import { formatReport, type Format, type ReportFinding, type ScanReport, type Skipped } from "./report.js";
import { listFiles, UsageError } from "./sources.js";
import type { Refusal } from "./staged.js";

export interface ScanOptions {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly staged: boolean;
  readonly history: boolean;
  readonly format: Format;
  readonly baseline?: string;
  readonly updateBaseline: boolean;
  readonly maxBytes?: number;
  readonly threads?: number;
  /** Scanning threads started ahead (`startWorkers`); by default a files scan starts `threads - 1`. */
  readonly workers?: readonly Worker[];
  /** The files, listed ahead (`startListing`); by default a files scan lists them itself. */
  readonly listing?: Promise<FileJob[]>;
}

export interface ScanOutcome {
  readonly report: ScanReport;
  readonly exitCode: number;
  readonly output: string;
}

function requireRepo(cwd: string, flag: string): string {
  const root = workTreeRoot(cwd);
  if (root === undefined) throw new UsageError(`${flag} needs a git repository, and ${cwd} is not in one`);
  return root;
}

function collect(results: readonly FileResult[], findings: ReportFinding[], skipped: Skipped): number {
  let scanned = 0;
  for (const r of results) {
    if ("skip" in r) {
      if (r.skip === "missing") continue;
      if (r.skip === "binary") skipped.binary++;
      else if (r.skip === "too-large") skipped.tooLarge++;
      else skipped.unreadable++;
      continue;
    }
    scanned++;
    for (const f of r.findings) findings.push({ ...f, file: r.name });
  }
  return scanned;
}

/** Runs a scan; the report, and the output and exit code the command gives for it. */
export async function runScan(o: ScanOptions): Promise<ScanOutcome> {
  if (o.staged && o.history) throw new UsageError("--staged and --history cannot be combined");
  if (o.staged && o.paths.length > 0) throw new UsageError("--staged scans the whole index and takes no paths");
  if (o.updateBaseline && o.baseline === undefined) throw new UsageError("--update-baseline needs --baseline <file>");
  const maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
  // Modules are loaded for the mode and options in use only (a hook's run is mostly start-up).
  const baselines = o.baseline === undefined ? undefined : await import("./baseline.js");
  const baseline: Baseline | undefined = o.baseline === undefined ? undefined : baselines!.loadBaseline(o.baseline, o.updateBaseline);
  const salt = baseline?.salt;
  const findings: ReportFinding[] = [];
  const skipped: Skipped = { binary: 0, tooLarge: 0, unreadable: 0 };
  let refused: Refusal[] = [];
  let scanned: number;
  let commits: number | undefined;
  let mode: ScanReport["mode"];

  if (o.staged) {
    mode = "staged";
    const root = requireRepo(o.cwd, "--staged");
    const { scanStaged } = await import("./staged.js");
    const staged = scanStaged(root, createDetector(), maxBytes, salt);
    refused = staged.refused;
    scanned = collect(staged.results, findings, skipped);
  } else if (o.history) {
    mode = "history";
    const root = requireRepo(o.cwd, "--history");
    const { scanHistory } = await import("./history.js");
    const history = await scanHistory(root, o.paths, createDetector(), maxBytes, salt);
    findings.push(...history.findings);
    scanned = history.scanned - history.tooLarge;
    skipped.tooLarge = history.tooLarge;
    commits = history.commits;
  } else {
    mode = "files";
    const { defaultThreads, scanFiles, startWorkers } = await import("./pool.js");
    const workers = o.workers ?? startWorkers((o.threads ?? defaultThreads()) - 1);
    const jobs = o.listing ? await o.listing : listFiles(o.cwd, o.paths);
    const results = await scanFiles(jobs, createDetector(), { maxBytes, salt, workers });
    scanned = collect(results, findings, skipped);
  }

  if (o.updateBaseline) {
    baselines!.writeBaseline(o.baseline!, salt!, findings);
    const report: ScanReport = { mode, findings: [], refused, scanned, skipped, maxBytes, baselined: findings.length, commits, version: VERSION };
    const note = `keyguard: wrote ${findings.length} finding${findings.length === 1 ? "" : "s"} to the baseline ${o.baseline} (fingerprints only).\n`;
    return { report, exitCode: refused.length > 0 ? 1 : 0, output: o.format === "text" ? note : formatReport(report, o.format) };
  }
  const fresh = baseline ? findings.filter((f) => !baselines!.isKnown(baseline, f)) : findings;
  const report: ScanReport = {
    mode,
    findings: fresh,
    refused,
    scanned,
    skipped,
    maxBytes,
    baselined: findings.length - fresh.length,
    ...(commits === undefined ? {} : { commits }),
    version: VERSION,
  };
  return { report, exitCode: fresh.length > 0 || refused.length > 0 ? 1 : 0, output: formatReport(report, o.format) };
}
