import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import type { VoucherKeyWire } from '../../shared/vouchers/redemption-wire';
import { reserveVoucherVersions } from '../data/versions';
import type { Queryable, Sql } from '../db/sql';

/** The current key's validTo until it is rotated out (2100-01-01): "until further notice". */
const OPEN_VALID_TO = 4_102_444_800;

type KeyRow = { kid: number; private_key: string; public_key: string; valid_from: number; valid_to: number };

export type SigningKey = { kid: number; validFrom: number; privateKey: KeyObject };

/** Voucher claims and key validity are in unix seconds; the rest of the platform is in ms. */
export const seconds = (ms: number) => Math.floor(ms / 1000);

const toWire = (row: KeyRow): VoucherKeyWire => ({
  kid: row.kid,
  publicKey: row.public_key,
  validFrom: row.valid_from,
  validTo: row.valid_to,
});

function newKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { privateKey: jwk.d as string, publicKey: jwk.x as string };
}

async function insertKey(tx: Queryable, kid: number, nowMs: number): Promise<void> {
  const pair = newKeyPair();
  const version = await reserveVoucherVersions(tx, 1);
  await tx.query(
    `INSERT INTO voucher_keys (kid, private_key, public_key, valid_from, valid_to, created_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [kid, pair.privateKey, pair.publicKey, seconds(nowMs), OPEN_VALID_TO, nowMs, version],
  );
}

/** The first start creates kid 1; a platform that has keys keeps them. */
export async function ensureSigningKey(sql: Sql, nowMs: number): Promise<void> {
  await sql.transaction(async (tx) => {
    // The counter row serialises two platform processes starting on one database.
    await tx.query('SELECT version FROM voucher_counter WHERE id = 1 FOR UPDATE');
    const rows = await tx.query('SELECT kid FROM voucher_keys LIMIT 1');
    if (rows.length === 0) await insertKey(tx, 1, nowMs);
  });
}

/**
 * A new key signs from now on; the old one's validTo becomes now — or the latest start among the
 * vouchers it already signed, so a voucher issued for a campaign that starts next month stays good.
 * Nothing it could sign later for a later start is believed.
 */
export async function rotateSigningKey(sql: Sql, nowMs: number): Promise<{ kid: number; retired: number | null }> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT version FROM voucher_counter WHERE id = 1 FOR UPDATE');
    const [current] = await tx.query<{ kid: number }>('SELECT kid FROM voucher_keys ORDER BY kid DESC LIMIT 1');
    const kid = (current?.kid ?? 0) + 1;
    if (current) {
      const version = await reserveVoucherVersions(tx, 1);
      await tx.query(
        `UPDATE voucher_keys SET version = $3, valid_to = LEAST(valid_to,
           GREATEST($2, (SELECT MAX(not_before) FROM vouchers WHERE kid = $1))) WHERE kid = $1`,
        [current.kid, seconds(nowMs), version],
      );
    }
    await insertKey(tx, kid, nowMs);
    return { kid, retired: current?.kid ?? null };
  });
}

export async function listVoucherKeys(db: Queryable): Promise<VoucherKeyWire[]> {
  const rows = await db.query<KeyRow>('SELECT * FROM voucher_keys ORDER BY kid');
  return rows.map(toWire);
}

/** The newest key, which signs everything issued now. */
export async function currentSigningKey(db: Queryable): Promise<SigningKey> {
  const [row] = await db.query<KeyRow>('SELECT * FROM voucher_keys ORDER BY kid DESC LIMIT 1');
  if (!row) throw new Error('the platform has no voucher signing key');
  const privateKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: row.public_key, d: row.private_key },
    format: 'jwk',
  });
  return { kid: row.kid, validFrom: row.valid_from, privateKey };
}

export function signBytes(key: SigningKey, bytes: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, bytes, key.privateKey));
}

const publicKeys = new Map<string, KeyObject>();

/** Ed25519 verification for `judgeDecoded`; a public key that cannot be imported verifies nothing. */
export function verifyEd25519(publicKey: string, signed: Uint8Array, signature: Uint8Array): boolean {
  try {
    let key = publicKeys.get(publicKey);
    if (!key) {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
      publicKeys.set(publicKey, key);
    }
    return verify(null, signed, key, signature);
  } catch {
    return false;
  }
}

export const toVoucherKeyMap = (keys: VoucherKeyWire[]) => new Map(keys.map((key) => [key.kid, key]));
