import type { TFunction } from 'i18next';
import type { SettlementTotals } from '../../../shared/contract/settlement-report';
import type { BreakdownColumn } from './breakdown-table';

/**
 * The figures in the order money flows to the store (gross → the store's promotion → commission →
 * settlement), then what the platform keeps, then the customer's side of it. What the platform
 * keeps comes early: it is what a manager opens this for, and narrow screens scroll the rest.
 */
const figures = [
  'gross',
  'merchantPromotion',
  'commission',
  'settlement',
  'platformKeeps',
  'platformPromotion',
  'deliveryFee',
  'customerPaid',
] as const;
export type SettlementFigure = (typeof figures)[number];

/** A row's settlement columns, after the columns that say what the row is. */
export function settlementColumns<R>(
  t: TFunction,
  first: BreakdownColumn<R>[],
  totals: (row: R) => SettlementTotals,
): BreakdownColumn<R>[] {
  return [
    ...first,
    { key: 'orders', title: t('settlementReport.column.orders'), kind: 'count', value: (r) => totals(r).orders },
    ...figures.map(
      (figure): BreakdownColumn<R> => ({
        key: figure,
        title: t(`settlementReport.column.${figure}`),
        kind: 'money',
        value: (r) => totals(r)[figure],
      }),
    ),
  ];
}

export { figures as settlementFigures };
