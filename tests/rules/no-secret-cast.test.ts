import rule, { type MessageIds, type Options } from "../../rules/no-secret-cast.js";
import { mask } from "../../src/detect/index.js";
import { fakeKey } from "../helpers/keys.js";
import { masked, ruleTester, typedRuleTester } from "./rule-tester.js";

const key = fakeKey("openai-project", 11);
const IMPORT_TYPE = 'import type { SecretString } from "keyguard/secret";\n';
const RAW = "declare const raw: string;\n";
const from = (type: string) => ({ from: `a value of type \`${type}\`` });

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
      errors: [{ messageId: "anyIntoSecret", data: { how: "a SecretString annotation on `k`" } }],
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
  ],
}));
