/**
 * Suggestions that leave good code: where putting the environment in place of a hardcoded value
 * would leave an odd expression, the rewrite that reads as a person would write it.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isEnvObject } from "./env.js";
import { parentThroughTypeWrappers } from "./syntax.js";

/** A rewrite: remove the fallback the value is, or put `env` in place of a larger expression. */
export interface Rewrite {
  readonly kind: "removeFallback" | "replaceWithEnv";
  readonly fix: TSESLint.ReportFixFunction;
}

/**
 * The better rewrite of the hardcoded value `target` than `env` in its place, if there is one:
 * - the fallback of `x ?? "…"` / `x || "…"` is removed (`x`, not `x ?? process.env.X`);
 * - the default of `const { X = "…" } = process.env` too;
 * - `c ? process.env.X : "…"` becomes `process.env.X` (not `c ? process.env.X : process.env.X`).
 * A parameter default (`key = "…"`) keeps the plain replacement: `key = process.env.X` is good code.
 */
export function betterRewrite(sourceCode: Readonly<TSESLint.SourceCode>, target: TSESTree.Node, env: string): Rewrite | undefined {
  const { child, parent } = parentThroughTypeWrappers(target);
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== "&&" && parent.right === child) {
    const kept = sourceCode.getText(parent.left);
    return { kind: "removeFallback", fix: (fixer) => fixer.replaceText(parent, kept) };
  }
  if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== child) {
    const other = parent.consequent === child ? parent.alternate : parent.consequent;
    return sourceCode.getText(other) === env ? { kind: "replaceWithEnv", fix: (fixer) => fixer.replaceText(parent, env) } : undefined;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.right === child) {
    const property = parent.parent;
    const pattern = property?.parent;
    if (
      property?.type === AST_NODE_TYPES.Property &&
      pattern?.type === AST_NODE_TYPES.ObjectPattern &&
      pattern.parent.type === AST_NODE_TYPES.VariableDeclarator &&
      pattern.parent.init &&
      isEnvObject(pattern.parent.init)
    ) {
      return { kind: "removeFallback", fix: (fixer) => fixer.removeRange([parent.left.range[1], parent.range[1]]) };
    }
  }
  return undefined;
}
