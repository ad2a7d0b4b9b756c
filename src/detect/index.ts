/**
 * `keyguard/detect`: the detection engine, free of ESLint. A pure function over text, for
 * editors, pre-commit hooks and command-line scanners.
 */
export { PROVIDERS, PROVIDER_BY_ID, KNOWN_PREFIXES } from "./catalog.js";
export type { Provider, ProviderCategory, KeyBody, ContextHint } from "./catalog.js";
export { createDetector, detect, DetectorOptionError, compiledPatterns } from "./detector.js";
export type { Detector, DetectorOptions, Finding, CustomPattern, AllowEntry } from "./detector.js";
export { mask, knownPrefix, MASK_TAIL_MAX } from "./mask.js";
export { isPlaceholder, looksRandom } from "./placeholder.js";
export { crc32, hasBase62Crc32, toBase62 } from "./checksum.js";
