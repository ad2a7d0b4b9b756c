/**
 * The shared matcher of SDK client calls: which `new X(…)` / `x(…)` is a catalog client (resolved
 * by where its callee was imported from, never by its name), and which expressions supply its key.
 * Used by `require-secret-source` (syntactic) and `require-secret-string` (type-aware).
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type { JSONSchema4 } from "@typescript-eslint/utils/json-schema";
import { literalAlternation } from "../src/detect/detector.js";
import { CLIENTS, KEY_HEADERS, exportMatches, moduleMatches, type ClientCallKind, type ClientEntry } from "../src/clients/catalog.js";
import { constInit, propertyName, unwrap } from "./ast.js";

export type { ClientEntry } from "../src/clients/catalog.js";
export { unwrap } from "./ast.js";

/** How deep the matcher follows aliases, spreads and nested option objects. */
const MAX_DEPTH = 8;

/** A client of the user's own (option `clients`). */
export interface UserClient {
  /** The module the entry point is imported from: `"@acme/llm"`. */
  module: string;
  /** `"default"` or a named export. */
  export: string;
  /** A method of the export that takes the key (`setApiKey`). */
  member?: string;
  /** `"new"`, `"call"`, or `"any"` (default). */
  call?: "new" | "call" | "any";
  /** Display name in messages; default `module`'s `export`. */
  name?: string;
  /** Option paths in the options object that hold the key (`apiKey`, `auth.token`). */
  keyOptions?: string[];
  /** Index of the options argument (default 0). */
  optionsArgument?: number;
  /** Index of the argument that is the key itself. */
  keyArgument?: number;
  /** Options that hold headers (`defaultHeaders`); their credential headers are checked too. */
  headerOptions?: string[];
  /** The environment variable of the suggestion. */
  envVar?: string;
}

/** JSON schema of one {@link UserClient}, for the rules' option schemas. */
export const USER_CLIENT_SCHEMA: JSONSchema4 = {
  type: "object",
  additionalProperties: false,
  required: ["module", "export"],
  properties: {
    module: { type: "string", minLength: 1, description: "Module the client is imported from." },
    export: { type: "string", minLength: 1, description: '"default" or the named export.' },
    member: { type: "string", minLength: 1, description: "Method of the export that takes the key." },
    call: { type: "string", enum: ["new", "call", "any"], description: "How the entry point is called (default any)." },
    name: { type: "string", minLength: 1, description: "Display name in messages." },
    keyOptions: {
      type: "array",
      minItems: 1,
      items: { type: "string", pattern: "^[A-Za-z_$][\\w$-]*(\\.[A-Za-z_$][\\w$-]*){0,7}$" },
      description: "Option paths in the options object that hold the key.",
    },
    optionsArgument: { type: "integer", minimum: 0, description: "Index of the options argument (default 0)." },
    keyArgument: { type: "integer", minimum: 0, description: "Index of the argument that is the key." },
    headerOptions: { type: "array", items: { type: "string", minLength: 1 }, description: "Options that hold headers." },
    envVar: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$", description: "Environment variable of the suggestion." },
  },
  anyOf: [
    { type: "object", required: ["keyOptions"] },
    { type: "object", required: ["keyArgument"] },
  ],
};

/** One place where a client call takes a key. */
export interface KeyUse {
  client: ClientEntry;
  /**
   * Where the key goes: an option path (`"apiKey"`, `"configuration.apiKey"`), a header
   * (`"defaultHeaders.Authorization"`), or a 1-based argument position (`"argument 2"` for
   * `twilio(sid, token)`).
   */
  option: string;
  /** The expression that supplies the key (inside an options object defined elsewhere in the file, if it was followed there). */
  node: TSESTree.Node;
  /**
   * The node inside the call's arguments where the key enters the client: the property or
   * argument itself, or the identifier / spread through which the options were followed.
   */
  at: TSESTree.Node;
}

export interface ClientMatcherOptions {
  clients?: UserClient[];
  /** What `mentionsClientModule` already told of this file, so that the matcher does not test it again. */
  mentionsClientModule?: boolean;
}

export interface ClientMatcher {
  /** The key uses of a call of a catalog (or user) client; `[]` for anything else and for public-by-design clients. */
  keyUses(node: TSESTree.NewExpression | TSESTree.CallExpression): KeyUse[];
  /** The clients a call matches (public-by-design entries included). */
  clientsOf(node: TSESTree.NewExpression | TSESTree.CallExpression): ClientEntry[];
  /** What an expression refers to among module exports (`import`, `require`, aliases), `[]` if nothing. */
  moduleRefs(node: TSESTree.Node): ModuleRef[];
  /**
   * Whether the file can hold a client call at all: it names a client module in quotes. When not,
   * a rule can skip the file without registering listeners.
   */
  mayHaveClients(): boolean;
}

/** A reference to something a module exports: the module object (`export` absent), an export, or a member of an export. */
export interface ModuleRef {
  readonly module: string;
  readonly export?: string;
  readonly member?: string;
}

/** Converts option `clients` entries into catalog entries; throws a specific error on a malformed one. */
export function userClientEntries(clients: readonly UserClient[] | undefined): ClientEntry[] {
  return (clients ?? []).map((c, i) => {
    const where = `option clients[${i}]`;
    if (typeof c?.module !== "string" || c.module === "" || typeof c.export !== "string" || c.export === "") {
      throw new Error(`keyguard: ${where} needs "module" and "export" (non-empty strings).`);
    }
    if (!c.keyOptions?.length && c.keyArgument === undefined) {
      throw new Error(`keyguard: ${where} (${c.module} ${c.export}) needs "keyOptions" or "keyArgument".`);
    }
    const call: ClientCallKind[] = c.call === "new" ? ["new"] : c.call === "call" ? ["call"] : ["new", "call"];
    return {
      id: `custom:${c.module}#${c.export}${c.member ? `.${c.member}` : ""}`,
      name: c.name ?? (c.export === "default" ? c.module : `${c.export} (${c.module})`),
      modules: [c.module],
      exports: [c.export],
      ...(c.member ? { member: c.member } : {}),
      call,
      ...(c.keyOptions ? { keyOptions: c.keyOptions } : {}),
      ...(c.optionsArgument !== undefined ? { optionsArgument: c.optionsArgument } : {}),
      ...(c.keyArgument !== undefined ? { keyArgument: c.keyArgument } : {}),
      ...(c.headerOptions ? { headerOptions: c.headerOptions } : {}),
      envVar: c.envVar ?? "API_KEY",
      docs: "",
    } satisfies ClientEntry;
  });
}

/** Whether `id` names no variable of the file (a global such as `require`). */
function isGlobal(id: TSESTree.Identifier, scope: TSESLint.Scope.Scope): boolean {
  const variable = ASTUtils.findVariable(scope, id);
  return !variable || variable.defs.length === 0;
}

/** `m` for `require("m")`. */
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
function memberOf(refs: readonly ModuleRef[], name: string): ModuleRef[] {
  const out: ModuleRef[] = [];
  for (const ref of refs) {
    if (ref.export === undefined) {
      out.push({ module: ref.module, export: name });
      // `require("@sendgrid/mail").setApiKey`: a CommonJS module object is also its default export.
      if (name !== "default") out.push({ module: ref.module, export: "default", member: name });
    }
    else if (ref.member === undefined) {
      out.push({ module: ref.module, export: ref.export, member: name });
      // A CommonJS module's `module.exports` is its default export and carries the named ones too.
      if (ref.export === "default" && name !== "default") out.push({ module: ref.module, export: name });
    }
  }
  return out;
}

/** Whether a variable is written only by its declaration. */
function neverReassigned(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.every((r) => !r.isWrite() || r.init === true);
}

/** A property of an object the file determines. */
export interface ObjectProp {
  readonly value: TSESTree.Node;
  readonly property: TSESTree.Node;
  /** The node inside the call's arguments this property was reached through, once it was followed out of them. */
  readonly via: TSESTree.Node | undefined;
}

/**
 * The properties of an object expression the file determines, last one winning, following
 * `const` bindings and spreads. `undefined` when the expression is no such object.
 */
export function objectProps(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  via: TSESTree.Node | undefined = undefined,
  depth = 0,
): Map<string, ObjectProp> | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(n, sourceCode.getScope(n));
    return init ? objectProps(sourceCode, init, via ?? n, depth + 1) : undefined;
  }
  if (n.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const props = new Map<string, ObjectProp>();
  for (const p of n.properties) {
    if (p.type === AST_NODE_TYPES.SpreadElement) {
      const inner = objectProps(sourceCode, p.argument, via ?? p, depth + 1);
      if (inner) for (const [name, prop] of inner) props.set(name, prop);
      continue;
    }
    const name = propertyName(p.key, p.computed);
    if (name === undefined || p.kind !== "init") continue;
    props.set(name, { value: p.value, property: p, via });
  }
  return props;
}

/**
 * One pass over a file's text for any client module named in quotes (`"openai"`, `'@aws-sdk/client-…`):
 * an alternation of literals (a trie), no quantifier. Much cheaper than a search per module and
 * quote. Built once per configuration, by `setupFor`.
 */
export function moduleMentionPattern(entries: readonly ClientEntry[] = CLIENTS): RegExp {
  const modules = [...new Set(entries.flatMap((e) => e.modules))];
  const alternatives = modules.map((m) => (m.endsWith("*") ? m.slice(0, -1) : { text: m, tail: "[\"'`]" }));
  return new RegExp(`["'\`]${literalAlternation(alternatives)}`);
}

/** Header names that carry a key, lower-cased. */
const HEADER_NAMES = new Set(KEY_HEADERS.map((h) => h.toLowerCase()));

/** What a matcher needs from its options, independent of the file. */
interface MatcherSetup {
  readonly entries: readonly ClientEntry[];
  readonly mention: RegExp;
}

/**
 * Setups by `clients` option: rules create a matcher for every file, and ESLint passes the same
 * option objects to every file, so the entries and the prefilter are built once per configuration.
 */
const setups = new WeakMap<readonly UserClient[], MatcherSetup>();
let catalogSetup: MatcherSetup | undefined;

function setupFor(clients: readonly UserClient[] | undefined): MatcherSetup {
  if (!clients || clients.length === 0) {
    catalogSetup ??= { entries: CLIENTS, mention: moduleMentionPattern(CLIENTS) };
    return catalogSetup;
  }
  let setup = setups.get(clients);
  if (!setup) {
    const entries = [...userClientEntries(clients), ...CLIENTS];
    setup = { entries, mention: moduleMentionPattern(entries) };
    setups.set(clients, setup);
  }
  return setup;
}

/**
 * Whether `text` names any client module (of the catalog or `clients`) in quotes: the prefilter of
 * `createClientMatcher`, for a rule that wants to skip a file before it builds a matcher. Throws on
 * malformed `clients`, as `createClientMatcher` does.
 */
export function mentionsClientModule(text: string, clients?: readonly UserClient[]): boolean {
  return setupFor(clients).mention.test(text);
}

export function createClientMatcher(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options: ClientMatcherOptions = {},
): ClientMatcher {
  const { entries, mention } = setupFor(options.clients);
  const sourceCode = context.sourceCode;

  /** What the binding `id` refers to, when it was imported or required (or aliases something that was). */
  function bindingRefs(id: TSESTree.Identifier, scope: TSESLint.Scope.Scope, depth: number): ModuleRef[] {
    const variable = ASTUtils.findVariable(scope, id);
    if (!variable || variable.defs.length !== 1) return [];
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
    if (def.type !== "Variable" || !def.node.init || depth > MAX_DEPTH) return [];
    if (def.parent.kind !== "const" && !neverReassigned(variable)) return [];
    const init = def.node.init;
    const initScope = sourceCode.getScope(init);
    if (def.node.id.type === AST_NODE_TYPES.Identifier) return expressionRefs(init, initScope, depth + 1);
    if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
      // `const { Anthropic } = require("@anthropic-ai/sdk")`, `const { OpenAI: O } = await import("openai")`
      for (const property of def.node.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        if (value.type !== AST_NODE_TYPES.Identifier || value.name !== id.name) continue;
        const key = propertyName(property.key, property.computed);
        return key === undefined ? [] : memberOf(expressionRefs(init, initScope, depth + 1), key);
      }
    }
    return [];
  }

  /** What an expression refers to among module exports. */
  function expressionRefs(node: TSESTree.Node, scope: TSESLint.Scope.Scope, depth: number): ModuleRef[] {
    if (depth > MAX_DEPTH) return [];
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.Identifier) return bindingRefs(n, scope, depth);
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(n.property, n.computed);
      return name === undefined ? [] : memberOf(expressionRefs(n.object, scope, depth + 1), name);
    }
    const required = requiredModule(n, scope);
    if (required !== undefined) return [{ module: required }];
    const imported = importedModule(n);
    if (imported !== undefined) return [{ module: imported }];
    return [];
  }

  /**
   * Whether the file names any client module in quotes (`"openai"`, `'@aws-sdk/client-…`): a module
   * can only be imported or required by a string, so a file without one has no client calls, and
   * every call in it is skipped without a scope lookup. Computed once per file, on first use.
   */
  let mentionsClientModule = options.mentionsClientModule;
  function fileMentionsClientModule(): boolean {
    mentionsClientModule ??= mention.test(sourceCode.text);
    return mentionsClientModule;
  }

  function clientsOf(node: TSESTree.NewExpression | TSESTree.CallExpression): ClientEntry[] {
    if (!fileMentionsClientModule()) return [];
    const kind: ClientCallKind = node.type === AST_NODE_TYPES.NewExpression ? "new" : "call";
    const callee = unwrap(node.callee);
    // Cheap exit for the common case: a call of a method or function that is not imported.
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression && callee.type !== AST_NODE_TYPES.CallExpression) {
      return [];
    }
    const refs = expressionRefs(callee, sourceCode.getScope(node), 0).map((ref) =>
      // A called module object is the module's `module.exports`, its default export.
      ref.export === undefined ? { module: ref.module, export: "default" } : ref,
    );
    if (refs.length === 0) return [];
    return entries.filter(
      (entry) =>
        entry.call.includes(kind) &&
        refs.some(
          (ref) =>
            entry.member === ref.member &&
            entry.modules.some((m) => moduleMatches(m, ref.module)) &&
            entry.exports.some((e) => exportMatches(e, ref.export!)),
        ),
    );
  }

  function keyUses(node: TSESTree.NewExpression | TSESTree.CallExpression): KeyUse[] {
    const uses: KeyUse[] = [];
    const seen = new Set<string>();
    const add = (client: ClientEntry, option: string, value: TSESTree.Node, at: TSESTree.Node) => {
      const id = `${value.range[0]}:${value.range[1]}:${option}`;
      if (seen.has(id)) return;
      seen.add(id);
      uses.push({ client, option, node: value, at });
    };
    for (const client of clientsOf(node)) {
      if (client.publicByDesign) continue;
      if (client.keyArgument !== undefined) {
        const arg = node.arguments[client.keyArgument];
        if (arg && arg.type !== AST_NODE_TYPES.SpreadElement && !node.arguments.slice(0, client.keyArgument).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) {
          add(client, `argument ${client.keyArgument + 1}`, arg, arg);
        }
      }
      if (!client.keyOptions && !client.headerOptions) continue;
      const index = client.optionsArgument ?? 0;
      const arg = node.arguments[index];
      if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
      const top = objectProps(sourceCode, arg);
      if (!top) continue;
      for (const path of client.keyOptions ?? []) {
        const segments = path.split(".");
        let props: Map<string, ObjectProp> | undefined = top;
        let found: ObjectProp | undefined;
        for (let i = 0; i < segments.length && props; i++) {
          found = props.get(segments[i]!);
          if (!found) break;
          if (i < segments.length - 1) {
            props = objectProps(sourceCode, found.value, found.via, 1);
            found = undefined;
          }
        }
        if (found) add(client, path, found.value, found.via ?? found.property);
      }
      for (const headerOption of client.headerOptions ?? []) {
        const holder = top.get(headerOption);
        const headers = holder && objectProps(sourceCode, holder.value, holder.via, 1);
        if (!headers) continue;
        for (const [name, prop] of headers) {
          if (HEADER_NAMES.has(name.toLowerCase())) add(client, `${headerOption}.${name}`, prop.value, prop.via ?? prop.property);
        }
      }
    }
    return uses;
  }

  return {
    keyUses,
    clientsOf,
    moduleRefs: (node) => expressionRefs(node, sourceCode.getScope(node), 0),
    mayHaveClients: fileMentionsClientModule,
  };
}
