import { detect } from "../detect/detector.js";
import { maskLoaded } from "./registry.js";

/**
 * The base class of every error `keyguard/secret` raises. Its message names the source (the
 * variable, the file, the secret id), never the secret: not in `message`, not in `String(error)`,
 * not in `stack`, not in `cause`.
 */
export class SecretError extends Error {
  override name = "SecretError";
  /** The source the error is about: `env OPENAI_API_KEY`, `file /run/secrets/openai`, ... */
  readonly source: string;

  constructor(source: string, message: string, options?: { cause?: SafeCause }) {
    super(message, options?.cause ? { cause: options.cause } : undefined);
    this.source = source;
  }
}

/** The variable, file, credential or field does not exist, or is empty. */
export class SecretNotFoundError extends SecretError {
  override name = "SecretNotFoundError";
}

/** The value exists but is not what was asked for (not the expected provider's key format, not JSON, not a string). */
export class SecretFormatError extends SecretError {
  override name = "SecretFormatError";
  /** The catalog provider ids that were expected, when a `format` was given. */
  readonly expected: readonly string[];

  constructor(source: string, message: string, expected: readonly string[] = [], options?: { cause?: SafeCause }) {
    super(source, message, options);
    this.expected = expected;
  }
}

/** A file (a `NAME_FILE`, a Docker secret, a credential) exists in the configuration but cannot be read. */
export class SecretFileError extends SecretError {
  override name = "SecretFileError";
  /** The file system error code (`ENOENT`, `EACCES`, `EISDIR`, ...), when there is one. */
  readonly code: string | undefined;

  constructor(source: string, message: string, code: string | undefined, options?: { cause?: SafeCause }) {
    super(source, message, options);
    this.code = code;
  }
}

/** An asynchronous source (a secret manager, a rotating secret) failed. */
export class SecretSourceError extends SecretError {
  override name = "SecretSourceError";
}

/** The call itself cannot work: `NAME` and `NAME_FILE` both set, an unknown `format`, an invalid option. */
export class SecretConfigError extends SecretError {
  override name = "SecretConfigError";
}

/** The steps of `rotateKey`, as a `SecretRotationError` names them. */
export type RotationStep = "state" | "read" | "create" | "stage" | "verify" | "promote" | "before-revoke" | "revoke" | "rollback" | "finish";

/** A key rotation (`rotateKey`) failed. Says at which step, whether it was rolled back, and whether running it again resumes it. */
export class SecretRotationError extends SecretError {
  override name = "SecretRotationError";
  readonly step: RotationStep;
  /** The rotation's id (also the version id in AWS Secrets Manager). */
  readonly token: string | undefined;
  /** Verification failed and the new key was withdrawn: the store serves the old key, the new one is revoked. */
  readonly rolledBack: boolean;
  /** The step state was kept: running `rotateKey` again with the same store continues from this step. */
  readonly resumable: boolean;

  constructor(
    source: string,
    message: string,
    details: { step: RotationStep; token: string | undefined; rolledBack?: boolean; resumable?: boolean },
    options?: { cause?: SafeCause },
  ) {
    super(source, message, options);
    this.step = details.step;
    this.token = details.token;
    this.rolledBack = details.rolledBack ?? false;
    this.resumable = details.resumable ?? false;
  }
}

/**
 * What an error of `keyguard/secret` keeps of the error that caused it: its name, its `code`, an
 * HTTP status, and its message with every key the detector recognises masked. Never the original
 * error object, whose message may quote the value (`JSON.parse` does) and whose own `cause` may hold
 * anything.
 */
export class SafeCause extends Error {
  override name = "SafeCause";
  /** The original error's `name` (`ResourceNotFoundException`, `TypeError`, ...). */
  readonly originalName: string;
  readonly code: string | undefined;
  readonly status: number | undefined;

  constructor(originalName: string, message: string, code: string | undefined, status: number | undefined) {
    super(message);
    this.originalName = originalName;
    this.code = code;
    this.status = status;
  }
}

/** The longest part of a foreign error message kept in a `SafeCause`. */
const MAX_CAUSE_MESSAGE = 200;

/**
 * Reduces any thrown value to a `SafeCause`. `secret`, when known, is removed from the message
 * outright; keys of the catalog are replaced by their masked form; the rest is cut short.
 */
export function safeCause(error: unknown, secret?: string): SafeCause {
  if (error instanceof SafeCause) return error;
  const record = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  const originalName = typeof record.name === "string" ? record.name : typeof error;
  const code = typeof record.code === "string" ? record.code : typeof record.Code === "string" ? record.Code : undefined;
  const metadata = record.$metadata as Record<string, unknown> | undefined;
  const statusValue = record.status ?? record.statusCode ?? metadata?.httpStatusCode;
  const status = typeof statusValue === "number" ? statusValue : undefined;
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return new SafeCause(originalName, redact(raw, secret), code, status);
}

/**
 * `text` with `secret` (if given), every value a loader produced in this process, and every key
 * the detector finds replaced by masked forms, cut to a bounded length.
 */
export function redact(text: string, secret?: string): string {
  let out = text;
  if (secret !== undefined && secret.length > 0) out = out.split(secret).join("[secret]");
  out = maskLoaded(out);
  const found = detect(out);
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i]!;
    out = `${out.slice(0, f.start)}${f.masked}${out.slice(f.end)}`;
  }
  return out.length > MAX_CAUSE_MESSAGE ? `${out.slice(0, MAX_CAUSE_MESSAGE)}…` : out;
}

/** A short description of a cause for an error message: `ENOENT`, `ResourceNotFoundException (HTTP 400)`. */
export function describeCause(cause: SafeCause): string {
  const parts = [cause.code ?? cause.originalName];
  if (cause.status !== undefined) parts.push(`(HTTP ${cause.status})`);
  const head = parts.join(" ");
  return cause.message ? `${head}: ${cause.message}` : head;
}
