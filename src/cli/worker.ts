/** A scanning thread: reads and scans the batches of files the pool sends, answers with findings. */
import { parentPort, workerData } from "node:worker_threads";
import { createDetector } from "../detect/index.js";
import { scanFile, type FileJob } from "./files.js";

interface Data {
  readonly maxBytes: number;
  readonly salt: string | undefined;
}

const { maxBytes, salt } = workerData as Data;
const detector = createDetector();
parentPort!.on("message", (batch: readonly FileJob[]) => {
  parentPort!.postMessage(batch.map((job) => scanFile(job, detector, maxBytes, salt)));
});
