#!/usr/bin/env node
// The cost of keyguard's two type-aware rules (require-secret-string, no-secret-cast) on a
// type-checked lint of a real project: a generated application of FILES modules that uses the real
// openai and @anthropic-ai/sdk types and keyguard/secret (resolved, as a user's project resolves it,
// to the built package: `npm run build` first). Measured as the ratio of the same type-checked lint
// (typescript-eslint parser with `projectService`, keyguard's other recommended rules) with and
// without the two rules: runs alternate, each in a fresh process (no warm project service carried
// over), and the medians are compared. ESLint's own per-rule timings (`stats`) are reported beside.
//
//   npm run bench:typed                      # FILES=60 ROUNDS=7
//   FILES=120 ROUNDS=9 npm run bench:typed
//
// Writes nothing but bench/.out/ (the generated project); paste the printed table into
// bench/RESULTS-typed.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const project = `${root}bench/.out/typed-project/`;
const TYPE_AWARE = ["keyguard/require-secret-string", "keyguard/no-secret-cast"];

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error(`${name} must be an integer from 1 to 10000, got ${JSON.stringify(raw)}`);
  return n;
}

/** One module of the generated application: clients, wrappers, requests, and ordinary application code. */
function moduleSource(i) {
  return `import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";
import { secretFromEnv, type SecretString } from "keyguard/secret";
import { formatUsage${i === 0 ? "" : `, type Ticket`} } from "./shared.js";
${i === 0 ? "import type { Ticket } from \"./shared.js\";\n" : ""}
export function openaiClient${i}(key: SecretString, baseURL?: string): OpenAI {
  return new OpenAI({ apiKey: key, baseURL, maxRetries: ${i % 4}, timeout: ${10_000 + i} });
}

export const anthropic${i} = new Anthropic({ apiKey: secretFromEnv("ANTHROPIC_API_KEY"), maxRetries: 2 });

export async function summarise${i}(client: OpenAI, tickets: readonly Ticket[]): Promise<string> {
  const open = tickets.filter((t) => t.status !== "closed").sort((a, b) => b.priority - a.priority);
  const response = await client.chat.completions.create({
    model: "gpt-4o-mini",
    temperature: 0.${i % 10},
    messages: [
      { role: "system", content: "Summarise these support tickets in three bullet points." },
      { role: "user", content: open.map((t) => \`#\${t.id} [\${t.priority}] \${t.title}\`).join("\\n") },
    ],
  });
  const usage = response.usage ? formatUsage(response.usage.prompt_tokens, response.usage.completion_tokens) : "";
  return (response.choices[0]?.message.content ?? "") + usage;
}

export async function classify${i}(text: string): Promise<"bug" | "question" | "other"> {
  const message = await anthropic${i}.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 16,
    messages: [{ role: "user", content: \`Answer bug, question or other: \${text}\` }],
  });
  const answer = message.content.map((block) => (block.type === "text" ? block.text : "")).join("").trim().toLowerCase();
  return answer === "bug" || answer === "question" ? answer : "other";
}

export class TicketQueue${i} {
  private readonly items = new Map<number, Ticket>();
  constructor(private readonly client: OpenAI) {}

  add(ticket: Ticket): void {
    this.items.set(ticket.id, { ...ticket, title: ticket.title.trim() });
  }

  byStatus(status: Ticket["status"]): Ticket[] {
    return [...this.items.values()].filter((t) => t.status === status);
  }

  async digest(): Promise<string> {
    const groups = new Map<Ticket["status"], Ticket[]>();
    for (const t of this.items.values()) groups.set(t.status, [...(groups.get(t.status) ?? []), t]);
    const parts = await Promise.all([...groups].map(async ([status, list]) => \`\${status}: \${await summarise${i}(this.client, list)}\`));
    return parts.join("\\n\\n");
  }
}
`;
}

const SHARED = `export interface Ticket {
  id: number;
  title: string;
  status: "open" | "pending" | "closed";
  priority: number;
}

export function formatUsage(prompt: number, completion: number): string {
  return \`\\n(\${prompt} + \${completion} tokens)\`;
}
`;

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2023"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    types: ["node"],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ["src"],
};

function generate(files) {
  rmSync(project, { recursive: true, force: true });
  mkdirSync(`${project}src`, { recursive: true });
  writeFileSync(`${project}tsconfig.json`, JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(`${project}src/shared.ts`, SHARED);
  for (let i = 0; i < files; i++) writeFileSync(`${project}src/module${i}.ts`, moduleSource(i));
}

/** Child: one type-checked lint of the project, with or without the two rules; prints JSON timings. */
async function child(variant) {
  const { ESLint } = await import("eslint");
  const { default: keyguard } = await import("keyguard");
  const tsParser = (await import("@typescript-eslint/parser")).default;
  const base = { ...keyguard.configs.recommended.rules };
  for (const rule of TYPE_AWARE) delete base[rule];
  const rules = variant === "with" ? { ...base, ...Object.fromEntries(TYPE_AWARE.map((r) => [r, "error"])) } : base;
  const eslint = new ESLint({
    cwd: project,
    overrideConfigFile: true,
    stats: true,
    overrideConfig: [
      {
        files: ["**/*.ts"],
        languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: project } },
        plugins: { keyguard },
        rules,
      },
    ],
  });
  const start = process.hrtime.bigint();
  const results = await eslint.lintFiles(["src/**/*.ts"]);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const ruleMs = {};
  let parseMs = 0;
  for (const r of results) {
    if (r.fatalErrorCount > 0) throw new Error(`${r.filePath}: ${r.messages[0]?.message}`);
    for (const pass of r.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [id, t] of Object.entries(pass.rules ?? {})) ruleMs[id] = (ruleMs[id] ?? 0) + t.total;
    }
  }
  const problems = results.reduce((n, r) => n + r.messages.length, 0);
  process.stdout.write(JSON.stringify({ ms, parseMs, ruleMs, files: results.length, problems }));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  if (!existsSync(`${root}dist/src/secret/index.d.ts`)) throw new Error("dist/ is missing or incomplete: run `npm run build` first");
  const files = positiveInt("FILES", 60);
  const rounds = positiveInt("ROUNDS", 7);
  generate(files);
  const run = (variant) => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", variant], { cwd: root, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`bench child (${variant}) failed:\n${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const samples = { without: [], with: [] };
  run("without"); // warm the file system cache once, not measured
  for (let i = 0; i < rounds; i++) {
    // Alternate the order every round, so that drift (thermal, other load) hits both sides alike.
    const order = i % 2 === 0 ? ["without", "with"] : ["with", "without"];
    for (const v of order) samples[v].push(run(v));
    process.stderr.write(`round ${i + 1}/${rounds}: without ${samples.without.at(-1).ms.toFixed(0)} ms, with ${samples.with.at(-1).ms.toFixed(0)} ms\n`);
  }
  const wWithout = median(samples.without.map((s) => s.ms));
  const wWith = median(samples.with.map((s) => s.ms));
  const ruleTotal = (s) => TYPE_AWARE.reduce((n, id) => n + (s.ruleMs[id] ?? 0), 0);
  const ownMs = median(samples.with.map(ruleTotal));
  const perRule = Object.fromEntries(TYPE_AWARE.map((id) => [id, median(samples.with.map((s) => s.ruleMs[id] ?? 0))]));
  const problems = samples.with[0].problems;
  const lines = [
    `Type-checked lint of a generated project: ${files + 1} files (openai ${pkgVersion("openai")}, @anthropic-ai/sdk ${pkgVersion("@anthropic-ai/sdk")}, keyguard/secret from dist), ${rounds} alternating rounds, fresh process per run, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    "",
    "| measure | median |",
    "| --- | --- |",
    `| lint without the two rules (wall clock) | ${wWithout.toFixed(0)} ms |`,
    `| lint with the two rules (wall clock) | ${wWith.toFixed(0)} ms |`,
    `| **extra, wall clock** | **${(((wWith / wWithout) - 1) * 100).toFixed(1)} %** (ratio ${(wWith / wWithout).toFixed(3)}) |`,
    ...TYPE_AWARE.map((id) => `| ${id} (ESLint stats) | ${perRule[id].toFixed(1)} ms |`),
    `| **extra, rule time / lint time** | **${((ownMs / wWithout) * 100).toFixed(1)} %** |`,
    `| problems reported with the rules | ${problems} |`,
  ];
  console.log(lines.join("\n"));
}

function pkgVersion(name) {
  return JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, "utf8")).version;
}

if (process.argv[2] === "--child") await child(process.argv[3]);
else await main();
