// rotateKey with awsSecretsManagerStore and the real @aws-sdk/client-secrets-manager, against a
// Secrets Manager on 127.0.0.1 (tests/secret/secrets-manager.ts): AWSPENDING staged, verified,
// promoted to AWSCURRENT; rollback; outages resumed from the stage labels; the key-age check;
// rotatingSecret.refresh() during an outage.
import { SecretsManager } from "@aws-sdk/client-secrets-manager";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  SecretRotationError,
  SecretSourceError,
  awsSecretsManagerSource,
  awsSecretsManagerStore,
  checkKeyAge,
  rotateKey,
  rotatingSecret,
} from "../../src/secret/index.js";
import { caught, expectSafeError, expectSecret } from "./helpers.js";
import { fakeProvider } from "./provider.js";
import { fakeSecretsManager } from "./secrets-manager.js";

let sm: Awaited<ReturnType<typeof fakeSecretsManager>>;
let provider: Awaited<ReturnType<typeof fakeProvider>>;
let client: SecretsManager;
const ID = "prod/openai";

beforeEach(async () => {
  sm = await fakeSecretsManager();
  provider = await fakeProvider(700);
  client = new SecretsManager(sm.config);
  sm.create(ID, JSON.stringify({ api_key: provider.initialKey().value, org: "org-1" }), 120);
});
afterEach(async () => {
  client.destroy();
  await Promise.all([sm.close(), provider.close()]);
});

const allValues = () => provider.keys.map((k) => k.value);
const targets = () => sm.requests.map((r) => String(r.headers["x-amz-target"]).replace("secretsmanager.", ""));
const options = () => ({
  store: awsSecretsManagerStore(client, ID, { field: "api_key" }),
  create: provider.create,
  verify: provider.verify,
  revoke: provider.revoke,
  currentId: "key_0",
});
const field = (stage: string) => {
  const doc = sm.valueAt(ID, stage);
  return doc === undefined ? undefined : (JSON.parse(doc) as { api_key: string; org: string });
};

describe("rotateKey with awsSecretsManagerStore", () => {
  it("follows the rotation protocol: AWSPENDING staged and verified, then promoted to AWSCURRENT; the old key revoked", async () => {
    const stagesAtVerify: Record<string, string[]>[] = [];
    const result = await rotateKey({
      ...options(),
      verify: async (candidate) => {
        stagesAtVerify.push(sm.stages(ID));
        await provider.verify(candidate);
      },
    });
    // While verifying: the new version is AWSPENDING, AWSCURRENT is still the old one.
    expect(stagesAtVerify).toEqual([{ v0: ["AWSCURRENT"], [result.token]: ["AWSPENDING"] }]);
    // After: the new version is AWSCURRENT (AWSPENDING removed), the old one AWSPREVIOUS.
    expect(sm.stages(ID)).toEqual({ v0: ["AWSPREVIOUS"], [result.token]: ["AWSCURRENT"] });
    expectSecret(field("AWSCURRENT")!.api_key, provider.keys[1]!.value);
    expect(field("AWSCURRENT")!.org).toBe("org-1");
    expect(provider.live().map((k) => k.id)).toEqual(["key_1"]);
    const put = sm.requests.find((r) => r.headers["x-amz-target"] === "secretsmanager.PutSecretValue")!;
    expect(JSON.parse(put.body)).toMatchObject({ SecretId: ID, ClientRequestToken: result.token, VersionStages: ["AWSPENDING"] });
    const moves = sm.requests.filter((r) => r.headers["x-amz-target"] === "secretsmanager.UpdateSecretVersionStage").map((r) => JSON.parse(r.body) as unknown);
    expect(moves).toEqual([
      { SecretId: ID, VersionStage: "AWSCURRENT", MoveToVersionId: result.token, RemoveFromVersionId: "v0" },
      { SecretId: ID, VersionStage: "AWSPENDING", RemoveFromVersionId: result.token },
    ]);
  });

  it("rolls back a key that fails verification: AWSPENDING removed, AWSCURRENT untouched, the new key revoked", async () => {
    provider.behaviour.rejectNewKeys = true;
    const error = expectSafeError(await caught(() => rotateKey(options())), SecretRotationError, ...allValues()) as SecretRotationError;
    expect(error.step).toBe("verify");
    expect(error.rolledBack).toBe(true);
    expect(error.message).toMatch(/^AWS Secrets Manager secret prod\/openai: key rotation [0-9a-f-]{36} failed at step "verify"/);
    expect(sm.stages(ID)).toEqual({ v0: ["AWSCURRENT"] });
    expectSecret(field("AWSCURRENT")!.api_key, provider.keys[0]!.value);
    expect(provider.live().map((k) => k.id)).toEqual(["key_0"]);
  });

  it("an outage while promoting is named, and the next run resumes from the AWSPENDING version", async () => {
    sm.outage("UpdateSecretVersionStage");
    const error = expectSafeError(await caught(() => rotateKey(options())), SecretRotationError, ...allValues()) as SecretRotationError;
    expect(error.step).toBe("promote");
    expect(error.resumable).toBe(true);
    expect(error.message).toContain('failed at step "promote": InternalServiceError (HTTP 500)');
    expect(sm.stages(ID)).toEqual({ v0: ["AWSCURRENT"], [error.token!]: ["AWSPENDING"] });
    const result = await rotateKey(options());
    expect(result).toMatchObject({ token: error.token, resumed: true, revokedOld: true });
    expect(sm.stages(ID)).toEqual({ v0: ["AWSPREVIOUS"], [error.token!]: ["AWSCURRENT"] });
    expect(provider.keys.map((k) => k.id)).toEqual(["key_0", "key_1"]);
    expect(provider.live().map((k) => k.id)).toEqual(["key_1"]);
  });

  it("an outage after promotion resumes at the revocation (the version is AWSCURRENT and still AWSPENDING)", async () => {
    // DescribeSecret calls: promote (1), finish (2): the second fails.
    let describeCalls = 0;
    const store = awsSecretsManagerStore(client, ID, { field: "api_key" });
    const counting = {
      ...store,
      state: {
        load: store.state!.load,
        save: async (state: Parameters<NonNullable<typeof store.state>["save"]>[0]) => {
          if (state === undefined && describeCalls++ === 0) sm.outage("DescribeSecret");
          return store.state!.save(state);
        },
      },
    };
    const error = (await caught(() => rotateKey({ ...options(), store: counting }))) as SecretRotationError;
    expect(error.step).toBe("finish");
    expect(sm.stages(ID)).toEqual({ v0: ["AWSPREVIOUS"], [error.token!]: ["AWSCURRENT", "AWSPENDING"] });
    const result = await rotateKey(options());
    expect(result).toMatchObject({ token: error.token, resumed: true });
    expect(sm.stages(ID)).toEqual({ v0: ["AWSPREVIOUS"], [error.token!]: ["AWSCURRENT"] });
    expect(provider.live().map((k) => k.id)).toEqual(["key_1"]);
  });

  it("the key-age check reads the AWSCURRENT version's creation date: due at 120 days, ok after a rotation", async () => {
    const store = awsSecretsManagerStore(client, ID, { field: "api_key" });
    const before = await checkKeyAge(store, { now: sm.now() });
    expect(before).toMatchObject({ status: "due", ageDays: 120, basis: "currentSince" });
    expect(before.message).toMatch(/^AWS Secrets Manager secret prod\/openai: in use since \d{4}-\d\d-\d\d \(120 days ago\); rotation was due/);
    await rotateKey(options());
    sm.advanceDays(10);
    expect(await checkKeyAge(store, { now: sm.now() })).toMatchObject({ status: "ok", ageDays: 10 });
    expect(targets()).toContain("ListSecretVersionIds");
  });

  it("clients see the new key on refresh(); refresh() during an outage rejects while get() serves the cached key", async () => {
    const rotating = rotatingSecret(awsSecretsManagerSource(client, ID, { field: "api_key" }), { maxAgeMs: 60_000 });
    expectSecret(await rotating.get(), provider.keys[0]!.value);
    await rotateKey({ ...options(), beforeRevoke: async () => void (await rotating.refresh()) });
    expectSecret(await rotating.get(), provider.keys[1]!.value);

    sm.outage("GetSecretValue", 2);
    const error = expectSafeError(await caught(() => rotating.refresh()), SecretSourceError, ...allValues());
    expect(error.message).toMatch(/^AWS Secrets Manager secret prod\/openai: refresh\(\) failed, the cached value was not replaced: .*InternalServiceError \(HTTP 500\)/);
    expectSecret(await rotating.get(), provider.keys[1]!.value);
  });
});
