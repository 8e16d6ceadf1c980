import { DatabaseOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockRow } from '../../../shared/contract/stock';
import { localNames } from '../../app/names';
import { formatStockQuantity } from '../../app/stock-quantity';
import { keyName } from '../../hooks/use-key-actions';
import { narrowScreen, useMediaQuery } from '../../hooks/use-media-query';
import { useLocale } from '../../i18n/use-locale';
import { LowAtCell } from './low-at-cell';
import './stock.css';

export const rowShortcuts = { move: 'Enter', soldOut: 'Alt+O', lowAt: 'Alt+T', history: 'Alt+H' } as const;

type StockTableProps = {
  rows: StockRow[];
  loading: boolean;
  canEdit: boolean;
  editingLowAt: string | null;
  /** The product whose sold-out flag is being saved. */
  switching: string | null;
  onMove(row: StockRow): void;
  onHistory(row: StockRow): void;
  onSoldOut(row: StockRow, soldOut: boolean): void;
  onEditLowAt(row: StockRow | null): void;
  onSaveLowAt(row: StockRow, lowAt: number | null): void;
};

/** Arrow keys walk the rows; each row's keys act on it, so the table needs no mouse. */
function onRowKey(event: KeyboardEvent<HTMLElement>, actions: Record<string, (() => void) | null>) {
  const row = event.currentTarget;
  if (event.target !== row) return;
  const step = { ArrowDown: row.nextElementSibling, ArrowUp: row.previousElementSibling }[event.key];
  if (step instanceof HTMLElement && step.dataset.testid === 'stock-row') {
    event.preventDefault();
    step.focus();
    return;
  }
  const action = actions[keyName(event.nativeEvent)];
  if (action) {
    event.preventDefault();
    action();
  }
}

export function StockTable(props: StockTableProps) {
  const { rows, loading, canEdit, editingLowAt, switching, onMove, onHistory, onSoldOut, onEditLowAt, onSaveLowAt } =
    props;
  const { t } = useTranslation();
  const { locale } = useLocale();
  const quantity = (value: number, row: StockRow) =>
    `${formatStockQuantity(value, row.unit, locale)}${row.unit === 'kg' ? ` ${t('stock.kg')}` : ''}`;
  const paired = rows.some((row) => row.platformOnHand !== null);
  // On a 1024-wide till the names need the room: the row's buttons keep their icons and tooltips.
  const narrow = useMediaQuery(narrowScreen);

  const columns: ColumnsType<StockRow> = [
    { key: 'sku', title: t('product.sku'), width: 110, render: (_, r) => <span className="cell-code">{r.sku}</span> },
    {
      key: 'name',
      title: t('product.name'),
      render: (_, r) => (
        <span className="cell-names">
          <span>{localNames(r, locale).primary}</span>
          <span className="cell-secondary">{localNames(r, locale).secondary}</span>
        </span>
      ),
    },
    {
      key: 'onHand',
      title: t('stock.onHand'),
      align: 'right',
      width: 150,
      render: (_, r) => (
        <span className="stock-on-hand">
          {r.low ? <Tag color="red">{t('stock.low')}</Tag> : null}
          <span className={r.onHand < 0 ? 'amount stock-negative' : 'amount'} data-testid="stock-on-hand">
            {quantity(r.onHand, r)}
          </span>
        </span>
      ),
    },
    ...(paired
      ? [
          {
            key: 'platform',
            title: <span title={t('stock.platformHelp')}>{t('stock.platformOnHand')}</span>,
            align: 'right' as const,
            width: 120,
            render: (_: unknown, r: StockRow) =>
              r.platformOnHand === null ? '—' : <span className="amount">{quantity(r.platformOnHand, r)}</span>,
          },
        ]
      : []),
    {
      key: 'lowAt',
      title: t('stock.lowAt'),
      align: 'right',
      width: 120,
      render: (_, r) => (
        <LowAtCell
          row={r}
          canEdit={canEdit}
          editing={editingLowAt === r.productId}
          onEdit={() => onEditLowAt(r)}
          onCancel={() => onEditLowAt(null)}
          onSave={(lowAt) => onSaveLowAt(r, lowAt)}
        />
      ),
    },
    {
      key: 'soldOut',
      title: <span title={t('stock.soldOutHelp')}>{t('stock.soldOut')}</span>,
      width: 90,
      align: 'center',
      render: (_, r) => (
        <Switch
          checked={r.soldOut}
          loading={switching === r.productId}
          onClick={(checked, event) => {
            event.stopPropagation();
            onSoldOut(r, checked);
          }}
          aria-label={t('stock.soldOutFor', { sku: r.sku })}
          data-testid="stock-sold-out"
        />
      ),
    },
  ];
  // Everyone may read a product's ledger; only who may record a movement gets that button.
  columns.push({
    key: 'actions',
    title: '',
    width: narrow ? (canEdit ? 110 : 60) : canEdit ? 220 : 110,
    align: 'right',
    render: (_, r) => (
      <span className="stock-actions">
        <Button
          icon={<HistoryOutlined />}
          title={`${t('stock.historyButton')} (${rowShortcuts.history})`}
          onClick={(event) => {
            event.stopPropagation();
            onHistory(r);
          }}
          aria-label={t('stock.historyButton')}
          data-testid="stock-history-button"
        >
          {narrow ? null : t('stock.historyButton')}
        </Button>
        {canEdit ? (
          <Button
            icon={<DatabaseOutlined />}
            title={t('stock.moveButton')}
            onClick={(event) => {
              event.stopPropagation();
              onMove(r);
            }}
            aria-label={t('stock.moveButton')}
            data-testid="stock-move"
          >
            {narrow ? null : t('stock.moveShort')}
          </Button>
        ) : null}
      </span>
    ),
  });

  return (
    <Table<StockRow>
      rowKey="productId"
      size="middle"
      className="stock-table"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('stock.empty') }}
      rowClassName={(r) => (r.low ? 'stock-row low' : r.soldOut ? 'stock-row sold-out' : 'stock-row')}
      onRow={(r) =>
        ({
          tabIndex: 0,
          'data-testid': 'stock-row',
          'aria-label': `${r.sku} ${localNames(r, locale).primary}`,
          onKeyDown: (event: KeyboardEvent<HTMLElement>) =>
            onRowKey(event, {
              [rowShortcuts.move]: canEdit ? () => onMove(r) : null,
              [rowShortcuts.soldOut]: () => onSoldOut(r, !r.soldOut),
              [rowShortcuts.lowAt]: canEdit ? () => onEditLowAt(r) : null,
              [rowShortcuts.history]: () => onHistory(r),
            }),
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid="stock-table"
    />
  );
}
