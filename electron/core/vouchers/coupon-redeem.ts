import type { StoreInfo } from '../../../shared/contract/store';
import type { PricedCart } from '../../../shared/pricing/price-cart';
import type { HandlerContext } from '../handler-context';
import { type CouponSetup, couponRefusalError } from './coupon-context';
import { type Decided, decideRedemption, type OfflineTally } from './redemption-decision';

/**
 * The cart's coupons after pricing: a coupon the engine refused stops the sale with its reason
 * (the screen re-prices and the cashier removes it); the rest are decided online or offline.
 */
export function decideCoupons(
  ctx: HandlerContext,
  store: StoreInfo,
  priced: PricedCart,
  setup: CouponSetup,
): Decided[] {
  for (const outcome of priced.coupons) {
    if (outcome.refusal) throw couponRefusalError(outcome.refusal, store.currency);
  }
  const tally: OfflineTally = { count: 0, value: 0 };
  return priced.coupons.map((outcome) => {
    const voucher = setup.judged.get(outcome.redemptionId);
    if (!voucher) throw new Error('a priced coupon was not judged');
    return decideRedemption(ctx, store, { redemptionId: outcome.redemptionId, voucher, amount: outcome.amount }, tally);
  });
}
