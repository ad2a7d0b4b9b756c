import { KNOWN_PREFIXES } from "./catalog.js";

/** The most characters of a secret's end that a masked form ever shows. */
export const MASK_TAIL_MAX = 4;

/**
 * The masked form of a secret: its known provider prefix (if any), `…`, and at most the last four
 * characters, fewer for short values (one shown character per eight hidden ones), so that a
 * masked form never gives away enough to guess the key. This is the only masking function of
 * keyguard: lint messages, loader errors and logs all use it.
 *
 * @example mask(key) // "sk-proj-…a1B2"
 */
export function mask(value: string, prefix: string = knownPrefix(value)): string {
  const rest = value.length - prefix.length;
  if (rest <= 0) return "…";
  // A PEM block shows its header only: the end of its body is key material too.
  if (prefix.startsWith("-----")) return `${prefix}…`;
  const tail = Math.min(MASK_TAIL_MAX, Math.floor(rest / 8));
  return `${prefix}…${tail > 0 ? value.slice(-tail) : ""}`;
}

/** The longest catalog prefix that `value` starts with, or `""`. */
export function knownPrefix(value: string): string {
  for (const prefix of KNOWN_PREFIXES) {
    // A prefix must leave most of the value hidden, or it is no prefix but the value itself.
    if (value.startsWith(prefix) && value.length >= prefix.length * 2) return prefix;
  }
  return "";
}
