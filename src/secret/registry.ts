import { literalAlternation } from "../detect/detector.js";
import { mask } from "../detect/mask.js";

/**
 * The values keyguard's loaders produced in this process, so that the redactor (`keyguard/redact`)
 * can mask them wherever they reach a log line, even when they have no provider format the
 * detector knows (a database password, a prefix-less key read from a file).
 *
 * The values never leave this module: it is not part of any entry point, and what it offers is
 * matching (`findLoaded`), never a list. It lives in this process's copy of keyguard only: a second
 * copy of the package (two versions installed side by side) keeps its own.
 */

/** Shorter values are not remembered: masking every occurrence of a 4-character password would mask ordinary words. */
export const MIN_REMEMBERED_LENGTH = 8;
/** The most values remembered; beyond it the oldest is forgotten (a rotating secret adds one per rotation). */
export const MAX_REMEMBERED = 1024;

interface Remembered {
  /** What is searched for in text: the value, and its JSON-escaped form when that differs (a PEM's line breaks). */
  readonly textForms: readonly string[];
  /** The same forms as UTF-8 bytes read as Latin-1, to search a Buffer decoded byte for character. */
  readonly byteForms: readonly string[];
  readonly masked: string;
}

const remembered = new Map<string, Remembered>();
/** One pattern per search mode for all remembered forms (a trie of literals), rebuilt after a change. */
let compiled: { text: RegExp; bytes: RegExp; masked: Map<string, string>; longer: Map<string, string[]> } | undefined;

function compile() {
  const masked = new Map<string, string>();
  const textForms: string[] = [];
  const byteForms: string[] = [];
  for (const entry of remembered.values()) {
    for (const f of entry.textForms) (textForms.push(f), masked.set(f, entry.masked));
    for (const f of entry.byteForms) (byteForms.push(f), masked.set(f, entry.masked));
  }
  // The trie matches the shortest of forms that begin alike; `longer` lists, longest first, the
  // forms that continue a form, so that a longer value found at the same place is masked whole.
  const all = [...new Set([...textForms, ...byteForms])].sort((a, b) => b.length - a.length);
  const longer = new Map<string, string[]>();
  for (const f of all) {
    const ext = all.filter((g) => g.length > f.length && g.startsWith(f));
    if (ext.length > 0) longer.set(f, ext);
  }
  const source = (forms: string[]) => literalAlternation([...new Set(forms)]);
  return { text: new RegExp(source(textForms), "g"), bytes: new RegExp(source(byteForms), "g"), masked, longer };
}

/** Remembers a value a loader produced. Idempotent; values shorter than `MIN_REMEMBERED_LENGTH` are ignored. */
export function rememberLoaded(value: string): void {
  if (typeof value !== "string" || value.length < MIN_REMEMBERED_LENGTH) return;
  if (remembered.has(value)) {
    // Most recently loaded goes last, so that eviction drops the longest unused value.
    const entry = remembered.get(value)!;
    remembered.delete(value);
    remembered.set(value, entry);
    return;
  }
  const escaped = JSON.stringify(value).slice(1, -1);
  const textForms = escaped === value ? [value] : [value, escaped];
  const byteForms = [...new Set(textForms.map((f) => Buffer.from(f, "utf8").toString("latin1")))];
  remembered.set(value, { textForms, byteForms, masked: mask(value) });
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  compiled = undefined;
}

/**
 * The patterns `findLoaded` runs (text and bytes), for the ReDoS gate
 * (`tests/hardening/redos.test.ts`): an alternation of escaped literals written as a trie, no
 * quantifier. Their sources hold the remembered values: never log them.
 */
export function loadedPatterns(): readonly RegExp[] {
  if (remembered.size === 0) return [];
  compiled ??= compile();
  return [compiled.text, compiled.bytes].map((re) => new RegExp(re.source, re.flags));
}

/** How many values are remembered (for tests and diagnostics; never which). */
export function loadedCount(): number {
  return remembered.size;
}

/** A span of a text to replace by `masked`. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly masked: string;
}

/**
 * Adds to `out` every occurrence of a remembered value in `text`. `bytes`: `text` is a Buffer
 * decoded as Latin-1 (one character per byte), so the values' UTF-8 bytes are searched for.
 * One pass of one pattern: an alternation of literals written as a trie, without quantifiers.
 */
export function findLoaded(text: string, out: Span[], bytes = false): void {
  if (remembered.size === 0 || text.length < MIN_REMEMBERED_LENGTH) return;
  compiled ??= compile();
  const re = bytes ? compiled.bytes : compiled.text;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const form = compiled.longer.get(m[0])?.find((g) => text.startsWith(g, m!.index)) ?? m[0];
    out.push({ start: m.index, end: m.index + form.length, masked: compiled.masked.get(form)! });
    // Search on from the next character, not the end: a value may begin inside another (the spans are merged).
    re.lastIndex = m.index + 1;
  }
}

/** Sorts `spans` and merges the overlapping ones; a merged span is masked as a whole. */
export function mergeSpans(text: string, spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end) out[out.length - 1] = { start: last.start, end: s.end, masked: mask(text.slice(last.start, s.end)) };
      continue;
    }
    out.push(s);
  }
  return out;
}

/** `text` with each span (sorted, disjoint) replaced by its masked form. */
export function applySpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.masked;
    at = s.end;
  }
  return out + text.slice(at);
}

/** `text` with every remembered value replaced by its masked form. */
export function maskLoaded(text: string): string {
  const found: Span[] = [];
  findLoaded(text, found);
  return applySpans(text, mergeSpans(text, found));
}
