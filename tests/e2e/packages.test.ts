// End to end, as a user gets keyguard: both packages packed from dist/ (scripts/pack.mjs, which
// also runs publint and @arethetypeswrong/cli on the tarballs), installed from the tarballs into
// projects generated outside the repository, and linted through the real `npx eslint .` CLI.
// `npm test` builds dist/ first. Needs the npm registry (or npm's cache) for eslint and the
// plugin's dependencies. One install is shared by the lint cases; typescript-eslint is added to it
// last, so the first cases run with only the two packages and eslint installed.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { fakeKey } from "../helpers/keys.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { version: string }> };
const locked = (name: string) => lock.packages[`node_modules/${name}`]!.version;
const npmFlags = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];
// The child npm and eslint must not see the npm_* variables of the `npm test` that runs us.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_")));

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ status: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

function du(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    bytes += entry.isDirectory() ? du(path) : statSync(path).size;
  }
  return bytes;
}

// Keys made now, never written in the repository.
const openai = fakeKey("openai-project", 11);
const anthropic = fakeKey("anthropic", 12);
const groq = fakeKey("groq", 13);
const keys = [openai, anthropic, groq];

const sources = {
  // TypeScript syntax, so that only a TypeScript parser reads it
  "src/chat.ts": `import OpenAI from "openai";\n\ninterface Options { model: string }\nexport const options: Options = { model: "gpt-5" };\nexport const client = new OpenAI({ apiKey: "${openai}" });\n`,
  "src/App.tsx": `type Props = { title: string };\nexport function App({ title }: Props) {\n  return <Chat title={title} apiKey="${anthropic}" />;\n}\ndeclare function Chat(props: { title: string; apiKey: string }): JSX.Element;\n`,
  "src/legacy.cjs": `module.exports = { groqKey: "${groq}" };\n`,
  "src/ok.mts": `export const key: string | undefined = process.env.OPENAI_API_KEY;\n`,
};
const expected = { "src/chat.ts": openai, "src/App.tsx": anthropic, "src/legacy.cjs": groq };

let work: string;
let app: string;
let runtime: string;
let tarballs: Record<"keyguard" | "eslint-plugin-keyguard", string>;
let packOutput: Run;
let installs: Run[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "keyguard-e2e-"));
  app = join(work, "app");
  runtime = join(work, "runtime");
  let t = Date.now();
  const lap = (what: string) => (console.log(`${what}: ${((Date.now() - t) / 1000).toFixed(1)} s`), (t = Date.now()));
  packOutput = await run(process.execPath, [join(root, "scripts/pack.mjs"), "--check", "--out", join(work, "tarballs")], root);
  if (packOutput.status !== 0) throw new Error(`scripts/pack.mjs failed:\n${packOutput.stdout}${packOutput.stderr}`);
  tarballs = JSON.parse(packOutput.stdout.trim().split("\n").at(-1)!);
  lap("pack, publint, attw");
  write(app, { "package.json": JSON.stringify({ name: "app", private: true, type: "module" }), ...sources });
  write(runtime, { "package.json": JSON.stringify({ name: "service", private: true, type: "module" }) });
  // the README's installs (the app's two in one command), at once
  installs = await Promise.all([
    run("npm", ["install", ...npmFlags, tarballs["eslint-plugin-keyguard"], `eslint@${locked("eslint")}`, tarballs.keyguard], app),
    run("npm", ["install", ...npmFlags, "--omit=dev", tarballs.keyguard], runtime),
  ]);
  for (const r of installs) if (r.status !== 0) throw new Error(`npm install failed:\n${r.stdout}${r.stderr}`);
  lap("npm install (app, and runtime only)");
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Finding {
  file: string;
  ruleId: string | null;
  message: string;
  fatal: boolean;
}

/**
 * `npx eslint .` with this config file: its findings (from `-f json`), and with `stylish`, the
 * output a user reads. No key is printed (the JSON format's `source`, the file's own text, aside).
 */
async function lint(configFile: string, config: string, stylish = false): Promise<{ status: number; output: string; findings: Finding[] }> {
  for (const f of ["eslint.config.js", "eslint.config.cjs", "eslint.config.mjs"]) rmSync(join(app, f), { force: true });
  writeFileSync(join(app, configFile), config);
  const json = await run("npx", ["eslint", ".", "-f", "json"], app);
  expect(json.stderr).toBe("");
  const results = JSON.parse(json.stdout) as { filePath: string; source?: string; messages: { ruleId: string | null; message: string; fatal?: boolean }[] }[];
  const printed = JSON.stringify(results.map(({ source: _, ...rest }) => rest));
  const human = stylish ? await run("npx", ["eslint", "."], app) : undefined;
  for (const key of keys) expect(`${printed}${human?.stdout ?? ""}${human?.stderr ?? ""}`).not.toContain(key);
  const findings = results.flatMap((r) =>
    r.messages.map((m) => ({ file: r.filePath.slice(app.length + 1), ruleId: m.ruleId, message: m.message, fatal: m.fatal === true })),
  );
  return { status: json.status, output: human?.stdout ?? "", findings };
}

/** Every planted key is reported once in its file, masked, by no-hardcoded-key alone; nothing fails to parse. */
function expectPlantedKeys(findings: Finding[]): void {
  expect(findings.filter((f) => f.fatal)).toEqual([]);
  for (const [file, key] of Object.entries(expected)) {
    const here = findings.filter((f) => f.file === file && f.ruleId?.startsWith("keyguard/"));
    expect(here.map((f) => f.ruleId), file).toEqual(["keyguard/no-hardcoded-key"]);
    expect(here[0]!.message).toContain(mask(key));
  }
  expect(findings.filter((f) => f.file === "src/ok.mts")).toEqual([]);
}

describe("the packages", () => {
  it("pass publint and @arethetypeswrong/cli", () => {
    for (const name of ["keyguard", "eslint-plugin-keyguard"]) {
      expect(packOutput.stdout).toContain(`✓ publint ${name}`);
      expect(packOutput.stdout).toContain(`✓ attw ${name}`);
    }
  });

  it("install for production without ESLint or TypeScript, in under 1 MB", async () => {
    const modules = join(runtime, "node_modules");
    expect(readdirSync(modules).filter((d) => !d.startsWith("."))).toEqual(["keyguard"]);
    for (const heavy of ["eslint", "typescript", "@typescript-eslint", "eslint-plugin-keyguard"]) expect(existsSync(join(modules, heavy))).toBe(false);
    const bytes = du(modules);
    console.log(`runtime install (npm install keyguard --omit=dev): 1 package, ${(bytes / 1024).toFixed(1)} kB in node_modules`);
    expect(bytes).toBeLessThan(1024 * 1024);
    // …and it works: the detector masks, the loader reads the environment
    const script = `import { detect } from "keyguard/detect";\nimport { secretFromEnv } from "keyguard/secret";\nconst [f] = detect(process.argv[2]);\nconsole.log(f.masked, typeof secretFromEnv);\n`;
    write(runtime, { "check.mjs": script });
    const r = await run(process.execPath, ["check.mjs", `key = "${openai}"`], runtime);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe(`${mask(openai)} function`);
  });

  it("keyguard's main export says what to install when eslint-plugin-keyguard is missing", async () => {
    for (const code of ['import("keyguard")', 'require("keyguard")']) {
      const r = await run(process.execPath, ["--input-type=module", "-e", code.startsWith("require") ? `import { createRequire } from "node:module"; createRequire(import.meta.url)("keyguard");` : `await ${code};`], runtime);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("npm install --save-dev eslint-plugin-keyguard eslint");
    }
  });
});

describe("npx eslint . in a TypeScript project with only the plugin and eslint", { timeout: 120_000 }, () => {
  it('lints .ts, .tsx and .cjs files with `import keyguard from "eslint-plugin-keyguard"` and [keyguard.configs.recommended]', async () => {
    const { status, output, findings } = await lint(
      "eslint.config.js",
      'import keyguard from "eslint-plugin-keyguard";\n\nexport default [keyguard.configs.recommended];\n',
      true,
    );
    console.log(`npx eslint . (README sample):\n${output.replaceAll(app, "~/app")}`);
    expect(status).toBe(1);
    expectPlantedKeys(findings);
    expect(output).toContain(mask(openai));
    expect(output).toMatch(/src[/\\]App\.tsx/);
  });

  it('works the same with `import keyguard from "keyguard"`', async () => {
    const { findings } = await lint("eslint.config.js", 'import keyguard from "keyguard";\n\nexport default [keyguard.configs.recommended];\n');
    expectPlantedKeys(findings);
  });

  it("works from eslint.config.cjs with require(), both names giving the same plugin", async () => {
    const config =
      'const keyguard = require("keyguard");\n\nif (keyguard !== require("eslint-plugin-keyguard")) throw new Error("two different plugins");\nmodule.exports = [keyguard.configs.strict];\n';
    const { findings } = await lint("eslint.config.cjs", config);
    expectPlantedKeys(findings);
  });

  it("works beside typescript-eslint's configs, in an array and in defineConfig", async () => {
    const r = await run("npm", ["install", ...npmFlags, "--save-dev", `typescript-eslint@${locked("typescript-eslint")}`], app);
    expect(r.status, r.stderr).toBe(0);
    write(app, { "src/any.ts": "export let loose: any = 1;\n" });
    try {
      const configs = [
        'import tseslint from "typescript-eslint";\nimport keyguard from "eslint-plugin-keyguard";\n\nexport default [...tseslint.configs.recommended, keyguard.configs.recommended];\n',
        'import { defineConfig } from "eslint/config";\nimport tseslint from "typescript-eslint";\nimport keyguard from "keyguard";\n\nexport default defineConfig(keyguard.configs.recommended, tseslint.configs.recommended);\n',
      ];
      for (const config of configs) {
        const { findings } = await lint("eslint.config.js", config);
        expectPlantedKeys(findings);
        expect(findings.filter((f) => f.file === "src/any.ts").map((f) => f.ruleId)).toContain("@typescript-eslint/no-explicit-any");
      }
    } finally {
      rmSync(join(app, "src/any.ts"));
    }
  });
});
