/**
 * A small glob matcher for file options (`allow: ["src/secrets/**"]`), written as code rather than
 * a regular expression so that its cost stays linear in the pattern times the path: `**` (a whole
 * segment: any number of directories), `*` (any characters within a segment), `?` (one character).
 * Paths and patterns use `/`; a pattern is matched against the whole path.
 */
import { relative, resolve, sep } from "node:path";

/**
 * Test files and fixtures by path: where placeholder keys (`apiKey: "test-key"`) are the norm.
 * Named tests (`*.test.*`, `*.spec.*`), test folders (`__tests__/`, `test/`, `tests/`), mocks and
 * fixtures (`__mocks__/`, `fixtures/`, `__fixtures__/`).
 */
export const TEST_FILE_GLOBS: readonly string[] = [
  "**/*.test.*",
  "**/*.spec.*",
  "**/__tests__/**",
  "**/test/**",
  "**/tests/**",
  "**/__mocks__/**",
  "**/fixtures/**",
  "**/__fixtures__/**",
];

/** Whether one path segment matches one pattern segment (`*`, `?`): the classic two-pointer wildcard match. */
function segmentMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === "?" || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}

/** Whether `path` (with `/` separators) matches `glob`. */
export function globMatches(glob: string, path: string): boolean {
  const pat = glob.replace(/^\.\//, "").split("/").filter((s) => s !== "");
  const segs = path.split("/").filter((s) => s !== "");
  // reach[j]: pattern prefix so far can match the first j segments (dynamic programming, O(pattern × path)).
  let reach = new Array<boolean>(segs.length + 1).fill(false);
  reach[0] = true;
  for (const part of pat) {
    const next = new Array<boolean>(segs.length + 1).fill(false);
    if (part === "**") {
      let any = false;
      for (let j = 0; j <= segs.length; j++) {
        any ||= reach[j]!;
        next[j] = any;
      }
    } else {
      for (let j = 0; j < segs.length; j++) {
        if (reach[j] && segmentMatches(part, segs[j]!)) next[j + 1] = true;
      }
    }
    reach = next;
  }
  return reach[segs.length]!;
}

/** `filename` (absolute, or relative to `cwd`) relative to `cwd`, with `/` separators (as ESLint's `files` globs see it). */
export function relativePath(cwd: string, filename: string): string {
  return relative(cwd, resolve(cwd, filename)).split(sep).join("/");
}
