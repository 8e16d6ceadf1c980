import { DatabaseOutlined, LeftOutlined, RightOutlined, SearchOutlined, SwapOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, type InputRef, Switch } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockRow } from '../../../shared/contract/stock';
import type { ProductId } from '../../../shared/ids';
import { invalidateMethods, useApiMutation, useApiQuery } from '../../api/use-api';
import { localNames } from '../../app/names';
import { useErrorText } from '../../app/use-error-text';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useKeyActions } from '../../hooks/use-key-actions';
import { usePermission } from '../../hooks/use-permission';
import { useSyncStatus } from '../../hooks/use-sync-status';
import { useLocale } from '../../i18n/use-locale';
import { ScreenHeader } from '../screen-header';
import { StockHistoryDrawer } from './stock-history-drawer';
import { StockMoveDialog } from './stock-move-dialog';
import { rowShortcuts, StockTable } from './stock-table';
import { TransfersDialog } from './transfers-dialog';
import '../screens.css';
import './stock.css';

const pageSize = 50;
const keys = { find: 'Alt+F', lowOnly: 'Alt+L', previous: 'PageUp', next: 'PageDown' } as const;

/** Puts the keyboard back on a row after its inline editor closes, so the arrow keys carry on. */
function focusRow(productId: string) {
  setTimeout(() => document.querySelector<HTMLElement>(`.stock-table tr[data-row-key="${productId}"]`)?.focus(), 0);
}

export function StockScreen() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const canEdit = usePermission('stock.edit') === 'allow';
  const search = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [lowOnly, setLowOnly] = useState(false);
  const [page, setPage] = useState(0);
  const [moving, setMoving] = useState<StockRow | null>(null);
  const [history, setHistory] = useState<StockRow | null>(null);
  const [editingLowAt, setEditingLowAt] = useState<string | null>(null);
  const [transfers, setTransfers] = useState(false);
  const link = useSyncStatus().data?.link;
  const paired = link !== undefined && link !== 'unpaired';
  const query = useDebouncedValue(text.trim(), 200);
  const list = useApiQuery(
    'stock.list',
    { query, lowOnly, limit: pageSize, offset: page * pageSize },
    { placeholderData: keepPreviousData },
  );
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const refresh = () => void invalidateMethods(queryClient, ['stock.', 'catalog.']);

  const soldOut = useApiMutation('stock.setSoldOut', {
    onSuccess: (row) => {
      refresh();
      const name = localNames(row, locale).primary;
      message.success(row.soldOut ? t('stock.nowSoldOut', { name }) : t('stock.backOnSale', { name }));
    },
    onError: (error) => message.error(errorText(error)),
  });
  const lowAt = useApiMutation('stock.setLowAt', {
    onSuccess: (row) => {
      refresh();
      focusRow(row.productId);
    },
    onError: (error) => message.error(errorText(error)),
  });

  const go = (next: number) => setPage(Math.min(pages - 1, Math.max(0, next)));
  useKeyActions({
    [keys.find]: () => search.current?.focus({ cursor: 'all' }),
    [keys.lowOnly]: () => {
      setLowOnly((on) => !on);
      setPage(0);
    },
    [keys.previous]: () => go(page - 1),
    [keys.next]: () => go(page + 1),
  });

  return (
    <div className="screen stock-screen">
      <ScreenHeader title={t('nav.stock')} icon={<DatabaseOutlined />} />
      <div className="toolbar">
        <Input
          ref={search}
          className="toolbar-search"
          prefix={<SearchOutlined />}
          suffix={<kbd>{keys.find}</kbd>}
          placeholder={t('stock.searchPlaceholder')}
          aria-label={t('stock.searchPlaceholder')}
          value={text}
          allowClear
          maxLength={64}
          onChange={(event) => {
            setText(event.target.value);
            setPage(0);
          }}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowDown' && event.key !== 'Enter') return;
            // From the search straight into the list: the arrow keys carry on from there.
            event.preventDefault();
            document.querySelector<HTMLElement>('[data-testid="stock-row"]')?.focus();
          }}
          data-testid="stock-search"
        />
        <label className="stock-low-toggle" htmlFor="stock-low-only">
          <Switch
            id="stock-low-only"
            checked={lowOnly}
            onChange={(on) => {
              setLowOnly(on);
              setPage(0);
            }}
            data-testid="stock-low-only"
          />
          {t('stock.lowOnly')} <kbd>{keys.lowOnly}</kbd>
        </label>
        <span className="toolbar-spacer" />
        {canEdit && paired ? (
          <Button icon={<SwapOutlined />} onClick={() => setTransfers(true)} data-testid="transfers-open">
            {t('transfers.open')}
          </Button>
        ) : null}
        <span className="muted stock-total">{t('stock.total', { count: total })}</span>
      </div>
      <p className="muted stock-keys">
        {t(canEdit ? 'stock.keys' : 'stock.keysSeller', {
          move: rowShortcuts.move,
          soldOut: rowShortcuts.soldOut,
          lowAt: rowShortcuts.lowAt,
          history: rowShortcuts.history,
        })}
      </p>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} className="screen-note" /> : null}
      <StockTable
        rows={list.data?.rows ?? []}
        loading={list.isFetching}
        canEdit={canEdit}
        editingLowAt={editingLowAt}
        switching={soldOut.isPending ? (soldOut.variables?.productId ?? null) : null}
        onMove={setMoving}
        onHistory={setHistory}
        onSoldOut={(row, on) => soldOut.mutate({ productId: row.productId as ProductId, soldOut: on })}
        onEditLowAt={(row) => {
          if (!row && editingLowAt) focusRow(editingLowAt);
          setEditingLowAt(row?.productId ?? null);
        }}
        onSaveLowAt={(row, value) => {
          setEditingLowAt(null);
          lowAt.mutate({ productId: row.productId as ProductId, lowAt: value });
        }}
      />
      <div className="pager">
        <Button icon={<LeftOutlined />} disabled={page === 0} onClick={() => go(page - 1)} data-testid="stock-previous">
          {t('common.previous')} <kbd>{keys.previous}</kbd>
        </Button>
        <span className="pager-page">{t('stock.page', { page: page + 1, pages })}</span>
        <Button disabled={page + 1 >= pages} onClick={() => go(page + 1)} data-testid="stock-next">
          {t('common.next')} <kbd>{keys.next}</kbd> <RightOutlined />
        </Button>
      </div>
      {moving ? (
        <StockMoveDialog
          row={moving}
          onClose={() => {
            focusRow(moving.productId);
            setMoving(null);
          }}
        />
      ) : null}
      {transfers ? <TransfersDialog onClose={() => setTransfers(false)} /> : null}
      <StockHistoryDrawer
        row={history}
        onClose={() => {
          if (history) focusRow(history.productId);
          setHistory(null);
        }}
      />
    </div>
  );
}
