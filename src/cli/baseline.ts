/**
 * A baseline for adopting the scan on an old repository, as detect-secrets does: the known findings
 * by fingerprint, a salted hash (HMAC-SHA-256 under a random salt kept in the file) of the key,
 * never the key or more of it than the mask. A finding is known when its file and fingerprint are
 * in the baseline; moving it within the file keeps it known, a new key or a new file does not.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import type { ReportFinding } from "./report.js";
import { UsageError } from "./sources.js";

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly file: string;
  readonly provider: string;
  readonly masked: string;
  readonly line: number;
  readonly fingerprint: string;
  readonly commit?: string;
}

export interface Baseline {
  readonly salt: string;
  readonly known: ReadonlySet<string>;
}

const keyOf = (file: string, fingerprint: string) => `${file}\0${fingerprint}`;

/** Reads the baseline at `path`; a missing file is an error unless `create` (then a new salt). */
export function loadBaseline(path: string, create: boolean): Baseline {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && create) {
      return { salt: randomBytes(16).toString("hex"), known: new Set() };
    }
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new UsageError(`baseline ${path} does not exist; create it with --update-baseline`);
    }
    throw new UsageError(`cannot read baseline ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`baseline ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const d = data as { version?: unknown; salt?: unknown; findings?: unknown };
  if (typeof d !== "object" || d === null || d.version !== BASELINE_VERSION) {
    throw new UsageError(`baseline ${path} is not a keyguard baseline (version ${BASELINE_VERSION}); recreate it with --update-baseline`);
  }
  if (typeof d.salt !== "string" || !/^[0-9a-f]{32,}$/.test(d.salt)) {
    throw new UsageError(`baseline ${path}: "salt" must be a hex string of at least 32 digits`);
  }
  if (!Array.isArray(d.findings)) throw new UsageError(`baseline ${path}: "findings" must be an array`);
  const known = new Set<string>();
  d.findings.forEach((entry: unknown, i) => {
    const e = entry as Partial<BaselineEntry> | null;
    if (typeof e !== "object" || e === null || typeof e.file !== "string" || typeof e.fingerprint !== "string") {
      throw new UsageError(`baseline ${path}: findings[${i}] needs a "file" and a "fingerprint"`);
    }
    known.add(keyOf(e.file, e.fingerprint));
  });
  return { salt: d.salt, known };
}

export function isKnown(baseline: Baseline, f: ReportFinding): boolean {
  return f.fingerprint !== undefined && baseline.known.has(keyOf(f.file, f.fingerprint));
}

export function writeBaseline(path: string, salt: string, findings: readonly ReportFinding[]): void {
  const entries: BaselineEntry[] = findings
    .map((f) => ({
      file: f.file,
      provider: f.providerId,
      masked: f.masked,
      line: f.line,
      fingerprint: f.fingerprint!,
      ...(f.commit ? { commit: f.commit } : {}),
    }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const body = {
    version: BASELINE_VERSION,
    generatedBy: "keyguard scan --update-baseline",
    note: "Known findings, by salted hash (HMAC-SHA-256) of the key: no key is stored here.",
    salt,
    findings: entries,
  };
  writeFileSync(path, `${JSON.stringify(body, null, 2)}\n`);
}
