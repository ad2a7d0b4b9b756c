import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { globMatches } from "../../../rules/glob.js";
import { brandTypes, isBrandFile, type RootCache, isSecretString, isSecretValue, mentionsSecretString, typeName } from "../../../rules/analysis/secret-type.js";
import { mask } from "../../../src/detect/index.js";
import { fakeKey } from "../../helpers/keys.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const work = `${root}.tmp/secret-type-${process.pid}/`;
afterAll(() => rmSync(work, { recursive: true, force: true }));

const declarations = `
import type { SecretString } from "keyguard/secret";
declare const brand: unique symbol;
type OwnSecretString = string & { readonly [brand]: true };
type Lookalike = string & { readonly __brand: "SecretString" };
export declare const secret: SecretString;
export declare const maybe: SecretString | undefined;
export declare const own: OwnSecretString;
export declare const lookalike: Lookalike;
export declare const plain: string;
export declare const provider: () => Promise<SecretString>;
export declare const syncProvider: () => SecretString;
export declare const either: SecretString | (() => Promise<SecretString>);
export declare const stringProvider: () => Promise<string>;
export declare function generic<T extends SecretString>(t: T): T;
export declare const extra: SecretString & { readonly note: "x" };
export declare const key: "${fakeKey("anthropic", 3)}";
export interface AppConfig { llm: { apiKey: SecretString }; baseURL: string }
export declare const config: AppConfig;
export declare const keys: Map<string, SecretString>;
export declare const anyMap: Map<string, any>;
export declare const anyField: { llm: { apiKey: any }; baseURL: string };
export declare const anyOther: { llm: { apiKey: SecretString }; baseURL: any };
export declare const anything: any;
export declare const plainConfig: { apiKey: string };
export declare const element: HTMLElement | Date;
`;

/** A program over one file, resolving keyguard/secret either to the source (paths) or, by self-reference, to dist. */
function program(via: "src" | "dist") {
  const dir = `${work}${via}/`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}types.ts`, declarations);
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    ...(via === "src" ? { paths: { "keyguard/secret": [`${root}src/secret/index.ts`] } } : {}),
  };
  const p = ts.createProgram([`${dir}types.ts`], options);
  const checker = p.getTypeChecker();
  const file = p.getSourceFile(`${dir}types.ts`)!;
  const resolved = ts.resolveModuleName("keyguard/secret", `${dir}types.ts`, options, ts.sys).resolvedModule?.resolvedFileName;
  const typeOf = (name: string) => {
    const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).find((s) => s.getName() === name);
    if (!symbol) throw new Error(`no ${name} in the test program`);
    return checker.getTypeOfSymbol(symbol);
  };
  return { checker, typeOf, resolved, brand: brandTypes(p) };
}

describe.each(["src", "dist"] as const)("SecretString recognised by declaration (keyguard/secret from %s)", (via) => {
  if (via === "dist" && !existsSync(`${root}dist/src/secret/brand.d.ts`)) {
    it("needs the build", () => {
      throw new Error("dist/src/secret/brand.d.ts is missing: run `npm run build` first (npm test does)");
    });
    return;
  }
  const { checker, typeOf, resolved, brand } = program(via);

  it("brandTypes: finds the brand nested in interfaces, type arguments and functions", () => {
    expect(brand.inProgram).toBe(true);
    for (const name of ["secret", "maybe", "config", "keys", "provider", "either"]) expect(brand.carries(typeOf(name)), name).toBe(true);
    for (const name of ["plain", "own", "lookalike", "anything", "plainConfig", "stringProvider", "element"]) expect(brand.carries(typeOf(name)), name).toBe(false);
  });

  it("brandTypes: any reaches the brand only where the target holds it", () => {
    expect(brand.holdsAny(typeOf("anyField"))).toBe(true);
    expect(brand.holdsAny(typeOf("config"))).toBe(false);
    expect(brand.anyReaches(typeOf("anything"), typeOf("config"))).toBe(true);
    expect(brand.anyReaches(typeOf("anyField"), typeOf("config"))).toBe(true);
    expect(brand.anyReaches(typeOf("anyOther"), typeOf("config"))).toBe(false);
    expect(brand.anyReaches(typeOf("anyMap"), typeOf("keys"))).toBe(true);
    expect(brand.anyReaches(typeOf("anything"), typeOf("plainConfig"))).toBe(false);
  });

  it("resolves keyguard/secret where expected", () => {
    expect(resolved).toBe(via === "src" ? `${root}src/secret/index.ts` : `${root}dist/src/secret/index.d.ts`);
  });

  it("accepts keyguard's brand, intersections and constrained type parameters", () => {
    expect(isSecretString(typeOf("secret"), checker)).toBe(true);
    expect(isSecretString(typeOf("extra"), checker)).toBe(true);
    const generic = checker.getSignaturesOfType(typeOf("generic"), ts.SignatureKind.Call)[0]!;
    expect(isSecretString(generic.getReturnType(), checker)).toBe(true);
  });

  it("rejects look-alikes of the user's own, plain strings and optional secrets", () => {
    expect(isSecretString(typeOf("own"), checker)).toBe(false);
    expect(isSecretString(typeOf("lookalike"), checker)).toBe(false);
    expect(isSecretString(typeOf("plain"), checker)).toBe(false);
    expect(isSecretString(typeOf("maybe"), checker)).toBe(false);
    expect(mentionsSecretString(typeOf("maybe"), checker)).toBe(true);
    expect(mentionsSecretString(typeOf("own"), checker)).toBe(false);
  });

  it("accepts functions returning SecretString or a promise of one, and unions of those", () => {
    expect(isSecretValue(typeOf("provider"), checker)).toBe(true);
    expect(isSecretValue(typeOf("syncProvider"), checker)).toBe(true);
    expect(isSecretValue(typeOf("either"), checker)).toBe(true);
    expect(isSecretValue(typeOf("stringProvider"), checker)).toBe(false);
    expect(isSecretValue(typeOf("maybe"), checker)).toBe(false);
  });

  it("masks literal types in messages", () => {
    const text = typeName(typeOf("key"), checker);
    expect(text).toBe(`"${mask(fakeKey("anthropic", 3))}"`);
  });
});

describe("isBrandFile", () => {
  it("answers from the cache it is given, and reads package.json again with a new one (a new program)", () => {
    const pkg = `${work}pkg/`;
    mkdirSync(`${pkg}src/secret`, { recursive: true });
    writeFileSync(`${pkg}package.json`, JSON.stringify({ name: "keyguard" }));
    const cache: RootCache = new Map();
    expect(isBrandFile(`${pkg}src/secret/brand.ts`, cache)).toBe(true);
    writeFileSync(`${pkg}package.json`, JSON.stringify({ name: "not-keyguard" }));
    expect(isBrandFile(`${pkg}src/secret/brand.ts`, cache)).toBe(true);
    expect(isBrandFile(`${pkg}src/secret/brand.ts`, new Map())).toBe(false);
  });

  it("is keyguard's brand module only", () => {
    expect(isBrandFile(`${root}src/secret/brand.ts`)).toBe(true);
    expect(isBrandFile(`${root}dist/src/secret/brand.d.ts`)).toBe(true);
    expect(isBrandFile(`${root}tests/fixtures/src/secret/brand.ts`)).toBe(false);
    expect(isBrandFile(`${root}node_modules/openai/src/secret/brand.ts`)).toBe(false);
  });
});

describe("globMatches", () => {
  it.each([
    ["src/secrets/**", "src/secrets/keys.ts", true],
    ["src/secrets/**", "src/secrets/a/b/keys.ts", true],
    ["src/secrets/**", "src/secretsx/keys.ts", false],
    ["src/secrets/**", "lib/src/secrets/keys.ts", false],
    ["**/*.test.*", "keys.test.ts", true],
    ["**/*.test.*", "a/b/keys.test.ts", true],
    ["**/*.test.*", "a/b/keys.ts", false],
    ["**/__tests__/**", "src/__tests__/keys.ts", true],
    ["./src/*.ts", "src/a.ts", true],
    ["src/?.ts", "src/ab.ts", false],
    ["src/*.ts", "src/a/b.ts", false],
  ])("%s on %s: %s", (glob, path, expected) => {
    expect(globMatches(glob, path)).toBe(expected);
  });

  it("stays fast on patterns built to backtrack", () => {
    const path = `${"a".repeat(200)}/`.repeat(30) + "b";
    expect(globMatches(`${"*a".repeat(40)}/**/**/**/c`, path)).toBe(false);
  });
});
