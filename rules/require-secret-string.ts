import { ASTUtils, AST_NODE_TYPES, ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import { assignedOnceInit } from "./analysis/bindings.js";
import { createClientMatcher, USER_CLIENT_SCHEMA, type KeyUse, type UserClient } from "./analysis/client-calls.js";
import { SECRET_MODULE, guardedClientClass, secretImportOf } from "./analysis/secret-imports.js";
import { brandTypes, isAny, isSecretValue, typeName } from "./analysis/secret-type.js";
import { createRule } from "./utils.js";

export type Options = [
  {
    clients?: UserClient[];
  },
];
export type MessageIds = "notSecret" | "envNotSecret" | "parameterNotSecret" | "useSecretFromEnv";

const MAX_PATH_DEPTH = 8;

/** `X` for `process.env.X` / `process.env["X"]` (optionally `!`): the one environment `secretFromEnv` reads. */
function processEnvName(node: TSESTree.Node): string | undefined {
  const n = node.type === AST_NODE_TYPES.TSNonNullExpression ? node.expression : node;
  if (n.type !== AST_NODE_TYPES.MemberExpression || n.optional) return undefined;
  const name = !n.computed && n.property.type === AST_NODE_TYPES.Identifier
    ? n.property.name
    : n.property.type === AST_NODE_TYPES.Literal && typeof n.property.value === "string" ? n.property.value : undefined;
  const env = n.object;
  if (name === undefined || env.type !== AST_NODE_TYPES.MemberExpression || env.computed) return undefined;
  if (env.property.type !== AST_NODE_TYPES.Identifier || env.property.name !== "env") return undefined;
  return env.object.type === AST_NODE_TYPES.Identifier && env.object.name === "process" ? name : undefined;
}

export default createRule<Options, MessageIds>({
  name: "require-secret-string",
  meta: {
    type: "problem",
    docs: {
      description: "Require the key of an SDK client to be keyguard's SecretString (or a function returning one), checked with type information",
      recommended: true,
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      notSecret:
        "{{client}} `{{option}}` receives `{{type}}`, not keyguard's SecretString. Pass a value from a keyguard/secret loader (secretFromEnv, secretFromFile, …) or a rotatingSecret(…).provider(); a cast does not count.",
      envNotSecret:
        "{{client}} `{{option}}` receives process.env.{{name}} (`{{type}}`), not keyguard's SecretString. Read it with secretFromEnv(\"{{name}}\") from keyguard/secret, which fails clearly when it is missing.",
      parameterNotSecret:
        "{{client}} `{{option}}` receives the parameter `{{parameter}}` typed `{{type}}`, so any string can be passed in through this function. Type the parameter SecretString (from keyguard/secret), so that callers must pass a loaded secret.",
      useSecretFromEnv: "Replace process.env.{{name}} with secretFromEnv(\"{{name}}\").",
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          clients: {
            type: "array",
            description: "Clients of your own (the same entries as require-secret-source's `clients`).",
            items: USER_CLIENT_SCHEMA,
          },
        },
      },
    ],
    defaultOptions: [{ clients: [] }],
  },
  defaultOptions: [{ clients: [] }],
  create(context, [options]) {
    // Throws typescript-eslint's error that tells to turn on `parserOptions.projectService` when
    // the file was parsed without type information: this rule has nothing to check without it.
    let services: ParserServicesWithTypeInformation;
    try {
      services = ESLintUtils.getParserServices(context);
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\nkeyguard/require-secret-string checks types: turn on type information with languageOptions.parserOptions.projectService: true (and tsconfigRootDir), or use keyguard.configs["disable-type-checked"] for files outside your TypeScript project.`,
        { cause: error },
      );
    }
    const checker = services.program.getTypeChecker();
    const sourceCode = context.sourceCode;
    const matcher = createClientMatcher(context, { clients: options.clients ?? [] });
    if (!matcher.mayHaveClients()) return {};

    /** The way to call `secretFromEnv` in this file, and the import fix it needs (if any). */
    function secretFromEnvCall(fixer: TSESLint.RuleFixer, at: TSESTree.Node): { callee: string; fixes: TSESLint.RuleFix[] } | undefined {
      let valueImport: TSESTree.ImportDeclaration | undefined;
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== SECRET_MODULE) continue;
        for (const spec of statement.specifiers) {
          if (spec.type === AST_NODE_TYPES.ImportSpecifier && spec.importKind !== "type" && statement.importKind !== "type") {
            const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value;
            if (imported === "secretFromEnv") return { callee: spec.local.name, fixes: [] };
          }
          if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier && statement.importKind !== "type") {
            return { callee: `${spec.local.name}.secretFromEnv`, fixes: [] };
          }
        }
        if (statement.importKind !== "type" && statement.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportSpecifier)) {
          valueImport = statement;
        }
      }
      // A binding of the user's own called secretFromEnv would be shadowed (or shadow ours): no suggestion then.
      const existing = ASTUtils.findVariable(sourceCode.getScope(at), "secretFromEnv");
      if (existing && secretImportOf(existing) !== "secretFromEnv") return undefined;
      if (valueImport) {
        const specifiers = valueImport.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
        return { callee: "secretFromEnv", fixes: [fixer.insertTextAfter(specifiers[specifiers.length - 1]!, ", secretFromEnv")] };
      }
      const imports = sourceCode.ast.body.filter((s) => s.type === AST_NODE_TYPES.ImportDeclaration);
      const line = `import { secretFromEnv } from "${SECRET_MODULE}";`;
      const fix = imports.length > 0
        ? fixer.insertTextAfter(imports[imports.length - 1]!, `\n${line}`)
        : fixer.insertTextBeforeRange([0, 0], `${line}\n`);
      return { callee: "secretFromEnv", fixes: [fix] };
    }

    const brand = brandTypes(services.program);

    /**
     * Whether another rule owns the report on a value written in the call: a string the file
     * determines (a literal, a template, a \`const\` of them) is a hardcoded key, reported by
     * no-hardcoded-key or require-secret-source; \`any\` where the client's own (guarded) type expects
     * the brand is reported by no-secret-cast. One problem, one report.
     */
    function ownedElsewhere(value: TSESTree.Node, type: ts.Type): boolean {
      const staticValue = ASTUtils.getStaticValue(value as TSESTree.Expression, sourceCode.getScope(value));
      if (staticValue && typeof staticValue.value === "string") return true;
      if (!isAny(type) || !brand.inProgram) return false;
      const expected = checker.getContextualType(services.esTreeNodeToTSNodeMap.get(value) as ts.Expression);
      return expected !== undefined && brand.carries(expected);
    }

    /** Reports `use` unless `type` is a SecretString (or provides one); `direct`: `use.node` is the value itself. */
    function check(use: KeyUse, type: ts.Type, direct: boolean): void {
      if (isSecretValue(type, checker)) return;
      if (direct && ownedElsewhere(use.node, type)) return;
      const data = { client: use.client.name, option: use.option, type: typeName(type, checker) };
      const value = use.node;
      const reportAt = use.node;
      if (!direct) {
        context.report({ node: reportAt, messageId: "notSecret", data });
        return;
      }

      // process.env.X, written here or through a const of this file.
      let envNode: TSESTree.Node | undefined = processEnvName(value) !== undefined ? value : undefined;
      if (!envNode && value.type === AST_NODE_TYPES.Identifier) {
        const init = assignedOnceInit(value, sourceCode.getScope(value));
        if (init && processEnvName(init) !== undefined) envNode = init;
      }
      if (envNode) {
        const name = processEnvName(envNode)!;
        const target = envNode;
        context.report({
          node: reportAt,
          messageId: "envNotSecret",
          data: { client: data.client, option: data.option, type: data.type, name },
          suggest: [
            {
              messageId: "useSecretFromEnv",
              data: { name },
              fix(fixer) {
                const call = secretFromEnvCall(fixer, target);
                if (!call) return null;
                return [fixer.replaceText(target, `${call.callee}(${JSON.stringify(name)})`), ...call.fixes];
              },
            },
          ],
        });
        return;
      }

      // A parameter forwarded into the client: the wrapper would launder any string.
      if (value.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
        if (variable?.defs.some((d) => d.type === "Parameter")) {
          context.report({ node: reportAt, messageId: "parameterNotSecret", data: { client: data.client, option: data.option, type: data.type, parameter: value.name } });
          return;
        }
      }
      context.report({ node: reportAt, messageId: "notSecret", data });
    }

    /** The type of option `path` of an options value whose object the file does not spell out. */
    function optionType(argument: TSESTree.Node, path: string): ts.Type | undefined {
      const tsNode = services.esTreeNodeToTSNodeMap.get(argument);
      let type: ts.Type = services.getTypeAtLocation(argument);
      const segments = path.split(".");
      if (segments.length > MAX_PATH_DEPTH) return undefined;
      for (const segment of segments) {
        // Options typed `any` can hold any key: that is what arrives.
        if (isAny(type)) return type;
        const property = checker.getPropertyOfType(checker.getNonNullableType(type), segment);
        if (!property) return undefined;
        type = checker.getTypeOfSymbolAtLocation(property, tsNode);
        // An optional option left out lets the SDK read its own environment variable: only a value that is there counts.
        if (property.flags & 16777216 /* ts.SymbolFlags.Optional */) type = checker.getNonNullableType(type);
      }
      return type;
    }

    function checkCall(call: TSESTree.NewExpression | TSESTree.CallExpression): void {
      let node = call;
      // A class guarded with keyguard/secret's guardClient is the client it wraps.
      if (call.type === AST_NODE_TYPES.NewExpression && matcher.clientsOf(call).length === 0) {
        const raw = guardedClientClass(call.callee, sourceCode);
        if (!raw) return;
        node = { ...call, callee: raw };
      }
      const uses = matcher.keyUses(node);
      for (const use of uses) {
        // Header values (`Bearer ${key}`) are strings built from the key: require-secret-source checks them.
        if (use.client.headerOptions?.some((h) => use.option.startsWith(`${h}.`))) continue;
        // An accessor (`get apiKey() { … }`) gives the client what it returns: the property's type,
        // and the returned value itself when the getter is one `return`.
        const holder = use.node.parent;
        if (holder?.type === AST_NODE_TYPES.Property && holder.kind === "get" && holder.value === use.node) {
          const body = holder.value.type === AST_NODE_TYPES.FunctionExpression ? holder.value.body : undefined;
          const only = body?.type === AST_NODE_TYPES.BlockStatement && body.body.length === 1 ? body.body[0] : undefined;
          if (only?.type === AST_NODE_TYPES.ReturnStatement && only.argument) {
            check({ ...use, node: only.argument }, services.getTypeAtLocation(only.argument), true);
          } else {
            check(use, services.getTypeAtLocation(holder.key), false);
          }
          continue;
        }
        check(use, services.getTypeAtLocation(use.node), true);
      }
      // Options the file does not spell out (`new OpenAI(options)`): their declared type must carry the brand.
      for (const client of matcher.clientsOf(node)) {
        if (client.publicByDesign || !client.keyOptions) continue;
        const argument = node.arguments[client.optionsArgument ?? 0];
        if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
        for (const option of client.keyOptions) {
          if (uses.some((u) => u.client === client && u.option === option)) continue;
          if (argument.type === AST_NODE_TYPES.ObjectExpression && !argument.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) {
            // Spelled out and the option is not there (nested paths are followed by the matcher).
            if (!option.includes(".")) continue;
          }
          const type = optionType(argument, option);
          if (type) check({ client, option, node: argument, at: argument }, type, false);
        }
      }
    }

    return {
      NewExpression: checkCall,
      CallExpression: checkCall,
    };
  },
});
