import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Drawer } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { StockMovement, StockRow } from '../../../shared/contract/stock';
import { api } from '../../api/api-client';
import { localNames } from '../../app/names';
import { useStoreInfo } from '../../app/store-provider';
import { useErrorText } from '../../app/use-error-text';
import { useLocale } from '../../i18n/use-locale';
import { useStoreTime } from '../orders/order-labels';
import { StockLedgerTable, useStockChange } from './stock-ledger-table';
import './stock.css';

const pageSize = 50;

type StockHistoryDrawerProps = { row: StockRow | null; onClose(): void };

/** A product's ledger, newest first: every sale, refund, delivery, count and write-off, with what it left. */
export function StockHistoryDrawer({ row, onClose }: StockHistoryDrawerProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { dateTime } = useStoreTime();
  const errorText = useErrorText();
  const demo = useStoreInfo().demo;
  const pages = useInfiniteQuery({
    queryKey: ['stock.history', row?.productId],
    queryFn: ({ pageParam }) =>
      api.call('stock.history', { productId: row?.productId ?? '', before: pageParam, limit: pageSize }),
    initialPageParam: undefined as { at: number; id: string } | undefined,
    getNextPageParam: (last) => {
      const tail = last.movements.at(-1);
      return last.more && tail ? { at: tail.at, id: tail.id } : undefined;
    },
    enabled: row !== null,
    staleTime: 0,
  });
  const movements = pages.data?.pages.flatMap((page) => page.movements) ?? [];
  const { amount, signed } = useStockChange(row?.unit ?? 'each');

  const columns: ColumnsType<StockMovement> = [
    { key: 'at', title: t('stock.history.when'), width: 170, render: (_, m) => dateTime(m.at) },
    { key: 'kind', title: t('stock.history.what'), render: (_, m) => t(`stock.history.kinds.${m.kind}`) },
    {
      key: 'quantity',
      title: t('stock.history.change'),
      align: 'right',
      render: (_, m) => <span className={m.quantity < 0 ? 'amount stock-out' : 'amount'}>{signed(m.quantity)}</span>,
    },
    { key: 'balance', title: t('stock.history.balance'), align: 'right', render: (_, m) => amount(m.balance) },
    { key: 'ref', title: t('stock.history.ref'), render: (_, m) => m.refundNumber ?? m.orderNumber ?? '—' },
    { key: 'by', title: t('stock.history.by'), render: (_, m) => m.staffName ?? '—' },
  ];

  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      size="large"
      title={row ? t('stock.history.title', { name: localNames(row, locale).primary }) : ''}
      destroyOnHidden
      data-testid="stock-history"
    >
      {demo ? <Alert type="info" showIcon title={t('stock.history.demoNote')} className="stock-history-note" /> : null}
      {pages.error ? <Alert type="error" showIcon title={errorText(pages.error)} /> : null}
      <StockLedgerTable<StockMovement>
        rows={movements}
        columns={columns}
        loading={pages.isFetching}
        emptyText={t('stock.history.empty')}
        testId="stock-history"
        more={{
          has: pages.hasNextPage,
          loading: pages.isFetchingNextPage,
          load: () => void pages.fetchNextPage(),
        }}
      />
    </Drawer>
  );
}
