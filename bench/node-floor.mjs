// The floor's work done in Node, for `npm run bench:scan`: what `git grep -I -E '<pattern>'` does
// (walk the tree without .git, read every file, skip binaries, run one regular expression, count
// the matching lines), in one Node process on one thread. It tells how much of keyguard's time is
// Node's own (start-up, the file system API, strings) and how much is keyguard's.
//
//   node bench/node-floor.mjs <pattern> [dir]      prints the number of matching lines
import { isAscii } from "node:buffer";
import { closeSync, openSync, readdirSync, readSync } from "node:fs";

const [pattern, root = "."] = process.argv.slice(2);
if (!pattern) {
  process.stderr.write("usage: node bench/node-floor.mjs <pattern> [dir]\n");
  process.exit(2);
}
const re = new RegExp(pattern, "g");
let buffer = Buffer.allocUnsafe(1 << 20);
let lines = 0;

function scan(path) {
  const fd = openSync(path, "r");
  let size = 0;
  try {
    for (let n; (n = readSync(fd, buffer, size, buffer.length - size, null)) > 0; ) {
      size += n;
      if (size === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger);
        buffer = bigger;
      }
    }
  } finally {
    closeSync(fd);
  }
  const bytes = buffer.subarray(0, size);
  if (bytes.subarray(0, 8000).indexOf(0) !== -1) return;
  const text = bytes.toString(isAscii(bytes) ? "latin1" : "utf8");
  // One count per matching line, as grep prints lines.
  let lastLine = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const line = text.lastIndexOf("\n", m.index);
    if (line !== lastLine) lines++;
    lastLine = line;
    const next = text.indexOf("\n", m.index);
    if (next === -1) break;
    re.lastIndex = next + 1;
  }
}

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name !== ".git") walk(`${dir}/${entry.name}`);
    } else if (entry.isFile()) scan(`${dir}/${entry.name}`);
  }
}

walk(root);
process.stdout.write(`${lines}\n`);
