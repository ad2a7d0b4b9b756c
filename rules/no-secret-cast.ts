import { ASTUtils, AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import { globMatches, relativePath, TEST_FILE_GLOBS } from "./glob.js";
import { mentionsSecretModule, secretExportReferences, typeNamesSecretString } from "./analysis/secret-imports.js";
import { brandTypes, isAny, typescript, isKeyguardSecretExport, isSecretOrNullish, typeName } from "./analysis/secret-type.js";
import { createRule } from "./utils.js";

export type Options = [
  {
    allow?: string[];
    allowTestFiles?: boolean;
  },
];
export type MessageIds = "cast" | "anyIntoSecret" | "unsafe" | "predicate" | "generic" | "overload";

/** The expressions whose type can be \`any\` (a literal, a function or \`a + b\` cannot). */
const MAY_BE_ANY = new Set<string>([
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.SequenceExpression,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.YieldExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSInstantiationExpression,
  AST_NODE_TYPES.ImportExpression,
]);

/**
 * Whether the type of parameter `name` of `fn` is cheap to ask for: the parameter (destructured or
 * not) has a written type, or `fn` is a declaration or a class method, whose unwritten parameter
 * types are \`any\` without looking at anything else. An unannotated parameter of a function
 * expression or arrow function takes its type from where the function is passed
 * (\`items.map(async ([k, v]) => …)\`): typing it resolves the call around it.
 */
function parameterTypeIsCheap(fn: TSESTree.Node, name: TSESTree.Node): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.TSDeclareFunction) return true;
  if (fn.type === AST_NODE_TYPES.FunctionExpression && fn.parent.type === AST_NODE_TYPES.MethodDefinition) return true;
  let param: TSESTree.Node = name;
  while (param.parent && param.parent !== fn) param = param.parent;
  for (;;) {
    if (param.type === AST_NODE_TYPES.TSParameterProperty) param = param.parameter;
    else if (param.type === AST_NODE_TYPES.AssignmentPattern) param = param.left;
    else return "typeAnnotation" in param && param.typeAnnotation !== undefined;
  }
}

/**
 * Whether `node` may be \`any\` and its type is cheap to ask for, seen from the syntax: a name
 * declared with a type (a parameter, an annotated variable, an import) or bound to such an
 * expression, \`this\`, member accesses of those, calls of a function by name or of a method of such
 * a name (\`JSON.parse(…)\`, \`await res.json()\`), through \`await\`, casts, \`!\`, \`?.\`, \`? :\` and
 * \`??\`. Literals, functions and operators that make numbers or booleans are never \`any\`; object and
 * array literals are checked by their members. A value whose type comes from resolving a method
 * chain of an SDK object (\`(await client.chat.completions.create(…)).usage\`, an unannotated callback
 * parameter) is not typed here: that costs more than the lint of the file, and such types are not \`any\`.
 */
function cheapToType(node: TSESTree.Node, scope: () => TSESLint.Scope.Scope, depth = 0): boolean {
  if (depth > 4 || !MAY_BE_ANY.has(node.type)) return false;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(scope(), node);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!def) return variable !== null && variable !== undefined && variable.defs.length === 0; // a global (\`JSON\`)
      if (def.type === "ImportBinding" || def.type === "FunctionName" || def.type === "ClassName") return true;
      if (def.type === "Parameter") return parameterTypeIsCheap(def.node, def.name);
      if (def.type !== "Variable") return false;
      if (def.node.id.typeAnnotation) return true;
      return def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init !== null && cheapToType(def.node.init, scope, depth + 1);
    }
    case AST_NODE_TYPES.MemberExpression:
      return node.object.type === AST_NODE_TYPES.ThisExpression || cheapToType(node.object, scope, depth + 1);
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      // A function by name, or a method of a name (not a chain: resolving its call is the cost).
      const callee = node.callee;
      if (callee.type === AST_NODE_TYPES.Identifier) return cheapToType(callee, scope, depth + 1);
      return callee.type === AST_NODE_TYPES.MemberExpression && (callee.object.type === AST_NODE_TYPES.ThisExpression || (callee.object.type === AST_NODE_TYPES.Identifier && cheapToType(callee.object, scope, depth + 1)));
    }
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.ChainExpression:
      return cheapToType("argument" in node ? node.argument : node.expression, scope, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return cheapToType(node.consequent, scope, depth + 1) || cheapToType(node.alternate, scope, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
      return cheapToType(node.left, scope, depth + 1) || cheapToType(node.right, scope, depth + 1);
    default:
      return true;
  }
}

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
      predicate:
        "This {{kind}} claims keyguard's SecretString brand for {{from}}: the compiler takes the function's word for it, so whatever passes its check becomes a SecretString that no loader produced. Load the value with a keyguard/secret loader (secretFromEnv, secretFromJson, …); if this file is the glue that creates secrets, add it to the rule's `allow` option.",
      generic:
        "`{{callee}}` returns its type parameter {{parameter}} without taking a value of that type, so this call makes `{{type}}` out of whatever it is given: a cast in disguise, which forges keyguard's SecretString brand. Load the value with a keyguard/secret loader (secretFromEnv, secretFromJson, …), or add this file to the rule's `allow` option.",
      overload:
        "This overload promises `{{type}}`, which holds keyguard's SecretString brand, but the implementation returns `any`, so the compiler never checks the promise. Give the implementation the return type of its overloads, or load the value with a keyguard/secret loader.",
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
            description: "Allow them in test files and fixtures: `*.test.*`, `*.spec.*`, `__tests__/`, `test/`, `tests/`, `__mocks__/`, `fixtures/`, `__fixtures__/` (default true).",
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
    if (!checker && !mentionsSecretModule(sourceCode.text)) return {};

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

    /** Whether `init` is `require(…)` (the global one) or `await import(…)` (a binding of it holds a module's export). */
    const isModuleLoad = (init: TSESTree.Expression | null | undefined): boolean => {
      const n = init?.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init;
      if (n?.type === AST_NODE_TYPES.ImportExpression) return true;
      if (n?.type !== AST_NODE_TYPES.CallExpression || n.callee.type !== AST_NODE_TYPES.Identifier || n.callee.name !== "require") return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(n), n.callee);
      return !variable || variable.defs.length === 0;
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
     * Reports `value` when `any` reaches the brand through it. Where the place has a written type
     * (`slot`: a declaration's annotation, a function's return type), that type is asked first, and
     * a value that holds `any` in a field or type argument is reported too. Elsewhere (arguments,
     * members of object and array literals, assignments, default values) a value typed \`any\` is
     * looked up first, and only then the type the context expects of it. Object and array literals
     * are checked by their members, so that each \`any\` is reported once, where it is written.
     */
    function checkValue(value: TSESTree.Node | null | undefined, how: () => string, slot?: TSESTree.TypeNode): void {
      // Literals, functions, classes and operators that make numbers or booleans are never \`any\`,
      // and object and array literals are checked by their members: no type query for them.
      if (!value || !cheapToType(value, () => sourceCode.getScope(value))) return;
      const tsNode = typed!.esTreeNodeToTSNodeMap.get(value) as ts.Expression;
      let target: ts.Type | undefined;
      let source: ts.Type;
      if (slot) {
        if (slotCannotCarry(slot)) return;
        target = typeOf(slot);
        if (!brand!.carries(target)) return;
        source = checker!.getTypeAtLocation(tsNode);
      } else {
        if (value.type === AST_NODE_TYPES.Identifier && !declaredMayBeAny(tsNode)) return;
        if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.Identifier && !declaredReturnMayBeAny(value.callee)) return;
        source = checker!.getTypeAtLocation(tsNode);
        if (!isAny(source)) return;
        target = checker!.getContextualType(tsNode);
      }
      if (!target || !brand!.anyReaches(source, target)) return;
      context.report({ node: value, messageId: "anyIntoSecret", data: { how: `${how()}, typed \`${typeName(target, checker!)}\`` } });
    }

    /**
     * Whether a written type is a reference, without type arguments, to a class declared outside the
     * project and keyguard (\`: OpenAI\`): told from the declarations, without resolving the SDK's type.
     */
    function slotCannotCarry(slot: TSESTree.TypeNode): boolean {
      if (slot.type !== AST_NODE_TYPES.TSTypeReference || slot.typeArguments) return false;
      const name = (typed!.esTreeNodeToTSNodeMap.get(slot) as ts.TypeReferenceNode).typeName;
      const symbol = checker!.getSymbolAtLocation(tsm!.isQualifiedName(name) ? name.right : name);
      return symbol !== undefined && brand!.foreignClassCannotCarry(symbol);
    }

    /**
     * Whether a call of `callee` may return \`any\`, told from its declarations where it is named by
     * function declarations without type parameters (\`secretFromEnv\`): one of them has no written
     * return type, or one whose type is \`any\`.
     */
    function declaredReturnMayBeAny(callee: TSESTree.Node): boolean {
      const declared = declaredSignaturesOf(callee);
      if (!declared || declared.length === 0) return true;
      return declared.some((d) => d.typeParameters !== undefined || d.type === undefined || isAny(checker!.getTypeFromTypeNode(d.type)));
    }

    /**
     * Whether a name's declared type lets it be \`any\` where it is used: it is \`any\` or
     * \`unknown\`, the only types a narrowing can turn into \`any\`. Asked of the symbol, this skips
     * typing the place: for a shorthand property (\`{ baseURL }\`) that types the whole object literal
     * against the call it is passed to.
     */
    function declaredMayBeAny(name: ts.Node): boolean {
      const parent = name.parent;
      let symbol = tsm!.isShorthandPropertyAssignment(parent) && parent.name === name ? checker!.getShorthandAssignmentValueSymbol(parent) : checker!.getSymbolAtLocation(name);
      if (!symbol) return true;
      if (symbol.flags & tsm!.SymbolFlags.Alias) symbol = checker!.getAliasedSymbol(symbol);
      return (checker!.getTypeOfSymbol(symbol).flags & (tsm!.TypeFlags.Any | tsm!.TypeFlags.Unknown)) !== 0;
    }

    /** The written return type of the function `node` returns from (awaited for an async function), if any. */
    function returnSlot(node: TSESTree.Node): TSESTree.TypeNode | undefined {
      let fn: TSESTree.Node | undefined = node.parent;
      while (fn && fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) fn = fn.parent;
      const annotation = fn?.returnType?.typeAnnotation;
      if (!annotation || !fn!.async) return annotation;
      // \`Promise<T>\` of an async function: the value returned is checked against \`T\`.
      return annotation.type === AST_NODE_TYPES.TSTypeReference && annotation.typeArguments?.params.length === 1 ? annotation.typeArguments.params[0] : undefined;
    }

    const nameOf = (node: TSESTree.Node): string | undefined =>
      node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.name}` : undefined;

    /**
     * Checks the arguments of a call. Of a function named by its declarations, an argument is not
     * typed where every declaration gives its parameter a written type that cannot hold the brand
     * (\`client: OpenAI\`, \`text: string\`): that type is the one the argument is checked against.
     */
    function checkArguments(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const declared = node.callee.type === AST_NODE_TYPES.Identifier ? declaredSignaturesOf(node.callee) : undefined;
      // After a spread argument the arguments no longer line up with the parameters.
      const spread = node.arguments.findIndex((a) => a.type === AST_NODE_TYPES.SpreadElement);
      node.arguments.forEach((argument, i) => {
        if (declared && declared.length > 0 && (spread === -1 || i < spread) && declared.every((d) => parameterCannotCarry(d, i))) return;
        checkValue(argument, () => `argument ${i + 1} of a call`);
      });
    }

    /** Whether parameter `i` of `declaration` (not a rest parameter, no \`this\` parameter before it) has a written type that cannot hold the brand. */
    function parameterCannotCarry(declaration: ts.SignatureDeclaration, i: number): boolean {
      const parameters = declaration.parameters;
      if (parameters.slice(0, i + 1).some((p) => tsm!.isIdentifier(p.name) && p.name.text === "this")) return false;
      const parameter = parameters[i];
      return parameter !== undefined && !parameter.dotDotDotToken && parameter.type !== undefined && typeCannotCarry(parameter.type);
    }

    /**
     * Whether a written type cannot hold the brand, told from the syntax and declarations: a primitive
     * or literal type, a class without type parameters declared outside the project and keyguard,
     * and unions and arrays of those.
     */
    function typeCannotCarry(node: ts.TypeNode): boolean {
      switch (node.kind) {
        case tsm!.SyntaxKind.StringKeyword:
        case tsm!.SyntaxKind.NumberKeyword:
        case tsm!.SyntaxKind.BooleanKeyword:
        case tsm!.SyntaxKind.BigIntKeyword:
        case tsm!.SyntaxKind.SymbolKeyword:
        case tsm!.SyntaxKind.UndefinedKeyword:
        case tsm!.SyntaxKind.VoidKeyword:
        case tsm!.SyntaxKind.NeverKeyword:
        case tsm!.SyntaxKind.LiteralType:
          return true;
        case tsm!.SyntaxKind.ParenthesizedType:
          return typeCannotCarry((node as ts.ParenthesizedTypeNode).type);
        case tsm!.SyntaxKind.ArrayType:
          return typeCannotCarry((node as ts.ArrayTypeNode).elementType);
        case tsm!.SyntaxKind.UnionType:
          return (node as ts.UnionTypeNode).types.every(typeCannotCarry);
        case tsm!.SyntaxKind.TypeReference: {
          const reference = node as ts.TypeReferenceNode;
          if (reference.typeArguments) return false;
          const symbol = checker!.getSymbolAtLocation(tsm!.isQualifiedName(reference.typeName) ? reference.typeName.right : reference.typeName);
          return symbol !== undefined && brand!.foreignClassCannotCarry(symbol);
        }
        default:
          return false;
      }
    }

    /** The listeners that follow \`any\` into the brand (only with type information, and only where the brand exists). */
    const valueListeners: TSESLint.RuleListener = typedChecks
      ? {
          VariableDeclarator(node) {
            if (!node.id.typeAnnotation) return;
            const name = nameOf(node.id);
            checkValue(node.init, () => (name ? `the initialiser of \`${name}\`` : "the initialiser of a destructuring declaration"), node.id.typeAnnotation.typeAnnotation);
          },
          PropertyDefinition(node) {
            const name = node.computed ? undefined : nameOf(node.key);
            if (node.typeAnnotation) checkValue(node.value, () => (name ? `the class field \`${name}\`` : "a class field"), node.typeAnnotation.typeAnnotation);
          },
          AssignmentExpression(node) {
            if (node.operator === "=") checkValue(node.right, () => "an assignment");
          },
          AssignmentPattern(node) {
            checkValue(node.right, () => "a default value");
          },
          // Only functions with a written return type: an inferred one comes from the value itself.
          ReturnStatement(node) {
            const slot = returnSlot(node);
            if (slot) checkValue(node.argument, () => "a return value", slot);
          },
          ArrowFunctionExpression(node) {
            const slot = node.expression ? returnSlot(node.body) : undefined;
            if (slot) checkValue(node.body, () => "a return value", slot);
          },
          CallExpression(node) {
            checkArguments(node);
            checkGenericCall(node);
          },
          NewExpression(node) {
            checkArguments(node);
            checkGenericCall(node);
          },
          TSDeclareFunction: checkOverload,
          TSEmptyBodyFunctionExpression: checkOverload,
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

    /** The `typescript` module, loaded only where the program proves it is installed. */
    const tsm = typedChecks ? typescript() : undefined;

    /** Whether no value of `type` can be narrowed into a string: `null`, `undefined`, `void`, numbers, booleans, bigints, symbols. */
    const isNonString = (type: ts.Type): boolean =>
      (type.flags & (tsm!.TypeFlags.Null | tsm!.TypeFlags.Undefined | tsm!.TypeFlags.Void | tsm!.TypeFlags.NumberLike | tsm!.TypeFlags.BooleanLike | tsm!.TypeFlags.BigIntLike | tsm!.TypeFlags.ESSymbolLike)) !== 0;

    /**
     * A type predicate (`x is SecretString`) or assertion (`asserts x is SecretString`) that claims
     * the brand. Not reported when the parameter's type leaves nothing to forge: every member of it
     * already holds the brand or cannot be a string (`x: SecretString | undefined`).
     */
    function checkPredicate(node: TSESTree.TSTypePredicate): void {
      if (!node.typeAnnotation) return;
      const kind = node.asserts ? "assertion function" : "type predicate";
      const fn = node.parent.parent;
      const params = fn && "params" in fn ? (fn.params as TSESTree.Parameter[]) : [];
      const name = node.parameterName.type === AST_NODE_TYPES.Identifier ? node.parameterName.name : undefined;
      const param = name === undefined ? undefined : params.find((p) => p.type === AST_NODE_TYPES.Identifier && p.name === name);
      if (!typedChecks) {
        if (!typeNamesSecretString(node.typeAnnotation.typeAnnotation, sourceCode)) return;
        const paramType = param?.type === AST_NODE_TYPES.Identifier ? param.typeAnnotation?.typeAnnotation : undefined;
        if (paramType && typeNamesSecretString(paramType, sourceCode)) return;
        context.report({ node, messageId: "predicate", data: { kind, from: name ? `\`${name}\`` : "`this`" } });
        return;
      }
      const claimed = typeOf(node.typeAnnotation.typeAnnotation);
      if (!brand!.carries(claimed)) return;
      const given = param ? typeOf(param) : undefined;
      if (given) {
        const members = given.isUnion() ? given.types : [given];
        if (members.every((m) => isNonString(m) || brand!.carries(m))) return;
      }
      context.report({ node, messageId: "predicate", data: { kind, from: given ? describe(given) : "`this`" } });
    }

    /** The names of `declaration`'s type parameters that its return type (or predicate) uses and no parameter's type does. */
    function returnOnlyTypeParameters(declaration: ts.SignatureDeclaration): string[] {
      const names = new Set((declaration.typeParameters ?? []).map((p) => p.name.text));
      if (names.size === 0 || !declaration.type) return [];
      const used = (node: ts.Node | undefined, out: Set<string>): Set<string> => {
        if (!node) return out;
        if (tsm!.isTypeReferenceNode(node) && tsm!.isIdentifier(node.typeName) && names.has(node.typeName.text)) out.add(node.typeName.text);
        tsm!.forEachChild(node, (child) => void used(child, out));
        return out;
      };
      const inReturn = used(declaration.type, new Set());
      const inParameters = new Set<string>();
      for (const parameter of declaration.parameters) {
        // A parameter without a type (JavaScript) takes any type: nothing can be said of the function.
        if (!parameter.type) return [];
        used(parameter.type, inParameters);
      }
      return [...inReturn].filter((n) => !inParameters.has(n));
    }

    /**
     * A call of a generic function that makes the brand out of nothing: its result (or the type its
     * predicate claims) holds the brand only through a type parameter that no parameter takes
     * (\`function as<T>(x: unknown): T\`, \`function is<T>(x: unknown): x is T\`).
     */
    function checkGenericCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      // Only a callee with a generic signature whose type parameter no parameter takes can make the
      // brand out of nothing: the callee's own type says so without resolving the call. A function
      // called by name, or any callee given type arguments (\`api.get<AppConfig>(…)\`): typing every
      // method chain of a file (\`client.chat.completions.create\`) costs more than the lint itself.
      if (node.callee.type !== AST_NODE_TYPES.Identifier && !node.typeArguments) return;
      const declared = declaredSignaturesOf(node.callee);
      if (declared && !declared.some((d) => returnOnlyTypeParameters(d).length > 0)) return;
      const calleeType = typeOf(node.callee);
      const signatures = node.type === AST_NODE_TYPES.NewExpression ? calleeType.getConstructSignatures() : calleeType.getCallSignatures();
      if (!signatures.some((s) => s.declaration && !tsm!.isJSDocSignature(s.declaration) && returnOnlyTypeParameters(s.declaration).length > 0)) return;
      const tsCall = typed!.esTreeNodeToTSNodeMap.get(node) as ts.CallLikeExpression;
      const resultType = checker!.getTypeAtLocation(tsCall);
      const claimsByResult = brand!.carries(resultType);
      if (!claimsByResult && !node.typeArguments) return;
      const signature = checker!.getResolvedSignature(tsCall);
      const declaration = signature?.declaration;
      if (!signature || !declaration || tsm!.isJSDocSignature(declaration)) return;
      const generic = checker!.getSignatureFromDeclaration(declaration);
      if (!generic) return;
      let claimed: ts.Type | undefined;
      if (claimsByResult && !brand!.carries(generic.getReturnType())) claimed = resultType;
      const predicate = checker!.getTypePredicateOfSignature(signature);
      const genericPredicate = checker!.getTypePredicateOfSignature(generic);
      if (!claimed && predicate?.type && brand!.carries(predicate.type) && !(genericPredicate?.type && brand!.carries(genericPredicate.type))) {
        claimed = predicate.type;
      }
      if (!claimed) return;
      const parameters = returnOnlyTypeParameters(declaration);
      if (parameters.length === 0) return;
      const callee = node.callee.type === AST_NODE_TYPES.Identifier || node.callee.type === AST_NODE_TYPES.MemberExpression ? sourceCode.getText(node.callee) : "this function";
      context.report({
        node,
        messageId: "generic",
        data: { callee: callee.length > 60 ? "this function" : callee, parameter: parameters.map((p) => `\`${p}\``).join(", "), type: typeName(claimed, checker!) },
      });
    }

    /**
     * The signatures of a callee named by a function or class declaration (and namespaces merged
     * with it), read from the declarations (import aliases followed) without typing the callee: a
     * function's signatures are its declarations, overloads included, and a class's construct signatures take no type parameter
     * of their own (a constructor declares none), so they make nothing out of nothing. `undefined`
     * for any other callee (a variable holding a function), whose type must be asked.
     */
    const declaredCache = new Map<TSESTree.Node, readonly ts.SignatureDeclaration[] | undefined>();
    /** {@link declaredSignatures}, asked once per callee. */
    function declaredSignaturesOf(callee: TSESTree.Node): readonly ts.SignatureDeclaration[] | undefined {
      if (!declaredCache.has(callee)) declaredCache.set(callee, declaredSignatures(callee));
      return declaredCache.get(callee);
    }

    function declaredSignatures(callee: TSESTree.Node): readonly ts.SignatureDeclaration[] | undefined {
      let symbol = checker!.getSymbolAtLocation(typed!.esTreeNodeToTSNodeMap.get(callee));
      if (symbol && symbol.flags & tsm!.SymbolFlags.Alias) symbol = checker!.getAliasedSymbol(symbol);
      // A namespace merged with a class or function (`declare class OpenAI` beside
      // `declare namespace OpenAI`) adds no call or construct signature.
      const declarations = (symbol?.declarations ?? []).filter((d) => !tsm!.isModuleDeclaration(d));
      if (declarations.length === 0) return undefined;
      if (declarations.every((d) => tsm!.isClassDeclaration(d))) return [];
      return declarations.every((d) => tsm!.isFunctionDeclaration(d)) ? (declarations as ts.FunctionDeclaration[]) : undefined;
    }

    /** An overload whose return type holds the brand, when the implementation returns \`any\` (which the compiler accepts for every overload). */
    function checkOverload(node: TSESTree.TSDeclareFunction | TSESTree.TSEmptyBodyFunctionExpression): void {
      if (!node.returnType || (node.type === AST_NODE_TYPES.TSDeclareFunction && node.declare)) return;
      const tsNode = typed!.esTreeNodeToTSNodeMap.get(node) as ts.SignatureDeclaration;
      const overload = checker!.getSignatureFromDeclaration(tsNode);
      const promised = overload?.getReturnType();
      if (!promised || !brand!.carries(promised)) return;
      const named = tsNode.name ?? (tsm!.isFunctionExpression(tsNode) || tsm!.isMethodDeclaration(tsNode.parent) ? (tsNode.parent as ts.MethodDeclaration).name : undefined);
      const symbol = named && checker!.getSymbolAtLocation(named);
      const implementation = symbol?.declarations?.find((d): d is ts.FunctionLikeDeclaration => tsm!.isFunctionLike(d) && "body" in d && d.body !== undefined);
      if (!implementation) return;
      const implementationReturn = checker!.getSignatureFromDeclaration(implementation)?.getReturnType();
      if (!implementationReturn || !brand!.anyReaches(implementationReturn, promised)) return;
      context.report({ node: node.returnType, messageId: "overload", data: { type: typeName(promised, checker!) } });
    }

    const reportedUnsafe = new Set<TSESTree.Node>();
    function reportUnsafe(node: TSESTree.Node): void {
      if (reportedUnsafe.has(node)) return;
      reportedUnsafe.add(node);
      context.report({ node, messageId: "unsafe" });
    }

    return {
      ...valueListeners,
      TSTypePredicate: checkPredicate,
      Program() {
        for (const ref of secretExportReferences(sourceCode, "unsafeSecretString")) reportUnsafe(ref);
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
        // The latter is asked only of such a variable: an import's symbol is its declaration.
        const symbol = checker.getSymbolAtLocation(tsNode);
        const root = node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.object : node.callee;
        const imported = root.type === AST_NODE_TYPES.Identifier && ASTUtils.findVariable(sourceCode.getScope(root), root)?.defs.every((d) => d.type === "ImportBinding") === true;
        if (isKeyguardSecretExport(symbol, "unsafeSecretString", checker) || (!imported && isKeyguardSecretExport(checker.getTypeAtLocation(tsNode).getSymbol(), "unsafeSecretString", checker))) {
          reportUnsafe(node.callee);
        }
      },
    };
  },
});
