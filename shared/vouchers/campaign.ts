import { z } from 'zod';
import { CampaignAudience } from './campaign-audience';
import { voucherTypes } from './cp1';

export const VoucherType = z.enum(voucherTypes);

/** A weekly window in the store's local time (限时): weekdays 0 = Sunday … 6, minutes of the day. */
export const TimeWindow = z
  .object({
    weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    fromMinute: z.number().int().min(0).max(1439),
    toMinute: z.number().int().min(1).max(1440),
  })
  .refine((w) => w.fromMinute < w.toMinute, { message: 'fromMinute must come before toMinute' });
export type TimeWindow = z.infer<typeof TimeWindow>;

/**
 * A campaign's rules (DOMAIN.md, Coupons). The signed voucher carries type and value; everything
 * else comes from here, pulled by every till so it can price a coupon offline.
 */
export const CampaignRules = z.object({
  /** In-scope spend the cart must reach, minor units (满减's threshold). */
  minSpend: z.number().int().min(0).default(0),
  /** percent_off: the most it takes off, minor units; null for no cap. */
  cap: z.number().int().min(1).nullable().default(null),
  /** Goods in scope by SKU; with `categories` empty too, every item is in scope. */
  skus: z.array(z.string().min(1).max(64)).max(500).default([]),
  /** Categories in scope by their Chinese name, as the franchise catalog spells them. */
  categories: z.array(z.string().min(1).max(64)).max(100).default([]),
  /** free_item: the item given; group_buy: the set menu the voucher buys. */
  itemSku: z.string().min(1).max(64).nullable().default(null),
  /** Empty: any time within the campaign's dates. */
  windows: z.array(TimeWindow).max(14).default([]),
  /** Combines with no other coupon on the order. */
  exclusive: z.boolean().default(false),
  /** Coupons of one stacking group never combine with each other; null: no group. */
  stackingGroup: z.string().min(1).max(40).nullable().default(null),
  /** Vouchers of this campaign one order may carry. */
  maxPerOrder: z.number().int().min(1).max(20).default(1),
  /** Redemptions per customer across the campaign, counted by the platform; null: no limit. */
  perCustomerLimit: z.number().int().min(1).nullable().default(null),
  /** Who may use it: anyone, members (of a tier or above), or new customers (campaign-audience.ts). */
  audience: CampaignAudience.default({ kind: 'everyone' }),
  /** Redemptions per member across the campaign, counted by the platform by member id; null: no limit. */
  perMemberLimit: z.number().int().nullable().default(null),
  /** A till may redeem it without reaching the platform, within the risk limits. */
  offlineAllowed: z.boolean().default(false),
  /** How long after redemption a refund gives the voucher back. */
  reversalWindowHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 90)
    .default(72),
});
export type CampaignRules = z.infer<typeof CampaignRules>;

export const Campaign = z.object({
  /** The platform's campaign number, as in the voucher's claims. */
  id: z.number().int().positive(),
  name: z.string().min(1).max(80),
  type: VoucherType,
  /** Minor units off, or basis points off for percent_off (2,000 = 20 % off, 八折). */
  value: z.number().int().min(0),
  /** Unix seconds; vouchers issued carry these as not_before and expires. */
  validFrom: z.number().int(),
  validTo: z.number().int(),
  active: z.boolean(),
  rules: CampaignRules,
  /**
   * group_buy: what the platform pays the store per voucher redeemed (≤ value; the rest is the
   * platform's commission). Null for every other type, and from a platform before settlement terms.
   */
  settlementPrice: z.number().int().min(0).nullable().optional(),
});
export type Campaign = z.infer<typeof Campaign>;

/**
 * Offline redemption limits (PROTOCOL.md, modelled on card floor limits), sent down per store.
 * Money in minor units, times in seconds.
 */
export const RiskLimits = z.object({
  /** Highest face value one offline redemption may take. */
  floorPerRedemption: z.number().int().min(0).default(5_000),
  /** Printed long-lived vouchers (no presentation nonce) have a stricter floor. */
  printedFloor: z.number().int().min(0).default(2_000),
  /** Offline redemptions in a row on one device: past the soft limit try online first, the hard one stops. */
  softConsecutive: z.number().int().min(0).default(20),
  hardConsecutive: z.number().int().min(0).default(50),
  deviceOfflineTotal: z.number().int().min(0).default(100_000),
  storeOfflineTotal: z.number().int().min(0).default(300_000),
  /** No offline redemption once the last successful pull is older than this. */
  maxSincePullSeconds: z
    .number()
    .int()
    .min(0)
    .default(24 * 3600),
});
export type RiskLimits = z.infer<typeof RiskLimits>;

/** What a till needs to judge vouchers for its store: its number in voucher scopes and its limits. */
export const VoucherPolicy = z.object({ storeNumber: z.number().int().positive(), limits: RiskLimits });
export type VoucherPolicy = z.infer<typeof VoucherPolicy>;

export const DenialReason = z.enum(['redeemed', 'blocked', 'revoked', 'disputed']);
export type DenialReason = z.infer<typeof DenialReason>;

/** A deny-list entry; `denied: false` lifts it again (a reversed redemption). */
export const VoucherDenial = z.object({
  voucherId: z.string().regex(/^[0-9a-f]{24}$/),
  reason: DenialReason,
  denied: z.boolean(),
  at: z.number().int(),
});
export type VoucherDenial = z.infer<typeof VoucherDenial>;
