/**
 * Static string values: what a string expression is when the file alone determines it.
 *
 * Deliberately narrower than `ASTUtils.getStaticValue`: that one evaluates calls of built-in
 * methods, so `"x".padStart(2e8)` in a 40-byte file builds a 200 MB string; `no-hardcoded-key`
 * asks this of every concatenation and template of every file. Here: literals, templates, `+`,
 * names assigned once and members of objects the file writes (the sound reading of
 * `./objects.ts`), bounded in depth.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { assignedOnceInit } from "./bindings.js";
import { memberValue } from "./objects.js";
import { MAX_DEPTH, propertyName } from "./syntax.js";

/**
 * A scope, or a function that looks it up: callers on hot paths look it up only when a name needs
 * it. The function is given the name's node; it may answer with the scope of the whole expression.
 */
export type ScopeSource = TSESLint.Scope.Scope | ((node: TSESTree.Node) => TSESLint.Scope.Scope);

/**
 * The string value of `node` when the file alone determines it: string and number literals,
 * template literals whose expressions are static, `+` of static operands, identifiers bound
 * once to any of these, and members of objects written in the file (`P.head` for
 * `const P = { head: "…" }`) that no spread or write the file does not show may replace.
 * `undefined` otherwise.
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
      // The sound reading: a member whose value a spread or a write the file does not show may replace is not static.
      const value = memberValue(node, { reading: "sound", scope }, depth + 1);
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
