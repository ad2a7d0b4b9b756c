// guardClient and rotatingSecret with the real SDKs, talking to a server on 127.0.0.1: the guarded
// class is the SDK's own, a SecretString reaches the wire unchanged, and provider() rotates the key
// of a live client without rebuilding it.
import RawAnthropic from "@anthropic-ai/sdk";
import { ChatOpenAI as RawChatOpenAI } from "@langchain/openai";
import RawGroq from "groq-sdk";
import RawOpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecretConfigError, guardClient, rotatingSecret, secretFromEnv, unsafeSecretString } from "../../src/secret/index.js";
import { fakeKey } from "../helpers/keys.js";
import { caught, expectSafeError, expectSecret, expectSecrets } from "./helpers.js";
import { localServer, type Recorded } from "./server.js";

const OpenAI = guardClient(RawOpenAI);
const Anthropic = guardClient(RawAnthropic);
const Groq = guardClient(RawGroq);
const ChatOpenAI = guardClient(RawChatOpenAI, "apiKey");

const OPENAI = [fakeKey("openai-project", 51), fakeKey("openai-project", 52)] as const;
const ANTHROPIC = [fakeKey("anthropic", 53), fakeKey("anthropic", 54)] as const;
const GROQ = fakeKey("groq", 55);

let server: Awaited<ReturnType<typeof localServer>>;
const completion = { id: "c1", object: "chat.completion", created: 0, model: "m", choices: [{ index: 0, message: { role: "assistant", content: "pong" }, finish_reason: "stop" }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };

beforeAll(async () => {
  server = await localServer((req: Recorded) => {
    if (req.url.endsWith("/chat/completions")) return { json: completion };
    if (req.url.includes("/models")) return { json: { object: "list", data: [], has_more: false, first_id: null, last_id: null } };
    return { status: 404, json: { error: { message: "not here" } } };
  });
});
afterAll(() => server.close());

const last = () => server.requests[server.requests.length - 1]!;
const bearer = () => last().headers.authorization;

/** A source whose value the test switches, counting fetches. */
function switchable(values: readonly string[]) {
  const state = { index: 0, calls: 0 };
  const source = async () => {
    state.calls++;
    return unsafeSecretString(values[state.index]!);
  };
  return { state, source };
}

describe("guardClient", () => {
  it("returns the SDK's own constructor (zero cost)", () => {
    expect(OpenAI).toBe(RawOpenAI);
    expect(Anthropic).toBe(RawAnthropic);
    expect(Groq).toBe(RawGroq);
    expect(ChatOpenAI).toBe(RawChatOpenAI);
    expect(new OpenAI({ apiKey: unsafeSecretString(OPENAI[0]) })).toBeInstanceOf(RawOpenAI);
  });

  it("rejects what cannot be a client or an option name", async () => {
    expectSafeError(await caught(() => guardClient(null as never, "apiKey")), SecretConfigError);
    expectSafeError(await caught(() => guardClient(RawOpenAI, "" as never)), SecretConfigError);
    expectSafeError(await caught(() => guardClient(RawAnthropic, "apiKey", 42 as never)), SecretConfigError);
  });

  it("openai: a SecretString from the environment reaches the Authorization header", async () => {
    const client = new OpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY", { env: { OPENAI_API_KEY: OPENAI[0] } }), baseURL: `${server.url}/v1`, maxRetries: 0 });
    await client.models.list();
    expectSecret(bearer(), `Bearer ${OPENAI[0]}`);
  });

  it("groq-sdk: likewise", async () => {
    const client = new Groq({ apiKey: secretFromEnv("GROQ_API_KEY", { env: { GROQ_API_KEY: GROQ }, format: "groq" }), baseURL: server.url, maxRetries: 0 });
    await client.models.list();
    expectSecret(bearer(), `Bearer ${GROQ}`);
  });

  it("@anthropic-ai/sdk: likewise (this version sends the key as a bearer token)", async () => {
    const client = new Anthropic({ apiKey: unsafeSecretString(ANTHROPIC[0]), baseURL: server.url, maxRetries: 0 });
    await client.models.list();
    expectSecret(bearer(), `Bearer ${ANTHROPIC[0]}`);
  });

  it("LangChain ChatOpenAI guarded on apiKey", async () => {
    const chat = new ChatOpenAI({ apiKey: unsafeSecretString(OPENAI[1]), model: "gpt-4o-mini", maxRetries: 0, configuration: { baseURL: `${server.url}/v1` } });
    const reply = await chat.invoke("ping");
    expect(reply.content).toBe("pong");
    expectSecret(bearer(), `Bearer ${OPENAI[1]}`);
  });
});

describe("rotation through provider(): the same client object picks up a new key", () => {
  it("openai calls the provider and sends the rotated key after refresh()", async () => {
    const { state, source } = switchable(OPENAI);
    const rotating = rotatingSecret(source, { maxAgeMs: 60 * 60_000 });
    const client = new OpenAI({ apiKey: rotating.provider(), baseURL: `${server.url}/v1`, maxRetries: 0 });
    await client.models.list();
    expectSecret(bearer(), `Bearer ${OPENAI[0]}`);
    await client.models.list();
    expect(state.calls).toBe(1);
    state.index = 1; // the key was rotated in the secret manager
    await rotating.refresh(); // e.g. after a 401
    await client.models.list();
    expectSecret(bearer(), `Bearer ${OPENAI[1]}`);
    expect(state.calls).toBe(2);
  });

  it("@anthropic-ai/sdk calls the provider on every request (sent as a bearer token) and follows expiry", async () => {
    const { state, source } = switchable(ANTHROPIC);
    const rotating = rotatingSecret(source, { maxAgeMs: 0 });
    const client = new Anthropic({ apiKey: rotating.provider(), baseURL: server.url, maxRetries: 0 });
    await client.models.list();
    expectSecret(bearer(), `Bearer ${ANTHROPIC[0]}`);
    state.index = 1;
    await client.models.list();
    expectSecret(bearer(), `Bearer ${ANTHROPIC[1]}`);
  });

  it("LangChain ChatOpenAI passes a provider through to its openai client", async () => {
    const { state, source } = switchable(OPENAI);
    const rotating = rotatingSecret(source, { maxAgeMs: 60 * 60_000 });
    const chat = new ChatOpenAI({ apiKey: rotating.provider(), model: "gpt-4o-mini", maxRetries: 0, configuration: { baseURL: `${server.url}/v1` } });
    await chat.invoke("ping");
    expectSecret(bearer(), `Bearer ${OPENAI[0]}`);
    state.index = 1;
    await rotating.refresh();
    await chat.invoke("ping");
    expectSecret(bearer(), `Bearer ${OPENAI[1]}`);
  });
});
