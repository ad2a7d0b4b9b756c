import rule, { type MessageIds, type Options } from "../../rules/no-secret-cast.js";
import { mask } from "../../src/detect/index.js";
import { fakeKey } from "../helpers/keys.js";
import { masked, ruleTester, typedRuleTester } from "./rule-tester.js";

const key = fakeKey("openai-project", 11);
const IMPORT_TYPE = 'import type { SecretString } from "keyguard/secret";\n';
const RAW = "declare const raw: string;\n";
const from = (type: string) => ({ from: `a value of type \`${type}\`` });
const TEXT = "declare const text: string;\n";
const APP = `${IMPORT_TYPE}interface AppConfig { apiKey: SecretString; baseURL: string }\n${TEXT}`;
const how = (position: string, type: string) => ({ how: `${position}, typed \`${type}\`` });

// With type information: the brand is recognised by its declaration (keyguard's src/secret/brand.ts).
typedRuleTester().run("no-secret-cast (type-aware)", rule, masked<MessageIds, Options>({
  valid: [
    'import { secretFromEnv } from "keyguard/secret";\nconst k = secretFromEnv("OPENAI_API_KEY");',
    // dropping undefined from a SecretString forges nothing
    `${IMPORT_TYPE}declare const s: SecretString | undefined;\nconst k = s as SecretString;`,
    `${IMPORT_TYPE}declare const s: SecretString;\nconst k = s!;`,
    // an upcast to a type that mentions the brand, from a value that already has it
    `${IMPORT_TYPE}declare const s: SecretString;\nconst o = { apiKey: s } as { apiKey: SecretString };`,
    // casts that do not produce the brand
    `${IMPORT_TYPE}declare const s: SecretString;\nconst t = s as string;`,
    'const o = { model: "gpt-4o" } as const;',
    // a look-alike type of the user's own: not keyguard's brand
    `type SecretString = string & { readonly __brand: "secret" };\n${RAW}const k = raw as SecretString;`,
    `declare const brand: unique symbol;\ntype SecretString = string & { readonly [brand]: true };\n${RAW}const k = <SecretString>raw;`,
    // a function of the user's own that happens to have the name
    "function unsafeSecretString(s: string) { return s; }\nunsafeSecretString(\"a\");",
    // an `any` into a plain string slot
    'const k: string = JSON.parse("1");',
    // `any` into places that hold no brand
    `${APP}const c: { baseURL: string } = JSON.parse(text);\nconst n: number = JSON.parse(text);`,
    `${TEXT}declare function use(key: string): void;\nuse(JSON.parse(text));`,
    `${APP}import { secretFromEnv } from "keyguard/secret";\nconst c: AppConfig = { apiKey: secretFromEnv("OPENAI_API_KEY"), baseURL: JSON.parse(text) };`,
    `${APP}declare const parsed: { apiKey: SecretString; baseURL: any };\nconst c: AppConfig = parsed;`,
    `${APP}export function load() { return JSON.parse(text); }`,
    `${APP}import { secretFromEnv } from "keyguard/secret";\nexport function loadKey(): SecretString { return secretFromEnv("OPENAI_API_KEY"); }`,
    // predicates that forge nothing: the parameter already holds the brand, or cannot be a string
    `${IMPORT_TYPE}export function isKey(x: SecretString | undefined): x is SecretString { return x !== undefined; }`,
    `${IMPORT_TYPE}export function isKey(x: SecretString | number | null): x is SecretString { return typeof x === "string"; }`,
    "export function isString(x: unknown): x is string { return typeof x === \"string\"; }",
    // generic helpers whose type parameter comes from a parameter
    `import { secretFromEnv } from "keyguard/secret";\nfunction id<T>(x: T): T { return x; }\nexport const k = id(secretFromEnv("OPENAI_API_KEY"));`,
    `declare function fetchJson<T>(url: string): Promise<T>;\nexport const p = fetchJson<{ a: number }>("/x");`,
    // overloads whose implementation keeps its promise; an ambient declaration (no implementation here)
    `import { secretFromEnv, type SecretString } from "keyguard/secret";\nexport function toKey(x: "a"): SecretString;\nexport function toKey(x: string): SecretString { return secretFromEnv(x); }`,
    `${IMPORT_TYPE}export declare function load(): SecretString;`,
    // a local function called require is no module load
    "function require(m: string) { return { unsafeSecretString: (s: string) => s + m }; }\nconst { unsafeSecretString } = require(\"keyguard/secret\");\nexport const k = unsafeSecretString(\"a\");",
    // an interface with a look-alike brand of the user's own
    `declare const brand: unique symbol;\ninterface Own { apiKey: string & { readonly [brand]: true } }\n${TEXT}const c: Own = JSON.parse(text);\nconst d = JSON.parse(text) as Own;`,
    // allowed files
    {
      code: `import { unsafeSecretString, type SecretString } from "keyguard/secret";\n${RAW}const a = unsafeSecretString(raw);\nconst b = raw as SecretString;`,
      filename: "src/secrets/keys.ts",
      options: [{ allow: ["src/secrets/**"] }],
    },
    {
      code: `import { unsafeSecretString } from "keyguard/secret";\n${RAW}export const k = unsafeSecretString(raw);`,
      filename: "keys.test.ts",
    },
  ],
  invalid: [
    {
      code: `${IMPORT_TYPE}${RAW}const k = raw as SecretString;`,
      errors: [{ messageId: "cast", data: from("string"), line: 3, column: 11 }],
    },
    {
      code: `${IMPORT_TYPE}${RAW}const k = <SecretString>raw;`,
      errors: [{ messageId: "cast", data: from("string") }],
    },
    {
      // the double cast is reported once, where the brand appears
      code: `${IMPORT_TYPE}declare const n: number;\nconst k = n as unknown as SecretString;`,
      errors: [{ messageId: "cast", data: from("unknown"), column: 11, endColumn: 39 }],
    },
    {
      // a literal type in the message is masked: the literal can be the key itself
      code: `${IMPORT_TYPE}const k = "${key}" as SecretString;`,
      errors: [{ messageId: "cast", data: from(`"${mask(key)}"`) }],
    },
    {
      code: `${IMPORT_TYPE}declare const opts: { apiKey: string; baseURL: string };\nconst o = opts as { apiKey: SecretString; baseURL: string };`,
      errors: [{ messageId: "cast" }],
    },
    {
      code: `${IMPORT_TYPE}${RAW}const k = raw as SecretString | undefined;`,
      errors: [{ messageId: "cast" }],
    },
    {
      code: `${IMPORT_TYPE}${RAW}const k = (() => raw) as () => Promise<SecretString>;`,
      errors: [{ messageId: "cast" }],
    },
    {
      code: `import type { SecretString as Key } from "keyguard/secret";\n${RAW}const k = raw as Key;`,
      errors: [{ messageId: "cast" }],
    },
    {
      code: `import type * as secret from "keyguard/secret";\n${RAW}const k = raw as secret.SecretString;`,
      errors: [{ messageId: "cast" }],
    },
    {
      code: `${IMPORT_TYPE}type Key = SecretString;\n${RAW}const k = raw as Key;`,
      errors: [{ messageId: "cast" }],
    },
    {
      // the brand reached through `typeof` of a real SecretString
      code: `${IMPORT_TYPE}declare const s: SecretString;\n${RAW}const k = raw as typeof s;`,
      errors: [{ messageId: "cast", data: from("string") }],
    },
    {
      code: `${IMPORT_TYPE}declare const anyValue: any;\nconst k = anyValue as SecretString;`,
      errors: [{ messageId: "cast", data: from("any") }],
    },
    {
      code: `${IMPORT_TYPE}${RAW}const k = (raw as any) satisfies SecretString;`,
      errors: [{ messageId: "anyIntoSecret" }],
    },
    {
      code: `${IMPORT_TYPE}declare const text: string;\nconst k: SecretString = JSON.parse(text);`,
      errors: [{ messageId: "anyIntoSecret", data: how("the initialiser of `k`", "SecretString"), line: 3, column: 25 }],
    },
    // ---- `any` reaching the brand anywhere (typescript-eslint's no-unsafe-* narrowed to the brand)
    {
      // an interface (not only a type alias) with a SecretString field
      code: `${APP}const config = JSON.parse(text) as AppConfig;`,
      errors: [{ messageId: "cast", data: from("any"), line: 4 }],
    },
    {
      code: `${APP}const config: AppConfig = JSON.parse(text);`,
      errors: [{ messageId: "anyIntoSecret", data: how("the initialiser of `config`", "AppConfig") }],
    },
    {
      code: `${APP}const { apiKey }: AppConfig = JSON.parse(text);`,
      errors: [{ messageId: "anyIntoSecret", data: how("the initialiser of a destructuring declaration", "AppConfig") }],
    },
    {
      code: `${APP}export class Keys {\n  key: SecretString = JSON.parse(text);\n  other: SecretString;\n  constructor() { this.other = JSON.parse(text); }\n}`,
      errors: [
        { messageId: "anyIntoSecret", data: how("the class field `key`", "SecretString"), line: 5 },
        { messageId: "anyIntoSecret", data: how("an assignment", "SecretString"), line: 7 },
      ],
    },
    {
      code: `${APP}export function loadKey(): SecretString { return JSON.parse(text); }`,
      errors: [{ messageId: "anyIntoSecret", data: how("a return value", "SecretString") }],
    },
    {
      // a class of the project (not an SDK's) is read for the brand
      code: `${APP}export class Holder { constructor(readonly key: SecretString) {} }\nexport function holder(): Holder { return JSON.parse(text); }`,
      errors: [{ messageId: "anyIntoSecret", data: how("a return value", "Holder"), line: 5 }],
    },
    {
      code: `${APP}export async function loadKey(): Promise<SecretString> { return JSON.parse(text); }\nexport const load = (): SecretString => JSON.parse(text);`,
      errors: [
        { messageId: "anyIntoSecret", line: 4 },
        { messageId: "anyIntoSecret", data: how("a return value", "SecretString"), line: 5 },
      ],
    },
    {
      // parameters typed string or number take the \`any\` harmlessly; the others are checked
      code: `${APP}declare function send(text: string, n: number | undefined, key: string | SecretString): void;\nsend(JSON.parse(text), JSON.parse(text), JSON.parse(text));\ndeclare function bound(this: void, key: SecretString): void;\nbound(JSON.parse(text));\ndeclare function pair(a: string, b: string): void;\ndeclare function pair(a: SecretString): void;\npair(JSON.parse(text));\ndeclare const pre: [string, number];\nsend(...pre, JSON.parse(text));`,
      errors: [
        { messageId: "anyIntoSecret", data: how("argument 3 of a call", "string | SecretString"), line: 5 },
        { messageId: "anyIntoSecret", data: how("argument 1 of a call", "SecretString"), line: 7 },
        { messageId: "anyIntoSecret", data: how("argument 1 of a call", "SecretString"), line: 10 },
        { messageId: "anyIntoSecret", data: how("argument 2 of a call", "string | SecretString"), line: 12 },
      ],
    },
    {
      // functions declared to return \`any\`, directly or through an alias
      code: `${APP}declare function use(key: SecretString): void;\ntype Loose = any;\ndeclare function load(): any;\ndeclare function loose(): Loose;\ndeclare function named(): string;\nuse(load());\nuse(loose());\nuse(named() as any);`,
      errors: [
        { messageId: "anyIntoSecret", data: how("argument 1 of a call", "SecretString"), line: 9 },
        { messageId: "anyIntoSecret", data: how("argument 1 of a call", "SecretString"), line: 10 },
        { messageId: "anyIntoSecret", data: how("argument 1 of a call", "SecretString"), line: 11 },
      ],
    },
    {
      code: `${APP}declare function use(key: SecretString): void;\nuse(JSON.parse(text));\nexport function f(k: SecretString = JSON.parse(text)) { return k; }`,
      errors: [
        { messageId: "anyIntoSecret", data: how("argument 1 of a call", "SecretString"), line: 5 },
        { messageId: "anyIntoSecret", data: how("a default value", "SecretString"), line: 6 },
      ],
    },
    {
      // object-literal properties under a contextual type, reported where the \`any\` is written
      code: `${APP}const config: AppConfig = { apiKey: JSON.parse(text), baseURL: "" };\ndeclare function connect(options: { llm: AppConfig }): void;\nconnect({ llm: { apiKey: JSON.parse(text), baseURL: "" } });`,
      errors: [
        { messageId: "anyIntoSecret", data: how("property `apiKey` of an object literal", "SecretString"), line: 4, column: 37 },
        { messageId: "anyIntoSecret", data: how("property `apiKey` of an object literal", "SecretString"), line: 6 },
      ],
    },
    {
      // a shorthand property
      code: `${APP}const apiKey = JSON.parse(text);\nexport const config: AppConfig = { apiKey, baseURL: "" };`,
      errors: [{ messageId: "anyIntoSecret", data: how("property `apiKey` of an object literal", "SecretString"), line: 5, column: 36 }],
    },
    {
      // nested fields of objects and arrays typed to hold the brand
      code: `${APP}interface Outer { llm: { openai: AppConfig } }\nconst o: Outer = JSON.parse(text);\nconst keys: SecretString[] = JSON.parse(text);\nconst more: SecretString[] = [JSON.parse(text)];`,
      errors: [
        { messageId: "anyIntoSecret", data: how("the initialiser of `o`", "Outer"), line: 5 },
        { messageId: "anyIntoSecret", data: how("the initialiser of `keys`", "SecretString[]"), line: 6 },
        { messageId: "anyIntoSecret", data: how("an element of an array literal", "SecretString"), line: 7 },
      ],
    },
    {
      // \`any\` held by a field or a type argument of a value that is not \`any\` itself
      code: `${APP}declare const parsed: { apiKey: any; baseURL: string };\nconst c: AppConfig = parsed;\ndeclare const m: Map<string, any>;\nconst keys: Map<string, SecretString> = m;`,
      errors: [
        { messageId: "anyIntoSecret", data: how("the initialiser of `c`", "AppConfig"), line: 5 },
        { messageId: "anyIntoSecret", data: how("the initialiser of `keys`", "Map<string, SecretString>"), line: 7 },
      ],
    },
    {
      code: `import { unsafeSecretString } from "keyguard/secret";\n${RAW}const k = unsafeSecretString(raw);`,
      errors: [{ messageId: "unsafe", line: 3, column: 11, endColumn: 29 }],
    },
    {
      code: `import { unsafeSecretString as trustMe } from "keyguard/secret";\n${RAW}const k = trustMe(raw);`,
      errors: [{ messageId: "unsafe" }],
    },
    {
      code: `import * as secret from "keyguard/secret";\n${RAW}const k = secret.unsafeSecretString(raw);`,
      errors: [{ messageId: "unsafe" }],
    },
    {
      // passed on as a value, not called here: still reported
      code: `import { unsafeSecretString } from "keyguard/secret";\nexport const make = unsafeSecretString;`,
      errors: [{ messageId: "unsafe" }],
    },
    {
      // re-exported by another module of the user's under another name: found by its declaration
      code: `import { makeKey } from "./reexport.js";\n${RAW}const k = makeKey(raw);`,
      errors: [{ messageId: "unsafe" }],
    },
    {
      // a dynamic import, destructured and renamed: found by the declaration the name resolves to
      code: `${RAW}const { unsafeSecretString: trust } = await import("keyguard/secret");\nexport const k = trust(raw);`,
      errors: [{ messageId: "unsafe", line: 3 }],
    },
    // ---- forging without a cast at the use site
    {
      code: `${IMPORT_TYPE}export function isKey(x: unknown): x is SecretString { return typeof x === "string"; }`,
      errors: [{ messageId: "predicate", data: { kind: "type predicate", ...from("unknown") }, line: 2, column: 36, endColumn: 53 }],
    },
    {
      code: `${IMPORT_TYPE}export function assertKey(x: string): asserts x is SecretString { if (!x) throw new Error("empty"); }`,
      errors: [{ messageId: "predicate", data: { kind: "assertion function", ...from("string") } }],
    },
    {
      code: `${APP}export declare function isConfig(x: unknown): x is AppConfig;\nexport class Box { value = ""; holds(): this is { value: SecretString } { return true; } }`,
      errors: [
        { messageId: "predicate", data: { kind: "type predicate", ...from("unknown") }, line: 4 },
        { messageId: "predicate", data: { kind: "type predicate", from: "`this`" }, line: 5 },
      ],
    },
    {
      // a generic helper that turns anything into any T
      code: `${IMPORT_TYPE}${RAW}function as<T>(x: unknown): T { return x as T; }\nexport const k = as<SecretString>(raw);\nexport const j: SecretString = as(raw);`,
      errors: [
        { messageId: "generic", data: { callee: "as", parameter: "`T`", type: "SecretString" }, line: 4, column: 18 },
        { messageId: "generic", data: { callee: "as", parameter: "`T`", type: "SecretString" }, line: 5 },
      ],
    },
    {
      // a namespace merged with the helper (and with a class) hides nothing
      code: `${IMPORT_TYPE}${RAW}declare function as<T>(x: unknown): T;\ndeclare namespace as { const note: string; }\ndeclare class Holder<T> { constructor(x: unknown); }\ndeclare namespace Holder { const note: string; }\nexport const k = as<SecretString>(raw);\nexport const h = new Holder<SecretString>(raw);`,
      errors: [{ messageId: "generic", data: { callee: "as", parameter: "`T`", type: "SecretString" }, line: 7, column: 18 }],
    },
    {
      code: `${APP}${RAW}declare function is<T>(x: unknown): x is T;\ndeclare function fetchJson<T>(url: string): Promise<T>;\nif (is<SecretString>(raw)) console.log("ok");\nexport const config = fetchJson<AppConfig>("/config");`,
      errors: [
        { messageId: "generic", data: { callee: "is", parameter: "`T`", type: "SecretString" }, line: 7 },
        { messageId: "generic", data: { callee: "fetchJson", parameter: "`T`", type: "Promise<AppConfig>" }, line: 8 },
      ],
    },
    {
      // overloads whose implementation returns \`any\`
      code: `${IMPORT_TYPE}export function toKey(x: string): SecretString;\nexport function toKey(x: any): any { return x; }\nexport class Keys {\n  load(x: string): SecretString;\n  load(x: any) { return x; }\n}`,
      errors: [
        { messageId: "overload", data: { type: "SecretString" }, line: 2, column: 33 },
        { messageId: "overload", data: { type: "SecretString" }, line: 5 },
      ],
    },
    {
      // every way to reach the escape hatch
      code: `import * as secret from "keyguard/secret";\n${RAW}export const a = secret["unsafeSecretString"](raw);\nconst { unsafeSecretString: u } = secret;\nexport const b = u(raw);\nconst alias = secret.unsafeSecretString;\nexport const c = alias(raw);`,
      errors: [
        { messageId: "unsafe", line: 3, column: 18, endColumn: 46 },
        { messageId: "unsafe", line: 5, column: 18, endColumn: 19 },
        { messageId: "unsafe", line: 6, column: 15, endColumn: 40 },
      ],
    },
    {
      code: `${RAW}const { unsafeSecretString } = require("keyguard/secret");\nexport const a = unsafeSecretString(raw);\nexport const b = require("keyguard/secret").unsafeSecretString(raw);`,
      errors: [{ messageId: "unsafe", line: 3 }, { messageId: "unsafe", line: 4 }],
    },
    {
      code: `export { unsafeSecretString as makeKey } from "keyguard/secret";`,
      errors: [{ messageId: "unsafe", line: 1, column: 10, endColumn: 39 }],
    },
    {
      code: `import { unsafeSecretString } from "keyguard/secret";\n${RAW}const k = unsafeSecretString(raw);`,
      filename: "file.ts",
      options: [{ allow: ["src/secrets/**"] }],
      errors: [{ messageId: "unsafe" }],
    },
    {
      code: `import { unsafeSecretString } from "keyguard/secret";\n${RAW}export const k = unsafeSecretString(raw);`,
      filename: "keys.test.ts",
      options: [{ allowTestFiles: false }],
      errors: [{ messageId: "unsafe" }],
    },
  ],
}));

// Without type information: SecretString and unsafeSecretString are matched by their import from keyguard/secret.
ruleTester().run("no-secret-cast (no type information)", rule, masked<MessageIds, Options>({
  valid: [
    `type SecretString = string & { readonly __brand: "secret" };\n${RAW}const k = raw as SecretString;`,
    `import type { SecretString } from "./my-secret.js";\n${RAW}const k = raw as SecretString;`,
    `import { unsafeSecretString } from "./my-secret.js";\nunsafeSecretString("a");`,
    `${IMPORT_TYPE}declare const s: SecretString;\nconst t = s as string;`,
    {
      code: `import { unsafeSecretString } from "keyguard/secret";\nexport const k = unsafeSecretString("a");`,
      filename: "src/__tests__/keys.ts",
    },
    // test folders and fixtures: the paths of TEST_FILE_GLOBS, as for every keyguard rule
    ...["tests/helpers/keys.ts", "packages/a/test/setup.ts", "src/__mocks__/secret.ts", "fixtures/keys.ts"].map((filename) => ({
      code: `import { unsafeSecretString } from "keyguard/secret";\nexport const k = unsafeSecretString("a");`,
      filename,
    })),
    `${IMPORT_TYPE}export function isKey(x: SecretString | undefined): x is SecretString { return x !== undefined; }`,
    'export * from "keyguard/secret";',
    "function require(m: string) { return { unsafeSecretString: (s: string) => s + m }; }\nrequire(\"keyguard/secret\").unsafeSecretString(\"a\");",
  ],
  invalid: [
    {
      code: `${IMPORT_TYPE}${RAW}const k = raw as SecretString;`,
      errors: [{ messageId: "cast", data: { from: "a value" } }],
    },
    {
      code: `import { type SecretString as Key } from "keyguard/secret";\n${RAW}const k = <Key>raw;`,
      filename: "file.ts",
      errors: [{ messageId: "cast" }],
    },
    {
      code: `import type * as S from "keyguard/secret";\n${RAW}const k = raw as unknown as S.SecretString;`,
      errors: [{ messageId: "cast", column: 11 }],
    },
    {
      code: `${IMPORT_TYPE}type Key = SecretString;\ntype Opts = { apiKey: Key };\ndeclare const o: object;\nconst k = o as Opts;`,
      errors: [{ messageId: "cast" }],
    },
    {
      code: `${RAW}const k = raw as import("keyguard/secret").SecretString;`,
      errors: [{ messageId: "cast" }],
    },
    {
      code: `${IMPORT_TYPE}${RAW}const k = (raw as any) satisfies SecretString;`,
      errors: [{ messageId: "anyIntoSecret" }],
    },
    {
      code: `import { unsafeSecretString as u } from "keyguard/secret";\nconst k = u("a");`,
      errors: [{ messageId: "unsafe" }],
    },
    {
      code: `import * as secret from "keyguard/secret";\nconst k = secret.unsafeSecretString("a");`,
      errors: [{ messageId: "unsafe" }],
    },
    {
      code: `${IMPORT_TYPE}export function isKey(x: unknown): x is SecretString { return typeof x === "string"; }\nexport function assertKey(this: void, x: string): asserts x is SecretString {}`,
      errors: [
        { messageId: "predicate", data: { kind: "type predicate", from: "`x`" }, line: 2 },
        { messageId: "predicate", data: { kind: "assertion function", from: "`x`" }, line: 3 },
      ],
    },
    {
      code: `import * as secret from "keyguard/secret";\nconst a = secret["unsafeSecretString"]("a");\nconst { unsafeSecretString: u } = secret;\nconst b = u("b");`,
      errors: [{ messageId: "unsafe", line: 2 }, { messageId: "unsafe", line: 4 }],
    },
    {
      code: `const s = require("keyguard/secret");\nconst a = s.unsafeSecretString("a");\nconst { unsafeSecretString } = require("keyguard/secret");\nconst b = unsafeSecretString("b");`,
      errors: [{ messageId: "unsafe", line: 2 }, { messageId: "unsafe", line: 4 }],
    },
    {
      code: `import s = require("keyguard/secret");\nconst a = s.unsafeSecretString("a");\nexport async function f() {\n  const { unsafeSecretString: u } = await import("keyguard/secret");\n  return u("b");\n}`,
      errors: [{ messageId: "unsafe", line: 2 }, { messageId: "unsafe", line: 5 }],
    },
    {
      code: `export { unsafeSecretString } from "keyguard/secret";\nexport { unsafeSecretString as trust } from "keyguard/secret";`,
      errors: [{ messageId: "unsafe", line: 1 }, { messageId: "unsafe", line: 2 }],
    },
  ],
}));
