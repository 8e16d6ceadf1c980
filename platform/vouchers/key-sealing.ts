import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';

/**
 * The key-encryption key (KEK) that seals the voucher signing private keys. It is never stored in
 * the database, so a copy of the database alone cannot sign a voucher. A KeyObject, not bytes: it
 * prints as `KeyObject { type: 'secret' }`, never its value, if it ever reaches a log.
 */
export type Kek = KeyObject & { readonly kekBrand: unique symbol };

export class KekError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KekError';
  }
}

/** A sealed key that does not open with the KEK given: it was sealed with another one. */
export class KekMismatchError extends KekError {}

export const KEK_BYTES = 32;
const SEALED_PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** How an operator makes a KEK; every message about a missing or bad one says it. */
export const KEK_RECIPE = '32 random bytes in base64, e.g. from `openssl rand -base64 32`';

/** 32 bytes in base64 (standard or URL-safe alphabet, padding optional); `source` names where it came from. */
export function parseKek(text: string, source: string): Kek {
  const trimmed = text.trim();
  const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : null;
  if (bytes?.length !== KEK_BYTES) {
    const found = bytes ? `it holds ${bytes.length} bytes` : 'it is not base64';
    throw new KekError(`${source} must hold the voucher key-encryption key, ${KEK_RECIPE}; ${found}.`);
  }
  return createSecretKey(bytes) as Kek;
}

/** A fresh KEK in the text form a file or COUNTER_PLATFORM_KEK holds. */
export function newKekText(): string {
  return randomBytes(KEK_BYTES).toString('base64');
}

/** What a sealed key signs: voucher codes or member codes. Bound in, so one never opens as the other. */
export type KeyPurpose = 'voucher' | 'member';

const purposeWords: Record<KeyPurpose, string> = { voucher: 'Voucher', member: 'Member code' };

// The purpose and key id are bound in: a sealed key copied onto another key's row does not open there.
const associatedData = (kid: number, purpose: KeyPurpose) =>
  Buffer.from(`counter ${purpose} signing key ${kid}`, 'utf8');

/**
 * `v1:` and base64url of IV ‖ ciphertext ‖ GCM tag: AES-256-GCM under the KEK, with the key id as
 * associated data. The prefix leaves room for another scheme later without guessing.
 */
export function sealPrivateKey(kek: Kek, kid: number, privateKey: string, purpose: KeyPurpose = 'voucher'): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(kid, purpose));
  const body = Buffer.concat([cipher.update(privateKey, 'utf8'), cipher.final()]);
  return `${SEALED_PREFIX}${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/** The private key sealed by `sealPrivateKey`; a KEK other than the sealing one is a KekMismatchError. */
export function openPrivateKey(kek: Kek, kid: number, sealed: string, purpose: KeyPurpose = 'voucher'): string {
  const what = `${purposeWords[purpose]} signing key ${kid}`;
  if (!sealed.startsWith(SEALED_PREFIX)) {
    throw new KekError(`${what} is not sealed in a form this platform knows.`);
  }
  const bytes = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) throw new KekError(`${what} is damaged.`);
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(kid, purpose));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new KekMismatchError(`${what} does not open with this key-encryption key.`);
  }
}
