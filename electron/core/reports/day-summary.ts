import type { Database } from 'better-sqlite3';
import type { Channel, PaymentMethod } from '../../../shared/contract/orders';
import type { DaySummary } from '../../../shared/contract/reports';
import type { Money } from '../../../shared/money';
import { bySource } from '../../../shared/pricing/discount-sources';
import { namedStatements } from '../db/open-database';
import { toSourcedDiscount } from '../orders/order-records';

// Each query reads only the day's entries of a covering index, so the figure costs the same with
// a thousand orders in the store as with ten million.
export const daySummarySql = {
  byChannelAndHour: `SELECT channel, hour, count(*) AS orders, sum(item_count) AS items, sum(gross) AS gross,
      sum(discount) AS discounts, sum(total) AS net, sum(tax) AS tax
    FROM orders WHERE business_day = ? GROUP BY channel, hour`,
  byMethod: `SELECT method, sum(amount) AS amount, count(*) AS count
    FROM payments WHERE business_day = ? GROUP BY method ORDER BY method`,
  refunds: 'SELECT coalesce(sum(amount), 0) AS amount, count(*) AS count FROM refunds WHERE business_day = ?',
  discountsBySource: `SELECT source, campaign_id, max(campaign_name) AS campaign_name, sum(amount) AS amount
    FROM order_discounts WHERE business_day = ? GROUP BY source, campaign_id`,
};
const daySummaryStatements = namedStatements(daySummarySql);

type Bucket = {
  channel: Channel;
  hour: number;
  orders: number;
  items: number;
  gross: number;
  discounts: number;
  net: number;
  tax: number;
};

/**
 * DOMAIN.md's definitions: gross before discounts, discounts by source, net = gross − discounts,
 * refunds by the day they were made.
 */
export function daySummary(db: Database, businessDay: string, currency: string): DaySummary {
  const q = daySummaryStatements(db);
  const buckets = q.byChannelAndHour.all(businessDay) as Bucket[];
  const sum = (pick: (b: Bucket) => number) => buckets.reduce((total, b) => total + pick(b), 0);
  const orders = sum((b) => b.orders);
  const net = sum((b) => b.net);
  const channels = new Map<Channel, { channel: Channel; orders: number; net: Money }>();
  const hours = new Map<number, { hour: number; orders: number; net: Money }>();
  for (const b of buckets) {
    const channel = channels.get(b.channel) ?? { channel: b.channel, orders: 0, net: 0 as Money };
    channel.orders += b.orders;
    channel.net = (channel.net + b.net) as Money;
    channels.set(b.channel, channel);
    const hour = hours.get(b.hour) ?? { hour: b.hour, orders: 0, net: 0 as Money };
    hour.orders += b.orders;
    hour.net = (hour.net + b.net) as Money;
    hours.set(b.hour, hour);
  }
  return {
    businessDay,
    currency,
    orders,
    items: sum((b) => b.items),
    gross: sum((b) => b.gross) as Money,
    discounts: sum((b) => b.discounts) as Money,
    net: net as Money,
    tax: sum((b) => b.tax) as Money,
    averageTicket: (orders === 0 ? 0 : Math.round(net / orders)) as Money,
    discountsBySource: bySource(
      (q.discountsBySource.all(businessDay) as Parameters<typeof toSourcedDiscount>[0][]).map(toSourcedDiscount),
    ),
    refunds: q.refunds.get(businessDay) as DaySummary['refunds'],
    byMethod: q.byMethod.all(businessDay) as { method: PaymentMethod; amount: Money; count: number }[],
    byChannel: [...channels.values()].sort((a, b) => a.channel.localeCompare(b.channel)),
    byHour: [...hours.values()].sort((a, b) => a.hour - b.hour),
  };
}
