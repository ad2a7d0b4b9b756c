/**
 * Within-file value flow: whether an expression carries a value from a source (a secret), looking
 * through local variables (every write of them), template literals, `+` concatenation, object and
 * array literals, spreads, destructuring, property reads of literal objects, conditionals, `await`,
 * and the calls that pass a string through (`String(x)`, `x.trim()`, `JSON.stringify(x)`). Not
 * whole-program taint: parameters, imports, and the results of other calls carry nothing, and an
 * object mutated after its literal (`o.k = secret`) is not followed.
 *
 * The rule says what a source is (`source`, `sourceProperty`) and what cleans a value
 * (`sanitizer`); this module only walks. Depth and visited variables are bounded, so a hostile
 * file cannot make it slow.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { createRequire } from "node:module";
import type * as ts from "typescript";
import { propertyName, unwrap } from "./syntax.js";

const MAX_DEPTH = 12;

/** Where a traced value came from. */
export interface FlowSource<K extends string = string> {
  readonly kind: K;
  /** The expression that is the source (`process.env.OPENAI_API_KEY`, `secretFromEnv("…")`). */
  readonly node: TSESTree.Node;
  /** What the rule wants to remember of it (a client's id, a variable's name). */
  readonly label?: string;
}

export interface FlowOptions<K extends string> {
  /** The source a node is by itself, if it is one (called on every node the walk reaches). */
  source(node: TSESTree.Node): FlowSource<K> | undefined;
  /**
   * The source that reading property `name` of `object` gives, when `object` is no object literal
   * of the file: `process.env` and `"OPENAI_API_KEY"`, a client and `"apiKey"`.
   */
  sourceProperty?(object: TSESTree.Node, name: string, read: TSESTree.Node): FlowSource<K> | undefined;
  /** Calls whose result carries nothing of their arguments (`mask(key)`). */
  sanitizer?(call: TSESTree.CallExpression): boolean;
}

/** Global functions whose result carries their arguments. */
const PASS_FUNCTIONS = new Set(["String", "encodeURIComponent", "encodeURI", "btoa", "structuredClone", "escape"]);
/** `Object.x(…)` / `JSON.x(…)` / `Buffer.x(…)` calls whose result carries their arguments. */
const PASS_STATICS: Readonly<Record<string, ReadonlySet<string>>> = {
  JSON: new Set(["stringify", "parse"]),
  Object: new Set(["assign", "entries", "values", "fromEntries", "freeze"]),
  Buffer: new Set(["from"]),
  Array: new Set(["from", "of"]),
};
/** Methods whose result carries their receiver (and, for `concat`, their arguments). */
const PASS_METHODS = new Set([
  "toString", "valueOf", "trim", "trimStart", "trimEnd", "toUpperCase", "toLowerCase", "normalize",
  "padStart", "padEnd", "concat", "split", "join", "replace", "replaceAll", "toJSON", "map",
]);
/** Constructors whose instance prints its argument. */
const PASS_CONSTRUCTORS = new Set(["URL", "URLSearchParams", "String"]);

export interface Flow<K extends string> {
  /** The first source `node`'s value may carry, or `undefined`. */
  trace(node: TSESTree.Node): FlowSource<K> | undefined;
}

/** Whether `id` refers to a global (a name no declaration of the file binds). */
export function isGlobalName(sourceCode: Readonly<TSESLint.SourceCode>, id: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  return !variable || variable.defs.length === 0;
}

export function createFlow<K extends string>(sourceCode: Readonly<TSESLint.SourceCode>, options: FlowOptions<K>): Flow<K> {
  /** Variables on the current path: a variable defined through itself (`x = x + y`) is read once. */
  const visiting = new Set<TSESLint.Scope.Variable>();

  function trace(node: TSESTree.Node, depth: number): FlowSource<K> | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const own = options.source(node);
    if (own) return own;
    const n = unwrap(node);
    if (n !== node) return trace(n, depth + 1);
    switch (n.type) {
      case AST_NODE_TYPES.Identifier:
        return traceVariable(n, depth);
      case AST_NODE_TYPES.TemplateLiteral:
        return first(n.expressions, depth);
      case AST_NODE_TYPES.BinaryExpression:
        return n.operator === "+" ? first([n.left, n.right], depth) : undefined;
      case AST_NODE_TYPES.LogicalExpression:
        // `a && b` is `b` unless `a` is falsy (an empty key leaks nothing).
        return n.operator === "&&" ? trace(n.right, depth + 1) : first([n.left, n.right], depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return first([n.consequent, n.alternate], depth);
      case AST_NODE_TYPES.ObjectExpression: {
        for (const p of n.properties) {
          const value = p.type === AST_NODE_TYPES.SpreadElement ? p.argument : p.kind === "init" ? p.value : undefined;
          const found = value && trace(value, depth + 1);
          if (found) return found;
        }
        return undefined;
      }
      case AST_NODE_TYPES.ArrayExpression:
        return first(n.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => e !== null), depth);
      case AST_NODE_TYPES.SpreadElement:
      case AST_NODE_TYPES.AwaitExpression:
        return trace(n.argument!, depth + 1);
      case AST_NODE_TYPES.AssignmentExpression:
        return trace(n.right, depth + 1);
      case AST_NODE_TYPES.MemberExpression:
        return traceMember(n, depth);
      case AST_NODE_TYPES.CallExpression:
        return traceCall(n, depth);
      case AST_NODE_TYPES.NewExpression:
        return n.callee.type === AST_NODE_TYPES.Identifier && PASS_CONSTRUCTORS.has(n.callee.name) && isGlobalName(sourceCode, n.callee)
          ? first(n.arguments, depth)
          : undefined;
      default:
        return undefined;
    }
  }

  function first(nodes: readonly TSESTree.Node[], depth: number): FlowSource<K> | undefined {
    for (const node of nodes) {
      const found = trace(node, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  function traceVariable(id: TSESTree.Identifier, depth: number): FlowSource<K> | undefined {
    const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
    if (!variable || variable.defs.length === 0 || visiting.has(variable)) return undefined;
    visiting.add(variable);
    try {
      for (const def of variable.defs) {
        if (def.type !== "Variable" || !def.node.init) continue;
        const found = def.node.id.type === AST_NODE_TYPES.Identifier ? trace(def.node.init, depth + 1) : traceDestructured(def.node.id, def.node.init, def.name, depth);
        if (found) return found;
      }
      for (const ref of variable.references) {
        if (!ref.isWrite() || ref.init || !ref.writeExpr) continue;
        const found = trace(ref.writeExpr, depth + 1);
        if (found) return found;
      }
      return undefined;
    } finally {
      visiting.delete(variable);
    }
  }

  /** The value `name` gets in `const { a: { b: name } } = init` / `const [name] = init`. */
  function traceDestructured(pattern: TSESTree.Node, init: TSESTree.Node, name: TSESTree.Identifier, depth: number): FlowSource<K> | undefined {
    const path = patternPath(pattern, name);
    if (!path) return undefined;
    let value: TSESTree.Node = init;
    for (let i = 0; i < path.length; i++) {
      const step = path[i]!;
      if (step === "*") return trace(value, depth + 1); // array element or rest: carries what the whole carries
      const prop = literalProperty(value, step, depth);
      if (prop === undefined) {
        // Not a literal object of the file: ask the rule (`const { OPENAI_API_KEY } = process.env`).
        return i === path.length - 1 ? options.sourceProperty?.(value, step, name) : undefined;
      }
      if (prop === null) return undefined;
      value = prop;
    }
    return trace(value, depth + 1);
  }

  function traceMember(n: TSESTree.MemberExpression, depth: number): FlowSource<K> | undefined {
    const name = propertyName(n.property, n.computed);
    if (name === undefined) return undefined;
    const prop = literalProperty(n.object, name, depth);
    if (prop === null) return undefined;
    if (prop) return trace(prop, depth + 1);
    return options.sourceProperty?.(n.object, name, n);
  }

  /**
   * The value of property `name` of `node` when `node` is (a `const` bound to) an object literal of
   * the file: the node, `null` when the literal has no such property, `undefined` when `node` is no
   * object literal.
   */
  function literalProperty(node: TSESTree.Node, name: string, depth: number): TSESTree.Node | null | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(n), n);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!def || def.type !== "Variable" || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
      if (!variable!.references.every((r) => !r.isWrite() || r.init === true)) return undefined;
      return literalProperty(def.node.init, name, depth + 1);
    }
    if (n.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    let found: TSESTree.Node | null = null;
    for (const p of n.properties) {
      if (p.type === AST_NODE_TYPES.SpreadElement) {
        const inner = literalProperty(p.argument, name, depth + 1);
        // A spread of something unknown may hold the property: it carries what the spread carries.
        if (inner === undefined) found = p.argument;
        else if (inner !== null) found = inner;
        continue;
      }
      if (p.kind === "init" && propertyName(p.key, p.computed) === name) found = p.value;
    }
    return found;
  }

  function traceCall(n: TSESTree.CallExpression, depth: number): FlowSource<K> | undefined {
    if (options.sanitizer?.(n)) return undefined;
    const callee = unwrap(n.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      return PASS_FUNCTIONS.has(callee.name) && isGlobalName(sourceCode, callee) ? first(n.arguments, depth) : undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = propertyName(callee.property, callee.computed);
    if (method === undefined) return undefined;
    const object = unwrap(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier && PASS_STATICS[object.name]?.has(method) && isGlobalName(sourceCode, object)) {
      return first(n.arguments, depth);
    }
    if (!PASS_METHODS.has(method)) return undefined;
    if (method === "map") return undefined; // `xs.map(f)` carries what `f` returns: not followed
    return trace(callee.object, depth + 1) ?? (method === "concat" ? first(n.arguments, depth) : undefined);
  }

  return { trace: (node) => trace(node, 0) };
}

/**
 * The property path from a destructuring pattern to `name`: `{ a: { b: name } }` → `["a", "b"]`;
 * `"*"` for an array element or a rest element. `undefined` when `name` is not in it or a key is
 * computed.
 */
function patternPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | undefined {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return pattern === name ? [] : undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      return patternPath(pattern.left, name);
    case AST_NODE_TYPES.RestElement: {
      const inner = patternPath(pattern.argument, name);
      return inner && ["*", ...inner];
    }
    case AST_NODE_TYPES.ObjectPattern:
      for (const p of pattern.properties) {
        if (p.type === AST_NODE_TYPES.RestElement) {
          const inner = patternPath(p.argument, name);
          if (inner) return ["*", ...inner];
          continue;
        }
        const inner = patternPath(p.value, name);
        if (!inner) continue;
        const key = propertyName(p.key, p.computed);
        return key === undefined ? undefined : [key, ...inner];
      }
      return undefined;
    case AST_NODE_TYPES.ArrayPattern:
      for (const e of pattern.elements) {
        const inner = e && patternPath(e, name);
        if (inner) return ["*", ...inner];
      }
      return undefined;
    default:
      return undefined;
  }
}

let objectFlag: number | undefined;
/** `ts.TypeFlags.Object`, read from the installed TypeScript (its value differs between versions); only called where a program exists. */
function objectTypeFlag(): number {
  objectFlag ??= (createRequire(import.meta.url)("typescript") as typeof ts).TypeFlags.Object;
  return objectFlag;
}

const MAX_TYPE_DEPTH = 3;
const MAX_TYPE_PROPERTIES = 64;

/**
 * Whether a value of `type` holds a secret: the type is one (`isSecret`), or a union member, an
 * array element, a tuple element or a property of it is, down to three levels of properties and 64
 * properties per object (large types such as DOM nodes are not walked). Results are cached per type.
 */
export function typeCarries(
  type: ts.Type,
  checker: ts.TypeChecker,
  isSecret: (type: ts.Type) => boolean,
  cache: WeakMap<ts.Type, boolean>,
  depth = 0,
): boolean {
  const cached = cache.get(type);
  if (cached !== undefined) return cached;
  if (depth > MAX_TYPE_DEPTH) return false;
  cache.set(type, false); // a recursive type reaching itself carries nothing new
  let result = isSecret(type);
  if (!result && type.isUnionOrIntersection()) {
    result = type.types.some((t) => typeCarries(t, checker, isSecret, cache, depth));
  }
  if (!result && (checker.isArrayType(type) || checker.isTupleType(type))) {
    result = checker.getTypeArguments(type as ts.TypeReference).some((t) => typeCarries(t, checker, isSecret, cache, depth + 1));
  } else if (!result && (type.flags & objectTypeFlag()) !== 0 && type.getCallSignatures().length === 0) {
    const props = checker.getPropertiesOfType(type);
    if (props.length <= MAX_TYPE_PROPERTIES) {
      for (const prop of props) {
        const propType = checker.getTypeOfSymbol(prop);
        if (typeCarries(propType, checker, isSecret, cache, depth + 1)) {
          result = true;
          break;
        }
      }
    }
  }
  cache.set(type, result);
  return result;
}
