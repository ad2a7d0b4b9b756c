import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { basename } from "node:path";
import { exportMatches, moduleMatches, type ClientEntry } from "../src/clients/catalog.js";
import {
  BROWSER_FLAGS,
  EPHEMERAL_WORDS,
  PUBLIC_ENV_MODULES,
  PUBLIC_ENV_PREFIXES,
  judgeName,
  nameWords,
  publicNameWords,
  publicPrefixOf,
  type BrowserFlag,
  type EnvAccessKind,
  type PublicEnvPrefix,
} from "../src/exposure/catalog.js";
import { createFlow, type FlowSource } from "./analysis/flow.js";
import { assignedOnceInit } from "./analysis/bindings.js";
import { moduleRefs } from "./analysis/modules.js";
import { envVarName, isEnvObject, mayReadEnv } from "./analysis/env.js";
import { calleeName, propertyName, unwrap } from "./analysis/syntax.js";
import { createClientMatcher } from "./analysis/client-calls.js";
import { objectProps, objectReader } from "./analysis/objects.js";
import { globMatches, relativePath } from "./glob.js";
import { literalAlternation } from "../src/detect/detector.js";
import { createRule, perOptions } from "./utils.js";

export type Options = [
  {
    /** Globs of files that run in the browser (besides files with the `"use client"` directive), e.g. `src/**` in a Vite app. */
    clientFiles?: string[];
    /** Extra prefixes that a bundler inlines into client code: `"MYAPP_PUBLIC_"`. */
    publicPrefixes?: string[];
    /** Extra names that are public by design: words that must all appear in the name (`"ALGOLIA_SEARCH"`, `"SENTRY_DSN"`). */
    publicNames?: string[];
    /** Allow the browser flag when the client's key is an ephemeral token (default true). */
    allowEphemeral?: boolean;
    /** Extra words that name an ephemeral token (`"TEMP_TOKEN"`). */
    ephemeralNames?: string[];
  },
];
export type MessageIds = "browserFlag" | "publicEnv" | "clientFile" | "buildConfig" | "removeFlag" | "serverOnly";

const CONFIG_FILE = /\.config\.[cm]?[jt]s$/;
const NEXT_CONFIG = /^next\.config\.[cm]?[jt]s$/;
const NUXT_CONFIG = /^nuxt\.config\.[cm]?[jt]s$/;
const ENV_PATH_PREFIXES = ["process.env.", "import.meta.env."];

function accessOf(object: TSESTree.Node): EnvAccessKind {
  const n = unwrap(object);
  return n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.MetaProperty ? "import.meta.env" : "process.env";
}

/** Whether `"use client"` is one of the file's directives. */
function hasUseClient(program: TSESTree.Program): boolean {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === "use client") return true;
  }
  return false;
}

/** What the rule derives from its options, once per options object. */
const setupFor = perOptions((options: Options[0]) => ({
  prefixes: options.publicPrefixes?.length
    ? [...PUBLIC_ENV_PREFIXES, ...options.publicPrefixes.map((prefix) => ({ prefix, frameworks: "your bundler (option publicPrefixes)", access: ["process.env", "import.meta.env"] as const, docs: "" }))]
    : PUBLIC_ENV_PREFIXES,
  extraPublic: (options.publicNames ?? []).map(publicNameWords),
  ephemeral: new Set([...EPHEMERAL_WORDS, ...(options.ephemeralNames ?? [])].map((w) => w.replace(/_/g, "").toUpperCase())),
}));

/** The words of the checks that need no environment read: a public environment module, a browser flag, a bundler plugin. */
const WORD_KINDS = new Map<string, "module" | "flag" | "plugin">([
  ...PUBLIC_ENV_MODULES.map((m) => [m.module, "module"] as const),
  ...BROWSER_FLAGS.map((f) => [f.option, "flag"] as const),
  ["DefinePlugin", "plugin"],
  ["EnvironmentPlugin", "plugin"],
]);
/** One pass over a file's text for all of them: an alternation of literals, no quantifier (in the ReDoS gate). */
export const BROWSER_WORDS = new RegExp(literalAlternation([...WORD_KINDS.keys()]), "g");

/** The kinds of {@link WORD_KINDS} the text names. */
function namedIn(text: string): Set<string> {
  const kinds = new Set<string>();
  BROWSER_WORDS.lastIndex = 0;
  for (let m = BROWSER_WORDS.exec(text); m !== null; m = BROWSER_WORDS.exec(text)) kinds.add(WORD_KINDS.get(m[0])!);
  return kinds;
}

/** Whether `node` is statically `true`. */
function isTrue(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  return ASTUtils.getStaticValue(node as never, scope)?.value === true;
}

export default createRule<Options, MessageIds>({
  name: "no-browser-secret",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow API keys in code that runs in the browser: SDK browser flags, public env prefixes, client components, bundler defines",
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      browserFlag:
        "`{{option}}: true` lets the {{client}} client run in a browser, where its key is readable by anyone who opens the page (devtools, the bundle). Call the API from a server route or a proxy, or hand the browser an ephemeral token minted by your server.",
      publicEnv:
        "`{{name}}` is inlined into the browser bundle by {{frameworks}} ({{how}}), so this key is public to every visitor. Keep it server-side under a name without the public prefix and call the API from a server route or a proxy; if the key is public by design, add its name to the rule's `publicNames` option.",
      clientFile:
        "This file runs in the browser ({{why}}) and {{what}}: a key in browser code is readable by anyone who opens the page. Move this to server code (a server component, route handler or server action) or use an ephemeral token.",
      buildConfig:
        "{{tool}} inlines {{what}} into the client bundle, so the secret ships in the JavaScript of every page. Read it at run time in server code instead.",
      removeFlag: "Remove `{{option}}: true` (the SDK then refuses to run in a browser).",
      serverOnly: "Read `{{name}}` instead, in server code only.",
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          clientFiles: {
            type: "array",
            items: { type: "string", minLength: 1 },
            description: 'Globs of files (relative to the working directory) that run in the browser, besides files with the "use client" directive.',
          },
          publicPrefixes: {
            type: "array",
            items: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
            description: "Extra environment variable prefixes that a bundler inlines into client code.",
          },
          publicNames: {
            type: "array",
            items: { type: "string", pattern: "^[A-Za-z0-9]+(_[A-Za-z0-9]+)*$" },
            description: "Extra names that are public by design: words that must all appear in the name (`ALGOLIA_SEARCH`).",
          },
          allowEphemeral: {
            type: "boolean",
            description: "Allow the browser flag when the client's key is named as an ephemeral token (default true).",
          },
          ephemeralNames: {
            type: "array",
            items: { type: "string", pattern: "^[A-Za-z0-9_]+$" },
            description: "Extra words that name an ephemeral token (compared without case and underscores).",
          },
        },
      },
    ],
    defaultOptions: [{ clientFiles: [], publicPrefixes: [], publicNames: [], allowEphemeral: true, ephemeralNames: [] }],
  },
  defaultOptions: [{ clientFiles: [], publicPrefixes: [], publicNames: [], allowEphemeral: true, ephemeralNames: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const { prefixes, extraPublic, ephemeral } = setupFor(options);
    const file = basename(context.filename);
    const isConfig = CONFIG_FILE.test(file);
    const isNextConfig = NEXT_CONFIG.test(file);
    const isNuxtConfig = NUXT_CONFIG.test(file);
    const matcher = createClientMatcher(context);
    /** Config and options objects are read leniently: what the file puts in them, whatever else they hold. */
    const objects = objectReader(sourceCode, "lenient");
    /** Why the file runs in the browser, if it does: the `"use client"` directive, or option `clientFiles`. */
    const clientWhy = hasUseClient(sourceCode.ast)
      ? 'it has the "use client" directive'
      : options.clientFiles?.length && options.clientFiles.some((g) => globMatches(g, relativePath(context.cwd, context.filename)))
        ? "it matches the rule's `clientFiles` option"
        : undefined;

    // Each check needs words in the file's text (a name is only read where it is written, a module
    // only imported by its name): a public prefix or a browser file with an environment read, a
    // public environment module, a browser flag, a client module in a browser file, a bundler
    // config. Only the listeners of the checks the text allows are registered; most files get none.
    const text = sourceCode.text;
    const named = namedIn(text);
    const readsEnv = mayReadEnv(text) && (clientWhy !== undefined || prefixes.some((p) => text.includes(p.prefix)));
    const importsPublicEnv = named.has("module");
    const constructsClients = named.has("flag") || (clientWhy !== undefined && matcher.mayHaveClients());
    const usesEnvPlugins = named.has("plugin");

    const secret = (name: string, prefix = "") => judgeName(name, prefix, extraPublic).secret !== undefined;

    /** An environment variable read: public prefix, or a secret read in a client file. */
    function checkEnvRead(node: TSESTree.Node, name: string, access: EnvAccessKind, fix?: TSESTree.Node) {
      const prefix = publicPrefixOf(name, access, prefixes);
      if (prefix) {
        if (!secret(name, prefix.prefix)) return;
        const server = name.slice(prefix.prefix.length);
        const canFix = fix !== undefined && access === "process.env" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(server);
        context.report({
          node,
          messageId: "publicEnv",
          data: { name, frameworks: prefix.frameworks, how: `prefix \`${prefix.prefix}\`` },
          suggest: canFix
            ? [{ messageId: "serverOnly", data: { name: server }, fix: (fixer) => fixer.replaceText(fix, fix.type === AST_NODE_TYPES.Identifier ? server : JSON.stringify(server)) }]
            : [],
        });
        return;
      }
      if (clientWhy && secret(name)) {
        context.report({ node, messageId: "clientFile", data: { why: clientWhy, what: `reads the secret \`${name}\`` } });
      }
    }

    // ---------------------------------------------------------------- build configuration
    type BuildKind = "env" | "dump";
    const buildFlow = createFlow<BuildKind>(sourceCode, {
      source(node) {
        if (isEnvObject(node)) return { kind: "dump", node };
        if (node.type === AST_NODE_TYPES.CallExpression && calleeName(node.callee) === "loadEnv" && isAllPrefixes(node)) return { kind: "dump", node };
        return undefined;
      },
      sourceProperty(object, name, read) {
        if (!isEnvLike(object)) return undefined;
        return secret(name) ? { kind: "env", node: read, label: name } : undefined;
      },
    });

    /** `process.env`, or a `loadEnv(…)` result (Vite), directly or through a local. */
    function isEnvLike(node: TSESTree.Node, depth = 0): boolean {
      const n = unwrap(node);
      if (isEnvObject(n)) return true;
      if (n.type === AST_NODE_TYPES.CallExpression) return calleeName(n.callee) === "loadEnv";
      if (n.type === AST_NODE_TYPES.Identifier && depth < 4) {
        const init = assignedOnceInit(n, sourceCode.getScope(n));
        return init !== undefined && isEnvLike(init, depth + 1);
      }
      return false;
    }

    /** `loadEnv(mode, dir, "")`: every variable, not only the `VITE_` ones. */
    function isAllPrefixes(call: TSESTree.CallExpression): boolean {
      const third = call.arguments[2];
      return third?.type === AST_NODE_TYPES.Literal && third.value === "";
    }

    function describe(found: FlowSource<BuildKind>): string {
      return found.kind === "dump" ? "the whole environment" : `the secret \`${found.label}\``;
    }

    /** The entries of a `define` / `env` / `DefinePlugin` object: a secret name, or a value from a secret variable. */
    function checkInlined(object: TSESTree.Node, tool: string) {
      const props = objectProps(object, objects);
      if (!props) {
        const found = buildFlow.trace(object);
        if (found?.kind === "dump") context.report({ node: object, messageId: "buildConfig", data: { tool, what: describe(found) } });
        return;
      }
      for (const [key, prop] of props) {
        let name = key;
        for (const p of ENV_PATH_PREFIXES) if (name.startsWith(p)) name = name.slice(p.length);
        const found = buildFlow.trace(prop.value);
        if (found) {
          context.report({ node: prop.property, messageId: "buildConfig", data: { tool, what: describe(found) } });
        } else if (/^[A-Za-z_$][\w$]*$/.test(name) && secret(name) && !isNonSecretValue(prop.value)) {
          context.report({ node: prop.property, messageId: "buildConfig", data: { tool, what: `\`${name}\`` } });
        }
      }
    }

    /** A value that holds no secret whatever its name says: a literal without one, `undefined`. */
    function isNonSecretValue(value: TSESTree.Node): boolean {
      const n = unwrap(value);
      if (n.type === AST_NODE_TYPES.Literal) return n.value === null || n.value === "" || typeof n.value === "boolean" || typeof n.value === "number";
      if (n.type === AST_NODE_TYPES.Identifier) return n.name === "undefined";
      if (n.type === AST_NODE_TYPES.MemberExpression) {
        const name = envVarName(n);
        return name !== undefined && !secret(name);
      }
      return false;
    }

    function checkEnvironmentPlugin(node: TSESTree.NewExpression) {
      const report = (at: TSESTree.Node, name: string) => {
        if (secret(name)) context.report({ node: at, messageId: "buildConfig", data: { tool: "webpack EnvironmentPlugin", what: `\`${name}\`` } });
      };
      for (const arg of node.arguments) {
        const n = unwrap(arg);
        if (n.type === AST_NODE_TYPES.Literal && typeof n.value === "string") report(n, n.value);
        else if (n.type === AST_NODE_TYPES.ArrayExpression) {
          for (const e of n.elements) if (e?.type === AST_NODE_TYPES.Literal && typeof e.value === "string") report(e, e.value);
        } else if (n.type === AST_NODE_TYPES.ObjectExpression) {
          for (const [key, prop] of objectProps(n, objects) ?? []) report(prop.property, key);
        }
      }
    }

    // ---------------------------------------------------------------- SDK browser flags
    /** Whether the file names one of a flag's modules (it can only be imported by a string): no scope lookups otherwise. */
    const flagMentions = new Map<BrowserFlag, boolean>();
    function mentionsFlagModule(flag: BrowserFlag): boolean {
      let found = flagMentions.get(flag);
      if (found === undefined) {
        found = (flag.modules ?? []).some((m) => sourceCode.text.includes(m));
        flagMentions.set(flag, found);
      }
      return found;
    }
    function flagsOf(node: TSESTree.NewExpression | TSESTree.CallExpression): { flag: BrowserFlag; member: string; client?: ClientEntry }[] {
      const out: { flag: BrowserFlag; member: string; client?: ClientEntry }[] = [];
      const catalogClients = matcher.clientsOf(node);
      for (const flag of BROWSER_FLAGS) {
        if (flag.clients) {
          for (const client of catalogClients) if (flag.clients.includes(client.id)) out.push({ flag, member: "", client });
          continue;
        }
        if (!mentionsFlagModule(flag)) continue;
        const kind = node.type === AST_NODE_TYPES.NewExpression ? "new" : "call";
        for (const ref of moduleRefs(sourceCode, node.callee)) {
          if (ref.export === undefined || !flag.modules!.some((m) => moduleMatches(m, ref.module)) || !flag.exports!.some((e) => exportMatches(e, ref.export!))) continue;
          if (ref.member === undefined && kind === "new") out.push({ flag, member: "" });
          else if (ref.member !== undefined && kind === "call" && flag.members?.includes(ref.member)) out.push({ flag, member: ref.member });
        }
      }
      return out;
    }

    function isEphemeralKey(value: TSESTree.Node, depth = 0): boolean {
      const n = unwrap(value);
      const named = (name: string) => {
        const words = nameWords(name);
        const joined = words.join("");
        return [...ephemeral].some((e) => joined.includes(e));
      };
      if (n.type === AST_NODE_TYPES.Identifier) {
        if (named(n.name)) return true;
        const init = depth < 4 ? assignedOnceInit(n, sourceCode.getScope(n)) : undefined;
        return init !== undefined && isEphemeralKey(init, depth + 1);
      }
      if (n.type === AST_NODE_TYPES.MemberExpression) {
        const name = propertyName(n.property, n.computed);
        return (name !== undefined && named(name)) || (depth < 4 && isEphemeralKey(n.object, depth + 1));
      }
      if (n.type === AST_NODE_TYPES.AwaitExpression) return isEphemeralKey(n.argument, depth + 1);
      if (n.type === AST_NODE_TYPES.CallExpression) return depth < 4 && isEphemeralKey(n.callee, depth + 1);
      return false;
    }

    function checkFlags(node: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
      let reported = false;
      for (const { flag, member, client } of flagsOf(node)) {
        const arg = node.arguments[flag.optionsArgument[member] ?? 0];
        if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
        const props = objectProps(arg, objects);
        const prop = props?.get(flag.option);
        if (!prop || !isTrue(prop.value, sourceCode.getScope(prop.value))) continue;
        if (flag.keyIn === "options" && options.allowEphemeral !== false && client) {
          const keys = (client.keyOptions ?? []).map((k) => props!.get(k)).filter((p) => p !== undefined);
          if (keys.length > 0 && keys.every((k) => isEphemeralKey(k.value))) continue;
        }
        const property = prop.property;
        const direct = prop.via === undefined && property.type === AST_NODE_TYPES.Property;
        context.report({
          node: prop.via ?? property,
          messageId: "browserFlag",
          data: { option: flag.option, client: client?.name ?? flag.name },
          suggest: direct
            ? [{ messageId: "removeFlag", data: { option: flag.option }, fix: (fixer) => removeProperty(fixer, property as TSESTree.Property) }]
            : [],
        });
        reported = true;
      }
      return reported;
    }

    function removeProperty(fixer: TSESLint.RuleFixer, property: TSESTree.Property): TSESLint.RuleFix {
      const after = sourceCode.getTokenAfter(property);
      if (after && after.value === ",") return fixer.removeRange([property.range[0], sourceCode.getTokenAfter(after)!.range[0]]);
      const before = sourceCode.getTokenBefore(property);
      if (before && before.value === ",") return fixer.removeRange([before.range[0], property.range[1]]);
      return fixer.remove(property);
    }

    function checkCall(node: TSESTree.NewExpression | TSESTree.CallExpression) {
      const flaggedHere = checkFlags(node);
      if (clientWhy && !flaggedHere) {
        const keyed = matcher.clientsOf(node).find((c) => !c.publicByDesign);
        if (keyed) context.report({ node, messageId: "clientFile", data: { why: clientWhy, what: `constructs the ${keyed.name} client, which needs a secret key` } });
      }
    }

    const listeners: TSESLint.RuleListener = {};
    if (readsEnv) {
      listeners.MemberExpression = (node) => {
        const name = envVarName(node);
        if (name === undefined) return;
        checkEnvRead(node, name, accessOf(node.object), node.computed || node.property.type === AST_NODE_TYPES.Identifier ? node.property : undefined);
      };
      listeners.VariableDeclarator = (node) => {
        if (node.id.type !== AST_NODE_TYPES.ObjectPattern || !node.init || !isEnvObject(node.init)) return;
        const access = accessOf(node.init);
        for (const p of node.id.properties) {
          if (p.type !== AST_NODE_TYPES.Property) continue;
          const name = propertyName(p.key, p.computed);
          if (name !== undefined) checkEnvRead(p.key, name, access);
        }
      };
    }
    if (importsPublicEnv) listeners.ImportDeclaration = checkImport;
    if (constructsClients) listeners.CallExpression = checkCall;
    if (constructsClients || usesEnvPlugins) {
      listeners.NewExpression = (node) => {
        if (constructsClients) checkCall(node);
        if (!usesEnvPlugins) return;
        const name = calleeName(node.callee);
        if (name === "DefinePlugin" && node.arguments[0]) checkInlined(node.arguments[0], "webpack DefinePlugin");
        else if (name === "EnvironmentPlugin") checkEnvironmentPlugin(node);
      };
    }
    if (isConfig) {
      listeners.Property = (node) => {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const key = propertyName(node.key, node.computed);
        if (key === "define") checkInlined(node.value, "The bundler's `define`");
        else if (key === "env" && isNextConfig) checkInlined(node.value, "Next.js `env`");
        else if (key === "public" && isNuxtConfig && isRuntimeConfig(node.parent)) checkInlined(node.value, "Nuxt `runtimeConfig.public`");
      };
    }
    return listeners;

    /** `import { X } from "$env/static/public"`, and `env.X` of `import { env } from "$env/dynamic/public"`. */
    function checkImport(node: TSESTree.ImportDeclaration) {
      const module = PUBLIC_ENV_MODULES.find((m) => m.module === node.source.value);
      if (!module) return;
      for (const spec of node.specifiers) {
        if (spec.type !== AST_NODE_TYPES.ImportSpecifier) continue;
        const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
        const how = `module \`${module.module}\``;
        if (module.form === "named") {
          if (secret(imported, imported.startsWith("PUBLIC_") ? "PUBLIC_" : "")) {
            context.report({ node: spec, messageId: "publicEnv", data: { name: imported, frameworks: module.frameworks, how } });
          }
          continue;
        }
        if (imported !== "env") continue;
        for (const variable of sourceCode.getDeclaredVariables(spec)) {
          for (const ref of variable.references) {
            const parent = ref.identifier.parent;
            if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== ref.identifier) continue;
            const name = propertyName(parent.property, parent.computed);
            if (name !== undefined && secret(name, name.startsWith("PUBLIC_") ? "PUBLIC_" : "")) {
              context.report({ node: parent, messageId: "publicEnv", data: { name, frameworks: module.frameworks, how } });
            }
          }
        }
      }
    }

    function isRuntimeConfig(object: TSESTree.ObjectExpression): boolean {
      const holder = object.parent;
      return holder?.type === AST_NODE_TYPES.Property && propertyName(holder.key, holder.computed) === "runtimeConfig";
    }
  },
});

