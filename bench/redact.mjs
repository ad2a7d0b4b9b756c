// Throughput of keyguard/redact on realistic log text: JSON lines as pino writes them (a request
// log with a method, a URL, a status, a duration, a user agent, nested context), with no key and
// with a key in one line of 50. Measures, in MB/s of log text:
//   - redactText line by line (what pinoRedaction's streamWrite hook does to each line),
//   - redactText on 1 MiB chunks (a stream wrapper, a log file),
//   - redact() of the record objects (what winstonRedaction does),
// each with 0, 20 and 1,000 values (random passwords; 1,000 is about the registry's cap, a process
// whose rotating secret rotated for weeks) in the loaded-value registry; and pino end to end
// (lines/s into a null stream) without and with pinoRedaction. Times are CPU time of this process
// (user + system), the least of 5 rounds: on a machine shared with other work, wall time measures
// the others too. Run: npm run bench:redact; `node bench/redact.mjs --dist <dir>` measures another
// build (an older one, for a before/after comparison).
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import pino from "pino";
import { ROOT, machine } from "./lib.mjs";

const distFlag = process.argv.indexOf("--dist");
const DIST = distFlag > 0 ? process.argv[distFlag + 1] : join(ROOT, "dist");
const dist = (p) => import(pathToFileURL(join(DIST, p)).href);
const { createRedactor } = await dist("src/redact/index.js");
const { pinoRedaction } = await dist("src/redact/index.js");
const { unsafeSecretString } = await dist("src/secret/index.js");

/** A seeded PRNG (mulberry32) and random strings: keys are built at run time, never written here. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = rng(42);
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const chars = (n, alphabet = ALNUM) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
const KEY_SHAPES = [
  () => ["sk-", "proj-", chars(74), "T3Blbk", "FJ", chars(74)].join(""),
  () => ["sk-", "ant-api03-", chars(93), "AA"].join(""),
  () => ["gs", "k_", chars(52)].join(""),
];
const makeKey = () => KEY_SHAPES[Math.floor(next() * KEY_SHAPES.length)]();

const LINES = 100_000;
const paths = ["/v1/chat/completions", "/api/users/1234/settings", "/healthz", "/api/search?q=shoes&page=2", "/v1/embeddings"];
const agents = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36", "curl/8.5.0", "okhttp/4.12.0"];

function record(i, withKey) {
  const rec = {
    level: 30,
    time: 1764633600000 + i,
    pid: 4242,
    hostname: "api-7d9f",
    req: { id: `req-${i}`, method: i % 3 ? "GET" : "POST", url: paths[i % paths.length], userAgent: agents[i % agents.length] },
    res: { statusCode: i % 17 ? 200 : 502 },
    responseTime: (i * 7) % 900,
    ctx: { tenant: `t-${i % 97}`, feature: "chat", retries: i % 4 },
    msg: i % 17 ? "request completed" : "upstream error: connection reset by peer",
  };
  if (withKey) rec.ctx.authorization = `Bearer ${makeKey()}`;
  return rec;
}

const datasets = {};
for (const [name, every] of [["no keys", 0], ["a key in 1 line of 50", 50]]) {
  const records = Array.from({ length: LINES }, (_, i) => record(i, every > 0 && i % every === 0));
  const lines = records.map((r) => `${JSON.stringify(r)}\n`);
  const text = lines.join("");
  const chunks = [];
  for (let at = 0; at < text.length; at += 1 << 20) chunks.push(text.slice(at, at + (1 << 20)));
  datasets[name] = { records, lines, chunks, bytes: Buffer.byteLength(text), keys: every > 0 ? Math.ceil(LINES / every) : 0 };
}

/** The least CPU time (ms) of `rounds` runs of `fn`, after one warm-up run. */
function time(fn, rounds = 5) {
  fn();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}
const mbps = (bytes, ms) => (bytes / 2 ** 20 / (ms / 1000)).toFixed(1);

/** Checks a result: no key may survive (a bench of a redactor that lets keys through would mean nothing). */
function check(name, out) {
  const text = typeof out === "string" ? out : JSON.stringify(out);
  if (/(sk-proj-|sk-ant-api03-|gsk_)[A-Za-z0-9_-]{20}/.test(text)) throw new Error(`${name}: a key survived redaction`);
}

console.log(`keyguard/redact throughput: ${LINES.toLocaleString()} JSON log lines per dataset`);
const m = machine();
console.log(`machine: ${m.cpu}, ${m.cores} cores (shared with other work: compare ratios within one run), Node ${m.node}; build: ${DIST}\n`);
class Sink extends Writable {
  bytes = 0;
  write(chunk) {
    this.bytes += chunk.length;
    return true;
  }
}
/** pino end to end: the same records logged through pino into a stream that drops them, and once into one that is checked. */
function benchPino() {
  console.log("| pino end to end (no loaded values) | lines/s without | lines/s with pinoRedaction | cost |");
  console.log("| --- | --- | --- | --- |");
  for (const [name, d] of Object.entries(datasets)) {
    const run = (options) => {
      const sink = new Sink();
      const logger = pino(options, sink);
      const ms = time(() => {
        for (const r of d.records) logger.info({ req: r.req, res: r.res, ctx: r.ctx, responseTime: r.responseTime }, r.msg);
      });
      return LINES / (ms / 1000);
    };
    const plain = run({});
    const redacted = run(pinoRedaction());
    const lines = [];
    const logger = pino(pinoRedaction(), new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    for (const r of d.records.slice(0, 2000)) logger.info({ req: r.req, res: r.res, ctx: r.ctx, responseTime: r.responseTime }, r.msg);
    check(`${name} through pino`, lines.join(""));
    console.log(`| ${name} | ${Math.round(plain).toLocaleString()} | ${Math.round(redacted).toLocaleString()} | ${(plain / redacted).toFixed(2)}× slower |`);
  }
}
benchPino();
console.log();
console.log("| dataset | registry | MiB | redactText per line | redactText per 1 MiB chunk | redact() per record |");
console.log("| --- | --- | --- | --- | --- | --- |");
const rows = [];
let loaded = 0;
for (const registry of [0, 20, 1000]) {
  for (; loaded < registry; loaded++) unsafeSecretString(chars(24, `${ALNUM}-_.!`));
  const redactor = createRedactor();
  for (const [name, d] of Object.entries(datasets)) {
    let out;
    const perLine = time(() => {
      out = d.lines.map((l) => redactor.text(l));
    });
    check(`${name} per line`, out.join(""));
    const perChunk = time(() => {
      out = d.chunks.map((c) => redactor.text(c));
    });
    check(`${name} per chunk`, out.join(""));
    const perRecord = time(() => {
      out = d.records.map((r) => redactor.value(r));
    });
    check(`${name} per record`, out);
    const row = `| ${name} | ${registry} values | ${(d.bytes / 2 ** 20).toFixed(1)} | ${mbps(d.bytes, perLine)} MB/s | ${mbps(d.bytes, perChunk)} MB/s | ${mbps(d.bytes, perRecord)} MB/s |`;
    rows.push(row);
    console.log(row);
  }
}

