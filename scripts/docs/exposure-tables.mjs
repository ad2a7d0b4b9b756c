// Tables of docs/rules/no-browser-secret.md and docs/rules/no-secret-in-logs.md, generated from
// src/exposure/catalog.ts (built, in dist/). scripts/gen-docs.mjs spreads these into its
// `generated` map; `node scripts/docs/exposure-tables.mjs` prints them.
const {
  PUBLIC_ENV_PREFIXES,
  PUBLIC_ENV_MODULES,
  PUBLIC_BY_DESIGN,
  BROWSER_FLAGS,
  EPHEMERAL_WORDS,
  SECRET_WORDS,
  ALWAYS_SECRET_WORDS,
  CLIENT_KEY_PROPERTIES,
  LOGGERS,
  CONSOLE_METHODS,
} = await import(new URL("../../dist/src/exposure/catalog.js", import.meta.url).href);
const { CLIENTS } = await import(new URL("../../dist/src/clients/catalog.js", import.meta.url).href);

const md = (text) => String(text).replace(/\|/g, "\\|");
const code = (text) => `\`${String(text).replace(/`/g, "")}\``;
const clientName = (id) => CLIENTS.find((c) => c.id === id)?.name ?? id;

export const exposureTables = {
  "docs/rules/no-browser-secret.md": {
    "public-prefixes": () =>
      [
        "| prefix | frameworks | read through |",
        "| --- | --- | --- |",
        ...PUBLIC_ENV_PREFIXES.map((p) => `| ${code(p.prefix)} | [${md(p.frameworks)}](${p.docs}) | ${p.access.map(code).join(", ")} |`),
        ...PUBLIC_ENV_MODULES.map((m) => `| module ${code(m.module)} | [${md(m.frameworks)}](${m.docs}) | ${m.form === "named" ? "named imports" : code("env.NAME")} |`),
      ].join("\n"),
    "public-by-design": () =>
      [
        "| id | the name holds the words | why it is public |",
        "| --- | --- | --- |",
        ...PUBLIC_BY_DESIGN.map((p) => `| ${code(p.id)} | ${p.words.map(code).join(" + ")} | [${md(p.reason)}](${p.docs}) |`),
      ].join("\n"),
    "secret-words": () =>
      `A name is a secret when it is a catalog provider's variable, when its last word is one of ${SECRET_WORDS.map(code).join(", ")}, or when it holds one of ${ALWAYS_SECRET_WORDS.map(code).join(", ")} with such a word anywhere. A name with ${ALWAYS_SECRET_WORDS.map(code).join(", ")} is never public by design.`,
    "browser-flags": () =>
      [
        "| SDK | option | calls |",
        "| --- | --- | --- |",
        ...BROWSER_FLAGS.map((f) => {
          const calls = f.clients
            ? f.clients.map(clientName).join(", ")
            : [`new ${f.exports[0]}(…)`, ...(f.members ?? []).map((m) => `${f.exports[0]}.${m}(…)`)].map(code).join(", ") + ` from ${f.modules.map(code).join(", ")}`;
          return `| [${md(f.name)}](${f.docs}) | ${code(f.option)} | ${calls} |`;
        }),
        "",
        `Ephemeral key names (option \`allowEphemeral\`): ${EPHEMERAL_WORDS.map(code).join(", ")}.`,
      ].join("\n"),
  },
  "docs/rules/no-secret-in-logs.md": {
    loggers: () =>
      [
        "| logger | module | reached through | methods |",
        "| --- | --- | --- | --- |",
        `| console | global | ${code("console")} | ${CONSOLE_METHODS.map(code).join(", ")} |`,
        ...LOGGERS.map((l) => {
          const via = [...new Set(l.exports
            .map((e) => {
              const name = e.export === "default" ? l.id : e.export;
              const target = e.member ? `${name}.${e.member}` : name;
              return code(e.kind === "factory" ? `${target}(…)` : e.kind === "class" ? `new ${target}(…)` : target);
            }))]
            .join(", ");
          const children = l.children?.length ? `; children: ${l.children.map(code).join(", ")}` : "";
          return `| ${md(l.name)} | ${l.modules.map(code).join(", ")} | ${via} | ${l.methods.map((m) => (m === "()" ? "called directly" : code(m))).join(", ")}${children} |`;
        }),
      ].join("\n"),
    "client-properties": () =>
      [
        "| client | properties that hold the key |",
        "| --- | --- |",
        ...Object.entries(CLIENT_KEY_PROPERTIES).map(([id, props]) => `| ${md(clientName(id))} | ${props.map(code).join(", ")} |`),
      ].join("\n"),
  },
};

if (import.meta.url === new URL(process.argv[1], "file:").href) {
  // `--write`: fill the marked tables of the two doc pages (what scripts/gen-docs.mjs does once it includes these).
  const { readFileSync, writeFileSync } = await import("node:fs");
  const root = new URL("../../", import.meta.url);
  for (const [file, tables] of Object.entries(exposureTables)) {
    let text = readFileSync(new URL(file, root), "utf8");
    for (const [name, make] of Object.entries(tables)) {
      const begin = `<!-- begin generated: ${name} -->`;
      const end = `<!-- end generated: ${name} -->`;
      const a = text.indexOf(begin);
      const b = text.indexOf(end);
      if (a < 0 || b < a) throw new Error(`${file}: markers for ${name} not found`);
      text = `${text.slice(0, a + begin.length)}\n\n${make()}\n\n${text.slice(b)}`;
    }
    if (process.argv.includes("--write")) writeFileSync(new URL(file, root), text);
    else console.log(text);
  }
}
