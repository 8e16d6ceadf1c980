import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShiftReport } from '../../../shared/contract/shifts';
import { asMoney } from '../../../shared/money';
import { sourceKey } from '../../../shared/pricing/discount-sources';
import { useDiscountLabel } from '../../components/discount-sources';
import { useMoney } from '../../hooks/use-money';
import { useStoreTime } from '../orders/order-labels';
import { VarianceText } from './z-report-result';
import './shift.css';

/** A stored X or Z report laid out on screen, from its figures rather than its printed form. */
export function ShiftReportView({ report }: { report: ShiftReport }) {
  const { t } = useTranslation();
  const money = useMoney();
  const discountLabel = useDiscountLabel();
  const { dateTime } = useStoreTime();
  const counted = (amount: { amount: number; count: number }) =>
    t('shift.report.countOf', { amount: money(asMoney(amount.amount)), count: amount.count });
  const dash = '—';

  return (
    <div className="shift-report-view" data-testid="shift-report-view">
      <Descriptions
        size="small"
        column={2}
        bordered
        title={t('shift.report.shift')}
        items={[
          { key: 'day', label: t('shift.businessDay'), children: report.businessDay },
          { key: 'device', label: t('shift.report.device'), children: report.deviceCode },
          {
            key: 'opened',
            label: t('shift.openedAt'),
            children: `${dateTime(report.openedAt)} · ${report.openedByName}`,
          },
          {
            key: 'closed',
            label: t('shift.report.closedAt'),
            children: report.closedAt ? `${dateTime(report.closedAt)} · ${report.closedByName ?? ''}` : dash,
          },
        ]}
      />
      <Descriptions
        size="small"
        column={2}
        bordered
        title={t('shift.report.sales')}
        items={[
          { key: 'orders', label: t('reports.orders'), children: report.orders },
          { key: 'gross', label: t('reports.gross'), children: money(report.gross) },
          { key: 'discounts', label: t('reports.discounts'), children: money(report.discounts) },
          ...report.discountsBySource.map((part) => ({
            key: `d-${sourceKey(part)}`,
            label: <span className="shift-report-source">{discountLabel(part)}</span>,
            children: `−${money(part.amount)}`,
          })),
          { key: 'net', label: t('reports.net'), children: money(report.net) },
          { key: 'rounding', label: t('orders.rounding'), children: money(report.rounding) },
          { key: 'refunds', label: t('reports.refunds'), children: counted(report.refunds) },
          ...report.byMethod.map((row) => ({
            key: `m-${row.method}`,
            label: t(`orders.method.${row.method}`),
            children: counted(row),
          })),
          ...report.byChannel.map((row) => ({
            key: `c-${row.channel}`,
            label: t(`orders.channel.${row.channel}`),
            children: counted(row),
          })),
        ]}
      />
      <Descriptions
        size="small"
        column={2}
        bordered
        title={t('shift.report.cash')}
        items={[
          { key: 'float', label: t('shift.float'), children: money(report.float) },
          { key: 'in', label: t('shift.cashIn'), children: counted(report.cashIn) },
          { key: 'out', label: t('shift.cashOut'), children: counted(report.cashOut) },
          { key: 'expected', label: t('shift.expected'), children: money(report.expectedCash) },
          {
            key: 'counted',
            label: t('shift.counted'),
            children: report.countedCash === null ? dash : money(report.countedCash),
          },
          {
            key: 'variance',
            label: t('shift.report.variance'),
            children: report.variance === null ? dash : <VarianceText report={report} />,
          },
          ...(report.varianceApprovedByName
            ? [{ key: 'approved', label: t('shift.report.approvedBy'), children: report.varianceApprovedByName }]
            : []),
        ]}
      />
    </div>
  );
}
