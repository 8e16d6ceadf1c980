import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import type { VoucherKeyWire } from '../../shared/vouchers/redemption-wire';
import { reserveVoucherVersions } from '../data/versions';
import type { Queryable, Sql } from '../db/sql';
import { type Kek, KekMismatchError, type KeyPurpose, openPrivateKey, sealPrivateKey } from './key-sealing';

/** The current key's validTo until it is rotated out (2100-01-01): "until further notice". */
export const OPEN_VALID_TO = 4_102_444_800;

export type KeyRow = {
  kid: number;
  private_key_sealed: string;
  public_key: string;
  valid_from: number;
  valid_to: number;
};

export type SigningKey = { kid: number; validFrom: number; privateKey: KeyObject };

/** Voucher claims and key validity are in unix seconds; the rest of the platform is in ms. */
export const seconds = (ms: number) => Math.floor(ms / 1000);

const toWire = (row: Omit<KeyRow, 'private_key_sealed'>): VoucherKeyWire => ({
  kid: row.kid,
  publicKey: row.public_key,
  validFrom: row.valid_from,
  validTo: row.valid_to,
});

export function newKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { privateKey: jwk.d as string, publicKey: jwk.x as string };
}

/** The private half is stored only sealed with the KEK, which the database never holds. */
async function insertKey(tx: Queryable, kek: Kek, kid: number, nowMs: number): Promise<void> {
  const pair = newKeyPair();
  const version = await reserveVoucherVersions(tx, 1);
  await tx.query(
    `INSERT INTO voucher_keys (kid, private_key_sealed, public_key, valid_from, valid_to, created_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [kid, sealPrivateKey(kek, kid, pair.privateKey), pair.publicKey, seconds(nowMs), OPEN_VALID_TO, nowMs, version],
  );
}

/**
 * The private key of a row, checked against the public key the tills hold: a KEK other than the
 * sealing one, or a row whose halves do not belong together, is a KekMismatchError.
 */
export function openKeyRow(row: KeyRow, kek: Kek, purpose: KeyPurpose = 'voucher'): KeyObject {
  const privateKey = createPrivateKey({
    key: {
      kty: 'OKP',
      crv: 'Ed25519',
      x: row.public_key,
      d: openPrivateKey(kek, row.kid, row.private_key_sealed, purpose),
    },
    format: 'jwk',
  });
  if (createPublicKey(privateKey).export({ format: 'jwk' }).x !== row.public_key) {
    throw new KekMismatchError(`The ${purpose} signing key ${row.kid} does not match its public key.`);
  }
  return privateKey;
}

/**
 * The first start creates kid 1; a platform that has keys keeps them, and they must all open with
 * the KEK given. One that does not is refused here, at start, rather than at the first voucher.
 */
export async function ensureSigningKey(sql: Sql, kek: Kek, nowMs: number): Promise<void> {
  await sql.transaction(async (tx) => {
    // The counter row serialises two platform processes starting on one database.
    await tx.query('SELECT version FROM voucher_counter WHERE id = 1 FOR UPDATE');
    const rows = await tx.query<KeyRow>('SELECT * FROM voucher_keys ORDER BY kid');
    if (rows.length === 0) await insertKey(tx, kek, 1, nowMs);
    for (const row of rows) openKeyRow(row, kek);
  });
}

/**
 * Migration 0003's code step: SQL cannot encrypt, so the plain private keys are sealed here, in
 * the migration's transaction, and the plain column is dropped with them.
 */
export async function sealPlainKeys(tx: Queryable, kek: Kek): Promise<void> {
  const rows = await tx.query<{ kid: number; private_key: string }>('SELECT kid, private_key FROM voucher_keys');
  for (const row of rows) {
    await tx.query('UPDATE voucher_keys SET private_key_sealed = $2 WHERE kid = $1', [
      row.kid,
      sealPrivateKey(kek, row.kid, row.private_key),
    ]);
  }
  await tx.exec(`ALTER TABLE voucher_keys DROP COLUMN private_key;
    ALTER TABLE voucher_keys ALTER COLUMN private_key_sealed SET NOT NULL`);
}

/**
 * A new key signs from now on; the old one's validTo becomes now — or the latest start among the
 * vouchers it already signed, so a voucher issued for a campaign that starts next month stays good.
 * Nothing it could sign later for a later start is believed.
 */
export async function rotateSigningKey(
  sql: Sql,
  kek: Kek,
  nowMs: number,
): Promise<{ kid: number; retired: number | null }> {
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
    await insertKey(tx, kek, kid, nowMs);
    return { kid, retired: current?.kid ?? null };
  });
}

export async function listVoucherKeys(db: Queryable): Promise<VoucherKeyWire[]> {
  const rows = await db.query<Omit<KeyRow, 'private_key_sealed'>>(
    'SELECT kid, public_key, valid_from, valid_to FROM voucher_keys ORDER BY kid',
  );
  return rows.map(toWire);
}

/** The newest key, which signs everything issued now. */
export async function currentSigningKey(db: Queryable, kek: Kek): Promise<SigningKey> {
  const [row] = await db.query<KeyRow>('SELECT * FROM voucher_keys ORDER BY kid DESC LIMIT 1');
  if (!row) throw new Error('the platform has no voucher signing key');
  return { kid: row.kid, validFrom: row.valid_from, privateKey: openKeyRow(row, kek) };
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
