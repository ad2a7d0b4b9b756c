import { createDetector, detect, type Detector, type DetectorOptions } from "../detect/detector.js";
import { mask } from "../detect/mask.js";
import { applySpans, findLoaded, loadedCount, mergeSpans, type Span } from "../secret/registry.js";

export interface RedactorOptions {
  /**
   * What the detector looks for beyond the catalog (`extraPatterns`, e.g. a company gateway's key
   * format) and what it lets through (`allow`), as for `createDetector` of `keyguard/detect`.
   */
  readonly detector?: DetectorOptions;
  /**
   * Whether values that keyguard's loaders produced in this process are masked wherever they
   * appear, whatever their format. Default `true`.
   */
  readonly loaded?: boolean;
  /** More values to mask wherever they appear (a password read by other means). Values under 8 characters are ignored. */
  readonly values?: readonly string[];
  /** An object deeper than this (the value given is depth 0) is replaced by `"[Redacted: too deep]"` instead of being walked. Default 100. */
  readonly maxDepth?: number;
}

export interface Redactor {
  /** `text` with every key masked: the detector's findings and every value loaded in this process. */
  text(text: string): string;
  /**
   * A copy of `value` with every string in it (property names and Map keys included) passed
   * through `text`; the input is never changed. Strings, objects, arrays, Maps, Sets, Errors (with
   * `message`, `stack`, `cause` and other own properties), Buffers and Uint8Arrays are handled;
   * cycles and shared references keep their shape; a part without any key is copied all the same.
   */
  value<T>(value: T): T;
}

const DEFAULT_MAX_DEPTH = 100;
const TOO_DEEP = "[Redacted: too deep]";
const GETTER_THREW = "[Redacted: getter threw]";

/**
 * JSON and JavaScript escapes (`\n`, `\"`, `\u00e9`) as they appear in serialised text. The
 * detector wants a key to start at a word boundary, and the `n` of `\n` is a word character: a key
 * right after an escaped line break would be missed in a JSON log line. The detector therefore
 * scans a copy of the text in which every run of backslashes and the escape character after it are
 * blanked out (same length, so offsets agree): a JSON-escaped backslash before `n` (a literal `\n`
 * in the logged string) is treated like the escape it was in the string. This only ever masks
 * more. One quantifier, followed by an optional group of fixed length: linear.
 */
const ESCAPE = /\\+(?:u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|[bfnrtv0"'/])?/g;

function checkDepth(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_DEPTH;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new TypeError(`keyguard/redact: option "maxDepth" must be an integer >= 1, got ${String(value)}`);
  }
  return value;
}

/** Builds a redactor; build it once and reuse it (the detector compiles its options once). */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("keyguard/redact: options must be an object");
  }
  const detector: Detector | undefined = options.detector ? createDetector(options.detector) : undefined;
  const scan = detector ? (t: string) => detector.scan(t) : detect;
  const named = detector ?? createDetector();
  const useLoaded = options.loaded ?? true;
  const maxDepth = checkDepth(options.maxDepth);
  if (options.values !== undefined && !Array.isArray(options.values)) {
    throw new TypeError('keyguard/redact: option "values" must be an array of strings');
  }
  const extra = (options.values ?? []).filter((v): v is string => typeof v === "string" && v.length >= 8);
  const extraForms = extra.flatMap((v) => {
    const escaped = JSON.stringify(v).slice(1, -1);
    const masked = mask(v);
    return (escaped === v ? [v] : [v, escaped]).map((form) => ({ form, masked }));
  });
  const extraByteForms = extraForms.map(({ form, masked }) => ({ form: Buffer.from(form, "utf8").toString("latin1"), masked }));

  /** The spans to mask in `text`, unsorted, possibly overlapping. */
  function spans(text: string, bytes: boolean): Span[] {
    const out: Span[] = [];
    const view = text.includes("\\") ? text.replace(ESCAPE, (m) => " ".repeat(m.length)) : text;
    for (const f of scan(view)) out.push({ start: f.start, end: f.end, masked: f.masked });
    if (useLoaded) findLoaded(text, out, bytes);
    for (const { form, masked } of bytes ? extraByteForms : extraForms) {
      for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length)) {
        out.push({ start: at, end: at + form.length, masked });
      }
    }
    return out;
  }

  function redactText(text: string): string {
    if (typeof text !== "string") throw new TypeError(`keyguard/redact: expected a string, got ${typeof text}`);
    // Shorter than any key pattern and than any value to mask (never under 8 characters): nothing to find.
    if (text.length < 8 || (text.length < named.minLength && extraForms.length === 0 && (!useLoaded || loadedCount() === 0))) return text;
    return applySpans(text, mergeSpans(text, spans(text, false)));
  }

  function redactBytes<B extends Uint8Array>(bytes: B): B {
    if (bytes.length < 8) return bytes;
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const latin1 = view.toString("latin1");
    const found = mergeSpans(latin1, spans(latin1, true));
    if (found.length === 0) return bytes;
    const parts: Buffer[] = [];
    let at = 0;
    for (const s of found) {
      parts.push(view.subarray(at, s.start), Buffer.from(s.masked, "utf8"));
      at = s.end;
    }
    parts.push(view.subarray(at));
    const joined = Buffer.concat(parts);
    if (Buffer.isBuffer(bytes)) return joined as unknown as B;
    return new Uint8Array(joined) as B;
  }

  /** The name and the value of a property: a prefix-less key is recognised by the name that holds it (`mistralApiKey`). */
  function redactNamed(name: string, value: string): string {
    const redacted = redactText(value);
    if (redacted !== value || !named.hasNamedShape(value)) return redacted;
    const f = named.scanNamed(name, value);
    return f ? `${value.slice(0, f.start)}${f.masked}${value.slice(f.end)}` : value;
  }

  function redactValue<T>(input: T): T {
    const seen = new Map<object, unknown>();

    const walk = (value: unknown, depth: number, name?: string): unknown => {
      if (typeof value === "string") return name === undefined ? redactText(value) : redactNamed(name, value);
      if (typeof value !== "object" || value === null) return value;
      const known = seen.get(value);
      if (known !== undefined) return known;
      if (depth > maxDepth) return TOO_DEEP;
      if (value instanceof Uint8Array) {
        const copy = redactBytes(value);
        seen.set(value, copy);
        return copy;
      }
      if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date || value instanceof RegExp) return value;
      if (value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise) return value;
      if (Array.isArray(value)) {
        const copy: unknown[] = new Array(value.length);
        seen.set(value, copy);
        for (let i = 0; i < value.length; i++) copy[i] = walk(value[i], depth + 1);
        return copy;
      }
      if (value instanceof Map) {
        const copy = new Map();
        seen.set(value, copy);
        for (const [k, v] of value) copy.set(walk(k, depth + 1), walk(v, depth + 1, typeof k === "string" ? k : undefined));
        return copy;
      }
      if (value instanceof Set) {
        const copy = new Set();
        seen.set(value, copy);
        for (const v of value) copy.add(walk(v, depth + 1));
        return copy;
      }
      if (value instanceof Error) return copyError(value, depth);
      return copyObject(value, depth);
    };

    /** A plain object or a class instance: own enumerable properties, on an object of the same prototype. */
    const copyObject = (value: object, depth: number): object => {
      const proto = Object.getPrototypeOf(value) as object | null;
      const copy = (proto === Object.prototype ? {} : Object.create(proto)) as Record<PropertyKey, unknown>;
      seen.set(value, copy);
      const source = value as Record<PropertyKey, unknown>;
      for (const key of Object.keys(value)) copy[redactText(key)] = readProperty(source, key, depth);
      for (const key of Object.getOwnPropertySymbols(value)) {
        if (Object.prototype.propertyIsEnumerable.call(value, key)) copy[key] = readProperty(source, key, depth);
      }
      return copy;
    };

    /** One property, read as JSON.stringify would (a getter is called); a getter that throws is not fatal. */
    const readProperty = (owner: Record<PropertyKey, unknown>, key: string | symbol, depth: number): unknown => {
      let raw: unknown;
      try {
        raw = owner[key];
      } catch {
        return GETTER_THREW;
      }
      return walk(raw, depth + 1, typeof key === "string" ? key : undefined);
    };

    /** An Error: every own property (message and stack are not enumerable), the cause chain, an AggregateError's errors. */
    const copyError = (error: Error, depth: number): Error => {
      const copy = Object.create(Object.getPrototypeOf(error)) as Error;
      seen.set(error, copy);
      for (const key of Reflect.ownKeys(error)) {
        const descriptor = Object.getOwnPropertyDescriptor(error, key);
        if (!descriptor) continue;
        Object.defineProperty(copy, typeof key === "string" ? redactText(key) : key, {
          value: read(error, key, descriptor, depth),
          enumerable: descriptor.enumerable ?? false,
          writable: true,
          configurable: true,
        });
      }
      return copy;
    };

    /** The redacted value of one property; a getter is called (as JSON.stringify would), and one that throws is not fatal. */
    const read = (owner: object, key: PropertyKey, descriptor: PropertyDescriptor, depth: number): unknown => {
      let raw: unknown;
      if ("value" in descriptor) raw = descriptor.value;
      else {
        try {
          raw = Reflect.get(owner, key);
        } catch {
          return GETTER_THREW;
        }
      }
      return walk(raw, depth + 1, typeof key === "string" ? key : undefined);
    };

    return walk(input, 0) as T;
  }

  return { text: redactText, value: redactValue };
}

let defaultRedactor: Redactor | undefined;

/** The redactor with the default options: the catalog, and every value loaded in this process. */
export function defaultRedactorInstance(): Redactor {
  defaultRedactor ??= createRedactor();
  return defaultRedactor;
}

/** `text` with every key masked: those the detector finds, and every value keyguard's loaders produced in this process. */
export function redactText(text: string): string {
  return defaultRedactorInstance().text(text);
}

/** A copy of `value` (any nesting of objects, arrays, Maps, Sets, Errors, Buffers) with every key masked; the input is not changed. */
export function redact<T>(value: T): T {
  return defaultRedactorInstance().value(value);
}
