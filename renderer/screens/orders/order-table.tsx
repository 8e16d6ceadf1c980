import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../shared/contract/orders';
import { formatMonthDay } from '../../../shared/time-format';
import { useMoney } from '../../hooks/use-money';
import { useLocale } from '../../i18n/use-locale';
import { MethodTags, StatusTag, useStoreTime } from './order-labels';
import './orders.css';

type OrderTableProps = {
  orders: OrderSummary[];
  loading: boolean;
  selectedId: string | null;
  onOpen(order: OrderSummary): void;
  /** Orders of several business days (a report's drill-down): each row says its day. */
  showDay?: boolean;
};

/** Arrow keys walk the rows and Enter opens one, so the list needs no mouse. */
function onRowKey(event: KeyboardEvent<HTMLElement>, open: () => void) {
  const row = event.currentTarget;
  const step = { ArrowDown: row.nextElementSibling, ArrowUp: row.previousElementSibling }[event.key];
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    open();
  } else if (step instanceof HTMLElement && step.dataset.testid === 'order-row') {
    event.preventDefault();
    step.focus();
  }
}

export function OrderTable({ orders, loading, selectedId, onOpen, showDay = false }: OrderTableProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const { time } = useStoreTime();
  const { locale } = useLocale();

  const columns: ColumnsType<OrderSummary> = [
    {
      key: 'number',
      title: t('orders.column.number'),
      width: 120,
      render: (_, order) => <span className="order-number">{order.number}</span>,
    },
    {
      key: 'time',
      title: t('orders.column.time'),
      width: showDay ? 130 : 80,
      render: (_, order) =>
        showDay ? `${formatMonthDay(order.businessDay, locale)} ${time(order.paidAt)}` : time(order.paidAt),
    },
    {
      key: 'channel',
      title: t('orders.column.channel'),
      width: 110,
      render: (_, order) =>
        order.channel === 'in_store' ? (
          <span className="muted">{t('orders.channel.in_store')}</span>
        ) : (
          <Tag color="geekblue">{t(`orders.channel.${order.channel}`)}</Tag>
        ),
    },
    // Every column has a width: the table's layout is fixed (an ellipsis column makes it so), and in
    // a narrow drawer (a report's orders at 1024 wide) one without a width was squeezed to nothing,
    // its header a column tall. Wider screens share the room out over all of them.
    { key: 'cashier', title: t('orders.column.cashier'), dataIndex: 'cashierName', ellipsis: true, width: 100 },
    { key: 'items', title: t('orders.column.items'), dataIndex: 'itemCount', align: 'right', width: 70 },
    {
      key: 'total',
      title: t('orders.column.total'),
      align: 'right',
      width: 110,
      render: (_, order) => <span className="amount">{money(order.total)}</span>,
    },
    {
      key: 'refunded',
      title: t('orders.column.refunded'),
      align: 'right',
      width: 110,
      render: (_, order) =>
        order.refunded > 0 ? <span className="amount refund-amount">−{money(order.refunded)}</span> : '—',
    },
    {
      key: 'methods',
      title: t('orders.column.methods'),
      width: 130,
      render: (_, order) => <MethodTags methods={order.methods} />,
    },
    {
      key: 'status',
      title: t('orders.column.status'),
      width: 110,
      render: (_, order) => <StatusTag status={order.status} />,
    },
  ];

  return (
    <Table<OrderSummary>
      rowKey="id"
      size="middle"
      className="order-table"
      columns={columns}
      dataSource={orders}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('orders.empty') }}
      rowClassName={(order) => (order.id === selectedId ? 'order-row selected' : 'order-row')}
      onRow={(order) =>
        ({
          tabIndex: 0,
          'data-testid': 'order-row',
          'aria-label': t('orders.openOrder', { number: order.number }),
          onClick: () => onOpen(order),
          onKeyDown: (event: KeyboardEvent<HTMLElement>) => onRowKey(event, () => onOpen(order)),
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid="order-table"
    />
  );
}
