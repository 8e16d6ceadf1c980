import type { SalesSums } from '../../shared/reports/figures';
import type { LossSums } from '../../shared/reports/loss-signals';
import type { Queryable } from '../db/sql';
import { salesSums } from './franchise-sales';

type Span = { from: string; to: string };
export type ChannelSums = { storeId: string; channel: string; sums: SalesSums };

// Every query here crosses the organisation's stores: it is bounded by their ids, which the
// (store_id, business_day) indexes serve store by store (docs/scale.md, "Queries across stores").
const OWN = 'SELECT id FROM stores WHERE organisation_id = $1';

/** Each store's sums per channel over the span, by the reports' definitions (as `daySums` reads them). */
export async function channelSums(db: Queryable, organisationId: string, span: Span): Promise<ChannelSums[]> {
  const parts = await salesSums(db, organisationId, span, 'channel');
  return parts.map(({ storeId, part, sums }) => ({ storeId, channel: part, sums }));
}

type LossRow = {
  store_id: string;
  orders: number;
  gross: number;
  discount: number;
  discounted: number;
  rounded: number;
  rounding_given: number;
  overrides: number;
  override_amount: number;
  refunds: number;
  refund_amount: number;
  late_refunds: number;
  late_amount: number;
  voids: number;
  void_amount: number;
  no_sales: number;
  shifts: number;
  shifts_off: number;
  cash_net: number;
  cash_absolute: number;
  cash_expected: number;
};

function rowToLossSums(row: LossRow): LossSums {
  return {
    orders: row.orders,
    gross: row.gross,
    discount: row.discount,
    discounted: row.discounted,
    refunds: { count: row.refunds, amount: row.refund_amount },
    lateRefunds: { count: row.late_refunds, amount: row.late_amount },
    voids: { count: row.voids, amount: row.void_amount },
    noSales: row.no_sales,
    cash: {
      shifts: row.shifts,
      off: row.shifts_off,
      net: row.cash_net,
      absolute: row.cash_absolute,
      expected: row.cash_expected,
    },
    rounding: { count: row.rounded, given: row.rounding_given },
    overrides: { count: row.overrides, amount: row.override_amount },
  };
}

/**
 * Each store's loss-prevention counts over the span (docs/franchise.md, "Compare stores"): sales
 * and refunds by the day they were made; a refund is late when the sale's shift (the Z report of
 * the till that rang it up, whose hours hold the sale) had closed before it; voids and no-sale
 * openings as the tills pushed them; cash variance from the closed shifts' counts.
 */
export async function lossSums(db: Queryable, organisationId: string, span: Span): Promise<Map<string, LossSums>> {
  const rows = await db.query<LossRow>(
    `WITH sold AS (
       SELECT o.store_id, count(*)::bigint AS orders,
         sum((o.body->'order'->>'gross')::bigint)::bigint AS gross,
         sum((o.body->'order'->>'discount')::bigint)::bigint AS discount,
         count(*) FILTER (WHERE (o.body->'order'->>'discount')::bigint > 0)::bigint AS discounted,
         count(*) FILTER (WHERE (o.body->'order'->>'rounding')::bigint <> 0)::bigint AS rounded,
         (-sum((o.body->'order'->>'rounding')::bigint))::bigint AS rounding_given
       FROM orders o WHERE o.store_id IN (${OWN}) AND o.business_day BETWEEN $2::date AND $3::date
       GROUP BY o.store_id
     ), manual AS (
       SELECT o.store_id, count(DISTINCT o.id)::bigint AS overrides, sum((p.part->>'amount')::bigint)::bigint AS amount
       FROM orders o
         CROSS JOIN LATERAL jsonb_array_elements(o.body->'lines') AS l(line)
         CROSS JOIN LATERAL jsonb_array_elements(COALESCE(l.line->'discounts', '[]'::jsonb)) AS p(part)
       WHERE o.store_id IN (${OWN}) AND o.business_day BETWEEN $2::date AND $3::date
         AND p.part->>'kind' IN ('manual_line', 'manual_order')
       GROUP BY o.store_id
     ), refunded AS (
       SELECT r.store_id, count(*)::bigint AS refunds, sum(r.amount)::bigint AS amount,
         count(*) FILTER (WHERE late.closed)::bigint AS late_refunds,
         COALESCE(sum(r.amount) FILTER (WHERE late.closed), 0)::bigint AS late_amount
       FROM refunds r JOIN orders o ON o.store_id = r.store_id AND o.id = r.order_id
         CROSS JOIN LATERAL (SELECT EXISTS (
           SELECT 1 FROM z_reports z
           WHERE z.store_id = o.store_id AND z.device_id = o.device_id
             AND (z.body->'shift'->>'openedAt')::bigint <= o.paid_at AND z.closed_at >= o.paid_at
             AND z.closed_at < r.refunded_at) AS closed) AS late
       WHERE r.store_id IN (${OWN}) AND r.business_day BETWEEN $2::date AND $3::date
       GROUP BY r.store_id
     ), events AS (
       SELECT store_id, count(*) FILTER (WHERE kind = 'void')::bigint AS voids,
         COALESCE(sum(amount) FILTER (WHERE kind = 'void'), 0)::bigint AS void_amount,
         count(*) FILTER (WHERE kind = 'no_sale')::bigint AS no_sales
       FROM till_events WHERE store_id IN (${OWN}) AND business_day BETWEEN $2::date AND $3::date
       GROUP BY store_id
     ), counted AS (
       SELECT store_id, (body->'shift'->>'countedCash')::bigint - (body->'shift'->>'expectedCash')::bigint AS off,
         (body->'shift'->>'expectedCash')::bigint AS expected
       FROM z_reports WHERE store_id IN (${OWN}) AND business_day BETWEEN $2::date AND $3::date
     ), cash AS (
       SELECT store_id, count(*)::bigint AS shifts, count(*) FILTER (WHERE off <> 0)::bigint AS shifts_off,
         sum(off)::bigint AS net, sum(abs(off))::bigint AS absolute, sum(expected)::bigint AS expected
       FROM counted GROUP BY store_id
     )
     SELECT s.id AS store_id,
       COALESCE(sold.orders, 0)::bigint AS orders, COALESCE(sold.gross, 0)::bigint AS gross,
       COALESCE(sold.discount, 0)::bigint AS discount, COALESCE(sold.discounted, 0)::bigint AS discounted,
       COALESCE(sold.rounded, 0)::bigint AS rounded, COALESCE(sold.rounding_given, 0)::bigint AS rounding_given,
       COALESCE(manual.overrides, 0)::bigint AS overrides, COALESCE(manual.amount, 0)::bigint AS override_amount,
       COALESCE(refunded.refunds, 0)::bigint AS refunds, COALESCE(refunded.amount, 0)::bigint AS refund_amount,
       COALESCE(refunded.late_refunds, 0)::bigint AS late_refunds, COALESCE(refunded.late_amount, 0)::bigint AS late_amount,
       COALESCE(events.voids, 0)::bigint AS voids, COALESCE(events.void_amount, 0)::bigint AS void_amount,
       COALESCE(events.no_sales, 0)::bigint AS no_sales,
       COALESCE(cash.shifts, 0)::bigint AS shifts, COALESCE(cash.shifts_off, 0)::bigint AS shifts_off,
       COALESCE(cash.net, 0)::bigint AS cash_net, COALESCE(cash.absolute, 0)::bigint AS cash_absolute,
       COALESCE(cash.expected, 0)::bigint AS cash_expected
     FROM stores s
       LEFT JOIN sold ON sold.store_id = s.id LEFT JOIN manual ON manual.store_id = s.id
       LEFT JOIN refunded ON refunded.store_id = s.id LEFT JOIN events ON events.store_id = s.id
       LEFT JOIN cash ON cash.store_id = s.id
     WHERE s.organisation_id = $1`,
    [organisationId, span.from, span.to],
  );
  return new Map(rows.map((row) => [row.store_id, rowToLossSums(row)]));
}
