import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { envVarFor, isSecretKeyValue, namesSecretKey, type ClientEntry, type SecretKeyForms } from "../src/clients/catalog.js";
import { USER_CLIENT_SCHEMA, createClientMatcher, mentionsClientModule, type KeyUse, type UserClient } from "./analysis/client-calls.js";
import { cannotBeCredential, detectorFor, isDetectedKey, readsAsStandIn } from "./analysis/key-literals.js";
import { createOriginAnalysis } from "./analysis/origin.js";
import { betterRewrite } from "./analysis/rewrites.js";
import { staticString } from "./analysis/static-value.js";
import { memberPath, unwrap } from "./analysis/syntax.js";
import { assignedOnceInit } from "./analysis/bindings.js";
import { globMatches, relativePath, TEST_FILE_GLOBS } from "./glob.js";
import { createRule } from "./utils.js";

export type EnvAccess = "process.env" | "import.meta.env" | "Bun.env" | "Deno.env.get";

export type Options = [
  {
    /** Clients of your own: where they are imported from and where their key goes. */
    clients?: UserClient[];
    /** Your own secret loaders: function names (`getSecret`) or member paths (`vault.read`). */
    secretLoaders?: string[];
    /** Also report keys whose origin the file cannot see (parameters, imports, unknown calls). */
    strict?: boolean;
    /** How the suggestion reads the environment (default `process.env`). */
    envAccess?: EnvAccess;
    /** Environment variable of the suggestion by client id (`{ "openai": "LLM_GATEWAY_KEY" }`). */
    envVars?: Record<string, string>;
    /** Leave literals in test files and fixtures alone (default true): see `TEST_FILE_GLOBS`. */
    allowTestFiles?: boolean;
    /** Literal values never reported (`"ollama"` for a keyless local server). */
    allowValues?: string[];
    /** Where a bring-your-own-key app takes its users' keys: member paths or function names (`req.body`, `session.apiKey`, `getUserKey`). */
    userKeySources?: string[];
  },
];
export type MessageIds = "hardcoded" | "hardcodedSecretKey" | "standIn" | "hardcodedFallback" | "unknownSource" | "useEnv" | "removeFallback";

const SECRET_LOADER_PATH = "^[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*){0,7}$";

export default createRule<Options, MessageIds>({
  name: "require-secret-source",
  meta: {
    type: "problem",
    docs: {
      description: "Require the API key of an AI SDK client to come from the environment or a secret loader, never a literal",
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      hardcoded:
        "{{client}} gets its {{option}} from a hardcoded value{{where}}. It has no key format keyguard knows, but it may be the key of a service it cannot tell (an internal gateway, a self-hosted server): read it from {{env}} or a secret loader, and if it is a real key that was committed, revoke it.",
      hardcodedSecretKey:
        "{{client}} gets a {{secretKind}} as its {{option}} from a hardcoded value{{where}}. Unlike the client's public key, it is a server secret: read it from {{env}} or a secret loader, and rotate it, since it was committed.",
      standIn:
        "{{client}} gets its {{option}} from a hardcoded stand-in value{{where}}: in application code it hides a missing configuration. Read it from {{env}} or a secret loader; a placeholder for a keyless server can go in the rule's `allowValues` option.",
      hardcodedFallback:
        "{{client}} gets its {{option}} with a hardcoded fallback{{where}}. Remove the fallback and read the key from {{env}} or a secret loader only: a missing key should fail, not fall back.",
      unknownSource:
        "{{client}} gets its {{option}} from a value whose origin this file does not show (strict). Read it from {{env}} or a secret loader here, or use keyguard/require-secret-string with type information.",
      useEnv: "Replace the hardcoded value with {{env}}.",
      removeFallback: "Remove the hardcoded fallback.",
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          clients: {
            type: "array",
            description: "Clients of your own: `{ module, export, keyOptions | keyArgument }`.",
            items: USER_CLIENT_SCHEMA,
          },
          secretLoaders: {
            type: "array",
            description: "Your own secret loaders: function names or member paths (`getSecret`, `vault.read`).",
            items: { type: "string", pattern: SECRET_LOADER_PATH },
          },
          strict: {
            type: "boolean",
            description: "Also report keys whose origin the file cannot see (default false).",
          },
          envAccess: {
            type: "string",
            enum: ["process.env", "import.meta.env", "Bun.env", "Deno.env.get"],
            description: "How the suggestion reads the environment (default `process.env`).",
          },
          envVars: {
            type: "object",
            description: "Environment variable of the suggestion by client id (catalog id, or `custom:<module>#<export>`).",
            additionalProperties: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
          },
          allowTestFiles: {
            type: "boolean",
            description: "Leave literals in test files and fixtures alone: `*.test.*`, `*.spec.*`, `__tests__/`, `test/`, `tests/`, `__mocks__/`, `fixtures/`, `__fixtures__/` (default true).",
          },
          allowValues: {
            type: "array",
            description: "Literal values never reported (placeholders for keyless servers, e.g. `\"ollama\"`).",
            items: { type: "string" },
            uniqueItems: true,
          },
          userKeySources: {
            type: "array",
            description: "Where a bring-your-own-key app takes its users' keys: member paths or function names (`req.body`, `session.apiKey`, `getUserKey`); values read from them are sources.",
            items: { type: "string", pattern: SECRET_LOADER_PATH },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ clients: [], secretLoaders: [], strict: false, envAccess: "process.env", envVars: {}, allowTestFiles: true, allowValues: [], userKeySources: [] }],
  },
  defaultOptions: [{ clients: [], secretLoaders: [], strict: false, envAccess: "process.env", envVars: {}, allowTestFiles: true, allowValues: [], userKeySources: [] }],
  create(context, [options]) {
    let matcher: ReturnType<typeof createClientMatcher>;
    try {
      // A file that imports no client module has no client call: no matcher, no listener (most files).
      if (!mentionsClientModule(context.sourceCode.text, options.clients)) return {};
      matcher = createClientMatcher(context, { clients: options.clients ?? [], mentionsClientModule: true, secretForms: true });
    } catch (error) {
      throw new Error(`keyguard/require-secret-source: invalid options: ${(error as Error).message}`, { cause: error });
    }
    const sourceCode = context.sourceCode;
    const origins = createOriginAnalysis(sourceCode, { secretLoaders: options.secretLoaders, userKeySources: options.userKeySources });
    const allowedValues = new Set(options.allowValues ?? []);
    const file = relativePath(context.cwd, context.filename);
    // Placeholders in tests and fixtures are the norm there; a real key in them is no-hardcoded-key's.
    const literalsAllowed = options.allowTestFiles !== false && TEST_FILE_GLOBS.some((glob) => globMatches(glob, file));
    const detector = detectorFor();
    const envAccess = options.envAccess ?? "process.env";

    const envExpression = (name: string) =>
      envAccess === "Deno.env.get" ? `Deno.env.get(${JSON.stringify(name)})` : `${envAccess}.${name}`;
    const envVarOf = (client: ClientEntry, option: string) => {
      const byClient = options.envVars?.[client.id];
      if (byClient) return byClient;
      if (client.publicByDesign && client.secretKeys) return client.secretKeys.envVar;
      // A header carries the client's main key; an option path carries its own credential.
      return envVarFor(client, option);
    };

    /** The suggestion for a literal: the environment in its place, keeping an auth scheme (`Bearer …`). */
    function envFix(literal: TSESTree.Node, env: string): TSESLint.ReportFixFunction | undefined {
      const value =
        literal.type === AST_NODE_TYPES.Literal
          ? literal.value
          : literal.type === AST_NODE_TYPES.TemplateLiteral && literal.expressions.length === 0
            ? literal.quasis[0]?.value.cooked
            : undefined;
      if (typeof value !== "string" && typeof value !== "number") return undefined;
      const scheme = typeof value === "string" ? /^(Bearer|Basic|Token) /i.exec(value)?.[0] : undefined;
      const text = scheme ? `\`${scheme}\${${env}}\`` : env;
      return (fixer) => fixer.replaceText(literal, text);
    }

    /**
     * Whether the value of `node` is read from a name that says it is a secret key of `forms`
     * (`serviceRoleKey`, `config.supabase.serviceKey`, `getServiceRoleKey()`), directly or through
     * one name bound to it.
     */
    function namedSecretKey(forms: SecretKeyForms, node: TSESTree.Node, hops = 0): boolean {
      let n = unwrap(node);
      if (n.type === AST_NODE_TYPES.AwaitExpression) n = unwrap(n.argument);
      const path = memberPath(n.type === AST_NODE_TYPES.CallExpression ? n.callee : n);
      if (path !== undefined && namesSecretKey(forms, path.slice(path.lastIndexOf(".") + 1))) return true;
      const init = hops === 0 && n.type === AST_NODE_TYPES.Identifier ? assignedOnceInit(n, sourceCode.getScope(n)) : undefined;
      return init !== undefined && namedSecretKey(forms, init, hops + 1);
    }

    function report(use: KeyUse): void {
      const found = origins.origin(use.node);
      // A public-by-design client that also takes secret keys: only those are checked.
      const forms = use.client.publicByDesign ? use.client.secretKeys : undefined;
      const data = { client: use.client.name, option: use.option, env: envExpression(envVarOf(use.client, use.option)), where: "" };
      if (found.kind === "unknown" && options.strict) {
        if (!forms || namedSecretKey(forms, use.node)) context.report({ node: use.at, messageId: "unknownSource", data });
        return;
      }
      if (found.kind !== "literal" || literalsAllowed) return;
      const literal = found.node;
      const value = staticString(literal, () => sourceCode.getScope(literal));
      if (forms && (value === undefined || !isSecretKeyValue(forms, value))) return;
      if (value !== undefined) {
        // A key the detector knows is no-hardcoded-key's to report (once, where it is written).
        if (isDetectedKey(detector, literal, value, sourceCode)) return;
        if (cannotBeCredential(value) || allowedValues.has(value)) return;
      }
      const inside = literal.range[0] >= use.at.range[0] && literal.range[1] <= use.at.range[1];
      if (!inside) data.where = ` (line ${literal.loc.start.line})`;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const fallback = found.fallback;
      if (fallback) {
        const removal: TSESLint.ReportFixFunction =
          fallback.type === AST_NODE_TYPES.LogicalExpression
            ? (fixer) => fixer.replaceText(fallback, sourceCode.getText(fallback.left))
            : (fixer) => fixer.removeRange([fallback.left.range[1], fallback.range[1]]);
        if (fallback.right === literal) suggest.push({ messageId: "removeFallback", fix: removal });
        context.report({ node: use.at, messageId: "hardcodedFallback", data, suggest });
        return;
      }
      const better = betterRewrite(sourceCode, literal, data.env);
      const fix = better?.fix ?? envFix(literal, data.env);
      if (fix) suggest.push(better?.kind === "removeFallback" ? { messageId: "removeFallback", fix } : { messageId: "useEnv", data: { env: data.env }, fix });
      if (forms) {
        context.report({ node: use.at, messageId: "hardcodedSecretKey", data: { client: data.client, option: data.option, env: data.env, where: data.where, secretKind: forms.name }, suggest });
        return;
      }
      const messageId = value !== undefined && readsAsStandIn(value) ? "standIn" : "hardcoded";
      context.report({ node: use.at, messageId, data, suggest });
    }

    const check = (node: TSESTree.NewExpression | TSESTree.CallExpression) => {
      for (const use of matcher.keyUses(node)) report(use);
    };
    return { NewExpression: check, CallExpression: check };
  },
});
