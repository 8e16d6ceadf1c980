/**
 * RFC 9285 Base45: the alphabet of QR alphanumeric mode, so a voucher's bytes fill a QR code at
 * 5.5 bits per character instead of 8. Two bytes become three characters, a last odd byte two.
 */
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const values = new Map([...alphabet].map((char, i) => [char, i]));

export function encodeBase45(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = bytes[i] * 256 + bytes[i + 1];
    text += alphabet[n % 45] + alphabet[Math.floor(n / 45) % 45] + alphabet[Math.floor(n / 2025)];
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1];
    text += alphabet[n % 45] + alphabet[Math.floor(n / 45)];
  }
  return text;
}

/** Null for text that is not Base45: a character outside the alphabet, a stray length, a value too big. */
export function decodeBase45(text: string): Uint8Array | null {
  if (text.length % 3 === 1) return null;
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    const digits = [...text.slice(i, i + 3)].map((char) => values.get(char));
    if (digits.some((d) => d === undefined)) return null;
    const [c, d, e = 0] = digits as number[];
    const n = c + d * 45 + e * 2025;
    if (digits.length === 3) {
      if (n > 0xffff) return null;
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      if (n > 0xff) return null;
      out[o++] = n;
    }
  }
  return out;
}
