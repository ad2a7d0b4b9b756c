import { randomUUID } from "node:crypto";
import { chmodSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import type { SecretString } from "./brand.js";
import { SecretConfigError, SecretError, SecretRotationError, describeCause, safeCause, type RotationStep } from "./errors.js";
import { stripTrailingNewlines } from "./loaders.js";
import { rememberLoaded } from "./registry.js";

/** Where a rotation stands, as persisted between steps. Holds no value: only ids and the step reached. */
export interface RotationState {
  /** The rotation's id: `create` receives it, and stores use it as the new version's id. */
  readonly token: string;
  /** The last step completed: `creating` (the new key may exist), `staged` (stored, not yet served), `promoted` (served). */
  readonly step: "creating" | "staged" | "promoted";
  /** The provider's id of the new key, if `create` returned one (for revoking it on a rollback). */
  readonly newKeyId?: string | undefined;
  /** When the rotation started (ISO 8601), if the state store records it. */
  readonly startedAt?: string | undefined;
}

/** Persists a `RotationState` between runs, so that a crashed rotation resumes where it stopped. */
export interface RotationStateStore {
  load(): Promise<RotationState | undefined>;
  /** `undefined`: the rotation is over (done or rolled back). */
  save(state: RotationState | undefined): Promise<void>;
}

/** What a store knows of its key's age. */
export interface KeyMetadata {
  /** When the value served now was stored (AWS: the creation date of the `AWSCURRENT` version). */
  readonly currentSince?: Date | undefined;
  /** When the store last ran a rotation (AWS: `LastRotatedDate`). */
  readonly lastRotated?: Date | undefined;
  /** When the secret was created (AWS: `CreatedDate`). */
  readonly created?: Date | undefined;
}

/**
 * Where a rotated key lives: the value clients are served (`current`), a staged value not yet
 * served (`pending`), and the value served before the last promotion (`previous`). This is the
 * model of AWS Secrets Manager's stages (`AWSCURRENT`, `AWSPENDING`, `AWSPREVIOUS`); see
 * `awsSecretsManagerStore` and `fileSecretStore`. Every method must be idempotent: a resumed
 * rotation may repeat the step that was running when it stopped.
 */
export interface RotationStore {
  /** What the store is, for messages: `AWS Secrets Manager secret prod/openai`. */
  readonly name: string;
  current(): Promise<string>;
  /** The value served before the last promotion, if any. */
  previous(): Promise<string | undefined>;
  /** The value staged under `token`, if any. */
  pending(token: string): Promise<string | undefined>;
  /** Stores `value` under `token` without serving it. */
  stage(token: string, value: string): Promise<void>;
  /** Serves the value staged under `token`; the value served until now becomes `previous`. */
  promote(token: string): Promise<void>;
  /** Drops the value staged under `token` (a rollback); the current value stays. */
  discard(token: string): Promise<void>;
  /** The dates the key-age check uses. */
  metadata?(): Promise<KeyMetadata>;
  /** The store's own record of an unfinished rotation, used when `rotateKey` is given no `state`. */
  readonly state?: RotationStateStore;
}

/** A key the provider created: its value and, if the provider has one, its id (for revoking it). */
export interface CreatedKey {
  readonly value: string;
  readonly id?: string | undefined;
}

/** A key to revoke: the old one after a successful rotation, the new one after a failed verification. */
export interface KeyToRevoke {
  readonly value: SecretString;
  /** The provider's id: for the new key, what `create` returned; for the old one, `currentId` if given. */
  readonly id: string | undefined;
  readonly which: "old" | "new";
}

/** One step of a rotation, for progress logs. Never carries a value. */
export interface RotationEvent {
  readonly step: RotationStep;
  readonly token: string;
  readonly store: string;
  readonly resumed: boolean;
}

export interface RotateKeyOptions {
  readonly store: RotationStore;
  /**
   * Creates the new key at the provider (its admin API). Receives the rotation's `token`, the same
   * on a resumed run: a provider that names keys can name this one after it and return it again
   * instead of creating a second.
   */
  create(context: { readonly token: string; readonly current: SecretString }): Promise<string | CreatedKey>;
  /**
   * Checks that the new key works with a real request (list the models, a 1-token completion).
   * Throw, or return `false`, if it does not: the rotation is then rolled back.
   */
  verify(candidate: SecretString, context: { readonly token: string }): Promise<unknown>;
  /** Revokes a key at the provider. Must succeed for a key that is already revoked (a resumed run may repeat it). */
  revoke(key: KeyToRevoke): Promise<void>;
  /** Where the step state is persisted. Default: the store's own (`store.state`); required if the store has none. */
  readonly state?: RotationStateStore;
  /**
   * Runs after the new key is served and before the old one is revoked: wait there for running
   * clients to pick the new key up (their `rotatingSecret` `maxAgeMs`), or call their refresh.
   */
  beforeRevoke?(): Promise<void>;
  /** The provider's id of the key being replaced, passed to `revoke` with the old key. */
  readonly currentId?: string;
  /** Told of each step as it starts. Never given a value. */
  onStep?(event: RotationEvent): void;
}

export interface RotationResult {
  readonly token: string;
  /** The run continued a rotation that an earlier run had left unfinished. */
  readonly resumed: boolean;
  /** Whether an old key was revoked (a store without a previous value has none). */
  readonly revokedOld: boolean;
}

function requireFunction(owner: string, name: string, value: unknown): void {
  if (typeof value !== "function") throw new SecretConfigError(owner, `${owner}: option "${name}" must be a function`);
}

/**
 * Rotates a key the way the guide's Level 4 asks: create the new key, store it (staged, not yet
 * served), verify it with a real request, and only then serve it and revoke the old one. If
 * verification fails, the staged value is dropped (the store keeps serving the old key) and the new
 * key is revoked. Each step is persisted (`state`), so a run that crashed is resumed by running it
 * again. No value is logged or put in an error: errors are `SecretRotationError`s naming the step.
 *
 * @example
 * await rotateKey({
 *   store: awsSecretsManagerStore(new SecretsManager({}), "prod/openai"),
 *   create: async ({ token }) => createAdminKey(`rotated-${token}`),   // your provider's admin API
 *   verify: async (key) => { await new OpenAI({ apiKey: key }).models.list(); },
 *   revoke: async ({ value, id }) => deleteAdminKey(id ?? (await findKeyId(value))),
 * });
 */
export async function rotateKey(options: RotateKeyOptions): Promise<RotationResult> {
  if (typeof options !== "object" || options === null) throw new SecretConfigError("rotateKey", "rotateKey: expected an options object");
  const store = options.store;
  if (typeof store !== "object" || store === null || typeof store.name !== "string") {
    throw new SecretConfigError("rotateKey", 'rotateKey: option "store" must be a RotationStore (awsSecretsManagerStore, fileSecretStore, or your own)');
  }
  const name = store.name;
  for (const method of ["current", "previous", "pending", "stage", "promote", "discard"] as const) requireFunction(`rotateKey(${name})`, `store.${method}`, store[method]);
  for (const fn of ["create", "verify", "revoke"] as const) requireFunction(`rotateKey(${name})`, fn, options[fn]);
  if (options.beforeRevoke !== undefined) requireFunction(`rotateKey(${name})`, "beforeRevoke", options.beforeRevoke);
  const stateStore = options.state ?? store.state;
  if (!stateStore) {
    throw new SecretConfigError(name, `rotateKey(${name}): the store keeps no rotation state; pass option "state" (e.g. fileRotationState(path))`);
  }

  let token: string | undefined;
  let resumed = false;
  const fail = (step: RotationStep, error: unknown, details: { rolledBack?: boolean; resumable?: boolean; what?: string } = {}) => {
    if (error instanceof SecretRotationError) return error;
    // Every value this run read or created is remembered (`remember`), and safeCause masks those.
    const cause = safeCause(error);
    const what = details.what ?? describeCause(cause);
    const resumable = details.resumable ?? (step !== "state" && !details.rolledBack);
    const tail = details.rolledBack
      ? "; rolled back: the store serves the old key and the new key was revoked"
      : resumable
        ? "; run the rotation again to resume from this step"
        : "";
    return new SecretRotationError(
      name,
      `${name}: key rotation${token ? ` ${token}` : ""} failed at step "${step}": ${what}${tail}`,
      { step, token, rolledBack: details.rolledBack, resumable },
      { cause },
    );
  };
  const notify = (s: RotationStep) => {
    if (token === undefined) return;
    try {
      options.onStep?.({ step: s, token, store: name, resumed });
    } catch {
      // A failing progress logger must not stop a rotation half-way.
    }
  };
  const step = async <T>(s: RotationStep, run: () => Promise<T> | T): Promise<T> => {
    notify(s);
    try {
      return await run();
    } catch (error) {
      throw fail(s, error);
    }
  };
  const remember = (value: string) => {
    rememberLoaded(value);
    return value as SecretString;
  };

  let state = await step("state", () => stateStore.load());
  if (state !== undefined && (typeof state.token !== "string" || !["creating", "staged", "promoted"].includes(state.step))) {
    throw fail("state", new Error("the persisted rotation state is not valid"), { resumable: false, what: "the persisted rotation state is not valid; inspect and remove it" });
  }
  resumed = state !== undefined;
  token = state?.token ?? randomUUID();
  const rotation = token;
  const save = (next: RotationState | undefined) => step("state", () => stateStore.save(next));

  if (state === undefined) {
    state = { token: rotation, step: "creating", startedAt: new Date().toISOString() };
    await save(state);
  }

  if (state.step === "creating") {
    const current = remember(await step("read", () => store.current()));
    const created = await step("create", () => options.create({ token: rotation, current }));
    const key: CreatedKey | undefined = typeof created === "string" ? { value: created } : created;
    if (typeof key?.value !== "string" || key.value.length === 0) {
      throw fail("create", new Error("create returned no key"), { what: "create returned no key (expected a non-empty string or { value, id })" });
    }
    if (key.value === current) {
      throw fail("create", new Error("same key"), { what: "create returned the key that is being replaced", resumable: true });
    }
    remember(key.value);
    await step("stage", () => store.stage(rotation, key.value));
    state = { ...state, step: "staged", newKeyId: key.id };
    await save(state);
  }

  if (state.step === "staged") {
    const staged = await step("read", () => store.pending(rotation));
    if (staged === undefined) {
      // A run that failed after dropping the staged value: the rotation is over, nothing is served.
      await save(undefined);
      throw fail("stage", new Error("no staged value"), {
        resumable: false,
        what: "the store holds no staged value for this rotation (an earlier run rolled it back); the rotation state was cleared: run it again to start a new rotation",
      });
    }
    const candidate = remember(staged);
    let failure: unknown;
    notify("verify");
    try {
      if ((await options.verify(candidate, { token: rotation })) === false) failure = new Error("verify returned false");
    } catch (error) {
      failure = error;
    }
    if (failure !== undefined) {
      const newKeyId = state.newKeyId;
      await step("rollback", async () => {
        await store.discard(rotation);
        await options.revoke({ value: candidate, id: newKeyId, which: "new" });
      });
      await save(undefined);
      throw fail("verify", failure, { rolledBack: true });
    }
    await step("promote", () => store.promote(rotation));
    state = { ...state, step: "promoted" };
    await save(state);
  }

  await step("before-revoke", () => options.beforeRevoke?.());
  const old = await step("read", () => store.previous());
  if (old !== undefined) {
    const value = remember(old);
    await step("revoke", () => options.revoke({ value, id: options.currentId, which: "old" }));
  }
  await step("finish", () => stateStore.save(undefined));
  return { token: rotation, resumed, revokedOld: old !== undefined };
}

/** Rotation is due after this many days by default (the guide's 90). */
export const DEFAULT_MAX_KEY_AGE_DAYS = 90;
const DAY_MS = 86_400_000;

export interface KeyAgeOptions {
  /** Days after which a key is due for rotation. Default 90. */
  readonly maxAgeDays?: number;
  /** The time to judge by. Default: now. */
  readonly now?: Date | number;
  /** What the key is, for the message. */
  readonly name?: string;
}

/** The verdict of the key-age check. */
export interface KeyAge {
  /** `ok`: younger than `maxAgeDays`; `due`: as old or older; `unknown`: the store gave no date. */
  readonly status: "ok" | "due" | "unknown";
  /** The date the age is counted from, and which metadata field gave it. */
  readonly since: Date | undefined;
  readonly basis: "currentSince" | "lastRotated" | "created" | undefined;
  /** Whole days since `since`. */
  readonly ageDays: number | undefined;
  readonly maxAgeDays: number;
  /** When rotation is (or was) due. */
  readonly dueAt: Date | undefined;
  /** One line for a report: what, how old, and what to do. */
  readonly message: string;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Judges a key's age from its store's metadata: due once the value served now is `maxAgeDays` old
 * (default 90), counted from `currentSince`, else `lastRotated`, else `created`.
 */
export function keyAge(metadata: KeyMetadata, options: KeyAgeOptions = {}): KeyAge {
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_KEY_AGE_DAYS;
  const name = options.name ?? "key";
  if (typeof maxAgeDays !== "number" || !Number.isFinite(maxAgeDays) || maxAgeDays <= 0) {
    throw new SecretConfigError(name, `keyAge(${name}): option "maxAgeDays" must be a number of days > 0`);
  }
  const now = options.now === undefined ? Date.now() : new Date(options.now).getTime();
  if (!Number.isFinite(now)) throw new SecretConfigError(name, `keyAge(${name}): option "now" is not a valid date`);
  const valid = (d: unknown): d is Date => d instanceof Date && Number.isFinite(d.getTime());
  const basis = (["currentSince", "lastRotated", "created"] as const).find((k) => valid(metadata?.[k]));
  if (basis === undefined) {
    return {
      status: "unknown",
      since: undefined,
      basis,
      ageDays: undefined,
      maxAgeDays,
      dueAt: undefined,
      message: `${name}: the store gives no date for the key, so its age is unknown; rotate it and record when`,
    };
  }
  const since = metadata[basis]!;
  const ageDays = Math.floor((now - since.getTime()) / DAY_MS);
  const dueAt = new Date(since.getTime() + maxAgeDays * DAY_MS);
  const due = now >= dueAt.getTime();
  const what = basis === "created" ? "created" : basis === "lastRotated" ? "last rotated" : "in use since";
  return {
    status: due ? "due" : "ok",
    since,
    basis,
    ageDays,
    maxAgeDays,
    dueAt,
    message: due
      ? `${name}: ${what} ${isoDay(since)} (${ageDays} days ago); rotation was due after ${maxAgeDays} days, on ${isoDay(dueAt)}: rotate it (rotateKey)`
      : `${name}: ${what} ${isoDay(since)} (${ageDays} days ago); next rotation due on ${isoDay(dueAt)} (every ${maxAgeDays} days)`,
  };
}

/**
 * The key-age check of a store (what `keyguard check` reports): reads the store's metadata and
 * judges it with `keyAge`. A store without metadata, or one that cannot be reached, is an error
 * naming the store.
 *
 * @example (await checkKeyAge(awsSecretsManagerStore(client, "prod/openai"))).status // "ok" | "due" | "unknown"
 */
export async function checkKeyAge(store: Pick<RotationStore, "name" | "metadata">, options: Omit<KeyAgeOptions, "name"> = {}): Promise<KeyAge> {
  const name = store?.name ?? "key store";
  if (typeof store?.metadata !== "function") {
    throw new SecretConfigError(name, `checkKeyAge(${name}): the store has no metadata() to read the key's dates from`);
  }
  let metadata: KeyMetadata;
  try {
    metadata = await store.metadata();
  } catch (error) {
    if (error instanceof SecretError) throw error;
    const cause = safeCause(error);
    throw new SecretConfigError(name, `${name}: reading the key's metadata failed: ${describeCause(cause)}`, { cause });
  }
  return keyAge(metadata, { ...options, name });
}

/** Writes `text` to `path` atomically (a temporary file renamed over it), readable by the owner only. */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function unlinkIfExists(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * A `RotationStateStore` in a JSON file (owner-only, written atomically). It holds the step and
 * ids, never a value.
 */
export function fileRotationState(path: string): RotationStateStore {
  if (typeof path !== "string" || path.length === 0) throw new SecretConfigError("fileRotationState", "fileRotationState: expected a file path");
  return {
    async load() {
      const text = readIfExists(path);
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text) as RotationState;
      } catch {
        throw new Error(`rotation state file ${path} is not valid JSON`);
      }
    },
    async save(state) {
      if (state === undefined) unlinkIfExists(path);
      else writeAtomic(path, `${JSON.stringify(state)}\n`);
    },
  };
}

/**
 * A `RotationStore` on files, for a key read with `secretFromFile(path)` (a Docker or systemd
 * secret the job may write, a key file on a single host): `path` is the served value;
 * `path.pending-<token>` the staged one and `path.previous` the one before, all owner-only and
 * replaced atomically; the step state is kept in `path.rotation.json`. The age is the file's
 * modification time.
 */
export function fileSecretStore(path: string): RotationStore {
  if (typeof path !== "string" || path.length === 0) throw new SecretConfigError("fileSecretStore", "fileSecretStore: expected a file path");
  const name = `file ${path}`;
  const pendingPath = (token: string) => {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(token)) throw new Error("a rotation token is letters, digits and dashes");
    return `${path}.pending-${token}`;
  };
  const strip = (text: string | undefined) => (text === undefined ? undefined : stripTrailingNewlines(text));
  return {
    name,
    async current() {
      const value = strip(readIfExists(path));
      if (!value) throw new Error(`${path} does not exist or is empty`);
      return value;
    },
    async previous() {
      return strip(readIfExists(`${path}.previous`)) || undefined;
    },
    async pending(token) {
      return strip(readIfExists(pendingPath(token))) || undefined;
    },
    async stage(token, value) {
      writeAtomic(pendingPath(token), `${value}\n`);
    },
    async promote(token) {
      const pending = pendingPath(token);
      // Idempotent: once the staged file has been renamed over the served one, there is nothing left to do.
      if (readIfExists(pending) === undefined) return;
      const current = readIfExists(path);
      if (current !== undefined) writeAtomic(`${path}.previous`, current);
      chmodSync(pending, 0o600);
      renameSync(pending, path);
    },
    async discard(token) {
      unlinkIfExists(pendingPath(token));
    },
    async metadata() {
      return { currentSince: statSync(path).mtime };
    },
    state: fileRotationState(`${path}.rotation.json`),
  };
}
