import { type ErrorCode, errorMessage } from '../../../shared/errors';
import type { PricedCart } from '../../../shared/pricing/price-cart';
import { useLocale } from '../../i18n/use-locale';
import { refusalParams } from './cart-coupons';
import type { CartState } from './cart-model';
import { useAmount } from './checkout-format';

/**
 * Why a coupon on the sale takes nothing, in the cashier's language, or null: the core's refusal
 * at payment first, else the pricing engine's (below the minimum spend, a member rule, …).
 */
export function useCouponReason(state: CartState, priced: PricedCart): (redemptionId: string) => string | null {
  const { locale } = useLocale();
  const amount = useAmount();
  return (redemptionId) => {
    const coreRefusal = state.refusals[redemptionId];
    if (coreRefusal) return coreRefusal;
    const refusal = priced.coupons.find((each) => each.redemptionId === redemptionId)?.refusal;
    return refusal ? errorMessage(refusal.code as ErrorCode, refusalParams(refusal, amount), locale) : null;
  };
}
