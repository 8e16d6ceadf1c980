import { GiftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrderCoupon } from '../../shared/contract/orders';
import { useAmount } from '../screens/checkout/checkout-format';
import { RedemptionStateTag } from './redemption-state-tag';
import './vouchers.css';

/**
 * The vouchers a paid order used. One redeemed on this till's own word, while the platform could
 * not be reached, says so plainly: it is provisional until the platform confirms it. Where the
 * amounts are shown by source next to it (the order's totals), `amounts` is false so none shows twice.
 */
export function OrderCoupons({ coupons, amounts = true }: { coupons: readonly OrderCoupon[]; amounts?: boolean }) {
  const { t } = useTranslation();
  const amount = useAmount();
  if (coupons.length === 0) return null;
  const provisional = coupons.some((coupon) => coupon.state === 'OFFLINE_PROVISIONAL');
  return (
    <div className="order-coupons" data-testid="order-coupons">
      {coupons.map((coupon) => (
        <div key={coupon.redemptionId} className="order-coupon" data-testid="order-coupon">
          <GiftOutlined />
          <span className="order-coupon-name">{coupon.campaignName}</span>
          <RedemptionStateTag state={coupon.state} />
          {amounts ? (
            <span className="order-coupon-amount">
              {coupon.type === 'group_buy' ? amount(coupon.amount) : `−${amount(coupon.amount)}`}
            </span>
          ) : null}
        </div>
      ))}
      {provisional ? (
        <div className="order-coupons-provisional" data-testid="coupon-provisional">
          {t('voucher.paid.provisional')}
        </div>
      ) : null}
    </div>
  );
}
