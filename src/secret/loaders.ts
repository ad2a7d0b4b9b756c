import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SecretString } from "./brand.js";
import {
  SecretConfigError,
  SecretError,
  SecretFileError,
  SecretFormatError,
  SecretNotFoundError,
  SecretSourceError,
  describeCause,
  safeCause,
} from "./errors.js";
import { checkFormat, formatIds, type SecretFormat } from "./format.js";
import { rememberLoaded } from "./registry.js";

/** The environment a loader reads: `process.env` unless given (tests, a parsed `.env`). */
export type SecretEnv = Readonly<Record<string, string | undefined>>;

export interface FormatOption {
  /**
   * A provider id of the catalog (`"anthropic"`, `"openai-project"`; see `PROVIDERS` in
   * `keyguard/detect`), or several: the value must be a key of that format, or loading fails with
   * a `SecretFormatError` that says which format was expected.
   */
  readonly format?: SecretFormat;
}

export interface EnvOptions extends FormatOption {
  readonly env?: SecretEnv;
}

/**
 * Brands a value a loader produced, and remembers it for the redactor of `keyguard/redact`, which
 * masks it wherever it reaches a log line.
 */
function loaded(value: string): SecretString {
  rememberLoaded(value);
  return value as SecretString;
}

/**
 * The one named escape hatch: brands any string as a `SecretString` without loading it from
 * anywhere. For tests and glue code only; keyguard's type-aware lint rule flags it elsewhere. Like
 * the loaders, it remembers the value for the redactor.
 */
export function unsafeSecretString(value: string): SecretString {
  if (typeof value !== "string") {
    throw new SecretConfigError("unsafeSecretString", `unsafeSecretString: expected a string, got ${describeType(value)}`);
  }
  return loaded(value);
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}

function requireName(kind: string, name: unknown): string {
  if (typeof name !== "string" || name.length === 0) {
    throw new SecretConfigError(kind, `${kind}: expected a non-empty name, got ${describeType(name)}${name === "" ? " (empty)" : ""}`);
  }
  return name;
}

/** Removes every trailing line break (`echo` and editors add one; the official images strip them). */
export function stripTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return text.slice(0, end);
}

/** Reads a secret file by path, now: no cache, so a rotated Docker or Kubernetes secret is seen on the next call. */
function readSecretFile(path: string, source: string): string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const cause = safeCause(error);
    const reason = cause.code === "ENOENT" ? "does not exist" : cause.code === "EACCES" ? "is not readable (permission denied)" : cause.code === "EISDIR" ? "is a directory" : "cannot be read";
    throw new SecretFileError(source, `${source}: file ${path} ${reason} (${cause.code ?? cause.originalName})`, cause.code, { cause });
  }
  const value = stripTrailingNewlines(text);
  if (value.length === 0) throw new SecretNotFoundError(source, `${source}: file ${path} is empty`);
  return value;
}

/**
 * Loads a secret from the environment variable `name`, or, following the Docker and Kubernetes
 * convention of the official images, from the file named by `NAME_FILE` (trailing newlines
 * stripped). Missing or empty is a `SecretNotFoundError`; `NAME` and `NAME_FILE` both set is a
 * `SecretConfigError`; a `format` that does not match is a `SecretFormatError`. No error carries the value.
 *
 * @example new OpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY", { format: "openai-project" }) })
 */
export function secretFromEnv(name: string, options: EnvOptions = {}): SecretString {
  requireName("secretFromEnv", name);
  const env = options.env ?? process.env;
  if (options.format !== undefined) formatIds(options.format, `env ${name}`);
  const fileVar = `${name}_FILE`;
  const direct = env[name];
  const file = env[fileVar];
  if (direct && file) {
    throw new SecretConfigError(`env ${name}`, `env ${name}: both ${name} and ${fileVar} are set, but they are exclusive: set only one`);
  }
  if (file) {
    const source = `env ${fileVar}`;
    const value = readSecretFile(file, source);
    checkFormat(value, options.format, source);
    return loaded(value);
  }
  const source = `env ${name}`;
  if (direct === undefined) {
    throw new SecretNotFoundError(source, `${source}: environment variable ${name} is not set (nor ${fileVar})`);
  }
  if (direct.length === 0) throw new SecretNotFoundError(source, `${source}: environment variable ${name} is set but empty`);
  checkFormat(direct, options.format, source);
  return loaded(direct);
}

/**
 * Loads a secret from a file: a Docker secret (`/run/secrets/<name>`), a Kubernetes secret volume.
 * Reads the path on every call and caches nothing, so a secret that was rotated in place (Kubernetes
 * swaps a symlink) is seen on the next call. Trailing newlines are stripped.
 */
export function secretFromFile(path: string, options: FormatOption = {}): SecretString {
  requireName("secretFromFile", path);
  const source = `file ${path}`;
  if (options.format !== undefined) formatIds(options.format, source);
  const value = readSecretFile(path, source);
  checkFormat(value, options.format, source);
  return loaded(value);
}

/**
 * Loads a systemd credential (`LoadCredential=`, `LoadCredentialEncrypted=`, `SetCredential=`) by
 * its id, from `$CREDENTIALS_DIRECTORY`. Read on every call; trailing newlines are stripped.
 */
export function secretFromCredential(id: string, options: EnvOptions = {}): SecretString {
  requireName("secretFromCredential", id);
  const source = `credential ${id}`;
  if (id === "." || id === ".." || id.includes("/") || id.includes("\\") || id.includes("\0")) {
    throw new SecretConfigError(source, `${source}: a credential id is a plain file name, without "/" or ".."`);
  }
  if (options.format !== undefined) formatIds(options.format, source);
  const dir = (options.env ?? process.env).CREDENTIALS_DIRECTORY;
  if (!dir) {
    throw new SecretNotFoundError(
      source,
      `${source}: $CREDENTIALS_DIRECTORY is not set; run the service under systemd with LoadCredential=${id}:<path> (or systemd-run -p LoadCredential=...)`,
    );
  }
  const value = readSecretFile(join(dir, id), source);
  checkFormat(value, options.format, source);
  return loaded(value);
}

export interface JsonOptions extends FormatOption {
  /** What the document is, for messages: `AWS Secrets Manager secret prod/openai`. Default `JSON document`. */
  readonly source?: string;
}

/**
 * Takes one string field of a JSON document, as secret managers return them
 * (`{"api_key": "..."}`). `field` is a property name, or a path of them for nested documents.
 */
export function secretFromJson(json: string, field: string | readonly string[], options: JsonOptions = {}): SecretString {
  const docSource = options.source ?? "JSON document";
  const path = typeof field === "string" ? [field] : [...field];
  if (path.length === 0 || path.some((p) => typeof p !== "string" || p.length === 0)) {
    throw new SecretConfigError(docSource, `${docSource}: field must be a non-empty property name or a path of them`);
  }
  const fieldName = path.map((p) => JSON.stringify(p)).join(".");
  const source = `${docSource} field ${fieldName}`;
  if (options.format !== undefined) formatIds(options.format, source);
  if (typeof json !== "string") {
    throw new SecretFormatError(docSource, `${docSource}: expected a JSON text, got ${describeType(json)}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    // The engine's message quotes the text it could not parse: keep only the position.
    const position = error instanceof Error ? /position (\d{1,10})/.exec(error.message)?.[1] : undefined;
    throw new SecretFormatError(docSource, `${docSource}: is not valid JSON${position === undefined ? "" : ` (error at position ${position})`}`);
  }
  let node: unknown = doc;
  for (let i = 0; i < path.length; i++) {
    const at = i === 0 ? "the document" : `field ${path.slice(0, i).map((p) => JSON.stringify(p)).join(".")}`;
    if (typeof node !== "object" || node === null || Array.isArray(node)) {
      throw new SecretFormatError(docSource, `${docSource}: ${at} is ${describeType(node)}, not a JSON object`);
    }
    const key = path[i]!;
    if (!Object.prototype.hasOwnProperty.call(node, key)) {
      throw new SecretNotFoundError(source, `${docSource}: has no field ${path.slice(0, i + 1).map((p) => JSON.stringify(p)).join(".")}`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  if (typeof node !== "string") throw new SecretFormatError(source, `${source}: is ${describeType(node)}, not a string`);
  if (node.length === 0) throw new SecretNotFoundError(source, `${source}: is empty`);
  checkFormat(node, options.format, source);
  return loaded(node);
}

/** A loader of a secret that lives elsewhere: call it to fetch the current value. */
export interface SecretSource {
  (): Promise<SecretString>;
  /** What the source is, for messages: `AWS Secrets Manager secret prod/openai`. */
  readonly sourceName: string;
}

export interface SourceOptions extends FormatOption {
  /** What the source is, for messages. Default: the fetch function's name, or `secret source`. */
  readonly name?: string;
}

/**
 * Turns any asynchronous provider (AWS Secrets Manager, Google Secret Manager, Azure Key Vault,
 * HashiCorp Vault, an internal service) into a loader: the result is checked (a non-empty string,
 * of `format` if given) and branded; a failure becomes a `SecretSourceError` that names the source
 * and keeps only a sanitised cause (error name, code, HTTP status, message with keys masked).
 */
export function defineSecretSource(fetch: () => string | Promise<string>, options: SourceOptions = {}): SecretSource {
  if (typeof fetch !== "function") {
    throw new SecretConfigError("defineSecretSource", `defineSecretSource: expected a function, got ${describeType(fetch)}`);
  }
  const sourceName = options.name ?? (fetch.name || "secret source");
  if (options.format !== undefined) formatIds(options.format, sourceName);
  const load = async (): Promise<SecretString> => {
    let value: unknown;
    try {
      value = await fetch();
    } catch (error) {
      if (error instanceof SecretError) throw error;
      const cause = safeCause(error);
      throw new SecretSourceError(sourceName, `${sourceName}: fetching the secret failed: ${describeCause(cause)}`, { cause });
    }
    if (typeof value !== "string") {
      throw new SecretFormatError(sourceName, `${sourceName}: returned ${describeType(value)}, not a string`);
    }
    if (value.length === 0) throw new SecretNotFoundError(sourceName, `${sourceName}: returned an empty string`);
    checkFormat(value, options.format, sourceName);
    return loaded(value);
  };
  return Object.defineProperty(load, "sourceName", { value: sourceName, enumerable: true }) as SecretSource;
}
