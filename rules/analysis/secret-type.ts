/**
 * Recognises keyguard's `SecretString` in the type checker, by the declaration of its brand: the
 * `unique symbol` declared in keyguard's `secret/brand` module (`src/secret/brand.ts` in keyguard's
 * repository, `dist/src/secret/brand.d.ts` in the installed package). A type of the user's own
 * called `SecretString`, or any other look-alike, does not carry that symbol and does not pass.
 *
 * Loads no TypeScript at module load: the few flags it needs come from the `typescript` module that
 * is, by construction, installed whenever a program (type information) exists.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import type * as ts from "typescript";
import { mask } from "../../src/detect/mask.js";

const MAX_DEPTH = 6;

let tsModule: typeof ts | undefined;
/** The `typescript` module; only called on the type-aware path, where a program proves it is installed. */
export function typescript(): typeof ts {
  tsModule ??= createRequire(import.meta.url)("typescript") as typeof ts;
  return tsModule;
}

/** Package roots by directory: the directory of the nearest package.json named "keyguard", or `null`. */
export type RootCache = Map<string, string | null>;

/**
 * One cache of package roots per type checker. A program lives as long as its files are unchanged:
 * an editor server makes a new program (and checker) after an edit, and with it a new cache, so a
 * package.json that changes is read again instead of being remembered for the life of the process.
 */
const rootCaches = new WeakMap<ts.TypeChecker, RootCache>();
function rootsOf(checker: ts.TypeChecker): RootCache {
  let cache = rootCaches.get(checker);
  if (!cache) {
    cache = new Map();
    rootCaches.set(checker, cache);
  }
  return cache;
}

/** Package root (directory of the nearest package.json named "keyguard") of a file. */
function keyguardRoot(fileName: string, cache: RootCache): string | undefined {
  const seen: string[] = [];
  let dir = dirname(fileName);
  let found: string | null = null;
  for (;;) {
    const cached = cache.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    seen.push(dir);
    let name: unknown;
    try {
      name = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown }).name;
    } catch {
      name = undefined; // no package.json here (or an unreadable one): keep looking upwards
    }
    if (name !== undefined) {
      found = name === "keyguard" ? dir : null;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of seen) cache.set(d, found);
  return found ?? undefined;
}

/**
 * The path of `fileName` inside keyguard's package, with `/` separators, or `undefined` outside it.
 * `cache`: the package roots already found (a fresh one when left out).
 */
function keyguardPath(fileName: string, cache: RootCache = new Map()): string | undefined {
  const root = keyguardRoot(fileName, cache);
  if (root === undefined) return undefined;
  const rel = relative(root, fileName).split(sep).join("/");
  return rel.startsWith("node_modules/") ? undefined : rel;
}

const BRAND_FILES = new Set(["src/secret/brand.ts", "dist/src/secret/brand.d.ts"]);
const SECRET_DIRS = ["src/secret/", "dist/src/secret/"];

/** Whether `fileName` is keyguard's brand module (source or built declarations). */
export function isBrandFile(fileName: string, cache?: RootCache): boolean {
  const rel = keyguardPath(fileName, cache);
  return rel !== undefined && BRAND_FILES.has(rel);
}

/** Whether `fileName` is part of keyguard's `keyguard/secret` module (source or built declarations). */
function isSecretModuleFile(fileName: string, cache?: RootCache): boolean {
  const rel = keyguardPath(fileName, cache);
  return rel !== undefined && SECRET_DIRS.some((d) => rel.startsWith(d));
}

/** Whether a property symbol is the `[secretStringBrand]` member declared in keyguard's brand module. */
function isBrandProperty(prop: ts.Symbol, checker: ts.TypeChecker): boolean {
  const decls = prop.declarations ?? [];
  const cache = rootsOf(checker);
  return decls.length > 0 && decls.every((d) => isBrandFile(d.getSourceFile().fileName, cache));
}

function isStringLike(type: ts.Type): boolean {
  return (type.flags & typescript().TypeFlags.StringLike) !== 0;
}

/** Replaces a type parameter by its constraint (`T extends SecretString` counts as a SecretString). */
function resolveParameter(type: ts.Type, checker: ts.TypeChecker): ts.Type {
  if (type.isTypeParameter()) return checker.getBaseConstraintOfType(type) ?? type;
  return type;
}

/**
 * Whether `type` is keyguard's SecretString: a string intersected with the brand, directly or
 * through a type parameter's constraint. A union is one only if every member is (so
 * `SecretString | undefined` is not).
 */
export function isSecretString(type: ts.Type, checker: ts.TypeChecker, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  type = resolveParameter(type, checker);
  if (type.isUnion()) return type.types.every((t) => isSecretString(t, checker, depth + 1));
  if (!type.isIntersection()) return false;
  let stringPart = false;
  let brand = false;
  for (const part of type.types) {
    if (isStringLike(part)) stringPart = true;
    else if (part.getProperties().some((p) => isBrandProperty(p, checker))) brand = true;
  }
  return stringPart && brand;
}

/** Whether `type`, or any member of it when it is a union or intersection, carries the brand. */
export function mentionsSecretString(type: ts.Type, checker: ts.TypeChecker, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  type = resolveParameter(type, checker);
  if (isSecretString(type, checker, depth)) return true;
  if (type.isUnionOrIntersection()) return type.types.some((t) => mentionsSecretString(t, checker, depth + 1));
  return false;
}

/** `T` for `Promise<T>` / `PromiseLike<T>` / any thenable; the type itself otherwise. */
function awaited(type: ts.Type, checker: ts.TypeChecker): ts.Type {
  return checker.getAwaitedType(type) ?? type;
}

/**
 * Whether `type` is a function (every call signature of it) returning `SecretString` or
 * `Promise<SecretString>`, such as `rotatingSecret(...).provider()`.
 */
function isSecretProvider(type: ts.Type, checker: ts.TypeChecker): boolean {
  const signatures = resolveParameter(type, checker).getCallSignatures();
  if (signatures.length === 0) return false;
  return signatures.every((s) => isSecretString(awaited(s.getReturnType(), checker), checker));
}

/**
 * Whether a value of `type` may reach a key option: a SecretString, a function returning one
 * (or a promise of one), or a union whose every member is one of those.
 */
export function isSecretValue(type: ts.Type, checker: ts.TypeChecker, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  type = resolveParameter(type, checker);
  if (isSecretString(type, checker) || isSecretProvider(type, checker)) return true;
  if (type.isUnion()) return type.types.every((t) => isSecretValue(t, checker, depth + 1));
  return false;
}

/** Whether `type` is `any` (the type through which a plain value slips into a branded slot). */
export function isAny(type: ts.Type): boolean {
  return (type.flags & typescript().TypeFlags.Any) !== 0;
}

/** Whether `symbol` (after following import aliases) is declared in keyguard's `keyguard/secret` module under `name`. */
export function isKeyguardSecretExport(symbol: ts.Symbol | undefined, name: string, checker: ts.TypeChecker): boolean {
  if (!symbol) return false;
  const flags = typescript().SymbolFlags;
  const target = symbol.flags & flags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  if (target.getName() !== name) return false;
  const decls = target.declarations ?? [];
  const cache = rootsOf(checker);
  return decls.length > 0 && decls.every((d) => isSecretModuleFile(d.getSourceFile().fileName, cache));
}

/** Quoted literals in a type's text (linear: the alternatives of the loop body are disjoint). */
const QUOTED = /"(?:[^"\\\n]|\\.){0,4096}"|`(?:[^`\\\n]|\\.){0,4096}`/g;

/**
 * The text of `type` for a message, with every string literal type in it of 8 characters or more
 * masked (`"sk-…a1B2"`): a literal type can be the key itself (`"sk-…" as SecretString`).
 */
export function typeName(type: ts.Type, checker: ts.TypeChecker): string {
  const text = checker.typeToString(type);
  return text.replace(QUOTED, (quoted) => {
    const body = quoted.slice(1, -1);
    return body.length < 8 ? quoted : `${quoted[0]}${mask(body)}${quoted[0]}`;
  });
}

/** Whether every member of `type` is a SecretString, `null` or `undefined` (and at least one is a SecretString). */
export function isSecretOrNullish(type: ts.Type, checker: ts.TypeChecker): boolean {
  const flags = typescript().TypeFlags;
  const parts = type.isUnion() ? type.types : [type];
  const nullish = (t: ts.Type) => (t.flags & (flags.Null | flags.Undefined | flags.Void)) !== 0;
  return parts.some((t) => isSecretString(t, checker)) && parts.every((t) => nullish(t) || isSecretString(t, checker));
}

/** How deep `carries`, `holdsAny` and `anyReaches` look into object types (`config.llm.openai.apiKey` is 3). */
const MAX_NESTING = 5;

/** Questions about the brand in one program's types, answered with caches that live as long as the program. */
export interface BrandTypes {
  /**
   * Whether keyguard's brand module is part of the program. When it is not, no type of the program
   * can carry the brand, and a rule can skip its type queries.
   */
  readonly inProgram: boolean;
  /**
   * Whether values of `type` hold a SecretString somewhere: the type itself or a member of a union,
   * a property (of object types declared in the project or in keyguard), an element of an array or
   * tuple, a type argument (`Promise<SecretString>`, `Map<string, SecretString>`), an index
   * signature, or what a function returns (`() => Promise<SecretString>`).
   */
  carries(type: ts.Type): boolean;
  /** Whether `type` is `any` or holds `any` in a property, element or type argument (same reach as `carries`). */
  holdsAny(type: ts.Type): boolean;
  /**
   * Whether a value of type `source` put where `target` is expected lets `any` into a place where
   * `target` holds a SecretString: `source` is `any` itself, or holds `any` at a property, element
   * or type argument where `target` carries the brand (the model: typescript-eslint's
   * `no-unsafe-assignment`, narrowed to the brand).
   */
  anyReaches(source: ts.Type, target: ts.Type): boolean;
  /**
   * Whether `symbol` (import aliases followed) names a class without type parameters declared
   * outside the project and keyguard, such as an SDK's `OpenAI`, perhaps merged with namespaces:
   * `carries` is false for its instance type, whose members it does not read and which has no type
   * arguments and no call signatures. Answered from the declarations, without resolving the type.
   */
  foreignClassCannotCarry(symbol: ts.Symbol): boolean;
}

const brandTypesCache = new WeakMap<ts.Program, BrandTypes>();

/** The {@link BrandTypes} of a program (one per program: its caches are dropped with it). */
export function brandTypes(program: ts.Program): BrandTypes {
  let answer = brandTypesCache.get(program);
  if (!answer) {
    answer = createBrandTypes(program);
    brandTypesCache.set(program, answer);
  }
  return answer;
}

function createBrandTypes(program: ts.Program): BrandTypes {
  const checker = program.getTypeChecker();
  const t = typescript();
  const roots = rootsOf(checker);
  const inProgram = program
    .getSourceFiles()
    .some((f) => /[\\/]secret[\\/]brand\.(?:d\.)?ts$/.test(f.fileName) && isBrandFile(f.fileName, roots));

  /**
   * Whether the members of an object type are worth reading: it is declared in the project or in
   * keyguard, not in TypeScript's lib files nor in another package (a DOM or SDK type has hundreds
   * of members and cannot hold keyguard's brand).
   */
  const ownTypes = new Map<ts.Symbol, boolean>();
  function isOwnType(type: ts.Type): boolean {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    return !symbol || isOwnSymbol(symbol);
  }
  function isOwnSymbol(symbol: ts.Symbol): boolean {
    let own = ownTypes.get(symbol);
    if (own === undefined) {
      own = (symbol.declarations ?? []).every((d) => {
        const file = d.getSourceFile();
        if (isSecretModuleFile(file.fileName, roots)) return true;
        return !program.isSourceFileDefaultLibrary(file) && !program.isSourceFileFromExternalLibrary(file) && !file.hasNoDefaultLib;
      });
      ownTypes.set(symbol, own);
    }
    return own;
  }

  /** The types a value of `type` is made of, one level down: members, elements, type arguments, returns, index signatures. */
  function parts(type: ts.Type, withMembers: boolean): ts.Type[] {
    const out: ts.Type[] = [];
    if (type.isUnionOrIntersection()) return [...type.types];
    if ((type.flags & t.TypeFlags.Object) === 0) return out;
    const reference = type as ts.TypeReference;
    if ((reference as { objectFlags?: number }).objectFlags! & t.ObjectFlags.Reference) out.push(...checker.getTypeArguments(reference));
    if (type.aliasTypeArguments) out.push(...type.aliasTypeArguments);
    for (const signature of type.getCallSignatures()) {
      const returned = signature.getReturnType();
      out.push(returned, checker.getAwaitedType(returned) ?? returned);
    }
    if (withMembers && !checker.isArrayType(type) && !checker.isTupleType(type) && isOwnType(type)) {
      for (const info of checker.getIndexInfosOfType(type)) out.push(info.type);
      for (const property of type.getProperties()) out.push(checker.getTypeOfSymbol(property));
    }
    return out;
  }

  /** A cached walk over `parts` (bounded in depth; a type being walked counts as `false`, which ends cycles). */
  function walker(test: (type: ts.Type) => boolean): (type: ts.Type) => boolean {
    const cache = new Map<ts.Type, boolean>();
    const walk = (type: ts.Type, depth: number): boolean => {
      const known = cache.get(type);
      if (known !== undefined) return known;
      if (test(type)) {
        cache.set(type, true);
        return true;
      }
      if (depth > MAX_NESTING) return false;
      cache.set(type, false);
      const found = parts(type, true).some((p) => walk(resolveParameter(p, checker), depth + 1));
      cache.set(type, found);
      return found;
    };
    return (type) => walk(resolveParameter(type, checker), 0);
  }

  const carries = walker((type) => isSecretString(type, checker));
  const holdsAny = walker(isAny);

  function anyReaches(source: ts.Type, target: ts.Type, depth = 0): boolean {
    if (depth > MAX_NESTING || !carries(target)) return false;
    if (isAny(source)) return true;
    if (!holdsAny(source)) return false;
    if (source.isUnion()) return source.types.some((s) => anyReaches(s, target, depth + 1));
    if (target.isUnionOrIntersection()) return target.types.some((m) => anyReaches(source, m, depth + 1));
    const sourceRef = source as ts.TypeReference;
    const targetRef = target as ts.TypeReference;
    if (sourceRef.target !== undefined && sourceRef.target === targetRef.target) {
      const s = checker.getTypeArguments(sourceRef);
      const g = checker.getTypeArguments(targetRef);
      if (s.some((a, i) => g[i] !== undefined && anyReaches(a, g[i]!, depth + 1))) return true;
    }
    if (checker.isArrayType(target) || checker.isTupleType(target)) {
      const element = checker.getIndexTypeOfType(target, t.IndexKind.Number);
      const sourceElement = checker.getIndexTypeOfType(source, t.IndexKind.Number);
      return element !== undefined && sourceElement !== undefined && anyReaches(sourceElement, element, depth + 1);
    }
    if ((target.flags & t.TypeFlags.Object) === 0 || !isOwnType(target)) return false;
    for (const property of target.getProperties()) {
      const expected = checker.getTypeOfSymbol(property);
      if (!carries(expected)) continue;
      const given = checker.getPropertyOfType(source, property.getName());
      if (given && anyReaches(checker.getTypeOfSymbol(given), expected, depth + 1)) return true;
    }
    return false;
  }

  function foreignClassCannotCarry(symbol: ts.Symbol): boolean {
    if (symbol.flags & t.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declarations = symbol.declarations ?? [];
    return (
      declarations.some((d) => t.isClassDeclaration(d)) &&
      declarations.every((d) => t.isModuleDeclaration(d) || (t.isClassDeclaration(d) && !d.typeParameters)) &&
      !isOwnSymbol(symbol)
    );
  }

  return { inProgram, carries, holdsAny, anyReaches: (source, target) => anyReaches(source, target), foreignClassCannotCarry };
}
