// The AWS Secrets Manager recipe against the real @aws-sdk/client-secrets-manager: the SDK signs
// and sends its GetSecretValue call (JSON 1.1 protocol) to the fake service of secrets-manager.ts.
import { GetSecretValueCommand, SecretsManager, SecretsManagerClient, type SecretsManagerClientConfig } from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SecretFormatError,
  SecretNotFoundError,
  SecretSourceError,
  awsSecretsManagerSource,
  defineSecretSource,
  mask,
  rotatingSecret,
} from "../../src/secret/index.js";
import { fakeKey } from "../helpers/keys.js";
import { caught, expectSafeError, expectSecret, expectSecrets } from "./helpers.js";
import { fakeSecretsManager } from "./secrets-manager.js";

const KEY1 = fakeKey("openai-project", 41);
const KEY2 = fakeKey("openai-project", 42);
const ANTHROPIC = fakeKey("anthropic", 43);

let sm: Awaited<ReturnType<typeof fakeSecretsManager>>;
let config: SecretsManagerClientConfig;

beforeAll(async () => {
  sm = await fakeSecretsManager();
  config = sm.config;
});
afterAll(() => sm.close());

describe("awsSecretsManagerSource with @aws-sdk/client-secrets-manager", () => {
  it("fetches a plain SecretString through a signed GetSecretValue call", async () => {
    sm.create("prod/openai-plain", KEY1);
    const before = sm.requests.length;
    const source = awsSecretsManagerSource(new SecretsManager(config), "prod/openai-plain", { format: "openai-project" });
    expect(source.sourceName).toBe("AWS Secrets Manager secret prod/openai-plain");
    expectSecret(await source(), KEY1);
    const request = sm.requests[before]!;
    expect(request.headers["x-amz-target"]).toBe("secretsmanager.GetSecretValue");
    expect(request.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test\//);
    expect(JSON.parse(request.body)).toEqual({ SecretId: "prod/openai-plain" });
  });

  it("takes one field of a JSON secret and passes the version stage", async () => {
    sm.create("prod/ai", JSON.stringify({ openai: KEY1, anthropic: ANTHROPIC }));
    const before = sm.requests.length;
    const source = awsSecretsManagerSource(new SecretsManager(config), "prod/ai", { field: "anthropic", format: "anthropic", versionStage: "AWSCURRENT" });
    expectSecret(await source(), ANTHROPIC);
    expect(JSON.parse(sm.requests[before]!.body)).toEqual({ SecretId: "prod/ai", VersionStage: "AWSCURRENT" });
  });

  it("a missing secret is a SecretSourceError naming the secret id and the AWS error", async () => {
    const source = awsSecretsManagerSource(new SecretsManager(config), "prod/missing");
    const error = expectSafeError(await caught(() => source()), SecretSourceError);
    expect(error.message).toContain("AWS Secrets Manager secret prod/missing: fetching the secret failed");
    expect(error.message).toContain("ResourceNotFoundException (HTTP 400)");
  });

  it("masks a key that an AWS error message quotes", async () => {
    // A service error message that quotes a key: the SDK puts it in its error's message.
    sm.create("leaky/error", KEY1);
    sm.failNext("GetSecretValue", "InvalidRequestException", `bad secret ${ANTHROPIC}`);
    const source = awsSecretsManagerSource(new SecretsManager(config), "leaky/error");
    const error = expectSafeError(await caught(() => source()), SecretSourceError, ANTHROPIC);
    expect(error.message).toContain(mask(ANTHROPIC));
  });

  it("a missing field or a wrong format names the secret and the field, not the document", async () => {
    sm.create("prod/doc", JSON.stringify({ api_key: KEY1 }));
    const missing = awsSecretsManagerSource(new SecretsManager(config), "prod/doc", { field: "apiKey" });
    const e1 = expectSafeError(await caught(() => missing()), SecretNotFoundError, KEY1);
    expect(e1.message).toBe('AWS Secrets Manager secret prod/doc: has no field "apiKey"');
    const wrong = awsSecretsManagerSource(new SecretsManager(config), "prod/doc", { field: "api_key", format: "anthropic" });
    const e2 = expectSafeError(await caught(() => wrong()), SecretFormatError, KEY1);
    expect(e2.message).toContain("expected an Anthropic API key");
  });

  it("the bare client and command work through defineSecretSource (the recipe in the guide)", async () => {
    sm.create("prod/bare", JSON.stringify({ api_key: KEY1 }));
    const client = new SecretsManagerClient(config);
    const source = defineSecretSource(
      async () => {
        const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: "prod/bare" }));
        return JSON.parse(SecretString ?? "{}").api_key;
      },
      { name: "AWS prod/bare", format: "openai-project" },
    );
    expectSecret(await source(), KEY1);
  });

  it("rotates: a new version in Secrets Manager reaches rotatingSecret on refresh(), without a new client", async () => {
    sm.create("prod/rotating", JSON.stringify({ api_key: KEY1 }));
    const rotating = rotatingSecret(awsSecretsManagerSource(new SecretsManager(config), "prod/rotating", { field: "api_key" }), {
      maxAgeMs: 15 * 60_000,
    });
    const countFor = () => sm.requests.filter((r) => r.body.includes("prod/rotating")).length;
    expectSecrets(await Promise.all([rotating.get(), rotating.get(), rotating.get()]), [KEY1, KEY1, KEY1]);
    expect(countFor()).toBe(1);
    sm.put("prod/rotating", JSON.stringify({ api_key: KEY2 }));
    expectSecret(await rotating.get(), KEY1);
    expectSecret(await rotating.refresh(), KEY2);
    expectSecret(await rotating.get(), KEY2);
    expect(countFor()).toBe(2);
  });
});
