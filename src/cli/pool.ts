/**
 * Scans many files on every core: worker threads take batches of files from a shared queue (a fast
 * thread takes more), read and scan them, and send back masked findings only. A small set of files
 * is scanned on the main thread, where starting threads would cost more than it saves.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { createDetector } from "../detect/index.js";
import { scanFile, type FileJob, type FileResult } from "./files.js";

export interface PoolOptions {
  readonly maxBytes: number;
  readonly salt: string | undefined;
  /** Threads to use; default: the machine's available parallelism. 1 scans on the main thread. */
  readonly threads?: number;
}

/** Below this many files the main thread scans alone (a worker takes ~30 ms to start). */
const INLINE_BELOW = 200;
const BATCH = 64;

export async function scanFiles(jobs: readonly FileJob[], options: PoolOptions): Promise<FileResult[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), Math.ceil(jobs.length / BATCH)));
  if (threads === 1 || jobs.length < INLINE_BELOW) {
    const detector = createDetector();
    return jobs.map((job) => scanFile(job, detector, options.maxBytes, options.salt));
  }
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  const url = new URL("./worker.js", import.meta.url);
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(url, { workerData: { maxBytes: options.maxBytes, salt: options.salt } });
      let from = 0;
      const send = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        from = next;
        next = Math.min(jobs.length, next + BATCH);
        worker.postMessage(jobs.slice(from, next));
      };
      worker.on("message", (batch: FileResult[]) => {
        for (let i = 0; i < batch.length; i++) results[from + i] = batch[i]!;
        send();
      });
      worker.on("error", reject);
      worker.on("online", send);
    });
  await Promise.all(Array.from({ length: threads }, run));
  return results;
}
