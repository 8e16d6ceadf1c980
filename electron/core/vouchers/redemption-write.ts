import type { StoreInfo } from '../../../shared/contract/store';
import { AppError } from '../../../shared/errors';
import { VoucherRedeemedPayload } from '../../../shared/sync/mutations';
import type { HandlerContext } from '../handler-context';
import { requireSession } from '../handler-context';
import { enqueue } from '../sync/outbox';
import type { Decided } from './redemption-decision';
import { usedHere, writeRedemption } from './redemption-records';
import type { JudgedVoucher } from './voucher-judge';
import { momentText } from './voucher-text';

/**
 * The deny list only learns of a redemption once the platform has it; this till's own uses are
 * known at once, so the same voucher is never taken twice here, online or not.
 */
export function refuseUsedHere(ctx: HandlerContext, store: StoreInfo, voucher: JudgedVoucher): void {
  const used = usedHere(ctx.db, voucher.claims.voucherId);
  if (used) {
    throw new AppError('voucher_already_redeemed', {
      store: store.name,
      at: momentText(used.decided_at, store.timeZone),
    });
  }
}

/**
 * In the order's transaction: each redemption row with its order, and its `voucher.redeemed` for
 * the platform with the full payload (the outbox id is the redemption id, the idempotency key).
 */
export function writeRedemptions(ctx: HandlerContext, store: StoreInfo, orderId: string, decided: Decided[]): void {
  const session = requireSession(ctx);
  for (const d of decided) {
    const written = writeRedemption(ctx.db, {
      id: d.redemptionId,
      voucherId: d.voucher.claims.voucherId,
      campaignId: d.voucher.campaign.id,
      campaignName: d.voucher.campaign.name,
      type: d.voucher.claims.type,
      code: d.voucher.code,
      amount: d.amount,
      state: d.state,
      mode: d.mode,
      orderId,
      staffId: session.staffId,
      businessDay: store.businessDay,
      decidedAt: ctx.now,
      refusalCode: null,
      refusalParams: null,
    });
    if (!written) throw new AppError('id_reused', { what: { en: 'redemption', 'zh-CN': '核销' } });
    enqueue(ctx.db, {
      id: d.redemptionId,
      type: 'voucher.redeemed',
      payload: VoucherRedeemedPayload.parse({
        redemptionId: d.redemptionId,
        voucherId: d.voucher.claims.voucherId,
        code: d.voucher.code,
        orderId,
        amount: d.amount,
        decidedAt: ctx.now,
        mode: d.mode,
      }),
      now: ctx.now,
    });
  }
}

/** What the audit entry says about each voucher of the call. */
export function auditCoupons(decided: Decided[]) {
  return decided.map((d) => ({
    redemptionId: d.redemptionId,
    voucherId: d.voucher.claims.voucherId,
    campaign: d.voucher.campaign.name,
    amount: d.amount,
    state: d.state,
    mode: d.mode,
    ...(d.pastSoftLimit ? { note: 'past the soft limit of offline redemptions in a row' } : {}),
  }));
}
