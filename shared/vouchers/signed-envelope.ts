import { decode } from 'cbor-x';
import { decodeBase45, encodeBase45 } from './base45';

/**
 * The envelope every signed code the platform hands a customer shares (the `CP1` voucher, the `MC1`
 * member code): a prefix, then Base45 of a CBOR array followed by the Ed25519 signature over the
 * CBOR bytes. Each code keeps its own fields; reading and writing the envelope is done once, here.
 */
export const SIGNATURE_BYTES = 64;

/** A platform signing key as the signed key list delivers it. */
export type SigningKey = {
  kid: number;
  /** Raw Ed25519 public key, base64url. */
  publicKey: string;
  /** Codes signed with a key are good while it is valid; a retired key signs no new ones. */
  validFrom: number;
  validTo: number;
};

/** Ed25519 over `signed` with `publicKey`; the caller brings the crypto of its runtime. */
export type VerifySignature = (publicKey: string, signed: Uint8Array, signature: Uint8Array) => boolean;

export type Envelope = { signed: Uint8Array; signature: Uint8Array };

export function sealEnvelope(prefix: string, signed: Uint8Array, signature: Uint8Array): string {
  return prefix + encodeBase45(joinBytes(signed, signature));
}

/** The signed bytes and the signature; null when there is no room for both. */
export function splitSigned(bytes: Uint8Array): Envelope | null {
  if (bytes.length <= SIGNATURE_BYTES) return null;
  const cut = bytes.length - SIGNATURE_BYTES;
  return { signed: bytes.slice(0, cut), signature: bytes.slice(cut) };
}

/** The envelope of a text that starts with `prefix`; null when its Base45 or its length is broken. */
export function openEnvelope(text: string, prefix: string): Envelope | null {
  const bytes = decodeBase45(text.slice(prefix.length));
  return bytes ? splitSigned(bytes) : null;
}

/** The CBOR array of the signed bytes, or null for anything else (including CBOR that does not parse). */
export function cborArray(signed: Uint8Array): unknown[] | null {
  try {
    const value: unknown = decode(signed);
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Re-encoding the claims must give the very bytes that were signed: a second spelling of the same
 * claims (another integer width, an indefinite length) is a forgery vector.
 */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** A key vouches only for codes issued while it was valid: a retired key signs nothing new. */
export function keyCovers(key: SigningKey, issuedAt: number): boolean {
  return issuedAt >= key.validFrom && issuedAt <= key.validTo;
}

export const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
export const fromHex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
export const isUint = (value: unknown, max = Number.MAX_SAFE_INTEGER): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
export const bytesOf = (value: unknown, length?: number): Uint8Array | null =>
  value instanceof Uint8Array && (length === undefined || value.length === length) ? value : null;

function joinBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const whole = new Uint8Array(a.length + b.length);
  whole.set(a);
  whole.set(b, a.length);
  return whole;
}
