/**
 * Where a value stands: the name that holds it, the client option or argument it is. Pure
 * functions of the tree (no scope lookups): `no-hardcoded-key` asks them of every key-shaped
 * string, so they must be cheap.
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { envVarName } from "./env.js";
import { calleeName, parentThroughTypeWrappers, propertyName } from "./syntax.js";

/**
 * The identifier name that `node` is bound to or stored under: the variable it initialises, the
 * property it is the value of, the target it is assigned to, the parameter it defaults, the JSX
 * attribute it sets, or the environment variable it is a fallback for (`process.env.X ?? "…"`).
 */
export function bindingName(node: TSESTree.Node): string | undefined {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  // Look through wrappers that do not change what the value is: `"…" as const`, `x ?? "…"`.
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.LogicalExpression ||
      parent.type === AST_NODE_TYPES.ConditionalExpression)
  ) {
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child) {
      const envName = envVarName(parent.left);
      if (envName) return envName;
    }
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === child) return undefined;
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.Property:
      return parent.value === child ? propertyName(parent.key, parent.computed) : undefined;
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === child ? propertyName(parent.key, parent.computed) : undefined;
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right !== child) return undefined;
      if (parent.left.type === AST_NODE_TYPES.Identifier) return parent.left.name;
      if (parent.left.type === AST_NODE_TYPES.MemberExpression) return propertyName(parent.left.property, parent.left.computed);
      return undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.right === child && parent.left.type === AST_NODE_TYPES.Identifier ? parent.left.name : undefined;
    case AST_NODE_TYPES.JSXAttribute:
      return parent.name.type === AST_NODE_TYPES.JSXIdentifier ? parent.name.name : undefined;
    case AST_NODE_TYPES.TSEnumMember:
      return parent.initializer === child ? propertyName(parent.id, parent.computed ?? false) : undefined;
    default:
      return undefined;
  }
}

/**
 * For a value passed as an option of a call (`new CohereClient({ token: "…" })`,
 * `createMistral({ apiKey: "…" })`): the callee's name, the option's name, and the string values of
 * the sibling options (a `baseURL` says which provider an OpenAI-compatible client talks to).
 * `undefined` for anything else.
 */
export function clientOption(node: TSESTree.Node): { callee: string; option: string; siblings: string[] } | undefined {
  const { child, parent } = parentThroughTypeWrappers(node);
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== child) return undefined;
  const option = propertyName(parent.key, parent.computed);
  const object = parent.parent;
  if (option === undefined || object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const call = object.parent;
  if (call?.type !== AST_NODE_TYPES.NewExpression && call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (!call.arguments.includes(object)) return undefined;
  const callee = calleeName(call.callee);
  if (callee === undefined) return undefined;
  const siblings: string[] = [];
  for (const p of object.properties) {
    if (p === parent || p.type !== AST_NODE_TYPES.Property || p.value.type !== AST_NODE_TYPES.Literal) continue;
    if (typeof p.value.value === "string" && p.value.value.length <= 200) siblings.push(p.value.value);
  }
  return { callee, option, siblings };
}

/** The callee's name when `node` is an argument of a call or `new` (`twilio` for `twilio(sid, "…")`). */
export function argumentOf(node: TSESTree.Node): string | undefined {
  const { child, parent } = parentThroughTypeWrappers(node);
  if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  return parent.arguments.includes(child as TSESTree.CallExpressionArgument) ? calleeName(parent.callee) : undefined;
}

/** A name written as a string: a configuration key such as `api_token` or `OPENAI_API_KEY`. */
const NAME_LIKE = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/**
 * The name a call's earlier argument gives the value `node` is: `api_token` for
 * `getEnvOrDefault("api_token", "…")`, `client_secret` for `config.get("client_secret", "…")`.
 * `undefined` when the argument before it is not a name written as a string.
 */
export function namingArgument(node: TSESTree.Node): string | undefined {
  const { child, parent } = parentThroughTypeWrappers(node);
  if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
  const before = index > 0 ? parent.arguments[index - 1] : undefined;
  return before?.type === AST_NODE_TYPES.Literal && typeof before.value === "string" && NAME_LIKE.test(before.value) ? before.value : undefined;
}

/** Endings of a name that says an object holds keys (`API_KEYS`, `secrets`, `credentials`), normalised, with the word each says. */
const KEY_HOLDERS: readonly (readonly [string, string])[] = [
  ["keys", "key"],
  ["tokens", "token"],
  ["secrets", "secret"],
  ["credentials", "credential"],
  ["passwords", "password"],
];

/**
 * For a value stored under a property of an object whose name says it holds keys
 * (`const API_KEYS = { cohere: "…" }`, `secrets: { session: "…" }`): the names it holds the value
 * under, the property's name with `key` and with the word the holder's name says (`cohere key`,
 * `session secret`). `undefined` for anything else.
 */
export function keyHolderName(node: TSESTree.Node): readonly string[] | undefined {
  const { child, parent } = parentThroughTypeWrappers(node);
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== child || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const name = propertyName(parent.key, parent.computed);
  if (name === undefined) return undefined;
  const holder = bindingName(parent.parent);
  if (holder === undefined) return undefined;
  const normalised = holder.toLowerCase().replace(/[^a-z0-9]/g, "");
  // `cohere key` names a provider's key; `session secret` a secret of no provider.
  for (const [ending, word] of KEY_HOLDERS) if (normalised.endsWith(ending)) return word === "key" ? [`${name} key`] : [`${name} key`, `${name} ${word}`];
  return undefined;
}

/**
 * For the fallback of a read (`x ?? "…"`, `x || "…"`): the name the read gives the value, whatever
 * it reads from: `CO_API_KEY` for `env.CO_API_KEY` (a Workers binding, SvelteKit's `env`),
 * `c.env.CO_API_KEY`, `useRuntimeConfig().cohereApiKey`, an imported `CO_API_KEY`, or
 * `Deno.env.get("CO_API_KEY")`. `undefined` for anything else.
 */
export function fallbackName(node: TSESTree.Node): string | undefined {
  const { child, parent } = parentThroughTypeWrappers(node);
  if (parent?.type !== AST_NODE_TYPES.LogicalExpression || parent.operator === "&&" || parent.right !== child) return undefined;
  const left = parent.left;
  if (left.type === AST_NODE_TYPES.Identifier) return left.name;
  if (left.type === AST_NODE_TYPES.MemberExpression) return propertyName(left.property, left.computed);
  return envVarName(left);
}
