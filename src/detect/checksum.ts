/**
 * Checksums used by some token formats. GitHub's classic tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`)
 * and npm's access tokens (`npm_`) end in six base62 characters that encode the CRC32 of the 30
 * random characters before them; a string of the right shape whose checksum does not match is not a
 * token (it is a test fixture, a hash, or a typo), so it is not reported.
 */

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

let crcTable: Uint32Array | undefined;

function table(): Uint32Array {
  if (crcTable) return crcTable;
  crcTable = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable[n] = c >>> 0;
  }
  return crcTable;
}

/** CRC32 (IEEE 802.3, as zlib computes it) of an ASCII string. */
export function crc32(text: string): number {
  const t = table();
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = t[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A number in base62 (digits, upper case, lower case), left-padded with `0` to `width`. */
export function toBase62(value: number, width: number): string {
  let out = "";
  let n = value;
  do {
    out = BASE62[n % 62]! + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, "0");
}

/**
 * Whether `token` (prefix included) ends with the base62 CRC32 checksum of the 30 characters
 * between its prefix and its last six characters.
 */
export function hasBase62Crc32(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength, -6);
  const sum = token.slice(-6);
  return toBase62(crc32(body), 6) === sum;
}

/** The checksums the catalog knows. */
export type ChecksumKind = "base62-crc32" | "pypi-macaroon";

const B64_VALUES = (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (let i = 0; i < 62; i++) table[alphabet.charCodeAt(i)] = i;
  table[43] = table[45] = 62; // `+` and `-`
  table[47] = table[95] = 63; // `/` and `_`
  return table;
})();

/**
 * The bytes of base64 or base64url text (padding optional), or `undefined` when `text` holds any
 * other character or has an impossible length.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  if (text.length - end > 2 || end % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let value = 0;
  let k = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64_VALUES[c]! : -1;
    if (v < 0) return undefined;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Whether `bytes` is a macaroon in the v2 binary format (what PyPI's upload tokens encode after
 * `pypi-`): version 2, a section with an identifier, caveat sections, and a 32-byte signature that
 * ends the data exactly. A key-shaped string of random characters fails it.
 */
export function isMacaroonV2(bytes: Uint8Array): boolean {
  let i = 0;
  const varint = (): number => {
    let result = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      if (i >= bytes.length) return -1;
      const b = bytes[i++]!;
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
    }
    return -1;
  };
  /** Reads fields up to an end-of-section; returns the types seen, or undefined when malformed. */
  const section = (): Set<number> | undefined => {
    const types = new Set<number>();
    for (;;) {
      const type = varint();
      if (type < 0) return undefined;
      if (type === 0) return types;
      const length = varint();
      if (length < 0 || i + length > bytes.length) return undefined;
      i += length;
      types.add(type);
    }
  };
  if (bytes[i++] !== 2) return false;
  if (!section()?.has(2)) return false;
  for (;;) {
    if (i >= bytes.length) return false;
    if (bytes[i] === 0) {
      i++;
      break;
    }
    if (!section()?.has(2)) return false;
  }
  return varint() === 6 && varint() === 32 && i + 32 === bytes.length;
}

/** Whether `token` (prefix of `prefixLength` included) carries a valid checksum of kind `kind`. */
export function verifyChecksum(kind: ChecksumKind, token: string, prefixLength: number): boolean {
  if (kind === "base62-crc32") return hasBase62Crc32(token, prefixLength);
  // `pypi-` then the base64url macaroon (the catalog's prefix holds its first characters).
  const bytes = decodeBase64(token.slice(token.indexOf("-") + 1));
  return bytes !== undefined && isMacaroonV2(bytes);
}
