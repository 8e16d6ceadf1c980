import { createPublicKey, type KeyObject } from 'node:crypto';

// Importing a key costs more than verifying with it; a device's key never changes once paired.
const keys = new Map<string, KeyObject>();

/** A paired device's Ed25519 public key from its raw base64url form (`devices.public_key`), imported once. */
export function devicePublicKey(publicKey: string): KeyObject {
  let key = keys.get(publicKey);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    keys.set(publicKey, key);
  }
  return key;
}
