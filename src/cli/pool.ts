/**
 * Scans many files on every core: the main thread and worker threads take batches of files from
 * one queue (a fast thread takes more), read and scan them; workers send back masked findings only.
 * The main thread scanning too saves starting one worker (~100 ms of CPU for its module graph),
 * which on two cores is the difference between a gain and a loss on small trees. Workers are
 * started before the files are listed (`startWorkers`), so that loading their modules overlaps the
 * main thread's own start-up; a small set of files is scanned on the main thread alone and the
 * workers are stopped unused. This module loads no detector: it is imported before one is needed.
 */
import { availableParallelism, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import type { Detector } from "../detect/index.js";
import { scanFile, type FileJob, type FileResult } from "./files.js";

/** What a worker is sent: the files of one batch and how to scan them. */
export interface WorkerBatch {
  readonly jobs: readonly FileJob[];
  readonly maxBytes: number;
  readonly salt: string | undefined;
}

export interface PoolOptions {
  readonly maxBytes: number;
  readonly salt: string | undefined;
  /** Started by `startWorkers`; the pool uses what it needs and stops every one. */
  readonly workers: readonly Worker[];
}

/** Below this many files the main thread scans alone (a worker costs more to start than it saves). */
const INLINE_BELOW = 200;
const BATCH = 32;

/**
 * The threads a scan uses by default, the main thread included: the cores other processes leave
 * free (available parallelism minus the 1-minute load average, rounded), less one, at least one.
 * The core left over is for what each Node thread keeps busy beside it (the optimising compiler,
 * the garbage collector: about 0.2 of a core per scanning thread), and a thread costs its own
 * start-up (~150 ms of CPU to load the detector). On an idle 2-core machine a second thread did
 * not shorten a scan of 10,000 files; one thread each leaves room for both.
 */
export function defaultThreads(cores = availableParallelism(), load = loadavg()[0]!): number {
  return Math.max(1, Math.min(cores - 1, Math.round(cores - load)));
}

/**
 * Starts `count` scanning threads, which load the detector while the main thread lists the files.
 * They do not keep the process alive until `scanFiles` uses them: an error before the scan, or a
 * scan that needs none, exits without waiting for them.
 */
export function startWorkers(count: number): Worker[] {
  const url = new URL("./worker.js", import.meta.url);
  return Array.from({ length: Math.max(0, count) }, () => {
    const worker = new Worker(url);
    worker.unref();
    return worker;
  });
}

export async function scanFiles(jobs: readonly FileJob[], detector: Detector, options: PoolOptions): Promise<FileResult[]> {
  const useful = jobs.length < INLINE_BELOW ? 0 : Math.min(options.workers.length, Math.ceil(jobs.length / BATCH) - 1);
  const workers = options.workers.slice(0, useful);
  for (const w of options.workers.slice(useful)) void w.terminate();
  const results: FileResult[] = new Array(jobs.length);
  const scanRange = (from: number, to: number) => {
    for (let i = from; i < to; i++) results[i] = scanFile(jobs[i]!, detector, options.maxBytes, options.salt);
  };
  if (workers.length === 0) {
    scanRange(0, jobs.length);
    return results;
  }
  let next = 0;
  const take = () => {
    const from = next;
    next = Math.min(jobs.length, next + BATCH);
    return [from, next] as const;
  };
  const run = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      w.ref();
      let from = 0;
      const send = () => {
        if (next >= jobs.length) {
          void w.terminate().then(() => resolve());
          return;
        }
        const [a, b] = take();
        from = a;
        const batch: WorkerBatch = { jobs: jobs.slice(a, b), maxBytes: options.maxBytes, salt: options.salt };
        w.postMessage(batch);
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
  await Promise.all([...workers.map(run), main()]);
  return results;
}
