/**
 * Bindings: what a name is bound to in this file. The one answer to "the initialiser of a
 * variable assigned once", used by every analysis.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { unwrap } from "./syntax.js";

/** The variable `id` names, when it has exactly one definition in this file. */
export function singleVariable(id: TSESTree.Identifier, scope: TSESLint.Scope.Scope): TSESLint.Scope.Variable | undefined {
  const variable = ASTUtils.findVariable(scope, id);
  return variable && variable.defs.length === 1 ? variable : undefined;
}

/** Whether a variable is written only by its declaration. */
export function isAssignedOnce(variable: TSESLint.Scope.Variable): boolean {
  const def = variable.defs[0];
  if (def?.type === "Variable" && def.parent.kind === "const") return true;
  return variable.references.every((r) => !r.isWrite() || r.init === true);
}

/**
 * The initialiser of the variable `id` names, when it is assigned once: a `const`, or a `let` /
 * `var` never reassigned, declared with an identifier (`const x = …`, not a pattern).
 */
export function assignedOnceInit(id: TSESTree.Identifier, scope: TSESLint.Scope.Scope): TSESTree.Expression | undefined {
  return assignedOnce(id, scope)?.init;
}

/** {@link assignedOnceInit} with the variable itself, for an analysis that also reads its other references. */
export function assignedOnce(
  id: TSESTree.Identifier,
  scope: TSESLint.Scope.Scope,
): { readonly variable: TSESLint.Scope.Variable; readonly init: TSESTree.Expression } | undefined {
  const variable = singleVariable(id, scope);
  if (!variable) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== "Variable" || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
  return isAssignedOnce(variable) ? { variable, init: def.node.init } : undefined;
}

/** Whether `id` names no variable of the file (a global such as `require` or `String`). */
export function isGlobal(id: TSESTree.Identifier, scope: TSESLint.Scope.Scope): boolean {
  const variable = ASTUtils.findVariable(scope, id);
  return !variable || variable.defs.length === 0;
}

/** The function `node` is or names in this file (a declaration, or a function assigned once), if any. */
export function localFunction(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.FunctionLike | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.FunctionExpression || n.type === AST_NODE_TYPES.ArrowFunctionExpression) return n;
  if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
  const scope = sourceCode.getScope(n);
  const variable = singleVariable(n, scope);
  if (!variable) return undefined;
  const def = variable.defs[0]!;
  if (def.type === "FunctionName" && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  const init = assignedOnceInit(n, scope);
  return init && (init.type === AST_NODE_TYPES.FunctionExpression || init.type === AST_NODE_TYPES.ArrowFunctionExpression) ? init : undefined;
}
