/**
 * Scans many files on every core: the main thread and `threads - 1` worker threads take batches of
 * files from one queue (a fast thread takes more), read and scan them; workers send back masked
 * findings only. The main thread scanning too saves starting one worker (~100 ms of CPU for its
 * module graph), which on two cores is the difference between a gain and a loss on small trees.
 * A small set of files is scanned on the main thread alone.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { createDetector } from "../detect/index.js";
import { scanFile, type FileJob, type FileResult } from "./files.js";

export interface PoolOptions {
  readonly maxBytes: number;
  readonly salt: string | undefined;
  /** Threads to use, the main thread included; default: the machine's available parallelism. */
  readonly threads?: number;
}

/** Below this many files the main thread scans alone (a worker costs more to start than it saves). */
const INLINE_BELOW = 200;
const BATCH = 32;

export async function scanFiles(jobs: readonly FileJob[], options: PoolOptions): Promise<FileResult[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), Math.ceil(jobs.length / BATCH)));
  const detector = createDetector();
  const scanRange = (from: number, to: number) => {
    for (let i = from; i < to; i++) results[i] = scanFile(jobs[i]!, detector, options.maxBytes, options.salt);
  };
  const results: FileResult[] = new Array(jobs.length);
  if (threads === 1 || jobs.length < INLINE_BELOW) {
    scanRange(0, jobs.length);
    return results;
  }
  let next = 0;
  const take = () => {
    const from = next;
    next = Math.min(jobs.length, next + BATCH);
    return [from, next] as const;
  };
  const url = new URL("./worker.js", import.meta.url);
  const worker = () =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(url, { workerData: { maxBytes: options.maxBytes, salt: options.salt } });
      let from = 0;
      const send = () => {
        if (next >= jobs.length) {
          void w.terminate().then(() => resolve());
          return;
        }
        const [a, b] = take();
        from = a;
        w.postMessage(jobs.slice(a, b));
      };
      w.on("message", (batch: FileResult[]) => {
        for (let i = 0; i < batch.length; i++) results[from + i] = batch[i]!;
        send();
      });
      w.on("error", reject);
      send();
    });
  // The main thread takes a batch, then yields so that workers' answers are handled and they get their next batch.
  const main = async () => {
    while (next < jobs.length) {
      const [a, b] = take();
      scanRange(a, b);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([...Array.from({ length: threads - 1 }, worker), main()]);
  return results;
}
