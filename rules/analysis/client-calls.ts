/**
 * The shared matcher of SDK client calls: which `new X(…)` / `x(…)` is a catalog client (resolved
 * by where its callee was imported from, never by its name), and which expressions supply its key.
 * Used by `require-secret-source` (syntactic) and `require-secret-string` (type-aware).
 * Names resolve to modules through `./modules.ts`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type { JSONSchema4 } from "@typescript-eslint/utils/json-schema";
import { literalAlternation } from "../../src/detect/detector.js";
import { CLIENTS, KEY_HEADERS, exportMatches, moduleMatches, type ClientCallKind, type ClientEntry } from "../../src/clients/catalog.js";
import { moduleRefs } from "./modules.js";
import { objectProps, objectReader, type ObjectProp } from "./objects.js";
import { unwrap } from "./syntax.js";

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
  /**
   * Also give the key uses of public-by-design clients that take secret keys too (`secretKeys`:
   * Supabase's service_role key): the caller tells a secret key from a public one by the value.
   */
  secretForms?: boolean;
}

export interface ClientMatcher {
  /**
   * The key uses of a call of a catalog (or user) client; `[]` for anything else and for
   * public-by-design clients (but those with `secretKeys` under option `secretForms`).
   */
  keyUses(node: TSESTree.NewExpression | TSESTree.CallExpression): KeyUse[];
  /** The clients a call matches (public-by-design entries included). */
  clientsOf(node: TSESTree.NewExpression | TSESTree.CallExpression): ClientEntry[];
  /**
   * Whether the file can hold a client call at all: it names a client module in quotes. When not,
   * a rule can skip the file without registering listeners.
   */
  mayHaveClients(): boolean;
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

/**
 * One pass over a file's text for any client module named in quotes (`"openai"`, `'@aws-sdk/client-…`):
 * an alternation of literals (a trie), no quantifier. Much cheaper than a search per module and
 * quote. Built once per configuration, by `setupFor`.
 */
export function moduleMentionPattern(entries: readonly { readonly modules: readonly string[] }[] = CLIENTS): RegExp {
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
  /** The last text `mention` was tested on, and the answer: the rules of a lint ask it of the same file in turn. */
  last?: { readonly text: string; readonly found: boolean };
}

/** Whether `text` names a client module of `setup` (the answer for the last text is kept). */
function mentionedIn(setup: MatcherSetup, text: string): boolean {
  if (setup.last?.text !== text) setup.last = { text, found: setup.mention.test(text) };
  return setup.last.found;
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
  return mentionedIn(setupFor(clients), text);
}

/** The `extends` expression of the class whose constructor holds the `super(…)` call `node`. */
function enclosingSuperClass(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === AST_NODE_TYPES.ClassDeclaration || n.type === AST_NODE_TYPES.ClassExpression) return n.superClass ?? undefined;
  }
  return undefined;
}

export function createClientMatcher(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options: ClientMatcherOptions = {},
): ClientMatcher {
  const setup = setupFor(options.clients);
  const entries = setup.entries;
  const sourceCode = context.sourceCode;
  /** Options objects are read leniently: a key the file puts in them is found whatever else they hold. */
  const reader = objectReader(sourceCode, "lenient");

  /**
   * Whether the file names any client module in quotes (`"openai"`, `'@aws-sdk/client-…`): a module
   * can only be imported or required by a string, so a file without one has no client calls, and
   * every call in it is skipped without a scope lookup. Computed once per file, on first use.
   */
  let mentionsClientModule = options.mentionsClientModule;
  function fileMentionsClientModule(): boolean {
    mentionsClientModule ??= mentionedIn(setup, sourceCode.text);
    return mentionsClientModule;
  }

  function clientsOf(node: TSESTree.NewExpression | TSESTree.CallExpression): ClientEntry[] {
    if (!fileMentionsClientModule()) return [];
    // `super({ apiKey })` in a subclass constructs the class it extends.
    const superClass = node.callee.type === AST_NODE_TYPES.Super ? enclosingSuperClass(node) : undefined;
    const kind: ClientCallKind = node.type === AST_NODE_TYPES.NewExpression || superClass ? "new" : "call";
    const callee = superClass ?? unwrap(node.callee);
    // Cheap exit for the common case: a call of a method or function that is not imported.
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression && callee.type !== AST_NODE_TYPES.CallExpression) {
      return [];
    }
    const refs = moduleRefs(sourceCode, callee).map((ref) =>
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
      if (client.publicByDesign && !(options.secretForms && client.secretKeys)) continue;
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
      const top = objectProps(arg, reader);
      if (!top) continue;
      for (const path of client.keyOptions ?? []) {
        const segments = path.split(".");
        let props: Map<string, ObjectProp> | undefined = top;
        let found: ObjectProp | undefined;
        for (let i = 0; i < segments.length && props; i++) {
          found = props.get(segments[i]!);
          if (!found) break;
          if (i < segments.length - 1) {
            props = objectProps(found.value, reader, found.via, 1);
            found = undefined;
          }
        }
        if (found) add(client, path, found.value, found.via ?? found.property);
      }
      for (const headerOption of client.headerOptions ?? []) {
        const holder = top.get(headerOption);
        const headers = holder && objectProps(holder.value, reader, holder.via, 1);
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
    mayHaveClients: fileMentionsClientModule,
  };
}
