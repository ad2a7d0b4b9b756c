/** Reading the files a scan covers: text only, up to a size limit; binaries and large files are counted, not read. */
import { isAscii } from "node:buffer";
import { closeSync, constants, openSync, readSync } from "node:fs";
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
let shared = Buffer.allocUnsafe(256 * 1024);

/**
 * Opened without blocking: a FIFO or device a tracked symbolic link points to fails to read
 * instead of waiting for a writer. Regular files read as usual.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * A file's bytes, read until its end or until it proves larger than `maxBytes`, whichever comes
 * first: no `fstat` per file (its size is what the read finds), and a large file costs one
 * buffer's worth of reading, not its size. The bytes are the thread's shared buffer: valid until
 * the next read.
 */
function readBytes(path: string, maxBytes: number): Uint8Array | SkipReason {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR" ? "missing" : "unreadable";
  }
  try {
    let read = 0;
    for (;;) {
      if (read === shared.length) {
        if (read > maxBytes) return "too-large";
        const bigger = Buffer.allocUnsafe(Math.min(shared.length * 2, maxBytes + 1));
        shared.copy(bigger, 0, 0, read);
        shared = bigger;
      }
      const n = readSync(fd, shared, read, Math.min(shared.length, maxBytes + 1) - read, null);
      if (n === 0) break;
      read += n;
      if (read > maxBytes) return "too-large";
    }
    return shared.subarray(0, read);
  } catch (error) {
    // A directory (a tracked link to one) reads as EISDIR: not a file, as a deleted one.
    return (error as NodeJS.ErrnoException).code === "EISDIR" ? "missing" : "unreadable";
  } finally {
    closeSync(fd);
  }
}

/** A file's text (UTF-8), or why it is skipped. */
export function readTextFile(path: string, maxBytes: number): ReadResult {
  const bytes = readBytes(path, maxBytes);
  if (typeof bytes === "string") return { skip: bytes };
  if (isBinary(bytes)) return { skip: "binary" };
  return { text: decodeText(bytes) };
}

/**
 * The keys in UTF-8 bytes, found by the catalog's detector. The bytes are scanned as Latin-1, one
 * character per byte, without decoding: every format and every name the detector knows is ASCII,
 * and every test around a key (word boundaries, alphabets, what may follow) takes a non-ASCII
 * character for a character no key holds, so a key is found in that view exactly where it is in
 * the decoded text, which this module's tests check. Only columns count differently after a
 * non-ASCII character: text that has findings and a non-ASCII byte is scanned again decoded.
 */
export function scanUtf8(bytes: Uint8Array, detector: Detector, salt: string | undefined): TextFinding[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const found = scanText(buffer.toString("latin1"), detector, salt);
  if (found.length === 0 || isAscii(buffer)) return found;
  return scanText(buffer.toString("utf8"), detector, salt);
}

/** One file to scan: where to read it, and the name reports show. */
export interface FileJob {
  readonly path: string;
  readonly name: string;
}

export type FileResult =
  | { readonly name: string; readonly findings: readonly TextFinding[] }
  | { readonly name: string; readonly skip: SkipReason };

/** One file's keys, by the catalog's detector (see `scanUtf8`). */
export function scanFile(job: FileJob, detector: Detector, maxBytes: number, salt: string | undefined): FileResult {
  const bytes = readBytes(job.path, maxBytes);
  if (typeof bytes === "string") return { name: job.name, skip: bytes };
  if (isBinary(bytes)) return { name: job.name, skip: "binary" };
  return { name: job.name, findings: scanUtf8(bytes, detector, salt) };
}

/** Text from somewhere else than a file (the index, a commit): the same checks as a file. */
export function scanBytes(name: string, bytes: Uint8Array, detector: Detector, maxBytes: number, salt: string | undefined): FileResult {
  if (bytes.length > maxBytes) return { name, skip: "too-large" };
  if (isBinary(bytes)) return { name, skip: "binary" };
  return { name, findings: scanUtf8(bytes, detector, salt) };
}
