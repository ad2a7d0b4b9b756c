/** Syntax helpers: names, wrappers, paths. Pure functions of the tree, no scope lookups. */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

/**
 * How deep any analysis follows names, members, spreads and calls: one bound for all of them, so
 * that a hostile file cannot make a lint run slow.
 */
export const MAX_DEPTH = 10;

/** The name of a property key or member property, when it is written statically. */
export function propertyName(key: TSESTree.Expression | TSESTree.PrivateIdentifier, computed: boolean): string | undefined {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === "string") return key.value;
  return undefined;
}

/** `node` without the wrappers that do not change its value: `as`, `satisfies`, `!`, `<T>x`, `?.` chains, `(0, x)`. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  for (;;) {
    if (
      n.type === AST_NODE_TYPES.TSAsExpression ||
      n.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      n.type === AST_NODE_TYPES.TSNonNullExpression ||
      n.type === AST_NODE_TYPES.TSTypeAssertion ||
      n.type === AST_NODE_TYPES.ChainExpression
    ) {
      n = n.expression;
    } else if (n.type === AST_NODE_TYPES.SequenceExpression && n.expressions.length > 0) {
      n = n.expressions[n.expressions.length - 1]!; // `(0, x.y)(…)`, as bundlers write calls
    } else return n;
  }
}

/** `node`'s parent and the child of it `node` stands for, above the type wrappers (`"…" as const`). */
export function parentThroughTypeWrappers(node: TSESTree.Node): { child: TSESTree.Node; parent: TSESTree.Node | undefined } {
  let child = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { child, parent };
}

/** The name of a callee: `CohereClient` for `new CohereClient()`, `createMistral` for `ai.createMistral()`. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return propertyName(callee.property, callee.computed);
  return undefined;
}

/** The dotted path of an expression made of names only: `vault.read`, `this.secrets.get`. */
export function memberPath(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.ThisExpression) return "this";
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(n.property, n.computed);
    const object = memberPath(n.object);
    return name === undefined || object === undefined ? undefined : `${object}.${name}`;
  }
  return undefined;
}

/** `null`, `""` and ``` `` ```: no value at all. */
export function isEmptyValue(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && (node.value === null || node.value === "")) ||
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0 && node.quasis[0]?.value.cooked === "")
  );
}
