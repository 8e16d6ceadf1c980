import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ManualDiscount } from '../../../shared/pricing/cart';
import type { PricedCart } from '../../../shared/pricing/price-cart';
import { useAmount, useDiscountText } from './checkout-format';
import './cart.css';

type CartTotalsProps = { priced: PricedCart; items: number; orderDiscount: ManualDiscount | null };

/**
 * What the customer hears read out: the total is the biggest thing on the screen. The subtotal less
 * the rows here and the coupons listed above is the total.
 */
export function CartTotals({ priced, items, orderDiscount }: CartTotalsProps) {
  const { t } = useTranslation();
  const amount = useAmount();
  const discountText = useDiscountText();
  const capped = priced.notes.length > 0;
  // Each source once: coupons are listed above with what each took off, so no sum of them here.
  const lineDiscounts = priced.lines.reduce((sum, line) => sum + line.lineDiscount, 0);
  const memberDiscount = priced.memberDiscount;
  const orderDiscounts = priced.lines.reduce((sum, line) => sum + line.orderDiscount, 0);
  return (
    <div className="cart-totals" data-testid="cart-totals">
      <div className="cart-totals-row">
        <span>{t('sale.totals.gross', { count: items })}</span>
        <span data-testid="cart-gross">{amount(priced.gross)}</span>
      </div>
      {memberDiscount > 0 ? (
        <div className="cart-totals-row discount">
          <span>{t('discounts.member')}</span>
          <span data-testid="cart-member-benefit">−{amount(memberDiscount)}</span>
        </div>
      ) : null}
      {lineDiscounts > 0 ? (
        <div className="cart-totals-row discount">
          <span>{t('discounts.manual_line')}</span>
          <span data-testid="cart-line-discounts">−{amount(lineDiscounts)}</span>
        </div>
      ) : null}
      {orderDiscounts > 0 ? (
        <div className="cart-totals-row discount">
          <span>
            {t('discounts.manual_order')}
            {orderDiscount ? (
              <span className="cart-totals-note">
                {t('sale.totals.orderDiscount', { value: discountText(orderDiscount), reason: orderDiscount.reason })}
              </span>
            ) : null}
          </span>
          <span data-testid="cart-order-discount">−{amount(orderDiscounts)}</span>
        </div>
      ) : null}
      {capped ? <div className="cart-totals-hint">{t('sale.totals.capped')}</div> : null}
      {priced.needsApproval ? (
        <div className="cart-totals-approval" data-testid="needs-approval">
          <SafetyCertificateOutlined /> {t('sale.totals.needsApproval')}
        </div>
      ) : null}
      <div className="cart-totals-total">
        <span>{t('sale.totals.total')}</span>
        <span data-testid="cart-total">{amount(priced.total)}</span>
      </div>
    </div>
  );
}
