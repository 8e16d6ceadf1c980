import type { Database } from 'better-sqlite3';
import type { CampaignReport } from '../../../shared/contract/sales-report';
import type { Money } from '../../../shared/money';
import { addDays } from '../../../shared/reports/periods';
import { mulDivRound } from '../../../shared/rounding';
import { namedStatements } from '../db/open-database';
import type { SpanBounds } from './range-sums';

// The span's orders: whole days by the day index, a cut last day up to its moment.
const inSpan = '(o.business_day BETWEEN @from AND @lastWhole OR (o.business_day = @to AND o.paid_at <= @until))';

const statements = namedStatements({
  // One row per order and campaign, so an order with two coupons of one campaign counts once.
  used: `SELECT d.campaign_id AS campaignId, max(d.campaign_name) AS name, count(*) AS orders,
      sum(d.discount) AS discount, sum(o.total) AS revenue
    FROM orders o JOIN (SELECT order_id, campaign_id, max(campaign_name) AS campaign_name, sum(amount) AS discount
                        FROM order_discounts WHERE source = 'coupon' GROUP BY order_id, campaign_id) d
      ON d.order_id = o.id
    WHERE ${inSpan} GROUP BY d.campaign_id`,
  redeemed: `SELECT r.campaign_id AS campaignId, count(*) AS redeemed FROM orders o JOIN redemptions r ON r.order_id = o.id
    WHERE ${inSpan} AND r.state NOT IN ('REJECTED', 'REVERSED') GROUP BY r.campaign_id`,
  without: `SELECT count(*) AS orders, coalesce(sum(o.total), 0) AS revenue FROM orders o
    WHERE ${inSpan} AND NOT EXISTS (SELECT 1 FROM order_discounts d WHERE d.order_id = o.id AND d.source = 'coupon')`,
});

const ticket = (revenue: number, orders: number) => (orders === 0 ? 0 : mulDivRound(revenue, 1, orders)) as Money;

/**
 * What each coupon campaign brought in the span: the orders that used it and their net (revenue),
 * the discount it cost, the vouchers redeemed, and the average ticket with it beside the average
 * ticket of the orders that used no coupon at all.
 */
export function campaignReport(db: Database, bounds: SpanBounds): CampaignReport {
  const q = statements(db);
  const params = {
    from: bounds.from,
    lastWhole: bounds.until === null ? bounds.to : addDays(bounds.to, -1),
    to: bounds.to,
    until: bounds.until ?? -1,
  };
  const redeemed = new Map(
    (q.redeemed.all(params) as { campaignId: number; redeemed: number }[]).map((row) => [row.campaignId, row.redeemed]),
  );
  const used = q.used.all(params) as {
    campaignId: number | null;
    name: string | null;
    orders: number;
    discount: number;
    revenue: number;
  }[];
  const without = q.without.get(params) as { orders: number; revenue: number };
  return {
    campaigns: used
      .map((row) => ({
        campaignId: row.campaignId ?? 0,
        name: row.name ?? '',
        orders: row.orders,
        redeemed: redeemed.get(row.campaignId ?? 0) ?? 0,
        discount: row.discount as Money,
        revenue: row.revenue as Money,
        averageTicket: ticket(row.revenue, row.orders),
      }))
      .sort((a, b) => b.revenue - a.revenue || a.campaignId - b.campaignId),
    withoutCoupon: {
      orders: without.orders,
      revenue: without.revenue as Money,
      averageTicket: ticket(without.revenue, without.orders),
    },
  };
}
