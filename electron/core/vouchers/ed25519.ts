import { createPublicKey, type KeyObject, verify } from 'node:crypto';

// Building a KeyObject costs far more than a verify; a till knows a handful of keys.
const keyObjects = new Map<string, KeyObject | null>();

function keyObject(publicKey: string): KeyObject | null {
  let key = keyObjects.get(publicKey);
  if (key === undefined) {
    try {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    } catch {
      key = null;
    }
    if (keyObjects.size > 64) keyObjects.clear();
    keyObjects.set(publicKey, key);
  }
  return key;
}

/** Ed25519 over `signed`; a key or signature that does not even parse verifies nothing. */
export function verifyEd25519(publicKey: string, signed: Uint8Array, signature: Uint8Array): boolean {
  const key = keyObject(publicKey);
  if (!key) return false;
  try {
    return verify(null, signed, key, signature);
  } catch {
    return false;
  }
}
