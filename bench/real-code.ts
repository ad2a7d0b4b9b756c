/**
 * `npm run bench:real`: lints every TypeScript/JavaScript file shipped by the AI SDKs of the
 * real-code test (openai, @anthropic-ai/sdk, groq-sdk, ai), then by SDKs of other kinds
 * (`MORE_PACKAGES`: AWS, Stripe, Twilio, SendGrid, Slack, Octokit, Google auth, more AI SDKs) with
 * no-hardcoded-key and its default options, and prints the count of findings (target 0; each
 * finding is printed masked). Writes the counts to the `bench:real` section of bench/RESULTS.md.
 * Exits 1 when there is any finding or parse error.
 */
import { cpus } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expandSpec, lintSources, MORE_PACKAGES, PACKAGES, shippedSources, type RealCodeResult } from "./sources.js";

interface Row {
  readonly group: string;
  readonly kind: string;
  readonly packages: readonly string[];
  readonly result: RealCodeResult;
  readonly seconds: number;
}

function run(group: string, kind: string, packages: readonly string[]): Row {
  const files = packages.flatMap((name) => shippedSources(name));
  const started = Date.now();
  const result = lintSources(files);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `${group.padEnd(22)} ${String(packages.length).padStart(3)} pkg ${String(result.files).padStart(6)} files  ${(result.bytes / 1e6).toFixed(1).padStart(6)} MB  ` +
      `${result.findings.length} finding(s)  ${result.parseErrors.length} parse error(s)  ${seconds.toFixed(1)} s`,
  );
  for (const line of result.findings) console.log(`  ${line}`);
  for (const line of result.parseErrors) console.log(`  parse error: ${line}`);
  return { group, kind, packages, result, seconds };
}

const base = PACKAGES.map((name) => run(name, "AI SDK (real-code test)", [name]));
console.log("");
const more = MORE_PACKAGES.map(({ spec, kind }) => run(spec, kind, expandSpec(spec)));

const sum = (rows: readonly Row[], f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0);
const findings = (rows: readonly Row[]) => sum(rows, (r) => r.result.findings.length);
const errors = (rows: readonly Row[]) => sum(rows, (r) => r.result.parseErrors.length);
console.log(`\nno-hardcoded-key findings: ${findings(base)} in the AI SDKs, ${findings(more)} in the larger run (target 0)`);

const fmt = (rows: readonly Row[]) =>
  rows
    .map((r) => `| \`${r.group}\` | ${r.kind} | ${r.packages.length} | ${r.result.files.toLocaleString("en")} | ${(r.result.bytes / 1e6).toFixed(1)} | ${r.result.findings.length} | ${r.result.parseErrors.length} | ${r.seconds.toFixed(1)} |`)
    .join("\n");
const all = [...base, ...more];
const findingLines = all.flatMap((r) => r.result.findings.map((f) => `- ${f}`));
const body = `## Real code (\`npm run bench:real\`)

Run: ${new Date().toISOString()} · ${cpus().length} cores (shared machine) · Node ${process.version} · no-hardcoded-key, default options, in-process
\`Linter\` with the TypeScript parser, every \`.ts/.mts/.cts/.js/.mjs/.cjs\` file (\`.d.ts\` included) the packages ship. None of
these sources holds a real key: every finding is a false positive.

| group | kind | packages | files | MB | findings | parse errors | s |
|---|---|---:|---:|---:|---:|---:|---:|
${fmt(base)}
${fmt(more)}

Findings: **${findings(base)}** in the AI SDKs of the real-code test (${sum(base, (r) => r.result.files).toLocaleString("en")} files), **${findings(more)}** in the larger run
(${sum(more, (r) => r.packages.length)} packages of ${more.length} kinds, ${sum(more, (r) => r.result.files).toLocaleString("en")} files, ${(sum(more, (r) => r.result.bytes) / 1e6).toFixed(0)} MB); parse errors: ${errors(all)}. Target 0.
${findingLines.length ? `\n${findingLines.join("\n")}\n` : ""}`;
// bench/lib.mjs writes every bench's section of RESULTS.md (this file runs compiled, from bench/.out).
const lib = (await import(pathToFileURL(join(process.cwd(), "bench", "lib.mjs")).href)) as { updateResults(name: string, body: string): void };
lib.updateResults("real", body);

if (findings(all) > 0 || errors(all) > 0) process.exit(1);
