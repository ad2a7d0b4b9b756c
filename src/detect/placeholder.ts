/**
 * Placeholders and documentation values are not keys. Each check is a linear scan; none uses a
 * regex with a quantifier.
 */

/**
 * Words that mark a value as a placeholder, checked in the part after the prefix in lower case,
 * upper case and capitalised (`your`, `YOUR`, `Your`): not case-insensitively, because a random
 * mixed-case key contains some `xXxX` or `hErE` often enough to matter.
 */
const PLACEHOLDER_WORDS = [
  "your",
  "example",
  "placeholder",
  "xxxx",
  "redacted",
  "dummy",
  "fake",
  "replace",
  "insert",
  "changeme",
  "here",
  "secret_key",
  "api_key",
  "apikey",
  "token_",
  "sample",
  "mock",
];

const PLACEHOLDER_FORMS = PLACEHOLDER_WORDS.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]).concat("...");

/** Characters that never occur in a real key body but do in templates and elisions. */
const PLACEHOLDER_CHARS = new Set(["<", ">", "{", "}", "$", "*", "…", " ", "%", "[", "]"]);

/** The longest run of one repeated character that real random keys are (practically) free of. */
const MAX_REPEAT = 6;
/** The longest run of consecutive code points (`abcdef`, `123456`) that real random keys are free of. */
const MAX_SEQUENCE = 6;

/** Whether `body` (the key without its prefix) is a placeholder rather than a real key. */
export function isPlaceholder(body: string): boolean {
  if (body.length === 0) return true;
  for (const form of PLACEHOLDER_FORMS) if (body.includes(form)) return true;
  let repeat = 1;
  let ascending = 1;
  let descending = 1;
  const distinct = new Set<number>();
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (PLACEHOLDER_CHARS.has(ch)) return true;
    const c = body.charCodeAt(i);
    distinct.add(c);
    if (i > 0) {
      const prev = body.charCodeAt(i - 1);
      repeat = c === prev ? repeat + 1 : 1;
      ascending = c === prev + 1 ? ascending + 1 : 1;
      descending = c === prev - 1 ? descending + 1 : 1;
      if (repeat >= MAX_REPEAT || ascending >= MAX_SEQUENCE || descending >= MAX_SEQUENCE) return true;
    }
  }
  // A real key of 16+ characters uses many distinct characters; `abababab…` or `0f0f0f…` does not.
  return body.length >= 16 && distinct.size < Math.min(10, body.length / 3);
}

/**
 * Whether a key body has the character mix of a random key: a digit and a letter, or both cases.
 * Identifiers and prose (`gateway-production-config`) have neither; a random key of 16+ characters
 * lacks both with a probability far below one in a thousand. Formats with a marker or a checksum
 * skip this check: those prove themselves.
 */
export function looksRandom(body: string): boolean {
  let digit = false;
  let upper = false;
  let lower = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
  }
  return (digit && (upper || lower)) || (upper && lower);
}
