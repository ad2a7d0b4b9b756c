import type { SecretString } from "./brand.js";
import { SecretFormatError, SecretNotFoundError } from "./errors.js";
import { checkFormat, formatIds } from "./format.js";
import { defineSecretSource, secretFromJson, type FormatOption, type SecretSource } from "./loaders.js";

/**
 * The part of `SecretsManager` (the aggregated client of `@aws-sdk/client-secrets-manager`) this
 * recipe uses. Typed structurally, so `keyguard/secret` never imports the AWS SDK.
 */
export interface SecretsManagerLike {
  getSecretValue(input: { SecretId: string; VersionStage?: string; VersionId?: string }): Promise<{
    SecretString?: string | undefined;
  }>;
}

export interface AwsSecretOptions extends FormatOption {
  /** The JSON field that holds the key, for secrets stored as key/value pairs (`{"api_key": "..."}`). */
  readonly field?: string | readonly string[];
  /** `AWSCURRENT` (the default of Secrets Manager), `AWSPREVIOUS`, or a custom stage. */
  readonly versionStage?: string;
}

/**
 * A loader for one secret of AWS Secrets Manager: `GetSecretValue` on every call (wrap it in
 * `rotatingSecret` to cache), the whole `SecretString` or one JSON field of it.
 *
 * @example
 * import { SecretsManager } from "@aws-sdk/client-secrets-manager";
 * const openaiKey = awsSecretsManagerSource(new SecretsManager({ region: "eu-west-1" }), "prod/openai", { field: "api_key" });
 * const rotating = rotatingSecret(openaiKey, { maxAgeMs: 15 * 60_000 });
 */
export function awsSecretsManagerSource(client: SecretsManagerLike, secretId: string, options: AwsSecretOptions = {}): SecretSource {
  const name = `AWS Secrets Manager secret ${secretId}`;
  if (options.format !== undefined) formatIds(options.format, name);
  return defineSecretSource(
    async (): Promise<SecretString> => {
      const input = options.versionStage === undefined ? { SecretId: secretId } : { SecretId: secretId, VersionStage: options.versionStage };
      const response = await client.getSecretValue(input);
      const text = response.SecretString;
      if (typeof text !== "string") {
        throw new SecretFormatError(name, `${name}: has no SecretString (a binary secret?); store the key as a string`);
      }
      if (text.length === 0) throw new SecretNotFoundError(name, `${name}: SecretString is empty`);
      if (options.field !== undefined) return secretFromJson(text, options.field, { source: name, format: options.format });
      checkFormat(text, options.format, name);
      return text as SecretString;
    },
    { name },
  );
}
