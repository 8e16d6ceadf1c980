import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SIGNATURE_WINDOW_MS, signatureHeaders, signingString } from '../../shared/sync/wire';
import { isUuid } from '../data/stores';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';

export type SignedDevice = { deviceId: string; storeId: string };

type DeviceRow = { id: string; store_id: string; public_key: string; revoked_at: number | null };

// Importing a key costs more than verifying with it; a device's key never changes once paired.
const keys = new Map<string, KeyObject>();

function publicKeyOf(row: DeviceRow): KeyObject {
  let key = keys.get(row.public_key);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: row.public_key }, format: 'jwk' });
    keys.set(row.public_key, key);
  }
  return key;
}

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function signatureVerifies(row: DeviceRow, text: string, signature: string): boolean {
  if (!/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
  return verify(null, Buffer.from(text), publicKeyOf(row), Buffer.from(signature, 'base64url'));
}

/**
 * Checks a device's signature over method, path and query as sent, timestamp, nonce and the digest
 * of the raw body bytes; then that the device is live, the request fresh and never seen before.
 * Only a request that verifies records its nonce, so nobody can spend a device's nonces for it.
 */
export async function authenticateDevice(db: Queryable, request: FastifyRequest, now: number): Promise<SignedDevice> {
  const deviceId = header(request, signatureHeaders.device);
  const timestamp = header(request, signatureHeaders.timestamp);
  const nonce = header(request, signatureHeaders.nonce);
  const signature = header(request, signatureHeaders.signature);
  if (!deviceId || !timestamp || !nonce || !signature) throw new ApiError(401, 'signature_missing');
  if (!isUuid(deviceId)) throw new ApiError(401, 'device_unknown');
  const [row] = await db.query<DeviceRow>('SELECT id, store_id, public_key, revoked_at FROM devices WHERE id = $1', [
    deviceId,
  ]);
  if (!row) throw new ApiError(401, 'device_unknown');
  const bodySha256Hex = createHash('sha256')
    .update(request.rawBody ?? Buffer.alloc(0))
    .digest('hex');
  const text = signingString({ method: request.method, pathAndQuery: request.url, timestamp, nonce, bodySha256Hex });
  if (!signatureVerifies(row, text, signature)) throw new ApiError(401, 'signature_invalid');
  if (row.revoked_at !== null) throw new ApiError(403, 'device_revoked');
  const signedAt = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!(Math.abs(now - signedAt) <= SIGNATURE_WINDOW_MS)) throw new ApiError(401, 'timestamp_stale');
  if (nonce.length > 128) throw new ApiError(401, 'signature_invalid');
  const fresh = await db.query(
    `INSERT INTO device_nonces (store_id, device_id, nonce, signed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING nonce`,
    [row.store_id, row.id, nonce, signedAt],
  );
  if (fresh.length === 0) throw new ApiError(401, 'request_replayed');
  return { deviceId: row.id, storeId: row.store_id };
}

/**
 * A nonce only has to be remembered while its timestamp would still pass the window check; after
 * that a replay is refused as stale anyway.
 */
export async function pruneNonces(db: Queryable, now: number): Promise<void> {
  await db.query('DELETE FROM device_nonces WHERE signed_at < $1', [now - SIGNATURE_WINDOW_MS]);
}
