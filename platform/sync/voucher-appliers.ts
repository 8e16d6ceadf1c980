import type { PayloadOf } from '../../shared/sync/mutations';
import type { MessageParams } from '../../shared/sync/platform-messages';
import { type AudienceRefusal, needsMember } from '../../shared/vouchers/campaign-audience';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import { campaignById } from '../vouchers/campaigns';
import { checkAmount, judgeAtStore } from '../vouchers/judge';
import { seconds } from '../vouchers/keys';
import { memberRuleRefusal, saleMemberOf } from '../vouchers/member-rules';
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

type LostVoucher = { voucherId: string; campaignId: number; memberId: string | null };

/** The pushed redemption, kept as CONFLICT_LOST: the sale stood, the voucher did not count. */
async function keepLost(
  tx: Queryable,
  device: Device,
  payload: PayloadOf<'voucher.redeemed'>,
  lost: LostVoucher,
  nowMs: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO redemptions (voucher_id, id, request_digest, campaign_id, store_id, device_id, order_id, amount,
       mode, state, created_at, decided_at, ended_at, member_id)
     VALUES ($1, $2, '', $3, $4, $5, $6, $7, $8, 'CONFLICT_LOST', $9, $10, $9, $11)
     ON CONFLICT (id) DO UPDATE SET state = 'CONFLICT_LOST', ended_at = $9, hold_expires_at = NULL, member_id = $11`,
    [
      lost.voucherId,
      payload.redemptionId,
      lost.campaignId,
      device.storeId,
      device.deviceId,
      payload.orderId,
      payload.amount,
      payload.mode,
      nowMs,
      payload.decidedAt,
      lost.memberId,
    ],
  );
}

/** A voucher used in a sale that lost it is DISPUTED on every deny list, so it is not used again. */
async function disputeVoucher(tx: Queryable, voucherId: string, nowMs: number): Promise<void> {
  const [voucher] = await tx.query<{ state: string }>('SELECT state FROM vouchers WHERE id = $1', [voucherId]);
  if (voucher.state !== 'DISPUTED') {
    await tx.query(`UPDATE vouchers SET state = 'DISPUTED' WHERE id = $1`, [voucherId]);
    await setDenial(tx, voucherId, 'disputed', true, nowMs);
  }
}

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
  await keepLost(tx, device, payload, { voucherId: winner.voucher_id, campaignId, memberId: null }, nowMs);
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
  await disputeVoucher(tx, winner.voucher_id, nowMs);
  return { code: 'redemption_conflict_lost', params: { store: winner.store_name, at }, conflict: true };
}

/**
 * The till decided alone on a coupon whose member rule the platform cannot honour (no member on
 * the sale, a lower tier, a returning customer, past the per-member limit): the sale stands, the
 * loss is recorded with the refusal for the manager to see, and the voucher is DISPUTED. Never
 * counted toward the member's limit, so a retry finds it lost, not used twice.
 */
async function loseToMemberRule(
  tx: Queryable,
  device: Device,
  payload: PayloadOf<'voucher.redeemed'>,
  lost: LostVoucher,
  rule: AudienceRefusal,
  nowMs: number,
): Promise<ApplyRefusal> {
  await keepLost(tx, device, payload, lost, nowMs);
  await tx.query(
    `INSERT INTO loss_events (store_id, id, voucher_id, device_id, amount, decided_at, recorded_at, reason, refusal,
       member_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'member_rule', $8::jsonb, $9) ON CONFLICT (id) DO NOTHING`,
    [
      device.storeId,
      payload.redemptionId,
      lost.voucherId,
      device.deviceId,
      payload.amount,
      payload.decidedAt,
      nowMs,
      JSON.stringify(rule),
      lost.memberId,
    ],
  );
  await disputeVoucher(tx, lost.voucherId, nowMs);
  return { code: rule.code, params: rule.params, conflict: true };
}

/** A lost redemption pushed again answers what it answered the first time. */
async function lostAgain(
  tx: Queryable,
  device: Device,
  payload: PayloadOf<'voucher.redeemed'>,
  existing: RedemptionRow,
  nowMs: number,
): Promise<ApplyRefusal> {
  const [loss] = await tx.query<{ winner_redemption_id: string | null; refusal: AudienceRefusal | null }>(
    'SELECT winner_redemption_id, refusal FROM loss_events WHERE id = $1',
    [existing.id],
  );
  if (loss?.refusal) return { code: loss.refusal.code, params: loss.refusal.params, conflict: true };
  const winner = loss?.winner_redemption_id ? await redemptionById(tx, loss.winner_redemption_id) : null;
  if (winner) return loseConflict(tx, device, payload, winner, existing.campaign_id, nowMs);
  return { code: 'redemption_state', params: { id: existing.id, state: existing.state, step: 'captured' } };
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
  if (existing?.state === 'CONFLICT_LOST') return lostAgain(tx, device, payload, existing, nowMs);
  if (existing) {
    const broken = await holdsSaleMember(tx, device, payload, existing);
    if (broken) return loseToMemberRule(tx, device, payload, broken.lost, broken.rule, nowMs);
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
    // Judged by the member the sale names here, whatever the till knew when it decided alone.
    const memberId = needsMember(judged.campaign) ? await saleMemberOf(tx, device.storeId, payload.orderId) : null;
    const ask = { memberId, storeId: device.storeId, orderId: payload.orderId, except: payload.redemptionId };
    const rule = await memberRuleRefusal(tx, judged.campaign, ask);
    if (rule) {
      const lost = { voucherId: judged.voucher.id, campaignId: judged.campaign.id, memberId };
      return loseToMemberRule(tx, device, payload, lost, rule, nowMs);
    }
    await takeVoucher(
      tx,
      judged,
      { id: payload.redemptionId, digest: '', device, ...payload, mode: 'offline', state: 'CAPTURED', memberId },
      nowMs,
    );
    return null;
  } catch (error) {
    if (error instanceof ApiError) return refusal(error);
    throw error;
  }
}

/**
 * A hold taken for one member captures for a sale that names that member. A sale that names another
 * member, or none, is judged again by the member it names (the till's word at the hold is not the
 * sale's); a rule that then fails makes the redemption a loss instead of a capture.
 */
async function holdsSaleMember(
  tx: Queryable,
  device: Device,
  payload: PayloadOf<'voucher.redeemed'>,
  hold: RedemptionRow,
): Promise<{ rule: AudienceRefusal; lost: LostVoucher } | null> {
  if (hold.state !== 'HELD' && hold.state !== 'RELEASED') return null;
  const campaign = await campaignById(tx, hold.campaign_id);
  if (!needsMember(campaign)) return null;
  const memberId = await saleMemberOf(tx, device.storeId, payload.orderId);
  if (memberId === hold.member_id && hold.order_id === payload.orderId) return null;
  const ask = { memberId, storeId: device.storeId, orderId: payload.orderId, except: hold.id };
  const rule = await memberRuleRefusal(tx, campaign, ask);
  if (!rule) {
    await tx.query('UPDATE redemptions SET member_id = $2 WHERE id = $1', [hold.id, memberId]);
    return null;
  }
  return { rule, lost: { voucherId: hold.voucher_id, campaignId: hold.campaign_id, memberId } };
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
