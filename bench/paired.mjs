#!/usr/bin/env node
// File-by-file paired lint, in one process: every corpus file is linted by each config in turn
// (the order rotating from file to file), and each config's time is summed over the files. The
// configs see the same machine load within milliseconds of each other, so the drift of a shared
// VM over minutes, which moves CLI wall times by ±10%, cancels out of the ratios.
//
//   node bench/paired.mjs <dir with eslint.X.config.mjs files> <corpus dir> A,B,D
//
// Prints one JSON line: { files, passes, ms: { A, B, … }, messages } after a warm-up over the first
// WARM_UP files that is not counted. BENCH_PAIRED_PASSES sets the counted passes (default 2).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { listFiles } from "./lib.mjs";

const [dir, corpus, names = "A,B"] = process.argv.slice(2);
const configs = names.split(",");
const PASSES = Math.max(1, Number(process.env.BENCH_PAIRED_PASSES ?? 2));
const WARM_UP = 300;

const files = listFiles(corpus);
const texts = files.map((file) => [file, readFileSync(file, "utf8")]);

const linters = Object.fromEntries(
  configs.map((name) => [name, new ESLint({ cwd: dir, overrideConfigFile: join(dir, `eslint.${name}.config.mjs`), cache: false })]),
);
const ms = Object.fromEntries(configs.map((name) => [name, 0]));
const messages = Object.fromEntries(configs.map((name) => [name, 0]));
for (let pass = 0; pass <= PASSES; pass++) {
  for (let i = 0; i < (pass === 0 ? Math.min(WARM_UP, texts.length) : texts.length); i++) {
    const [filePath, text] = texts[i];
    for (let k = 0; k < configs.length; k++) {
      const name = configs[(i + k) % configs.length];
      const start = process.hrtime.bigint();
      const [result] = await linters[name].lintText(text, { filePath });
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      if (pass > 0) {
        ms[name] += elapsed;
        messages[name] += result.messages.length;
      }
    }
  }
}
console.log(JSON.stringify({ files: texts.length, passes: PASSES, ms, messages }));
