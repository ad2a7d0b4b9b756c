/**
 * Static string values: what a string expression is when the file alone determines it.
 *
 * Deliberately narrower than `ASTUtils.getStaticValue`: that one evaluates calls of built-in
 * methods, so `"x".padStart(2e8)` in a 40-byte file builds a 200 MB string; `no-hardcoded-key`
 * asks this of every concatenation and template of every file. Here: literals, templates, `+`,
 * names assigned once and members of objects the file writes, bounded in depth.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { assignedOnceInit } from "./bindings.js";
import { MAX_DEPTH, propertyName, unwrap } from "./syntax.js";

/**
 * A scope, or a function that looks it up: callers on hot paths look it up only when a name needs
 * it. The function is given the name's node; it may answer with the scope of the whole expression.
 */
export type ScopeSource = TSESLint.Scope.Scope | ((node: TSESTree.Node) => TSESLint.Scope.Scope);

/**
 * The string value of `node` when the file alone determines it: string and number literals,
 * template literals whose expressions are static, `+` of static operands, identifiers bound
 * once to any of these, and members of objects written in the file (`P.head` for
 * `const P = { head: "…" }`). `undefined` otherwise.
 */
export function staticString(node: TSESTree.Node, scope: ScopeSource, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === "string" ? node.value : typeof node.value === "number" ? String(node.value) : undefined;
    case AST_NODE_TYPES.TemplateLiteral: {
      let out = node.quasis[0]?.value.cooked ?? undefined;
      if (out === undefined) return undefined;
      for (let i = 0; i < node.expressions.length; i++) {
        const part = staticString(node.expressions[i]!, scope, depth + 1);
        const next = node.quasis[i + 1]?.value.cooked;
        if (part === undefined || next == null) return undefined;
        out += part + next;
      }
      return out;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== "+") return undefined;
      const left = staticString(node.left, scope, depth + 1);
      if (left === undefined) return undefined;
      const right = staticString(node.right, scope, depth + 1);
      return right === undefined ? undefined : left + right;
    }
    case AST_NODE_TYPES.Identifier: {
      const resolved = typeof scope === "function" ? scope(node) : scope;
      const init = assignedOnceInit(node, resolved);
      return init ? staticString(init, resolved, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const value = memberInit(node, scope, depth + 1);
      return value ? staticString(value, scope, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return staticString(node.expression, scope, depth + 1);
    default:
      return undefined;
  }
}

/**
 * The name of a property key or member property: written statically (`apiKey`, `"apiKey"`), or a
 * computed key whose value the file determines (`[K]` with `const K = "apiKey"`).
 */
export function staticPropertyName(key: TSESTree.Expression | TSESTree.PrivateIdentifier, computed: boolean, scope: ScopeSource): string | undefined {
  const name = propertyName(key, computed);
  if (name !== undefined || !computed || key.type === AST_NODE_TYPES.PrivateIdentifier) return name;
  return staticString(key, scope);
}

/**
 * The expression a member reads from an object the file writes: `P.head` of
 * `const P = { head: "…" }`, `C.keys.head` through nested objects, the last property of the name
 * winning and spreads of such objects followed. `undefined` for anything else (a computed name,
 * a getter, an object the file does not determine).
 */
function memberInit(node: TSESTree.MemberExpression, scope: ScopeSource, depth: number): TSESTree.Node | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const name = propertyName(node.property, node.computed);
  if (name === undefined) return undefined;
  const object = staticObject(node.object, scope, depth + 1);
  return object && propertyInit(object, name, scope, depth + 1);
}

/** The object literal `node` is or names (a name bound once, a member of another such object). */
function staticObject(node: TSESTree.Node, scope: ScopeSource, depth: number): TSESTree.ObjectExpression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.ObjectExpression) return n;
  // `Object.freeze({ … })`: the same object.
  if (n.type === AST_NODE_TYPES.CallExpression && n.arguments.length === 1 && isObjectFreeze(n.callee)) {
    return staticObject(n.arguments[0]!, scope, depth + 1);
  }
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = assignedOnceInit(n, typeof scope === "function" ? scope(n) : scope);
    return init ? staticObject(init, scope, depth + 1) : undefined;
  }
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const value = memberInit(n, scope, depth + 1);
    return value ? staticObject(value, scope, depth + 1) : undefined;
  }
  return undefined;
}

function isObjectFreeze(callee: TSESTree.Node): boolean {
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === "Object" &&
    propertyName(callee.property, callee.computed) === "freeze"
  );
}

/** The value of property `name` of `object`: the last one written, or the one a later spread brings. */
function propertyInit(object: TSESTree.ObjectExpression, name: string, scope: ScopeSource, depth: number): TSESTree.Node | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const p = object.properties[i]!;
    if (p.type === AST_NODE_TYPES.SpreadElement) {
      const inner = staticObject(p.argument, scope, depth + 1);
      // A spread the file does not determine may hold the name: the value is unknown.
      if (!inner) return undefined;
      const value = propertyInit(inner, name, scope, depth + 1);
      if (value) return value;
      continue;
    }
    if (p.kind === "init" && !p.method && propertyName(p.key, p.computed) === name) return p.value;
  }
  return undefined;
}
