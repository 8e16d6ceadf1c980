import { Checkbox, InputNumber, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { OrderLine } from '../../../shared/contract/orders';
import { asMoney } from '../../../shared/money';
import { localNames } from '../../app/names';
import { useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import { useQuantityText } from './order-labels';
import {
  clampPick,
  estimateRefund,
  lineRefusal,
  type RefundPick,
  refundsWhole,
  remainingQuantity,
} from './refund-lines';
import './orders.css';

type RefundLineTableProps = { lines: OrderLine[]; pick: RefundPick; onChange(pick: RefundPick): void };

export function RefundLineTable({ lines, pick, onChange }: RefundLineTableProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const money = useMoney();
  const quantityText = useQuantityText();
  const set = (line: OrderLine, quantity: number) => onChange({ ...pick, [line.lineNo]: clampPick(line, quantity) });
  // What is typed stays as typed: a quantity past what is left is refused next to it, not cut down.
  const type = (line: OrderLine, quantity: number) => onChange({ ...pick, [line.lineNo]: quantity });

  const columns: ColumnsType<OrderLine> = [
    {
      key: 'pick',
      width: 44,
      render: (_, line, index) => (
        <Checkbox
          autoFocus={index === 0}
          checked={(pick[line.lineNo] ?? 0) > 0}
          onChange={(event) => set(line, event.target.checked ? remainingQuantity(line) : 0)}
          aria-label={localNames(line, locale).primary}
          data-testid={`refund-pick-${line.lineNo}`}
        />
      ),
    },
    {
      key: 'name',
      title: t('orders.line.item'),
      render: (_, line) => (
        <span className="cell-names">
          <span>{localNames(line, locale).primary}</span>
          <span className="cell-secondary">
            {t('orders.refund.sold', { quantity: quantityText(line) })}
            {line.refundedQuantity > 0
              ? ` · ${t('orders.refund.already', { quantity: quantityText(line, line.refundedQuantity) })}`
              : ''}
          </span>
        </span>
      ),
    },
    {
      key: 'quantity',
      title: t('orders.refund.quantity'),
      width: 170,
      render: (_, line) => {
        const chosen = pick[line.lineNo] ?? 0;
        if (refundsWhole(line)) {
          return (
            <span className="cell-names">
              <span>{quantityText(line, remainingQuantity(line))}</span>
              <span className="cell-secondary">{t('orders.refund.wholeLine')}</span>
            </span>
          );
        }
        const refused = lineRefusal(line, chosen);
        return (
          <>
            <InputNumber
              precision={0}
              value={chosen}
              onChange={(value) => type(line, value ?? 0)}
              suffix={`/ ${remainingQuantity(line)}`}
              status={refused ? 'error' : undefined}
              aria-label={t('orders.refund.quantityFor', { name: localNames(line, locale).primary })}
              data-testid={`refund-qty-${line.lineNo}`}
            />
            {refused ? (
              <Typography.Text type="danger" role="alert" data-testid={`refund-qty-refused-${line.lineNo}`}>
                {refused.code === 'too_many'
                  ? t('orders.refund.tooMany', { count: refused.left })
                  : t('orders.refund.tooFew')}
              </Typography.Text>
            ) : null}
          </>
        );
      },
    },
    {
      key: 'amount',
      title: t('orders.refund.amount'),
      align: 'right',
      width: 110,
      render: (_, line) => {
        const amount = lineRefusal(line, pick[line.lineNo]) ? 0 : estimateRefund(line, pick[line.lineNo] ?? 0);
        return amount > 0 ? money(asMoney(amount)) : '—';
      },
    },
  ];

  return (
    <Table<OrderLine>
      rowKey="lineNo"
      size="small"
      className="refund-table"
      columns={columns}
      dataSource={lines}
      pagination={false}
      rowClassName={(line) => ((pick[line.lineNo] ?? 0) > 0 ? 'refund-line picked' : 'refund-line')}
    />
  );
}
