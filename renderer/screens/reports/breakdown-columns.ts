import type { TFunction } from 'i18next';
import type { Figures, ItemRow, SalesReport } from '../../../shared/contract/sales-report';
import { change, marginOf, shareBp } from '../../../shared/reports/figures';
import type { BreakdownColumn } from './breakdown-table';

export type Compared = { current: Figures; earlier: Figures | null };

/** Orders, net, share of the period's net and, when compared, the earlier net and the change. */
export function salesColumns<R extends Compared>(
  t: TFunction,
  first: BreakdownColumn<R>,
  total: number,
  compared: boolean,
): BreakdownColumn<R>[] {
  const columns: BreakdownColumn<R>[] = [
    first,
    { key: 'orders', title: t('salesReport.column.orders'), kind: 'count', value: (r) => r.current.orders },
    { key: 'net', title: t('salesReport.column.net'), kind: 'money', value: (r) => r.current.net },
    {
      key: 'share',
      title: t('salesReport.column.share'),
      kind: 'percent',
      value: (r) => shareBp(r.current.net, total),
    },
  ];
  if (!compared) return columns;
  return [
    ...columns,
    { key: 'earlier', title: t('salesReport.column.earlier'), kind: 'money', value: (r) => r.earlier?.net ?? 0 },
    {
      key: 'change',
      title: t('salesReport.column.change'),
      kind: 'signedMoney',
      value: (r) => r.current.net - (r.earlier?.net ?? 0),
    },
    {
      key: 'changePercent',
      title: t('salesReport.column.changePercent'),
      kind: 'change',
      value: (r) => change(r.current.net, r.earlier?.net ?? 0).percentBp,
    },
  ];
}

type CashierRow = SalesReport['byCashier'][number];

/** Sales, and the loss-prevention side: refunds made, voids, no-sale openings, discounts given, rounding. */
export function cashierColumns(t: TFunction, total: number): BreakdownColumn<CashierRow>[] {
  return [
    // The loss-prevention columns are what this table is opened for: no comparison columns, so they
    // stay on a 1024-wide screen.
    ...salesColumns<CashierRow>(
      t,
      { key: 'name', title: t('salesReport.column.cashier'), kind: 'text', value: (r) => r.name },
      total,
      false,
    ),
    { key: 'discount', title: t('salesReport.column.discount'), kind: 'money', value: (r) => r.current.discount },
    {
      key: 'refundsMade',
      title: t('salesReport.column.refundsMade'),
      kind: 'money',
      value: (r) => r.refundsMade.amount,
    },
    { key: 'voids', title: t('salesReport.column.voids'), kind: 'count', value: (r) => r.voids },
    { key: 'noSales', title: t('salesReport.column.noSales'), kind: 'count', value: (r) => r.noSales },
    { key: 'rounding', title: t('salesReport.column.rounding'), kind: 'signedMoney', value: (r) => r.rounding },
  ];
}

/** Quantity, net, share and margin of each product or category. */
export function itemColumns(
  t: TFunction,
  first: BreakdownColumn<ItemRow>,
  total: number,
  compared: boolean,
  quantity: (row: ItemRow) => number,
): BreakdownColumn<ItemRow>[] {
  const columns: BreakdownColumn<ItemRow>[] = [
    first,
    {
      key: 'quantity',
      title: t('salesReport.column.quantity'),
      kind: 'count',
      value: quantity,
      render: (r) => (r.unit === 'kg' ? t('salesReport.column.kg', { quantity: quantity(r) }) : String(quantity(r))),
    },
    { key: 'orders', title: t('salesReport.column.orders'), kind: 'count', value: (r) => r.orders },
    { key: 'net', title: t('salesReport.column.net'), kind: 'money', value: (r) => r.net },
    { key: 'share', title: t('salesReport.column.share'), kind: 'percent', value: (r) => shareBp(r.net, total) },
    {
      key: 'margin',
      title: t('salesReport.column.margin'),
      kind: 'money',
      value: (r) => (r.costedNet === 0 ? null : marginOf(r.costedNet, r.cost).amount),
    },
    {
      key: 'marginPercent',
      title: t('salesReport.column.marginPercent'),
      kind: 'percent',
      value: (r) => marginOf(r.costedNet, r.cost).percentBp,
    },
  ];
  if (!compared) return columns;
  return [
    ...columns,
    { key: 'earlier', title: t('salesReport.column.earlier'), kind: 'money', value: (r) => r.earlierNet ?? 0 },
    {
      key: 'changePercent',
      title: t('salesReport.column.changePercent'),
      kind: 'change',
      value: (r) => change(r.net, r.earlierNet ?? 0).percentBp,
    },
  ];
}

type CampaignRow = SalesReport['campaigns']['campaigns'][number];

/** What a campaign brought: the orders using it, their net, what its coupons cost, and the average ticket. */
export function campaignColumns(t: TFunction, name: (row: CampaignRow) => string): BreakdownColumn<CampaignRow>[] {
  return [
    { key: 'campaign', title: t('salesReport.column.campaign'), kind: 'text', value: name },
    { key: 'orders', title: t('salesReport.column.campaignOrders'), kind: 'count', value: (r) => r.orders },
    { key: 'redeemed', title: t('salesReport.column.redeemed'), kind: 'count', value: (r) => r.redeemed },
    { key: 'revenue', title: t('salesReport.column.revenue'), kind: 'money', value: (r) => r.revenue },
    { key: 'discount', title: t('salesReport.column.couponCost'), kind: 'money', value: (r) => r.discount },
    {
      key: 'averageTicket',
      title: t('salesReport.column.averageTicket'),
      kind: 'money',
      value: (r) => r.averageTicket,
    },
  ];
}
