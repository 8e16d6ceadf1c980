import type { Database } from 'better-sqlite3';
import type { Money } from '../../../shared/money';
import type { SourcedDiscount } from '../../../shared/pricing/discount-sources';
import { addDays } from '../../../shared/reports/periods';
import { namedStatements } from '../db/open-database';
import { toSourcedDiscount } from '../orders/order-records';
import type { SpanBounds } from './range-sums';
import { perPart, spanParts } from './span-parts';

type DiscountRow = Parameters<typeof toSourcedDiscount>[0];

// Whole days read the day indexes alone. A cut last day or one hour also needs each entry's order:
// its ids come from the orders' day index as a list, because looking each order up by its key reads
// the orders table itself, which at ten million orders is mostly not in memory.
const statements = namedStatements({
  discountsWhole: `SELECT source, campaign_id, max(campaign_name) AS campaign_name, sum(amount) AS amount
    FROM order_discounts WHERE business_day BETWEEN @from AND @lastWhole GROUP BY source, campaign_id`,
  ...perPart({
    discountsOf: (
      where: string,
      days: string,
    ) => `SELECT d.source, d.campaign_id, max(d.campaign_name) AS campaign_name,
      sum(d.amount) AS amount FROM order_discounts d
    WHERE d.business_day ${days} AND d.order_id IN (SELECT o.id FROM orders o WHERE ${where})
    GROUP BY d.source, d.campaign_id`,
  }),
  refundsWhole: `SELECT coalesce(sum(amount), 0) AS amount, count(*) AS count FROM refunds
    WHERE business_day BETWEEN @from AND @lastWhole`,
  refundsCut: `SELECT coalesce(sum(amount), 0) AS amount, count(*) AS count FROM refunds
    WHERE business_day = @to AND at <= @until`,
});

function days(bounds: SpanBounds) {
  return { from: bounds.from, lastWhole: bounds.until === null ? bounds.to : addDays(bounds.to, -1) };
}

/** Every discount given on the span's orders, by source (not yet merged: `bySource` does that). */
export function discountsIn(db: Database, bounds: SpanBounds): SourcedDiscount[] {
  const q = statements(db);
  return spanParts(bounds)
    .flatMap(({ part, params }) =>
      part === 'whole' ? q.discountsWhole.all(params) : q[`discountsOf.${part}`].all(params),
    )
    .map((row) => toSourcedDiscount(row as DiscountRow));
}

/** Refunds made on the span's days, whatever day their orders were: the money that went back. */
export function refundsMadeIn(db: Database, bounds: SpanBounds): { amount: Money; count: number } {
  const q = statements(db);
  const whole = q.refundsWhole.get(days(bounds)) as { amount: number; count: number };
  const cut =
    bounds.until === null
      ? { amount: 0, count: 0 }
      : (q.refundsCut.get({ to: bounds.to, until: bounds.until }) as { amount: number; count: number });
  return { amount: (whole.amount + cut.amount) as Money, count: whole.count + cut.count };
}
