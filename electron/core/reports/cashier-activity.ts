import type { Database } from 'better-sqlite3';
import { addDays } from '../../../shared/reports/periods';
import { namedStatements } from '../db/open-database';
import { mergeByKey } from './range-lines';
import type { SpanBounds } from './range-sums';
import { perPart, spanParts } from './span-parts';

/** What a cashier did in a span besides selling: the loss-prevention side of the cashier table. */
export type CashierActivity = {
  staffId: string;
  name: string;
  refundsMade: { amount: number; count: number };
  voids: number;
  noSales: number;
  rounding: number;
};

type ActivityRow = { staff_id: string; amount: number; count: number };

/** Cash rounding (抹零) on a cashier's sales in a span: part of the span's facts, stored per day. */
export type CashierRounding = { staffId: string; amount: number };

const roundingStatements = namedStatements(
  perPart({
    rounding: (where) => `SELECT o.cashier_id AS staffId, sum(o.rounding) AS amount FROM orders o
      WHERE ${where} GROUP BY o.cashier_id`,
  }),
);

export function roundingBy(db: Database, bounds: SpanBounds): CashierRounding[] {
  const q = roundingStatements(db);
  return mergeByKey(
    spanParts(bounds).flatMap(({ part, params }) => q[`rounding.${part}`].all(params) as CashierRounding[]),
    'staffId',
  );
}

const statements = namedStatements({
  refunds: `SELECT staff_id, sum(amount) AS amount, count(*) AS count FROM refunds
    WHERE business_day BETWEEN @from AND @lastWhole OR (business_day = @to AND at <= @until)
    GROUP BY staff_id`,
  audited: `SELECT staff_id, action, count(*) AS count FROM audit_log
    WHERE action IN ('carts.void', 'drawer.noSale') AND at >= @start AND at < @end AND staff_id IS NOT NULL
    GROUP BY staff_id, action`,
  names: 'SELECT id, name FROM staff',
});

/** Everyone who ever worked here, by id: a report names people as they are called now. */
export function staffNames(db: Database): Map<string, string> {
  return new Map((statements(db).names.all() as { id: string; name: string }[]).map((row) => [row.id, row.name]));
}

/**
 * Each person's refunds made, voids, no-sale openings and cash rounding in the span. `start` and
 * `end` are the span's instants (the audit log keeps times, not business days); the rounding comes
 * with the span's facts.
 */
export function cashierActivity(
  db: Database,
  bounds: SpanBounds,
  instants: { start: number; end: number },
  rounding: readonly CashierRounding[],
): Map<string, CashierActivity> {
  const q = statements(db);
  const cut = bounds.until !== null;
  // A whole last day is in the BETWEEN; a cut one only up to `until`.
  const days = {
    from: bounds.from,
    lastWhole: cut ? addDays(bounds.to, -1) : bounds.to,
    to: bounds.to,
    until: bounds.until ?? -1,
  };
  const names = staffNames(db);
  const found = new Map<string, CashierActivity>();
  const of = (staffId: string): CashierActivity => {
    let seen = found.get(staffId);
    if (!seen) {
      seen = {
        staffId,
        name: names.get(staffId) ?? staffId,
        refundsMade: { amount: 0, count: 0 },
        voids: 0,
        noSales: 0,
        rounding: 0,
      };
      found.set(staffId, seen);
    }
    return seen;
  };
  for (const row of rounding) of(row.staffId).rounding = row.amount;
  for (const row of q.refunds.all(days) as ActivityRow[])
    of(row.staff_id).refundsMade = { amount: row.amount, count: row.count };
  for (const row of q.audited.all(instants) as (ActivityRow & { action: string })[]) {
    if (row.action === 'carts.void') of(row.staff_id).voids = row.count;
    else of(row.staff_id).noSales = row.count;
  }
  return found;
}
