import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { OnlineOrder, OnlineOrderStatus } from '../../../shared/contract/online-orders';
import { useMoney } from '../../hooks/use-money';
import { useStoreTime } from '../orders/order-labels';
import './online.css';

const statusColors: Partial<Record<OnlineOrderStatus, string>> = {
  handed_over: 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** Today's orders that left the board, to answer "did that one go out?" without the platform. */
export function FinishedOrders({ orders }: { orders: OnlineOrder[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { time } = useStoreTime();
  const columns: ColumnsType<OnlineOrder> = [
    {
      key: 'code',
      title: t('online.column.code'),
      width: 120,
      render: (_, o) => <span className="pickup-code small">{o.pickupCode}</span>,
    },
    { key: 'time', title: t('online.column.placed'), width: 80, render: (_, o) => time(o.placedAt) },
    {
      key: 'channel',
      title: t('orders.column.channel'),
      width: 110,
      render: (_, o) => t(`orders.channel.${o.channel}`),
    },
    { key: 'customer', title: t('online.column.customer'), ellipsis: true, render: (_, o) => o.customerName },
    {
      key: 'sale',
      title: t('online.column.sale'),
      width: 110,
      render: (_, o) => (o.orderNumber ? <span className="order-number">{o.orderNumber}</span> : '—'),
    },
    {
      key: 'total',
      title: t('orders.column.total'),
      align: 'right',
      width: 100,
      render: (_, o) => <span className="amount">{money(o.total)}</span>,
    },
    {
      key: 'status',
      title: t('orders.column.status'),
      width: 130,
      render: (_, o) => (
        <span className="online-finished-status">
          <Tag color={statusColors[o.status]}>{t(`online.status.${o.status}`)}</Tag>
          {o.pendingStep ? <Tag color="orange">{t('online.pending')}</Tag> : null}
        </span>
      ),
    },
  ];
  return (
    <section className="online-finished" data-testid="online-finished">
      <h2 className="online-section-title">
        {t('online.finished')} <span className="muted">({orders.length})</span>
      </h2>
      <Table<OnlineOrder>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={orders}
        pagination={false}
        locale={{ emptyText: t('online.noneFinished') }}
      />
    </section>
  );
}
