import { describe, expect, it } from 'vitest';
import { writeOrderHistory } from '../../electron/core/demo/sales-history';
import { type OrderGroup, orderGroups, salesBy } from '../../electron/core/reports/range-sums';
import { addSums, emptySums, type SalesSums } from '../../shared/reports/figures';
import { weekdayOf } from '../../shared/reports/periods';
import { openHarness } from '../support/callers';
import { createDemo } from '../support/demo-session';
import { seededRandom } from '../support/random';

type OrderRow = {
  id: string;
  business_day: string;
  channel: string;
  hour: number;
  cashier_id: string;
  paid_at: number;
  item_count: number;
  gross: number;
  discount: number;
  tax: number;
};

/**
 * Each breakdown of a range against an independent computation from every raw row (issue 14,
 * deliverable 5), for whole ranges and ranges cut at a moment of their last day.
 */
describe('sales by channel, hour, weekday and cashier over any range', () => {
  it('match a plain sum of the raw rows, and every breakdown adds up to the total', async () => {
    const { core, call } = await openHarness('in-process');
    await createDemo(call);
    const db = core.environment.db;
    writeOrderHistory(db, { orders: 4_000, days: 60, lastDay: '2026-11-30', seed: 7 });
    const orders = db.prepare('SELECT * FROM orders').all() as OrderRow[];
    const lines = db.prepare('SELECT order_id, net, cost FROM order_lines').all() as {
      order_id: string;
      net: number;
      cost: number | null;
    }[];
    const refunds = db.prepare('SELECT order_id, amount FROM refunds').all() as { order_id: string; amount: number }[];
    const keyOf: Record<OrderGroup, (o: OrderRow) => string | number> = {
      all: () => '',
      day: (o) => o.business_day,
      channel: (o) => o.channel,
      hour: (o) => o.hour,
      weekday: (o) => weekdayOf(o.business_day),
      cashier: (o) => o.cashier_id,
    };
    const random = seededRandom(3);
    for (let round = 0; round < 12; round += 1) {
      const from = `2026-10-${String(2 + random.int(28)).padStart(2, '0')}`;
      const to = `2026-11-${String(1 + random.int(29)).padStart(2, '0')}`;
      const until = round % 2 === 0 ? null : Date.parse(`${to}T00:00:00Z`) + random.int(86_400_000);
      const inSpan = orders.filter(
        (o) =>
          o.business_day >= from &&
          o.business_day <= to &&
          (until === null || o.business_day < to || o.paid_at <= until),
      );
      for (const group of Object.keys(orderGroups) as OrderGroup[]) {
        const expected = new Map<string | number, SalesSums>();
        for (const o of inSpan) {
          const own = lines.filter((l) => l.order_id === o.id && l.cost !== null);
          const sums: SalesSums = {
            ...emptySums,
            orders: 1,
            items: o.item_count,
            gross: o.gross,
            discount: o.discount,
            tax: o.tax,
            costedNet: own.reduce((s, l) => s + l.net, 0),
            cost: own.reduce((s, l) => s + (l.cost ?? 0), 0),
            refunded: refunds.filter((r) => r.order_id === o.id).reduce((s, r) => s + r.amount, 0),
          };
          const key = keyOf[group](o);
          expected.set(key, addSums(expected.get(key) ?? emptySums, sums));
        }
        const found = salesBy(db, { from, to, until }, group);
        expect(new Map([...found].sort())).toEqual(new Map([...expected].sort()));
        const total = [...found.values()].reduce(addSums, emptySums);
        expect(total).toEqual(salesBy(db, { from, to, until }, 'all').get('') ?? emptySums);
      }
    }
    await core.close();
    // Minutes on a busy two-core machine (89 s seen under a CI run); seconds when it is idle.
  }, 300_000);
});
