import { Button, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FranchiseStockAnswer } from '../../../shared/contract/franchise-stock';
import type { StockProduct, StoreStock } from '../../../shared/platform-api/franchise-stock';
import { formatStockQuantity } from '../../app/stock-quantity';
import { useLocale } from '../../i18n/use-locale';
import type { BreakdownColumn } from '../reports/breakdown-table';

export type StockStore = FranchiseStockAnswer['stores'][number];

const GRAMS_PER_KG = 1000;

/** A quantity in the unit people count in: items, or kilograms (the ledger keeps grams). */
const inUnit = (row: StockProduct, quantity: number | null) =>
  quantity === null ? null : row.unit === 'kg' ? quantity / GRAMS_PER_KG : quantity;

export function useProductName() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (row: StockProduct) =>
    row.local
      ? t('franchiseStock.localProduct', { sku: row.sku })
      : (locale === 'zh-CN' ? row.nameZh : row.nameEn) || row.nameZh || row.sku;
}

function useQuantity() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (row: StockProduct, quantity: number) =>
    `${formatStockQuantity(quantity, row.unit ?? 'each', locale)}${row.unit === 'kg' ? ` ${t('stock.kg')}` : ''}`;
}

/** Low, sold out, both or neither, in words: the export's and the printout's state column. */
function useStateText() {
  const { t } = useTranslation();
  return (level: StoreStock | undefined) =>
    [
      level?.onHand === null ? t('franchiseStock.notCarried') : null,
      level?.low ? t('franchiseStock.lowMark') : null,
      level?.soldOut ? t('franchiseStock.soldOutMark') : null,
    ]
      .filter(Boolean)
      .join(' · ');
}

type ScreenOptions = {
  onOpen(row: StockProduct, store: StockStore): void;
  lowAtCell(row: StockProduct): ReactNode;
};

/** The table on screen: each store's on hand marked low or sold out, opening its history when clicked. */
export function useStockColumns(stores: StockStore[], options: ScreenOptions): BreakdownColumn<StockProduct>[] {
  const { t } = useTranslation();
  const name = useProductName();
  const quantity = useQuantity();
  return [
    {
      key: 'product',
      title: t('franchiseStock.product'),
      kind: 'text',
      value: (row) => `${row.sku} ${name(row)}`,
      render: (row) => (
        <span className="stock-product">
          <span>{name(row)}</span>
          <span className="stock-sku">{row.sku}</span>
        </span>
      ),
    },
    {
      key: 'lowAt',
      title: t('franchiseStock.lowAt'),
      kind: 'count',
      value: (row) => inUnit(row, row.lowAt),
      render: (row) => (row.local ? '—' : options.lowAtCell(row)),
    },
    ...stores.map(
      (store, index): BreakdownColumn<StockProduct> => ({
        key: `store-${store.storeId}`,
        title: store.name,
        kind: 'count',
        value: (row) => inUnit(row, row.stores[index]?.onHand ?? null),
        render: (row) => {
          const level = row.stores[index];
          if (!level || level.onHand === null) return <span className="stock-not-carried">—</span>;
          return (
            <Button
              type="link"
              size="small"
              className={`stock-cell${level.low ? ' stock-cell-low' : ''}${level.soldOut ? ' stock-cell-sold-out' : ''}`}
              onClick={() => options.onOpen(row, store)}
              aria-label={t('franchiseStock.openHistory', { sku: row.sku, store: store.name })}
              data-testid={`stock-cell-${row.sku}-${index}`}
            >
              <span className={level.onHand < 0 ? 'stock-negative' : undefined}>{quantity(row, level.onHand)}</span>
              {level.low ? <Tag color="orange">{t('franchiseStock.lowMark')}</Tag> : null}
              {level.soldOut ? <Tag color="red">{t('franchiseStock.soldOutMark')}</Tag> : null}
            </Button>
          );
        },
      }),
    ),
    {
      key: 'total',
      title: t('franchiseStock.total'),
      kind: 'count',
      value: (row) => inUnit(row, row.total),
      render: (row) => <strong>{quantity(row, row.total)}</strong>,
    },
  ];
}

/** The export and the printout: one row per product, each store's on hand and its state in words. */
export function useStockExportColumns(stores: StockStore[]): BreakdownColumn<StockProduct>[] {
  const { t } = useTranslation();
  const name = useProductName();
  const state = useStateText();
  return [
    { key: 'sku', title: t('franchiseStock.sku'), kind: 'text', value: (row) => row.sku },
    { key: 'name', title: t('franchiseStock.name'), kind: 'text', value: (row) => name(row) },
    {
      key: 'unit',
      title: t('franchiseStock.unit'),
      kind: 'text',
      value: (row) => (row.unit === 'kg' ? t('stock.kg') : t('stock.items')),
    },
    { key: 'lowAt', title: t('franchiseStock.lowAt'), kind: 'count', value: (row) => inUnit(row, row.lowAt) },
    ...stores.flatMap((store, index): BreakdownColumn<StockProduct>[] => [
      {
        key: `store-${store.storeId}`,
        title: store.name,
        kind: 'count',
        value: (row) => inUnit(row, row.stores[index]?.onHand ?? null),
      },
      {
        key: `state-${store.storeId}`,
        title: t('franchiseStock.state', { store: store.name }),
        kind: 'text',
        value: (row) => state(row.stores[index]),
      },
    ]),
    { key: 'total', title: t('franchiseStock.total'), kind: 'count', value: (row) => inUnit(row, row.total) },
  ];
}
