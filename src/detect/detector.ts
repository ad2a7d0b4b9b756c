import { PROVIDERS, type Provider } from "./catalog.js";
import { verifyChecksum } from "./checksum.js";
import { mask } from "./mask.js";
import { charClasses, isPlaceholder, looksRandom, type CharClasses } from "./placeholder.js";

/** Where a key was found in a text. A finding never carries the key itself, only its masked form. */
export interface Finding {
  /** Catalog id of the provider (`openai-project`, ...), or the `name` of a custom pattern. */
  readonly providerId: string;
  /** Display name for messages. */
  readonly providerName: string;
  /** The environment variable the key belongs in, when known. */
  readonly envVar: string | undefined;
  /** Offsets in the scanned text: `text.slice(start, end)` is the key. */
  readonly start: number;
  readonly end: number;
  /** The masked form: prefix, `…`, at most the last four characters. */
  readonly masked: string;
  /**
   * Whether the key carries a checksum and it matched (GitHub's and npm's CRC32, PyPI's macaroon
   * structure): such a finding is a real token, not a key-shaped test value. False for formats
   * without a checksum and for custom patterns.
   */
  readonly checksumVerified: boolean;
}

/** A pattern of the user's, e.g. a company gateway's key format. */
export interface CustomPattern {
  readonly name: string;
  /** A regular expression source (no slashes); matched globally, case-sensitively. */
  readonly pattern: string;
  readonly envVar?: string;
}

/** A value that is never reported: an exact string, or a regular expression source tested against the key. */
export type AllowEntry = string | { readonly pattern: string; readonly flags?: string };

export interface DetectorOptions {
  readonly extraPatterns?: readonly CustomPattern[];
  readonly allow?: readonly AllowEntry[];
}

/** Raised for options that cannot work (an invalid regular expression); names the option and the cause. */
export class DetectorOptionError extends Error {
  override name = "DetectorOptionError";
}

export interface Detector {
  /** Every key in `text`, in order of position. */
  scan(text: string): Finding[];
  /**
   * A key without a prefix, recognised by the identifier that holds it (`cohereApiKey`,
   * `MISTRAL_API_KEY`). `value` is the whole literal; returns its finding or `undefined`.
   */
  scanNamed(name: string, value: string): Finding | undefined;
  /**
   * Whether `value` (trimmed) has the shape of a key that is found only by name: a cheap test that
   * lets a caller skip looking for the name of most strings. `scanNamed` finds nothing without it.
   */
  hasNamedShape(value: string): boolean;
  /** The length of the shortest key any pattern matches: shorter texts are skipped without a scan. */
  readonly minLength: number;
}

interface Matcher {
  readonly provider: Provider;
  readonly prefix: string;
  /** Sticky: `prefix` then the body class with its bounds. */
  readonly re: RegExp;
  /** The classes of the key's alphabet (`before` and body), for the randomness test. */
  readonly classes: CharClasses;
  /** For `before`: whether a character code belongs to the part before the prefix. */
  readonly beforeChar?: Uint8Array;
  /** The body is base64 with `=` padding, which ends it. */
  readonly padded: boolean;
}

/** The printable ASCII characters of a regex character class, as a lookup table. */
function charTable(chars: string): Uint8Array {
  const re = new RegExp(`^[${chars}]$`);
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (re.test(String.fromCharCode(c))) table[c] = 1;
  return table;
}

/** Whether a character code is in a table of `charTable` (non-ASCII never is). */
const isIn = (table: Uint8Array, c: number) => c < 128 && table[c] === 1;

/** A character that continues a word (`\w`): a key starts and ends at a word boundary. */
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/** A string to match literally, then `tail` (a regular expression source, `""` for nothing). */
export interface LiteralAlternative {
  readonly text: string;
  readonly tail?: string;
}

/**
 * An alternation of literal strings as a regular expression source, written as a trie
 * (`sk-(?:proj-|ant-(?:api03-|admin01-))` rather than `sk-proj-|sk-ant-api03-|…`): at each position
 * the engine reads a character once per branch point instead of once per alternative: about 14%
 * faster over the bench corpus with this catalog (122 → 105 ms for 21 MiB). It matches at exactly
 * the positions where the flat alternation matches, which is all its callers use: a string that
 * begins with another string of the list is dropped, since the shorter one matches there already.
 * No quantifier at all, so no backtracking beyond the length of the longest string.
 */
export function literalAlternation(items: readonly (string | LiteralAlternative)[]): string {
  interface TrieNode {
    readonly children: Map<string, TrieNode>;
    readonly tails: Set<string>;
  }
  const root: TrieNode = { children: new Map(), tails: new Set() };
  for (const item of items) {
    const { text, tail = "" } = typeof item === "string" ? { text: item } : item;
    let node = root;
    for (const c of text) {
      let next = node.children.get(c);
      if (!next) {
        next = { children: new Map(), tails: new Set() };
        node.children.set(c, next);
      }
      node = next;
    }
    node.tails.add(tail);
  }
  const emit = (node: TrieNode): string => {
    // A string that ends here with nothing after it matches whatever follows.
    if (node.tails.has("")) return "";
    const branches = [...node.children].map(([c, child]) => escapeRegExp(c) + emit(child));
    branches.push(...node.tails);
    return branches.length === 1 ? branches[0]! : `(?:${branches.join("|")})`;
  };
  return emit(root);
}

/** Words one of which a name must hold for a format found by a name's stem (`cohere` + `key`). */
const SECRET_WORDS = ["key", "token", "secret"];

/**
 * The tests a name must pass (one of them) for any context-only format to match it, run on the
 * name as written: a normalised name (`nameMatches`) that holds a secret word, or an exact name or
 * ending without one, holds that word's letters in order with nothing but separators between them
 * (`API_K-E-Y`). One pattern per word, each linear (no quantifier is followed by anything it could
 * also match); a word that holds another word adds nothing and is left out.
 */
function nameHints(hints: readonly NonNullable<Provider["context"]>[]): RegExp[] {
  const words = new Set(SECRET_WORDS);
  for (const hint of hints) {
    for (const word of [...(hint.exact ?? []), ...(hint.endings ?? [])]) {
      if (!SECRET_WORDS.some((w) => word.includes(w))) words.add(word);
    }
  }
  const needed = [...words].filter((word) => ![...words].some((other) => other !== word && word.includes(other)));
  const letter = (c: string) => (c.toUpperCase() === c ? escapeRegExp(c) : `[${c}${c.toUpperCase()}]`);
  return needed.map((word) => new RegExp([...word].map(letter).join("[^A-Za-z0-9]*")));
}

/** Compiled once per process: the catalog does not change at run time. */
const CATALOG = compileCatalog();

function compileCatalog() {
  const matchers: Matcher[] = [];
  for (const provider of PROVIDERS) {
    const { chars, min, max } = provider.body;
    const classes = charClasses(provider.before ? `${provider.before.chars}${chars}` : chars);
    const beforeChar = provider.before ? charTable(provider.before.chars) : undefined;
    for (const prefix of provider.prefixes) {
      const re = new RegExp(`${escapeRegExp(prefix)}[${chars}]{${min},${max}}`, "y");
      matchers.push({ provider, prefix, re, classes, beforeChar, padded: chars.includes("+/=") });
    }
  }
  // Longest prefix first, so that `sk-proj-` is tried before `sk-`.
  matchers.sort((a, b) => b.prefix.length - a.prefix.length);
  const byFirstChar = new Map<string, Matcher[]>();
  for (const m of matchers) {
    const key = m.prefix[0]!;
    const list = byFirstChar.get(key) ?? [];
    list.push(m);
    byFirstChar.set(key, list);
  }
  // One pass over the text finds every position where some prefix starts: an alternation of
  // literals, no quantifier. A key starts at a word boundary, which a lookbehind tells the engine
  // first (most positions of a text are inside words), then a class of the prefixes' first
  // characters rejects most of the rest before the alternation is read: with 170 formats, the scan
  // of SDK sources costs what it cost with 56 formats and neither test. Literals that sit inside a
  // key (`before`) are matched anywhere.
  const firstChars = (prefixes: readonly string[]) =>
    [...new Set(prefixes.map((p) => p[0]!))].map((c) => c.replace(/[\]\\^-]/g, "\\$&")).join("");
  const boundaryPrefixes = matchers.filter((m) => !m.beforeChar).map((m) => m.prefix);
  const atBoundary = `(?<![A-Za-z0-9_])(?=[${firstChars(boundaryPrefixes)}])(?:${literalAlternation(boundaryPrefixes)})`;
  const inside = matchers.filter((m) => m.beforeChar).map((m) => m.prefix);
  const anywhere = inside.length > 0 ? `|${literalAlternation(inside)}` : "";
  const prefixSource = `(?:${atBoundary}${anywhere})`;
  const contextual = PROVIDERS.filter((p) => p.context).map((provider) => ({
    provider,
    value: new RegExp(`^[${provider.body.chars}]{${provider.body.min},${provider.body.max}}$`),
    classes: charClasses(provider.body.chars),
  }));
  const minLength = Math.min(...matchers.map((m) => m.prefix.length + m.provider.body.min + (m.provider.before?.min ?? 0)));
  const minNamedLength = Math.min(...contextual.map((c) => c.provider.body.min));
  const maxNamedLength = Math.max(...contextual.map((c) => c.provider.body.max));
  // The ASCII characters some context-only shape allows: a value with any other character (a space,
  // most often) has none of the shapes, which one loop tells before any pattern runs.
  const namedChars = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const char = String.fromCharCode(c);
    if (contextual.some((x) => new RegExp(`^[${x.provider.body.chars}]$`).test(char))) namedChars[c] = 1;
  }
  const nameHint = nameHints(contextual.map((c) => c.provider.context!));
  return { byFirstChar, matchers, prefixSource, contextual, nameHint, minLength, minNamedLength, maxNamedLength, namedChars };
}

/**
 * Every regular expression the detector builds from the catalog, exactly as it runs them (source
 * and flags): the prefix alternation, each prefix's sticky body pattern, each context-only
 * provider's whole-value pattern, and the tests a name passes before its formats are looked up.
 * For the ReDoS gate (`tests/hardening/redos.test.ts`) and tools.
 */
export function compiledPatterns(): readonly RegExp[] {
  return [
    new RegExp(CATALOG.prefixSource, "g"),
    ...CATALOG.matchers.map((m) => m.re),
    ...CATALOG.contextual.map((c) => c.value),
    ...CATALOG.nameHint,
  ].map((re) => new RegExp(re.source, re.flags));
}

function finding(provider: Provider, text: string, start: number, end: number, prefix: string): Finding {
  return {
    providerId: provider.id,
    providerName: provider.name,
    envVar: provider.envVar,
    start,
    end,
    masked: mask(text.slice(start, end), prefix),
    checksumVerified: provider.checksum !== undefined,
  };
}

/**
 * Whether `token` (prefix included) is a real key and not a placeholder, a word, or a near miss.
 * `random` is the part that must look random: the body (up to where `follow` ends it), with the
 * characters before the prefix for formats that have some.
 */
function accept(provider: Provider, prefix: string, token: string, random: string, classes: CharClasses): boolean {
  if (provider.marker !== undefined && !token.includes(provider.marker, prefix.length)) return false;
  if (provider.checksum !== undefined && !verifyChecksum(provider.checksum, token, prefix.length)) return false;
  if (provider.validate && !provider.validate(token)) return false;
  if (provider.randomness === "validate") return true;
  if (isPlaceholder(random, provider.body.chars.includes("."))) return false;
  if (provider.marker !== undefined || provider.checksum !== undefined) return true;
  return looksRandom(random, classes);
}

type Contextual = ReturnType<typeof compileCatalog>["contextual"][number];

/** How many names `namedBy` remembers; the cache starts over when full. */
const NAME_CACHE_SIZE = 4096;
const namedCache = new Map<string, readonly Contextual[]>();
const NO_FORMATS: readonly Contextual[] = [];

/**
 * The context-only formats whose hint `name` matches, in catalog order. Most names hold no secret
 * word, which one regular expression tells; the answer for the others is remembered per name.
 */
function namedBy(name: string): readonly Contextual[] {
  if (!CATALOG.nameHint.some((hint) => hint.test(name))) return NO_FORMATS;
  let found = namedCache.get(name);
  if (found !== undefined) return found;
  const normalised = normaliseName(name);
  found = normalised.length === 0 ? [] : CATALOG.contextual.filter((c) => nameMatches(c.provider, normalised));
  if (namedCache.size >= NAME_CACHE_SIZE) namedCache.clear();
  namedCache.set(name, found);
  return found;
}

function normaliseName(name: string): string {
  let out = "";
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += name[i];
  }
  return out;
}

function nameMatches(provider: Provider, normalised: string): boolean {
  const hint = provider.context;
  if (!hint) return false;
  if (hint.exact?.includes(normalised)) return true;
  if (hint.endings?.some((ending) => normalised.endsWith(ending))) return true;
  return hint.stems.some((stem) => normalised.includes(stem)) && SECRET_WORDS.some((w) => normalised.includes(w));
}

function compileOptions(options: DetectorOptions) {
  const extra = (options.extraPatterns ?? []).map((p, index) => {
    let re: RegExp;
    try {
      re = new RegExp(p.pattern, "g");
    } catch (error) {
      throw new DetectorOptionError(
        `extraPatterns[${index}] ("${p.name}"): pattern is not a valid regular expression: ${(error as Error).message}`,
      );
    }
    if (re.test("")) {
      throw new DetectorOptionError(`extraPatterns[${index}] ("${p.name}"): pattern matches the empty string`);
    }
    return { ...p, re };
  });
  const allowExact = new Set<string>();
  const allowPatterns: RegExp[] = [];
  (options.allow ?? []).forEach((entry, index) => {
    if (typeof entry === "string") {
      allowExact.add(entry);
      return;
    }
    try {
      allowPatterns.push(new RegExp(entry.pattern, (entry.flags ?? "").replace(/[gy]/g, "")));
    } catch (error) {
      throw new DetectorOptionError(`allow[${index}]: pattern is not a valid regular expression: ${(error as Error).message}`);
    }
  });
  return { extra, allowExact, allowPatterns };
}

/** Builds a detector for the catalog plus the given options; build it once and reuse it. */
export function createDetector(options: DetectorOptions = {}): Detector {
  const { extra, allowExact, allowPatterns } = compileOptions(options);
  const prefixRe = new RegExp(CATALOG.prefixSource, "g");
  const minLength = extra.length > 0 ? 1 : CATALOG.minLength;

  const allowed = (token: string, whole: string) =>
    allowExact.has(token) || allowExact.has(whole) || allowPatterns.some((re) => re.test(token));

  function scan(text: string): Finding[] {
    const found: Finding[] = [];
    if (text.length >= CATALOG.minLength) scanCatalog(text, found);
    for (const p of extra) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
        if (m[0].length === 0) {
          p.re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        if (found.some((f) => f.start < end && start < f.end)) continue;
        if (allowed(m[0], text)) continue;
        found.push({
          providerId: p.name,
          providerName: p.name,
          envVar: p.envVar,
          start,
          end,
          masked: mask(m[0]),
          checksumVerified: false,
        });
      }
    }
    return extra.length > 0 ? found.sort((a, b) => a.start - b.start) : found;
  }

  function scanCatalog(text: string, found: Finding[]): void {
    /** Where the last finding ends: a key found backwards from its literal (`before`) must not overlap it. */
    let lastEnd = 0;
    prefixRe.lastIndex = 0;
    for (let hit = prefixRe.exec(text); hit !== null; hit = prefixRe.exec(text)) {
      const at = hit.index;
      prefixRe.lastIndex = at + 1;
      const boundary = at === 0 || !isWordChar(text.charCodeAt(at - 1));
      for (const m of CATALOG.byFirstChar.get(text[at]!) ?? []) {
        if (!boundary && !m.beforeChar) continue;
        if (!text.startsWith(m.prefix, at)) continue;
        let start = at;
        if (m.beforeChar) {
          const { min, max } = m.provider.before!;
          while (start > lastEnd && at - start < max && isIn(m.beforeChar, text.charCodeAt(start - 1))) start--;
          if (at - start < min || (start > 0 && isWordChar(text.charCodeAt(start - 1)))) continue;
        }
        // test(), not exec(): a sticky test leaves the match's end in lastIndex and allocates
        // nothing, which matters on hostile texts with a prefix at every few characters.
        m.re.lastIndex = at;
        if (!m.re.test(text)) continue;
        let end = m.re.lastIndex;
        const provider = m.provider;
        // `=` in a base64 body is padding: it ends the key (`…QUFB=` then `=`, `;` or a word is not the key).
        if (m.padded) {
          const pad = text.indexOf("=", at + m.prefix.length);
          if (pad >= 0 && pad < end) {
            end = pad;
            while (end < m.re.lastIndex && text.charCodeAt(end) === 61) end++;
            if (end - at - m.prefix.length < provider.body.min) continue;
          }
        }
        const token = text.slice(start, end);
        if (provider.follow) {
          // What follows decides where the finding ends (a PEM body, a URL's host, the rest of a long token).
          const after = provider.follow(text, end);
          if (after < 0 || (after < text.length && isWordChar(text.charCodeAt(after)))) continue;
          if (!accept(provider, m.prefix, token, text.slice(at + m.prefix.length, after), m.classes)) continue;
          end = after;
        } else {
          if (end < text.length && isWordChar(text.charCodeAt(end)) && text.charCodeAt(end - 1) !== 61) continue;
          const random = text.slice(start, at) + text.slice(at + m.prefix.length, end);
          if (!accept(provider, m.prefix, token, random, m.classes)) continue;
        }
        // A prefix that only says where a key is (`aws_secret_access_key=`) is not part of it.
        const keyStart = provider.place ? at + m.prefix.length : start;
        if (allowed(text.slice(keyStart, end), text)) break;
        found.push(finding(provider, text, keyStart, end, provider.place || m.beforeChar ? "" : m.prefix));
        prefixRe.lastIndex = end;
        lastEnd = end;
        break;
      }
    }
  }

  function scanNamed(name: string, value: string): Finding | undefined {
    const candidates = namedBy(name);
    if (candidates.length === 0) return undefined;
    const trimmed = value.trim();
    for (const { provider, value: shape, classes } of candidates) {
      if (!shape.test(trimmed)) continue;
      if (!accept(provider, "", trimmed, trimmed, classes) || allowed(trimmed, value)) continue;
      const start = value.indexOf(trimmed);
      return finding(provider, value, start, start + trimmed.length, "");
    }
    return undefined;
  }

  function hasNamedShape(value: string): boolean {
    if (value.length < CATALOG.minNamedLength) return false;
    const trimmed = value.trim();
    if (trimmed.length < CATALOG.minNamedLength || trimmed.length > CATALOG.maxNamedLength) return false;
    for (let i = 0; i < trimmed.length; i++) {
      const c = trimmed.charCodeAt(i);
      if (c < 128 && CATALOG.namedChars[c] === 0) return false;
    }
    for (const c of CATALOG.contextual) if (c.value.test(trimmed)) return true;
    return false;
  }

  return { scan, scanNamed, hasNamedShape, minLength };
}

let defaultDetector: Detector | undefined;

/** Every key in `text` found by the built-in catalog. */
export function detect(text: string): Finding[] {
  defaultDetector ??= createDetector();
  return defaultDetector.scan(text);
}
