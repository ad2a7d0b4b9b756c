/** A scanning thread: reads and scans the batches of files the pool sends, answers with findings. */
import { parentPort } from "node:worker_threads";
import { createDetector } from "../detect/index.js";
import { scanFile } from "./files.js";
import type { WorkerBatch } from "./pool.js";

const detector = createDetector();
parentPort!.on("message", ({ jobs, maxBytes, salt }: WorkerBatch) => {
  parentPort!.postMessage(jobs.map((job) => scanFile(job, detector, maxBytes, salt)));
});
