import { createDetector, detect, type Detector, type DetectorOptions } from "../detect/detector.js";
import { mask } from "../detect/mask.js";
import { applySpans, findLoaded, loadedCount, mergeSpans, textForms, type Span } from "../secret/registry.js";

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
   * `value` with every string in it (property names and Map keys included) passed through `text`;
   * the input is never changed. Strings, objects, arrays, Maps, Sets, Errors (with `message`,
   * `stack`, `cause` and other own properties), Buffers and Uint8Arrays are handled. A part in
   * which nothing is masked is returned as it is (the same object, not a copy); a part in which
   * something is masked is a copy, and so is every object that holds it. Cycles and shared
   * references keep their shape.
   */
  value<T>(value: T): T;
}

const DEFAULT_MAX_DEPTH = 100;
const TOO_DEEP = "[Redacted: too deep]";
const GETTER_THREW = "[Redacted: getter threw]";
const ABSENT = Symbol("absent");

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
    const masked = mask(v);
    return textForms(v).map((form) => ({ form, masked }));
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

  /** A string in the value path: the text scan, then the name check for a prefix-less key. */
  const fullString = (value: string, name: string | undefined) => (name === undefined ? redactText(value) : redactNamed(name, value));
  /** A string in the names-only path (`namesOnly`): only the name check; the text scan is left to the finished line. */
  const namedString = (value: string, name: string | undefined) => {
    if (name === undefined || !named.hasNamedShape(value)) return value;
    const f = named.scanNamed(name, value);
    return f ? `${value.slice(0, f.start)}${f.masked}${value.slice(f.end)}` : value;
  };
  const identity = (key: string) => key;

  const redactValue = valueWalker(fullString, redactText, redactBytes, maxDepth, true);
  const redactor: Redactor = { text: redactText, value: redactValue };
  // Symbol-keyed properties are not part of a JSON line: the names-only walk leaves them.
  namesOnlyWalkers.set(redactor, valueWalker(namedString, identity, redactBytes, maxDepth, false));
  return redactor;
}

/** The names-only walk of each redactor `createRedactor` built (see `namesOnly`). */
const namesOnlyWalkers = new WeakMap<Redactor, <T>(value: T) => T>();

/**
 * For the pino integration, which redacts each finished line as text: the walk of `redactor` that
 * masks only what the text scan of that line cannot see, the prefix-less keys found by the name of
 * the property that holds them, and the bytes of Buffers (which JSON writes as numbers).
 * `undefined` for a redactor that `createRedactor` did not build.
 */
export function namesOnly(redactor: Redactor): (<T>(value: T) => T) | undefined {
  return namesOnlyWalkers.get(redactor);
}

/** The mark of an object whose walk is under way: a reference back to it (a cycle) takes its copy, made on demand (`shells`). */
const PENDING = Symbol("pending");

/** An empty object of the same kind as `value`, to be filled with its redacted content. */
function shellOf(value: object): object {
  if (Array.isArray(value)) return [];
  if (value instanceof Map) return new Map();
  if (value instanceof Set) return new Set();
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype ? {} : Object.create(proto);
}

/**
 * Builds the walk of `Redactor.value`: `onString` redacts a string (with the name of the property
 * that holds it, if any), `onKey` a property name or Map key, `onBytes` a Uint8Array. An object in
 * which nothing changes is returned as it is, so a log record without keys costs a read of its
 * properties and no copy; an object in which something changes is copied (same prototype), and so
 * is every object that holds it. Each object is visited once (a Map of results), so shared
 * references stay shared and the time is linear in the size of the value.
 */
function valueWalker(
  onString: (value: string, name: string | undefined) => string,
  onKey: (key: string) => string,
  onBytes: <B extends Uint8Array>(bytes: B) => B,
  maxDepth: number,
  symbols: boolean,
): <T>(value: T) => T {
  return function walkValue<T>(input: T): T {
    /** The result of each object walked (never `undefined`), or `PENDING` while its walk is under way. */
    const done = new Map<object, unknown>();
    /** The copies that references back to an object under way took (cycles): its result must be that copy. */
    let shells: Map<object, object> | undefined;
    const shellFor = (value: object): object => {
      shells ??= new Map();
      let shell = shells.get(value);
      if (shell === undefined) shells.set(value, (shell = shellOf(value)));
      return shell;
    };
    const hasShell = (value: object): boolean => shells !== undefined && shells.has(value);

    const walk = (value: unknown, depth: number, name?: string): unknown => {
      if (typeof value === "string") return onString(value, name);
      if (typeof value !== "object" || value === null) return value;
      const known = done.get(value);
      if (known !== undefined) return known === PENDING ? shellFor(value) : known;
      if (depth > maxDepth) return TOO_DEEP;
      let kind: (value: never, depth: number) => unknown;
      const proto = Object.getPrototypeOf(value) as unknown;
      // Plain objects and arrays first: most of what a log call holds.
      if (proto === Object.prototype || proto === null) kind = walkPlain;
      else if (Array.isArray(value)) kind = walkArray;
      else if (value instanceof Uint8Array) {
        const copy = onBytes(value);
        done.set(value, copy);
        return copy;
      } else if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date || value instanceof RegExp) return value;
      else if (value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise) return value;
      else if (value instanceof Map) kind = walkMap;
      else if (value instanceof Set) kind = walkSet;
      else if (value instanceof Error) kind = walkError;
      else kind = walkObject;
      done.set(value, PENDING);
      const out = kind(value as never, depth);
      done.set(value, out);
      return out;
    };

    const walkArray = (value: unknown[], depth: number): unknown => {
      // Nothing is allocated until an item changes; the items before it are the same. The copy is
      // the shell a cycle may already have made, or becomes the one a later cycle takes.
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const raw = value[i];
        const item = walk(raw, depth + 1);
        if (copy === undefined) {
          if (Object.is(item, raw)) continue;
          copy = shellFor(value) as unknown[];
          for (let k = 0; k < i; k++) copy[k] = value[k];
        }
        copy[i] = item;
      }
      return copy ?? value;
    };

    const walkMap = (value: Map<unknown, unknown>, depth: number): unknown => {
      const entries: [unknown, unknown][] = [];
      let changed = false;
      for (const [k, v] of value) {
        const key = typeof k === "string" ? onKey(k) : walk(k, depth + 1);
        const item = walk(v, depth + 1, typeof k === "string" ? k : undefined);
        if (!changed && (!Object.is(key, k) || !Object.is(item, v))) changed = true;
        entries.push([key, item]);
      }
      if (!changed && !hasShell(value)) return value;
      const copy = shellFor(value) as Map<unknown, unknown>;
      for (const [k, v] of entries) copy.set(k, v);
      return copy;
    };

    const walkSet = (value: Set<unknown>, depth: number): unknown => {
      const items: unknown[] = [];
      let changed = false;
      for (const v of value) {
        const item = walk(v, depth + 1);
        if (!changed && !Object.is(item, v)) changed = true;
        items.push(item);
      }
      if (!changed && !hasShell(value)) return value;
      const copy = shellFor(value) as Set<unknown>;
      for (const v of items) copy.add(v);
      return copy;
    };

    /**
     * Whether the redacted value of one property differs from the property (its name included). A
     * getter is called, as JSON.stringify would; one that throws is a change (its copy says so).
     */
    const propertyChanges = (source: Record<PropertyKey, unknown>, key: string | symbol, depth: number): boolean => {
      if (typeof key === "string" && onKey(key) !== key) return true;
      let raw: unknown;
      try {
        raw = source[key];
      } catch {
        return true;
      }
      return !Object.is(walk(raw, depth + 1, typeof key === "string" ? key : undefined), raw);
    };

    /**
     * A plain object: a first pass that allocates nothing (`for…in` reads V8's cached keys) and stops
     * at the first change; only then the object is copied. Object.prototype has no enumerable
     * properties of its own, but a polluted one would: own properties only.
     */
    const walkPlain = (value: object, depth: number): unknown => {
      const source = value as Record<string, unknown>;
      let changed = false;
      for (const key in source) {
        if (Object.prototype.hasOwnProperty.call(source, key) && propertyChanges(source, key, depth)) {
          changed = true;
          break;
        }
      }
      if (!changed && symbols) changed = symbolsChange(source, depth);
      return changed || hasShell(value) ? copyObject(value, depth) : value;
    };

    /** A class instance: its own enumerable properties, as for a plain object. */
    const walkObject = (value: object, depth: number): unknown => {
      const source = value as Record<string, unknown>;
      let changed = false;
      for (const key of Object.keys(source)) {
        if (propertyChanges(source, key, depth)) {
          changed = true;
          break;
        }
      }
      if (!changed && symbols) changed = symbolsChange(source, depth);
      return changed || hasShell(value) ? copyObject(value, depth) : value;
    };

    const symbolsChange = (source: Record<PropertyKey, unknown>, depth: number): boolean => {
      for (const key of Object.getOwnPropertySymbols(source)) {
        if (Object.prototype.propertyIsEnumerable.call(source, key) && propertyChanges(source, key, depth)) return true;
      }
      return false;
    };

    /**
     * The copy of an object in which something changes, on an object of the same prototype (or the
     * shell a cycle made): every own enumerable property, walked again (the objects among them are
     * looked up, not walked twice; getters are called a second time).
     */
    const copyObject = (value: object, depth: number): object => {
      const source = value as Record<PropertyKey, unknown>;
      const copy = shellFor(value) as Record<PropertyKey, unknown>;
      const keys: (string | symbol)[] = Object.keys(source);
      if (symbols) for (const key of Object.getOwnPropertySymbols(source)) if (Object.prototype.propertyIsEnumerable.call(source, key)) keys.push(key);
      for (const key of keys) {
        const name = typeof key === "string" ? onKey(key) : key;
        let raw: unknown;
        try {
          raw = source[key];
        } catch {
          copy[name] = GETTER_THREW;
          continue;
        }
        copy[name] = walk(raw, depth + 1, typeof key === "string" ? key : undefined);
      }
      return copy;
    };

    /** An Error: every own property (message and stack are not enumerable), the cause chain, an AggregateError's errors. */
    const walkError = (error: Error, depth: number): unknown => {
      const keys = Reflect.ownKeys(error);
      const names: PropertyKey[] = new Array(keys.length);
      const items: unknown[] = new Array(keys.length);
      const enumerable: boolean[] = new Array(keys.length);
      let changed = false;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const descriptor = Object.getOwnPropertyDescriptor(error, key);
        names[i] = typeof key === "string" ? onKey(key) : key;
        enumerable[i] = descriptor?.enumerable ?? false;
        if (!descriptor) {
          // Gone between the two reads (a Proxy): nothing to copy.
          items[i] = ABSENT;
          changed = true;
          continue;
        }
        let raw: unknown;
        if ("value" in descriptor) raw = descriptor.value;
        else {
          // An accessor (a getter) is called, as JSON.stringify would; one that throws is not fatal.
          try {
            raw = Reflect.get(error, key);
          } catch {
            items[i] = GETTER_THREW;
            changed = true;
            continue;
          }
        }
        items[i] = walk(raw, depth + 1, typeof key === "string" ? key : undefined);
        if (!changed && (names[i] !== key || !Object.is(items[i], raw))) changed = true;
      }
      if (!changed && !hasShell(error)) return error;
      const copy = shellFor(error);
      for (let i = 0; i < keys.length; i++) {
        if (items[i] === ABSENT) continue;
        Object.defineProperty(copy, names[i]!, { value: items[i], enumerable: enumerable[i], writable: true, configurable: true });
      }
      return copy;
    };

    return walk(input, 0) as T;
  };
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
