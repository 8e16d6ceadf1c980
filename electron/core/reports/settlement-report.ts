import type { Database } from 'better-sqlite3';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import type { SettlementReport, SettlementTotals } from '../../../shared/contract/settlement-report';
import type { StoreInfo } from '../../../shared/contract/store';
import { addSettlements, noSettlement } from '../../../shared/reports/settlement';
import { SettlementChannel } from '../../../shared/sync/settlement-wire';
import { boundsOf, reportSpans } from './report-spans';
import { type SettledOrder, settledOrdersIn } from './settlement-orders';

export const noTotals: SettlementTotals = { ...noSettlement, orders: 0 };

/** Orders' settlements added up through shared/reports/settlement.ts, so its identities hold for any sum. */
export function totalOf(orders: readonly SettledOrder[]): SettlementTotals {
  return orders.reduce<SettlementTotals>(
    (sum, order) => ({ ...addSettlements(sum, order.figures), orders: sum.orders + 1 }),
    noTotals,
  );
}

export function byChannel(orders: readonly SettledOrder[]): Map<SettlementChannel, SettlementTotals> {
  return new Map(
    SettlementChannel.options.map((channel) => [channel, totalOf(orders.filter((o) => o.channel === channel))]),
  );
}

/**
 * Settlement per platform channel over any period the reports take (report-spans.ts), day by day,
 * from each sale's terms as recorded: gross → the store's promotion → commission → settlement, and
 * what the customer paid and the platform keeps.
 */
export function settlementReport(
  db: Database,
  request: ReportRequest,
  store: StoreInfo,
  now: number,
): SettlementReport {
  const { period, span, compared } = reportSpans(request, store, now);
  const current = span ? settledOrdersIn(db, boundsOf(span, store)) : [];
  const earlier = compared ? byChannel(settledOrdersIn(db, boundsOf(compared, store))) : null;
  const totals = byChannel(current);
  const days = new Map<string, SettledOrder[]>();
  for (const order of current) {
    const key = `${order.day}|${order.channel}`;
    const list = days.get(key);
    if (list) list.push(order);
    else days.set(key, [order]);
  }
  const byDay = [...days.values()]
    .map((orders) => ({ day: orders[0].day, channel: orders[0].channel, ...totalOf(orders) }))
    .sort(
      (a, b) =>
        a.day.localeCompare(b.day) ||
        SettlementChannel.options.indexOf(a.channel) - SettlementChannel.options.indexOf(b.channel),
    );
  return {
    currency: store.currency,
    period,
    span,
    compared,
    channels: SettlementChannel.options.map((channel) => ({
      channel,
      current: totals.get(channel) ?? noTotals,
      earlier: earlier ? (earlier.get(channel) ?? noTotals) : null,
    })),
    byDay,
  };
}
