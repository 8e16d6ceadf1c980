import { needsMember } from '../../shared/vouchers/campaign-audience';
import { decodeVoucher } from '../../shared/vouchers/cp1';
import type { RedemptionRequest, RedemptionResponse } from '../../shared/vouchers/redemption-wire';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { checkAmount, type Judged, judgeAtStore } from './judge';
import { seconds } from './keys';
import { requireMemberRules } from './member-rules';
import {
  checkCustomerLimit,
  type Device,
  HOLD_TTL_MS,
  liveRedemption,
  numberOfStore,
  type RedemptionRow,
  redemptionById,
  releaseExpiredHolds,
  requestDigest,
  type Take,
  takeVoucher,
  toRedemptionWire,
  usedBy,
} from './redemptions';

/**
 * `POST /v1/redemptions`: the same key with the same body gets the stored redemption again, with
 * another body 422. Dates are judged by the platform clock, whatever the till's clock says.
 */
export async function redeem(
  sql: Sql,
  device: Device,
  request: RedemptionRequest,
  nowMs: number,
): Promise<RedemptionResponse> {
  const digest = requestDigest(request);
  // Most junk is not even a voucher: refuse it without a transaction, unless the key is taken.
  const envelope = decodeVoucher(request.code);
  if (!envelope.ok && !(await redemptionById(sql, request.id))) {
    throw new ApiError(400, envelope.reason === 'damaged' ? 'voucher_damaged' : 'voucher_not_a_voucher');
  }
  return sql.transaction(async (tx) => {
    const existing = await redemptionById(tx, request.id);
    if (existing) return redeemUnderKnownKey(tx, existing, device, request, digest, nowMs);
    const storeNumber = await numberOfStore(tx, device.storeId);
    const judged = await judgeAtStore(tx, request.code, { storeNumber, nowS: seconds(nowMs), checkToken: true });
    await releaseExpiredHolds(tx, judged.voucher.id, nowMs);
    const live = await liveRedemption(tx, judged.voucher.id);
    // The same key sent twice at once: the second waited on the voucher row and finds the first.
    if (live?.id === request.id && live.request_digest === digest) {
      return { redemption: toRedemptionWire(live), replayed: true };
    }
    if (live && !isSameCartsHold(live, device, request)) throw usedBy(live);
    // The cashier removed the coupon and scanned it again on the same cart: the new key replaces the hold.
    if (live)
      await tx.query(`UPDATE redemptions SET state = 'RELEASED', ended_at = $2 WHERE id = $1`, [live.id, nowMs]);
    await checkCustomerLimit(tx, judged);
    const memberId = await judgeMember(tx, judged, device, request, null);
    checkAmount(judged.campaign, request.amount);
    const state = request.mode === 'capture' ? 'CAPTURED' : 'HELD';
    const take: Take = { ...request, digest, device, mode: 'online', state, decidedAt: nowMs, memberId };
    return { redemption: toRedemptionWire(await takeVoucher(tx, judged, take, nowMs)), replayed: false };
  });
}

/**
 * A key seen before. The same request gets the stored answer only while it still stands; the
 * till that held the voucher for an order may hold it again for that order with a new amount
 * (PROTOCOL.md: "hold while the cart can change"). A hold that lapsed is taken again only if the
 * voucher is still free — it is never answered as if it still stood.
 */
async function redeemUnderKnownKey(
  tx: Queryable,
  existing: RedemptionRow,
  device: Device,
  request: RedemptionRequest,
  digest: string,
  nowMs: number,
): Promise<RedemptionResponse> {
  const same = existing.request_digest === digest && existing.store_id === device.storeId;
  if (!same && !isOwnHoldAgain(existing, device, request)) {
    throw new ApiError(422, 'idempotency_mismatch', { id: request.id });
  }
  if (existing.state === 'CAPTURED' && same) return { redemption: toRedemptionWire(existing), replayed: true };
  if ((existing.state !== 'HELD' && existing.state !== 'RELEASED') || request.mode !== 'hold') {
    throw new ApiError(409, 'redemption_state', { id: existing.id, state: existing.state, step: 'held' });
  }
  const storeNumber = await numberOfStore(tx, device.storeId);
  const judged = await judgeAtStore(tx, request.code, { storeNumber, nowS: seconds(nowMs), checkToken: true });
  const stillHeld = existing.state === 'HELD' && (existing.hold_expires_at ?? 0) > nowMs;
  await releaseExpiredHolds(tx, judged.voucher.id, nowMs);
  const live = await liveRedemption(tx, judged.voucher.id);
  if (live && live.id !== existing.id) throw usedBy(live);
  await checkCustomerLimit(tx, judged, existing.id);
  const memberId = await judgeMember(tx, judged, device, request, existing.id);
  checkAmount(judged.campaign, request.amount);
  await tx.query(
    `UPDATE redemptions SET state = 'HELD', amount = $2, request_digest = $3, hold_expires_at = $4, ended_at = NULL,
       member_id = $5
     WHERE id = $1`,
    [existing.id, request.amount, digest, nowMs + HOLD_TTL_MS, memberId],
  );
  await tx.query(`UPDATE vouchers SET state = 'HELD' WHERE id = $1 AND state = 'ACTIVE'`, [judged.voucher.id]);
  const row = (await redemptionById(tx, existing.id)) as RedemptionRow;
  return { redemption: toRedemptionWire(row), replayed: same && stillHeld };
}

/**
 * The campaign's member rules for the member the till names (the sale's push must name the same:
 * docs/members.md, "Member campaigns"); the member kept on the hold, or null for a campaign with none.
 */
async function judgeMember(
  tx: Queryable,
  judged: Judged,
  device: Device,
  request: RedemptionRequest,
  except: string | null,
): Promise<string | null> {
  if (!needsMember(judged.campaign)) return null;
  const memberId = request.memberId ?? null;
  await requireMemberRules(tx, judged.campaign, {
    memberId,
    storeId: device.storeId,
    orderId: request.orderId,
    except,
  });
  return memberId;
}

function isSameCartsHold(live: RedemptionRow, device: Device, request: RedemptionRequest): boolean {
  return live.state === 'HELD' && live.device_id === device.deviceId && live.order_id === request.orderId;
}

function isOwnHoldAgain(existing: RedemptionRow, device: Device, request: RedemptionRequest): boolean {
  const decoded = decodeVoucher(request.code);
  return (
    (existing.state === 'HELD' || existing.state === 'RELEASED') &&
    request.mode === 'hold' &&
    existing.device_id === device.deviceId &&
    existing.order_id === request.orderId &&
    decoded.ok &&
    decoded.voucher.claims.voucherId === existing.voucher_id
  );
}
