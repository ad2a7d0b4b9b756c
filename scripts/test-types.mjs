// Type tests of keyguard/secret (tests/types/), run by `npm run test:types` after `npm run build`:
// 1. they compile under TypeScript 6.0 (`typescript`) and TypeScript 7 (`typescript7`);
// 2. compiled against keyguard/secret with the guard removed (tests/types/unguarded/), every
//    `@ts-expect-error` of guard.types.ts, but those marked "(sdk)", is reported unused (TS2578),
//    and nothing else fails: each of them fails because of the guard and for no other reason.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const compilers = { "TypeScript 6": "node_modules/typescript/bin/tsc", "TypeScript 7": "node_modules/typescript7/bin/tsc" };
let failed = false;

/** Runs tsc on a project. The four compilations are independent: they run at the same time. */
function tsc(bin, project) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "-p", project, "--pretty", "false"], { cwd: root });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}
const runs = Object.fromEntries(
  Object.entries(compilers).map(([name, bin]) => [
    name,
    { guarded: tsc(bin, "tests/types/tsconfig.json"), unguarded: tsc(bin, "tests/types/unguarded/tsconfig.json") },
  ]),
);

for (const [name, bin] of Object.entries(compilers)) {
  const version = spawnSync(process.execPath, [bin, "--version"], { cwd: root, encoding: "utf8" }).stdout.trim();
  const { status, output } = await runs[name].guarded;
  if (status === 0) {
    console.log(`✓ tests/types compile under ${name} (${version})`);
  } else {
    failed = true;
    console.error(`✗ tests/types fail under ${name} (${version}):\n${output}`);
  }
}

const file = "tests/types/guard.types.ts";
const expected = readFileSync(`${root}${file}`, "utf8")
  .split("\n")
  .flatMap((line, i) => (line.trimStart().startsWith("// @ts-expect-error") && !line.includes("(sdk)") ? [i + 1] : []));
for (const name of Object.keys(compilers)) {
  const { output } = await runs[name].unguarded;
  const errors = output.split("\n").filter((l) => / error TS\d+/.test(l));
  const unused = errors.filter((l) => l.includes("TS2578") && l.startsWith(`${file}(`)).map((l) => Number(/\((\d+),/.exec(l)?.[1]));
  const others = errors.filter((l) => !l.includes("TS2578"));
  const missing = expected.filter((line) => !unused.includes(line));
  const extra = unused.filter((line) => !expected.includes(line));
  if (expected.length === 0 || missing.length > 0 || extra.length > 0 || others.length > 0) {
    failed = true;
    console.error(
      `✗ without the guard (${name}), these @ts-expect-error lines still fail (they do not test the guard): ${missing.join(", ") || "none"}; ` +
        `unexpected unused: ${extra.join(", ") || "none"}; other errors:\n${others.join("\n") || "none"}`,
    );
  } else {
    console.log(`✓ without the guard (${name}), all ${expected.length} guard @ts-expect-error lines of ${file} compile (so each tests the guard)`);
  }
}

process.exit(failed ? 1 : 0);
