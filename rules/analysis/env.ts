/**
 * Reads of the environment, the one place that knows them: `process.env.X`, `import.meta.env.X`
 * (Vite, Astro), `Bun.env.X`, `Deno.env.get("X")`, Cloudflare Workers' bindings (`env.X` of a
 * handler's `env` parameter, `c.env.X`), SvelteKit's `$env/static/private` and
 * `$env/dynamic/private`, and Nuxt's `useRuntimeConfig()`.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { assignedOnceInit } from "./bindings.js";
import { moduleRefs } from "./modules.js";
import { memberPath, propertyName, unwrap } from "./syntax.js";

/** `env` as a word: what every read below but Nuxt's `useRuntimeConfig()` writes in the file. */
const ENV_WORD = /\benv\b/;

/**
 * Whether a file's text can hold a read of the environment that `isEnvObject`, `envVarName`,
 * `isEnvContainer` or `isEnvRead` recognise (Nuxt's `useRuntimeConfig()` aside): each of them
 * names `env` as a word (`process.env`, `import.meta.env`, `Deno.env`, `c.env`, `$env/…`), since
 * a property name is only read where it is written. A file without it reads no environment, and a
 * rule can skip it without a listener.
 */
export function mayReadEnv(text: string): boolean {
  if (lastText !== text) {
    lastText = text;
    lastAnswer = ENV_WORD.test(text);
  }
  return lastAnswer;
}
/** The last text `mayReadEnv` was asked about, and its answer: the rules of a lint ask of the same file in turn. */
let lastText: string | undefined;
let lastAnswer = false;

/** `process.env`, `import.meta.env`, `Bun.env`. */
export function isEnvObject(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type !== AST_NODE_TYPES.MemberExpression || propertyName(n.property, n.computed) !== "env") return false;
  const root = n.object;
  return (
    (root.type === AST_NODE_TYPES.Identifier && (root.name === "process" || root.name === "Bun")) ||
    root.type === AST_NODE_TYPES.MetaProperty
  );
}

/** `X` for `process.env.X`, `process.env["X"]`, `import.meta.env.X`, `Bun.env.X`; `undefined` otherwise. */
export function envVarName(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(n.property, n.computed);
    return name !== undefined && isEnvObject(n.object) ? name : undefined;
  }
  // Deno.env.get("X")
  if (n.type === AST_NODE_TYPES.CallExpression && memberPath(n.callee) === "Deno.env.get") {
    const arg = n.arguments[0];
    return arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === "string" ? arg.value : undefined;
  }
  return undefined;
}

/** SvelteKit's modules of private environment variables: a value imported from them is the environment. */
const SVELTEKIT_PRIVATE_ENV = ["$env/static/private", "$env/dynamic/private"];

/** Nuxt's accessor of the runtime config, which Nuxt fills from the environment. */
const NUXT_RUNTIME_CONFIG = "useRuntimeConfig";

/**
 * Whether `node` is an object of environment values: `process.env` and its kin, a const bound to
 * one, the `env` parameter of a handler (Cloudflare Workers: `fetch(request, env)`; Pages and
 * Hono: `context.env`, `c.env`), SvelteKit's `env` from `$env/dynamic/private`, or Nuxt's
 * `useRuntimeConfig()` (directly or through a const).
 */
export function isEnvContainer(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, depth = 0): boolean {
  const n = unwrap(node);
  if (isEnvObject(n)) return true;
  if (depth > 2) return false;
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(n.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === NUXT_RUNTIME_CONFIG;
  }
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    // `context.env`, `c.env` where the object is a handler's parameter.
    if (propertyName(n.property, n.computed) === "env" && isParameter(unwrap(n.object), sourceCode)) return true;
    // A section of Nuxt's runtime config: `useRuntimeConfig().openai`.
    const object = unwrap(n.object);
    return isRuntimeConfig(object, sourceCode, depth + 1);
  }
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  if (n.name === "env" && isParameter(n, sourceCode)) return true;
  if (moduleRefs(sourceCode, n).some((ref) => SVELTEKIT_PRIVATE_ENV.includes(ref.module) && ref.export === "env" && ref.member === undefined)) return true;
  const init = assignedOnceInit(n, sourceCode.getScope(n));
  return init !== undefined && isEnvContainer(init, sourceCode, depth + 1);
}

/** Whether `id` names a parameter of a function (destructured or not). */
function isParameter(id: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  return variable?.defs.length === 1 && variable.defs[0]!.type === "Parameter";
}

/**
 * Whether `node` reads one value of the environment: `process.env.X`, `Deno.env.get("X")`,
 * `env.X` of any environment object above, or a variable SvelteKit's `$env/static/private` exports.
 */
export function isEnvRead(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.CallExpression) return memberPath(n.callee) === "Deno.env.get";
  if (n.type === AST_NODE_TYPES.MemberExpression) return isEnvContainer(n.object, sourceCode);
  if (n.type === AST_NODE_TYPES.Identifier) {
    return moduleRefs(sourceCode, n).some((ref) => ref.module === "$env/static/private" && ref.export !== undefined && ref.member === undefined);
  }
  return false;
}

/** Whether `node` is Nuxt's runtime config or a section of it (`useRuntimeConfig()`, `.public`, a const bound to either). */
function isRuntimeConfig(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, depth: number): boolean {
  const n = unwrap(node);
  if (depth > 4) return false;
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(n.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === NUXT_RUNTIME_CONFIG;
  }
  if (n.type === AST_NODE_TYPES.MemberExpression) return isRuntimeConfig(n.object, sourceCode, depth + 1);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const init = assignedOnceInit(n, sourceCode.getScope(n));
  return init !== undefined && isRuntimeConfig(init, sourceCode, depth + 1);
}
