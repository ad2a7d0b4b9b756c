// A provider with an admin API for keys, on 127.0.0.1: rotation tests create, verify and revoke
// keys with real HTTP requests, as a rotation job does against OpenAI's or Anthropic's admin API.
//   POST /admin/keys {name}          -> {id, value}   (the same name returns the same live key)
//   POST /admin/revoke {id} | {value} -> {}           (idempotent)
//   GET  /v1/models  (Authorization: Bearer <key>)   -> 200 for a live key, 401 otherwise
import { fakeKey } from "../helpers/keys.js";
import { localServer } from "./server.js";

export interface ProviderKey {
  readonly id: string;
  readonly name: string;
  readonly value: string;
  live: boolean;
}

export async function fakeProvider(seedBase: number) {
  const keys: ProviderKey[] = [];
  /** While set, GET /v1/models answers 401 for keys created after the first (a key that does not work yet). */
  const behaviour = { rejectNewKeys: false };
  const server = await localServer((req) => {
    const body = req.body ? (JSON.parse(req.body) as Record<string, string>) : {};
    if (req.method === "POST" && req.url === "/admin/keys") {
      const existing = keys.find((k) => k.name === body.name && k.live);
      if (existing) return { json: { id: existing.id, value: existing.value } };
      const key: ProviderKey = { id: `key_${keys.length}`, name: body.name ?? "", value: fakeKey("openai-project", seedBase + keys.length), live: true };
      keys.push(key);
      return { status: 201, json: { id: key.id, value: key.value } };
    }
    if (req.method === "POST" && req.url === "/admin/revoke") {
      const key = keys.find((k) => (body.id !== undefined ? k.id === body.id : k.value === body.value));
      if (!key) return { status: 404, json: { error: "no such key" } };
      key.live = false;
      return { json: {} };
    }
    if (req.method === "GET" && req.url === "/v1/models") {
      const bearer = String(req.headers.authorization ?? "").replace(/^Bearer /, "");
      const key = keys.find((k) => k.value === bearer);
      const ok = key?.live && !(behaviour.rejectNewKeys && key.id !== "key_0");
      return ok ? { json: { data: [{ id: "gpt-5" }] } } : { status: 401, json: { error: { message: "Incorrect API key provided" } } };
    }
    return { status: 404, json: { error: "not found" } };
  });

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!res.ok) throw Object.assign(new Error(`${path} answered ${res.status}`), { status: res.status });
    return (await res.json()) as Record<string, string>;
  };

  return {
    url: server.url,
    keys,
    behaviour,
    close: server.close,
    /** The key in use before any rotation (`key_0`). */
    initialKey(): ProviderKey {
      if (keys.length === 0) keys.push({ id: "key_0", name: "initial", value: fakeKey("openai-project", seedBase), live: true });
      return keys[0]!;
    },
    /** The rotation callbacks, over HTTP. */
    create: async ({ token }: { token: string }) => {
      const { id, value } = await post("/admin/keys", { name: `rotation-${token}` });
      return { id, value: value! };
    },
    verify: async (candidate: string) => {
      const res = await fetch(`${server.url}/v1/models`, { headers: { authorization: `Bearer ${candidate}` } });
      if (!res.ok) throw Object.assign(new Error(`GET /v1/models answered ${res.status} for key ${candidate}`), { status: res.status });
    },
    revoke: async ({ value, id }: { value: string; id: string | undefined }) => {
      await post("/admin/revoke", id !== undefined ? { id } : { value });
    },
    live: () => keys.filter((k) => k.live),
  };
}
