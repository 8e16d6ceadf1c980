import type { Database } from 'better-sqlite3';
import type { CampaignReport } from '../../../shared/contract/sales-report';
import type { Money } from '../../../shared/money';
import { mulDivRound } from '../../../shared/rounding';
import { namedStatements } from '../db/open-database';
import type { SpanBounds } from './range-sums';
import { perPart, spanDays, spanParts, spanWhere } from './span-parts';

// One row per order and campaign, so an order with two coupons of one campaign counts once. The
// discounts are found by their own day index, never by grouping every coupon ever given; within a
// cut day or an hour also by the part's order ids, so an open hour does not group the whole day's.
const used = (inSpan: string, discounts: string) => `SELECT d.campaign_id AS campaignId,
      max(d.campaign_name) AS name, count(*) AS orders, sum(d.discount) AS discount, sum(o.total) AS revenue
    FROM orders o JOIN (SELECT order_id, campaign_id, max(campaign_name) AS campaign_name, sum(amount) AS discount
                        FROM order_discounts WHERE source = 'coupon' AND ${discounts}
                        GROUP BY order_id, campaign_id) d
      ON d.order_id = o.id
    WHERE ${inSpan} GROUP BY d.campaign_id`;

const statements = namedStatements({
  ...perPart({
    used: (inSpan: string, days: string) =>
      used(inSpan, `business_day ${days} AND order_id IN (SELECT o.id FROM orders o WHERE ${inSpan})`),
    redeemed: (
      inSpan: string,
    ) => `SELECT r.campaign_id AS campaignId, count(*) AS redeemed FROM orders o JOIN redemptions r ON r.order_id = o.id
    WHERE ${inSpan} AND r.state NOT IN ('REJECTED', 'REVERSED') GROUP BY r.campaign_id`,
    without: (inSpan: string) => `SELECT count(*) AS orders, coalesce(sum(o.total), 0) AS revenue FROM orders o
    WHERE ${inSpan} AND NOT EXISTS (SELECT 1 FROM order_discounts d WHERE d.order_id = o.id AND d.source = 'coupon')`,
  }),
  // Whole days hold most of the span's orders: their coupons are read by the day index alone.
  'used.whole': used(spanWhere.whole, `business_day ${spanDays.whole}`),
});

const ticket = (revenue: number, orders: number) => (orders === 0 ? 0 : mulDivRound(revenue, 1, orders)) as Money;

/** One campaign's orders in a span: their net (revenue), what its coupons took off, vouchers redeemed. */
export type CampaignUse = {
  campaignId: number;
  name: string;
  orders: number;
  discount: number;
  revenue: number;
  redeemed: number;
};
/** What a span's coupons did, in sums that add across spans (an order is in one span only). */
export type CampaignSums = { used: CampaignUse[]; withoutCoupon: { orders: number; revenue: number } };

type UsedRow = { campaignId: number | null; name: string | null; orders: number; discount: number; revenue: number };

export function campaignSums(db: Database, bounds: SpanBounds): CampaignSums {
  const q = statements(db);
  const parts: CampaignSums[] = spanParts(bounds).map(({ part, params }) => {
    const redeemed = new Map<number, number>();
    for (const row of q[`redeemed.${part}`].all(params) as { campaignId: number; redeemed: number }[])
      redeemed.set(row.campaignId, row.redeemed);
    const used = (q[`used.${part}`].all(params) as UsedRow[]).map((row) => ({
      campaignId: row.campaignId ?? 0,
      name: row.name ?? '',
      orders: row.orders,
      discount: row.discount,
      revenue: row.revenue,
      redeemed: 0,
    }));
    // A voucher redeemed on an order with no coupon discount (a group-buy voucher) still counts.
    for (const [campaignId, count] of redeemed) {
      const use = used.find((found) => found.campaignId === campaignId);
      if (use) use.redeemed = count;
      else used.push({ campaignId, name: '', orders: 0, discount: 0, revenue: 0, redeemed: count });
    }
    return { used, withoutCoupon: q[`without.${part}`].get(params) as CampaignSums['withoutCoupon'] };
  });
  return mergeCampaigns(parts);
}

export function mergeCampaigns(all: readonly CampaignSums[]): CampaignSums {
  const used = new Map<number, CampaignUse>();
  const withoutCoupon = { orders: 0, revenue: 0 };
  for (const sums of all) {
    for (const use of sums.used) {
      const seen = used.get(use.campaignId);
      used.set(
        use.campaignId,
        seen
          ? {
              campaignId: use.campaignId,
              name: seen.name || use.name,
              orders: seen.orders + use.orders,
              discount: seen.discount + use.discount,
              revenue: seen.revenue + use.revenue,
              redeemed: seen.redeemed + use.redeemed,
            }
          : { ...use },
      );
    }
    withoutCoupon.orders += sums.withoutCoupon.orders;
    withoutCoupon.revenue += sums.withoutCoupon.revenue;
  }
  return { used: [...used.values()], withoutCoupon };
}

/**
 * What each coupon campaign brought in the span: the orders that used it and their net (revenue),
 * the discount it cost, the vouchers redeemed, and the average ticket with it beside the average
 * ticket of the orders that used no coupon at all.
 */
export function campaignReport(sums: CampaignSums): CampaignReport {
  return {
    campaigns: sums.used
      .filter((use) => use.orders > 0)
      .map((use) => ({
        campaignId: use.campaignId,
        name: use.name,
        orders: use.orders,
        redeemed: use.redeemed,
        discount: use.discount as Money,
        revenue: use.revenue as Money,
        averageTicket: ticket(use.revenue, use.orders),
      }))
      .sort((a, b) => b.revenue - a.revenue || a.campaignId - b.campaignId),
    withoutCoupon: {
      orders: sums.withoutCoupon.orders,
      revenue: sums.withoutCoupon.revenue as Money,
      averageTicket: ticket(sums.withoutCoupon.revenue, sums.withoutCoupon.orders),
    },
  };
}
