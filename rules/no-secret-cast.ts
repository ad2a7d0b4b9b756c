import { ASTUtils, AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import { globMatches, relativePath } from "./glob.js";
import { SECRET_MODULE, typeNamesSecretString, unsafeSecretStringReferences } from "./analysis/secret-imports.js";
import { isAny, isKeyguardSecretExport, isSecretOrNullish, isSecretString, typeName } from "./analysis/secret-type.js";
import { createRule } from "./utils.js";

export type Options = [
  {
    allow?: string[];
    allowTestFiles?: boolean;
  },
];
export type MessageIds = "cast" | "anyIntoSecret" | "unsafe";

/** Test files by name, allowed by default (`allowTestFiles`): `*.test.*`, `*.spec.*`, and files under `__tests__/`. */
export const TEST_FILE_GLOBS = ["**/*.test.*", "**/*.spec.*", "**/__tests__/**"];

export default createRule<Options, MessageIds>({
  name: "no-secret-cast",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow forging the SecretString brand with casts, `any`, or `unsafeSecretString` outside allowed files",
      recommended: true,
    },
    messages: {
      cast:
        "This cast forges keyguard's SecretString brand on {{from}}: no loader checked it, and the type guard on clients then trusts it. Load the value with a keyguard/secret loader (secretFromEnv, secretFromFile, …); if this file is the glue that creates secrets, add it to the rule's `allow` option.",
      anyIntoSecret:
        "A value of type `any` fills a SecretString slot here ({{how}}), which forges the brand without a loader. Load the value with a keyguard/secret loader (secretFromEnv, secretFromFile, …), or add this file to the rule's `allow` option.",
      unsafe:
        "unsafeSecretString() makes a SecretString from any string, so nothing checked where this one came from. Use a keyguard/secret loader (secretFromEnv, secretFromFile, …); if this file is meant to create secrets (tests, glue code), add it to the rule's `allow` option.",
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          allow: {
            type: "array",
            description: "Globs of files (relative to the working directory) where casts and unsafeSecretString are allowed, e.g. `src/secrets/**`.",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
          },
          allowTestFiles: {
            type: "boolean",
            description: "Allow them in test files: `*.test.*`, `*.spec.*`, `__tests__/` (default true).",
          },
        },
      },
    ],
    defaultOptions: [{ allow: [], allowTestFiles: true }],
  },
  defaultOptions: [{ allow: [], allowTestFiles: true }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // Type information when the file has it; none (and no error) for other parsers or untyped linting.
    const services = sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
    const typed = services?.program && services.esTreeNodeToTSNodeMap ? (services as ParserServicesWithTypeInformation) : undefined;
    const checker = typed?.program.getTypeChecker();

    // Without type information the brand and unsafeSecretString are found only through imports of
    // keyguard/secret: a file that never names the module has nothing to report, and is skipped.
    if (!checker && !sourceCode.text.includes(SECRET_MODULE)) return {};

    const file = relativePath(context.cwd, context.filename);
    const globs = [...(options.allow ?? []), ...(options.allowTestFiles === false ? [] : TEST_FILE_GLOBS)];
    if (globs.some((glob) => globMatches(glob, file))) return {};

    const typeOf = (node: TSESTree.Node): ts.Type => typed!.getTypeAtLocation(node);
    const describe = (type: ts.Type) => `a value of type \`${typeName(type, checker!)}\``;

    /** Whether a type annotation names the brand: by the checker where there is type information, by import otherwise. */
    function mentionsBrand(typeNode: TSESTree.TypeNode): boolean {
      if (typeNamesSecretString(typeNode, sourceCode)) return true;
      if (!checker) return false;
      let found = false;
      const visit = (node: TSESTree.Node, level: number): void => {
        if (found || level > 64) return;
        if (
          node.type === AST_NODE_TYPES.TSTypeReference ||
          node.type === AST_NODE_TYPES.TSTypeQuery ||
          node.type === AST_NODE_TYPES.TSIndexedAccessType ||
          node.type === AST_NODE_TYPES.TSImportType
        ) {
          const type = typeOf(node);
          const parts = type.isUnion() ? type.types : [type];
          if (parts.some((t) => isSecretString(t, checker))) {
            found = true;
            return;
          }
        }
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const child = (node as unknown as Record<string, unknown>)[key];
          for (const c of Array.isArray(child) ? child : [child]) {
            if (c && typeof c === "object" && "type" in c) visit(c as TSESTree.Node, level + 1);
          }
        }
      };
      visit(typeNode, 0);
      return found;
    }

    function checkCast(node: TSESTree.TSAsExpression | TSESTree.TSTypeAssertion): void {
      if (!mentionsBrand(node.typeAnnotation)) return;
      if (!checker) {
        context.report({ node, messageId: "cast", data: { from: "a value" } });
        return;
      }
      const source = typeOf(node.expression);
      const target = typeOf(node);
      // An upcast (the value already has the target type) forges nothing, nor does dropping `null` or
      // `undefined` from a SecretString; `any` is assignable to anything, so it is no upcast.
      if (!isAny(source) && (checker.isTypeAssignableTo(source, target) || isSecretOrNullish(source, checker))) return;
      context.report({ node, messageId: "cast", data: { from: describe(source) } });
    }

    /** Whether `init` is `require(…)` or `await import(…)` (a binding of it holds a module's export). */
    const isModuleLoad = (init: TSESTree.Expression | null | undefined): boolean => {
      const n = init?.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init;
      if (n?.type === AST_NODE_TYPES.ImportExpression) return true;
      return n?.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === "require";
    };

    /** Whether `id` is bound by an import declaration, `require(…)` or `await import(…)` (of any module). */
    const isImported = (id: TSESTree.Identifier) =>
      ASTUtils.findVariable(sourceCode.getScope(id), id)?.defs.some(
        (d) => d.type === "ImportBinding" || (d.type === "Variable" && isModuleLoad(d.node.init)),
      ) === true;

    /** The identifier to resolve for a call of an imported function (`f()`, `ns.f()`), if it is one. */
    function importedCallee(callee: TSESTree.Expression): TSESTree.Identifier | undefined {
      if (callee.type === AST_NODE_TYPES.Identifier) return isImported(callee) ? callee : undefined;
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        isImported(callee.object)
      ) {
        return callee.property;
      }
      return undefined;
    }

    const reportedUnsafe = new Set<TSESTree.Node>();
    function reportUnsafe(node: TSESTree.Node): void {
      if (reportedUnsafe.has(node)) return;
      reportedUnsafe.add(node);
      context.report({ node, messageId: "unsafe" });
    }

    return {
      Program() {
        for (const ref of unsafeSecretStringReferences(sourceCode)) reportUnsafe(ref);
      },
      TSAsExpression: checkCast,
      TSTypeAssertion: checkCast,
      TSSatisfiesExpression(node) {
        if (!mentionsBrand(node.typeAnnotation)) return;
        const inner = node.expression;
        if (checker ? isAny(typeOf(inner)) : inner.type === AST_NODE_TYPES.TSAsExpression || inner.type === AST_NODE_TYPES.TSTypeAssertion) {
          context.report({ node, messageId: "anyIntoSecret", data: { how: "`satisfies` of a value cast or typed `any`" } });
        }
      },
      VariableDeclarator(node) {
        if (!checker || !node.init || node.id.type !== AST_NODE_TYPES.Identifier || !node.id.typeAnnotation) return;
        if (!mentionsBrand(node.id.typeAnnotation.typeAnnotation) || !isAny(typeOf(node.init))) return;
        context.report({ node: node.init, messageId: "anyIntoSecret", data: { how: `a SecretString annotation on \`${node.id.name}\`` } });
      },
      CallExpression(node) {
        if (!checker) return;
        // Only a function imported from some module can be keyguard's (re-exported under another
        // name, perhaps): resolving just those keeps the checker from typing every call of the file.
        const callee = importedCallee(node.callee);
        if (!callee) return;
        const tsNode = typed!.esTreeNodeToTSNodeMap.get(callee);
        // The name's own declaration (imports, re-exports), or, for a variable that holds the
        // function (`const { unsafeSecretString: f } = await import(…)`), the function its type is.
        const symbol = checker.getSymbolAtLocation(tsNode);
        if (isKeyguardSecretExport(symbol, "unsafeSecretString", checker) || isKeyguardSecretExport(checker.getTypeAtLocation(tsNode).getSymbol(), "unsafeSecretString", checker)) {
          reportUnsafe(node.callee);
        }
      },
    };
  },
});
