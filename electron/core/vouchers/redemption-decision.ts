import type { StoreInfo } from '../../../shared/contract/store';
import { AppError } from '../../../shared/errors';
import { decideOffline, faceValueOf, offlineLimitText } from '../../../shared/vouchers/offline-decision';
import { appendAudit } from '../audit/audit-chain';
import type { HandlerContext } from '../handler-context';
import { requireSession } from '../handler-context';
import { lastPullAt, readLastProblem } from '../sync/sync-records';
import { platformRefusalError } from './platform-refusal';
import { offlineCounters, writeRedemption } from './redemption-records';
import type { JudgedVoucher } from './voucher-judge';
import { readVoucherPolicy } from './voucher-tables';
import { moneyParam } from './voucher-text';

export type Decided = {
  redemptionId: string;
  voucher: JudgedVoucher;
  amount: number;
  state: 'CONFIRMED' | 'OFFLINE_PROVISIONAL';
  mode: 'online' | 'offline';
  /** Offline past the soft consecutive limit: allowed, but the audit says so. */
  pastSoftLimit: boolean;
};

/** Offline redemptions already decided in this call, so two coupons of one order count together. */
export type OfflineTally = { count: number; value: number };

/**
 * One redemption's decision (PROTOCOL.md): the platform held it → CONFIRMED; the platform refused →
 * the attempt is kept as REJECTED (in its own transaction, as the call's is rolled back) and the
 * refusal thrown; no answer → the offline decision within the risk limits.
 */
export function decideRedemption(
  ctx: HandlerContext,
  store: StoreInfo,
  take: { redemptionId: string; voucher: JudgedVoucher; amount: number },
  tally: OfflineTally,
): Decided {
  const answer = ctx.online.vouchers.redemptions.get(take.redemptionId);
  if (answer?.kind === 'held') return { ...take, state: 'CONFIRMED', mode: 'online', pastSoftLimit: false };
  if (answer?.kind === 'refused') {
    const error = platformRefusalError(answer, store.timeZone);
    const session = requireSession(ctx);
    ctx.onRefused(() => {
      writeRedemption(ctx.db, {
        id: take.redemptionId,
        voucherId: take.voucher.claims.voucherId,
        campaignId: take.voucher.campaign.id,
        campaignName: take.voucher.campaign.name,
        type: take.voucher.claims.type,
        code: take.voucher.code,
        amount: take.amount,
        state: 'REJECTED',
        mode: 'online',
        orderId: null,
        staffId: session.staffId,
        businessDay: store.businessDay,
        decidedAt: ctx.now,
        refusalCode: error.code,
        refusalParams: error.params,
      });
      appendAudit(ctx.db, ctx.auditKey, {
        at: ctx.now,
        action: 'voucher.refusedOnline',
        staffId: session.staffId,
        staffName: session.name,
        approverId: null,
        approverName: null,
        subject: `redemption:${take.redemptionId}`,
        detail: {
          voucherId: take.voucher.claims.voucherId,
          campaign: take.voucher.campaign.name,
          amount: take.amount,
          code: error.code,
        },
      });
    });
    throw error;
  }
  const policy = readVoucherPolicy(ctx.db);
  if (!policy) throw new AppError('voucher_no_keys');
  const counters = offlineCounters(ctx.db);
  const decision = decideOffline({
    limits: policy.limits,
    campaignOfflineAllowed: take.voucher.campaign.rules.offlineAllowed,
    voucherOfflineAllowed: take.voucher.offlineAllowed,
    amount: take.amount,
    faceValue: faceValueOf(
      take.voucher.claims.type,
      take.voucher.claims.value,
      take.voucher.campaign.rules.cap,
      take.amount,
    ),
    printed: take.voucher.printed,
    consecutive: counters.consecutive + tally.count,
    unconfirmed: counters.unconfirmed + tally.value,
    lastPullAt: lastPullAt(ctx.db),
    now: ctx.now,
    clockDoubted: ctx.online.clockDoubted || syncSaysClockIsOff(ctx),
  });
  if (!decision.ok) {
    if (decision.code === 'voucher_offline_not_allowed') {
      throw new AppError('voucher_offline_not_allowed', { campaign: take.voucher.campaign.name });
    }
    const money = (amount: number) => moneyParam(amount, store.currency);
    throw new AppError(
      'voucher_offline_limit',
      { limit: offlineLimitText(decision.limit, policy.limits, money) },
      { limit: decision.limit },
    );
  }
  tally.count += 1;
  tally.value += take.amount;
  return { ...take, state: 'OFFLINE_PROVISIONAL', mode: 'offline', pastSoftLimit: decision.pastSoftLimit };
}

/** The background sync's last problem: the platform refused this till's clock. */
function syncSaysClockIsOff(ctx: HandlerContext): boolean {
  const problem = readLastProblem(ctx.db);
  return problem?.kind === 'refused' && problem.code === 'timestamp_stale';
}
