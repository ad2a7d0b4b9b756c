/**
 * `--staged`: what the next commit will contain, read from the index (not the working tree): the
 * names of the added, copied and modified files, and their staged content in one `git cat-file`.
 */
import type { Detector } from "../detect/index.js";
import { scanBytes, type FileResult } from "./files.js";
import { gitBytes, splitZ } from "./git.js";
import { secretFileReason } from "./secret-files.js";

export interface Refusal {
  readonly file: string;
  readonly reason: string;
}

export interface StagedScan {
  readonly results: FileResult[];
  readonly refused: Refusal[];
}

interface StagedEntry {
  readonly mode: string;
  readonly oid: string;
  readonly path: string;
}

/** `git diff --cached --raw -z`: `:old new oldOid newOid status\0path\0` per file. */
export function stagedEntries(root: string): StagedEntry[] {
  const fields = splitZ(
    gitBytes(root, ["diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--diff-filter=ACM"]).toString("utf8"),
  );
  const entries: StagedEntry[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const meta = fields[i]!.slice(1).split(" ");
    entries.push({ mode: meta[1]!, oid: meta[3]!, path: fields[i + 1]! });
  }
  return entries;
}

/** The content of blobs, by one `git cat-file --batch` for all of them. */
export function readBlobs(root: string, oids: readonly string[]): Buffer[] {
  if (oids.length === 0) return [];
  const out = gitBytes(root, ["cat-file", "--batch"], `${oids.join("\n")}\n`);
  const blobs: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < oids.length; i++) {
    const nl = out.indexOf(10, at);
    const header = out.subarray(at, nl).toString("latin1").split(" ");
    const size = Number(header[2]);
    blobs.push(out.subarray(nl + 1, nl + 1 + size));
    at = nl + 1 + size + 1;
  }
  return blobs;
}

export function scanStaged(root: string, detector: Detector, maxBytes: number, salt: string | undefined): StagedScan {
  const refused: Refusal[] = [];
  const toRead: StagedEntry[] = [];
  for (const entry of stagedEntries(root)) {
    // A submodule's commit is not content.
    if (entry.mode === "160000") continue;
    const reason = secretFileReason(entry.path);
    if (reason) refused.push({ file: entry.path, reason });
    else toRead.push(entry);
  }
  const blobs = readBlobs(root, toRead.map((e) => e.oid));
  const results = toRead.map((entry, i) => scanBytes(entry.path, blobs[i]!, detector, maxBytes, salt));
  return { results, refused };
}
