// keyguard scan on the command line, side by side with secretlint (recommended preset) and the
// floor: `git grep -E` of the seed guide's own pre-commit pattern, which reads every byte once and
// runs one regular expression. Same files, same machine, alternating order, one process per run.
// Then --history on a generated repository of thousands of commits, beside `git log -p` alone.
//
//   npm run bench:scan            (BENCH_ROUNDS=5, BENCH_COMMITS=5000 to change the sizes)
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { collectCorpus, corpusPackages, ensureDir, listFiles, machine, median, requireBuild, ROOT, updateResults, version } from "./lib.mjs";

requireBuild();
const BIN = join(ROOT, "dist", "src", "cli", "main.js");
const SECRETLINT = join(ROOT, "node_modules", "secretlint", "bin", "secretlint.js");
const NODE_FLOOR = join(ROOT, "bench", "node-floor.mjs");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const COMMITS = Number(process.env.BENCH_COMMITS ?? 5000);
const WORK = join(tmpdir(), `keyguard-bench-scan-${process.pid}`);
const CORPUS = join(WORK, "corpus");
const GUIDE_PATTERN = "(izzi-|sk-|gsk_|AIza)";
// The SDK sources installed as dev dependencies: about 9,600 TS/JS files (33 MiB). secretlint takes
// minutes over them, so it runs in the first round only (BENCH_SECRETLINT_ROUNDS to change that);
// BENCH_PACKAGES (comma-separated) and BENCH_GENERATED change the corpus.
const SDK_PACKAGES = [
  "openai", "@anthropic-ai/sdk", "ai", "@langchain/core", "groq-sdk", "@mistralai/mistralai", "cohere-ai", "together-ai",
  "@huggingface/inference", "@pinecone-database/pinecone", "langsmith", "@langchain/openai", "@ai-sdk/provider", "@ai-sdk/provider-utils",
];
const PACKAGES = process.env.BENCH_PACKAGES ? corpusPackages() : SDK_PACKAGES;
const SECRETLINT_ROUNDS = Number(process.env.BENCH_SECRETLINT_ROUNDS ?? 1);
/** secretlint is stopped after this many seconds (it took over 18 minutes for these files once); its time is then a lower bound. */
const SECRETLINT_TIMEOUT = Number(process.env.BENCH_SECRETLINT_TIMEOUT ?? 600);
const GENERATED = Number(process.env.BENCH_GENERATED ?? 300);
const progress = (what) => process.stderr.write(`[bench:scan] ${new Date().toISOString().slice(11, 19)} ${what}\n`);

// A seeded generator: the same corpus every run, and no key in this file.
let seed = 424242;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
const B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const keyMakers = [
  () => ["gs", "k_", pick(B62, 52)].join(""),
  () => ["iz", "zi-", pick(B62, 40)].join(""),
  () => ["AI", "za", pick(`${B62}_-`, 35)].join(""),
  () => ["sk-", "ant-", "api03-", pick(`${B62}_-`, 93), "AA"].join(""),
];
const word = () => pick("abcdefghijklmnopqrstuvwxyz", 3 + Math.floor(next() * 8));
const sentence = () => Array.from({ length: 6 + Math.floor(next() * 10) }, word).join(" ");

/** Non-code files of the kinds keys leak through, a few of them holding a generated key. */
function generateNonCode(dir, count) {
  const kinds = [
    ["config", "yaml", () => `${word()}:\n  ${word()}: ${word()}\n  url: https://${word()}.example.com/${word()}\n`],
    ["settings", "json", () => `  "${word()}": "${sentence()}",\n`],
    ["notes", "md", () => `## ${sentence()}\n\n${sentence()}. ${sentence()}.\n\n`],
    ["app", "env.example", () => `${word().toUpperCase()}_${word().toUpperCase()}=${word()}\n`],
    ["Dockerfile", "", () => `RUN apt-get install -y ${word()} ${word()} && echo ${sentence()}\n`],
    ["analysis", "ipynb", () => `  {"cell_type": "code", "source": ["print('${sentence()}')\\n"]},\n`],
    ["service", "toml", () => `[${word()}]\n${word()} = "${sentence()}"\n`],
  ];
  let keys = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const [base, ext, line] = kinds[i % kinds.length];
    const lines = [];
    const n = 20 + Math.floor(next() * 60);
    for (let k = 0; k < n; k++) lines.push(line());
    if (i % 97 === 0) {
      lines.splice(Math.floor(n / 2), 0, `token: ${keyMakers[keys % keyMakers.length]()}\n`);
      keys++;
    }
    const name = ext ? `${base}-${i}.${ext}` : `${base}.${i}`;
    const text = lines.join("");
    mkdirSync(join(dir, `d${i % 20}`), { recursive: true });
    writeFileSync(join(dir, `d${i % 20}`, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { count, keys, bytes };
}

function time(cmd, args, options = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // A run stopped by its timeout (secretlint's) is kept, with status null.
  if (r.error && r.error.code !== "ETIMEDOUT") throw r.error;
  return { ms, status: r.status, stdout: r.stdout.toString("utf8"), stderr: r.stderr.toString("utf8") };
}

function fmt(ms) {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

const ONLY = process.env.BENCH_ONLY; // "files" or "history" to run one part
const m = machine();
const gitVersion = spawnSync("git", ["--version"]).stdout.toString().trim().replace("git version ", "");
/**
 * What to say of the machine's load: the 1-minute load average counts the bench's own processes
 * (one per run, and secretlint's long one), so only above two, one process waiting per core, does
 * it tell of other work; then absolute times are noisy and the ratios are what to read.
 */
const loadSays = (load) =>
  load >= 2
    ? `**The machine was shared with other work during this run** (1-minute load average ${load.toFixed(1)} on ${m.cores} cores): absolute times are
noisy; the ratios are taken within each round (the tools run back to back) and are what to read.`
    : `No other work ran on the machine (1-minute load average ${load.toFixed(1)} on ${m.cores} cores, the bench's own processes included).`;
/** The 1-minute load average at the start and at the end of a part of the bench (2 cores: above 2, processes wait for a core). */
const loadNote = (start) => `Load average (1 min) at the start and end of this part: ${start.toFixed(1)} → ${loadavg()[0].toFixed(1)}.`;
rmSync(WORK, { recursive: true, force: true });
ensureDir(WORK);

async function filesBench() {
  const load = loadavg()[0];
  const code = collectCorpus(PACKAGES, join(CORPUS, "sdk"));
  const nonCode = generateNonCode(join(CORPUS, "generated"), GENERATED);
  const totalFiles = listFiles(CORPUS).length;
  const rc = join(WORK, "secretlintrc.json");
  writeFileSync(rc, JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }));
  // The same files as a git work tree (staged, not committed): the floor greps the tracked files and
  // keyguard lists them with `git ls-files`, as in a repository.
  const REPO = join(WORK, "repo");
  cpSync(CORPUS, REPO, { recursive: true });
  spawnSync("git", ["init", "-q"], { cwd: REPO });
  spawnSync("git", ["add", "-A"], { cwd: REPO });
  const scan = (cwd, ...extra) => () => time(process.execPath, [BIN, "scan", "--format", "json", ...extra], { cwd });
  // git grep given keyguard's own first pass: the detector's prefix pattern (PCRE, for its
  // lookbehind), when this git has PCRE; and the catalog's literal prefixes as one ERE alternation.
  const { compiledPatterns } = await import(pathToFileURL(join(ROOT, "dist", "src", "detect", "index.js")).href);
  const { PROVIDERS } = await import(pathToFileURL(join(ROOT, "dist", "src", "detect", "catalog.js")).href);
  const { defaultThreads } = await import(pathToFileURL(join(ROOT, "dist", "src", "cli", "pool.js")).href);
  const prefixPattern = compiledPatterns()[0].source;
  const literals = [...new Set(PROVIDERS.flatMap((p) => p.prefixes))];
  const literalPattern = `(${literals.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`;
  const hasPcre = spawnSync("git", ["grep", "--no-index", "-P", "x", "--", "."], { cwd: WORK }).status !== 128;
  const tools = {
    "git grep -E (floor)": () => time("git", ["grep", "--no-index", "-I", "-E", GUIDE_PATTERN, "--", "."], { cwd: CORPUS }),
    "node -e 0 (Node's start-up alone)": () => time(process.execPath, ["-e", "0"], { cwd: CORPUS }),
    "the floor's work in Node (bench/node-floor.mjs)": () => time(process.execPath, [NODE_FLOOR, GUIDE_PATTERN, "."], { cwd: CORPUS }),
    "keyguard scan": scan(CORPUS),
    "keyguard scan --threads 1": scan(CORPUS, "--threads", "1"),
    "keyguard scan --threads 2": scan(CORPUS, "--threads", "2"),
    ...(hasPcre
      ? { "git grep -P with keyguard's prefix pattern": () => time("git", ["grep", "--no-index", "-I", "-P", prefixPattern, "--", "."], { cwd: CORPUS }) }
      : {}),
    [`git grep -E of the catalog's ${literals.length} literal prefixes`]: () =>
      time("git", ["grep", "--no-index", "-I", "-E", literalPattern, "--", "."], { cwd: CORPUS }),
    "in git: git grep -E (floor)": () => time("git", ["grep", "-I", "-E", GUIDE_PATTERN], { cwd: REPO }),
    "in git: keyguard scan": scan(REPO),
    "secretlint (recommended)": () => {
      const r = time(process.execPath, [SECRETLINT, "--secretlintrc", rc, "--format", "json", "**/*"], { cwd: CORPUS, timeout: SECRETLINT_TIMEOUT * 1000 });
      if (r.status === null) secretlintStopped = true;
      return r;
    },
  };
  const names = Object.keys(tools);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  const ratios = { floor: [], threads1: [], git: [], nodeFloor: [], secretlint: [] };
  let secretlintStopped = false;
  let check;
  let inGit;
  tools["git grep -E (floor)"](); // warm-up: the files into the page cache
  tools["in git: git grep -E (floor)"]();
  for (let round = 0; round < ROUNDS; round++) {
    const order = (round % 2 === 0 ? names : [...names].reverse()).filter((n) => !n.startsWith("secretlint") || round < SECRETLINT_ROUNDS);
    const got = {};
    for (const n of order) {
      progress(`round ${round + 1}: ${n}`);
      const r = tools[n]();
      got[n] = r.ms;
      samples[n].push(r.ms);
      if (n === "keyguard scan") check = JSON.parse(r.stdout);
      if (n === "in git: keyguard scan") inGit = JSON.parse(r.stdout);
    }
    ratios.floor.push(got["keyguard scan"] / got["git grep -E (floor)"]);
    ratios.threads1.push(got["keyguard scan --threads 1"] / got["git grep -E (floor)"]);
    ratios.git.push(got["in git: keyguard scan"] / got["in git: git grep -E (floor)"]);
    ratios.nodeFloor.push(got["the floor's work in Node (bench/node-floor.mjs)"] / got["git grep -E (floor)"]);
    if (got["secretlint (recommended)"] !== undefined) ratios.secretlint.push(got["secretlint (recommended)"] / got["keyguard scan"]);
  }
  const ratioTo = (name) => (median(samples[name]) / median(samples["git grep -E (floor)"])).toFixed(2);
  const found = check.findings.length;
  const generatedFound = check.findings.filter((f) => f.file.startsWith("generated/")).length;
  const rows = names.map((n) => `| ${n} | ${samples[n].length} | ${fmt(median(samples[n]))} | ${fmt(Math.min(...samples[n]))} |`);
  const body = `## The \`keyguard scan\` command (\`npm run bench:scan\`)

Run: ${new Date().toISOString()} · ${m.cores} cores (${m.cpu}) · Node ${m.node} · git ${gitVersion} ·
secretlint ${version("secretlint")} with @secretlint/secretlint-rule-preset-recommend ${version("@secretlint/secretlint-rule-preset-recommend")}.
${loadSays(load)}
${loadNote(load)}

Corpus: ${totalFiles} files: ${code.files} TS/JS files (${(code.bytes / 2 ** 20).toFixed(1)} MiB) shipped in the installed SDKs
${PACKAGES.map((p) => `\`${p}\``).join(", ")} (\`.d.ts\`, \`.min.js\` and files over 512 KiB left out) and ${nonCode.count} generated non-code files
(YAML, JSON, Markdown, \`.env.example\`, Dockerfile, notebooks, TOML; ${(nonCode.bytes / 2 ** 20).toFixed(1)} MiB), ${nonCode.keys} of which hold a generated key.
The same directory is read outside git, and as a git work tree with every file staged ("in git": \`git grep\` searches the
tracked files, keyguard lists them with \`git ls-files\`). ${ROUNDS} round(s) in alternating order after one warm-up read of
the files (secretlint in the first ${SECRETLINT_ROUNDS} only: it takes minutes); one process per run, start-up included.

| tool | runs | median (ms) | best (ms) |
|---|---:|---:|---:|
${rows.join("\n")}

\`keyguard scan\` without \`--threads\` uses the cores the load average leaves free, less one (${defaultThreads(m.cores, load)} at the start of this run).

- keyguard ÷ floor (\`git grep --no-index -I -E '${GUIDE_PATTERN}'\`, with git's own threads): **${median(ratios.floor).toFixed(2)}×**
  (\`--threads 1\`: ${median(ratios.threads1).toFixed(2)}×; in git: ${median(ratios.git).toFixed(2)}×). Target: within 3×.
- The floor's own work done in Node, on one thread (walk, read, skip binaries, the one regular expression:
  \`bench/node-floor.mjs\`), takes ${median(ratios.nodeFloor).toFixed(2)}× the floor: that much of the ratio is Node's, before any of keyguard's work.
- git grep itself, given keyguard's first pass instead of the guide's four literals, takes ${hasPcre ? `${ratioTo("git grep -P with keyguard's prefix pattern")}× the floor with the detector's prefix pattern (PCRE) and ` : ""}${ratioTo(`git grep -E of the catalog's ${literals.length} literal prefixes`)}×
  with the catalog's literal prefixes (ERE): the floor's speed is that of a four-literal pattern, and a search for every format keyguard knows costs more in any tool.
- secretlint ÷ keyguard: **${secretlintStopped ? "over " : ""}${median(ratios.secretlint).toFixed(0)}×** (keyguard is faster when above 1)${
    secretlintStopped ? `: secretlint was stopped after ${SECRETLINT_TIMEOUT} s without having finished, so its row and this ratio are lower bounds` : ""
  }.
- keyguard found ${found} keys (${generatedFound} in the generated files, which hold ${nonCode.keys}; ${inGit.findings.length} in git); the floor's pattern only tells that
  \`sk-\`, \`AIza\`… occur, which they do in many SDK sources that hold no key.
`;
  updateResults("cli-scan", body);
  console.log(body);
}

function generateHistory(dir, commits) {
  ensureDir(dir);
  spawnSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
  const files = Array.from({ length: 200 }, (_, i) => ({
    path: `${["src", "lib", "config", "docs"][i % 4]}/${word()}-${i}.${["ts", "js", "yaml", "md"][i % 4]}`,
    lines: Array.from({ length: 30 }, sentence),
  }));
  const stream = join(WORK, "fast-import.txt");
  writeFileSync(stream, "");
  let keys = 0;
  for (let c = 1; c <= commits; c++) {
    const touched = 1 + Math.floor(next() * 3);
    let body = `commit refs/heads/main\ncommitter Bench <bench@example.invalid> ${1700000000 + c * 60} +0000\ndata 9\ncommit ${String(c).padStart(2, "0").slice(-2)}\n`;
    if (c === 1) body += files.map((f) => `M 100644 inline ${f.path}\ndata <<EOF_DATA\n${f.lines.join("\n")}\nEOF_DATA\n`).join("");
    else {
      for (let t = 0; t < touched; t++) {
        const f = files[Math.floor(next() * files.length)];
        const at = Math.floor(next() * f.lines.length);
        const added = Array.from({ length: 2 + Math.floor(next() * 10) }, sentence);
        if (c % 500 === 0 && t === 0) {
          added.push(`const leaked = "${keyMakers[keys % keyMakers.length]()}";`);
          keys++;
        }
        // About as many lines removed as added: the files stay near their first size.
        f.lines.splice(at, Math.min(f.lines.length - 10, Math.floor(next() * 12)), ...added);
        body += `M 100644 inline ${f.path}\ndata <<EOF_DATA\n${f.lines.join("\n")}\nEOF_DATA\n`;
      }
    }
    appendFileSync(stream, `${body}\n`);
  }
  const r = spawnSync("sh", ["-c", 'exec git fast-import --quiet < "$0"', stream], { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`fast-import failed: ${r.stderr}`);
  spawnSync("git", ["checkout", "-q", "main"], { cwd: dir });
  return keys;
}

function historyBench() {
  const load = loadavg()[0];
  const repo = join(WORK, "history");
  progress(`generating a history of ${COMMITS} commits`);
  const historyKeys = generateHistory(repo, COMMITS);
  const hist = { floor: [], keyguard: [] };
  let report;
  time("git", ["log", "-p", "-U0", "--all", "--no-renames"], { cwd: repo }); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    progress(`history round ${round + 1}`);
    hist.floor.push(time("git", ["log", "-p", "-U0", "--no-color", "--all", "--no-renames"], { cwd: repo }).ms);
    const b = time(process.execPath, [BIN, "scan", "--history", "--format", "json"], { cwd: repo });
    hist.keyguard.push(b.ms);
    report = JSON.parse(b.stdout);
  }
  const body = `## \`keyguard scan --history\` (\`npm run bench:scan\`)

Run: ${new Date().toISOString()} · ${m.cores} cores (${m.cpu}) · Node ${m.node} · git ${gitVersion}.
${loadSays(load)}
${loadNote(load)}

A generated repository of ${COMMITS} commits on 200 files (each commit changes 1 to 3 files; ${historyKeys} commits add a key),
built with \`git fast-import\`. ${ROUNDS} round(s) after one warm-up.

| | median (ms) |
|---|---:|
| \`git log -p -U0 --all --no-renames\` alone (the floor: git producing the diffs) | ${fmt(median(hist.floor))} |
| \`keyguard scan --history\` (the same \`git log\`, parsed and scanned while git runs) | ${fmt(median(hist.keyguard))} |

keyguard ÷ git log: **${(median(hist.keyguard) / median(hist.floor)).toFixed(2)}×**; ${report.commits} commits, ${report.scanned} file changes with added lines read,
${report.findings.length} keys found (${historyKeys} added).
`;
  updateResults("cli-history", body);
  console.log(body);
}

if (ONLY !== "history") await filesBench();
if (ONLY !== "files") historyBench();
rmSync(WORK, { recursive: true, force: true });
