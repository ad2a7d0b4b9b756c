/**
 * The exposure catalog against the real SDKs: the browser flags are the options that turn off each
 * SDK's browser guard (a client constructed in a browser-like global environment throws without
 * the flag and not with it), the SDKs without a flag have no guard, and the client objects print
 * their key when logged (`util.inspect`, what `console.log` uses) and hold it in the listed property.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inspect } from "node:util";
import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import { InferenceClient } from "@huggingface/inference";
import { Mistral } from "@mistralai/mistralai";
import Groq from "groq-sdk";
import OpenAI, { AzureOpenAI } from "openai";
import Replicate from "replicate";
import Together from "together-ai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLIENTS } from "../../../src/clients/catalog.js";
import { BROWSER_FLAGS, CLIENT_KEY_PROPERTIES, judgeName, nameWords, publicPrefixOf } from "../../../src/exposure/catalog.js";
import { fakeKey } from "../../helpers/keys.js";

const key = fakeKey("openai-project", 21);

/** Constructors of the catalog clients that take an options object, by catalog id. */
const build: Record<string, (options: Record<string, unknown>) => object> = {
  openai: (o) => new OpenAI({ apiKey: key, ...o }),
  "azure-openai": (o) => new AzureOpenAI({ apiKey: key, endpoint: "https://example.openai.azure.com", apiVersion: "2024-10-21", ...o }),
  anthropic: (o) => new Anthropic({ apiKey: key, ...o }),
  groq: (o) => new Groq({ apiKey: key, ...o }),
  together: (o) => new Together({ apiKey: key, ...o }),
  mistral: (o) => new Mistral({ apiKey: key, ...o }),
  "google-genai": (o) => new GoogleGenAI({ apiKey: key, ...o }),
  replicate: (o) => new Replicate({ auth: key, ...o }),
  huggingface: () => new InferenceClient(key),
};

describe("browser flags against the real SDKs", () => {
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, navigator: Object.getOwnPropertyDescriptor(globalThis, "navigator") };
  beforeEach(() => {
    g.window = { document: {} };
    Object.defineProperty(globalThis, "navigator", { value: { userAgent: "test" }, configurable: true, writable: true });
  });
  afterEach(() => {
    if (saved.window === undefined) delete g.window;
    else g.window = saved.window;
    if (saved.navigator) Object.defineProperty(globalThis, "navigator", saved.navigator);
    else delete g.navigator;
  });

  const flagged = new Map(BROWSER_FLAGS.flatMap((f) => (f.clients ?? []).map((id) => [id, f.option] as const)));

  it("lists only catalog clients", () => {
    const ids = new Set(CLIENTS.map((c) => c.id));
    for (const id of flagged.keys()) expect(ids.has(id), id).toBe(true);
    for (const id of Object.keys(CLIENT_KEY_PROPERTIES)) expect(ids.has(id), id).toBe(true);
  });

  for (const [id, construct] of Object.entries(build)) {
    const option = flagged.get(id);
    if (option) {
      it(`${id}: refuses a browser without \`${option}\`, and runs with it`, () => {
        expect(() => construct({})).toThrow(new RegExp(option));
        expect(construct({ [option]: true })).toBeTruthy();
      });
    } else {
      it(`${id}: has no browser guard (so no flag is listed)`, () => {
        expect(() => construct({})).not.toThrow();
      });
    }
  }

  it("OpenAI's Realtime WebSocket takes the flag in its constructor, create() and azure()", () => {
    const dts = readFileSync(createRequire(import.meta.url).resolve("openai/realtime/websocket").replace(/\.js$/, ".d.ts"), "utf8");
    const entry = BROWSER_FLAGS.find((f) => f.exports?.includes("OpenAIRealtimeWebSocket"))!;
    expect(dts).toContain(`class ${entry.exports![0]}`);
    expect(dts.match(new RegExp(`${entry.option}\\?: boolean`, "g"))?.length).toBe(1 + entry.members!.length);
    for (const member of entry.members!) expect(dts).toContain(`static ${member}(`);
  });
});

describe("client objects print their key", () => {
  for (const [id, construct] of Object.entries(build)) {
    it(`${id}: console.log(client) shows the key${CLIENT_KEY_PROPERTIES[id] ? ", and client." + CLIENT_KEY_PROPERTIES[id]![0] + " holds it" : ""}`, () => {
      const client = construct({}) as Record<string, unknown>;
      // Compared as booleans: a failing assertion must not print the key.
      expect(inspect(client, { depth: 4 }).includes(key)).toBe(true);
      const props = CLIENT_KEY_PROPERTIES[id] ?? [];
      expect(props.length > 0 ? client[props[0]!] === key : Object.keys(client).every((k) => client[k] !== key)).toBe(true);
    });
  }
});

describe("names", () => {
  it("splits names into words", () => {
    expect(nameWords("NEXT_PUBLIC_OPENAI_API_KEY")).toEqual(["NEXT", "PUBLIC", "OPENAI", "API", "KEY"]);
    expect(nameWords("openaiApiKey")).toEqual(["OPENAI", "API", "KEY"]);
    expect(nameWords("process.env.X")).toEqual(["PROCESS", "ENV", "X"]);
  });

  it("judges secret and public names", () => {
    expect(judgeName("OPENAI_API_KEY").secret).toBe("provider");
    expect(judgeName("NEXT_PUBLIC_OPENAI_API_KEY", "NEXT_PUBLIC_").secret).toBe("provider");
    expect(judgeName("SLACK_WEBHOOK_URL").secret).toBe("provider");
    expect(judgeName("DB_PASSWORD").secret).toBe("word");
    expect(judgeName("SECRET_KEY_BASE").secret).toBe("word");
    expect(judgeName("TOKEN_ADDRESS").secret).toBeUndefined();
    expect(judgeName("AWS_ACCESS_KEY_ID").secret).toBeUndefined();
    expect(judgeName("API_URL")).toEqual({});
    expect(judgeName("FIREBASE_API_KEY")).toEqual({ publicByDesign: "firebase" });
    expect(judgeName("SUPABASE_ANON_KEY")).toEqual({ publicByDesign: "supabase-anon" });
    expect(judgeName("SUPABASE_SERVICE_ROLE_KEY").secret).toBe("word");
    // Mapbox's secret token is a catalog format (src/detect/catalog.ts), so its variable is a provider's
    expect(judgeName("MAPBOX_SECRET_TOKEN").secret).toBe("provider");
    expect(judgeName("ACME_SECRET_TOKEN").secret).toBe("word");
    expect(judgeName("ACME_WIDGET_KEY", "", [["ACME", "WIDGET"]])).toEqual({ publicByDesign: "option publicNames" });
  });

  it("finds the longest public prefix for an access form", () => {
    expect(publicPrefixOf("NEXT_PUBLIC_X", "process.env")?.prefix).toBe("NEXT_PUBLIC_");
    expect(publicPrefixOf("NEXT_PUBLIC_X", "import.meta.env")).toBeUndefined();
    expect(publicPrefixOf("VITE_X", "import.meta.env")?.prefix).toBe("VITE_");
    expect(publicPrefixOf("PUBLIC_X", "import.meta.env")?.prefix).toBe("PUBLIC_");
    expect(publicPrefixOf("PLASMO_PUBLIC_X", "process.env")?.prefix).toBe("PLASMO_PUBLIC_");
    expect(publicPrefixOf("NEXT_PUBLIC_", "process.env")).toBeUndefined();
  });
});
