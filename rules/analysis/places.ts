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
