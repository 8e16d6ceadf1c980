import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { DaySummary } from '../../../shared/contract/reports';
import { useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import { MethodTags } from '../orders/order-labels';
import './reports.css';

type MethodRow = DaySummary['byMethod'][number];
type ChannelRow = DaySummary['byChannel'][number];

function useShare(total: number) {
  const { locale } = useLocale();
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return (amount: number) => (total > 0 ? format.format(amount / total) : '—');
}

/** A thin bar under the share, so the mix reads at a glance without a chart library. */
function ShareBar({ amount, total }: { amount: number; total: number }) {
  const width = total > 0 ? Math.round((Math.max(0, amount) / total) * 100) : 0;
  return (
    <span className="share-bar" aria-hidden="true">
      <span style={{ width: `${width}%` }} />
    </span>
  );
}

export function MethodTable({ rows }: { rows: MethodRow[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const total = rows.reduce((sum, row) => sum + row.amount, 0);
  const share = useShare(total);
  const columns: ColumnsType<MethodRow> = [
    { key: 'method', title: t('orders.payment.method'), render: (_, r) => <MethodTags methods={[r.method]} /> },
    { key: 'count', title: t('reports.payments'), dataIndex: 'count', align: 'right', width: 90 },
    { key: 'amount', title: t('orders.payment.amount'), align: 'right', render: (_, r) => money(r.amount) },
    {
      key: 'share',
      title: t('reports.share'),
      width: 140,
      render: (_, r) => (
        <span className="share-cell">
          {share(r.amount)}
          <ShareBar amount={r.amount} total={total} />
        </span>
      ),
    },
  ];
  return (
    <Table<MethodRow>
      rowKey="method"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('reports.noSales') }}
      data-testid="report-by-method"
    />
  );
}

export function ChannelTable({ rows }: { rows: ChannelRow[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const total = rows.reduce((sum, row) => sum + row.net, 0);
  const share = useShare(total);
  const columns: ColumnsType<ChannelRow> = [
    { key: 'channel', title: t('orders.column.channel'), render: (_, r) => t(`orders.channel.${r.channel}`) },
    { key: 'orders', title: t('reports.orders'), dataIndex: 'orders', align: 'right', width: 90 },
    { key: 'net', title: t('reports.net'), align: 'right', render: (_, r) => money(r.net) },
    {
      key: 'share',
      title: t('reports.share'),
      width: 140,
      render: (_, r) => (
        <span className="share-cell">
          {share(r.net)}
          <ShareBar amount={r.net} total={total} />
        </span>
      ),
    },
  ];
  return (
    <Table<ChannelRow>
      rowKey="channel"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('reports.noSales') }}
      data-testid="report-by-channel"
    />
  );
}
