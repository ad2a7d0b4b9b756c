import { PROVIDER_BY_ID } from "../detect/catalog.js";
import { createDetector, detect, type Detector } from "../detect/detector.js";
import { SecretConfigError, SecretFormatError } from "./errors.js";

/** One catalog provider id (`"anthropic"`, `"openai-project"`, ...) or several, any of which is accepted. */
export type SecretFormat = string | readonly string[];

let namedDetector: Detector | undefined;

const article = (name: string) => (/^[AEIOU]/i.test(name) ? "an" : "a");

/** The provider ids of `format`, checked against the catalog: an unknown id is a configuration error. */
export function formatIds(format: SecretFormat, source: string): readonly string[] {
  const ids = typeof format === "string" ? [format] : [...format];
  if (ids.length === 0) throw new SecretConfigError(source, `${source}: option "format" is an empty list`);
  for (const id of ids) {
    if (typeof id !== "string" || !PROVIDER_BY_ID.has(id)) {
      throw new SecretConfigError(
        source,
        `${source}: option "format" names no provider of the catalog: ${JSON.stringify(String(id))} (see PROVIDERS in keyguard/detect)`,
      );
    }
  }
  return ids;
}

/** Whether `value` is, as a whole, a key the detector attributes to provider `id`. */
function hasFormat(value: string, id: string): boolean {
  const provider = PROVIDER_BY_ID.get(id)!;
  if (provider.prefixes.length > 0) {
    return detect(value).some((f) => f.providerId === id && f.start === 0 && f.end === value.length);
  }
  // A key without a prefix is recognised only by the name that holds it: give the detector one.
  namedDetector ??= createDetector();
  const name = provider.context?.exact?.[0] ?? `${provider.context?.stems[0] ?? id}apikey`;
  const found = namedDetector.scanNamed(name, value);
  return found !== undefined && found.providerId === id && found.start === 0 && found.end === value.length;
}

/**
 * Throws a `SecretFormatError` unless `value` has one of the formats. The message says which
 * format was expected (and which provider the value looks like, if any), never the value.
 */
export function checkFormat(value: string, format: SecretFormat | undefined, source: string): void {
  if (format === undefined) return;
  const ids = formatIds(format, source);
  if (ids.some((id) => hasFormat(value, id))) return;
  const names = ids.map((id) => PROVIDER_BY_ID.get(id)!.name);
  const expected = names.map((n, i) => `${i === 0 ? `${article(n)} ` : ""}${n}`).join(" or ");
  const looksLike = detect(value).find((f) => f.start === 0 && f.end === value.length);
  const hint = looksLike ? ` (it looks like ${article(looksLike.providerName)} ${looksLike.providerName})` : "";
  throw new SecretFormatError(
    source,
    `${source}: expected ${expected} (format ${ids.map((id) => JSON.stringify(id)).join(" | ")}); the value has another format${hint}`,
    ids,
  );
}
