import { verify } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SIGNATURE_WINDOW_MS, signatureHeaders, signingString } from '../../shared/sync/wire';
import { devicePublicKey } from '../data/device-keys';
import { isUuid } from '../data/stores';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';

export type SignedDevice = { deviceId: string; storeId: string };

type DeviceRow = { id: string; store_id: string; public_key: string };

/** What the headers claim, checked as far as it can be before the body is read. */
export type SignatureClaim = {
  device: DeviceRow;
  timestamp: string;
  signedAt: number;
  nonce: string;
  signature: string;
};

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Everything about a device request that the headers alone settle: all four signature headers are
 * there and well formed, the device is paired and not revoked, and the timestamp is within the
 * window. Runs before a byte of the body is read, so a stranger cannot make the platform read,
 * buffer or parse anything; only the signature itself waits for the body, whose digest it covers.
 */
export async function checkSignatureClaim(
  db: Queryable,
  request: FastifyRequest,
  now: number,
): Promise<SignatureClaim> {
  const deviceId = header(request, signatureHeaders.device);
  const timestamp = header(request, signatureHeaders.timestamp);
  const nonce = header(request, signatureHeaders.nonce);
  const signature = header(request, signatureHeaders.signature);
  if (!deviceId || !timestamp || !nonce || !signature) throw new ApiError(401, 'signature_missing');
  if (!isUuid(deviceId)) throw new ApiError(401, 'device_unknown');
  if (!/^[A-Za-z0-9_-]{86}$/.test(signature) || nonce.length > 128) throw new ApiError(401, 'signature_invalid');
  const [row] = await db.query<DeviceRow & { revoked_at: number | null }>(
    'SELECT id, store_id, public_key, revoked_at FROM devices WHERE id = $1',
    [deviceId],
  );
  if (!row) throw new ApiError(401, 'device_unknown');
  if (row.revoked_at !== null) throw new ApiError(403, 'device_revoked');
  const signedAt = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!(Math.abs(now - signedAt) <= SIGNATURE_WINDOW_MS)) throw new ApiError(401, 'timestamp_stale');
  const device = { id: row.id, store_id: row.store_id, public_key: row.public_key };
  return { device, timestamp, signedAt, nonce, signature };
}

/**
 * Checks the signature over method, path and query as sent, timestamp, nonce and the digest of the
 * raw body bytes; then that the request was never seen before. Only a request that verifies
 * records its nonce, so nobody can spend a device's nonces for it.
 */
export async function verifySignature(
  db: Queryable,
  request: FastifyRequest,
  claim: SignatureClaim,
  bodySha256Hex: string,
): Promise<SignedDevice> {
  const { device, timestamp, nonce } = claim;
  const text = signingString({ method: request.method, pathAndQuery: request.url, timestamp, nonce, bodySha256Hex });
  const signature = Buffer.from(claim.signature, 'base64url');
  if (!verify(null, Buffer.from(text), devicePublicKey(device.public_key), signature))
    throw new ApiError(401, 'signature_invalid');
  const fresh = await db.query(
    `INSERT INTO device_nonces (store_id, device_id, nonce, signed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING nonce`,
    [device.store_id, device.id, nonce, claim.signedAt],
  );
  if (fresh.length === 0) throw new ApiError(401, 'request_replayed');
  return { deviceId: device.id, storeId: device.store_id };
}

/**
 * A nonce only has to be remembered while its timestamp would still pass the window check; after
 * that a replay is refused as stale anyway.
 */
export async function pruneNonces(db: Queryable, now: number): Promise<void> {
  await db.query('DELETE FROM device_nonces WHERE signed_at < $1', [now - SIGNATURE_WINDOW_MS]);
}
