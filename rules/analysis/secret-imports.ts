/**
 * What a file imports from `keyguard/secret`, seen without type information: the local names
 * bound to its exports (`import { SecretString as S }`, `import * as secret`), the type
 * annotations that name `SecretString` (also through local type aliases), and the references to
 * `unsafeSecretString`.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

export const SECRET_MODULE = "keyguard/secret";
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
 * Every expression in the file that refers to keyguard's `unsafeSecretString` through an import:
 * `unsafeSecretString`, a renamed import, `ns.unsafeSecretString` of a namespace import.
 */
export function unsafeSecretStringReferences(sourceCode: TSESLint.SourceCode): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== SECRET_MODULE) continue;
    for (const spec of statement.specifiers) {
      for (const variable of sourceCode.getDeclaredVariables(spec)) {
        const imported = secretImportOf(variable);
        for (const ref of variable.references) {
          const id = ref.identifier;
          if (imported === "unsafeSecretString" && ref.isValueReference) out.push(id);
          else if (imported === "*" && id.parent?.type === AST_NODE_TYPES.MemberExpression && id.parent.object === id) {
            if (namesSecretExport(id.parent, "unsafeSecretString", sourceCode)) out.push(id.parent);
          }
        }
      }
    }
  }
  return out;
}
