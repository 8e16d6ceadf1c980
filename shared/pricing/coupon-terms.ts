import type { Text } from '../errors';
import type { Campaign } from '../vouchers/campaign';
import type { AudienceRefusal, CouponMember } from '../vouchers/campaign-audience';
import type { VoucherType } from '../vouchers/cp1';

/**
 * A voucher the caller has already judged genuine (signature, dates, store, deny list), with its
 * campaign's rules: what the pure pricing engine needs to work out what it takes off.
 */
export type CouponForPricing = {
  redemptionId: string;
  voucherId: string;
  /** The signed value of the voucher: minor units, or basis points off for percent_off. */
  value: number;
  campaign: Campaign;
};

export type CouponPricingContext = {
  /** Keyed by the cart's redemption ids; a cart coupon with no entry here is refused as unknown. */
  coupons: ReadonlyMap<string, CouponForPricing>;
  /** Scope facts of the cart's products: SKU and category (Chinese name, as campaigns name them). */
  products: ReadonlyMap<string, { sku: string; categoryZh: string; nameZh: string; nameEn: string }>;
  /** The store's local time, for 限时 windows. */
  localTime: { weekday: number; minute: number };
  /**
   * Names of campaigns' free items by SKU, so a refusal can name an item that is not on the cart
   * yet; without an entry the refusal shows the SKU.
   */
  freeItems?: ReadonlyMap<string, { nameZh: string; nameEn: string }>;
  /**
   * The sale's member for member-only, new-customer and per-member rules: null when the sale has
   * none. Absent only in a preview that does not know the member's facts: the rules then wait for
   * the core, which always says.
   */
  member?: CouponMember | null;
};

/** Why the engine takes nothing off for a coupon; codes are error codes with their own messages. */
export type CouponRefusal =
  | { code: 'voucher_campaign_unknown'; params: Record<string, never> }
  | { code: 'voucher_campaign_inactive'; params: { campaign: string } }
  | { code: 'voucher_duplicate'; params: Record<string, never> }
  | { code: 'voucher_group_buy_at_redeem'; params: Record<string, never> }
  | { code: 'voucher_outside_hours'; params: { campaign: string; hours: string } }
  | { code: 'voucher_not_combinable'; params: { campaign: string; other: string } }
  | { code: 'voucher_per_order_limit'; params: { campaign: string; max: number } }
  | { code: 'voucher_nothing_in_scope'; params: { campaign: string } }
  /** Amounts in minor units here; the caller formats them for the reader. */
  | { code: 'voucher_below_min_spend'; params: { campaign: string; minSpend: number; spend: number } }
  | { code: 'voucher_free_item_missing'; params: { campaign: string; item: Text } }
  | AudienceRefusal;

export type CouponOutcome = {
  redemptionId: string;
  voucherId: string | null;
  campaignId: number | null;
  campaignName: string | null;
  type: VoucherType | null;
  /** Taken off the order, minor units; 0 when refused. */
  amount: number;
  refusal: CouponRefusal | null;
};
