import { createHash } from 'node:crypto';
import type { RedemptionRequest, RedemptionResponse, RedemptionWire } from '../../shared/vouchers/redemption-wire';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { campaignById } from './campaigns';
import { checkAmount, type Judged } from './judge';
import { lockVoucher, setDenial } from './vouchers';

/** A hold not captured within this lets the voucher go again. */
export const HOLD_TTL_MS = 2 * 60_000;

export type RedemptionRow = {
  id: string;
  voucher_id: string;
  campaign_id: number;
  request_digest: string;
  store_id: string;
  store_name: string;
  device_id: string;
  order_id: string;
  amount: number;
  state: RedemptionWire['state'];
  created_at: number;
  /** The till's decision time (the platform's own for a hold). */
  decided_at: number;
  captured_at: number | null;
  hold_expires_at: number | null;
  member_id: string | null;
};

export type Device = { deviceId: string; storeId: string };

export const toRedemptionWire = (row: RedemptionRow): RedemptionWire => ({
  id: row.id,
  voucherId: row.voucher_id,
  campaignId: row.campaign_id,
  state: row.state,
  storeId: row.store_id,
  storeName: row.store_name,
  deviceId: row.device_id,
  orderId: row.order_id,
  amount: row.amount,
  createdAt: row.created_at,
  capturedAt: row.captured_at,
  holdExpiresAt: row.state === 'HELD' ? row.hold_expires_at : null,
});

const SELECT = 'SELECT r.*, s.name AS store_name FROM redemptions r JOIN stores s ON s.id = r.store_id';

export async function redemptionById(db: Queryable, id: string): Promise<RedemptionRow | null> {
  const [row] = await db.query<RedemptionRow>(`${SELECT} WHERE r.id = $1`, [id]);
  return row ?? null;
}

/** The redemption as its own store sees it; another store's is "not found". */
export async function storeRedemption(db: Queryable, storeId: string, id: string): Promise<RedemptionRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await redemptionById(db, id) : null;
  if (!row || row.store_id !== storeId) throw new ApiError(404, 'redemption_not_found', { id });
  return row;
}

export function requestDigest(request: RedemptionRequest): string {
  const { id, deviceId, code, orderId, amount, mode, memberId } = request;
  // The member only when named, so a request from a till before member campaigns digests as it did.
  const fields = [id, deviceId, code, orderId, amount, mode, ...(memberId === undefined ? [] : [memberId])];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Holds past their expiry let the voucher go; done lazily by whoever next touches the voucher. */
export async function releaseExpiredHolds(tx: Queryable, voucherId: string, nowMs: number): Promise<void> {
  const released = await tx.query(
    `UPDATE redemptions SET state = 'RELEASED', ended_at = $2
     WHERE voucher_id = $1 AND state = 'HELD' AND hold_expires_at <= $2 RETURNING id`,
    [voucherId, nowMs],
  );
  if (released.length > 0)
    await tx.query(`UPDATE vouchers SET state = 'ACTIVE' WHERE id = $1 AND state = 'HELD'`, [voucherId]);
}

export async function liveRedemption(tx: Queryable, voucherId: string): Promise<RedemptionRow | null> {
  const [row] = await tx.query<RedemptionRow>(`${SELECT} WHERE r.voucher_id = $1 AND r.state IN ('HELD', 'CAPTURED')`, [
    voucherId,
  ]);
  return row ?? null;
}

export function usedBy(live: RedemptionRow): ApiError {
  if (live.state === 'HELD') return new ApiError(409, 'voucher_held');
  return new ApiError(409, 'voucher_already_redeemed', {
    store: live.store_name,
    at: live.captured_at ?? live.created_at,
  });
}

/**
 * Counts what the holder already has held or captured in the campaign (not `except`, the
 * redemption being decided). Serialised per holder and campaign: two of one customer's vouchers
 * at two tills at once must not both pass a limit of one.
 */
export async function checkCustomerLimit(tx: Queryable, judged: Judged, except: string | null = null): Promise<void> {
  const limit = judged.campaign.rules.perCustomerLimit;
  if (limit === null || judged.voucher.holder === null) return;
  await tx.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [judged.campaign.id, judged.voucher.holder]);
  const [row] = await tx.query<{ used: number }>(
    `SELECT count(*)::int AS used FROM redemptions WHERE campaign_id = $1 AND holder = $2
       AND state IN ('HELD', 'CAPTURED') AND id IS DISTINCT FROM $3`,
    [judged.campaign.id, judged.voucher.holder, except],
  );
  if (row.used >= limit) throw new ApiError(409, 'customer_limit', { limit });
}

/** A disputed voucher stays disputed (and denied as such) when its rightful redemption is captured. */
async function markRedeemed(tx: Queryable, voucherId: string, nowMs: number): Promise<void> {
  const changed = await tx.query(
    `UPDATE vouchers SET state = 'REDEEMED' WHERE id = $1 AND state <> 'DISPUTED' RETURNING id`,
    [voucherId],
  );
  if (changed.length > 0) await setDenial(tx, voucherId, 'redeemed', true, nowMs);
}

export type Take = {
  id: string;
  digest: string;
  device: Device;
  orderId: string;
  amount: number;
  mode: 'online' | 'offline';
  state: 'HELD' | 'CAPTURED';
  decidedAt: number;
  /** The member a campaign with member rules was judged for; null for every other campaign. */
  memberId: string | null;
};

/** Inserts the live redemption; the partial unique index is what makes a second one impossible. */
export async function takeVoucher(tx: Queryable, judged: Judged, take: Take, nowMs: number): Promise<RedemptionRow> {
  const inserted = await tx.query(
    `INSERT INTO redemptions (voucher_id, id, request_digest, campaign_id, holder, store_id, device_id, order_id,
       amount, mode, state, created_at, decided_at, captured_at, hold_expires_at, member_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      judged.voucher.id,
      take.id,
      take.digest,
      judged.campaign.id,
      judged.voucher.holder,
      take.device.storeId,
      take.device.deviceId,
      take.orderId,
      take.amount,
      take.mode,
      take.state,
      nowMs,
      take.decidedAt,
      take.state === 'CAPTURED' ? nowMs : null,
      take.state === 'HELD' ? nowMs + HOLD_TTL_MS : null,
      take.memberId,
    ],
  );
  if (inserted.length === 0) {
    const live = await liveRedemption(tx, judged.voucher.id);
    throw live ? usedBy(live) : new ApiError(422, 'idempotency_mismatch', { id: take.id });
  }
  if (take.state === 'HELD') await tx.query(`UPDATE vouchers SET state = 'HELD' WHERE id = $1`, [judged.voucher.id]);
  else await markRedeemed(tx, judged.voucher.id, nowMs);
  return (await redemptionById(tx, take.id)) as RedemptionRow;
}

async function checkHeldAmount(tx: Queryable, campaignId: number, amount: number): Promise<void> {
  checkAmount(await campaignById(tx, campaignId), amount);
}

export async function numberOfStore(db: Queryable, storeId: string): Promise<number> {
  const [row] = await db.query<{ number: number }>('SELECT number FROM stores WHERE id = $1', [storeId]);
  if (!row) throw new ApiError(404, 'store_unknown');
  return row.number;
}

export type CaptureOutcome =
  | { ok: true; row: RedemptionRow; replayed: boolean }
  | { ok: false; live: RedemptionRow | null; error: ApiError };

/**
 * Captures a hold: a hold that expired while nobody else took the voucher is captured all the same
 * (the till sold on it); another till's live redemption wins, and the caller decides what that is.
 */
export async function captureHold(
  tx: Queryable,
  row: RedemptionRow,
  change: { orderId: string; amount: number },
  nowMs: number,
): Promise<CaptureOutcome> {
  const voucher = await lockVoucher(tx, row.voucher_id);
  const current = (await redemptionById(tx, row.id)) as RedemptionRow;
  if (current.state === 'CAPTURED') return { ok: true, row: current, replayed: true };
  if (current.state !== 'HELD' && current.state !== 'RELEASED') {
    return {
      ok: false,
      live: null,
      error: new ApiError(409, 'redemption_state', { id: row.id, state: current.state, step: 'captured' }),
    };
  }
  // A hold past its two minutes is still this till's to capture unless another till took the voucher.
  const live = await liveRedemption(tx, voucher.id);
  if (live && live.id !== row.id) return { ok: false, live, error: usedBy(live) };
  if (voucher.state === 'BLOCKED') return { ok: false, live: null, error: new ApiError(403, 'voucher_blocked') };
  if (voucher.state === 'REVOKED') return { ok: false, live: null, error: new ApiError(410, 'voucher_revoked') };
  // Disputed because an offline sale lost to this very hold: the hold still captures.
  if (voucher.state === 'DISPUTED' && live?.id !== row.id) {
    return { ok: false, live: null, error: new ApiError(409, 'voucher_disputed') };
  }
  try {
    await checkHeldAmount(tx, row.campaign_id, change.amount);
  } catch (error) {
    return { ok: false, live: null, error: error as ApiError };
  }
  await tx.query(
    `UPDATE redemptions SET state = 'CAPTURED', captured_at = $2, order_id = $3, amount = $4, ended_at = NULL
     WHERE id = $1`,
    [row.id, nowMs, change.orderId, change.amount],
  );
  await markRedeemed(tx, voucher.id, nowMs);
  return { ok: true, row: (await redemptionById(tx, row.id)) as RedemptionRow, replayed: false };
}

export async function captureById(
  sql: Sql,
  device: Device,
  id: string,
  change: { orderId: string; amount: number },
  nowMs: number,
): Promise<RedemptionResponse> {
  return sql.transaction(async (tx) => {
    const row = await storeRedemption(tx, device.storeId, id);
    const outcome = await captureHold(tx, row, change, nowMs);
    if (!outcome.ok) throw outcome.error;
    return { redemption: toRedemptionWire(outcome.row), replayed: outcome.replayed };
  });
}
