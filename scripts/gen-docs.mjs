#!/usr/bin/env node
// Generates the tables in the docs from the catalogs (src/), between marker comments:
//   <!-- begin generated: NAME -->  …  <!-- end generated: NAME -->
// `--check` writes nothing and exits 1 when a file is out of date (CI runs it).
// Reads the built catalogs from dist/: run `npm run build` first.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const check = process.argv.includes("--check");

const { PROVIDERS } = await import(new URL("../dist/src/detect/catalog.js", import.meta.url).href);
const { CLIENTS, KEY_HEADERS } = await import(new URL("../dist/src/clients/catalog.js", import.meta.url).href);
const { exposureTables } = await import(new URL("./docs/exposure-tables.mjs", import.meta.url).href);

const md = (text) => String(text).replace(/\|/g, "\\|");
const code = (text) => `\`${String(text).replace(/`/g, "")}\``;

/** Tables by file, then by marker name. */
const generated = {
  ...exposureTables,
  "docs/rules/no-hardcoded-key.md": {
    providers: () => {
      const count = (b) => (b.min === b.max ? `${b.min}` : `${b.min}–${b.max}`);
      const cls = (b) => code(`[${b.chars.replace(/\\/g, "")}]`);
      const rows = PROVIDERS.map((p) => {
        let format;
        if (p.prefixes.length === 0) {
          const names = [...(p.context.stems ?? []), ...(p.context.exact ?? []), ...(p.context.endings ?? []).map((e) => `…${e}`)];
          format = `no prefix: ${count(p.body)} of ${cls(p.body)}, found by name (${names.map(code).join(", ")})`;
        } else if (p.before) {
          format = `${count(p.before)} of ${cls(p.before)}, then ${p.prefixes.map(code).join(", ")} + ${count(p.body)} of ${cls(p.body)}`;
        } else if (p.place) {
          format = `after ${p.prefixes.map(code).join(", ")}: ${count(p.body)} of ${cls(p.body)}`;
        } else {
          format = `${p.prefixes.map(code).join(", ")} + ${count(p.body)} of ${cls(p.body)}`;
        }
        const checksum = { "base62-crc32": "CRC32 checksum", "pypi-macaroon": "macaroon structure verified" }[p.checksum] ?? "";
        const checks = [p.marker ? `marker ${code(p.marker)}` : "", checksum, p.validate ? "structure checked" : "", p.note ?? ""]
          .filter(Boolean)
          .join("; ");
        return `| ${code(p.id)} | ${md(p.name)} | ${code(p.envVar)} | ${md(format)} | ${md(checks)} | [docs](${p.docs}) |`;
      });
      return [
        `${PROVIDERS.length} formats. Each links to the provider's documentation of its keys.`,
        "",
        "| id | provider | env var | format | checks and notes | format documented at |",
        "| --- | --- | --- | --- | --- | --- |",
        ...rows,
      ].join("\n");
    },
  },
  "docs/rules/require-secret-source.md": {
    clients: () => {
      const callOf = (c) => {
        const name = c.exports.find((e) => e !== "default") ?? c.importedAs ?? "client";
        const target = c.member ? `${name}.${c.member}` : name;
        return c.call.map((k) => (k === "new" ? `new ${target}(…)` : `${target}(…)`)).join(" / ");
      };
      const keyOf = (c) =>
        [
          ...(c.keyOptions ?? []).map((o) => {
            const env = c.envVarByOption?.[o];
            return env ? `${code(o)} (${code(env)})` : code(o);
          }),
          ...(c.keyArgument !== undefined ? [`argument ${c.keyArgument + 1}`] : []),
        ].join(", ");
      const row = (c) =>
        `| ${code(c.id)} | [${md(c.name)}](${c.docs}) | ${c.modules.map(code).join(", ")} | ${c.exports.map(code).join(", ")} | ${code(callOf(c))} | ${keyOf(c)} | ${(c.headerOptions ?? []).map(code).join(", ")} | ${code(c.envVar)} |`;
      const checked = CLIENTS.filter((c) => !c.publicByDesign);
      const exempt = CLIENTS.filter((c) => c.publicByDesign);
      return [
        `${checked.length} clients checked. Credential headers: ${KEY_HEADERS.map(code).join(", ")} (any case).`,
        "",
        "| id | client | module | export | call | key | header options | suggested env var |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ...checked.map(row),
        "",
        "Public by design: their public keys are never reported (a secret key such a client also takes is, see `why`):",
        "",
        "| id | client | module | export | key | why |",
        "| --- | --- | --- | --- | --- | --- |",
        ...exempt.map((c) => `| ${code(c.id)} | [${md(c.name)}](${c.docs}) | ${c.modules.map(code).join(", ")} | ${c.exports.map(code).join(", ")} | ${keyOf(c)} | ${md(c.publicByDesign)} |`),
      ].join("\n");
    },
  },
};

let stale = 0;
for (const [file, tables] of Object.entries(generated)) {
  const path = `${root}${file}`;
  const before = readFileSync(path, "utf8");
  let after = before;
  for (const [name, render] of Object.entries(tables)) {
    const begin = `<!-- begin generated: ${name} -->`;
    const end = `<!-- end generated: ${name} -->`;
    const i = after.indexOf(begin);
    const k = after.indexOf(end);
    if (i < 0 || k < i) throw new Error(`${file}: markers for "${name}" are missing (${begin} … ${end})`);
    after = `${after.slice(0, i + begin.length)}\n\n${render()}\n\n${after.slice(k)}`;
  }
  if (after === before) continue;
  stale++;
  if (check) console.error(`${file} is out of date: run \`npm run docs\``);
  else writeFileSync(path, after);
}
if (check && stale > 0) process.exit(1);
if (!check) console.log(`generated tables: ${stale} file(s) updated`);
