import type { Database } from 'better-sqlite3';
import type { CampaignReport } from '../../../shared/contract/sales-report';
import type { Money } from '../../../shared/money';
import { mulDivRound } from '../../../shared/rounding';
import { namedStatements } from '../db/open-database';
import type { SpanBounds } from './range-sums';
import { perPart, spanParts } from './span-parts';

const statements = namedStatements(
  perPart({
    // One row per order and campaign, so an order with two coupons of one campaign counts once.
    used: (inSpan: string) => `SELECT d.campaign_id AS campaignId, max(d.campaign_name) AS name, count(*) AS orders,
      sum(d.discount) AS discount, sum(o.total) AS revenue
    FROM orders o JOIN (SELECT order_id, campaign_id, max(campaign_name) AS campaign_name, sum(amount) AS discount
                        FROM order_discounts WHERE source = 'coupon' GROUP BY order_id, campaign_id) d
      ON d.order_id = o.id
    WHERE ${inSpan} GROUP BY d.campaign_id`,
    redeemed: (
      inSpan: string,
    ) => `SELECT r.campaign_id AS campaignId, count(*) AS redeemed FROM orders o JOIN redemptions r ON r.order_id = o.id
    WHERE ${inSpan} AND r.state NOT IN ('REJECTED', 'REVERSED') GROUP BY r.campaign_id`,
    without: (inSpan: string) => `SELECT count(*) AS orders, coalesce(sum(o.total), 0) AS revenue FROM orders o
    WHERE ${inSpan} AND NOT EXISTS (SELECT 1 FROM order_discounts d WHERE d.order_id = o.id AND d.source = 'coupon')`,
  }),
);

const ticket = (revenue: number, orders: number) => (orders === 0 ? 0 : mulDivRound(revenue, 1, orders)) as Money;

/**
 * What each coupon campaign brought in the span: the orders that used it and their net (revenue),
 * the discount it cost, the vouchers redeemed, and the average ticket with it beside the average
 * ticket of the orders that used no coupon at all.
 */
type UsedRow = { campaignId: number | null; name: string | null; orders: number; discount: number; revenue: number };

export function campaignReport(db: Database, bounds: SpanBounds): CampaignReport {
  const q = statements(db);
  const redeemed = new Map<number, number>();
  const used = new Map<number, UsedRow>();
  const without = { orders: 0, revenue: 0 };
  for (const { part, params } of spanParts(bounds)) {
    for (const row of q[`redeemed.${part}`].all(params) as { campaignId: number; redeemed: number }[]) {
      redeemed.set(row.campaignId, (redeemed.get(row.campaignId) ?? 0) + row.redeemed);
    }
    for (const row of q[`used.${part}`].all(params) as UsedRow[]) {
      const id = row.campaignId ?? 0;
      const seen = used.get(id);
      used.set(
        id,
        seen
          ? {
              ...seen,
              orders: seen.orders + row.orders,
              discount: seen.discount + row.discount,
              revenue: seen.revenue + row.revenue,
            }
          : row,
      );
    }
    const rest = q[`without.${part}`].get(params) as { orders: number; revenue: number };
    without.orders += rest.orders;
    without.revenue += rest.revenue;
  }
  return {
    campaigns: [...used.entries()]
      .map(([campaignId, row]) => ({
        campaignId,
        name: row.name ?? '',
        orders: row.orders,
        redeemed: redeemed.get(campaignId) ?? 0,
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
