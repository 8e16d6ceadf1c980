import { z } from 'zod';
import { Campaign, VoucherDenial, VoucherPolicy } from '../vouchers/campaign';
import { VoucherKeyWire } from '../vouchers/redemption-wire';
import { syncDomain } from './sync-domain';

/**
 * A voucher used at this till. `online`: the platform already holds it for this redemption id and
 * the push captures it; `offline`: decided here within the risk limits, and the first to reach the
 * platform wins (a loser comes back CONFLICT `redemption_conflict_lost`).
 */
export const VoucherRedeemedPayload = z.object({
  redemptionId: z.uuid(),
  voucherId: z.string().regex(/^[0-9a-f]{24}$/),
  code: z.string().min(1).max(2_000),
  orderId: z.uuid(),
  amount: z.number().int().min(0),
  decidedAt: z.number().int(),
  mode: z.enum(['online', 'offline']),
});
export type VoucherRedeemedPayload = z.infer<typeof VoucherRedeemedPayload>;

/** A refund gave the voucher back; the platform honours it within the campaign's reversal window. */
export const VoucherReversedPayload = z.object({
  redemptionId: z.uuid(),
  refundId: z.uuid(),
  at: z.number().int(),
  reason: z.string().min(1).max(200),
});
export type VoucherReversedPayload = z.infer<typeof VoucherReversedPayload>;

/**
 * What a till needs to judge vouchers on its own (keys by `kid`, campaigns by number, deny-list
 * entries by voucher id, and this store's one policy, id `store`), and the redemptions it pushes.
 */
export const voucherSync = syncDomain({
  streams: {
    voucher_keys: { item: VoucherKeyWire, words: { en: 'voucher signing keys', 'zh-CN': '券签名密钥' } },
    campaigns: { item: Campaign, words: { en: 'campaigns', 'zh-CN': '营销活动' } },
    voucher_denials: { item: VoucherDenial, words: { en: 'voucher deny list', 'zh-CN': '券黑名单' } },
    voucher_policy: { item: VoucherPolicy, words: { en: 'offline voucher limits', 'zh-CN': '离线核销限额' } },
  },
  mutations: {
    'voucher.redeemed': VoucherRedeemedPayload,
    'voucher.reversed': VoucherReversedPayload,
  },
  // A redemption's state moved (the platform confirmed or refused an offline one).
  events: {
    'vouchers.changed': ['vouchers.', 'orders.', 'sync.'],
  },
});
