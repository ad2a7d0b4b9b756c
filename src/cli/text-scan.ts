/**
 * One text, every key in it: the detector's prefixed keys, plus the keys without a prefix that
 * only a name tells (`COHERE_API_KEY=…`, `cohereApiKey: "…"`) in any language, minus the lines
 * marked `keyguard-ignore`. A finding carries the masked key and, when a salt is given, a salted
 * hash of the key; never the key.
 */
import type * as Crypto from "node:crypto";
import { createRequire } from "node:module";
import type { Detector, Finding } from "../detect/index.js";

/** node:crypto, loaded on the first fingerprint: a scan without a baseline never needs it. */
let crypto: typeof Crypto | undefined;

/** The inline marker that accepts every finding on its line, in any language's comment syntax. */
export const IGNORE_MARKER = "keyguard-ignore";

export interface TextFinding {
  /** 1-based line and column (UTF-16 code units) of the key's first character. */
  readonly line: number;
  readonly column: number;
  readonly providerId: string;
  readonly providerName: string;
  readonly envVar: string | undefined;
  readonly masked: string;
  /** HMAC-SHA-256 of the key under the baseline's salt (hex), when a salt is given. */
  readonly fingerprint?: string;
}

/**
 * A value after `:` or `=` (optionally quoted): the candidates for a key that has no prefix, with
 * the `.` of dotted tokens (a Discord bot token, a Vault `s.` token, a JWT) and base64's `=`
 * padding at its end. It starts only at a separator, which the value's class excludes, and each
 * quantifier is followed by characters it cannot match: linear time.
 */
export const NAMED_VALUE = /[:=][ \t]*["'`]?([A-Za-z0-9+/_.-]{16,}={0,2})/g;

const isNameChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
const NAME_MAX = 100;

/** The name written before the separator at `at` (`COHERE_API_KEY` in `COHERE_API_KEY=…`), or `""`. */
export function nameBefore(text: string, at: number): string {
  let i = at - 1;
  // `:=`, spaces, and a closing quote of a quoted key (`"cohereApiKey": …`).
  while (i >= 0 && (text[i] === " " || text[i] === "\t" || text[i] === ":")) i--;
  if (i >= 0 && (text[i] === '"' || text[i] === "'")) i--;
  const end = i + 1;
  while (i >= 0 && end - i <= NAME_MAX && isNameChar(text.charCodeAt(i))) i--;
  return text.slice(i + 1, end);
}

/** Keys without a prefix, found by the name they are assigned to. */
function namedFindings(text: string, detector: Detector, taken: readonly Finding[]): Finding[] {
  const found: Finding[] = [];
  const re = NAMED_VALUE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const value = m[1]!;
    const valueStart = m.index + m[0].length - value.length;
    if (taken.some((f) => f.start < valueStart + value.length && valueStart < f.end)) continue;
    // The name first: few names hint at a key, and the detector remembers its answer per name.
    const name = nameBefore(text, m.index);
    if (name === "") continue;
    const f = detector.scanNamed(name, value);
    if (f) found.push({ ...f, start: valueStart + f.start, end: valueStart + f.end });
  }
  return found;
}

export function fingerprint(salt: string, key: string): string {
  crypto ??= createRequire(import.meta.url)("node:crypto") as typeof Crypto;
  return crypto.createHmac("sha256", salt).update(key).digest("hex");
}

/** Every key in `text` not marked `keyguard-ignore`, in order, with line and column. */
export function scanText(text: string, detector: Detector, salt?: string): TextFinding[] {
  const prefixed = detector.scan(text);
  const named = namedFindings(text, detector, prefixed);
  const all = named.length === 0 ? prefixed : [...prefixed, ...named].sort((a, b) => a.start - b.start);
  if (all.length === 0) return [];
  const out: TextFinding[] = [];
  let line = 1;
  let cursor = 0;
  for (const f of all) {
    for (let nl = text.indexOf("\n", cursor); nl !== -1 && nl < f.start; nl = text.indexOf("\n", nl + 1)) {
      line++;
      cursor = nl + 1;
    }
    const lineStart = cursor;
    let lineEnd = text.indexOf("\n", f.start);
    if (lineEnd < 0) lineEnd = text.length;
    if (text.slice(lineStart, lineEnd).includes(IGNORE_MARKER)) continue;
    out.push({
      line,
      column: f.start - lineStart + 1,
      providerId: f.providerId,
      providerName: f.providerName,
      envVar: f.envVar,
      masked: f.masked,
      ...(salt === undefined ? {} : { fingerprint: fingerprint(salt, text.slice(f.start, f.end)) }),
    });
  }
  return out;
}
