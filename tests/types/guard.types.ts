// Type tests of keyguard/secret, checked by `npm run test:types` under TypeScript 6.0 and
// TypeScript 7 (scripts/test-types.mjs). They import the package as users do ("keyguard/secret",
// the built declarations). Every `@ts-expect-error` line must fail to compile because of the
// guard: the script checks that each one becomes unused when the guard is removed
// (tests/types/unguarded/), except those marked "(sdk)", which test the SDKs' own option types.
import RawAnthropic from "@anthropic-ai/sdk";
import { ChatOpenAI as RawChatOpenAI } from "@langchain/openai";
import { CohereClient as RawCohere } from "cohere-ai";
import RawGroq from "groq-sdk";
import RawOpenAI, { AzureOpenAI as RawAzureOpenAI } from "openai";
import {
  awsSecretsManagerSource,
  defineSecretSource,
  guardClient,
  rotatingSecret,
  secretFromCredential,
  secretFromEnv,
  secretFromFile,
  secretFromJson,
  unsafeSecretString,
  type SecretString,
} from "keyguard/secret";

const OpenAI = guardClient(RawOpenAI);
const Anthropic = guardClient(RawAnthropic);
const Groq = guardClient(RawGroq);
const ChatOpenAI = guardClient(RawChatOpenAI, "apiKey");
const Cohere = guardClient(RawCohere, "token"); // a client whose key option has another name
const AzureOpenAI = guardClient(RawAzureOpenAI); // apiKey and azureADTokenProvider
/** A client of the user's own whose key option has a name guardClient does not know. */
class RawCustom {
  constructor(readonly options: { secret: string; region?: string }) {}
}
const Custom = guardClient(RawCustom, "secret");

declare const plain: string;
declare const literal: "not-a-real-key";
const fromEnv = secretFromEnv("OPENAI_API_KEY");
const rotating = rotatingSecret(defineSecretSource(async () => plain), { maxAgeMs: 60_000 });

// ------------------------------------------------------------ accepted: loader results
new OpenAI({ apiKey: fromEnv });
new OpenAI({ apiKey: secretFromFile("/run/secrets/openai_api_key"), baseURL: "http://127.0.0.1:8080/v1", maxRetries: 1 });
new OpenAI({ apiKey: rotating.provider() });
new OpenAI({ apiKey: async () => rotating.get() });
new OpenAI();
new Anthropic({ apiKey: secretFromCredential("anthropic") });
new Anthropic({ apiKey: rotating.provider(), timeout: 10_000 });
new Groq({ apiKey: secretFromJson(plain, "api_key") });
new ChatOpenAI({ apiKey: fromEnv, model: "gpt-4o-mini", temperature: 0 });
new ChatOpenAI({ apiKey: unsafeSecretString(plain) });
new Cohere({ token: fromEnv });
new Anthropic({ authToken: fromEnv });
new AzureOpenAI({ azureADTokenProvider: rotating.provider(), endpoint: "https://example.invalid", apiVersion: "2024-10-21" });
new Custom({ secret: fromEnv, region: "eu" });
// credential headers: the secret itself, or `Bearer`/`Basic` and the secret, written in place
new OpenAI({ apiKey: fromEnv, defaultHeaders: { Authorization: `Bearer ${fromEnv}`, "OpenAI-Beta": plain } });
new Anthropic({ defaultHeaders: { "x-api-key": fromEnv, "anthropic-beta": plain } });
new Groq({ apiKey: fromEnv, defaultHeaders: { authorization: `Basic ${fromEnv}`, "X-Trace": plain } });
new OpenAI({ apiKey: fromEnv, defaultHeaders: { Authorization: null } }); // removing a header
declare const aws: Parameters<typeof awsSecretsManagerSource>[0];
new Anthropic({ apiKey: rotatingSecret(awsSecretsManagerSource(aws, "prod/ai", { field: "anthropic" }), { maxAgeMs: 1 }).provider() });

// ------------------------------------------------------------ rejected at a guarded client
// @ts-expect-error a literal
new OpenAI({ apiKey: "not-a-real-key" });
// @ts-expect-error a literal type
new OpenAI({ apiKey: literal });
// @ts-expect-error a string variable
new OpenAI({ apiKey: plain });
// @ts-expect-error a SecretString widened back with `as string`
new OpenAI({ apiKey: fromEnv as string });
// @ts-expect-error process.env read without a loader
new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
// @ts-expect-error a function that returns a plain string
new OpenAI({ apiKey: async () => plain });
// @ts-expect-error a literal
new Anthropic({ apiKey: "not-a-real-key" });
// @ts-expect-error a string variable
new Anthropic({ apiKey: plain });
// @ts-expect-error `as string`
new Anthropic({ apiKey: plain as string });
// @ts-expect-error a literal
new Groq({ apiKey: "not-a-real-key" });
// @ts-expect-error a string variable
new Groq({ apiKey: plain });
// @ts-expect-error `as string`
new Groq({ apiKey: fromEnv as string });
// @ts-expect-error a literal
new ChatOpenAI({ apiKey: "not-a-real-key", model: "gpt-4o-mini" });
// @ts-expect-error a string variable
new ChatOpenAI({ apiKey: plain });
// @ts-expect-error `as string`
new ChatOpenAI({ apiKey: plain as string });

// @ts-expect-error a string variable, at a key option of another name
new Cohere({ token: plain });
// @ts-expect-error a string variable, at the key option named for a client of the user's own
new Custom({ secret: plain });
// @ts-expect-error a client without a known key option needs the name of its key option
guardClient(RawCustom);
// @ts-expect-error Anthropic's authToken is guarded too, without naming it
new Anthropic({ authToken: plain });
// @ts-expect-error a literal authToken
new Anthropic({ authToken: "not-a-real-key" });
// @ts-expect-error Azure's token provider must return a SecretString
new AzureOpenAI({ azureADTokenProvider: async () => plain, endpoint: "https://example.invalid", apiVersion: "2024-10-21" });
// @ts-expect-error a plain string in the Authorization header
new OpenAI({ apiKey: fromEnv, defaultHeaders: { Authorization: `Bearer ${plain}` } });
// @ts-expect-error a literal in the Authorization header
new OpenAI({ defaultHeaders: { Authorization: "Bearer not-a-real-key" } });
// @ts-expect-error a plain string in x-api-key
new Anthropic({ defaultHeaders: { "x-api-key": plain } });
// @ts-expect-error a lower-case spelling of the header
new Groq({ defaultHeaders: { authorization: plain } });
// @ts-expect-error api-key (Azure's header)
new AzureOpenAI({ defaultHeaders: { "api-key": plain }, endpoint: "https://example.invalid", apiVersion: "2024-10-21" });
// @ts-expect-error an option the client does not have
guardClient(RawOpenAI, "notAnOption");

// ------------------------------------------------------------ other options keep the SDK's types
// @ts-expect-error (sdk) baseURL is a string
new OpenAI({ apiKey: fromEnv, baseURL: 42 });
// @ts-expect-error (sdk) an option the SDK does not have
new OpenAI({ apiKey: fromEnv, notAnOption: true });
// @ts-expect-error (sdk) groq-sdk does not accept a function for its key
new Groq({ apiKey: rotating.provider() });
// @ts-expect-error (sdk) temperature is a number
new ChatOpenAI({ apiKey: fromEnv, temperature: "hot" });

// ------------------------------------------------------------ SecretString annotations
// @ts-expect-error a literal
export const a: SecretString = "not-a-real-key";
// @ts-expect-error a string variable
export const b: SecretString = plain;
// @ts-expect-error `as string`
export const c: SecretString = fromEnv as string;
// @ts-expect-error a look-alike brand of the user's own
export const d: SecretString = plain as string & { readonly secretStringBrand: true };
// @ts-expect-error a function returning SecretString must return one
export const e: () => Promise<SecretString> = async () => plain;

// ------------------------------------------------------------ a SecretString is still a string
export const length: number = fromEnv.length;
export const header = `Bearer ${fromEnv}`;
export const asString: string = fromEnv;
export const upper: string = fromEnv.toUpperCase();
new RawOpenAI({ apiKey: fromEnv }); // the SDK's own `apiKey: string`
new RawGroq({ apiKey: fromEnv });
