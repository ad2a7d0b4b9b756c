/**
 * What a file imports from `keyguard/secret`, seen without type information: the local names
 * bound to its exports (`import { SecretString as S }`, `import * as secret`), the type
 * annotations that name `SecretString` (also through local type aliases), and the references to
 * `unsafeSecretString`.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { assignedOnceInit } from "./bindings.js";

export const SECRET_MODULE = "keyguard/secret";

/** Whether a file's text names `keyguard/secret` (an import of it can only be written so): without it, nothing in the file comes from there. */
export function mentionsSecretModule(text: string): boolean {
  return text.includes(SECRET_MODULE);
}
const MAX_DEPTH = 8;

/** The export of `keyguard/secret` a variable is an import of (`"*"` for a namespace import), if any. */
export function secretImportOf(variable: TSESLint.Scope.Variable | null | undefined): string | undefined {
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== "ImportBinding") return undefined;
  const declaration = def.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.source.value !== SECRET_MODULE) return undefined;
  const spec = def.node;
  switch (spec.type) {
    case AST_NODE_TYPES.ImportSpecifier:
      return spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return "*";
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      return "default";
    default:
      return undefined;
  }
}

/** Whether `node` names export `name` of keyguard/secret: `name`, a renamed import of it, or `ns.name`. */
export function namesSecretExport(
  node: TSESTree.Node,
  name: string,
  sourceCode: TSESLint.SourceCode,
): boolean {
  const scope = () => sourceCode.getScope(node);
  if (node.type === AST_NODE_TYPES.Identifier) {
    return secretImportOf(ASTUtils.findVariable(scope(), node)) === name;
  }
  if (node.type === AST_NODE_TYPES.TSQualifiedName && node.left.type === AST_NODE_TYPES.Identifier) {
    return node.right.name === name && secretImportOf(ASTUtils.findVariable(scope(), node.left)) === "*";
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier) {
    const property = !node.computed && node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
    return property === name && secretImportOf(ASTUtils.findVariable(scope(), node.object)) === "*";
  }
  return false;
}

/**
 * Whether a type annotation mentions keyguard's `SecretString` by name: directly, renamed, through a
 * namespace import, as `import("keyguard/secret").SecretString`, or through a type alias declared
 * in this file (`type Key = SecretString`), anywhere inside it (`{ apiKey: SecretString }`).
 */
export function typeNamesSecretString(typeNode: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  let found = false;
  const visit = (node: TSESTree.Node, level: number): void => {
    if (found || level > 64) return;
    if (node.type === AST_NODE_TYPES.TSTypeReference) {
      if (namesSecretExport(node.typeName, "SecretString", sourceCode)) {
        found = true;
        return;
      }
      if (node.typeName.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.typeName);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (def?.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration && typeNamesSecretString(def.node.typeAnnotation, sourceCode, depth + 1)) {
          found = true;
          return;
        }
      }
    }
    if (
      node.type === AST_NODE_TYPES.TSImportType &&
      node.source.value === SECRET_MODULE &&
      node.qualifier?.type === AST_NODE_TYPES.Identifier &&
      node.qualifier.name === "SecretString"
    ) {
      found = true;
      return;
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === "object" && "type" in c) visit(c as TSESTree.Node, level + 1);
      } else if (child && typeof child === "object" && "type" in child) {
        visit(child as TSESTree.Node, level + 1);
      }
    }
  };
  visit(typeNode, 0);
  return found;
}

/**
 * The class a guarded client was made from: `Raw` for `guardClient(Raw, …)` of keyguard/secret,
 * written in place or bound to a \`const\` of this file (\`const OpenAI = guardClient(RawOpenAI)\`).
 * A guarded class is the SDK's own constructor at run time: the rules treat it as the client it wraps.
 */
export function guardedClientClass(callee: TSESTree.Node, sourceCode: TSESLint.SourceCode): TSESTree.Expression | undefined {
  const call = callee.type === AST_NODE_TYPES.Identifier ? assignedOnceInit(callee, sourceCode.getScope(callee)) : callee;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !namesSecretExport(call.callee, "guardClient", sourceCode)) return undefined;
  const raw = call.arguments[0];
  return raw && raw.type !== AST_NODE_TYPES.SpreadElement ? raw : undefined;
}

type BaseTracker = InstanceType<typeof ASTUtils.ReferenceTracker>;
type TraceMap = Parameters<BaseTracker["iterateEsmReferences"]>[0];
/** `iteratePropertyReferences` is in eslint-utils' ReferenceTracker (4.x) but not in typescript-eslint's declaration of it. */
type Tracker = BaseTracker & {
  iteratePropertyReferences(node: TSESTree.Node, traceMap: TraceMap): IterableIterator<{ node: unknown }>;
};

/** The read references of the variable an import specifier or a destructured property binds. */
function boundReads(node: TSESTree.ImportSpecifier | TSESTree.Property, sourceCode: TSESLint.SourceCode): TSESTree.Node[] {
  let target: TSESTree.Node = node.type === AST_NODE_TYPES.Property ? node.value : node.local;
  if (target.type === AST_NODE_TYPES.AssignmentPattern) target = target.left;
  if (target.type !== AST_NODE_TYPES.Identifier) return [node];
  const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
  return (variable?.references ?? []).filter((r) => r.isRead()).map((r) => r.identifier);
}

/**
 * Every place in the file that reaches export `name` of keyguard/secret, found with eslint-utils'
 * `ReferenceTracker` (as `ASTUtils` of typescript-eslint): each use of a named or renamed import;
 * `ns.name` and `ns["name"]` of a namespace import; destructuring (`const { name: f } = ns`),
 * aliases (`const f = ns.name`); `require("keyguard/secret")` in the same ways; `await
 * import("keyguard/secret")` and `import ns = require("keyguard/secret")`; and re-exports
 * (`export { name as other } from "keyguard/secret"`, reported at the specifier). A barrel
 * `export * from "keyguard/secret"` is not a use of the name.
 */
export function secretExportReferences(sourceCode: TSESLint.SourceCode, name: string): TSESTree.Node[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const tracker = new ASTUtils.ReferenceTracker(globalScope) as Tracker;
  const READ = ASTUtils.ReferenceTracker.READ;
  const members: TraceMap = { [name]: { [READ]: true } };
  const found: TSESTree.Node[] = [];
  const add = (node: TSESTree.Node) => {
    if (node.type === AST_NODE_TYPES.ExportAllDeclaration) return;
    if (node.type === AST_NODE_TYPES.ImportSpecifier || (node.type === AST_NODE_TYPES.Property && node.parent.type === AST_NODE_TYPES.ObjectPattern)) {
      found.push(...boundReads(node, sourceCode));
      return;
    }
    found.push(node);
  };
  for (const { node } of tracker.iterateEsmReferences({ [SECRET_MODULE]: { [ASTUtils.ReferenceTracker.ESM]: true, ...members } })) add(node as TSESTree.Node);
  for (const { node } of tracker.iterateCjsReferences({ [SECRET_MODULE]: members })) add(node as TSESTree.Node);
  // The tracker follows \`require\` only when it is a declared global (\`globals.node\`); TypeScript
  // projects often declare none, which leaves \`require\` an unresolved reference of the global scope.
  for (const reference of globalScope.through) {
    const call = reference.identifier.parent;
    if (reference.identifier.name !== "require" || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) continue;
    const argument = call.arguments[0];
    if (argument && argument.type !== AST_NODE_TYPES.SpreadElement && ASTUtils.getStringIfConstant(argument) === SECRET_MODULE) {
      for (const { node: n } of tracker.iteratePropertyReferences(call, members)) add(n as TSESTree.Node);
    }
  }
  // What the tracker does not start from: dynamic imports and `import x = require(…)`.
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ImportExpression) {
      if (node.source.type === AST_NODE_TYPES.Literal && node.source.value === SECRET_MODULE) {
        const start = node.parent.type === AST_NODE_TYPES.AwaitExpression ? node.parent : node;
        for (const { node: n } of tracker.iteratePropertyReferences(start, members)) add(n as TSESTree.Node);
      }
      return;
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (c && typeof c === "object" && "type" in c) visit(c as TSESTree.Node);
      }
    }
  };
  if (/\bimport\s*\(/.test(sourceCode.text)) visit(sourceCode.ast);
  for (const statement of sourceCode.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (
      declaration?.type !== AST_NODE_TYPES.TSImportEqualsDeclaration ||
      declaration.moduleReference.type !== AST_NODE_TYPES.TSExternalModuleReference ||
      declaration.moduleReference.expression.value !== SECRET_MODULE
    ) {
      continue;
    }
    for (const variable of sourceCode.getDeclaredVariables(declaration)) {
      for (const reference of variable.references) {
        for (const { node: n } of tracker.iteratePropertyReferences(reference.identifier, members)) add(n as TSESTree.Node);
      }
    }
  }
  return [...new Set(found)];
}
