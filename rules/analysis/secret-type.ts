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
function typescript(): typeof ts {
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
export function keyguardPath(fileName: string, cache: RootCache = new Map()): string | undefined {
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
export function isSecretModuleFile(fileName: string, cache?: RootCache): boolean {
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
export function isSecretProvider(type: ts.Type, checker: ts.TypeChecker): boolean {
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
