import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { envVarFor, type ClientEntry } from "../src/clients/catalog.js";
import { cannotBeCredential, detectorFor, isDetectedKey, readsAsStandIn } from "./analysis/key-literals.js";
import { betterRewrite } from "./analysis/rewrites.js";
import { envVarName, isEnvObject, onlyInit, propertyName, staticString, unwrap } from "./ast.js";
import { globMatches, relativePath, TEST_FILE_GLOBS } from "./glob.js";
import { USER_CLIENT_SCHEMA, createClientMatcher, mentionsClientModule, objectProps, type KeyUse, type UserClient } from "./client-calls.js";
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
  },
];
export type MessageIds = "hardcoded" | "standIn" | "hardcodedFallback" | "unknownSource" | "useEnv" | "removeFallback";

/** keyguard's own loaders (`keyguard/secret`): their results are secrets by construction. */
const KEYGUARD_LOADERS = new Set(["secretFromEnv", "secretFromFile", "secretFromCredential", "secretFromJson"]);
/** keyguard factories whose results are loaders: `defineSecretSource(fetch)()`, `rotatingSecret(src).get()`. */
const KEYGUARD_FACTORIES = new Set(["defineSecretSource", "rotatingSecret"]);
/** Methods of a `rotatingSecret(…)` that yield the secret or a provider of it. */
const ROTATING_METHODS = new Set(["get", "refresh", "provider"]);
/** Calls that pass their argument's value through (`String(process.env.X)`, the brand's escape hatch). */
const PASS_THROUGH = new Set(["String", "unsafeSecretString"]);

const MAX_DEPTH = 10;

/** Where a value comes from, as far as the file shows. */
type Origin =
  | { kind: "none" } // null, undefined, "": no key at all
  | { kind: "source" } // the environment or a secret loader
  | { kind: "literal"; node: TSESTree.Node; fallback?: TSESTree.LogicalExpression | TSESTree.AssignmentPattern }
  | { kind: "unknown" };

const NONE: Origin = { kind: "none" };
const SOURCE: Origin = { kind: "source" };
const UNKNOWN: Origin = { kind: "unknown" };

/** Several possible values: a literal anywhere wins, then an unknown, then a source. */
function combine(origins: readonly Origin[]): Origin {
  return (
    origins.find((o) => o.kind === "literal") ??
    origins.find((o) => o.kind === "unknown") ??
    origins.find((o) => o.kind === "source") ??
    (origins.length > 0 ? NONE : UNKNOWN)
  );
}

function isEmptyValue(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && (node.value === null || node.value === "")) ||
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0 && node.quasis[0]?.value.cooked === "")
  );
}

/** The dotted path of a callee made of names only: `vault.read`, `this.secrets.get`. */
function calleePath(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.ThisExpression) return "this";
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(n.property, n.computed);
    const object = calleePath(n.object);
    return name === undefined || object === undefined ? undefined : `${object}.${name}`;
  }
  return undefined;
}

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
        },
      },
    ],
    defaultOptions: [{ clients: [], secretLoaders: [], strict: false, envAccess: "process.env", envVars: {}, allowTestFiles: true, allowValues: [] }],
  },
  defaultOptions: [{ clients: [], secretLoaders: [], strict: false, envAccess: "process.env", envVars: {}, allowTestFiles: true, allowValues: [] }],
  create(context, [options]) {
    let matcher: ReturnType<typeof createClientMatcher>;
    try {
      // A file that imports no client module has no client call: no matcher, no listener (most files).
      if (!mentionsClientModule(context.sourceCode.text, options.clients)) return {};
      matcher = createClientMatcher(context, { clients: options.clients ?? [], mentionsClientModule: true });
    } catch (error) {
      throw new Error(`keyguard/require-secret-source: invalid options: ${(error as Error).message}`, { cause: error });
    }
    const sourceCode = context.sourceCode;
    const loaders = new Set(options.secretLoaders ?? []);
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
      // A header carries the client's main key; an option path carries its own credential.
      return envVarFor(client, option);
    };

    /** Whether a call is a secret loader: keyguard's (imported), a keyguard loader's method, or the user's. */
    function isLoaderCall(node: TSESTree.CallExpression, depth: number, seen: Set<TSESTree.Node>): boolean {
      const callee = unwrap(node.callee);
      const path = calleePath(callee);
      if (path !== undefined && (loaders.has(path) || (path.startsWith("this.") && loaders.has(path.slice(5))))) return true;
      // Deno.env.get("X")
      if (path === "Deno.env.get") return true;
      if (isKeyguardExport(callee, KEYGUARD_LOADERS)) return true;
      // rotatingSecret(…).get() / .provider() / .refresh(), directly or through a const.
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = propertyName(callee.property, callee.computed);
        if (method !== undefined && ROTATING_METHODS.has(method) && yieldsKeyguardFactory(callee.object, depth, seen)) return true;
      }
      // defineSecretSource(fetch)() through a const.
      return yieldsKeyguardFactory(callee, depth, seen);
    }

    /** Whether `node` names one of `names` exported by any module (keyguard's, or a module re-exporting it). */
    function isKeyguardExport(node: TSESTree.Node, names: ReadonlySet<string>): boolean {
      return matcher.moduleRefs(node).some((ref) => ref.member === undefined && ref.export !== undefined && names.has(ref.export));
    }

    /** Whether `node` is (a const bound to) a call of keyguard's `defineSecretSource` or `rotatingSecret`. */
    function yieldsKeyguardFactory(node: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): boolean {
      if (depth > MAX_DEPTH) return false;
      let n = unwrap(node);
      if (n.type === AST_NODE_TYPES.AwaitExpression) n = unwrap(n.argument);
      if (n.type === AST_NODE_TYPES.CallExpression) return isKeyguardExport(unwrap(n.callee), KEYGUARD_FACTORIES);
      if (n.type === AST_NODE_TYPES.Identifier) {
        const init = onlyInit(sourceCode, n);
        if (!init || seen.has(init)) return false;
        seen.add(init);
        return yieldsKeyguardFactory(init, depth + 1, seen);
      }
      return false;
    }

    /** The return values of a function (not of functions nested in it). */
    function returnedValues(fn: TSESTree.FunctionLike): TSESTree.Node[] | undefined {
      if (!fn.body) return undefined;
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
      const out: TSESTree.Node[] = [];
      let count = 0;
      const visit = (node: TSESTree.Node) => {
        if (++count > 2000) return;
        if (node.type === AST_NODE_TYPES.ReturnStatement) {
          out.push(node.argument ?? node);
          return;
        }
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const child = (node as unknown as Record<string, unknown>)[key];
          for (const c of Array.isArray(child) ? child : [child]) {
            if (!c || typeof (c as TSESTree.Node).type !== "string") continue;
            const cn = c as TSESTree.Node;
            if (
              cn.type === AST_NODE_TYPES.FunctionDeclaration ||
              cn.type === AST_NODE_TYPES.FunctionExpression ||
              cn.type === AST_NODE_TYPES.ArrowFunctionExpression ||
              cn.type === AST_NODE_TYPES.ClassDeclaration ||
              cn.type === AST_NODE_TYPES.ClassExpression
            ) {
              continue;
            }
            visit(cn);
          }
        }
      };
      visit(fn.body);
      return count > 2000 ? undefined : out;
    }

    function functionOrigin(fn: TSESTree.FunctionLike, depth: number, seen: Set<TSESTree.Node>): Origin {
      if (seen.has(fn)) return UNKNOWN;
      seen.add(fn);
      const values = returnedValues(fn);
      if (!values || values.length === 0) return UNKNOWN;
      return combine(values.map((v) => (v.type === AST_NODE_TYPES.ReturnStatement ? NONE : origin(v, depth + 1, seen))));
    }

    /** The function a callee names in this file, if any. */
    function localFunction(node: TSESTree.Node): TSESTree.FunctionLike | undefined {
      const n = unwrap(node);
      if (n.type === AST_NODE_TYPES.FunctionExpression || n.type === AST_NODE_TYPES.ArrowFunctionExpression) return n;
      if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(n), n);
      if (!variable || variable.defs.length !== 1) return undefined;
      const def = variable.defs[0]!;
      if (def.type === "FunctionName" && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
      const init = onlyInit(sourceCode, n);
      if (init && (init.type === AST_NODE_TYPES.FunctionExpression || init.type === AST_NODE_TYPES.ArrowFunctionExpression)) return init;
      return undefined;
    }

    /** The expression a member chain reads from objects the file determines: `config.openai.key`. */
    function memberValue(node: TSESTree.MemberExpression, depth: number): TSESTree.Node | undefined {
      if (depth > MAX_DEPTH) return undefined;
      const name = propertyName(node.property, node.computed);
      if (name === undefined) return undefined;
      const object = unwrap(node.object);
      const holder = object.type === AST_NODE_TYPES.MemberExpression ? memberValue(object, depth + 1) : object;
      return holder ? objectProps(sourceCode, holder)?.get(name)?.value : undefined;
    }

    /** Where the value of `node` comes from. */
    function origin(node: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): Origin {
      if (depth > MAX_DEPTH) return UNKNOWN;
      const n = unwrap(node);
      switch (n.type) {
        case AST_NODE_TYPES.Literal:
          return isEmptyValue(n) ? NONE : { kind: "literal", node: n };
        case AST_NODE_TYPES.TemplateLiteral:
        case AST_NODE_TYPES.BinaryExpression: {
          if (n.type === AST_NODE_TYPES.TemplateLiteral && isEmptyValue(n)) return NONE;
          if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator !== "+") return UNKNOWN;
          const parts: TSESTree.Node[] = n.type === AST_NODE_TYPES.TemplateLiteral ? n.expressions : [n.left, n.right];
          const origins = parts.map((p) => origin(p, depth + 1, seen));
          // `Bearer ${process.env.X}`: a secret joined to fixed text is still the secret.
          if (origins.some((o) => o.kind === "source")) return SOURCE;
          if (origins.some((o) => o.kind === "unknown")) return UNKNOWN;
          return { kind: "literal", node: n };
        }
        case AST_NODE_TYPES.Identifier: {
          if (n.name === "undefined") {
            const variable = ASTUtils.findVariable(sourceCode.getScope(n), n);
            if (!variable || variable.defs.length === 0) return NONE;
          }
          return identifierOrigin(n, depth, seen);
        }
        case AST_NODE_TYPES.MemberExpression: {
          if (envVarName(n) !== undefined || isEnvObject(n.object)) return SOURCE;
          // `const env = process.env; env.OPENAI_API_KEY`
          const object = unwrap(n.object);
          if (object.type === AST_NODE_TYPES.Identifier) {
            const init = onlyInit(sourceCode, object);
            if (init && isEnvObject(init)) return SOURCE;
          }
          const value = memberValue(n, depth);
          return value ? origin(value, depth + 1, seen) : UNKNOWN;
        }
        case AST_NODE_TYPES.CallExpression: {
          if (isLoaderCall(n, depth, seen)) return SOURCE;
          const callee = unwrap(n.callee);
          if (callee.type === AST_NODE_TYPES.Identifier && PASS_THROUGH.has(callee.name) && n.arguments[0]) {
            if (callee.name === "unsafeSecretString" || !ASTUtils.findVariable(sourceCode.getScope(callee), callee)?.defs.length) {
              return origin(n.arguments[0], depth + 1, seen);
            }
          }
          const fn = localFunction(callee);
          return fn ? functionOrigin(fn, depth, seen) : UNKNOWN;
        }
        case AST_NODE_TYPES.AwaitExpression:
          return origin(n.argument, depth + 1, seen);
        case AST_NODE_TYPES.ArrowFunctionExpression:
        case AST_NODE_TYPES.FunctionExpression:
          // A key provider (`apiKey: async () => …`): what it returns.
          return functionOrigin(n, depth, seen);
        case AST_NODE_TYPES.LogicalExpression: {
          if (n.operator === "&&") return origin(n.right, depth + 1, seen);
          const right = origin(n.right, depth + 1, seen);
          if (right.kind === "literal") return { kind: "literal", node: right.node, fallback: right.fallback ?? n };
          return combine([origin(n.left, depth + 1, seen), right]);
        }
        case AST_NODE_TYPES.ConditionalExpression:
          return combine([origin(n.consequent, depth + 1, seen), origin(n.alternate, depth + 1, seen)]);
        default:
          return UNKNOWN;
      }
    }

    function identifierOrigin(id: TSESTree.Identifier, depth: number, seen: Set<TSESTree.Node>): Origin {
      const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
      if (!variable || variable.defs.length !== 1) return UNKNOWN;
      const def = variable.defs[0]!;
      if (def.type === "FunctionName" && def.node.type === AST_NODE_TYPES.FunctionDeclaration) {
        return functionOrigin(def.node, depth, seen); // `apiKey: loadKey`, a key provider
      }
      if (def.type === "Parameter") {
        // `function make(key = "…")`: a literal default is a hardcoded fallback.
        const pattern = def.name.parent;
        if (pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === def.name) {
          const fallback = origin(pattern.right, depth + 1, seen);
          if (fallback.kind === "literal") return { kind: "literal", node: fallback.node, fallback: pattern };
        }
        return UNKNOWN;
      }
      if (def.type !== "Variable" || !def.node.init) return UNKNOWN;
      const writable = def.parent.kind !== "const" && !variable.references.every((r) => !r.isWrite() || r.init === true);
      if (writable) return UNKNOWN;
      const init = def.node.init;
      if (seen.has(def.node)) return UNKNOWN;
      seen.add(def.node);
      if (def.node.id.type === AST_NODE_TYPES.Identifier) return origin(init, depth + 1, seen);
      if (def.node.id.type !== AST_NODE_TYPES.ObjectPattern) return UNKNOWN;
      // `const { OPENAI_API_KEY } = process.env`, `const { apiKey = "…" } = config`
      for (const property of def.node.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const value = property.value;
        const target = value.type === AST_NODE_TYPES.AssignmentPattern ? value.left : value;
        if (target !== def.name) continue;
        if (value.type === AST_NODE_TYPES.AssignmentPattern) {
          const fallback = origin(value.right, depth + 1, seen);
          if (fallback.kind === "literal") return { kind: "literal", node: fallback.node, fallback: value };
        }
        if (isEnvObject(init)) return SOURCE;
        const key = propertyName(property.key, property.computed);
        const prop = key === undefined ? undefined : objectProps(sourceCode, init)?.get(key);
        return prop ? origin(prop.value, depth + 1, seen) : UNKNOWN;
      }
      return UNKNOWN;
    }

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

    function report(use: KeyUse): void {
      const found = origin(use.node, 0, new Set());
      const data = { client: use.client.name, option: use.option, env: envExpression(envVarOf(use.client, use.option)), where: "" };
      if (found.kind === "unknown" && options.strict) {
        context.report({ node: use.at, messageId: "unknownSource", data });
        return;
      }
      if (found.kind !== "literal" || literalsAllowed) return;
      const literal = found.node;
      const value = staticString(literal, () => sourceCode.getScope(literal));
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
      const messageId = value !== undefined && readsAsStandIn(value) ? "standIn" : "hardcoded";
      context.report({ node: use.at, messageId, data, suggest });
    }

    const check = (node: TSESTree.NewExpression | TSESTree.CallExpression) => {
      for (const use of matcher.keyUses(node)) report(use);
    };
    return { NewExpression: check, CallExpression: check };
  },
});
