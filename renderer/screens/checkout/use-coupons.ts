import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/client';
import { errorMessage } from '../../../shared/errors';
import { uuidv7 } from '../../../shared/ids';
import { useApiQuery } from '../../api/use-api';
import { useNow } from '../../hooks/use-now';
import { useLocale } from '../../i18n/use-locale';
import { useVoucherCheck } from '../../vouchers/use-voucher-check';
import {
  addCoupon,
  couponContext,
  markCouponRefused,
  maxCoupons,
  refusedCoupon,
  removeCoupon,
  setCouponVoucher,
} from './cart-coupons';
import { cartStore, useCartState } from './cart-store';
import type { ScanState } from './scan-state';
import { useCouponMember } from './use-coupon-member';

const ids = { cartId: () => uuidv7(), redemptionId: () => uuidv7() };

/**
 * Coupons on the sale: a scanned code is checked by the core, then goes on the cart with its own
 * redemption id; the pricing context is rebuilt as the cart, the catalog, the member's standing or
 * the minute changes.
 */
export function useCoupons(setScan: (scan: ScanState) => void) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const check = useVoucherCheck();
  const state = useCartState();
  const categories = useApiQuery('catalog.listCategories', {});
  const minute = Math.floor(useNow(30_000) / 60_000);
  const rechecking = useRef(new Set<string>());

  const categoryNames = useMemo(
    () => new Map((categories.data?.categories ?? []).map((category) => [category.id as string, category.nameZh])),
    [categories.data],
  );
  const member = useCouponMember(state);
  const context = useMemo(
    () => couponContext(state, categoryNames, new Date(minute * 60_000), member),
    [state, categoryNames, minute, member],
  );

  const scanVoucher = async (code: string) => {
    setScan({ kind: 'checking' });
    const answer = await check(code);
    if (answer.kind === 'refused') {
      setScan({ kind: 'failed', message: answer.message });
      return;
    }
    const added = addCoupon(cartStore.get(), answer.voucher, ids);
    switch (added.kind) {
      case 'added':
        cartStore.set(added.state);
        setScan({ kind: 'coupon', voucher: answer.voucher });
        return;
      case 'duplicate':
        setScan({ kind: 'failed', message: errorMessage('voucher_duplicate', {}, locale) });
        return;
      case 'groupBuy':
        setScan({ kind: 'failed', message: errorMessage('voucher_group_buy_at_redeem', {}, locale) });
        return;
      case 'full':
        setScan({ kind: 'failed', message: t('voucher.coupons.full', { max: maxCoupons }) });
        return;
      default:
        added satisfies never;
    }
  };

  // A resumed sale brings its coupons' codes only; each is checked again to know its campaign.
  const missing = state.cart.coupons.filter(
    (coupon) => !state.vouchers[coupon.redemptionId] && !state.refusals[coupon.redemptionId],
  );
  useEffect(() => {
    for (const coupon of missing) {
      if (rechecking.current.has(coupon.redemptionId)) continue;
      rechecking.current.add(coupon.redemptionId);
      void check(coupon.code).then((answer) => {
        rechecking.current.delete(coupon.redemptionId);
        cartStore.update((current) =>
          answer.kind === 'ok'
            ? setCouponVoucher(current, coupon.redemptionId, answer.voucher)
            : markCouponRefused(current, coupon.redemptionId, answer.message),
        );
      });
    }
  }, [missing, check]);

  /** A refusal at payment names the coupon it is about; it is marked so the cashier can take it off. */
  const onPaymentError = (error: unknown) => {
    if (!(error instanceof ApiError) || cartStore.get().cart.coupons.length === 0) return;
    if (!/^(voucher_|token_|customer_limit|redemption_)/.test(error.code)) return;
    const redemptionId = refusedCoupon(cartStore.get(), error.details, error.message);
    if (redemptionId) cartStore.update((current) => markCouponRefused(current, redemptionId, error.message));
  };

  return {
    context,
    scanVoucher: (code: string) => void scanVoucher(code),
    remove: (redemptionId: string) => cartStore.update((current) => removeCoupon(current, redemptionId)),
    onPaymentError,
  };
}
