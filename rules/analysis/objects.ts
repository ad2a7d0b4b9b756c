/**
 * Objects: which properties an object expression holds, as far as the file shows. Object literals
 * (spreads, accessors, computed names the file determines), names bound once, members of such
 * objects (`C.keys`), `Object.freeze(…)`, `Object.assign(…)`, and the writes the file makes into
 * an object bound to a name (`o.apiKey = …`, `o[K] = …`, `Object.assign(o, …)`).
 *
 * One traversal, two readings:
 * - `"lenient"`: what the file shows, the last write winning. A spread, `Object.assign` source or
 *   computed name the file does not determine is skipped; a write into a bound object counts when
 *   it comes before the use. For rules that look for what a file puts into an object (a key in a
 *   client's options, a secret in a build's `define`).
 * - `"sound"`: a property is known only when nothing else can replace it. A spread, source or
 *   computed name the file does not determine makes every property written before it unknown; an
 *   accessor is unknown; any write into a bound object after it was created (`o.a = …`,
 *   `o.a += …`, `o.a++`, `delete o.a`, `o.a.b = …`, `Object.assign(o, …)`) makes the properties it
 *   writes unknown, wherever it is. For values the file is said to hold (`staticString`'s members
 *   of constant objects).
 *
 * Neither reading sees writes made through another name (an alias, a function the object is
 * passed to). Depth is bounded by `MAX_DEPTH` from each entry point.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { assignedOnce, isGlobal } from "./bindings.js";
import { staticPropertyName, type ScopeSource } from "./static-value.js";
import { MAX_DEPTH, parentThroughTypeWrappers, propertyName, unwrap } from "./syntax.js";

export type ObjectReading = "sound" | "lenient";

/** How to read objects: the reading, and where names are looked up. */
export interface ObjectReader {
  readonly reading: ObjectReading;
  /** The scope of a name (a function is given the name's node), or one scope for every name. */
  readonly scope: ScopeSource;
}

/** A reader that looks every name up in its own scope. Create one per file and rule, not per node. */
export function objectReader(sourceCode: Readonly<TSESLint.SourceCode>, reading: ObjectReading): ObjectReader {
  return { reading, scope: (node) => sourceCode.getScope(node) };
}

/** A property of an object the file determines. */
export interface ObjectProp {
  /** Its value; for an accessor (`get apiKey() { … }`, lenient reading only), the getter. */
  readonly value: TSESTree.Node;
  /** What writes it: a `Property`, or an assignment made after the object was created (`o.apiKey = …`). */
  readonly property: TSESTree.Node;
  /** The node inside the call's arguments this property was reached through, once it was followed out of them. */
  readonly via: TSESTree.Node | undefined;
}

/**
 * The properties of the object `node` is, as `reader` reads them (sound: only those whose value
 * is known). `undefined` when the expression is no object the file determines. `via` and `depth`
 * continue a traversal out of a call's arguments (see {@link ObjectProp.via}).
 */
export function objectProps(
  node: TSESTree.Node,
  reader: ObjectReader,
  via: TSESTree.Node | undefined = undefined,
  depth = 0,
): Map<string, ObjectProp> | undefined {
  const shape = shapeOf(node, query(reader, undefined), via, depth);
  if (!shape) return undefined;
  // Only the sound reading marks properties unknown (`null`).
  if (reader.reading === "lenient") return shape.props as Map<string, ObjectProp>;
  const props = new Map<string, ObjectProp>();
  for (const [name, prop] of shape.props) if (prop) props.set(name, prop);
  return props;
}

/** Property `name` of the object `node` is, as `reader` reads it; `undefined` when absent or unknown. */
export function objectProperty(node: TSESTree.Node, name: string, reader: ObjectReader, depth = 0): ObjectProp | undefined {
  return shapeOf(node, query(reader, name), undefined, depth)?.props.get(name) ?? undefined;
}

/**
 * The expression a member reads from an object the file determines: `P.head` of
 * `const P = { head: "…" }`, `C.keys.head` through nested objects, `P[K]` with a name the file
 * determines. `undefined` for anything else.
 */
export function memberValue(node: TSESTree.MemberExpression, reader: ObjectReader, depth = 0): TSESTree.Node | undefined {
  // Asked for the member's own name, the traversal of its object starts narrowed to it.
  return memberProp(node, query(reader, propertyName(node.property, node.computed)), depth)?.value;
}

// ---------------------------------------------------------------- traversal

/** One question: a reader, the one property name asked for (`undefined`: all of them), and the steps left. */
interface Query extends ObjectReader {
  readonly only: string | undefined;
  /** Shared by the questions a question asks, so that one traversal ends however the file's objects refer to each other. */
  readonly budget: { left: number };
}

/** How many expressions one question follows at most. */
const MAX_STEPS = 1000;

function query(reader: ObjectReader, only: string | undefined, budget = { left: MAX_STEPS }): Query {
  return { reading: reader.reading, scope: reader.scope, only, budget };
}

/**
 * What a traversal knows of an object: its properties by name (`null`: one the sound reading
 * cannot tell), and whether it may hold properties the file does not show (sound reading only;
 * a name absent from `props` is then unknown, not absent).
 */
interface Shape {
  readonly props: Map<string, ObjectProp | null>;
  open: boolean;
}

function newShape(): Shape {
  return { props: new Map(), open: false };
}

/** Something the file does not show was merged in: under the sound reading, every property known so far may be replaced. */
function unseen(shape: Shape, q: Query): void {
  if (q.reading !== "sound") return;
  shape.props.clear();
  shape.open = true;
}

/** Merges the properties of `inner` into `shape`, as a spread does. */
function merge(shape: Shape, inner: Shape): void {
  if (inner.open) {
    shape.props.clear();
    shape.open = true;
  }
  for (const [name, prop] of inner.props) shape.props.set(name, prop);
}

function scopeOf(scope: ScopeSource, node: TSESTree.Node): TSESLint.Scope.Scope {
  return typeof scope === "function" ? scope(node) : scope;
}

/** `Object.<method>`, the global `Object`. */
function isObjectMethod(callee: TSESTree.Node, method: string, scope: ScopeSource): boolean {
  const n = unwrap(callee);
  if (n.type !== AST_NODE_TYPES.MemberExpression || propertyName(n.property, n.computed) !== method) return false;
  const object = unwrap(n.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === "Object" && isGlobal(object, scopeOf(scope, object));
}

function shapeOf(node: TSESTree.Node, q: Query, via: TSESTree.Node | undefined, depth: number): Shape | undefined {
  if (depth > MAX_DEPTH || q.budget.left-- <= 0) return undefined;
  const n = unwrap(node);
  switch (n.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return literalShape(n, q, via, depth);
    case AST_NODE_TYPES.Identifier:
      return boundShape(n, q, via, depth);
    case AST_NODE_TYPES.MemberExpression: {
      const holder = memberProp(n, q, depth + 1);
      return holder ? shapeOf(holder.value, q, via ?? n, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      if (isObjectMethod(n.callee, "assign", q.scope)) {
        const shape = newShape();
        return mergeSources(n.arguments, q, shape, via, depth, false) ? shape : undefined;
      }
      // `Object.freeze({ … })`: the same object.
      if (n.arguments.length === 1 && isObjectMethod(n.callee, "freeze", q.scope)) return shapeOf(n.arguments[0]!, q, via, depth + 1);
      return undefined;
    }
    default:
      return undefined;
  }
}

function literalShape(n: TSESTree.ObjectExpression, q: Query, via: TSESTree.Node | undefined, depth: number): Shape {
  const shape = newShape();
  for (const p of n.properties) {
    if (p.type === AST_NODE_TYPES.SpreadElement) {
      const inner = shapeOf(p.argument, q, via ?? p, depth + 1);
      if (inner) merge(shape, inner);
      else unseen(shape, q);
      continue;
    }
    const name = staticPropertyName(p.key, p.computed, q.scope);
    if (name === undefined) {
      unseen(shape, q);
      continue;
    }
    if (q.only !== undefined && name !== q.only) continue;
    if (q.reading === "sound" && p.kind !== "init") shape.props.set(name, null);
    else if (p.kind !== "set") shape.props.set(name, { value: p.value, property: p, via });
  }
  return shape;
}

/** The object a name bound once holds, with the writes the file makes into it. */
function boundShape(n: TSESTree.Identifier, q: Query, via: TSESTree.Node | undefined, depth: number): Shape | undefined {
  const bound = assignedOnce(n, scopeOf(q.scope, n));
  if (!bound) return undefined;
  const at = via ?? n;
  const base = shapeOf(bound.init, q, at, depth + 1);
  return q.reading === "sound" ? base && soundWrites(base, bound.variable, q, at, depth) : lenientWrites(base, bound.variable, n, q, at, depth);
}

/** The lenient reading of the writes made before the use `n`: the last one wins. */
function lenientWrites(
  base: Shape | undefined,
  variable: TSESLint.Scope.Variable,
  n: TSESTree.Identifier,
  q: Query,
  via: TSESTree.Node,
  depth: number,
): Shape | undefined {
  let shape = base;
  for (const write of writesInto(variable)) {
    if (write.at >= n.range[0]) break; // writes are in source order
    if (write.kind === "set") {
      shape ??= newShape();
      if (q.only === undefined || write.name === q.only) shape.props.set(write.name, { value: write.value, property: write.node, via });
    } else if (write.kind === "assign") {
      shape ??= newShape();
      mergeSources(write.sources, q, shape, via, depth, false);
    }
  }
  return shape;
}

/** The sound reading of the writes, wherever they are: what they write is unknown. */
function soundWrites(shape: Shape, variable: TSESLint.Scope.Variable, q: Query, via: TSESTree.Node, depth: number): Shape {
  for (const write of writesInto(variable)) {
    if (write.kind === "assign") mergeSources(write.sources, q, shape, via, depth, true);
    else if (write.kind === "unseen" || write.name === undefined) unseen(shape, q);
    else if (q.only === undefined || write.name === q.only) shape.props.set(write.name, null);
  }
  return shape;
}

/**
 * Adds the properties of the objects `sources` to `shape`, as `Object.assign` does; whether any of
 * them is an object the file determines. `overwrite`: the sources are written into an object after
 * it was created, so that the properties they write are unknown.
 */
function mergeSources(
  sources: readonly TSESTree.CallExpressionArgument[],
  q: Query,
  shape: Shape,
  via: TSESTree.Node | undefined,
  depth: number,
  overwrite: boolean,
): boolean {
  let any = false;
  for (const source of sources) {
    const inner = source.type === AST_NODE_TYPES.SpreadElement ? undefined : shapeOf(source, q, via, depth + 1);
    if (!inner) {
      unseen(shape, q);
      continue;
    }
    any = true;
    if (!overwrite) {
      merge(shape, inner);
      continue;
    }
    if (inner.open) unseen(shape, q);
    for (const name of inner.props.keys()) shape.props.set(name, null);
  }
  return any;
}

/**
 * The property a member reads. A name written in the member narrows the traversal to it; a computed
 * one is resolved only once the object is known, so that `parts[i]` of an array costs no lookup of `i`.
 */
function memberProp(n: TSESTree.MemberExpression, q: Query, depth: number): ObjectProp | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const written = propertyName(n.property, n.computed);
  const object = shapeOf(n.object, written === q.only ? q : query(q, written, q.budget), undefined, depth + 1);
  if (!object) return undefined;
  const name = written ?? staticPropertyName(n.property, n.computed, q.scope);
  return name === undefined ? undefined : (object.props.get(name) ?? undefined);
}

// ---------------------------------------------------------------- writes into a bound object

/** A write into an object bound to a name, after the object was created. */
type LaterWrite =
  /** `o.apiKey = …` */
  | { readonly kind: "set"; readonly at: number; readonly name: string; readonly value: TSESTree.Node; readonly node: TSESTree.Node }
  /** `o.apiKey += …`, `o.n++`, `delete o.apiKey`, `o.apiKey.x = …`; `name` undefined for a computed name the file does not determine. */
  | { readonly kind: "change"; readonly at: number; readonly name: string | undefined }
  /** `Object.assign(o, …)` */
  | { readonly kind: "assign"; readonly at: number; readonly sources: readonly TSESTree.CallExpressionArgument[] }
  /** More writes than are followed. */
  | { readonly kind: "unseen"; readonly at: number };

/** How many writes into one object are followed. */
const MAX_WRITES = 64;
const UNSEEN_WRITES: LaterWrite = { kind: "unseen", at: Infinity };
/** Writes by variable: a variable's references are read once per file, whatever the number of uses of it. */
const writesByVariable = new WeakMap<TSESLint.Scope.Variable, readonly LaterWrite[]>();

/** The writes into the object `variable` holds, in source order. */
function writesInto(variable: TSESLint.Scope.Variable): readonly LaterWrite[] {
  const known = writesByVariable.get(variable);
  if (known) return known;
  const writes: LaterWrite[] = [];
  let more = false;
  for (const reference of variable.references) {
    if (reference.init || reference.isWrite()) continue;
    const write = writeAt(reference);
    if (!write) continue;
    if (writes.length >= MAX_WRITES) {
      more = true;
      break;
    }
    writes.push(write);
  }
  writes.sort((a, b) => a.at - b.at);
  if (more) writes.push(UNSEEN_WRITES);
  writesByVariable.set(variable, writes);
  return writes;
}

/** The write a reference to an object makes into it, if any. */
function writeAt(reference: TSESLint.Scope.Reference): LaterWrite | undefined {
  const at = reference.identifier.range[0];
  const { child, parent } = parentThroughTypeWrappers(reference.identifier as TSESTree.Node);
  if (parent?.type === AST_NODE_TYPES.CallExpression) {
    return parent.arguments[0] === child && isObjectMethod(parent.callee, "assign", reference.from)
      ? { kind: "assign", at, sources: parent.arguments.slice(1) }
      : undefined;
  }
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== child) return undefined;
  // The end of the member chain `o.a.b…`, and what holds it.
  let up = parentThroughTypeWrappers(parent);
  while (up.parent?.type === AST_NODE_TYPES.MemberExpression && up.parent.object === up.child) up = parentThroughTypeWrappers(up.parent);
  const { child: target, parent: holder } = up;
  const assigned = holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left === target;
  if (
    !assigned &&
    !(holder?.type === AST_NODE_TYPES.UpdateExpression && holder.argument === target) &&
    !(holder?.type === AST_NODE_TYPES.UnaryExpression && holder.operator === "delete" && holder.argument === target)
  ) {
    return undefined;
  }
  const name = staticPropertyName(parent.property, parent.computed, reference.from);
  if (assigned && holder.operator === "=" && unwrap(target) === parent && name !== undefined) {
    return { kind: "set", at, name, value: holder.right, node: holder };
  }
  return { kind: "change", at, name };
}
