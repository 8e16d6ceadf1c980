import { createHash, createPublicKey, randomInt } from 'node:crypto';
import { uuidv7 } from '../../shared/ids';
import type { PairRequest, PairResponse } from '../../shared/sync/wire';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { reserveVoucherVersions } from './versions';

export const PAIRING_CODE_TTL_MS = 24 * 60 * 60_000;

export type StoreRow = { id: string; name: string; currency: string; time_zone: string };
export type StoreInfo = { storeId: string; name: string; currency: string; timeZone: string };

function toInfo(row: StoreRow): StoreInfo {
  return { storeId: row.id, name: row.name, currency: row.currency, timeZone: row.time_zone };
}

export async function createStore(
  sql: Sql,
  input: { name: string; currency: string; timeZone: string },
  now: number,
): Promise<{ storeId: string; name: string; pairingCode: string; pairingCodeExpiresAt: number }> {
  const storeId = uuidv7(now);
  return sql.transaction(async (tx) => {
    await tx.query('INSERT INTO stores (id, name, currency, time_zone, created_at) VALUES ($1, $2, $3, $4, $5)', [
      storeId,
      input.name,
      input.currency,
      input.timeZone,
      now,
    ]);
    // Every store has its offline risk limits (the defaults until the operator sets them).
    const version = await reserveVoucherVersions(tx, 1);
    await tx.query(`INSERT INTO voucher_policies (store_id, limits, version) VALUES ($1, '{}'::jsonb, $2)`, [
      storeId,
      version,
    ]);
    const pairing = await insertPairingCode(tx, storeId, now);
    return { storeId, name: input.name, pairingCode: pairing.code, pairingCodeExpiresAt: pairing.expiresAt };
  });
}

/** Null for an id that is not a store (including one that is not a UUID at all). */
export async function findStore(db: Queryable, storeId: string): Promise<StoreInfo | null> {
  if (!isUuid(storeId)) return null;
  const rows = await db.query<StoreRow>('SELECT id, name, currency, time_zone FROM stores WHERE id = $1', [storeId]);
  return rows.length === 0 ? null : toInfo(rows[0]);
}

export async function requireStore(db: Queryable, storeId: string): Promise<StoreInfo> {
  const store = await findStore(db, storeId);
  if (!store) throw new ApiError(404, 'store_unknown');
  return store;
}

export async function listStores(db: Queryable): Promise<StoreInfo[]> {
  const rows = await db.query<StoreRow>('SELECT id, name, currency, time_zone FROM stores ORDER BY created_at, id');
  return rows.map(toInfo);
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

// Codes are typed by a person at the till; spaces or dashes they add are not part of the code.
function hashPairingCode(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '')).digest('hex');
}

/** A one-time code of 8 digits, valid for 24 h; only its hash is stored. */
export async function insertPairingCode(
  tx: Queryable,
  storeId: string,
  now: number,
): Promise<{ code: string; expiresAt: number }> {
  const expiresAt = now + PAIRING_CODE_TTL_MS;
  for (;;) {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    // A spent or expired code's row may be taken over; a live one must not be.
    const rows = await tx.query(
      `INSERT INTO pairing_codes (code_hash, store_id, created_at, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code_hash) DO UPDATE SET store_id = EXCLUDED.store_id, created_at = EXCLUDED.created_at,
         expires_at = EXCLUDED.expires_at, used_at = NULL
       WHERE pairing_codes.used_at IS NOT NULL OR pairing_codes.expires_at <= $3
       RETURNING code_hash`,
      [hashPairingCode(code), storeId, now, expiresAt],
    );
    if (rows.length === 1) return { code, expiresAt };
  }
}

export async function issuePairingCode(sql: Sql, storeId: string, now: number) {
  return sql.transaction(async (tx) => {
    await requireStore(tx, storeId);
    return insertPairingCode(tx, storeId, now);
  });
}

/** Till prefixes in pairing order: A … Z, then AA, AB … (bijective base 26). */
export function deviceCodeFor(ordinal: number): string {
  let n = ordinal;
  let code = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    code = String.fromCharCode(65 + rest) + code;
    n = Math.floor((n - 1) / 26);
  }
  return code;
}

function assertEd25519(publicKey: string): void {
  try {
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
  } catch {
    throw new ApiError(400, 'public_key_invalid');
  }
}

/** Spends the one-time code and registers the device's public key under the next device code. */
export async function pairDevice(sql: Sql, request: PairRequest, now: number): Promise<PairResponse> {
  assertEd25519(request.publicKey);
  return sql.transaction(async (tx) => {
    const spent = await tx.query<{ store_id: string }>(
      `UPDATE pairing_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
       RETURNING store_id`,
      [hashPairingCode(request.code), now],
    );
    if (spent.length === 0) throw new ApiError(400, 'pairing_code_invalid');
    const storeId = spent[0].store_id;
    const [store] = await tx.query<{ name: string; devices_paired: number }>(
      'UPDATE stores SET devices_paired = devices_paired + 1 WHERE id = $1 RETURNING name, devices_paired',
      [storeId],
    );
    const deviceId = uuidv7(now);
    const deviceCode = deviceCodeFor(store.devices_paired);
    await tx.query(
      `INSERT INTO devices (id, store_id, device_code, name, public_key, paired_at, last_pull_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [deviceId, storeId, deviceCode, request.deviceName, request.publicKey, now],
    );
    return { deviceId, storeId, storeName: store.name, deviceCode };
  });
}

/** Stops a lost or stolen till: its signed requests are refused from now on. */
export async function revokeDevice(sql: Sql, deviceId: string, now: number): Promise<void> {
  const rows = isUuid(deviceId)
    ? await sql.query('UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING id', [
        deviceId,
        now,
      ])
    : [];
  if (rows.length === 0) throw new ApiError(404, 'device_unknown');
}
