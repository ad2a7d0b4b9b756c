/**
 * Value origin: where a value comes from, as far as the file shows. The environment or a secret
 * loader (a source), a literal written in the file (and whether it is a fallback), nothing at
 * all, or a place the file cannot see. Used by `require-secret-source` for every key a client
 * takes; names, members, destructuring, functions, key providers, fallbacks and conditionals are
 * followed, bounded by `MAX_DEPTH`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { assignedOnceInit, isAssignedOnce, isGlobal, localFunction, singleVariable } from "./bindings.js";
import { isEnvContainer, isEnvRead } from "./env.js";
import { moduleRefs } from "./modules.js";
import { memberValue, objectProperty, objectReader } from "./objects.js";
import { staticPropertyName } from "./static-value.js";
import { isEmptyValue, MAX_DEPTH, memberPath, propertyName, unwrap } from "./syntax.js";

/** Where a value comes from, as far as the file shows. */
export type Origin =
  | { readonly kind: "none" } // null, undefined, "": no key at all
  | { readonly kind: "source" } // the environment, a secret loader, or a configured user key source
  | { readonly kind: "literal"; readonly node: TSESTree.Node; readonly fallback?: TSESTree.LogicalExpression | TSESTree.AssignmentPattern }
  | { readonly kind: "unknown" };

const NONE: Origin = { kind: "none" };
const SOURCE: Origin = { kind: "source" };
const UNKNOWN: Origin = { kind: "unknown" };

/** keyguard's own loaders (`keyguard/secret`): their results are secrets by construction. */
const KEYGUARD_LOADERS = new Set(["secretFromEnv", "secretFromFile", "secretFromCredential", "secretFromJson"]);
/** keyguard factories whose results are loaders: `defineSecretSource(fetch)()`, `rotatingSecret(src).get()`. */
const KEYGUARD_FACTORIES = new Set(["defineSecretSource", "rotatingSecret"]);
/** Methods of a `rotatingSecret(…)` that yield the secret or a provider of it. */
const ROTATING_METHODS = new Set(["get", "refresh", "provider"]);
/** Global calls that pass their argument's value through (`String(process.env.X)`). */
const PASS_THROUGH = new Set(["String"]);
/** String methods whose result is made of the string they are called on (`(process.env.X ?? "…").trim()`). */
const STRING_METHODS = new Set(["trim", "trimStart", "trimEnd", "toString", "valueOf", "normalize", "toLowerCase", "toUpperCase", "slice", "substring", "replace", "replaceAll"]);
/** How many nodes of a function body are searched for its `return`s. */
const MAX_BODY_NODES = 2000;

/** Several possible values: a literal anywhere wins, then an unknown, then a source. */
function combine(origins: readonly Origin[]): Origin {
  return (
    origins.find((o) => o.kind === "literal") ??
    origins.find((o) => o.kind === "unknown") ??
    origins.find((o) => o.kind === "source") ??
    (origins.length > 0 ? NONE : UNKNOWN)
  );
}

export interface OriginOptions {
  /** The user's secret loaders: function names or member paths (`getSecret`, `vault.read`); also matched under `this.`. */
  readonly secretLoaders?: readonly string[];
  /**
   * Where a bring-your-own-key app takes its users' keys: member paths or function names
   * (`req.body.apiKey`, `session.apiKey`, `getUserKey`). A value read from one (or from a member
   * below it, or returned by a call of one) is a source, never a hardcoded key.
   */
  readonly userKeySources?: readonly string[];
}

export interface OriginAnalysis {
  /** Where the value of `node` comes from. */
  origin(node: TSESTree.Node): Origin;
}

/** Whether `path` is `entry` or a member below it (`req.body.apiKey` under `req.body`), also under `this.`. */
function pathMatches(entries: ReadonlySet<string>, path: string): boolean {
  const bare = path.startsWith("this.") ? path.slice(5) : path;
  for (const candidate of [path, bare]) {
    if (entries.has(candidate)) return true;
    for (let i = candidate.indexOf("."); i > 0; i = candidate.indexOf(".", i + 1)) if (entries.has(candidate.slice(0, i))) return true;
  }
  return false;
}

export function createOriginAnalysis(sourceCode: Readonly<TSESLint.SourceCode>, options: OriginOptions = {}): OriginAnalysis {
  const loaders = new Set(options.secretLoaders ?? []);
  const userSources = new Set(options.userKeySources ?? []);
  /** Objects are read leniently: a literal the file puts in one is found whatever else it holds. */
  const reader = objectReader(sourceCode, "lenient");

  /** Whether `node` names one of `names` exported by any module (keyguard's, or a module re-exporting it). */
  function isExportNamed(node: TSESTree.Node, names: ReadonlySet<string>): boolean {
    return moduleRefs(sourceCode, node).some((ref) => ref.member === undefined && ref.export !== undefined && names.has(ref.export));
  }

  /** Whether `node` is (a name bound once to) a call of keyguard's `defineSecretSource` or `rotatingSecret`. */
  function yieldsKeyguardFactory(node: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): boolean {
    if (depth > MAX_DEPTH) return false;
    let n = unwrap(node);
    if (n.type === AST_NODE_TYPES.AwaitExpression) n = unwrap(n.argument);
    if (n.type === AST_NODE_TYPES.CallExpression) return isExportNamed(unwrap(n.callee), KEYGUARD_FACTORIES);
    if (n.type !== AST_NODE_TYPES.Identifier) return false;
    const init = assignedOnceInit(n, sourceCode.getScope(n));
    if (!init || seen.has(init)) return false;
    seen.add(init);
    return yieldsKeyguardFactory(init, depth + 1, seen);
  }

  /** Whether a call is a secret loader: keyguard's (imported), a keyguard loader's method, or the user's. */
  function isLoaderCall(node: TSESTree.CallExpression, depth: number, seen: Set<TSESTree.Node>): boolean {
    const callee = unwrap(node.callee);
    const path = memberPath(callee);
    if (path !== undefined && (loaders.has(path) || (path.startsWith("this.") && loaders.has(path.slice(5))))) return true;
    if (isExportNamed(callee, KEYGUARD_LOADERS)) return true;
    // rotatingSecret(…).get() / .provider() / .refresh(), directly or through a name.
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee.property, callee.computed);
      if (method !== undefined && ROTATING_METHODS.has(method) && yieldsKeyguardFactory(callee.object, depth, seen)) return true;
    }
    // defineSecretSource(fetch)() through a name.
    return yieldsKeyguardFactory(callee, depth, seen);
  }

  /** The return values of a function (not of functions nested in it); `undefined` when the body is too large to search. */
  function returnedValues(fn: TSESTree.FunctionLike): TSESTree.Node[] | undefined {
    if (!fn.body) return undefined;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
    const out: TSESTree.Node[] = [];
    let count = 0;
    const visit = (node: TSESTree.Node) => {
      if (++count > MAX_BODY_NODES) return;
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
    return count > MAX_BODY_NODES ? undefined : out;
  }

  function functionOrigin(fn: TSESTree.FunctionLike, depth: number, seen: Set<TSESTree.Node>): Origin {
    if (seen.has(fn)) return UNKNOWN;
    seen.add(fn);
    const values = returnedValues(fn);
    if (!values || values.length === 0) return UNKNOWN;
    return combine(values.map((v) => (v.type === AST_NODE_TYPES.ReturnStatement ? NONE : origin(v, depth + 1, seen))));
  }

  /** A value of a configured user key source (`userKeySources`). */
  function isUserKey(node: TSESTree.Node): boolean {
    if (userSources.size === 0) return false;
    let n = unwrap(node);
    if (n.type === AST_NODE_TYPES.AwaitExpression) n = unwrap(n.argument);
    const path = memberPath(n.type === AST_NODE_TYPES.CallExpression ? n.callee : n);
    return path !== undefined && pathMatches(userSources, path);
  }

  function origin(node: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): Origin {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const n = unwrap(node);
    const found = directOrigin(n, depth, seen);
    return found.kind === "unknown" && isUserKey(n) ? SOURCE : found;
  }

  function directOrigin(n: TSESTree.Node, depth: number, seen: Set<TSESTree.Node>): Origin {
    switch (n.type) {
      case AST_NODE_TYPES.Literal:
        return isEmptyValue(n) ? NONE : { kind: "literal", node: n };
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.BinaryExpression: {
        if (n.type === AST_NODE_TYPES.TemplateLiteral && isEmptyValue(n)) return NONE;
        if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator !== "+") return UNKNOWN;
        const parts: TSESTree.Node[] = n.type === AST_NODE_TYPES.TemplateLiteral ? n.expressions : [n.left, n.right];
        const origins = parts.map((p) => origin(p, depth + 1, seen));
        // `${process.env.X ?? "…"}`: the fallback is the template's, whatever it is joined to.
        const fallback = origins.find((o) => o.kind === "literal" && o.fallback);
        if (fallback) return fallback;
        // `Bearer ${process.env.X}`: a secret joined to fixed text is still the secret.
        if (origins.some((o) => o.kind === "source")) return SOURCE;
        if (origins.some((o) => o.kind === "unknown")) return UNKNOWN;
        return { kind: "literal", node: n };
      }
      case AST_NODE_TYPES.Identifier: {
        if (n.name === "undefined" && isGlobal(n, sourceCode.getScope(n))) return NONE;
        if (isEnvRead(n, sourceCode)) return SOURCE;
        return identifierOrigin(n, depth, seen);
      }
      case AST_NODE_TYPES.MemberExpression: {
        if (isEnvRead(n, sourceCode)) return SOURCE;
        const value = memberValue(n, reader);
        return value ? origin(value, depth + 1, seen) : UNKNOWN;
      }
      case AST_NODE_TYPES.CallExpression: {
        if (isEnvRead(n, sourceCode) || isLoaderCall(n, depth, seen)) return SOURCE;
        const callee = unwrap(n.callee);
        const argument = n.arguments[0];
        // The brand's escape hatch (imported from keyguard/secret) and global `String(…)` pass their argument through.
        if (argument && (isExportNamed(callee, UNSAFE) || (callee.type === AST_NODE_TYPES.Identifier && PASS_THROUGH.has(callee.name) && isGlobal(callee, sourceCode.getScope(callee))))) {
          return origin(argument, depth + 1, seen);
        }
        const fn = localFunction(callee, sourceCode);
        if (fn) return functionOrigin(fn, depth, seen);
        // `(process.env.X ?? "…").trim()`: a string method's result comes from where its string does.
        if (callee.type === AST_NODE_TYPES.MemberExpression && STRING_METHODS.has(propertyName(callee.property, callee.computed) ?? "")) {
          return origin(callee.object, depth + 1, seen);
        }
        return UNKNOWN;
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
    const variable = singleVariable(id, sourceCode.getScope(id));
    if (!variable) return UNKNOWN;
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
    if (def.type !== "Variable" || !def.node.init || !isAssignedOnce(variable)) return UNKNOWN;
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
      if (isEnvContainer(init, sourceCode)) return SOURCE;
      const key = staticPropertyName(property.key, property.computed, () => sourceCode.getScope(property));
      const prop = key === undefined ? undefined : objectProperty(init, key, reader);
      if (prop) return origin(prop.value, depth + 1, seen);
      // `const { apiKey } = req.body` with `userKeySources: ["req.body"]`
      return isUserKey(init) ? SOURCE : UNKNOWN;
    }
    return UNKNOWN;
  }

  return { origin: (node) => origin(node, 0, new Set()) };
}

/** keyguard's escape hatch: `unsafeSecretString(value)` is `value`. */
const UNSAFE = new Set(["unsafeSecretString"]);
