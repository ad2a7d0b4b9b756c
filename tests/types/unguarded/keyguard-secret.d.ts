// keyguard/secret with the guard removed: SecretString is a plain string and guardClient returns
// the class unchanged. scripts/test-types.mjs compiles tests/types/guard.types.ts against this and
// requires every `@ts-expect-error` (but those marked "(sdk)") to become unused, which proves that
// each one fails because of the guard, not for some other reason.
export type SecretString = string;
export type SecretSource = (() => Promise<string>) & { readonly sourceName: string };
export declare function guardClient<C>(Client: C, ...keyOptions: string[]): C;
export declare function unsafeSecretString(value: string): string;
export declare function secretFromEnv(name: string, options?: object): string;
export declare function secretFromFile(path: string, options?: object): string;
export declare function secretFromCredential(id: string, options?: object): string;
export declare function secretFromJson(json: string, field: string | readonly string[], options?: object): string;
export declare function defineSecretSource(fetch: () => string | Promise<string>, options?: object): SecretSource;
export declare function awsSecretsManagerSource(
  client: { getSecretValue(input: { SecretId: string }): Promise<{ SecretString?: string | undefined }> },
  secretId: string,
  options?: object,
): SecretSource;
export declare function rotatingSecret(
  source: () => string | Promise<string>,
  options: { maxAgeMs: number },
): { get(): Promise<string>; refresh(): Promise<string>; provider(): () => Promise<string> };
