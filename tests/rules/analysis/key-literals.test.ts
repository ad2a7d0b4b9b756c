import { describe, expect, it } from "vitest";
import { cannotBeCredential, detectorFor, isDetectedKey, isFirebaseWebApiKey, readsAsStandIn } from "../../../rules/analysis/key-literals.js";
import { mask } from "../../../src/detect/mask.js";
import { fakeKey } from "../../helpers/keys.js";
import { analyse } from "./analyse.js";

const q = (s: string) => JSON.stringify(s);

describe("isDetectedKey: the one answer of which literals are keys", () => {
  const detected = (code: string, literal: string) =>
    analyse(code, ({ sourceCode, node }) => {
      const n = node(q(literal));
      return isDetectedKey(detectorFor(), n, JSON.parse(q(literal)) as string, sourceCode);
    });
  const cohere = fakeKey("cohere", 3);
  const twilio = fakeKey("twilio-auth-token", 3);
  const azure = fakeKey("azure-openai", 3);
  const cases: [string, string, boolean][] = [
    [`use(${q(fakeKey("openai-project", 3))});`, fakeKey("openai-project", 3), true],
    [`const cohereApiKey = ${q(cohere)};`, cohere, true],
    [`const digest = ${q(cohere)};`, cohere, false],
    [`new CohereClient({ token: ${q(cohere)} });`, cohere, true],
    [`const K = ${q(cohere)}; new CohereClient({ token: K });`, cohere, true],
    [`let K = ${q(cohere)}; K = other; new CohereClient({ token: K });`, cohere, false],
    [`twilio(sid, ${q(twilio)});`, twilio, true],
    [`hash(sid, ${q(twilio)});`, twilio, false],
    [`new AzureChatOpenAI({ apiKey: ${q(azure)} });`, azure, true],
    [`new AzureOpenAI({ azureADTokenProvider: async () => ${q(azure)} });`, azure, true],
  ];
  // The test's title shows the code with the key masked: test output never holds a key.
  it.each(cases.map(([code, literal, expected]) => [code.replace(literal, mask(literal)), code, literal, expected] as const))("%s", (_title, code, literal, expected) => {
    expect(detected(code, literal)).toBe(expected);
  });
});

describe("isFirebaseWebApiKey: only the web config's own apiKey", () => {
  it.each([
    ['({ apiKey: "v", authDomain: "d", appId: "a" });', true],
    ['({ "apiKey": "v", projectId: "p" });', true],
    ['({ geminiApiKey: "v", appId: "support-bot" });', false],
    ['({ apiKey: "v", model: "m" });', false],
  ])("%s", (code, expected) => {
    analyse(code, ({ node }) => expect(isFirebaseWebApiKey(node('"v"'))).toBe(expected));
  });
});

describe("cannotBeCredential and readsAsStandIn", () => {
  it.each(["", "  ", "sk-", "sk-proj-", "My API Key", "<your_key>", "Bearer ", "Bearer <token>"])("%j cannot be a credential", (v) => {
    expect(cannotBeCredential(v)).toBe(true);
  });
  it.each(["abc-123", "ollama", "gw-7f3a9c", "Bearer gw-7f3a9c"])("%j can", (v) => {
    expect(cannotBeCredential(v)).toBe(false);
  });
  it.each(["test-key", "dummy_token", "YOUR_KEY", "fakeApiKey", "mock", "sk-test"])("%j reads as a stand-in", (v) => {
    expect(readsAsStandIn(v)).toBe(true);
  });
  it.each(["abc-123", "ollama", "gw-7f3a9c", "latest", "contest"])("%j does not", (v) => {
    expect(readsAsStandIn(v)).toBe(false);
  });
});
