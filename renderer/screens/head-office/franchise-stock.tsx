import { PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { StockFilter, StockProduct } from '../../../shared/platform-api/franchise-stock';
import { invalidateMethods, useApiMutation, useApiQuery } from '../../api/use-api';
import { useErrorText } from '../../app/use-error-text';
import { PrintingContext } from '../reports/breakdown-table';
import { LowAtCell } from '../stock/low-at-cell';
import { FranchiseTable } from './franchise-table';
import { HeadOfficePrint } from './head-office-print';
import { type StockStore, useStockColumns, useStockExportColumns } from './stock-columns';
import { StoreMovementsDrawer } from './store-movements-drawer';
import '../reports/report-print.css';

const PAGE = 100;

type Ask = { only: StockFilter; storeId?: string; query: string };

/**
 * The owner's stock across stores: each product's on hand per store and in total, low and sold out
 * marked, a page of products at a time; a store's figure opens that store's movement history.
 */
export function FranchiseStock({ organisation }: { organisation: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [ask, setAsk] = useState<Ask>({ only: 'all', query: '' });
  const [typed, setTyped] = useState('');
  // The SKU each page starts after: the first page's is none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [editing, setEditing] = useState<string | null>(null);
  const [opened, setOpened] = useState<{ product: StockProduct; store: StockStore } | null>(null);
  const [printing, setPrinting] = useState(false);
  const stores = useApiQuery('franchise.stores', {});
  const after = cursors.at(-1);
  const query = useApiQuery('franchise.stock', { ...ask, after, limit: PAGE }, { placeholderData: keepPreviousData });
  const answer = query.error ? undefined : query.data;
  const change = (next: Partial<Ask>) => {
    setAsk({ ...ask, ...next });
    setCursors([undefined]);
  };
  const saveLowAt = useApiMutation('franchise.setLowStock', {
    onSuccess: (_answer, input) => {
      message.success(t('franchiseStock.saved', { sku: input.sku }));
      return invalidateMethods(queryClient, ['franchise.stock']);
    },
    onError: (error) => message.error(errorText(error)),
  });
  const shown = answer?.stores ?? [];
  const columns = useStockColumns(shown, {
    onOpen: (product, store) => setOpened({ product, store }),
    lowAtCell: (row) => (
      <LowAtCell
        row={{ sku: row.sku, unit: row.unit ?? 'each', lowAt: row.lowAt }}
        canEdit
        editing={editing === row.sku}
        onEdit={() => setEditing(row.sku)}
        onCancel={() => setEditing(null)}
        onSave={(lowAt) => {
          setEditing(null);
          saveLowAt.mutate({ sku: row.sku, lowAt });
        }}
      />
    ),
  });
  const exportColumns = useStockExportColumns(shown);
  const rows = answer?.products ?? [];
  // On paper, the export's columns: each store's state in words, not tags and buttons.
  const table = (shownColumns: typeof columns) => (
    <FranchiseTable<StockProduct>
      rows={rows}
      rowKey={(row) => row.sku}
      columns={shownColumns}
      currency={() => 'CNY'}
      exported={{ rows, columns: exportColumns as never, currency: 'CNY' }}
      fileName={t('franchiseStock.file')}
      testId="franchise-stock"
    />
  );
  return (
    <div className="franchise-stock" data-testid="franchise-stock-section">
      <div className="stock-filters">
        <Space wrap>
          <Segmented<StockFilter>
            value={ask.only}
            onChange={(only) => change({ only })}
            options={[
              { value: 'all', label: t('franchiseStock.all') },
              { value: 'low', label: t('franchiseStock.low') },
              { value: 'soldOut', label: t('franchiseStock.soldOut') },
            ]}
            data-testid="stock-only"
          />
          <Select<string>
            className="stock-store-select"
            value={ask.storeId ?? ''}
            onChange={(value) => change({ storeId: value === '' ? undefined : value })}
            options={[
              { value: '', label: t('franchiseStock.allStores') },
              ...(stores.data?.stores ?? []).map((store) => ({ value: store.storeId, label: store.name })),
            ]}
            aria-label={t('headOffice.store')}
            data-testid="stock-store"
          />
          <Input.Search
            className="stock-search"
            allowClear
            maxLength={64}
            value={typed}
            placeholder={t('franchiseStock.search')}
            onChange={(event) => setTyped(event.target.value)}
            onSearch={(value) => change({ query: value.trim() })}
            data-testid="stock-search"
          />
        </Space>
        <Button
          icon={<PrinterOutlined />}
          onClick={() => setPrinting(true)}
          disabled={!answer}
          data-testid="stock-print"
        >
          {t('franchiseStock.print')}
        </Button>
      </div>
      <p className="compare-note">{t('franchiseStock.note')}</p>
      {query.error ? <Alert type="error" showIcon title={errorText(query.error)} className="screen-note" /> : null}
      {table(columns)}
      <div className="stock-pager">
        <span data-testid="stock-matched">
          {answer ? `${t('franchiseStock.matched', { count: answer.matched })} · ` : ''}
          {t('franchiseStock.page', { page: cursors.length })}
        </span>
        <Space>
          <Button disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('franchiseStock.previous')}
          </Button>
          <Button
            disabled={!answer?.next}
            onClick={() => answer?.next && setCursors([...cursors, answer.next])}
            data-testid="stock-next"
          >
            {t('franchiseStock.next')}
          </Button>
        </Space>
      </div>
      <StoreMovementsDrawer opened={opened} onClose={() => setOpened(null)} />
      {printing && answer
        ? createPortal(
            <PrintingContext.Provider value={true}>
              <HeadOfficePrint
                organisation={organisation}
                title={t('franchiseStock.printTitle')}
                mark={`${answer.matched}`}
                testId="stock-printout"
                onDone={() => setPrinting(false)}
              >
                {table(exportColumns)}
              </HeadOfficePrint>
            </PrintingContext.Provider>,
            document.body,
          )
        : null}
    </div>
  );
}
