import type { SecretString } from "./brand.js";
import { SecretConfigError } from "./errors.js";

/** Any class whose first constructor parameter is an options object (or may be omitted). */
export type AnyClient = abstract new (...args: any[]) => unknown;

type OptionsOf<C extends AnyClient> = C extends abstract new (options: infer O, ...rest: infer _R) => unknown
  ? NonNullable<O>
  : never;

// A required first parameter in the pattern: a constructor whose options are optional matches it too.
type RestOf<C extends AnyClient> = C extends abstract new (options: never, ...rest: infer R) => unknown ? R : never;

/**
 * Option names that hold a client's key or token in the SDKs keyguard knows (`apiKey` everywhere,
 * Anthropic's `authToken`, Cohere's `token`, Azure OpenAI's `azureADTokenProvider`, …).
 * `guardClient` guards every one of them that the client's options have.
 */
const KEY_OPTION_NAMES = ["apiKey", "authToken", "token", "accessToken", "azureADTokenProvider"] as const;
export type KnownKeyOption = (typeof KEY_OPTION_NAMES)[number];

/**
 * Header names that carry a key (`Authorization`, `x-api-key`, …) in the spellings code uses. The
 * types cannot compare names case-insensitively: these are the spellings the guard covers (the
 * lint rules compare any spelling).
 */
export const KEY_HEADER_NAMES = [
  "Authorization",
  "authorization",
  "AUTHORIZATION",
  "x-api-key",
  "X-Api-Key",
  "X-API-Key",
  "X-API-KEY",
  "api-key",
  "Api-Key",
  "API-Key",
  "x-goog-api-key",
  "X-Goog-Api-Key",
] as const;
export type KeyHeaderName = (typeof KEY_HEADER_NAMES)[number];

/** Option names that hold request headers (`defaultHeaders` of the Stainless SDKs, `headers` of others). */
export const HEADER_OPTION_NAMES = ["defaultHeaders", "headers"] as const;
export type HeaderOption = (typeof HEADER_OPTION_NAMES)[number];

/** What a credential header of a guarded client accepts: the secret itself, or `Bearer`/`Basic` and the secret, written in place. */
export type GuardedHeaderValue = SecretString | `Bearer ${SecretString}` | `Basic ${SecretString}` | null | undefined;

/** Credential headers narrowed to {@link GuardedHeaderValue}; other headers keep the SDK's type. */
export type GuardedHeaders = { [H in KeyHeaderName]?: GuardedHeaderValue };

/** A header option's type with its object forms (a record, `Headers`, tuples) intersected with {@link GuardedHeaders}. */
type GuardHeaderOption<V> = V extends object ? V & GuardedHeaders : V;

/** The header options of `Options` (a `Pick` of them), each guarded; optional ones stay optional. */
type GuardHeaderOptions<Options> = { [P in keyof Options]: GuardHeaderOption<Options[P]> };

/**
 * What a guarded client's key option accepts: a `SecretString` where the SDK takes a string, and,
 * where the SDK itself accepts a function for its key (openai, @anthropic-ai/sdk, Azure's token
 * provider), a function returning `Promise<SecretString>`.
 */
export type GuardedKey<Original> =
  | (string extends Original ? SecretString : never)
  | ((() => Promise<string>) extends Original ? () => Promise<SecretString> : never);

/** The SDK's options with the key options `K` narrowed to `GuardedKey` and credential headers to `GuardedHeaders`; every other option keeps its own type. */
export type GuardedOptions<O, K extends PropertyKey> = Omit<O, K | HeaderOption> &
  { [P in K & keyof O as undefined extends O[P] ? P : never]?: GuardedKey<O[P]> } &
  { [P in K & keyof O as undefined extends O[P] ? never : P]: GuardedKey<O[P]> } &
  { [P in Exclude<K, keyof O>]?: SecretString } &
  GuardHeaderOptions<Pick<O, HeaderOption & keyof O>>;

type OptionalFirst<C extends AnyClient> = C extends abstract new (...args: infer A) => unknown
  ? [] extends A
    ? true
    : undefined extends A[0]
      ? true
      : false
  : false;

/** The constructor `guardClient` returns: the same statics, one construct signature with a guarded key option. */
export type GuardedClient<C extends AnyClient, K extends PropertyKey> = Pick<C, keyof C> &
  (OptionalFirst<C> extends true
    ? new (options?: GuardedOptions<OptionsOf<C>, K>, ...rest: RestOf<C>) => InstanceType<C>
    : new (options: GuardedOptions<OptionsOf<C>, K>, ...rest: RestOf<C>) => InstanceType<C>);

/** The option names of a client's constructor. */
export type ClientOptionKey<C extends AnyClient> = keyof OptionsOf<C> & string;

/** The key options `guardClient` guards without being told: the {@link KnownKeyOption}s the client's options have. */
export type DefaultKeyOption<C extends AnyClient> = Extract<ClientOptionKey<C>, KnownKeyOption>;

/**
 * Returns `Client` itself (zero cost at run time), typed so that every key option accepts only a
 * `SecretString` (or, where the SDK takes one, a function returning `Promise<SecretString>`), and
 * credential headers (`defaultHeaders: { Authorization }`, `x-api-key`, …) only a `SecretString`
 * or `` `Bearer ${secret}` `` written in place: a literal, a `string` variable or `x as string`
 * does not compile. The key options are the known ones the client has (`apiKey`, `authToken`,
 * `token`, …) plus those named; a client with none of them must name its key option. Every other
 * option keeps the SDK's own type.
 *
 * @example
 * const OpenAI = guardClient(RawOpenAI);
 * new OpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY") });
 * const Anthropic = guardClient(RawAnthropic); // apiKey and authToken
 * const Custom = guardClient(RawCustom, "secret");
 */
export function guardClient<C extends AnyClient, K extends ClientOptionKey<C> = DefaultKeyOption<C>>(
  Client: C,
  // Key option names may be left out only for clients that have a known one.
  ...keyOptions: [DefaultKeyOption<C>] extends [never] ? [K, ...K[]] : K[]
): GuardedClient<C, K | DefaultKeyOption<C>> {
  if (typeof Client !== "function") {
    throw new SecretConfigError("guardClient", `guardClient: expected a client class, got ${Client === null ? "null" : typeof Client}`);
  }
  for (const keyOption of keyOptions as unknown[]) {
    if (typeof keyOption !== "string" || keyOption.length === 0) {
      throw new SecretConfigError("guardClient", "guardClient: each key option must be the name of a constructor option that holds a key");
    }
  }
  return Client as unknown as GuardedClient<C, K | DefaultKeyOption<C>>;
}
