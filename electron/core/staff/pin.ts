import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const scryptOptions = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/**
 * A PIN has too few digits to survive offline guessing on its own, so it is peppered with the
 * device secret (kept outside the database) before scrypt: a stolen database file alone is useless.
 */
export function hashPin(pin: string, deviceSecret: Buffer, salt: Buffer = randomBytes(16)) {
  const peppered = createHmac('sha256', deviceSecret).update(pin).digest();
  return { salt, hash: scryptSync(peppered, salt, 32, scryptOptions) };
}

export function pinMatches(pin: string, deviceSecret: Buffer, salt: Buffer, expected: Buffer): boolean {
  const { hash } = hashPin(pin, deviceSecret, salt);
  return hash.length === expected.length && timingSafeEqual(hash, expected);
}
