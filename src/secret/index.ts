/**
 * `keyguard/secret`: the run-time half of keyguard. A `SecretString` is a string that came from a
 * loader, never from a literal; `guardClient` makes SDK clients accept nothing else. This entry
 * point loads neither ESLint nor TypeScript.
 */
export type { SecretString } from "./brand.js";
export { mask } from "../detect/mask.js";
export {
  SecretError,
  SecretNotFoundError,
  SecretFormatError,
  SecretFileError,
  SecretSourceError,
  SecretConfigError,
  SafeCause,
} from "./errors.js";
export type { SecretFormat } from "./format.js";
export {
  unsafeSecretString,
  secretFromEnv,
  secretFromFile,
  secretFromCredential,
  secretFromJson,
  defineSecretSource,
} from "./loaders.js";
export type { SecretEnv, FormatOption, EnvOptions, JsonOptions, SecretSource, SourceOptions } from "./loaders.js";
export { rotatingSecret } from "./rotate.js";
export type { RotatingOptions, RotatingSecret } from "./rotate.js";
export { guardClient } from "./guard.js";
export type { AnyClient, GuardedClient, GuardedKey, GuardedOptions, GuardedHeaders, GuardedHeaderValue, ClientOptionKey, DefaultKeyOption, KnownKeyOption } from "./guard.js";
export { awsSecretsManagerSource } from "./aws.js";
export type { SecretsManagerLike, AwsSecretOptions } from "./aws.js";
