/** Reading the files a scan covers: text only, up to a size limit; binaries and large files are counted, not read. */
import { isAscii } from "node:buffer";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { Detector } from "../detect/index.js";
import { scanText, type TextFinding } from "./text-scan.js";

/** Files larger than this are skipped unless `--max-size` says otherwise (gitleaks and secretlint skip large files too). */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** What git and most tools look at to tell a binary: a NUL byte in the first 8,000 bytes. */
const BINARY_PROBE = 8000;

/** `missing`: deleted from the working tree, or not a file (a submodule): not counted at all. */
export type SkipReason = "binary" | "too-large" | "unreadable" | "missing";

export type ReadResult = { readonly text: string } | { readonly skip: SkipReason };

export function isBinary(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, BINARY_PROBE)).indexOf(0) !== -1;
}

/**
 * Bytes as text: UTF-8, decoded as Latin-1 when every byte is ASCII (the same string, built
 * without UTF-8 validation: most source files are ASCII).
 */
export function decodeText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return buffer.toString(isAscii(buffer) ? "latin1" : "utf8");
}

/** One buffer per thread that every file is read into: one allocation instead of one per file. */
let shared = Buffer.allocUnsafe(64 * 1024);

export function readTextFile(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { skip: code === "ENOENT" || code === "EISDIR" ? "missing" : "unreadable" };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { skip: "missing" };
    if (stat.size > maxBytes) return { skip: "too-large" };
    if (shared.length < stat.size) shared = Buffer.allocUnsafe(Math.max(stat.size, shared.length * 2));
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, shared, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const content = shared.subarray(0, read);
    if (isBinary(content)) return { skip: "binary" };
    return { text: decodeText(content) };
  } catch {
    return { skip: "unreadable" };
  } finally {
    closeSync(fd);
  }
}

/** One file to scan: where to read it, and the name reports show. */
export interface FileJob {
  readonly path: string;
  readonly name: string;
}

export type FileResult =
  | { readonly name: string; readonly findings: readonly TextFinding[] }
  | { readonly name: string; readonly skip: SkipReason };

export function scanFile(job: FileJob, detector: Detector, maxBytes: number, salt: string | undefined): FileResult {
  const read = readTextFile(job.path, maxBytes);
  if ("skip" in read) return { name: job.name, skip: read.skip };
  return { name: job.name, findings: scanText(read.text, detector, salt) };
}

/** Text from somewhere else than a file (the index, a commit): the same checks as a file. */
export function scanBytes(name: string, bytes: Uint8Array, detector: Detector, maxBytes: number, salt: string | undefined): FileResult {
  if (bytes.length > maxBytes) return { name, skip: "too-large" };
  if (isBinary(bytes)) return { name, skip: "binary" };
  return { name, findings: scanText(decodeText(bytes), detector, salt) };
}
