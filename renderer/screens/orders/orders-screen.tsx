import { FileTextOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-api';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useKeyActions } from '../../hooks/use-key-actions';
import { ScreenHeader } from '../screen-header';
import { OrderDetailDrawer } from './order-detail-drawer';
import { type OrderFilter, OrderFilters } from './order-filters';
import { OrderTable } from './order-table';
import '../screens.css';
import './orders.css';

const pageSize = 50;
const pageShortcuts = { newer: 'PageUp', older: 'PageDown' } as const;

export function OrdersScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const store = useStoreInfo();
  const [filter, setFilter] = useState<OrderFilter>({ businessDay: store.businessDay, number: '' });
  // The id each page starts after; the first page starts at the newest order.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [openId, setOpenId] = useState<string | null>(null);
  const number = useDebouncedValue(filter.number.trim(), 250);
  const page = cursors.length - 1;
  const list = useApiQuery(
    'orders.list',
    {
      businessDay: filter.businessDay,
      channel: filter.channel,
      method: filter.method,
      cashierId: filter.cashierId,
      status: filter.status,
      number: number || undefined,
      before: cursors[page],
      limit: pageSize,
    },
    { placeholderData: keepPreviousData },
  );
  const orders = list.data?.orders ?? [];
  const last = orders.at(-1)?.id;
  const canOlder = Boolean(list.data?.hasMore && last);

  const changeFilter = (next: OrderFilter) => {
    setFilter(next);
    setCursors([undefined]);
  };
  const older = () => {
    if (canOlder) setCursors([...cursors, last]);
  };
  const newer = () => {
    if (page > 0) setCursors(cursors.slice(0, -1));
  };

  useKeyActions({ [pageShortcuts.older]: older, [pageShortcuts.newer]: newer });

  return (
    <div className="screen orders-screen">
      <ScreenHeader title={t('nav.orders')} icon={<FileTextOutlined />} />
      <OrderFilters value={filter} today={store.businessDay} onChange={changeFilter} />
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} className="screen-note" /> : null}
      <OrderTable orders={orders} loading={list.isFetching} selectedId={openId} onOpen={(o) => setOpenId(o.id)} />
      <div className="pager">
        <Button icon={<LeftOutlined />} disabled={page === 0} onClick={newer} data-testid="orders-newer">
          {t('orders.newer')} <kbd>{pageShortcuts.newer}</kbd>
        </Button>
        <span className="pager-page">{t('common.page', { page: page + 1 })}</span>
        <Button disabled={!canOlder} onClick={older} data-testid="orders-older">
          {t('orders.older')} <kbd>{pageShortcuts.older}</kbd> <RightOutlined />
        </Button>
      </div>
      <OrderDetailDrawer orderId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
