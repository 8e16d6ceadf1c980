import { CloseOutlined, GiftOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PricedCart } from '../../../shared/pricing/price-cart';
import { useVoucherValueText } from '../../vouchers/use-voucher-text';
import type { CartState } from './cart-model';
import { useAmount } from './checkout-format';
import { useCouponReason } from './use-coupon-reason';
import './cart.css';

type CouponListProps = { state: CartState; priced: PricedCart; onRemove(redemptionId: string): void };

/**
 * The coupons on the sale, each with what it takes off, or in red why it takes nothing: the engine's
 * reason (below the minimum spend, …) or the core's refusal at payment (already redeemed, …).
 */
export function CouponList({ state, priced, onRemove }: CouponListProps) {
  const { t } = useTranslation();
  const amount = useAmount();
  const valueText = useVoucherValueText();
  const reasonOf = useCouponReason(state, priced);
  if (state.cart.coupons.length === 0) return null;
  return (
    <section className="cart-coupons" aria-label={t('voucher.coupons.title')} data-testid="cart-coupons">
      <div className="cart-coupons-title">
        <GiftOutlined /> {t('voucher.coupons.title')}
      </div>
      <ul>
        {state.cart.coupons.map((coupon) => {
          const voucher = state.vouchers[coupon.redemptionId];
          const outcome = priced.coupons.find((each) => each.redemptionId === coupon.redemptionId);
          const reason = reasonOf(coupon.redemptionId);
          const taken = state.refusals[coupon.redemptionId] ? 0 : (outcome?.amount ?? 0);
          return (
            <li
              key={coupon.redemptionId}
              className={reason ? 'cart-coupon refused' : 'cart-coupon'}
              data-testid="coupon-row"
              data-redemption-id={coupon.redemptionId}
              data-refused={reason ? 'true' : 'false'}
            >
              <span className="cart-coupon-names">
                <span className="cart-coupon-name" title={voucher?.campaign.name}>
                  {voucher?.campaign.name ?? t('voucher.coupons.checking')}
                </span>
                <span className="cart-coupon-value">
                  {voucher ? valueText(voucher.campaign.type, voucher.value, voucher.campaign.rules) : ''}
                  {voucher && !voucher.checkedOnline ? (
                    <Tag color="gold" className="cart-coupon-tag">
                      {t('voucher.coupons.checkedHere')}
                    </Tag>
                  ) : null}
                </span>
                {reason ? (
                  <span className="cart-coupon-reason" data-testid="coupon-refusal">
                    {reason}
                  </span>
                ) : null}
              </span>
              <span className="cart-coupon-amount" data-testid="coupon-amount">
                {taken > 0 ? `−${amount(taken)}` : amount(0)}
              </span>
              <Tooltip title={t('voucher.coupons.remove')} mouseEnterDelay={0.6}>
                <Button
                  type="text"
                  icon={<CloseOutlined />}
                  aria-label={t('voucher.coupons.remove')}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => onRemove(coupon.redemptionId)}
                  data-testid="coupon-remove"
                />
              </Tooltip>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
