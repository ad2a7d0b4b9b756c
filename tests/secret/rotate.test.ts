import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  SecretConfigError,
  SecretFileError,
  SecretSourceError,
  defineSecretSource,
  rotatingSecret,
  secretFromFile,
  unsafeSecretString,
  type SecretError,
  type SecretString,
} from "../../src/secret/index.js";
import { fakeKey } from "../helpers/keys.js";
import { caught, expectSafeError, expectSecret, expectSecrets } from "./helpers.js";

const KEYS = [fakeKey("anthropic", 21), fakeKey("anthropic", 22), fakeKey("anthropic", 23)] as const;
const realImmediate = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A source that counts its calls, answers after `delayMs` (fake time) with the next key, or fails while `failing`. */
function countingSource(delayMs = 50) {
  const state = { calls: 0, failing: false, version: 0 };
  const source = () =>
    new Promise<SecretString>((resolve, reject) => {
      state.calls++;
      setTimeout(() => {
        if (state.failing) reject(Object.assign(new Error(`upstream 503 while serving ${KEYS[state.version]}`), { status: 503 }));
        else resolve(unsafeSecretString(KEYS[state.version]!));
      }, delayMs);
    });
  return { state, source };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(async () => {
  // Give Node a real turn to report any rejection nobody handled.
  await realImmediate();
  await realImmediate();
  process.off("unhandledRejection", onUnhandled);
  vi.useRealTimers();
  expect(unhandled).toEqual([]);
});

describe("rotatingSecret", () => {
  it("1,000 concurrent get() cause one fetch", async () => {
    const { state, source } = countingSource();
    const rotating = rotatingSecret(source, { maxAgeMs: 60_000 });
    const all = Promise.all(Array.from({ length: 1000 }, () => rotating.get()));
    await vi.advanceTimersByTimeAsync(50);
    const values = await all;
    expect(state.calls).toBe(1);
    expectSecrets(values, values.map(() => KEYS[0]!));
  });

  it("serves the cached value while fresh, and fetches exactly once more after expiry", async () => {
    const { state, source } = countingSource();
    const rotating = rotatingSecret(source, { maxAgeMs: 60_000 });
    const first = rotating.get();
    await vi.advanceTimersByTimeAsync(50);
    expectSecret(await first, KEYS[0]);
    await vi.advanceTimersByTimeAsync(59_000);
    expectSecret(await rotating.get(), KEYS[0]);
    expect(state.calls).toBe(1);

    state.version = 1;
    await vi.advanceTimersByTimeAsync(1_000);
    const burst = Promise.all(Array.from({ length: 500 }, () => rotating.get()));
    await vi.advanceTimersByTimeAsync(50);
    const burstValues = await burst;
    expectSecrets(burstValues, burstValues.map(() => KEYS[1]!));
    expect(state.calls).toBe(2);
    // And fresh again: no third fetch.
    expectSecret(await rotating.get(), KEYS[1]);
    expect(state.calls).toBe(2);
  });

  it("refresh() forces a fetch while the value is fresh, shared with concurrent get()", async () => {
    const { state, source } = countingSource();
    const rotating = rotatingSecret(source, { maxAgeMs: 60_000 });
    const first = rotating.get();
    await vi.advanceTimersByTimeAsync(50);
    await first;
    state.version = 1;
    const refreshed = rotating.refresh();
    const during = [rotating.get(), rotating.refresh(), rotating.get()];
    await vi.advanceTimersByTimeAsync(50);
    expectSecret(await refreshed, KEYS[1]);
    expectSecrets(await Promise.all(during), [KEYS[1]!, KEYS[1]!, KEYS[1]!]);
    expect(state.calls).toBe(2);
  });

  it("a failed refetch serves the last good value within the grace period, reports it, then fails clearly", async () => {
    const { state, source } = countingSource();
    const errors: SecretError[] = [];
    const rotating = rotatingSecret(defineSecretSource(source, { name: "vault kv/anthropic" }), {
      maxAgeMs: 10_000,
      graceMs: 30_000,
      retryMs: 5_000,
      onError: (e) => errors.push(e),
    });
    const first = rotating.get();
    await vi.advanceTimersByTimeAsync(50);
    await first;

    state.failing = true;
    await vi.advanceTimersByTimeAsync(10_000);
    const stale = rotating.get();
    await vi.advanceTimersByTimeAsync(50);
    expectSecret(await stale, KEYS[0]);
    expect(state.calls).toBe(2);
    expect(errors).toHaveLength(1);
    const reported = expectSafeError(errors[0], SecretSourceError, ...KEYS);
    expect(reported.message).toContain("vault kv/anthropic: fetching the secret failed");
    expect(reported.message).toContain("503");

    // Within retryMs of the failure: stale, without asking the source again.
    expectSecret(await rotating.get(), KEYS[0]);
    expect(state.calls).toBe(2);

    // After retryMs: tried again, still failing, still within grace.
    await vi.advanceTimersByTimeAsync(5_000);
    const again = rotating.get();
    await vi.advanceTimersByTimeAsync(50);
    expectSecret(await again, KEYS[0]);
    expect(state.calls).toBe(3);
    expect(errors).toHaveLength(2);

    // Past maxAgeMs + graceMs: a clear error, never the stale value, never the key in the text.
    await vi.advanceTimersByTimeAsync(30_000);
    const late = rotating.get();
    const lateError = caught(() => late);
    await vi.advanceTimersByTimeAsync(50);
    const error = expectSafeError(await lateError, SecretSourceError, ...KEYS);
    expect(error.message).toContain("older than maxAgeMs + graceMs (40000 ms)");
    expect(error.message).toContain("vault kv/anthropic");

    // The source recovers: the next call fetches and serves the new value.
    state.failing = false;
    state.version = 2;
    const recovered = rotating.get();
    await vi.advanceTimersByTimeAsync(50);
    expectSecret(await recovered, KEYS[2]);
  });

  it("refresh() during a source outage rejects with a clear error, while get() keeps serving the cached value", async () => {
    const { state, source } = countingSource();
    const errors: SecretError[] = [];
    const rotating = rotatingSecret(defineSecretSource(source, { name: "vault kv/anthropic" }), { maxAgeMs: 60_000, onError: (e) => errors.push(e) });
    const first = rotating.get();
    await vi.advanceTimersByTimeAsync(50);
    expectSecret(await first, KEYS[0]);

    state.failing = true;
    const refreshed = caught(() => rotating.refresh());
    const during = rotating.get();
    await vi.advanceTimersByTimeAsync(50);
    const error = expectSafeError(await refreshed, SecretSourceError, ...KEYS);
    expect(error.message).toMatch(/^vault kv\/anthropic: refresh\(\) failed, the cached value was not replaced: vault kv\/anthropic: fetching the secret failed: .*503/);
    // A get() that shared the failed fetch, and one after it, are served the cached value.
    expectSecret(await during, KEYS[0]);
    expectSecret(await rotating.get(), KEYS[0]);
    expect(state.calls).toBe(2);
    expect(errors).toHaveLength(1);

    // Once the source is back, refresh() returns the new value.
    state.failing = false;
    state.version = 1;
    const back = rotating.refresh();
    await vi.advanceTimersByTimeAsync(50);
    expectSecret(await back, KEYS[1]);
    expectSecret(await rotating.get(), KEYS[1]);
  });

  it("the first fetch failing rejects, and the next call tries again", async () => {
    const { state, source } = countingSource();
    state.failing = true;
    const rotating = rotatingSecret(source, { maxAgeMs: 1_000 });
    const failing = Promise.allSettled([rotating.get(), rotating.get()]);
    await vi.advanceTimersByTimeAsync(50);
    const settled = await failing;
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected"]);
    expectSafeError((settled[0] as PromiseRejectedResult).reason, SecretSourceError, ...KEYS);
    expect(state.calls).toBe(1);
    state.failing = false;
    const next = rotating.get();
    await vi.advanceTimersByTimeAsync(50);
    expectSecret(await next, KEYS[0]);
    expect(state.calls).toBe(2);
  });

  it("leaves no unhandled rejection, even for callers that ignore the promise or an onError that throws", async () => {
    const { state, source } = countingSource();
    state.failing = true;
    const rotating = rotatingSecret(source, {
      maxAgeMs: 1_000,
      onError: () => {
        throw new Error("handler bug");
      },
    });
    for (let i = 0; i < 10; i++) void rotating.get();
    void rotating.refresh();
    void rotating.provider()();
    await vi.advanceTimersByTimeAsync(50);
    // afterEach asserts that Node reported no unhandled rejection.
    expect(state.calls).toBe(1);
  });

  it("a synchronous loader that throws (a missing file) rejects, and does not block later calls", async () => {
    vi.useRealTimers();
    const dir = mkdtempSync(join(tmpdir(), "keyguard-rotate-"));
    try {
      const path = join(dir, "anthropic");
      const rotating = rotatingSecret(() => secretFromFile(path, { format: "anthropic" }), { maxAgeMs: 0 });
      expectSafeError(await caught(() => rotating.get()), SecretFileError);
      writeFileSync(path, `${KEYS[0]}\n`);
      expectSecret(await rotating.get(), KEYS[0]);
      writeFileSync(path, `${KEYS[1]}\n`);
      expectSecret(await rotating.get(), KEYS[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("provider() is a function returning the current value, as SDKs call it", async () => {
    const { source } = countingSource(0);
    const provide = rotatingSecret(source, { maxAgeMs: 1_000 }).provider();
    const value = provide();
    await vi.advanceTimersByTimeAsync(0);
    expectSecret(await value, KEYS[0]);
  });

  it("rejects options that cannot work", async () => {
    const { source } = countingSource();
    expectSafeError(await caught(() => rotatingSecret(source, {} as never)), SecretConfigError);
    expectSafeError(await caught(() => rotatingSecret(source, { maxAgeMs: -1 })), SecretConfigError);
    expectSafeError(await caught(() => rotatingSecret(source, { maxAgeMs: Number.NaN })), SecretConfigError);
    expectSafeError(await caught(() => rotatingSecret(source, { maxAgeMs: 1, graceMs: Infinity })), SecretConfigError);
    expectSafeError(await caught(() => rotatingSecret(source, undefined as never)), SecretConfigError);
    expectSafeError(await caught(() => rotatingSecret("x" as never, { maxAgeMs: 1 })), SecretConfigError);
  });
});
