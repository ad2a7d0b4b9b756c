import type { SecretString } from "./brand.js";
import { SecretConfigError, SecretFormatError, SecretNotFoundError } from "./errors.js";
import { checkFormat, formatIds } from "./format.js";
import { defineSecretSource, secretFromJson, type FormatOption, type SecretSource } from "./loaders.js";
import type { RotationStore } from "./rotation.js";

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

/**
 * The part of `SecretsManager` that `awsSecretsManagerStore` uses (rotation and the key-age
 * check), typed structurally as `SecretsManagerLike` is.
 */
export interface SecretsManagerRotationLike extends SecretsManagerLike {
  putSecretValue(input: { SecretId: string; ClientRequestToken: string; SecretString: string; VersionStages: string[] }): Promise<unknown>;
  updateSecretVersionStage(input: { SecretId: string; VersionStage: string; MoveToVersionId?: string; RemoveFromVersionId?: string }): Promise<unknown>;
  describeSecret(input: { SecretId: string }): Promise<{
    VersionIdsToStages?: Record<string, string[]> | undefined;
    LastRotatedDate?: Date | undefined;
    CreatedDate?: Date | undefined;
  }>;
  listSecretVersionIds?(input: { SecretId: string }): Promise<{
    Versions?: { VersionId?: string | undefined; VersionStages?: string[] | undefined; CreatedDate?: Date | undefined }[] | undefined;
  }>;
}

export interface AwsStoreOptions {
  /** The JSON field that holds the key, for secrets stored as key/value pairs; the other fields are kept on rotation. */
  readonly field?: string;
}

const CURRENT = "AWSCURRENT";
const PENDING = "AWSPENDING";
const PREVIOUS = "AWSPREVIOUS";

const isNotFound = (error: unknown) => (error as { name?: unknown } | null)?.name === "ResourceNotFoundException";

/**
 * A `RotationStore` for one secret of AWS Secrets Manager, following its rotation protocol: the new
 * key is put as a new version labelled `AWSPENDING` (its version id is the rotation's token),
 * verified, then promoted by moving `AWSCURRENT` to it (Secrets Manager moves `AWSPREVIOUS` to the
 * old version); a failed verification removes `AWSPENDING` from the new version. The stage labels
 * are also the rotation's persisted state: a rotation that stopped is found again by its
 * `AWSPENDING` version. `metadata()` gives the creation date of the `AWSCURRENT` version (needs
 * `ListSecretVersionIds`), `LastRotatedDate` and `CreatedDate`, for `checkKeyAge`.
 *
 * IAM: `GetSecretValue`, `PutSecretValue`, `UpdateSecretVersionStage`, `DescribeSecret`,
 * `ListSecretVersionIds` on the secret.
 */
export function awsSecretsManagerStore(client: SecretsManagerRotationLike, secretId: string, options: AwsStoreOptions = {}): RotationStore {
  const name = `AWS Secrets Manager secret ${secretId}`;
  if (typeof secretId !== "string" || secretId.length === 0) {
    throw new SecretConfigError("awsSecretsManagerStore", "awsSecretsManagerStore: expected a secret id");
  }
  if (options.field !== undefined && (typeof options.field !== "string" || options.field.length === 0)) {
    throw new SecretConfigError(name, `${name}: option "field" must be a non-empty property name`);
  }
  const field = options.field;

  const read = async (input: { VersionStage: string; VersionId?: string }): Promise<string | undefined> => {
    let text: string | undefined;
    try {
      text = (await client.getSecretValue({ SecretId: secretId, ...input })).SecretString;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    if (typeof text !== "string") throw new SecretFormatError(name, `${name}: has no SecretString (a binary secret?); store the key as a string`);
    return field === undefined ? text : secretFromJson(text, field, { source: `${name} (${input.VersionStage})` });
  };
  const stages = async () => (await client.describeSecret({ SecretId: secretId })).VersionIdsToStages ?? {};
  const versionWith = (map: Record<string, string[]>, stage: string) => Object.keys(map).find((v) => map[v]?.includes(stage));

  return {
    name,
    async current() {
      const value = await read({ VersionStage: CURRENT });
      if (value === undefined) throw new SecretNotFoundError(name, `${name}: has no ${CURRENT} version`);
      return value;
    },
    previous: () => read({ VersionStage: PREVIOUS }),
    pending: (token) => read({ VersionStage: PENDING, VersionId: token }),
    async stage(token, value) {
      let text = value;
      if (field !== undefined) {
        // Keep the secret's other fields: the new version is the current document with one field replaced.
        const { SecretString } = await client.getSecretValue({ SecretId: secretId, VersionStage: CURRENT });
        let doc: Record<string, unknown>;
        try {
          doc = JSON.parse(SecretString ?? "{}") as Record<string, unknown>;
        } catch {
          throw new SecretFormatError(name, `${name}: the current version is not a JSON document, but option "field" is set`);
        }
        text = JSON.stringify({ ...doc, [field]: value });
      }
      await client.putSecretValue({ SecretId: secretId, ClientRequestToken: token, SecretString: text, VersionStages: [PENDING] });
    },
    async promote(token) {
      const current = versionWith(await stages(), CURRENT);
      if (current === token) return;
      await client.updateSecretVersionStage({
        SecretId: secretId,
        VersionStage: CURRENT,
        MoveToVersionId: token,
        ...(current === undefined ? {} : { RemoveFromVersionId: current }),
      });
    },
    async discard(token) {
      if (!(await stages())[token]?.includes(PENDING)) return;
      await client.updateSecretVersionStage({ SecretId: secretId, VersionStage: PENDING, RemoveFromVersionId: token });
    },
    async metadata() {
      const described = await client.describeSecret({ SecretId: secretId });
      let currentSince: Date | undefined;
      if (typeof client.listSecretVersionIds === "function") {
        const { Versions = [] } = await client.listSecretVersionIds({ SecretId: secretId });
        currentSince = Versions.find((v) => v.VersionStages?.includes(CURRENT))?.CreatedDate;
      }
      return { currentSince, lastRotated: described.LastRotatedDate, created: described.CreatedDate };
    },
    state: {
      async load() {
        const map = await stages();
        const token = versionWith(map, PENDING);
        if (token === undefined) return undefined;
        return { token, step: map[token]!.includes(CURRENT) ? "promoted" : "staged" };
      },
      async save(state) {
        // The labels record "staged" and "promoted" by themselves; the end of a rotation is
        // recorded by removing AWSPENDING from the version that is now current.
        if (state !== undefined) return;
        const map = await stages();
        const token = versionWith(map, PENDING);
        if (token !== undefined && map[token]!.includes(CURRENT)) {
          await client.updateSecretVersionStage({ SecretId: secretId, VersionStage: PENDING, RemoveFromVersionId: token });
        }
      },
    },
  };
}
