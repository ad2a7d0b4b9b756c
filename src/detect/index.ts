/**
 * `keyguard/detect`: the detection engine, free of ESLint. A pure function over text, for
 * editors, pre-commit hooks and command-line scanners.
 */
export { CATALOG, PROVIDERS, PROVIDER_BY_ID, KNOWN_PREFIXES, isGenericSecret, isRealPassword } from "./catalog.js";
export type { CatalogEntry, Provider, ProviderCategory, KeyBody, ContextHint } from "./catalog.js";
export { createDetector, detect, DetectorOptionError, compiledPatterns } from "./detector.js";
export type { Detector, DetectorOptions, Finding, CustomPattern, AllowEntry } from "./detector.js";
export { mask, knownPrefix, MASK_TAIL_MAX } from "./mask.js";
export { isPlaceholder, isWords, looksRandom, charClasses, MIX_ODDS } from "./placeholder.js";
export type { CharClasses } from "./placeholder.js";
export { crc32, hasBase62Crc32, toBase62, verifyChecksum, isMacaroonV2, decodeBase64 } from "./checksum.js";
export type { ChecksumKind } from "./checksum.js";
