import { CheckCircleFilled, PlusCircleOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../shared/contract/orders';
import { DiscountTerms } from '../../components/discount-sources';
import { PaidMemberPoints } from '../../members/paid-member-points';
import { OrderCoupons } from '../../vouchers/order-coupons';
import { useAmount } from './checkout-format';
import { checkoutKeys } from './checkout-keys';
import { ReceiptActions } from './receipt-actions';
import './paid.css';

type PaidPanelProps = {
  order: OrderDetail;
  replayed: boolean;
  printing: boolean;
  printError: string | null;
  onPrint(): void;
  onShow(): void;
  onNewSale(): void;
};

/** Shown only once the core has the order: the number to read out, the change to hand back. */
export function PaidPanel({ order, replayed, printing, printError, onPrint, onShow, onNewSale }: PaidPanelProps) {
  const { t } = useTranslation();
  const amount = useAmount();
  const change = order.payments.reduce((sum, payment) => sum + (payment.change ?? 0), 0);
  // Coupons show once, each with its voucher, in the list below; the sums name only what was typed in.
  const manual = order.discounts.filter((part) => part.kind !== 'coupon');
  return (
    <section className="paid-panel" data-testid="paid-panel" aria-live="polite">
      <CheckCircleFilled className="paid-icon" />
      <div className="paid-title">{t('sale.paid.title')}</div>
      <div className="paid-number">
        {t('sale.paid.order')} <span data-testid="paid-order-number">{order.number}</span>
      </div>
      {replayed ? <Alert type="info" showIcon title={t('sale.paid.replayed')} /> : null}
      <dl className="paid-sums">
        <div>
          <dt>{t('sale.paid.total')}</dt>
          <dd data-testid="paid-total">{amount(order.total)}</dd>
        </div>
        {manual.length > 0 ? (
          <DiscountTerms parts={manual} orderNote={order.orderDiscountReason} rowClassName="paid-discount" />
        ) : null}
        {manual.length > 0 && order.approverName ? (
          <div>
            <dt className="paid-approver">{t('sale.paid.approvedBy', { name: order.approverName })}</dt>
          </div>
        ) : null}
        {order.rounding !== 0 ? (
          <div>
            <dt>{t('sale.pay.rounding')}</dt>
            <dd>{amount(order.rounding)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('sale.pay.received')}</dt>
          <dd data-testid="paid-received">{amount(order.paid + change)}</dd>
        </div>
        <div className="paid-change">
          <dt>{t('sale.pay.change')}</dt>
          <dd data-testid="paid-change">{amount(change)}</dd>
        </div>
      </dl>
      <PaidMemberPoints member={order.member} />
      <OrderCoupons coupons={order.coupons} />
      <div className="paid-methods">
        {order.payments.map((payment, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an order's payments never change order
          <span key={index}>
            {t(`sale.pay.methods.${payment.method}`)} {amount(payment.amount)}
          </span>
        ))}
      </div>
      <ReceiptActions
        printing={printing}
        printError={printError}
        onPrint={onPrint}
        onShow={onShow}
        next={{
          icon: <PlusCircleOutlined />,
          label: t('sale.paid.newSale'),
          keyLabel: checkoutKeys.newSale.label,
          onClick: onNewSale,
          testId: 'new-sale',
        }}
      />
      <div className="paid-hint">{t('sale.paid.hint')}</div>
    </section>
  );
}
