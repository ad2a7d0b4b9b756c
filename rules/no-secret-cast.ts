import { ASTUtils, AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import { globMatches, relativePath } from "./glob.js";
import { SECRET_MODULE, typeNamesSecretString, unsafeSecretStringReferences } from "./analysis/secret-imports.js";
import { brandTypes, isAny, isKeyguardSecretExport, isSecretOrNullish, typeName } from "./analysis/secret-type.js";
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
        "`any` reaches a place typed to hold keyguard's SecretString here ({{how}}), which forges the brand without a loader: nothing checks what the value holds. Load the secret with a keyguard/secret loader (secretFromEnv, secretFromJson, …), or add this file to the rule's `allow` option.",
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

    const brand = typed ? brandTypes(typed.program) : undefined;
    /** Type queries are needed only where the brand can exist: keyguard's brand module is in the program. */
    const typedChecks = brand?.inProgram === true;

    /** Whether a type annotation holds the brand: by the checker where there is type information, by import otherwise. */
    function mentionsBrand(typeNode: TSESTree.TypeNode): boolean {
      if (typeNamesSecretString(typeNode, sourceCode)) return true;
      return typedChecks && brand!.carries(typeOf(typeNode));
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

    /**
     * Reports `value` when it is, or holds, `any` where the type the context expects of it (a
     * declaration's annotation, a parameter, a property, a return type) holds the brand.
     * Object and array literals are checked by their properties and elements instead, so that each
     * `any` is reported once, where it is written.
     */
    function checkValue(value: TSESTree.Node | null | undefined, how: () => string): void {
      if (!value || value.type === AST_NODE_TYPES.SpreadElement) return;
      const tsNode = typed!.esTreeNodeToTSNodeMap.get(value) as ts.Expression;
      const source = checker!.getTypeAtLocation(tsNode);
      const literal = value.type === AST_NODE_TYPES.ObjectExpression || value.type === AST_NODE_TYPES.ArrayExpression;
      if (!isAny(source) && (literal || !brand!.holdsAny(source))) return;
      const target = checker!.getContextualType(tsNode);
      if (!target || !brand!.anyReaches(source, target)) return;
      context.report({ node: value, messageId: "anyIntoSecret", data: { how: `${how()}, typed \`${typeName(target, checker!)}\`` } });
    }

    const nameOf = (node: TSESTree.Node): string | undefined =>
      node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.name}` : undefined;

    function checkArguments(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      node.arguments.forEach((argument, i) => checkValue(argument, () => `argument ${i + 1} of a call`));
    }

    /** The listeners that follow \`any\` into the brand (only with type information, and only where the brand exists). */
    const valueListeners: TSESLint.RuleListener = typedChecks
      ? {
          VariableDeclarator(node) {
            if (!node.id.typeAnnotation) return;
            const name = nameOf(node.id);
            checkValue(node.init, () => (name ? `the initialiser of \`${name}\`` : "the initialiser of a destructuring declaration"));
          },
          PropertyDefinition(node) {
            const name = node.computed ? undefined : nameOf(node.key);
            checkValue(node.value, () => (name ? `the class field \`${name}\`` : "a class field"));
          },
          AssignmentExpression(node) {
            if (node.operator === "=") checkValue(node.right, () => "an assignment");
          },
          AssignmentPattern(node) {
            checkValue(node.right, () => "a default value");
          },
          ReturnStatement(node) {
            checkValue(node.argument, () => "a return value");
          },
          ArrowFunctionExpression(node) {
            if (node.expression) checkValue(node.body, () => "a return value");
          },
          CallExpression: checkArguments,
          NewExpression: checkArguments,
          Property(node) {
            if (node.parent.type !== AST_NODE_TYPES.ObjectExpression || node.kind !== "init") return;
            const name = node.computed ? undefined : nameOf(node.key) ?? (node.key.type === AST_NODE_TYPES.Literal ? String(node.key.value) : undefined);
            checkValue(node.value, () => (name ? `property \`${name}\` of an object literal` : "a property of an object literal"));
          },
          ArrayExpression(node) {
            for (const element of node.elements) checkValue(element, () => "an element of an array literal");
          },
        }
      : {};

    const reportedUnsafe = new Set<TSESTree.Node>();
    function reportUnsafe(node: TSESTree.Node): void {
      if (reportedUnsafe.has(node)) return;
      reportedUnsafe.add(node);
      context.report({ node, messageId: "unsafe" });
    }

    return {
      ...valueListeners,
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
      CallExpression(node) {
        valueListeners.CallExpression?.(node);
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
