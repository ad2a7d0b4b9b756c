import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inspect } from "node:util";
import { expect } from "vitest";
import { knownPrefix, mask } from "../../src/detect/mask.js";
import { SecretError } from "../../src/secret/errors.js";

/** Every text an error shows: message, String(), stack, util.inspect (own properties, the whole cause chain). */
export function errorTexts(error: unknown): string[] {
  const texts: string[] = [inspect(error, { depth: 20, showHidden: true })];
  let current: unknown = error;
  for (let i = 0; i < 20 && current !== undefined && current !== null; i++) {
    if (current instanceof Error) {
      texts.push(current.message, String(current), current.stack ?? "", JSON.stringify({ ...current }));
      current = current.cause;
    } else {
      texts.push(String(current));
      break;
    }
  }
  return texts;
}

/**
 * Asserts that `error` is a keyguard SecretError of `type` and that none of its texts holds any of
 * `values`, whole or any 8-character window of the part after a known prefix.
 */
export function expectSafeError(error: unknown, type: abstract new (...args: never[]) => SecretError, ...values: string[]): SecretError {
  expect(error).toBeInstanceOf(type);
  const texts = errorTexts(error);
  for (const value of values) {
    const body = value.slice(knownPrefix(value).length);
    const windows = new Set<string>([value]);
    for (let i = 0; i + 8 <= body.length; i++) windows.add(body.slice(i, i + 8));
    for (const text of texts) {
      for (const w of windows) {
        if (text.includes(w)) expect.fail(`${(error as Error).name} shows part of the secret (window at ${body.indexOf(w)})`);
      }
    }
  }
  return error as SecretError;
}

/** The error `fn` throws (sync or async); fails if it throws nothing. */
export async function caught(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  return expect.fail("expected an error, none was thrown");
}

const shown = (v: unknown) => (typeof v === "string" ? mask(v) : typeof v);

/** `actual === expected` for secrets: a failure shows masked forms only, never the values. */
export function expectSecret(actual: unknown, expected: string): void {
  if (actual !== expected) expect.fail(`got ${shown(actual)}, expected ${shown(expected)}`);
}

/** Element-wise `expectSecret`. */
export function expectSecrets(actual: readonly unknown[], expected: readonly string[]): void {
  if (actual.length !== expected.length) expect.fail(`got ${actual.length} values, expected ${expected.length}`);
  actual.forEach((a, i) => expectSecret(a, expected[i]!));
}

/**
 * The `file://` URL of a built entry point (`dist/src/<dir>/index.js`), for child processes that
 * run keyguard as users do. Refuses a missing build, or one older than any source file of `dirs`
 * (`npm test` builds first; run `npm run build` when running a test file alone).
 */
export function freshBuild(entry: string, dirs: readonly string[]): string {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const built = join(root, "dist", entry);
  if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build`);
  const builtAt = statSync(built).mtimeMs;
  for (const dir of dirs) {
    for (const f of readdirSync(join(root, dir))) {
      if (statSync(join(root, dir, f)).mtimeMs > builtAt) throw new Error(`dist is older than ${dir}/${f}: run npm run build`);
    }
  }
  return pathToFileURL(built).href;
}
