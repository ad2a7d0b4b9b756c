/**
 * Module references: which module and export a name or expression comes from, through `import`
 * (default, named, renamed, namespace), `import x = require()`, CommonJS `require()` (the global
 * one only), `await import()`, destructuring and aliases assigned once; a subclass stands for the
 * class it extends, and `guardClient(X)` (keyguard/secret) for `X`.
 *
 * `ASTUtils.ReferenceTracker` answers the reverse question (every reference of given exports) for
 * exact module and export names; the client catalog matches module prefixes (`@aws-sdk/client-*`)
 * and export suffixes (`*Client`), and asks of one callee at a time, so it resolves here.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isAssignedOnce, isGlobal, singleVariable } from "./bindings.js";
import { MAX_DEPTH, propertyName, unwrap } from "./syntax.js";

/** A reference to something a module exports: the module object (`export` absent), an export, or a member of an export. */
export interface ModuleRef {
  readonly module: string;
  readonly export?: string;
  readonly member?: string;
}

/** `m` for `require("m")` (the global `require`). */
function requiredModule(node: TSESTree.Node, scope: TSESLint.Scope.Scope): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (node.callee.name !== "require" || node.arguments.length !== 1 || !isGlobal(node.callee, scope)) return undefined;
  const arg = node.arguments[0]!;
  if (arg.type === AST_NODE_TYPES.Literal && typeof arg.value === "string") return arg.value;
  if (arg.type === AST_NODE_TYPES.TemplateLiteral && arg.expressions.length === 0) return arg.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `m` for `import("m")` and `await import("m")`. */
function importedModule(node: TSESTree.Node): string | undefined {
  const n = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
  if (n.type !== AST_NODE_TYPES.ImportExpression) return undefined;
  return n.source.type === AST_NODE_TYPES.Literal && typeof n.source.value === "string" ? n.source.value : undefined;
}

/** The refs after reading property `name` of each ref. */
export function memberOf(refs: readonly ModuleRef[], name: string): ModuleRef[] {
  const out: ModuleRef[] = [];
  for (const ref of refs) {
    if (ref.export === undefined) {
      out.push({ module: ref.module, export: name });
      // `require("@sendgrid/mail").setApiKey`: a CommonJS module object is also its default export.
      if (name !== "default") out.push({ module: ref.module, export: "default", member: name });
    } else if (ref.member === undefined) {
      out.push({ module: ref.module, export: ref.export, member: name });
      // A CommonJS module's `module.exports` is its default export and carries the named ones too.
      if (ref.export === "default" && name !== "default") out.push({ module: ref.module, export: name });
    }
  }
  return out;
}

/** What the binding `id` refers to, when it was imported or required (or aliases something that was). */
function bindingRefs(sourceCode: Readonly<TSESLint.SourceCode>, id: TSESTree.Identifier, scope: TSESLint.Scope.Scope, depth: number): ModuleRef[] {
  const variable = singleVariable(id, scope);
  if (!variable) return [];
  const def = variable.defs[0]!;
  if (def.type === "ImportBinding") {
    const node = def.node;
    if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const ref = node.moduleReference;
      if (ref.type !== AST_NODE_TYPES.TSExternalModuleReference) return [];
      return typeof ref.expression.value === "string" ? [{ module: ref.expression.value }] : [];
    }
    const declaration = node.parent;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === "type") return [];
    const module = declaration.source.value;
    switch (node.type) {
      case AST_NODE_TYPES.ImportDefaultSpecifier:
        return [{ module, export: "default" }];
      case AST_NODE_TYPES.ImportNamespaceSpecifier:
        return [{ module }];
      case AST_NODE_TYPES.ImportSpecifier: {
        if (node.importKind === "type") return [];
        const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
        return [{ module, export: imported }];
      }
      default:
        return [];
    }
  }
  // `class MyAI extends OpenAI {}`: a subclass is the client it extends.
  if (def.type === "ClassName" && def.node.superClass && depth <= MAX_DEPTH) {
    return expressionRefs(sourceCode, def.node.superClass, sourceCode.getScope(def.node), depth + 1);
  }
  if (def.type !== "Variable" || !def.node.init || depth > MAX_DEPTH || !isAssignedOnce(variable)) return [];
  const init = def.node.init;
  const initScope = sourceCode.getScope(init);
  if (def.node.id.type === AST_NODE_TYPES.Identifier) return expressionRefs(sourceCode, init, initScope, depth + 1);
  if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
    // `const { Anthropic } = require("@anthropic-ai/sdk")`, `const { OpenAI: O } = await import("openai")`
    for (const property of def.node.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value.type !== AST_NODE_TYPES.Identifier || value.name !== id.name) continue;
      const key = propertyName(property.key, property.computed);
      return key === undefined ? [] : memberOf(expressionRefs(sourceCode, init, initScope, depth + 1), key);
    }
  }
  return [];
}

function expressionRefs(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, scope: TSESLint.Scope.Scope, depth: number): ModuleRef[] {
  if (depth > MAX_DEPTH) return [];
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) return bindingRefs(sourceCode, n, scope, depth);
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(n.property, n.computed);
    return name === undefined ? [] : memberOf(expressionRefs(sourceCode, n.object, scope, depth + 1), name);
  }
  const required = requiredModule(n, scope);
  if (required !== undefined) return [{ module: required }];
  const imported = importedModule(n);
  if (imported !== undefined) return [{ module: imported }];
  // `guardClient(OpenAI)` is OpenAI with a guarded key option: the same client for the rules.
  if (n.type === AST_NODE_TYPES.CallExpression && n.arguments[0] && n.arguments[0].type !== AST_NODE_TYPES.SpreadElement) {
    const guard = expressionRefs(sourceCode, n.callee, scope, depth + 1);
    if (guard.some((ref) => ref.module === SECRET_MODULE && ref.export === GUARD_CLIENT && ref.member === undefined)) {
      return expressionRefs(sourceCode, n.arguments[0], scope, depth + 1);
    }
  }
  return [];
}

/** keyguard's runtime module and its client guard. */
const SECRET_MODULE = "keyguard/secret";
const GUARD_CLIENT = "guardClient";

/** What `node` refers to among module exports (`import`, `require`, aliases); `[]` if nothing. */
export function moduleRefs(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): ModuleRef[] {
  return expressionRefs(sourceCode, node, sourceCode.getScope(node), 0);
}
