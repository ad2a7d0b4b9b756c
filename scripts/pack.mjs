#!/usr/bin/env node
// Packs the two published packages from dist/ (`npm run build` first):
//   keyguard               the runtime: the root package.json's exports but "." (keyguard/secret,
//                          keyguard/detect, ...) and its `bin`; zero dependencies. Its "." hands over
//                          the ESLint plugin of eslint-plugin-keyguard when that is installed.
//   eslint-plugin-keyguard the ESLint plugin: the root's "." (dist/rules) and the files of dist/src
//                          the rules import.
// Each package holds exactly the files its entry points reach (followed import by import, with
// TypeScript's own import scanner), without source maps, plus LICENSE, and the README with its links
// made absolute (the docs are not shipped). The manifests are packages/<name>/package.json, completed
// here from the root package.json (version, engines, repository, exports, bin).
//
//   node scripts/pack.mjs [--out DIR] [--check]
//
// writes DIR/<name>-<version>.tgz (DIR defaults to .tmp/packages) and prints what each holds;
// --check then runs publint and @arethetypeswrong/cli on both tarballs, offline, and fails on any
// finding. Exits 1 with the reason on any problem (missing build, an import no manifest allows, a
// dependency range out of step with the lock, a README link to a file not shipped).
import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, posix, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));
const REPO = "https://github.com/keyguard-dev/keyguard";
const args = process.argv.slice(2);
const outArg = args.indexOf("--out");
const out = resolve(root, outArg >= 0 ? (args[outArg + 1] ?? "") : ".tmp/packages");
const check = args.includes("--check");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function fail(message) {
  console.error(`pack: ${message}`);
  process.exit(1);
}

const readJson = (file) => JSON.parse(readFileSync(join(root, file), "utf8"));
const rootPkg = readJson("package.json");
if (!existsSync(join(root, "dist/rules/index.js"))) fail("dist/ is missing: run `npm run build` first");

/** Every file path named in an exports value (nested conditions included). */
function targets(value) {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(targets);
  return [];
}

const pluginExports = { ".": rootPkg.exports["."], "./package.json": "./package.json" };
const runtimeExports = {
  ".": {
    import: { types: "./eslint-plugin.d.ts", default: "./eslint-plugin.mjs" },
    require: { types: "./eslint-plugin.d.cts", default: "./eslint-plugin.cjs" },
  },
  ...Object.fromEntries(Object.entries(rootPkg.exports).filter(([key]) => key !== "." && key !== "./package.json")),
  "./package.json": "./package.json",
};
const runtimeBin = rootPkg.bin ?? {};

const BUILTINS = new Set(builtinModules);
const isBuiltin = (spec) => spec.startsWith("node:") || BUILTINS.has(spec.split("/")[0]);
const packageOf = (spec) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");

/** Relative specifier as TypeScript resolves it from a declaration file (`./x.js` means `./x.d.ts`). */
function declarationOf(spec) {
  return spec.replace(/\.js$/, ".d.ts").replace(/\.cjs$/, ".d.cts").replace(/\.mjs$/, ".d.mts");
}

/**
 * The files reached from `entries` (paths relative to `base`), following relative imports, and the
 * bare specifiers they import, by file.
 */
function closure(base, entries) {
  const files = new Set();
  const bare = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop();
    if (files.has(file)) continue;
    const path = join(base, file);
    if (!existsSync(path)) fail(`${file} is named by an export or an import but does not exist in ${relative(root, base) || "."}`);
    files.add(file);
    const declaration = /\.d\.[cm]?ts$/.test(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(path, "utf8"), true, true);
    for (const { fileName: spec } of importedFiles) {
      if (spec.startsWith(".")) queue.push(posix.join(posix.dirname(file), declaration ? declarationOf(spec) : spec));
      else bare.push({ file, spec });
    }
  }
  return { files: [...files].sort(), bare };
}

/** The README for a package: the repository's, with every relative link made absolute. */
function readme() {
  const text = readFileSync(join(root, "README.md"), "utf8");
  return text.replace(/\]\((?!https?:|#|mailto:)([^)\s]+)\)/g, (_, target) => {
    const clean = target.replace(/^\.\//, "");
    const isDir = existsSync(join(root, clean.split("#")[0])) && statSync(join(root, clean.split("#")[0])).isDirectory();
    return `](${REPO}/${isDir ? "tree" : "blob"}/main/${clean})`;
  });
}

/** The manifest: packages/<name>/package.json completed from the root package.json. */
function manifest(name, extra) {
  const template = readJson(`packages/${name}/package.json`);
  return {
    name: template.name,
    version: rootPkg.version,
    description: template.description,
    keywords: template.keywords,
    license: rootPkg.license,
    repository: { type: "git", url: `git+${REPO}.git` },
    homepage: `${REPO}#readme`,
    bugs: { url: `${REPO}/issues` },
    type: "module",
    engines: rootPkg.engines,
    ...extra,
    ...Object.fromEntries(
      ["sideEffects", "dependencies", "peerDependencies", "peerDependenciesMeta"].filter((k) => template[k]).map((k) => [k, template[k]]),
    ),
  };
}

const packages = [
  {
    name: "eslint-plugin-keyguard",
    entries: targets(pluginExports["."]).map((t) => t.replace(/^\.\//, "")),
    extras: [],
    exports: pluginExports,
    bin: undefined,
    allowed: (spec) => {
      const { dependencies = {}, peerDependencies = {} } = readJson("packages/eslint-plugin-keyguard/package.json");
      return packageOf(spec) in dependencies || packageOf(spec) in peerDependencies;
    },
  },
  {
    name: "keyguard",
    entries: [...Object.entries(runtimeExports).filter(([k]) => k !== "." && k !== "./package.json").flatMap(([, v]) => targets(v)), ...Object.values(runtimeBin)].map((t) =>
      t.replace(/^\.\//, ""),
    ),
    extras: ["eslint-plugin.cjs", "eslint-plugin.mjs", "eslint-plugin.d.ts", "eslint-plugin.d.cts"],
    exports: runtimeExports,
    bin: Object.keys(runtimeBin).length > 0 ? runtimeBin : undefined,
    // zero dependencies: Node's built-ins, and the optional plugin behind "." only
    allowed: (spec, file) => file.startsWith("eslint-plugin.") && spec === "eslint-plugin-keyguard",
  },
];

// The ranges users install follow the versions this repository locks and tests.
const plugin = readJson("packages/eslint-plugin-keyguard/package.json");
for (const [dep, range] of Object.entries(plugin.dependencies)) {
  const tested = rootPkg.devDependencies[dep] ?? rootPkg.dependencies?.[dep];
  if (range !== `^${tested}`) fail(`eslint-plugin-keyguard depends on ${dep} ${range}, but the repository tests ${tested ?? "no version"}: use ^${tested}`);
}
const runtimeTemplate = readJson("packages/keyguard/package.json");
if (runtimeTemplate.dependencies) fail("keyguard must have no dependencies");

rmSync(out, { recursive: true, force: true });
const tarballs = {};
for (const pkg of packages) {
  const stage = join(out, "stage", pkg.name);
  mkdirSync(stage, { recursive: true });
  const { files, bare } = closure(root, pkg.entries);
  const extras = closure(join(root, "packages", pkg.name), pkg.extras);
  for (const { file, spec } of [...bare, ...extras.bare]) {
    if (!isBuiltin(spec) && !pkg.allowed(spec, file)) fail(`${pkg.name}: ${file} imports ${spec}, which its manifest does not declare`);
  }
  for (const file of files) {
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    // no source maps: the sources are not shipped
    writeFileSync(join(stage, file), readFileSync(join(root, file), "utf8").replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n"));
  }
  for (const file of extras.files) copyFileSync(join(root, "packages", pkg.name, file), join(stage, file));
  copyFileSync(join(root, "LICENSE"), join(stage, "LICENSE"));
  const text = readme();
  const relativeLinks = [...text.matchAll(/\]\((?!https?:|#|mailto:)([^)\s]+)\)/g)].map((m) => m[1]);
  if (relativeLinks.length > 0) fail(`${pkg.name}: README links to files the package does not ship: ${relativeLinks.join(", ")}`);
  writeFileSync(join(stage, "README.md"), text);
  const top = [...new Set([...files, ...extras.files].map((f) => f.split("/")[0]))].sort();
  const extra = {
    files: top,
    exports: pkg.exports,
    ...(pkg.name === "eslint-plugin-keyguard" ? { main: "./dist/rules/index.cjs", types: "./dist/rules/index.d.cts" } : {}),
    ...(pkg.bin ? { bin: pkg.bin } : {}),
  };
  const man = manifest(pkg.name, extra);
  if (pkg.name === "keyguard") man.peerDependencies = { "eslint-plugin-keyguard": `^${rootPkg.version}` };
  writeFileSync(join(stage, "package.json"), `${JSON.stringify(man, null, 2)}\n`);
  const packed = JSON.parse(
    execFileSync(npm, ["pack", "--json", "--ignore-scripts", "--pack-destination", out], { cwd: stage, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
  )[0];
  tarballs[pkg.name] = join(out, packed.filename);
  console.log(
    `${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} kB packed, ${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked`,
  );
}

if (check) {
  // the four checks at once: each is mostly one process's start-up and TypeScript's
  const jobs = Object.entries(tarballs).flatMap(([name, tarball]) => [
    [name, "publint", [join(root, "node_modules/publint/src/cli.js"), "run", tarball, "--strict"]],
    // Node >= 20.19 (engines) loads ESM with require(): an ESM-only subpath is not an error for CommonJS.
    [name, "attw", [join(root, "node_modules/@arethetypeswrong/cli/dist/index.js"), tarball, "--profile", "node16", "--ignore-rules", "cjs-resolves-to-esm", "--format", "ascii", "--no-color"]],
  ]);
  const results = await Promise.all(
    jobs.map(
      ([name, tool, argv]) =>
        new Promise((done) =>
          execFile(process.execPath, argv, { cwd: out, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) =>
            done({ name, tool, ok: !error, output: `${stdout}${stderr}`.trim() }),
          ),
        ),
    ),
  );
  for (const { name, tool, ok, output } of results) {
    if (ok) console.log(`✓ ${tool} ${name}`);
    else console.error(`✗ ${tool} ${name}:\n${output}`);
  }
  if (results.some((r) => !r.ok)) process.exit(1);
}
console.log(JSON.stringify(tarballs));
