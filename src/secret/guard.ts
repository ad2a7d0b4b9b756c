import type { SecretString } from "./brand.js";
import { SecretConfigError } from "./errors.js";

/** Any class whose first constructor parameter is an options object (or may be omitted). */
export type AnyClient = abstract new (...args: any[]) => unknown;

type OptionsOf<C extends AnyClient> = C extends abstract new (options?: infer O, ...rest: infer _R) => unknown
  ? NonNullable<O>
  : never;

type RestOf<C extends AnyClient> = C extends abstract new (options?: never, ...rest: infer R) => unknown ? R : never;

/**
 * What a guarded client's key option accepts: a `SecretString`, and, where the SDK itself accepts a
 * function for its key (openai, @anthropic-ai/sdk), a function returning `Promise<SecretString>`.
 */
export type GuardedKey<Original> =
  | SecretString
  | ((() => Promise<string>) extends Original ? () => Promise<SecretString> : never);

/** The SDK's options with `K` narrowed to `GuardedKey`; every other option keeps its own type. */
export type GuardedOptions<O, K extends PropertyKey> = Omit<O, K> &
  (K extends keyof O
    ? undefined extends O[K]
      ? { [P in K]?: GuardedKey<O[K]> }
      : { [P in K]: GuardedKey<O[K]> }
    : { [P in K]?: SecretString });

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

/**
 * Returns `Client` itself (zero cost at run time), typed so that its key option accepts only a
 * `SecretString` (or, where the SDK takes one, a function returning `Promise<SecretString>`): a
 * literal, a `string` variable or `x as string` no longer compiles. Every other option keeps the
 * SDK's own type.
 *
 * @example
 * const OpenAI = guardClient(RawOpenAI);
 * new OpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY") });
 * const ChatOpenAI = guardClient(RawChatOpenAI, "apiKey");
 */
export function guardClient<C extends AnyClient, K extends ClientOptionKey<C> = "apiKey" & ClientOptionKey<C>>(
  Client: C,
  // The option name may be left out only for clients that have an `apiKey` option.
  ...[keyOption]: "apiKey" extends ClientOptionKey<C> ? [keyOption?: K] : [keyOption: K]
): GuardedClient<C, K> {
  if (typeof Client !== "function") {
    throw new SecretConfigError("guardClient", `guardClient: expected a client class, got ${Client === null ? "null" : typeof Client}`);
  }
  if (keyOption !== undefined && (typeof keyOption !== "string" || keyOption.length === 0)) {
    throw new SecretConfigError("guardClient", "guardClient: keyOption must be the name of the constructor option that holds the key");
  }
  return Client as unknown as GuardedClient<C, K>;
}
