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
  SecretRotationError,
  SafeCause,
} from "./errors.js";
export type { RotationStep } from "./errors.js";
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
export { awsSecretsManagerSource, awsSecretsManagerStore } from "./aws.js";
export type { SecretsManagerLike, AwsSecretOptions, SecretsManagerRotationLike, AwsStoreOptions } from "./aws.js";
export { rotateKey, keyAge, checkKeyAge, fileSecretStore, fileRotationState, DEFAULT_MAX_KEY_AGE_DAYS } from "./rotation.js";
export type {
  RotateKeyOptions,
  RotationResult,
  RotationStore,
  RotationStateStore,
  RotationState,
  RotationEvent,
  CreatedKey,
  KeyToRevoke,
  KeyMetadata,
  KeyAge,
  KeyAgeOptions,
} from "./rotation.js";
