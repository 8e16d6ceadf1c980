import { z } from 'zod';
import { BusinessDay } from '../business-day';
import { OrderId } from '../ids';
import { Money } from '../money';
import { Campaign, VoucherType } from '../vouchers/campaign';
import { RedemptionState } from '../vouchers/redemption-state';
import { ScannedCode, VoucherIdHex } from '../vouchers/redemption-wire';
import { method } from './define';
import { OrderDetail } from './orders';

export { RedemptionState };

export const LossResolution = z.enum(['absorbed', 'recovered', 'written_off']);
export type LossResolution = z.infer<typeof LossResolution>;

/** A voucher judged genuine and usable here, with what the cart needs to price it. */
export const ScannedVoucher = z.object({
  voucherId: VoucherIdHex,
  /** The CP1 text, whatever form was scanned (decimal wedge form, short group-buy code). */
  code: z.string(),
  value: z.number().int(),
  expires: z.number().int(),
  /** A short-lived presentation token from the customer's app, not a printed voucher. */
  presentation: z.boolean(),
  campaign: Campaign,
  /** The platform answered for it just now; false: judged on this till alone. */
  checkedOnline: z.boolean(),
});
export type ScannedVoucher = z.infer<typeof ScannedVoucher>;

export const RedemptionRow = z.object({
  id: z.uuid(),
  voucherId: VoucherIdHex,
  campaignName: z.string(),
  type: VoucherType,
  amount: Money,
  state: RedemptionState,
  orderId: z.uuid().nullable(),
  orderNumber: z.string().nullable(),
  /** Unix ms on this till. */
  decidedAt: z.number().int(),
  /** When the platform's answer arrived. */
  settledAt: z.number().int().nullable(),
  refusal: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** CONFLICT_LOST: who won. */
  conflict: z.object({ storeName: z.string(), at: z.number().int() }).nullable(),
  resolution: LossResolution.nullable(),
  staffName: z.string(),
});
export type RedemptionRow = z.infer<typeof RedemptionRow>;

/** What this till has redeemed on its own word and the platform has not yet confirmed. */
export const OfflineExposure = z.object({
  count: z.number().int(),
  value: Money,
  /** Offline redemptions in a row since the last one the platform answered. */
  consecutive: z.number().int(),
  deviceLimit: Money,
  storeLimit: Money,
  hardConsecutive: z.number().int(),
  /** Unix ms of the last successful pull; offline redemption stops when it is too old. */
  lastPullAt: z.number().int().nullable(),
  lossCount: z.number().int(),
  lossValue: Money,
});
export type OfflineExposure = z.infer<typeof OfflineExposure>;

export const SampleVoucher = z.object({
  campaignName: z.string(),
  type: VoucherType,
  value: z.number().int(),
  code: z.string(),
  expires: z.number().int(),
});
export type SampleVoucher = z.infer<typeof SampleVoucher>;

export const voucherMethods = {
  /** Judge a scanned code: online first (within about 1.5 s), else on this till's keys and lists. */
  'vouchers.check': method({
    input: z.object({ code: ScannedCode }),
    output: ScannedVoucher,
    access: 'sell',
    mutates: false,
    platformFirst: true,
  }),
  /** 团购核销: a group-buy voucher becomes a `group_buy` order for its set menu, paid by the platform. */
  'vouchers.redeemGroupBuy': method({
    input: z.object({ orderId: OrderId, redemptionId: z.uuid(), code: ScannedCode }),
    output: z.object({ order: OrderDetail, replayed: z.boolean() }),
    access: 'sell',
    mutates: true,
    platformFirst: true,
  }),
  'vouchers.redemptions': method({
    input: z.object({
      filter: z.enum(['attention', 'provisional', 'all']).default('attention'),
      businessDay: BusinessDay.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ redemptions: z.array(RedemptionRow), exposure: OfflineExposure }),
    access: 'reports.view',
    mutates: false,
  }),
  /** Close a lost redemption: the store absorbed it, got it back from the customer, or wrote it off. */
  'vouchers.resolve': method({
    input: z.object({
      redemptionId: z.uuid(),
      resolution: LossResolution,
      note: z.string().trim().max(200).default(''),
    }),
    output: RedemptionRow,
    access: 'risk.manage',
    mutates: true,
  }),
  /** The demo store's vouchers, one per campaign type, to scan on the first day. */
  'vouchers.samples': method({
    input: z.object({}),
    output: z.object({ vouchers: z.array(SampleVoucher) }),
    access: 'sell',
    mutates: false,
  }),
};
