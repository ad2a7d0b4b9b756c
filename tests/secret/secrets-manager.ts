// A small AWS Secrets Manager on 127.0.0.1 for the real @aws-sdk/client-secrets-manager: the JSON
// 1.1 protocol of GetSecretValue, PutSecretValue, UpdateSecretVersionStage, DescribeSecret and
// ListSecretVersionIds, with versions and stage labels as the service keeps them (moving
// AWSCURRENT moves AWSPREVIOUS to the version it left; PutSecretValue is idempotent per token).
import type { SecretsManagerClientConfig } from "@aws-sdk/client-secrets-manager";
import { localServer, type Reply } from "./server.js";

interface Version {
  readonly id: string;
  readonly value: string;
  readonly created: number;
  stages: Set<string>;
}

interface Secret {
  readonly created: number;
  lastRotated: number | undefined;
  readonly versions: Map<string, Version>;
}

const AMZ = { "content-type": "application/x-amz-json-1.1" };
const error = (type: string, message: string, status = 400): Reply => ({ status, headers: AMZ, json: { __type: type, message } });

export async function fakeSecretsManager() {
  const secrets = new Map<string, Secret>();
  /** Operation name -> the failures of its next calls (a store outage, an error the service returns). */
  const failures = new Map<string, { left: number; reply: Reply }>();
  let clock = Date.parse("2026-01-01T00:00:00Z");
  let versionCounter = 0;

  const withStage = (secret: Secret, stage: string) => [...secret.versions.values()].find((v) => v.stages.has(stage));
  const moveStage = (secret: Secret, stage: string, to: Version) => {
    for (const v of secret.versions.values()) v.stages.delete(stage);
    to.stages.add(stage);
  };

  const handlers: Record<string, (input: Record<string, unknown>, secret: Secret | undefined) => Reply> = {
    GetSecretValue(input, secret) {
      if (!secret) return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
      const stage = (input.VersionStage as string | undefined) ?? (input.VersionId ? undefined : "AWSCURRENT");
      const version = input.VersionId ? secret.versions.get(input.VersionId as string) : withStage(secret, stage!);
      if (!version || (stage && !version.stages.has(stage))) {
        return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label or version.");
      }
      return { headers: AMZ, json: { Name: input.SecretId, SecretString: version.value, VersionId: version.id, VersionStages: [...version.stages], CreatedDate: version.created / 1000 } };
    },
    PutSecretValue(input, secret) {
      if (!secret) return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
      const id = (input.ClientRequestToken as string | undefined) ?? `v${++versionCounter}`;
      const existing = secret.versions.get(id);
      if (existing) {
        if (existing.value !== input.SecretString) return error("ResourceExistsException", "A resource with the ID you requested already exists.");
        return { headers: AMZ, json: { VersionId: id, VersionStages: [...existing.stages] } };
      }
      const version: Version = { id, value: input.SecretString as string, created: (clock += 1000), stages: new Set() };
      secret.versions.set(id, version);
      for (const stage of (input.VersionStages as string[] | undefined) ?? ["AWSCURRENT"]) {
        const before = withStage(secret, "AWSCURRENT");
        moveStage(secret, stage, version);
        if (stage === "AWSCURRENT" && before && before !== version) moveStage(secret, "AWSPREVIOUS", before);
      }
      return { headers: AMZ, json: { VersionId: id, VersionStages: [...version.stages] } };
    },
    UpdateSecretVersionStage(input, secret) {
      if (!secret) return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
      const stage = input.VersionStage as string;
      const holder = withStage(secret, stage);
      if (holder && holder.id !== input.RemoveFromVersionId && holder.id !== input.MoveToVersionId) {
        return error("InvalidParameterException", `The staging label ${stage} is currently attached to version ${holder.id}, so you must explicitly reference that version in RemoveFromVersionId.`);
      }
      if (input.RemoveFromVersionId) secret.versions.get(input.RemoveFromVersionId as string)?.stages.delete(stage);
      if (input.MoveToVersionId) {
        const to = secret.versions.get(input.MoveToVersionId as string);
        if (!to) return error("ResourceNotFoundException", "Secrets Manager can't find the specified version.");
        moveStage(secret, stage, to);
        if (stage === "AWSCURRENT" && holder && holder !== to) moveStage(secret, "AWSPREVIOUS", holder);
      }
      return { headers: AMZ, json: { Name: input.SecretId } };
    },
    DescribeSecret(input, secret) {
      if (!secret) return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
      const map = Object.fromEntries([...secret.versions.values()].filter((v) => v.stages.size > 0).map((v) => [v.id, [...v.stages]]));
      return {
        headers: AMZ,
        json: { Name: input.SecretId, CreatedDate: secret.created / 1000, LastRotatedDate: secret.lastRotated === undefined ? undefined : secret.lastRotated / 1000, VersionIdsToStages: map },
      };
    },
    ListSecretVersionIds(input, secret) {
      if (!secret) return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
      const versions = [...secret.versions.values()].filter((v) => v.stages.size > 0);
      return { headers: AMZ, json: { Name: input.SecretId, Versions: versions.map((v) => ({ VersionId: v.id, VersionStages: [...v.stages], CreatedDate: v.created / 1000 })) } };
    },
  };

  const server = await localServer((req) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    const op = target.replace(/^secretsmanager\./, "");
    const handler = handlers[op];
    if (req.method !== "POST" || !handler) return error("UnknownOperationException", `unexpected call ${target}`);
    const failure = failures.get(op);
    if (failure && failure.left > 0) {
      failure.left--;
      return failure.reply;
    }
    const input = JSON.parse(req.body) as Record<string, unknown>;
    return handler(input, secrets.get(input.SecretId as string));
  });

  const config: SecretsManagerClientConfig = {
    region: "us-east-1",
    endpoint: server.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  };

  return {
    config,
    requests: server.requests,
    close: server.close,
    /** Creates a secret whose AWSCURRENT version holds `value`, `ageDays` old. */
    create(id: string, value: string, ageDays = 0) {
      const created = clock - ageDays * 86_400_000;
      secrets.set(id, { created, lastRotated: undefined, versions: new Map([["v0", { id: "v0", value, created, stages: new Set(["AWSCURRENT"]) }]]) });
    },
    /** The stage labels of each version that has one, as DescribeSecret shows them. */
    stages(id: string): Record<string, string[]> {
      return Object.fromEntries([...secrets.get(id)!.versions.values()].filter((v) => v.stages.size > 0).map((v) => [v.id, [...v.stages].sort()]));
    },
    /** The value of the version with `stage`, for assertions (compare, never print). */
    valueAt(id: string, stage: string): string | undefined {
      return withStage(secrets.get(id)!, stage)?.value;
    },
    /** Adds a version holding `value` as AWSCURRENT (the previous one becomes AWSPREVIOUS), as PutSecretValue does. */
    put(id: string, value: string) {
      handlers.PutSecretValue!({ SecretString: value }, secrets.get(id));
    },
    /** The next `count` calls of `op` fail with HTTP 500. */
    outage(op: string, count = 1) {
      failures.set(op, { left: count, reply: error("InternalServiceError", "service unavailable", 500) });
    },
    /** The next call of `op` fails with the service error `type` and its `message` (HTTP 400). */
    failNext(op: string, type: string, message: string) {
      failures.set(op, { left: 1, reply: error(type, message) });
    },
    /** Moves the service's clock (the creation date of new versions). */
    advanceDays(days: number) {
      clock += days * 86_400_000;
    },
    now: () => new Date(clock),
  };
}
