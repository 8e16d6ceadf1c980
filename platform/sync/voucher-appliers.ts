import type { PayloadOf } from '../../shared/sync/mutations';
import type { MessageParams } from '../../shared/sync/platform-messages';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import { checkAmount, judgeAtStore } from '../vouchers/judge';
import { seconds } from '../vouchers/keys';
import { offlineClaimRefusal } from '../vouchers/offline-claims';
import { storePolicy } from '../vouchers/policy';
import {
  captureHold,
  checkCustomerLimit,
  type Device,
  liveRedemption,
  type RedemptionRow,
  redemptionById,
  takeVoucher,
} from '../vouchers/redemptions';
import { reverseRedemption } from '../vouchers/reversal';
import { setDenial } from '../vouchers/vouchers';
import { when } from './claim-words';
import { CLOCK_SKEW_MS, claimedTimeRefusal } from './claimed-time';
import type { ApplyContext, ApplyRefusal } from './platform-domain';

const refusal = (error: ApiError): ApplyRefusal => ({ code: error.code, params: error.params as MessageParams });

/**
 * The sale stood on a voucher someone else had already taken: this redemption is CONFLICT_LOST, the
 * loss is recorded for both stores to see, and the voucher is DISPUTED on every deny list.
 */
async function loseConflict(
  tx: Queryable,
  device: Device,
  payload: PayloadOf<'voucher.redeemed'>,
  winner: RedemptionRow,
  campaignId: number,
  nowMs: number,
): Promise<ApplyRefusal> {
  const at = winner.captured_at ?? winner.created_at;
  await tx.query(
    `INSERT INTO redemptions (voucher_id, id, request_digest, campaign_id, store_id, device_id, order_id, amount,
       mode, state, created_at, decided_at, ended_at)
     VALUES ($1, $2, '', $3, $4, $5, $6, $7, $8, 'CONFLICT_LOST', $9, $10, $9)
     ON CONFLICT (id) DO UPDATE SET state = 'CONFLICT_LOST', ended_at = $9, hold_expires_at = NULL`,
    [
      winner.voucher_id,
      payload.redemptionId,
      campaignId,
      device.storeId,
      device.deviceId,
      payload.orderId,
      payload.amount,
      payload.mode,
      nowMs,
      payload.decidedAt,
    ],
  );
  await tx.query(
    `INSERT INTO loss_events (store_id, id, voucher_id, device_id, amount, decided_at, winner_redemption_id,
       winner_store_id, winner_at, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    [
      device.storeId,
      payload.redemptionId,
      winner.voucher_id,
      device.deviceId,
      payload.amount,
      payload.decidedAt,
      winner.id,
      winner.store_id,
      at,
      nowMs,
    ],
  );
  const [voucher] = await tx.query<{ state: string }>('SELECT state FROM vouchers WHERE id = $1', [winner.voucher_id]);
  if (voucher.state !== 'DISPUTED') {
    await tx.query(`UPDATE vouchers SET state = 'DISPUTED' WHERE id = $1`, [winner.voucher_id]);
    await setDenial(tx, winner.voucher_id, 'disputed', true, nowMs);
  }
  return { code: 'redemption_conflict_lost', params: { store: winner.store_name, at }, conflict: true };
}

/**
 * `voucher.redeemed`: an online redemption captures its hold; an offline one is verified as of its
 * decision time (yesterday's offline sale is not "expired" today) and stands if it reached the
 * platform first. Either way, a voucher someone else already took makes this one lose.
 */
export async function applyVoucherRedeemed(
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<'voucher.redeemed'>,
): Promise<ApplyRefusal | null> {
  const device: Device = { deviceId: context.deviceId, storeId: context.storeId };
  const nowMs = context.now;
  const existing = await redemptionById(tx, payload.redemptionId);
  if (existing && existing.store_id !== device.storeId) {
    return { code: 'redemption_not_found', params: { id: payload.redemptionId } };
  }
  if (existing && existing.voucher_id !== payload.voucherId) {
    return { code: 'idempotency_mismatch', params: { id: payload.redemptionId } };
  }
  if (existing?.state === 'CONFLICT_LOST') {
    const [loss] = await tx.query<{ winner_redemption_id: string }>(
      'SELECT winner_redemption_id FROM loss_events WHERE id = $1',
      [existing.id],
    );
    const winner = loss ? await redemptionById(tx, loss.winner_redemption_id) : null;
    if (winner) return loseConflict(tx, device, payload, winner, existing.campaign_id, nowMs);
    return { code: 'redemption_state', params: { id: existing.id, state: existing.state, step: 'captured' } };
  }
  if (existing) {
    const outcome = await captureHold(tx, existing, payload, nowMs);
    if (outcome.ok) return null;
    if (outcome.live) return loseConflict(tx, device, payload, outcome.live, existing.campaign_id, nowMs);
    return refusal(outcome.error);
  }
  // No hold on the platform: decided at the till alone, whatever the push calls it. Its decision
  // time is what the voucher is judged by, so it must be one the till could have decided at.
  const timed = claimedTimeRefusal(payload.decidedAt, context.window, true);
  if (timed) return timed;
  try {
    const policy = await storePolicy(tx, device.storeId);
    const judged = await judgeAtStore(tx, payload.code, {
      storeNumber: policy.storeNumber,
      nowS: seconds(payload.decidedAt),
      checkToken: false,
      allowDisputed: true,
    });
    if (judged.voucher.id !== payload.voucherId) return { code: 'voucher_unknown' };
    const claim = { amount: payload.amount, decidedAt: payload.decidedAt, redemptionId: payload.redemptionId };
    const beyond = await offlineClaimRefusal(tx, context, judged, claim, context.window, policy.limits);
    if (beyond) return beyond;
    // An online-confirmed redemption beats an offline one (PROTOCOL.md): a till's hold still
    // counts after its two minutes when its capture is late, so it is not released here; only a
    // new online hold, with a customer at a counter, lets a lapsed hold go.
    const live = await liveRedemption(tx, judged.voucher.id);
    if (live) return loseConflict(tx, device, payload, live, judged.campaign.id, nowMs);
    await checkCustomerLimit(tx, judged);
    checkAmount(judged.campaign, payload.amount);
    await takeVoucher(
      tx,
      judged,
      { id: payload.redemptionId, digest: '', device, ...payload, mode: 'offline', state: 'CAPTURED' },
      nowMs,
    );
    return null;
  } catch (error) {
    if (error instanceof ApiError) return refusal(error);
    throw error;
  }
}

/** `voucher.reversed`: the refund gives the voucher back within the campaign's reversal window. */
export async function applyVoucherReversed(
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<'voucher.reversed'>,
): Promise<ApplyRefusal | null> {
  const row = await redemptionById(tx, payload.redemptionId);
  if (!row || row.store_id !== context.storeId) {
    return { code: 'redemption_not_found', params: { id: payload.redemptionId } };
  }
  // The window is judged at the refund's time when it came first, so that time must be one the
  // till could have refunded at: after the redemption it gives back, and since its last pull.
  const timed = claimedTimeRefusal(payload.at, context.window, true);
  if (timed) return timed;
  if (payload.at < row.decided_at - CLOCK_SKEW_MS) {
    return { code: 'claimed_time_invalid', params: { when: when.beforeRedemption } };
  }
  const outcome = await reverseRedemption(tx, row, context.now, payload.at);
  return outcome.ok ? null : refusal(outcome.error);
}
