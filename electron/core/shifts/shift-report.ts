import type { Database } from 'better-sqlite3';
import type { Channel, PaymentMethod } from '../../../shared/contract/orders';
import type { ShiftReport } from '../../../shared/contract/shifts';
import type { StoreInfo } from '../../../shared/contract/store';
import type { Money } from '../../../shared/money';
import { bySource, type SourcedDiscount } from '../../../shared/pricing/discount-sources';
import { namedStatements } from '../db/open-database';
import { toSourcedDiscount } from '../orders/order-records';
import type { ShiftRow } from './shift-records';

const statements = namedStatements({
  byMethod: `SELECT method, coalesce(sum(amount), 0) AS amount, count(*) AS count
    FROM payments WHERE shift_id = ? GROUP BY method ORDER BY method`,
  byChannel: `SELECT channel, sum(total) AS amount, count(*) AS count, sum(gross) AS gross,
      sum(discount) AS discounts, sum(rounding) AS rounding
    FROM orders WHERE shift_id = ? GROUP BY channel ORDER BY channel`,
  refunds: 'SELECT coalesce(sum(amount), 0) AS amount, count(*) AS count FROM refunds WHERE shift_id = ?',
  refundsByMethod: `SELECT method, coalesce(sum(amount), 0) AS amount, count(*) AS count
    FROM refund_tenders WHERE shift_id = ? GROUP BY method ORDER BY method`,
  discountsBySource: `SELECT d.source, d.campaign_id, max(d.campaign_name) AS campaign_name, sum(d.amount) AS amount
    FROM orders o JOIN order_discounts d ON d.order_id = o.id
    WHERE o.shift_id = ? GROUP BY d.source, d.campaign_id`,
  cash: `SELECT kind, coalesce(sum(amount), 0) AS amount, count(*) AS count
    FROM cash_movements WHERE shift_id = ? GROUP BY kind`,
});

type Amounts = { amount: Money; count: number };
/** The shift's sales come from its orders once, by channel; the totals are their sums. */
type ChannelSums = { gross: number; discounts: number; rounding: number };

export type ShiftClose = {
  zNumber: number;
  closedAt: number;
  closedByName: string;
  countedCash: number;
  approvedByName: string | null;
};

/**
 * What the drawer should hold and what the shift sold, straight from the shift's records: an X
 * report mid-shift, or the Z report with the count when it closes.
 */
export function shiftReport(
  db: Database,
  store: StoreInfo,
  shift: ShiftRow,
  printedAt: number,
  close: ShiftClose | null,
): ShiftReport {
  const q = statements(db);
  const byMethod = q.byMethod.all(shift.id) as (Amounts & { method: PaymentMethod })[];
  const channels = q.byChannel.all(shift.id) as (Amounts & ChannelSums & { channel: Channel })[];
  const total = (pick: (c: Amounts & ChannelSums) => number) => channels.reduce((sum, c) => sum + pick(c), 0) as Money;
  const refunds = q.refunds.get(shift.id) as Amounts;
  const refundsByMethod = q.refundsByMethod.all(shift.id) as (Amounts & { method: PaymentMethod })[];
  const cash = q.cash.all(shift.id) as (Amounts & { kind: 'in' | 'out' })[];
  const none: Amounts = { amount: 0 as Money, count: 0 };
  const cashIn = cash.find((c) => c.kind === 'in') ?? none;
  const cashOut = cash.find((c) => c.kind === 'out') ?? none;
  const cashSales = byMethod.find((m) => m.method === 'cash')?.amount ?? 0;
  const cashRefunds = refundsByMethod.find((m) => m.method === 'cash')?.amount ?? 0;
  const expectedCash = (shift.float + cashSales - cashRefunds + cashIn.amount - cashOut.amount) as Money;
  return {
    kind: close ? 'z' : 'x',
    zNumber: close?.zNumber ?? null,
    shiftId: shift.id,
    storeName: store.name,
    deviceCode: store.deviceCode,
    businessDay: shift.business_day,
    openedAt: shift.opened_at,
    openedByName: shift.opened_by_name,
    closedAt: close?.closedAt ?? null,
    closedByName: close?.closedByName ?? null,
    printedAt,
    currency: store.currency,
    orders: channels.reduce((sum, c) => sum + c.count, 0),
    gross: total((c) => c.gross),
    discounts: total((c) => c.discounts),
    discountsBySource: shiftDiscountsBySource(db, shift.id),
    net: total((c) => c.amount),
    rounding: total((c) => c.rounding),
    byMethod,
    byChannel: channels.map(({ channel, amount, count }) => ({ channel, amount, count })),
    refunds: { amount: refunds.amount, count: refunds.count },
    refundsByMethod,
    float: shift.float as Money,
    cashIn: { amount: cashIn.amount, count: cashIn.count },
    cashOut: { amount: cashOut.amount, count: cashOut.count },
    expectedCash,
    countedCash: close ? (close.countedCash as Money) : null,
    variance: close ? ((close.countedCash - expectedCash) as Money) : null,
    varianceApprovedByName: close?.approvedByName ?? null,
  };
}

/** A shift's discounts by source, from its orders' stored split (which a paid order never changes). */
export function shiftDiscountsBySource(db: Database, shiftId: string): SourcedDiscount[] {
  const rows = statements(db).discountsBySource.all(shiftId) as Parameters<typeof toSourcedDiscount>[0][];
  return bySource(rows.map(toSourcedDiscount));
}
