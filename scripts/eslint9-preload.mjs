// Preloaded (`node --import`) by scripts/test-eslint9.mjs: ESLint 9, installed beside the locked
// ESLint as the `eslint9` devDependency (`npm:eslint@9.x`), stands in for it in this process.
// Every module that resolves into node_modules/eslint/ — `import` (ESM hook) or `require` (the
// CommonJS resolver) — gets the same file of node_modules/eslint9/ (both majors ship the same
// `exports` map), so the rules, RuleTester and typescript-eslint all run on ESLint 9, while
// node_modules stays as package-lock.json says.
import Module, { register } from "node:module";
import { fileURLToPath } from "node:url";

const modules = new URL("../node_modules/", import.meta.url);
const from = new URL("eslint/", modules).href;
const to = new URL("eslint9/", modules).href;

const hooks = `
export async function resolve(specifier, context, next) {
  const { url } = await next(specifier, context);
  return { url: url.startsWith(${JSON.stringify(from)}) ? ${JSON.stringify(to)} + url.slice(${from.length}) : url, shortCircuit: true };
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const fromPath = fileURLToPath(from);
const toPath = fileURLToPath(to);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const path = resolveFilename.apply(this, args);
  return path.startsWith(fromPath) ? toPath + path.slice(fromPath.length) : path;
};
