import { CheckCircleFilled, ScanOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../shared/contract/orders';
import { localNames } from '../../app/names';
import { useHotkeys } from '../../hooks/use-hotkeys';
import { useKeyActions } from '../../hooks/use-key-actions';
import { useLocale } from '../../i18n/use-locale';
import { OrderCoupons } from '../../vouchers/order-coupons';
import { useAmount } from '../checkout/checkout-format';
import { checkoutKeys } from '../checkout/checkout-keys';
import { ReceiptActions } from '../checkout/receipt-actions';
import { ReceiptPreview } from '../checkout/receipt-preview';
import { useReceipt } from '../checkout/use-receipt';
import '../checkout/paid.css';
import './redeem.css';

type RedeemResultProps = { order: OrderDetail; replayed: boolean; onNext(): void };

/** The group-buy order just made, its receipt printed the same way as a sale's. */
export function RedeemResult({ order, replayed, onNext }: RedeemResultProps) {
  const { t } = useTranslation();
  const amount = useAmount();
  const { locale } = useLocale();
  const receipt = useReceipt(order);
  const { resetPrint } = receipt;
  useEffect(() => {
    if (order.id) resetPrint();
  }, [order.id, resetPrint]);
  useHotkeys({ [checkoutKeys.print.key]: receipt.print });
  useKeyActions({ [checkoutKeys.showReceipt.key]: receipt.show });

  return (
    <section className="paid-panel redeem-result" data-testid="redeem-result" aria-live="polite">
      <CheckCircleFilled className="paid-icon" />
      <div className="paid-title">{t('voucher.redeem.done')}</div>
      <div className="paid-number">
        {t('sale.paid.order')} <span data-testid="redeem-order-number">{order.number}</span>
      </div>
      {replayed ? <Alert type="info" showIcon title={t('voucher.redeem.replayed')} /> : null}
      <ul className="redeem-result-lines">
        {order.lines.map((line) => (
          <li key={line.lineId}>
            <span>
              {localNames(line, locale).primary} × {line.quantity}
            </span>
            <span>{amount(line.gross)}</span>
          </li>
        ))}
      </ul>
      <OrderCoupons coupons={order.coupons} />
      <ReceiptActions
        printing={receipt.printing}
        printError={receipt.printError}
        onPrint={receipt.print}
        onShow={receipt.show}
        next={{
          icon: <ScanOutlined />,
          label: t('voucher.redeem.next'),
          keyLabel: 'Esc',
          onClick: onNext,
          testId: 'redeem-next',
        }}
        testIdPrefix="redeem-"
      />
      {receipt.preview ? (
        <ReceiptPreview
          html={receipt.preview.html}
          width={receipt.width}
          error={receipt.preview.error}
          onClose={receipt.closePreview}
        />
      ) : null}
    </section>
  );
}
