import { CloseOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TenderInput } from '../../../shared/contract/orders';
import type { Settlement } from '../../../shared/payment/settle-tenders';
import { useAmount } from './checkout-format';
import { methodIcons } from './tender-entry';
import './checkout-dialogs.css';

type SettlementViewProps = {
  total: number;
  taken: TenderInput[];
  settlement: Settlement;
  disabled: boolean;
  onRemove(index: number): void;
};

/** The sums as the core will work them out: rounding (抹零), what is paid, the change or what is missing. */
export function SettlementView({ total, taken, settlement, disabled, onRemove }: SettlementViewProps) {
  const { t } = useTranslation();
  const amount = useAmount();
  return (
    <div className="settlement" data-testid="settlement">
      <div className="settlement-due">
        <span>{t('sale.pay.due')}</span>
        <span data-testid="payment-due">{amount(total)}</span>
      </div>
      {taken.length > 0 ? (
        <ul className="settlement-taken" aria-label={t('sale.pay.taken')}>
          {taken.map((tender, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: tenders have no id and only ever go at the end
            <li key={index} data-testid="taken-tender">
              {methodIcons[tender.method]} {t(`sale.pay.methods.${tender.method}`)}
              {tenderNote(tender, t)}
              <span className="settlement-amount">
                {amount(tender.method === 'cash' ? tender.tendered : tender.amount)}
              </span>
              <Button
                type="text"
                size="small"
                icon={<CloseOutlined />}
                disabled={disabled}
                onClick={() => onRemove(index)}
                aria-label={t('sale.pay.removeTender')}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {settlement.ok ? (
        <>
          {settlement.rounding !== 0 ? (
            <div className="settlement-row" data-testid="payment-rounding">
              <span>{t('sale.pay.rounding')}</span>
              <span>{amount(settlement.rounding)}</span>
            </div>
          ) : null}
          <div className="settlement-row">
            <span>{t('sale.pay.received')}</span>
            <span data-testid="payment-received">{amount(settlement.paid + settlement.change)}</span>
          </div>
          <div className="settlement-change" data-testid="payment-change">
            <span>{t('sale.pay.change')}</span>
            <span>{amount(settlement.change)}</span>
          </div>
        </>
      ) : settlement.code === 'tender_short' ? (
        <div className="settlement-short" data-testid="payment-short">
          <span>{t('sale.pay.short')}</span>
          <span>{amount(settlement.due - settlement.paid)}</span>
        </div>
      ) : (
        <div className="settlement-short" data-testid="payment-over">
          <span>{t('sale.pay.over')}</span>
          <span>{amount(settlement.noncash - settlement.due)}</span>
        </div>
      )}
    </div>
  );
}

/** What follows the method's name: the card or wallet reference, the points used. */
function tenderNote(tender: TenderInput, t: (key: 'sale.pay.pointsUsed', options: { points: number }) => string) {
  switch (tender.method) {
    case 'cash':
      return '';
    case 'card':
    case 'wallet':
      return ` · ${tender.reference}`;
    case 'points':
      return ` · ${t('sale.pay.pointsUsed', { points: tender.points })}`;
    default: {
      const unreachable: never = tender;
      throw new Error(`unknown tender ${JSON.stringify(unreachable)}`);
    }
  }
}
