// Type-level assertions (vitest expectTypeOf), checked by tsc in `npm run test:types`; at run time
// vitest also runs this file, where the assertions are no-ops and only the imports are exercised.
import RawAnthropic from "@anthropic-ai/sdk";
import { ChatOpenAI as RawChatOpenAI } from "@langchain/openai";
import RawGroq from "groq-sdk";
import RawOpenAI from "openai";
import {
  defineSecretSource,
  guardClient,
  rotatingSecret,
  secretFromCredential,
  secretFromEnv,
  secretFromFile,
  secretFromJson,
  unsafeSecretString,
  type SecretSource,
  type SecretString,
} from "keyguard/secret";
import { describe, expect, expectTypeOf, it } from "vitest";
import { CLIENTS, KEY_HEADERS } from "../../src/clients/catalog.js";
import { HEADER_OPTION_NAMES, KEY_HEADER_NAMES } from "../../src/secret/guard.js";

const OpenAI = guardClient(RawOpenAI);
const Anthropic = guardClient(RawAnthropic);
const Groq = guardClient(RawGroq);
const ChatOpenAI = guardClient(RawChatOpenAI, "apiKey");

type KeyOf<C extends abstract new (...args: any) => any> = NonNullable<ConstructorParameters<C>[0]>["apiKey"];

describe("SecretString types", () => {
  it("is a string, but no string is a SecretString", () => {
    expectTypeOf<SecretString>().toExtend<string>();
    expectTypeOf<string>().not.toExtend<SecretString>();
    expectTypeOf<"not-a-real-key">().not.toExtend<SecretString>();
    expectTypeOf<string & { readonly brand: true }>().not.toExtend<SecretString>();
  });

  it("every loader returns one", () => {
    expectTypeOf(secretFromEnv).returns.toEqualTypeOf<SecretString>();
    expectTypeOf(secretFromFile).returns.toEqualTypeOf<SecretString>();
    expectTypeOf(secretFromCredential).returns.toEqualTypeOf<SecretString>();
    expectTypeOf(secretFromJson).returns.toEqualTypeOf<SecretString>();
    expectTypeOf(unsafeSecretString).returns.toEqualTypeOf<SecretString>();
    expectTypeOf(defineSecretSource).returns.toEqualTypeOf<SecretSource>();
    expectTypeOf<ReturnType<SecretSource>>().toEqualTypeOf<Promise<SecretString>>();
    type Rotating = ReturnType<typeof rotatingSecret>;
    expectTypeOf<ReturnType<Rotating["get"]>>().toEqualTypeOf<Promise<SecretString>>();
    expectTypeOf<ReturnType<Rotating["refresh"]>>().toEqualTypeOf<Promise<SecretString>>();
    expectTypeOf<ReturnType<Rotating["provider"]>>().toEqualTypeOf<() => Promise<SecretString>>();
  });
});

describe("guardClient's header names", () => {
  it("cover every credential header of the client catalog, in its own and in lower-case spelling", () => {
    for (const header of KEY_HEADERS) {
      expect(KEY_HEADER_NAMES).toContain(header);
      expect(KEY_HEADER_NAMES).toContain(header.toLowerCase());
    }
    for (const name of KEY_HEADER_NAMES) expect(KEY_HEADERS.map((h) => h.toLowerCase())).toContain(name.toLowerCase());
  });

  it("cover the header options of the catalog", () => {
    const headerOptions = new Set(CLIENTS.flatMap((c) => c.headerOptions ?? []));
    expect([...headerOptions].sort()).toEqual([...HEADER_OPTION_NAMES].sort());
  });
});

describe("guardClient types", () => {
  it("narrows the key option to SecretString (or a provider, where the SDK takes a function)", () => {
    expectTypeOf<KeyOf<typeof OpenAI>>().toEqualTypeOf<SecretString | (() => Promise<SecretString>) | undefined>();
    expectTypeOf<KeyOf<typeof Anthropic>>().toEqualTypeOf<SecretString | (() => Promise<SecretString>) | undefined>();
    expectTypeOf<KeyOf<typeof Groq>>().toEqualTypeOf<SecretString | undefined>();
    // every known key option the client has, not only apiKey
    expectTypeOf<NonNullable<ConstructorParameters<typeof Anthropic>[0]>["authToken"]>().toEqualTypeOf<SecretString | undefined>();
    // LangChain's ChatOpenAI passes its key to the openai client and types it the same way.
    expectTypeOf<KeyOf<typeof ChatOpenAI>>().toEqualTypeOf<SecretString | (() => Promise<SecretString>) | undefined>();
    // The SDKs themselves take any string.
    expectTypeOf<string>().toExtend<KeyOf<typeof RawOpenAI>>();
  });

  it("keeps the instance type and the other options of the SDK", () => {
    expectTypeOf<InstanceType<typeof OpenAI>>().toEqualTypeOf<RawOpenAI>();
    expectTypeOf<InstanceType<typeof Anthropic>>().toEqualTypeOf<RawAnthropic>();
    expectTypeOf<InstanceType<typeof Groq>>().toEqualTypeOf<RawGroq>();
    expectTypeOf<NonNullable<ConstructorParameters<typeof OpenAI>[0]>["baseURL"]>().toEqualTypeOf<
      NonNullable<ConstructorParameters<typeof RawOpenAI>[0]>["baseURL"]
    >();
    expectTypeOf<NonNullable<ConstructorParameters<typeof Anthropic>[0]>["maxRetries"]>().toEqualTypeOf<
      NonNullable<ConstructorParameters<typeof RawAnthropic>[0]>["maxRetries"]
    >();
  });
});
