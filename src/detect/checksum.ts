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
