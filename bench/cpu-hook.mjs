// Preloaded into benchmarked child processes (`node --import`): on exit, writes the process's
// user+system CPU time (all threads) in milliseconds to the file named by BENCH_CPU_FILE.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_CPU_FILE;
if (file) {
  process.on("exit", () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (user + system) / 1000 }));
  });
}
