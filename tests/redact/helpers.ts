import { inspect } from "node:util";
import { expect } from "vitest";
import { mask } from "../../src/detect/mask.js";
import { secretPart } from "../helpers/keys.js";

/**
 * The masked form of the first of `values` that `text` shows, whole or as any 8-character window
 * of the part after its known prefix; `undefined` if none. Never returns a value itself.
 */
export function shownSecret(text: string, values: readonly string[]): string | undefined {
  for (const value of values) {
    if (text.includes(value)) return mask(value);
    const body = secretPart(value);
    for (let i = 0; i + 8 <= body.length; i++) if (text.includes(body.slice(i, i + 8))) return `${mask(value)} (window at ${i})`;
  }
  return undefined;
}

/** Fails, naming `what` and the masked key, if `text` shows any of `values`. */
export function expectNoSecret(text: string, values: readonly string[], what: string): void {
  const shown = shownSecret(text, values);
  if (shown !== undefined) expect.fail(`${what} shows ${shown}`);
}

/** Fails unless `text` shows the first of `values` (a baseline: the check can fail). */
export function expectShowsSecret(text: string, values: readonly string[], what: string): void {
  if (shownSecret(text, values) === undefined) expect.fail(`${what} was expected to show ${values.map((v) => mask(v)).join(", ")}`);
}

/** Every text a value shows when logged: util.inspect at full depth (hidden properties too) and JSON where possible. */
export function renderings(value: unknown): string {
  let json = "";
  try {
    json = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)) ?? "";
  } catch {
    // Cycles: inspect covers them.
  }
  return `${inspect(value, { depth: Infinity, showHidden: true, maxArrayLength: Infinity, maxStringLength: Infinity })}\n${json}`;
}
