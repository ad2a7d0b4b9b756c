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

/**
 * The forms a value takes in text: as it is, JSON-escaped (a string value in a JSON log line), and
 * JSON-escaped twice (a JSON document held in a string of a JSON line: an object interpolated into
 * a pino message with `%o`, a request body logged as a string). One form for most values; up to
 * three for a value with a quote, a backslash or a control character.
 */
export function textForms(value: string): string[] {
  const once = JSON.stringify(value).slice(1, -1);
  if (once === value) return [value];
  const twice = JSON.stringify(once).slice(1, -1);
  return [value, once, twice];
}

interface Remembered {
  /** What is searched for in text: the forms of `textForms`. */
  readonly textForms: readonly string[];
  /** The same forms as UTF-8 bytes read as Latin-1, to search a Buffer decoded byte for character. */
  readonly byteForms: readonly string[];
  readonly masked: string;
}

const remembered = new Map<string, Remembered>();

/**
 * Up to this many forms, one pattern of all of them (a trie of literals) finds them in one pass,
 * and fastest. Beyond it that pattern slows down with every form (it branches on each next
 * character; with 1,000 values it scans about 5 MB/s), while a scan by the first two characters of
 * each form costs about the same for any number (about 130 MB/s), so that scan is used instead.
 */
const TRIE_MAX_FORMS = 48;

/** How one search mode (text, or bytes read as Latin-1) finds the remembered forms. */
type Searcher =
  | {
      readonly kind: "trie";
      readonly re: RegExp;
      /** For each form that others continue, those forms, longest first: the trie matches the shortest of forms that begin alike. */
      readonly longer: Map<string, string[]>;
    }
  | {
      readonly kind: "anchors";
      /** 1 where some form begins with these two characters (each folded to its low byte): `(c0 << 8) | c1`. */
      readonly pairs: Uint8Array;
      /** The forms by their first four characters (every form has at least 8), longest first. */
      readonly byAnchor: Map<string, string[]>;
    };

/** The searchers of both modes and the masked form of every form, rebuilt after a change. */
let compiled: { text: Searcher; bytes: Searcher; masked: Map<string, string> } | undefined;

function searcher(forms: readonly string[]): Searcher {
  const unique = [...new Set(forms)].sort((a, b) => b.length - a.length);
  if (unique.length <= TRIE_MAX_FORMS) {
    const longer = new Map<string, string[]>();
    for (const f of unique) {
      const ext = unique.filter((g) => g.length > f.length && g.startsWith(f));
      if (ext.length > 0) longer.set(f, ext);
    }
    return { kind: "trie", re: new RegExp(literalAlternation(unique), "g"), longer };
  }
  const pairs = new Uint8Array(1 << 16);
  const byAnchor = new Map<string, string[]>();
  for (const f of unique) {
    pairs[((f.charCodeAt(0) & 0xff) << 8) | (f.charCodeAt(1) & 0xff)] = 1;
    const anchor = f.slice(0, 4);
    const list = byAnchor.get(anchor);
    if (list) list.push(f);
    else byAnchor.set(anchor, [f]);
  }
  return { kind: "anchors", pairs, byAnchor };
}

function compile() {
  const masked = new Map<string, string>();
  const textForms: string[] = [];
  const byteForms: string[] = [];
  for (const entry of remembered.values()) {
    for (const f of entry.textForms) (textForms.push(f), masked.set(f, entry.masked));
    for (const f of entry.byteForms) (byteForms.push(f), masked.set(f, entry.masked));
  }
  return { text: searcher(textForms), bytes: searcher(byteForms), masked };
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
  const forms = textForms(value);
  const byteForms = [...new Set(forms.map((f) => Buffer.from(f, "utf8").toString("latin1")))];
  remembered.set(value, { textForms: forms, byteForms, masked: mask(value) });
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  compiled = undefined;
}

/**
 * The patterns `findLoaded` runs (text and bytes) while there are at most `TRIE_MAX_FORMS` forms,
 * for the ReDoS gate (`tests/hardening/redos.test.ts`): an alternation of escaped literals written
 * as a trie, no quantifier. Their sources hold the remembered values: never log them.
 */
export function loadedPatterns(): readonly RegExp[] {
  if (remembered.size === 0) return [];
  const all = [...remembered.values()];
  return [all.flatMap((e) => e.textForms), all.flatMap((e) => e.byteForms)].map((forms) => new RegExp(literalAlternation([...new Set(forms)]), "g"));
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
 * One pass: of one pattern without quantifiers (an alternation of literals written as a trie), or,
 * with many values, of the text's character pairs against a table of the forms' first pairs.
 */
export function findLoaded(text: string, out: Span[], bytes = false): void {
  if (remembered.size === 0 || text.length < MIN_REMEMBERED_LENGTH) return;
  compiled ??= compile();
  const search = bytes ? compiled.bytes : compiled.text;
  const masked = compiled.masked;
  if (search.kind === "trie") {
    const { re, longer } = search;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const form = longer.get(m[0])?.find((g) => text.startsWith(g, m!.index)) ?? m[0];
      out.push({ start: m.index, end: m.index + form.length, masked: masked.get(form)! });
      // Search on from the next character, not the end: a value may begin inside another (the spans are merged).
      re.lastIndex = m.index + 1;
    }
    return;
  }
  const { pairs, byAnchor } = search;
  const last = text.length - MIN_REMEMBERED_LENGTH;
  let prev = text.charCodeAt(0) & 0xff;
  for (let i = 0; i <= last; i++) {
    const next = text.charCodeAt(i + 1) & 0xff;
    if (pairs[(prev << 8) | next] === 1) {
      const forms = byAnchor.get(text.slice(i, i + 4));
      const form = forms?.find((f) => text.startsWith(f, i));
      if (form !== undefined) out.push({ start: i, end: i + form.length, masked: masked.get(form)! });
    }
    prev = next;
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
