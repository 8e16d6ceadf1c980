import { useTranslation } from 'react-i18next';
import type { RefundSummary } from '../../../shared/contract/orders';
import type { Money } from '../../../shared/money';
import { discountTotal } from '../../../shared/pricing/discount-sources';
import { DiscountTerms } from '../../components/discount-sources';
import { useMoney } from '../../hooks/use-money';
import './orders.css';

/**
 * A refund's slip in figures: the goods coming back at their price, less each discount source the
 * order gave on them (the same sources as the order's own), is what is paid back. Nothing shows for
 * a refund of goods that carried no discount.
 */
export function RefundDiscounts({ refund }: { refund: RefundSummary }) {
  const { t } = useTranslation();
  const money = useMoney();
  if (refund.discounts.length === 0) return null;
  const goods = (refund.amount + discountTotal(refund.discounts)) as Money;
  return (
    <dl className="totals refund-discounts" data-testid="refund-discounts" aria-label={t('discounts.givenBack')}>
      <div className="totals-row">
        <dt>{t('discounts.goodsBack')}</dt>
        <dd data-testid="refund-goods">{money(goods)}</dd>
      </div>
      <DiscountTerms parts={refund.discounts} rowClassName="totals-row" testId="refund-discount-source" />
      <div className="totals-row">
        <dt className="total-strong">{t('discounts.paidBack')}</dt>
        <dd className="total-strong" data-testid="refund-paid-back">
          {money(refund.amount)}
        </dd>
      </div>
    </dl>
  );
}
