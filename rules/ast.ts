/**
 * Small AST helpers shared by the rules: static string values and the names that hold a value.
 * Static evaluation here is deliberately narrow (literals, templates, `+`, and `const` bindings in
 * the same file) and bounded in depth, so that a hostile file cannot make a lint run slow.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

const MAX_DEPTH = 8;

/** The `const` initialiser an identifier is bound to in this file, if any. */
export function constInit(id: TSESTree.Identifier, scope: TSESLint.Scope.Scope): TSESTree.Expression | undefined {
  const variable = ASTUtils.findVariable(scope, id);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== "Variable" || def.parent.kind !== "const") return undefined;
  if (def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
  return def.node.init;
}

/** A scope, or a function that looks it up: callers on hot paths look it up only when a name needs it. */
export type ScopeSource = TSESLint.Scope.Scope | (() => TSESLint.Scope.Scope);

/**
 * The string value of `node` when the file alone determines it: string and number literals,
 * template literals whose expressions are static, `+` of static operands, and identifiers bound
 * by `const` to any of these. `undefined` otherwise.
 */
export function staticString(
  node: TSESTree.Node,
  scope: ScopeSource,
  depth = 0,
): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === "string" ? node.value : typeof node.value === "number" ? String(node.value) : undefined;
    case AST_NODE_TYPES.TemplateLiteral: {
      let out = node.quasis[0]?.value.cooked ?? undefined;
      if (out === undefined) return undefined;
      for (let i = 0; i < node.expressions.length; i++) {
        const part = staticString(node.expressions[i]!, scope, depth + 1);
        const next = node.quasis[i + 1]?.value.cooked;
        if (part === undefined || next == null) return undefined;
        out += part + next;
      }
      return out;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== "+") return undefined;
      const left = staticString(node.left, scope, depth + 1);
      if (left === undefined) return undefined;
      const right = staticString(node.right, scope, depth + 1);
      return right === undefined ? undefined : left + right;
    }
    case AST_NODE_TYPES.Identifier: {
      const resolved = typeof scope === "function" ? scope() : scope;
      const init = constInit(node, resolved);
      return init ? staticString(init, resolved, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return staticString(node.expression, scope, depth + 1);
    default:
      return undefined;
  }
}

/** The name of a property key or member property, when it is written statically. */
export function propertyName(
  key: TSESTree.Expression | TSESTree.PrivateIdentifier,
  computed: boolean,
): string | undefined {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === "string") return key.value;
  return undefined;
}

/**
 * The identifier name that `node` is bound to or stored under: the variable it initialises, the
 * property it is the value of, the target it is assigned to, the parameter it defaults, the JSX
 * attribute it sets, or the environment variable it is a fallback for (`process.env.X ?? "…"`).
 */
export function bindingName(node: TSESTree.Node): string | undefined {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  // Look through wrappers that do not change what the value is: `"…" as const`, `x ?? "…"`.
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.LogicalExpression ||
      parent.type === AST_NODE_TYPES.ConditionalExpression)
  ) {
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child) {
      const envName = envVarName(parent.left);
      if (envName) return envName;
    }
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === child) return undefined;
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.Property:
      return parent.value === child ? propertyName(parent.key, parent.computed) : undefined;
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === child ? propertyName(parent.key, parent.computed) : undefined;
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right !== child) return undefined;
      if (parent.left.type === AST_NODE_TYPES.Identifier) return parent.left.name;
      if (parent.left.type === AST_NODE_TYPES.MemberExpression) return propertyName(parent.left.property, parent.left.computed);
      return undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.right === child && parent.left.type === AST_NODE_TYPES.Identifier ? parent.left.name : undefined;
    case AST_NODE_TYPES.JSXAttribute:
      return parent.name.type === AST_NODE_TYPES.JSXIdentifier ? parent.name.name : undefined;
    default:
      return undefined;
  }
}

/** `X` for `process.env.X`, `process.env["X"]`, `import.meta.env.X`; `undefined` otherwise. */
export function envVarName(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = propertyName(node.property, node.computed);
  return name !== undefined && isEnvObject(node.object) ? name : undefined;
}

/** `node` without the wrappers that do not change its value: `as`, `satisfies`, `!`, `<T>x`, `?.` chains, `(0, x)`. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  for (;;) {
    if (
      n.type === AST_NODE_TYPES.TSAsExpression ||
      n.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      n.type === AST_NODE_TYPES.TSNonNullExpression ||
      n.type === AST_NODE_TYPES.TSTypeAssertion ||
      n.type === AST_NODE_TYPES.ChainExpression
    ) {
      n = n.expression;
    } else if (n.type === AST_NODE_TYPES.SequenceExpression && n.expressions.length > 0) {
      n = n.expressions[n.expressions.length - 1]!; // `(0, x.y)(…)`, as bundlers write calls
    } else return n;
  }
}

/** `process.env`, `import.meta.env`, `Bun.env`. */
export function isEnvObject(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type !== AST_NODE_TYPES.MemberExpression || propertyName(n.property, n.computed) !== "env") return false;
  const root = n.object;
  return (
    (root.type === AST_NODE_TYPES.Identifier && (root.name === "process" || root.name === "Bun")) ||
    root.type === AST_NODE_TYPES.MetaProperty
  );
}

/** The initialiser of a `const`, or of a `let`/`var` never reassigned, that `id` names (identifier patterns only). */
export function onlyInit(sourceCode: Readonly<TSESLint.SourceCode>, id: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== "Variable" || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
  if (def.parent.kind !== "const" && !variable.references.every((r) => !r.isWrite() || r.init === true)) return undefined;
  return def.node.init;
}

/** The name of a callee: `CohereClient` for `new CohereClient()`, `createMistral` for `ai.createMistral()`. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return propertyName(callee.property, callee.computed);
  return undefined;
}

/**
 * For a value passed as an option of a client constructor or factory (`new CohereClient({ token: "…" })`,
 * `createMistral({ apiKey: "…" })`): the callee's name, the option's name, and the string values of
 * the sibling options (a `baseURL` says which provider an OpenAI-compatible client talks to).
 * `undefined` for anything else.
 */
export function clientOption(node: TSESTree.Node): { callee: string; option: string; siblings: string[] } | undefined {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== child) return undefined;
  const option = propertyName(parent.key, parent.computed);
  const object = parent.parent;
  if (option === undefined || object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const call = object.parent;
  if (call?.type !== AST_NODE_TYPES.NewExpression && call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (!call.arguments.includes(object)) return undefined;
  const callee = calleeName(call.callee);
  if (callee === undefined) return undefined;
  const siblings: string[] = [];
  for (const p of object.properties) {
    if (p === parent || p.type !== AST_NODE_TYPES.Property || p.value.type !== AST_NODE_TYPES.Literal) continue;
    if (typeof p.value.value === "string" && p.value.value.length <= 200) siblings.push(p.value.value);
  }
  return { callee, option, siblings };
}
