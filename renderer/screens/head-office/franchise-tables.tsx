import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FranchiseSales, FranchiseStores } from '../../../shared/contract/head-office';
import { asMoney, formatMoney } from '../../../shared/money';
import { formatDateTime } from '../../../shared/time-format';
import { useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { useLocale } from '../../i18n/use-locale';

type Store = FranchiseStores['stores'][number];
type StoreSales = FranchiseSales['stores'][number];

/** Today on this computer's calendar: the first span shown; the stores' own days may differ by a zone. */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export function FranchiseStoresTable() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const query = useApiQuery('franchise.stores', {});
  if (query.error) return <Alert type="error" showIcon title={errorText(query.error)} className="screen-note" />;
  return (
    <Table<Store>
      rowKey="storeId"
      size="small"
      pagination={false}
      loading={query.isPending}
      dataSource={query.data?.stores ?? []}
      data-testid="franchise-stores"
      columns={[
        { title: t('headOffice.store'), dataIndex: 'name' },
        { title: t('headOffice.tills'), dataIndex: 'devices', align: 'right' },
        {
          title: t('headOffice.lastSync'),
          dataIndex: 'lastSyncAt',
          // In the store's own zone: the owner reads it as that store's clock.
          render: (at: number | null, store: Store) =>
            at === null ? t('headOffice.neverSynced') : formatDateTime(at, locale, store.timeZone),
        },
      ]}
    />
  );
}

export function FranchiseSalesTable() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [span, setSpan] = useState({ firstDay: today(), lastDay: today() });
  const query = useApiQuery('franchise.sales', span, { placeholderData: keepPreviousData });
  const money = (currency: string) => (amount: number) => formatMoney(asMoney(amount), currency, locale);
  const amount = (
    key: 'gross' | 'discount' | 'net' | 'refunded' | 'netAfterRefunds' | 'averageTicket',
    title: string,
  ) => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    render: (value: number, row: StoreSales) => money(row.currency)(value),
  });
  return (
    <>
      <Space className="toolbar" wrap>
        <Input
          type="date"
          aria-label={t('headOffice.firstDay')}
          value={span.firstDay}
          onChange={(event) => event.target.value && setSpan({ ...span, firstDay: event.target.value })}
          data-testid="franchise-first-day"
        />
        <span>–</span>
        <Input
          type="date"
          aria-label={t('headOffice.lastDay')}
          value={span.lastDay}
          onChange={(event) => event.target.value && setSpan({ ...span, lastDay: event.target.value })}
          data-testid="franchise-last-day"
        />
      </Space>
      {query.error ? <Alert type="error" showIcon title={errorText(query.error)} className="screen-note" /> : null}
      <Table<StoreSales>
        rowKey="storeId"
        size="small"
        pagination={false}
        loading={query.isFetching}
        dataSource={query.error ? [] : (query.data?.stores ?? [])}
        data-testid="franchise-sales"
        columns={[
          { title: t('headOffice.store'), dataIndex: 'name' },
          { title: t('headOffice.figures.orders'), dataIndex: 'orders', align: 'right' },
          amount('gross', t('headOffice.figures.gross')),
          amount('discount', t('headOffice.figures.discount')),
          amount('net', t('headOffice.figures.net')),
          amount('refunded', t('headOffice.figures.refunded')),
          amount('netAfterRefunds', t('headOffice.figures.netAfterRefunds')),
          amount('averageTicket', t('headOffice.figures.averageTicket')),
        ]}
      />
    </>
  );
}
