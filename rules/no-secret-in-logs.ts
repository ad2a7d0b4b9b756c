import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import { exportMatches, moduleMatches } from "../src/clients/catalog.js";
import {
  CLIENT_KEY_PROPERTIES,
  CONSOLE_METHODS,
  CONTEXT_METHODS,
  CONTEXT_NAMES,
  LOGGERS,
  RESPONSE_METHODS,
  RESPONSE_NAMES,
  STORAGE_OBJECTS,
  judgeName,
  publicNameWords,
  type LoggerEntry,
} from "../src/exposure/catalog.js";
import { createFlow, isGlobalName, typeCarries, type Flow, type FlowSource } from "./analysis/flow.js";
import { assignedOnceInit } from "./analysis/bindings.js";
import { moduleRefs } from "./analysis/modules.js";
import { isEnvObject, mayReadEnv } from "./analysis/env.js";
import { calleeName, memberPath, propertyName, unwrap } from "./analysis/syntax.js";
import { createClientMatcher, moduleMentionPattern } from "./analysis/client-calls.js";
import { SECRET_MODULE, mentionsSecretModule, namesSecretExport } from "./analysis/secret-imports.js";
import { brandTypes, isSecretString } from "./analysis/secret-type.js";
import { createRule, perOptions } from "./utils.js";

/** A logger of the user's own, in the catalog's form. */
export interface UserLogger {
  module: string;
  export: string;
  kind: "instance" | "factory" | "class";
  member?: string;
  methods: string[];
  children?: string[];
}

export type Options = [
  {
    /** Loggers of your own (imported from a module). */
    loggers?: UserLogger[];
    /** Names or paths of logger objects that the file cannot resolve (`logger`, `this.log`): `<name>.<level>(…)` is a sink. */
    loggerNames?: string[];
    /** Functions (names or member paths) whose result carries no secret, besides keyguard's `mask`. */
    sanitizers?: string[];
    /** Extra names that are public by design (words that must all appear). */
    publicNames?: string[];
    /** Which sinks to check (all by default). */
    sinks?: { console?: boolean; loggers?: boolean; errors?: boolean; responses?: boolean; storage?: boolean; serialize?: boolean };
  },
];
export type MessageIds = "toLog" | "toError" | "toResponse" | "toStorage" | "toSerialized" | "useMask";

type SourceKind = "env" | "envDump" | "loader" | "client" | "clientKey" | "secretType";
type Sink = { messageId: "toLog" | "toError" | "toResponse" | "toStorage" | "toSerialized"; sink: string };

const LOADERS = ["secretFromEnv", "secretFromFile", "secretFromCredential", "secretFromJson"];
const ROTATING_METHODS = new Set(["get", "refresh"]);
const LOGGER_LEVELS = new Set(["log", "info", "warn", "error", "debug", "trace", "fatal", "verbose", "silly", "http", "success", "fail"]);
const PATH = "^[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*){0,7}$";
/** Where a serialized value is sent to its API (a request body), not written out. */
const BODY_NAMES = new Set(["body", "data", "payload", "requestBody"]);
/** Methods of the response chain that return the response (`res.status(500).json(…)`). */
const CHAIN_METHODS = new Set(["status", "code", "type", "set", "header", "headers", "setHeader", "append", "vary"]);

const DEFAULTS: Options[0] = { loggers: [], loggerNames: [], sanitizers: [], publicNames: [] };

/** What the rule derives from its options, once per options object. */
const setupFor = perOptions((options: Options[0]) => {
  const loggers: readonly LoggerEntry[] = options.loggers?.length
    ? [...options.loggers.map((l, i) => ({ id: `custom:${i}`, name: `${l.module} ${l.export}`, modules: [l.module], exports: [{ export: l.export, kind: l.kind, ...(l.member ? { member: l.member } : {}) }], methods: l.methods, children: l.children ?? [] })), ...LOGGERS]
    : LOGGERS;
  return {
    sinks: { console: true, loggers: true, errors: true, responses: true, storage: true, serialize: true, ...options.sinks },
    loggers,
    loggerNames: new Set(options.loggerNames ?? []),
    /** Every method of a logger, for a cheap exit before any scope lookup. */
    loggerMethods: new Set(loggers.flatMap((l) => l.methods)),
    /** Any logger module in quotes: one pass over a file's text (the client prefilter's pattern, for the loggers' modules). */
    loggerModules: moduleMentionPattern(loggers),
    sanitizers: new Set(options.sanitizers ?? []),
    extraPublic: (options.publicNames ?? []).map(publicNameWords),
  };
});

export default createRule<Options, MessageIds>({
  name: "no-secret-in-logs",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow secrets reaching logs, error messages, HTTP responses and browser storage",
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      toLog:
        "{{source}} reaches {{sink}}: log lines are stored, shipped and read by people and services that must not hold the key. Log `mask(…)` from keyguard/secret instead, or leave the value out.",
      toError:
        "{{source}} reaches the message of {{sink}}: error messages end up in logs, error trackers and HTTP responses. Say which secret is wrong (its name, or `mask(…)` from keyguard/secret), not what it is.",
      toResponse:
        "{{source}} reaches {{sink}}: whatever a response carries is readable by its client. Keep the key on the server and send only what the client needs.",
      toStorage:
        "{{source}} reaches {{sink}}: web storage and cookies are readable by every script on the page and persist on the device. Keep the key on the server; store a session reference instead.",
      toSerialized:
        "{{source}} reaches {{sink}}: the serialized text carries the key in clear to wherever it is written. Leave the key out of what you serialize, or use `mask(…)` from keyguard/secret.",
      useMask: "Use the masked form: `mask({{text}})`.",
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          loggers: {
            type: "array",
            description: "Loggers of your own: `{ module, export, kind: instance|factory|class, member?, methods, children? }`.",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["module", "export", "kind", "methods"],
              properties: {
                module: { type: "string", minLength: 1, description: "In a `loggers` entry: module the logger is imported from." },
                export: { type: "string", minLength: 1, description: 'In a `loggers` entry: "default" or the named export.' },
                kind: { type: "string", enum: ["instance", "factory", "class"], description: "In a `loggers` entry: the export is a logger, returns one when called, or is a logger class." },
                member: { type: "string", minLength: 1, description: "In a `loggers` entry: method of the export that returns a logger (`createLogger`)." },
                methods: { type: "array", minItems: 1, items: { type: "string", minLength: 1 }, description: 'In a `loggers` entry: methods that log their arguments; "()" for a logger that is called.' },
                children: { type: "array", items: { type: "string", minLength: 1 }, description: "In a `loggers` entry: methods that return a child logger." },
              },
            },
          },
          loggerNames: {
            type: "array",
            items: { type: "string", pattern: PATH },
            description: "Names or paths of logger objects the file cannot resolve (`logger`, `this.log`): their level methods are sinks.",
          },
          sanitizers: {
            type: "array",
            items: { type: "string", pattern: PATH },
            description: "Functions (names or member paths) whose result carries no secret, besides keyguard's `mask`.",
          },
          publicNames: {
            type: "array",
            items: { type: "string", pattern: "^[A-Za-z0-9]+(_[A-Za-z0-9]+)*$" },
            description: "Extra names that are public by design: words that must all appear in the name.",
          },
          sinks: {
            type: "object",
            additionalProperties: false,
            description: "Which kinds of sinks to check (each true by default).",
            properties: {
              console: { type: "boolean", description: "In `sinks`: `console.*`." },
              loggers: { type: "boolean", description: "In `sinks`: the catalog's loggers, `loggers` and `loggerNames`." },
              errors: { type: "boolean", description: "In `sinks`: error constructors and `throw`." },
              responses: { type: "boolean", description: "In `sinks`: HTTP responses (Express, Fastify, Hono, Koa, Next.js, `Response`)." },
              storage: { type: "boolean", description: "In `sinks`: `localStorage`, `sessionStorage`, `document.cookie`." },
              serialize: { type: "boolean", description: "In `sinks`: `JSON.stringify` (request bodies excepted)." },
            },
          },
        },
      },
    ],
    defaultOptions: [DEFAULTS],
  },
  defaultOptions: [DEFAULTS],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const matcher = createClientMatcher(context);
    // Type information, when the parser has it: every SecretString (also inside objects and arrays).
    const services = sourceCode.parserServices;
    const program = services?.program ?? undefined;
    const checker: ts.TypeChecker | undefined = program?.getTypeChecker();

    // Every report traces a sink's argument to a source: an environment read, a keyguard loader, a
    // catalog client, or (with type information) a SecretString. A file whose text can hold none of
    // them (no `env`, no keyguard/secret, no client module; no brand in the program) is skipped
    // without a listener: most files of a code base, whatever sinks they have.
    const text = sourceCode.text;
    /** Whether a type can carry the brand: keyguard's brand module is in the program (type queries are made only then). */
    const brandInProgram = program !== undefined && brandTypes(program).inProgram;
    if (!brandInProgram && !mayReadEnv(text) && !mentionsSecretModule(text) && !matcher.mayHaveClients()) return {};

    const { sinks, loggers, loggerNames, loggerMethods, loggerModules, sanitizers, extraPublic } = setupFor(options);
    /** Whether the file names a logger module in quotes (a logger can only be imported by a string); computed on first use. */
    let mentionsLogger: boolean | undefined;
    const fileMentionsLogger = () => (mentionsLogger ??= loggerModules.test(sourceCode.text));
    const typeCache = new WeakMap<ts.Type, boolean>();
    const isSecretType = (type: ts.Type) => isSecretString(type, checker!);

    const secretName = (name: string) => judgeName(name, "", extraPublic).secret !== undefined;

    /** Whether `node` is (a local bound to) `process.env`-like, for `const env = process.env; env.X`. */
    function isEnvLike(node: TSESTree.Node, depth = 0): boolean {
      const n = unwrap(node);
      if (isEnvObject(n)) return true;
      if (n.type === AST_NODE_TYPES.Identifier && depth < 4) {
        const init = assignedOnceInit(n, sourceCode.getScope(n));
        return init !== undefined && isEnvLike(init, depth + 1);
      }
      return false;
    }

    function isLoaderCall(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = unwrap(node.callee);
      if (LOADERS.some((name) => namesSecretExport(callee, name, sourceCode))) return true;
      // `defineSecretSource(fetch)()` / a local bound to it; `rotatingSecret(…).get()`
      const target = callee.type === AST_NODE_TYPES.Identifier ? assignedOnceInit(callee, sourceCode.getScope(callee)) : callee;
      if (target?.type === AST_NODE_TYPES.CallExpression && namesSecretExport(unwrap(target.callee), "defineSecretSource", sourceCode)) return true;
      if (callee.type === AST_NODE_TYPES.MemberExpression && ROTATING_METHODS.has(propertyName(callee.property, callee.computed) ?? "")) {
        const object = unwrap(callee.object);
        const rotating = object.type === AST_NODE_TYPES.Identifier ? assignedOnceInit(object, sourceCode.getScope(object)) : object;
        return rotating?.type === AST_NODE_TYPES.CallExpression && namesSecretExport(unwrap(rotating.callee), "rotatingSecret", sourceCode);
      }
      return false;
    }

    const flow: Flow<SourceKind> = createFlow<SourceKind>(sourceCode, {
      source(node): FlowSource<SourceKind> | undefined {
        if (isEnvObject(node)) return { kind: "envDump", node };
        if (node.type === AST_NODE_TYPES.CallExpression) {
          if (isLoaderCall(node)) return { kind: "loader", node };
          // `Deno.env.get("OPENAI_API_KEY")`
          const callee = unwrap(node.callee);
          if (callee.type === AST_NODE_TYPES.MemberExpression && memberPath(callee) === "Deno.env.get") {
            const arg = node.arguments[0];
            if (arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === "string" && secretName(arg.value)) return { kind: "env", node, label: arg.value };
          }
        }
        if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) {
          const client = matcher.clientsOf(node).find((c) => !c.publicByDesign);
          if (client) return { kind: "client", node, label: client.id };
        }
        if (brandInProgram && checker && services?.esTreeNodeToTSNodeMap && (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.AwaitExpression)) {
          if (node.type === AST_NODE_TYPES.Identifier && isDeclarationName(node)) return undefined;
          const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node as never));
          if (typeCarries(type, checker, isSecretType, typeCache)) return { kind: "secretType", node };
        }
        return undefined;
      },
      sourceProperty(object, name, read): FlowSource<SourceKind> | undefined {
        if (isEnvLike(object)) return secretName(name) ? { kind: "env", node: read, label: name } : undefined;
        const holder = flow.trace(object);
        if (holder?.kind === "client" && CLIENT_KEY_PROPERTIES[holder.label!]?.includes(name)) return { kind: "clientKey", node: read, label: holder.label };
        return undefined;
      },
      sanitizer(call) {
        const callee = unwrap(call.callee);
        if (namesSecretExport(callee, "mask", sourceCode)) return true;
        const path = memberPath(callee);
        if (path !== undefined && sanitizers.has(path)) return true;
        // anything of keyguard's redactor (`keyguard/redact`)
        return moduleRefs(sourceCode, callee).some((ref) => ref.module === "keyguard/redact");
      },
    });

    function isDeclarationName(id: TSESTree.Identifier): boolean {
      const parent = id.parent;
      return (parent?.type === AST_NODE_TYPES.Property && parent.key === id && !parent.computed && parent.value !== id) || (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === id && !parent.computed);
    }

    function describe(source: FlowSource<SourceKind>): string {
      switch (source.kind) {
        case "env":
          return `The secret \`${source.label}\``;
        case "envDump":
          return "The whole environment (`process.env`)";
        case "loader":
          return "A secret loaded by keyguard";
        case "client":
          return "An SDK client object, which prints its key,";
        case "clientKey":
          return "The SDK client's key";
        case "secretType":
          return "A SecretString";
      }
    }

    function report(sink: Sink, args: readonly TSESTree.Node[]) {
      for (const arg of args) {
        const found = flow.trace(arg);
        if (!found) continue;
        const inside = found.node.range[0] >= arg.range[0] && found.node.range[1] <= arg.range[1];
        const maskable = inside && (found.kind === "env" || found.kind === "loader" || found.kind === "clientKey" || (found.kind === "secretType" && isStringTyped(found.node)));
        const text = sourceCode.getText(found.node);
        const wrapped = found.kind === "env" || found.kind === "clientKey" ? `${text} ?? ""` : text;
        context.report({
          node: arg,
          messageId: sink.messageId,
          data: { source: describe(found), sink: sink.sink },
          suggest: maskable && found.node.type !== AST_NODE_TYPES.AwaitExpression && !(found.kind === "loader" && isAsyncLoader(found.node))
            ? [{ messageId: "useMask", data: { text: wrapped }, fix: (fixer) => maskFix(fixer, found.node, wrapped) }]
            : [],
        });
        return; // one report per sink call
      }
    }

    function isStringTyped(node: TSESTree.Node): boolean {
      if (!checker || !services?.esTreeNodeToTSNodeMap) return false;
      const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node as never));
      return isSecretString(type, checker);
    }

    /** `defineSecretSource(f)()` and `rotatingSecret(…).get()` return promises: no `mask()` around them. */
    function isAsyncLoader(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      return !LOADERS.some((name) => namesSecretExport(unwrap(node.callee), name, sourceCode));
    }

    function maskFix(fixer: TSESLint.RuleFixer, node: TSESTree.Node, inner: string): TSESLint.RuleFix[] {
      const existing = maskName();
      const fixes = [fixer.replaceText(node, `${existing ?? "mask"}(${inner})`)];
      if (existing === undefined) {
        const imports = sourceCode.ast.body.filter((s): s is TSESTree.ImportDeclaration => s.type === AST_NODE_TYPES.ImportDeclaration);
        const fromSecret = imports.find((s) => s.source.value === SECRET_MODULE && s.importKind !== "type" && s.specifiers.some((sp) => sp.type === AST_NODE_TYPES.ImportSpecifier));
        if (fromSecret) {
          const last = fromSecret.specifiers[fromSecret.specifiers.length - 1]!;
          fixes.push(fixer.insertTextAfter(last, ", mask"));
        } else {
          const line = `import { mask } from "${SECRET_MODULE}";\n`;
          const lastImport = imports[imports.length - 1];
          fixes.push(lastImport ? fixer.insertTextAfter(lastImport, `\n${line.trimEnd()}`) : fixer.insertTextBeforeRange([0, 0], line));
        }
      }
      return fixes;
    }

    /** The local name of keyguard's `mask` in this file, if it is imported (`mask`, or `secret.mask` for a namespace). */
    function maskName(): string | undefined {
      for (const s of sourceCode.ast.body) {
        if (s.type !== AST_NODE_TYPES.ImportDeclaration || s.source.value !== SECRET_MODULE || s.importKind === "type") continue;
        for (const spec of s.specifiers) {
          if (spec.type === AST_NODE_TYPES.ImportSpecifier && spec.importKind !== "type" && (spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value) === "mask") return spec.local.name;
          if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return `${spec.local.name}.mask`;
        }
      }
      return undefined;
    }

    // ---------------------------------------------------------------- loggers
    function loggerOf(node: TSESTree.Node, depth = 0): LoggerEntry | undefined {
      if (depth > 6) return undefined;
      const n = unwrap(node);
      if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression) {
        for (const ref of moduleRefs(sourceCode, n)) {
          for (const entry of loggers) {
            if (!entry.modules.some((m) => moduleMatches(m, ref.module))) continue;
            const exported = ref.export ?? "default";
            if (entry.exports.some((e) => (e.kind === "instance" || e.kind === "class") && e.member === undefined && ref.member === undefined && exportMatches(e.export, exported))) return entry;
          }
        }
        if (n.type === AST_NODE_TYPES.Identifier) {
          const init = assignedOnceInit(n, sourceCode.getScope(n));
          return init ? loggerOf(init, depth + 1) : undefined;
        }
        // `this.logger`: the class field's initialiser
        if (n.object.type === AST_NODE_TYPES.ThisExpression) {
          const name = propertyName(n.property, n.computed);
          const value = name === undefined ? undefined : classField(n, name);
          return value ? loggerOf(value, depth + 1) : undefined;
        }
        return undefined;
      }
      if (n.type === AST_NODE_TYPES.AwaitExpression) return loggerOf(n.argument, depth + 1);
      if (n.type === AST_NODE_TYPES.NewExpression || n.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrap(n.callee);
        const kind = n.type === AST_NODE_TYPES.NewExpression ? "class" : "factory";
        for (const ref of moduleRefs(sourceCode, callee)) {
          for (const entry of loggers) {
            if (!entry.modules.some((m) => moduleMatches(m, ref.module))) continue;
            const exported = ref.export ?? "default";
            if (entry.exports.some((e) => e.kind === kind && e.member === ref.member && exportMatches(e.export, exported))) return entry;
          }
        }
        // `logger.child({…})`
        if (n.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression) {
          const method = propertyName(callee.property, callee.computed);
          const parent = method === undefined ? undefined : loggerOf(callee.object, depth + 1);
          if (parent?.children?.includes(method!)) return parent;
        }
      }
      return undefined;
    }

    function classField(member: TSESTree.MemberExpression, name: string): TSESTree.Node | undefined {
      for (let p: TSESTree.Node | undefined = member.parent; p; p = p.parent) {
        if (p.type !== AST_NODE_TYPES.ClassBody) continue;
        for (const element of p.body) {
          if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && element.value && propertyName(element.key, element.computed) === name) return element.value;
        }
        return undefined;
      }
      return undefined;
    }

    function loggerSink(node: TSESTree.CallExpression): Sink | undefined {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = propertyName(callee.property, callee.computed);
        if (method === undefined) return undefined;
        const path = loggerNames.size > 0 && LOGGER_LEVELS.has(method) ? memberPath(callee.object) : undefined;
        if (path !== undefined && loggerNames.has(path)) return { messageId: "toLog", sink: `\`${path}.${method}()\`` };
        if (!loggerMethods.has(method) || !fileMentionsLogger()) return undefined;
        const entry = loggerOf(callee.object);
        if (entry?.methods.includes(method)) return { messageId: "toLog", sink: `the ${entry.name} logger (\`.${method}()\`)` };
        return undefined;
      }
      if (!loggerMethods.has("()") || !fileMentionsLogger()) return undefined;
      const entry = loggerOf(callee);
      return entry?.methods.includes("()") ? { messageId: "toLog", sink: `the ${entry.name} logger` } : undefined;
    }

    // ---------------------------------------------------------------- other sinks
    /** `console`, `window.console`, `globalThis.console` (the global, not a local of that name). */
    function isGlobalObject(node: TSESTree.Node, name: string): boolean {
      const n = unwrap(node);
      if (n.type === AST_NODE_TYPES.Identifier) return n.name === name && isGlobalName(sourceCode, n);
      if (n.type === AST_NODE_TYPES.MemberExpression && propertyName(n.property, n.computed) === name) {
        const root = unwrap(n.object);
        return root.type === AST_NODE_TYPES.Identifier && ["window", "globalThis", "self"].includes(root.name) && isGlobalName(sourceCode, root);
      }
      return false;
    }

    /** The identifier at the root of a response chain: `res` for `res.status(500).json`. */
    function chainRoot(node: TSESTree.Node): TSESTree.Identifier | undefined {
      let n = unwrap(node);
      for (let i = 0; i < 6; i++) {
        if (n.type === AST_NODE_TYPES.Identifier) return n;
        if (n.type !== AST_NODE_TYPES.CallExpression) return undefined;
        const callee = unwrap(n.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || !CHAIN_METHODS.has(propertyName(callee.property, callee.computed) ?? "")) return undefined;
        n = unwrap(callee.object);
      }
      return undefined;
    }

    function isErrorCallee(node: TSESTree.Node): boolean {
      const name = calleeName(unwrap(node));
      return name !== undefined && name.endsWith("Error") && /^[A-Z]/.test(name);
    }

    let mentionsNext: boolean | undefined;
    function isNextResponse(node: TSESTree.Node): boolean {
      mentionsNext ??= sourceCode.text.includes("next/server");
      return mentionsNext && moduleRefs(sourceCode, node).some((ref) => ref.module === "next/server" && ref.export === "NextResponse" && ref.member === undefined);
    }

    /** Whether a `JSON.stringify(…)` is a request body (sent to its API, where a key belongs) or feeds another sink (which reports). */
    function stringifyExempt(call: TSESTree.CallExpression): boolean {
      let child: TSESTree.Node = call;
      let parent = call.parent;
      for (let i = 0; i < 6 && parent; i++) {
        if (parent.type === AST_NODE_TYPES.Property && parent.value === child) return BODY_NAMES.has(propertyName(parent.key, parent.computed) ?? "");
        if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.id.type === AST_NODE_TYPES.Identifier && BODY_NAMES.has(parent.id.name);
        if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
          return parent.arguments.includes(child as TSESTree.CallExpressionArgument) && sinkOfCall(parent) !== undefined;
        }
        if (parent.type !== AST_NODE_TYPES.TemplateLiteral && parent.type !== AST_NODE_TYPES.BinaryExpression && parent.type !== AST_NODE_TYPES.TSAsExpression) return false;
        child = parent;
        parent = parent.parent;
      }
      return false;
    }

    /** The sink a call is, with the arguments it takes in; `undefined` for other calls. */
    function sinkOfCall(node: TSESTree.CallExpression | TSESTree.NewExpression): { sink: Sink; args: readonly TSESTree.Node[] } | undefined {
      const callee = unwrap(node.callee);
      const args = node.arguments;
      if (node.type === AST_NODE_TYPES.NewExpression) {
        if (sinks.errors && isErrorCallee(callee)) return { sink: { messageId: "toError", sink: `\`new ${calleeName(callee)}()\`` }, args };
        if (sinks.responses && callee.type === AST_NODE_TYPES.Identifier && callee.name === "Response" && isGlobalName(sourceCode, callee)) return { sink: { messageId: "toResponse", sink: "`new Response()`" }, args: args.slice(0, 1) };
        if (sinks.responses && isNextResponse(callee)) return { sink: { messageId: "toResponse", sink: "`new NextResponse()`" }, args: args.slice(0, 1) };
        return undefined;
      }
      if (callee.type === AST_NODE_TYPES.Identifier) {
        if (sinks.errors && isErrorCallee(callee) && isGlobalName(sourceCode, callee)) return { sink: { messageId: "toError", sink: `\`${callee.name}()\`` }, args };
        if (sinks.loggers) {
          const s = loggerSink(node);
          if (s) return { sink: s, args };
        }
        return undefined;
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const method = propertyName(callee.property, callee.computed);
      if (method === undefined) return undefined;
      const object = unwrap(callee.object);
      if (sinks.console && CONSOLE_METHODS.includes(method) && isGlobalObject(object, "console")) {
        return { sink: { messageId: "toLog", sink: `\`console.${method}()\`` }, args: method === "assert" ? args.slice(1) : args };
      }
      if (sinks.serialize && method === "stringify" && isGlobalObject(object, "JSON")) {
        return stringifyExempt(node) ? undefined : { sink: { messageId: "toSerialized", sink: "`JSON.stringify()`" }, args: args.slice(0, 1) };
      }
      if (sinks.responses) {
        if (method === "json" && object.type === AST_NODE_TYPES.Identifier && object.name === "Response" && isGlobalName(sourceCode, object)) {
          return { sink: { messageId: "toResponse", sink: "`Response.json()`" }, args: args.slice(0, 1) };
        }
        if ((method === "json" || method === "redirect" || method === "rewrite") && isNextResponse(object)) {
          return { sink: { messageId: "toResponse", sink: `\`NextResponse.${method}()\`` }, args: args.slice(0, 1) };
        }
        const root = chainRoot(object);
        if (root && RESPONSE_METHODS.includes(method) && RESPONSE_NAMES.includes(root.name)) {
          return { sink: { messageId: "toResponse", sink: `the HTTP response (\`${root.name}.${method}()\`)` }, args: method === "cookie" ? args.slice(1, 2) : args.slice(0, 1) };
        }
        if (root && CONTEXT_METHODS.includes(method) && CONTEXT_NAMES.includes(root.name) && root === object) {
          return { sink: { messageId: "toResponse", sink: `the HTTP response (\`${root.name}.${method}()\`)` }, args: args.slice(0, 1) };
        }
      }
      if (sinks.storage && method === "setItem" && STORAGE_OBJECTS.some((s) => isGlobalObject(object, s))) {
        return { sink: { messageId: "toStorage", sink: `\`${memberPath(object) ?? "storage"}.setItem()\`` }, args: args.slice(1, 2) };
      }
      if (sinks.errors && isErrorCallee(callee)) return { sink: { messageId: "toError", sink: `\`${method}()\`` }, args };
      if (sinks.loggers) {
        const s = loggerSink(node);
        if (s) return { sink: s, args };
      }
      return undefined;
    }

    function checkCall(node: TSESTree.CallExpression | TSESTree.NewExpression) {
      const found = sinkOfCall(node);
      if (found) report(found.sink, found.args);
    }

    return {
      CallExpression: checkCall,
      NewExpression: checkCall,
      AssignmentExpression(node) {
        if (node.left.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = propertyName(node.left.property, node.left.computed);
        const object = unwrap(node.left.object);
        if (sinks.storage && name === "cookie" && isGlobalObject(object, "document")) {
          report({ messageId: "toStorage", sink: "`document.cookie`" }, [node.right]);
        } else if (sinks.storage && STORAGE_OBJECTS.some((s) => isGlobalObject(object, s))) {
          report({ messageId: "toStorage", sink: `\`${memberPath(object) ?? "storage"}\`` }, [node.right]);
        } else if (sinks.responses && name === "body" && object.type === AST_NODE_TYPES.Identifier && CONTEXT_NAMES.includes(object.name)) {
          report({ messageId: "toResponse", sink: `the HTTP response (\`${object.name}.body\`)` }, [node.right]);
        }
      },
      ThrowStatement(node) {
        if (!sinks.errors || !node.argument) return;
        const arg = unwrap(node.argument);
        if ((arg.type === AST_NODE_TYPES.NewExpression || arg.type === AST_NODE_TYPES.CallExpression) && isErrorCallee(arg.callee)) return;
        report({ messageId: "toError", sink: "a `throw`" }, [node.argument]);
      },
    };
  },
});
