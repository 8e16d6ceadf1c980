import { AppError } from '../../../shared/errors';
import { namedStatements } from '../db/open-database';
import type { Handler } from '../handler-context';
import { requireSession } from '../handler-context';
import { requireStore } from '../store/store-records';
import { redeemGroupBuy } from './group-buy';
import { listRedemptions, offlineExposure, readRedemptionRow } from './redemption-list';
import { readRedemption } from './redemption-records';
import { judgeFully, toScannedVoucher } from './voucher-check';

const statements = namedStatements({
  resolve: `UPDATE redemptions SET state = 'RESOLVED', resolution = @resolution, resolved_by = @staffId,
      resolved_at = @now, resolution_note = @note WHERE id = @id AND state = 'CONFLICT_LOST'`,
});

const stateNames = {
  LOCAL_PENDING: { en: 'waiting for the platform', 'zh-CN': '待平台处理' },
  CONFIRMED: { en: 'confirmed', 'zh-CN': '已确认' },
  REJECTED: { en: 'refused', 'zh-CN': '已拒绝' },
  UNKNOWN: { en: 'unknown', 'zh-CN': '未知' },
  OFFLINE_PROVISIONAL: { en: 'provisional (offline)', 'zh-CN': '临时核销（离线）' },
  CONFLICT_LOST: { en: 'lost to another redemption', 'zh-CN': '冲突失败' },
  RESOLVED: { en: 'resolved', 'zh-CN': '已处理' },
  REVERSED: { en: 'given back', 'zh-CN': '已退回' },
} as const;

export const voucherHandlers: {
  'vouchers.check': Handler<'vouchers.check'>;
  'vouchers.redeemGroupBuy': Handler<'vouchers.redeemGroupBuy'>;
  'vouchers.redemptions': Handler<'vouchers.redemptions'>;
  'vouchers.resolve': Handler<'vouchers.resolve'>;
} = {
  'vouchers.check': (ctx, input) => {
    const store = requireStore(ctx.db, ctx.now);
    const { voucher, status } = judgeFully(ctx, store, input.code);
    return toScannedVoucher(voucher, status !== null);
  },

  'vouchers.redeemGroupBuy': (ctx, input) => redeemGroupBuy(ctx, input),

  'vouchers.redemptions': (ctx, input) => ({
    redemptions: listRedemptions(ctx.db, input, ctx.locale),
    exposure: offlineExposure(ctx.db),
  }),

  /** Only a lost redemption is closed this way; every other state is the platform's to move. */
  'vouchers.resolve': (ctx, input) => {
    const session = requireSession(ctx);
    const record = readRedemption(ctx.db, input.redemptionId);
    if (!record) throw new AppError('redemption_not_found', { id: input.redemptionId });
    if (record.state !== 'CONFLICT_LOST') {
      throw new AppError('redemption_not_lost', { state: stateNames[record.state] });
    }
    statements(ctx.db).resolve.run({
      id: record.id,
      resolution: input.resolution,
      staffId: session.staffId,
      now: ctx.now,
      note: input.note,
    });
    ctx.describe(`redemption:${record.id}`, {
      from: record.state,
      resolution: input.resolution,
      note: input.note,
      amount: record.amount,
      voucherId: record.voucher_id,
    });
    ctx.emit({ type: 'vouchers.changed' });
    const row = readRedemptionRow(ctx.db, record.id, ctx.locale);
    if (!row) throw new Error('redemption vanished inside its own transaction');
    return row;
  },
};
