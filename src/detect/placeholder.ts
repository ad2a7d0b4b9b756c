/**
 * Placeholders and documentation values are not keys; identifiers and hashes in a key's place are
 * not keys either. Both tests look at the structure of a value, never for a word somewhere inside
 * it: a random key body contains `here`, `fake` or `4444` often enough (about once in 5,000 keys)
 * that a substring test misses real keys. Each check is a linear scan; none uses a regex with a
 * quantifier.
 */

/**
 * Words long enough that a random body practically never holds one (a given five-letter word turns
 * up in a random 100-character base62 body about once in ten million; `secret`, of six, about
 * once in a hundred million): found anywhere, in lower case, upper case or capitalised, they mark a
 * documentation value (`sk-…EXAMPLE…`, an AWS key id ending in `SECRETS`).
 */
const LONG_WORDS = ["example", "placeholder", "redacted", "dummy", "replace", "insert", "changeme", "sample", "notreal", "notareal", "secret"];
const LONG_FORMS = LONG_WORDS.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]);

/**
 * Words a placeholder is written with (`YOUR_KEY_HERE`, `your-api-key`, `fakeToken42`). Short ones
 * occur in random bodies, so they count only when words make up most of a value.
 */
const WORDS = new Set(
  (
    "your you my our the an api key keys token tokens secret secrets here goes go in into this that place put insert " +
    "replace with real fake dummy test tests testing example examples sample mock value placeholder change changeme me " +
    "not set todo fill enter paste redacted hidden access auth bearer client id private public password pass user " +
    "name demo default foo bar baz new live prod dev app service account project org admin personal bot webhook url " +
    "string valid invalid for of to and or is it no use do own generate generated create created abc xyz qwerty sk pk " +
    "opensesame letmein hunter sesame open word"
  ).split(" "),
);
const LONGEST_WORD = Math.max(...[...WORDS].map((w) => w.length));

/** Characters that never occur in a real key body but do in templates and elisions. */
const PLACEHOLDER_CHARS = new Set(["<", ">", "{", "}", "$", "*", "…", " ", "%", "[", "]"]);

/**
 * A run of one character this long is a filler: a random body of 100 hex characters holds one about
 * once in four million, a base62 body far less often.
 */
const MAX_RUN = 8;
/** The same for runs of consecutive code points (`abcdefgh`, `01234567`). */
const MAX_SEQUENCE = 8;
/** `x` and `X` are the filler of choice: a run this long of them is a placeholder. */
const MAX_X_RUN = 6;
/** Words must cover at least this share of a value for it to be a placeholder written in words. */
const WORD_SHARE = 0.6;

/**
 * Whether `body` (the key without its prefix) is a placeholder rather than a real key. `...` marks
 * an elided key, except in formats whose alphabet has `.` (`dotIsKeyChar`), where random keys hold
 * it now and then.
 */
export function isPlaceholder(body: string, dotIsKeyChar = false): boolean {
  if (body.length === 0) return true;
  if (!dotIsKeyChar && body.includes("...")) return true;
  for (const form of LONG_FORMS) if (body.includes(form)) return true;
  // `XXXX1234…`: a body that starts with the filler.
  if (body.length >= 4 && isX(body, 0) && isX(body, 1) && isX(body, 2) && isX(body, 3)) return true;
  let run = 1;
  let longestRun = 1;
  let xRun = isX(body, 0) ? 1 : 0;
  let ascending = 1;
  let descending = 1;
  const distinct = new Set<number>();
  for (let i = 0; i < body.length; i++) {
    if (PLACEHOLDER_CHARS.has(body[i]!)) return true;
    const c = body.charCodeAt(i);
    distinct.add(c);
    if (i === 0) continue;
    const prev = body.charCodeAt(i - 1);
    run = c === prev ? run + 1 : 1;
    if (run > longestRun) longestRun = run;
    xRun = isX(body, i) ? xRun + 1 : 0;
    ascending = c === prev + 1 ? ascending + 1 : 1;
    descending = c === prev - 1 ? descending + 1 : 1;
    if (run >= MAX_RUN || xRun >= MAX_X_RUN || ascending >= MAX_SEQUENCE || descending >= MAX_SEQUENCE) return true;
  }
  // A body that is mostly one run (`aaaaaaa1`), or of very few characters (`abababab…`, `0f0f0f…`).
  if (longestRun >= 4 && longestRun * 2 >= body.length) return true;
  if (body.length >= 16 && distinct.size <= 4) return true;
  if (isRepeated(body)) return true;
  return isWords(body);
}

/** Bodies at least this long are tested for repetition. */
const MIN_REPEATED = 12;

/**
 * Whether `body` repeats a unit at most half its length (`FAKE1234FAKE1234`, `ab12ab12ab12`,
 * `1a2b3c1a2b3c1a`): a random body of 12 characters or more does so practically never. The
 * shortest period is read from the prefix function (Knuth–Morris–Pratt): linear.
 */
export function isRepeated(body: string): boolean {
  const n = body.length;
  if (n < MIN_REPEATED) return false;
  const border = new Int32Array(n);
  for (let i = 1, k = 0; i < n; i++) {
    while (k > 0 && body.charCodeAt(i) !== body.charCodeAt(k)) k = border[k - 1]!;
    if (body.charCodeAt(i) === body.charCodeAt(k)) k++;
    border[i] = k;
  }
  return (n - border[n - 1]!) * 2 <= n;
}

function isX(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 120 || c === 88;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/**
 * Whether words make up most of `value`: it is split into letter tokens at separators, digits and
 * case changes (`YOUR_KEY_HERE`, `fakeToken42X`, `yourApiKeyHere`), each token is split into
 * dictionary words where it can be (`YOURAPIKEY` → your, api, key), and the letters of the tokens
 * that are all words are counted.
 */
export function isWords(value: string): boolean {
  let covered = 0;
  let start = -1;
  const flush = (end: number) => {
    if (start >= 0 && end - start >= 2 && segments(value.slice(start, end).toLowerCase())) covered += end - start;
    start = -1;
  };
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 0;
    if (!isUpper(c) && !isLower(c)) {
      flush(i);
      continue;
    }
    if (start < 0) {
      start = i;
      continue;
    }
    const prev = value.charCodeAt(i - 1);
    // `aB` starts a token at B; `ABc` starts one at B (the capital of `Bc`).
    if ((isLower(prev) && isUpper(c)) || (isUpper(prev) && isUpper(c) && isLower(value.charCodeAt(i + 1)))) {
      flush(i);
      start = i;
    }
  }
  return covered >= WORD_SHARE * value.length;
}

/** Whether `token` (lower case) is a sequence of dictionary words: linear, at most LONGEST_WORD steps back per letter. */
function segments(token: string): boolean {
  const ok = new Uint8Array(token.length + 1);
  ok[0] = 1;
  for (let end = 1; end <= token.length; end++) {
    for (let len = 2; len <= LONGEST_WORD && len <= end; len++) {
      if (ok[end - len] && WORDS.has(token.slice(end - len, end))) {
        ok[end] = 1;
        break;
      }
    }
  }
  return ok[token.length] === 1;
}

/** How many characters of each class an alphabet holds. */
export interface CharClasses {
  readonly digit: number;
  readonly upper: number;
  readonly lower: number;
  readonly other: number;
}

const classOf = (c: number): keyof CharClasses =>
  c >= 48 && c <= 57 ? "digit" : isUpper(c) ? "upper" : isLower(c) ? "lower" : "other";

/**
 * The classes of the characters that the inside of a regex character class (`A-Za-z0-9_\\-`, as the
 * catalog writes them: ranges, single characters, `\\`-escapes) matches.
 */
export function charClasses(chars: string): CharClasses {
  const set = new Set<number>();
  for (let i = 0; i < chars.length; i++) {
    let c = chars.charCodeAt(i);
    if (c === 92 && i + 1 < chars.length) c = chars.charCodeAt(++i);
    if (chars[i + 1] === "-" && i + 2 < chars.length) {
      let to = chars.charCodeAt(i + 2);
      i += 2;
      if (to === 92 && i + 1 < chars.length) to = chars.charCodeAt(++i);
      for (let k = c; k <= to; k++) set.add(k);
    } else set.add(c);
  }
  const counts = { digit: 0, upper: 0, lower: 0, other: 0 };
  for (const c of set) counts[classOf(c)]++;
  return counts;
}

/** Base62, the alphabet of most keys. */
const BASE62: CharClasses = { digit: 10, upper: 26, lower: 26, other: 0 };

/**
 * Below this probability, a random key would not use as few of its alphabet's classes as the value
 * does: the value is an identifier, a word or a hash, not a key of this format.
 */
export const MIX_ODDS = 1e-6;

/**
 * Whether `body` has the character mix of a random key drawn from `alphabet`: a random body of its
 * length would use only the classes (digits, upper case, lower case, other) that it uses with a
 * probability of at least MIX_ODDS. So `gatewayproductionconfig` is no base62 key (one class of
 * three, 23 characters), an md5 is no Mistral key (no upper case in 32 base62 characters: about 3 in
 * 100 million), while an AWS key id without a digit is (16 base32 characters lack a digit once in 28).
 */
export function looksRandom(body: string, alphabet: CharClasses = BASE62): boolean {
  const seen = { digit: false, upper: false, lower: false, other: false };
  for (let i = 0; i < body.length; i++) seen[classOf(body.charCodeAt(i))] = true;
  const size = alphabet.digit + alphabet.upper + alphabet.lower + alphabet.other;
  if (size === 0) return true;
  let used = 0;
  for (const k of ["digit", "upper", "lower", "other"] as const) if (seen[k]) used += alphabet[k];
  if (used >= size) return true;
  return Math.pow(used / size, body.length) >= MIX_ODDS;
}
