// rotateKey with the file store and a provider's admin API over HTTP on 127.0.0.1: the order of the
// steps, the rollback, errors that name the step, crashes (SIGKILL in a real child process) at
// every step resumed by a second process, and the key-age check. No test prints a key.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  SecretConfigError,
  SecretRotationError,
  checkKeyAge,
  fileRotationState,
  fileSecretStore,
  keyAge,
  rotateKey,
  secretFromFile,
  type RotationEvent,
  type RotationStore,
} from "../../src/secret/index.js";
import { caught, expectSafeError, expectSecret, freshBuild } from "./helpers.js";
import { fakeProvider } from "./provider.js";

let dir: string;
let provider: Awaited<ReturnType<typeof fakeProvider>>;
let path: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "keyguard-rotation-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async (context) => {
  provider = await fakeProvider(500);
  path = join(dir, context.task.id);
  writeFileSync(path, `${provider.initialKey().value}\n`, { mode: 0o600 });
});
afterEach(() => provider.close());

/** Every secret the provider ever issued: none may appear in any text a test checks. */
const allValues = () => provider.keys.map((k) => k.value);
const noValueIn = (text: string, what: string) => {
  for (const k of provider.keys) if (text.includes(k.value) || text.includes(k.value.slice(20, 40))) expect.fail(`${what} shows key ${k.id}`);
};
const options = (events: RotationEvent[] = []) => ({
  store: fileSecretStore(path),
  create: provider.create,
  verify: provider.verify,
  revoke: provider.revoke,
  currentId: "key_0",
  onStep: (e: RotationEvent) => events.push(e),
});

describe("rotateKey with fileSecretStore", () => {
  it("creates, stores, verifies, then serves the new key and revokes the old one", async () => {
    const events: RotationEvent[] = [];
    const verifiedWhileServing: string[] = [];
    const result = await rotateKey({
      ...options(events),
      verify: async (candidate) => {
        // Verification happens while the old key is still the one served.
        verifiedWhileServing.push(readFileSync(path, "utf8").trim());
        await provider.verify(candidate);
      },
    });
    expect(result).toEqual({ token: expect.stringMatching(/^[0-9a-f-]{36}$/), resumed: false, revokedOld: true });
    expect(events.map((e) => e.step)).toEqual([
      "state", "read", "create", "stage", "state", "read", "verify", "promote", "state", "before-revoke", "read", "revoke", "finish",
    ]);
    expectSecret(verifiedWhileServing[0], provider.keys[0]!.value);
    expect(provider.live().map((k) => k.id)).toEqual(["key_1"]);
    expectSecret(secretFromFile(path), provider.keys[1]!.value);
    expectSecret(readFileSync(`${path}.previous`, "utf8").trim(), provider.keys[0]!.value);
    expect(existsSync(`${path}.rotation.json`)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith(`${events[0]!.token}`) || f.includes(".pending-"))).toEqual([]);
    noValueIn(JSON.stringify(events), "the events");
  });

  it("rolls back when the new key does not work: the old key stays served, the new key is revoked", async () => {
    provider.behaviour.rejectNewKeys = true;
    const error = expectSafeError(await caught(() => rotateKey(options())), SecretRotationError, ...allValues()) as SecretRotationError;
    expect(error.step).toBe("verify");
    expect(error.rolledBack).toBe(true);
    expect(error.resumable).toBe(false);
    expect(error.message).toMatch(/^file .+: key rotation [0-9a-f-]{36} failed at step "verify": Error \(HTTP 401\): GET \/v1\/models answered 401 for key sk-proj-…/);
    expect(error.message).toContain("rolled back: the store serves the old key and the new key was revoked");
    expectSecret(secretFromFile(path), provider.keys[0]!.value);
    expect(provider.live().map((k) => k.id)).toEqual(["key_0"]);
    expect(readdirSync(dir).some((f) => f.includes(".pending-") || f.endsWith(".rotation.json"))).toBe(false);
    // The next run starts a new rotation, and succeeds once keys work.
    provider.behaviour.rejectNewKeys = false;
    expect((await rotateKey(options())).resumed).toBe(false);
    expect(provider.live().map((k) => k.id)).toEqual(["key_2"]);
  });

  it("a verify that returns false is a failed verification", async () => {
    const error = (await caught(() => rotateKey({ ...options(), verify: async () => false }))) as SecretRotationError;
    expect(error.step).toBe("verify");
    expect(error.rolledBack).toBe(true);
    expect(error.message).toContain("verify returned false");
    expect(provider.live().map((k) => k.id)).toEqual(["key_0"]);
  });

  it("a failing step is named, keeps no value in the error, and a second run resumes from it", async () => {
    const store = fileSecretStore(path);
    let fail = true;
    const flaky: RotationStore = {
      ...store,
      promote: async (token) => {
        if (fail) throw new Error(`disk full while writing ${provider.keys[1]?.value}`);
        return store.promote(token);
      },
    };
    const error = expectSafeError(await caught(() => rotateKey({ ...options(), store: flaky })), SecretRotationError, ...allValues()) as SecretRotationError;
    expect(error.step).toBe("promote");
    expect(error.resumable).toBe(true);
    expect(error.message).toContain('failed at step "promote": Error: disk full while writing sk-proj-…');
    expect(error.message).toContain("run the rotation again to resume from this step");
    expect(JSON.parse(readFileSync(`${path}.rotation.json`, "utf8"))).toMatchObject({ step: "staged", token: error.token, newKeyId: "key_1" });
    noValueIn(readFileSync(`${path}.rotation.json`, "utf8"), "the state file");
    fail = false;
    const result = await rotateKey({ ...options(), store: flaky });
    expect(result).toMatchObject({ token: error.token, resumed: true, revokedOld: true });
    expect(provider.live().map((k) => k.id)).toEqual(["key_1"]);
    expectSecret(secretFromFile(path), provider.keys[1]!.value);
  });

  it("rejects options that cannot work, naming what is missing", async () => {
    const { state: _state, ...statelessStore } = fileSecretStore(path);
    const e1 = expectSafeError(await caught(() => rotateKey({ ...options(), store: statelessStore })), SecretConfigError);
    expect(e1.message).toContain('pass option "state"');
    const e2 = expectSafeError(await caught(() => rotateKey({ ...options(), verify: undefined as never })), SecretConfigError);
    expect(e2.message).toContain('option "verify" must be a function');
    expectSafeError(await caught(() => rotateKey({ ...options(), store: {} as never })), SecretConfigError);
    expectSafeError(await caught(() => rotateKey(undefined as never)), SecretConfigError);
    // With an explicit state store, a store without its own works.
    const result = await rotateKey({ ...options(), store: statelessStore, state: fileRotationState(join(dir, "explicit-state.json")) });
    expect(result.revokedOld).toBe(true);
  });

  it("a corrupt state file is reported, not guessed at", async () => {
    writeFileSync(`${path}.rotation.json`, "{not json");
    const error = (await caught(() => rotateKey(options()))) as SecretRotationError;
    expect(error).toBeInstanceOf(SecretRotationError);
    expect(error.step).toBe("state");
    expect(error.message).toContain("is not valid JSON");
    expect(provider.keys).toHaveLength(1);
  });
});

describe("a crash at any step, in a real process, is resumed by the next run", () => {
  /** Runs the rotation in a fresh node process (the built module); `killAt`: SIGKILL itself when that step starts. */
  function runJob(killAt?: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
    const secretUrl = freshBuild("src/secret/index.js", ["src/secret", "src/detect"]);
    const script = `
      import { rotateKey, fileSecretStore } from ${JSON.stringify(secretUrl)};
      const url = process.env.PROVIDER;
      const post = async (p, body) => {
        const res = await fetch(url + p, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
        if (!res.ok) throw new Error(p + " answered " + res.status);
        return res.json();
      };
      try {
        const result = await rotateKey({
          store: fileSecretStore(process.env.STORE),
          create: ({ token }) => post("/admin/keys", { name: "rotation-" + token }),
          verify: async (key) => {
            const res = await fetch(url + "/v1/models", { headers: { authorization: "Bearer " + key } });
            if (!res.ok) throw new Error("verify answered " + res.status);
          },
          revoke: ({ value, id }) => post("/admin/revoke", id ? { id } : { value }),
          currentId: "key_0",
          onStep: ({ step }) => {
            console.log("step " + step);
            if (step === process.env.KILL_AT) process.kill(process.pid, "SIGKILL");
          },
        });
        console.log("result " + JSON.stringify(result));
      } catch (error) {
        console.log("error " + error.message);
        process.exitCode = 3;
      }
    `;
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
        env: { PATH: process.env.PATH ?? "", PROVIDER: provider.url, STORE: path, KILL_AT: killAt ?? "" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (c: Buffer) => (output += c.toString()));
      child.stderr.on("data", (c: Buffer) => (output += c.toString()));
      child.on("close", (code, signal) => resolve({ code, signal, output }));
    });
  }

  for (const killAt of ["create", "stage", "verify", "promote", "before-revoke", "revoke", "finish"]) {
    it(`killed at "${killAt}"`, async () => {
      const crashed = await runJob(killAt);
      expect(crashed.signal).toBe("SIGKILL");
      expect(crashed.output).toContain(`step ${killAt}`);
      const resumed = await runJob();
      expect(resumed.code, resumed.output.slice(0, 300)).toBe(0);
      const result = JSON.parse(resumed.output.split("\n").find((l) => l.startsWith("result "))!.slice(7)) as { resumed: boolean; revokedOld: boolean };
      expect(result.resumed).toBe(true);
      // One new key (create is asked again with the same token, and the provider returns the key it made), served, the old one revoked.
      expect(provider.keys.map((k) => k.id)).toEqual(["key_0", "key_1"]);
      expect(provider.live().map((k) => k.id)).toEqual(["key_1"]);
      expectSecret(secretFromFile(path), provider.keys[1]!.value);
      expect(readdirSync(dir).some((f) => f.startsWith(path.split("/").pop()!) && (f.includes(".pending-") || f.endsWith(".rotation.json")))).toBe(false);
      noValueIn(crashed.output + resumed.output, "the job's output");
    });
  }
});

describe("the key-age check", () => {
  const day = 86_400_000;
  const now = Date.parse("2026-06-01T12:00:00Z");

  it("is due at 90 days by default, from the date the current value was stored", () => {
    const young = keyAge({ currentSince: new Date(now - 89 * day), created: new Date(now - 400 * day) }, { now, name: "prod/openai" });
    expect(young).toMatchObject({ status: "ok", ageDays: 89, maxAgeDays: 90, basis: "currentSince" });
    expect(young.message).toBe("prod/openai: in use since 2026-03-04 (89 days ago); next rotation due on 2026-06-02 (every 90 days)");
    const due = keyAge({ currentSince: new Date(now - 90 * day) }, { now, name: "prod/openai" });
    expect(due.status).toBe("due");
    expect(due.message).toContain("rotation was due after 90 days, on 2026-06-01: rotate it (rotateKey)");
  });

  it("falls back to lastRotated, then created; no date is unknown, not ok", () => {
    expect(keyAge({ lastRotated: new Date(now - 10 * day), created: new Date(now - 200 * day) }, { now })).toMatchObject({ status: "ok", basis: "lastRotated" });
    expect(keyAge({ created: new Date(now - 200 * day) }, { now })).toMatchObject({ status: "due", basis: "created", ageDays: 200 });
    expect(keyAge({ created: new Date(Number.NaN) }, { now })).toMatchObject({ status: "unknown", ageDays: undefined });
    expect(keyAge({}, { now, maxAgeDays: 30 }).message).toContain("age is unknown");
    expect(keyAge({ created: new Date(now - 31 * day) }, { now, maxAgeDays: 30 }).status).toBe("due");
  });

  it("rejects a maxAgeDays or now that cannot work", async () => {
    expectSafeError(await caught(() => keyAge({}, { maxAgeDays: 0 })), SecretConfigError);
    expectSafeError(await caught(() => keyAge({}, { maxAgeDays: Number.NaN })), SecretConfigError);
    expectSafeError(await caught(() => keyAge({}, { now: Number.NaN })), SecretConfigError);
  });

  it("checkKeyAge reads a file store's modification time; a rotation makes the key young again", async () => {
    const old = new Date(Date.now() - 120 * day);
    utimesSync(path, old, old);
    const before = await checkKeyAge(fileSecretStore(path));
    expect(before).toMatchObject({ status: "due", ageDays: 120 });
    expect(before.message).toMatch(/^file .+: in use since/);
    await rotateKey(options());
    expect(await checkKeyAge(fileSecretStore(path))).toMatchObject({ status: "ok", ageDays: 0 });
  });

  it("checkKeyAge names the store when it has no metadata or cannot be read", async () => {
    const e1 = expectSafeError(await caught(() => checkKeyAge({ name: "vault kv/openai" })), SecretConfigError);
    expect(e1.message).toContain("checkKeyAge(vault kv/openai): the store has no metadata()");
    const e2 = expectSafeError(await caught(() => checkKeyAge(fileSecretStore(join(dir, "missing")))), SecretConfigError);
    expect(e2.message).toMatch(/reading the key's metadata failed: ENOENT/);
  });
});
