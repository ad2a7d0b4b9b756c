import type { SecretString } from "./brand.js";
import { SecretConfigError, SecretError, SecretSourceError, describeCause, safeCause } from "./errors.js";
import { rememberLoaded } from "./registry.js";

export interface RotatingOptions {
  /** How long a fetched value is used before the next `get()` fetches it again. */
  readonly maxAgeMs: number;
  /**
   * How long past `maxAgeMs` the last good value is still served while fetching fails. After
   * that, `get()` fails with a `SecretSourceError`. Default: 5 minutes.
   */
  readonly graceMs?: number;
  /**
   * After a failed fetch, how long the stale value is served before the source is tried again, so
   * that a source that is down is not hammered by every call. Default: 1 second.
   */
  readonly retryMs?: number;
  /** Told of every failed fetch, including those hidden by serving the last good value. Never given the value. */
  readonly onError?: (error: SecretError) => void;
  /** What the source is, for messages. Default: the source's `sourceName` or function name. */
  readonly name?: string;
}

export interface RotatingSecret {
  /** The current value: cached while younger than `maxAgeMs`; concurrent callers share one fetch. */
  get(): Promise<SecretString>;
  /**
   * Fetches now (e.g. after a 401, or after a rotation job switched keys), sharing a fetch already
   * in flight. Unlike `get()`, a failure rejects (a `SecretSourceError` that says the refresh
   * failed) instead of serving the cached value: the caller asked for the current one.
   */
  refresh(): Promise<SecretString>;
  /** `() => get()`, for SDKs whose key option accepts a function (`new OpenAI({ apiKey: rotating.provider() })`). */
  provider(): () => Promise<SecretString>;
}

const DEFAULT_GRACE_MS = 5 * 60_000;
const DEFAULT_RETRY_MS = 1_000;

function checkDuration(name: string, value: unknown, source: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new SecretConfigError(source, `rotatingSecret(${source}): option "${name}" must be a finite number of milliseconds >= 0`);
  }
  return value;
}

/**
 * A secret that is fetched again when it is older than `maxAgeMs`, so that a key rotated in the
 * secret manager reaches running clients without a restart or a redeploy.
 *
 * - Concurrent callers share one fetch; an expired value is fetched again once.
 * - `refresh()` forces a fetch, and rejects if it fails (no stale value for a forced refresh).
 * - A failed fetch is reported to `onError`, and the last good value is served until it is older
 *   than `maxAgeMs + graceMs`; then `get()` fails with a `SecretSourceError` naming the source.
 * - No promise is left rejected without a handler: a failure reaches only the callers that asked.
 */
export function rotatingSecret(
  source: (() => SecretString | Promise<SecretString>) & { readonly sourceName?: string },
  options: RotatingOptions,
): RotatingSecret {
  if (typeof source !== "function") {
    throw new SecretConfigError("rotatingSecret", "rotatingSecret: expected a source function (a loader or defineSecretSource(...))");
  }
  const name = options?.name ?? source.sourceName ?? (source.name || "secret source");
  if (typeof options !== "object" || options === null) {
    throw new SecretConfigError(name, `rotatingSecret(${name}): options with maxAgeMs are required`);
  }
  const maxAgeMs = checkDuration("maxAgeMs", options.maxAgeMs, name);
  const graceMs = checkDuration("graceMs", options.graceMs ?? DEFAULT_GRACE_MS, name);
  const retryMs = checkDuration("retryMs", options.retryMs ?? DEFAULT_RETRY_MS, name);
  if (options.onError !== undefined && typeof options.onError !== "function") {
    throw new SecretConfigError(name, `rotatingSecret(${name}): option "onError" must be a function`);
  }

  let value: SecretString | undefined;
  let fetchedAt = 0;
  let failedAt: number | undefined;
  let inflight: Promise<SecretString> | undefined;

  const report = (error: SecretError) => {
    try {
      options.onError?.(error);
    } catch {
      // A failing error handler must not turn a served value into a failure.
    }
  };

  const toSecretError = (error: unknown): SecretError => {
    if (error instanceof SecretError) return error;
    const cause = safeCause(error, value);
    return new SecretSourceError(name, `${name}: fetching the secret failed: ${describeCause(cause)}`, { cause });
  };

  /** Fetches once; rejects with the failure (after recording it), whatever is cached. */
  async function fetchOnce(): Promise<SecretString> {
    try {
      const next = await source();
      if (typeof next !== "string" || next.length === 0) {
        throw new SecretSourceError(name, `${name}: the source returned ${next === "" ? "an empty string" : typeof next}, not a secret`);
      }
      rememberLoaded(next);
      value = next;
      fetchedAt = Date.now();
      failedAt = undefined;
      return next;
    } catch (error) {
      const failure = toSecretError(error);
      failedAt = Date.now();
      report(failure);
      throw failure;
    }
  }

  function fetchShared(): Promise<SecretString> {
    if (inflight) return inflight;
    const pending = fetchOnce();
    inflight = pending;
    // Clears the slot once settled; handling both outcomes here also means the shared promise never
    // counts as an unhandled rejection, whoever awaits it.
    const clear = () => {
      if (inflight === pending) inflight = undefined;
    };
    pending.then(clear, clear);
    return pending;
  }

  /** `promise`, marked as handled: a caller that ignores it does not cause an unhandled rejection; one that awaits it still sees the failure. */
  const quiet = (promise: Promise<SecretString>) => {
    promise.catch(() => undefined);
    return promise;
  };

  /** Stale-on-error: the last good value while it is younger than `maxAgeMs + graceMs`. */
  const staleOrThrow = (failure: unknown): SecretString => {
    const error = failure instanceof SecretError ? failure : toSecretError(failure);
    if (value !== undefined && Date.now() - fetchedAt <= maxAgeMs + graceMs) return value;
    if (value !== undefined) {
      throw new SecretSourceError(
        name,
        `${name}: fetching the secret failed and the last good value is older than maxAgeMs + graceMs (${maxAgeMs + graceMs} ms): ${error.message}`,
        { cause: safeCause(error, value) },
      );
    }
    throw error;
  };

  function get(): Promise<SecretString> {
    if (value !== undefined) {
      const now = Date.now();
      const age = now - fetchedAt;
      if (!inflight && age < maxAgeMs) return Promise.resolve(value);
      // The source failed a moment ago: serve the stale value until it is worth trying again.
      if (!inflight && failedAt !== undefined && now - failedAt < retryMs && age <= maxAgeMs + graceMs) return Promise.resolve(value);
    }
    return quiet(fetchShared().catch(staleOrThrow));
  }

  /**
   * A forced fetch (after a 401, or by a rotation job that has just switched keys): unlike `get()`
   * it never falls back to the cached value, since the caller asked for the source's value now.
   */
  function refresh(): Promise<SecretString> {
    return quiet(
      fetchShared().catch((failure: unknown) => {
        const error = failure instanceof SecretError ? failure : toSecretError(failure);
        throw new SecretSourceError(name, `${name}: refresh() failed, the cached value was not replaced: ${error.message}`, {
          cause: safeCause(error, value),
        });
      }),
    );
  }

  return {
    get,
    refresh,
    provider: () => get,
  };
}
