import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Drawer, Input, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockMovementLine, StockProduct } from '../../../shared/platform-api/franchise-stock';
import { formatDateTime } from '../../../shared/time-format';
import { api } from '../../api/api-client';
import { useErrorText } from '../../app/use-error-text';
import { useLocale } from '../../i18n/use-locale';
import { StockLedgerTable, useStockChange } from '../stock/stock-ledger-table';
import { type StockStore, useProductName } from './stock-columns';

const PAGE = 50;

type Opened = { product: StockProduct; store: StockStore };

/** One store's ledger of one product, newest first, as the platform holds it: who, on which till, and when. */
export function StoreMovementsDrawer({ opened, onClose }: { opened: Opened | null; onClose(): void }) {
  const { t } = useTranslation();
  const name = useProductName();
  return (
    <Drawer
      open={opened !== null}
      onClose={onClose}
      size="large"
      title={opened ? t('franchiseStock.history.title', { name: name(opened.product), store: opened.store.name }) : ''}
      destroyOnHidden
      data-testid="store-movements"
    >
      {opened ? <StoreLedger opened={opened} /> : null}
    </Drawer>
  );
}

/** Between two of the store's days, either or both; none: all of it. */
type Days = { firstDay?: string; lastDay?: string };

function StoreLedger({ opened }: { opened: Opened }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [days, setDays] = useState<Days>({});
  const pages = useInfiniteQuery({
    queryKey: ['franchise.stockMovements', opened.store.storeId, opened.product.sku, days],
    queryFn: ({ pageParam }) =>
      api.call('franchise.stockMovements', {
        storeId: opened.store.storeId,
        sku: opened.product.sku,
        ...days,
        before: pageParam,
        limit: PAGE,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    staleTime: 0,
  });
  const movements = pages.data?.pages.flatMap((page) => page.movements) ?? [];
  const timeZone = pages.data?.pages[0]?.timeZone ?? 'Asia/Shanghai';
  const { signed } = useStockChange(opened.product.unit ?? 'each');
  const day = (key: keyof Days) => (
    <Input
      type="date"
      aria-label={t(`franchiseStock.history.${key}`)}
      value={days[key] ?? ''}
      onChange={(event) => setDays({ ...days, [key]: event.target.value || undefined })}
      data-testid={`store-movements-${key}`}
    />
  );

  const columns: ColumnsType<StockMovementLine> = [
    {
      key: 'at',
      title: t('franchiseStock.history.when'),
      width: 150,
      render: (_, m) => formatDateTime(m.at, locale, timeZone),
    },
    { key: 'kind', title: t('franchiseStock.history.what'), render: (_, m) => t(`stock.history.kinds.${m.kind}`) },
    {
      key: 'quantity',
      title: t('franchiseStock.history.change'),
      align: 'right',
      render: (_, m) => <span className={m.quantity < 0 ? 'amount stock-out' : 'amount'}>{signed(m.quantity)}</span>,
    },
    { key: 'by', title: t('franchiseStock.history.by'), render: (_, m) => m.staffName ?? '—' },
    { key: 'till', title: t('franchiseStock.history.till'), render: (_, m) => m.device ?? '—' },
    { key: 'ref', title: t('franchiseStock.history.receipt'), render: (_, m) => m.reference ?? '—' },
    { key: 'note', title: t('franchiseStock.history.note'), render: (_, m) => m.note ?? '' },
  ];

  return (
    <>
      <Space className="store-movements-days" wrap>
        {day('firstDay')}
        <span>–</span>
        {day('lastDay')}
      </Space>
      {pages.error ? <Alert type="error" showIcon title={errorText(pages.error)} /> : null}
      <StockLedgerTable<StockMovementLine>
        rows={pages.error ? [] : movements}
        columns={columns}
        loading={pages.isFetching}
        emptyText={t('franchiseStock.history.empty')}
        testId="store-movements"
        more={{
          has: pages.hasNextPage,
          loading: pages.isFetchingNextPage,
          load: () => void pages.fetchNextPage(),
        }}
      />
    </>
  );
}
