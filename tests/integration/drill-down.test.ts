import { describe, expect, it } from 'vitest';
import { writeOrderHistory } from '../../electron/core/demo/sales-history';
import { drillSql } from '../../electron/core/orders/order-drill';
import type { InputOf } from '../../shared/contract';
import type { DrillSpan, DrillSums } from '../../shared/contract/order-drill';
import type { OrderSummary } from '../../shared/contract/orders';
import type { ItemsReport, ReportRequest, SalesReport } from '../../shared/contract/sales-report';
import { salesFigures } from '../../shared/reports/figures';
import { addDays } from '../../shared/reports/periods';
import { seededRandom } from '../../shared/seeded-random';
import { type Caller, expectOk, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';

// Monday 30 November 2026, 15:00:20 in Shanghai: a period reaching today stops at 15:00.
const NOW = Date.UTC(2026, 10, 30, 7, 0, 20);
const NOW_MINUTE_END = Date.UTC(2026, 10, 30, 7, 0, 59, 999);

type ListInput = InputOf<'orders.list'>;
type Page = { orders: OrderSummary[]; hasMore: boolean; sums: DrillSums | null };

/** Every page of a drill-down, checked to hold each order once and to add up to the sums it gave. */
async function drill(call: Caller, token: string, input: ListInput): Promise<DrillSums> {
  const seen = new Set<string>();
  let total = 0;
  let sums: DrillSums | null = null;
  let before: string | undefined;
  for (;;) {
    const page = expectOk<Page>(
      await call({ method: 'orders.list', input: { ...input, before, limit: 200 }, sessionToken: token }),
    );
    expect(page.sums).not.toBeNull();
    // Every page carries the same sums: those of the whole set, not of the page.
    if (sums) expect(page.sums).toEqual(sums);
    sums = page.sums;
    for (const order of page.orders) {
      expect(seen.has(order.id)).toBe(false);
      seen.add(order.id);
      total += order.total;
    }
    before = page.orders.at(-1)?.id;
    if (!page.hasMore || !before) break;
  }
  const found = sums as DrillSums;
  expect({ orders: seen.size, net: total }).toEqual({ orders: found.orders, net: found.net });
  return found;
}

/**
 * Deliver 5 of issue 14: every total of the sales report opens the orders behind it, and the sums
 * of the drill-down (all its pages) are the report's figure to the fen, for random spans of
 * generated history, whole or cut at the minute of a period in progress.
 */
describe('a report figure drills down to its orders', () => {
  it('gives, for every headline and breakdown row, orders that add up to the figure', async () => {
    const { core, call } = await openHarness('in-process', { clock: () => NOW });
    const people = await createDemo(call);
    writeOrderHistory(core.environment.db, { orders: 2_500, days: 60, lastDay: '2026-11-30', seed: 23 });
    const manager = await signIn(call, people.manager);
    const random = seededRandom(5);
    const requests: ReportRequest[] = [
      { period: 'week', firstDay: '2026-11-30', comparison: null },
      { period: 'day', firstDay: '2026-11-30', comparison: null },
    ];
    for (let i = 0; i < 2; i++) {
      const first = addDays('2026-11-29', -random.int(50));
      requests.push({
        period: 'range',
        firstDay: first,
        lastDay: addDays(first, random.int(9)),
        comparison: null,
      });
    }
    for (const request of requests) {
      const report = expectOk<SalesReport>(
        await call({ method: 'reports.sales', input: request, sessionToken: manager }),
      );
      const items = expectOk<ItemsReport>(
        await call({ method: 'reports.items', input: request, sessionToken: manager }),
      );
      const counted = report.span;
      if (!counted) throw new Error('the span has begun');
      const span: DrillSpan = { firstDay: counted.from, lastDay: counted.to, untilMinute: counted.untilMinute };
      const of = (filters: Partial<ListInput>) => drill(call, manager, { span, ...filters });
      // The end of a cut last day, as the report counts it (through the end of its minute).
      const until = counted.untilMinute === null ? null : NOW_MINUTE_END;

      const all = await of({});
      expect(all.orders).toBeGreaterThan(0);
      const { totals } = report;
      expect(all).toMatchObject({
        orders: totals.current.orders,
        items: totals.current.items,
        gross: totals.current.gross,
        discount: totals.current.discount,
        net: totals.current.net,
        tax: totals.current.tax,
        refunded: totals.current.refunded,
      });
      // The margin's and the average ticket's drawers: their figure from the drill-down's sums, by
      // the same definitions as the card.
      const costed = await of({ withCost: true });
      expect(costed.cost).not.toBeNull();
      const made = salesFigures({ ...costed, ...(costed.cost ?? { costedNet: 0, cost: 0 }) });
      expect({ margin: made.margin, averageTicket: made.averageTicket }).toEqual({
        margin: totals.current.margin,
        averageTicket: totals.current.averageTicket,
      });
      // The discounts' and refunds' drawers hold only the orders that carry one, and add up to the card.
      const db = core.environment.db;
      const raw = (where: string) =>
        db
          .prepare(
            `SELECT count(*) FROM orders o WHERE o.business_day BETWEEN ? AND ? AND (? IS NULL OR o.business_day < ? OR o.paid_at <= ?) AND ${where}`,
          )
          .pluck()
          .get(span.firstDay, span.lastDay, until, span.lastDay, until) as number;
      const discounted = await of({ carrying: 'discount' });
      expect({ discount: discounted.discount, orders: discounted.orders }).toEqual({
        discount: totals.current.discount,
        orders: raw('o.discount > 0'),
      });
      expect(discounted.orders).toBeLessThan(all.orders);
      const refunded = await of({ carrying: 'refund' });
      expect({ refunded: refunded.refunded, orders: refunded.orders }).toEqual({
        refunded: totals.current.refunded,
        orders: raw('EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id)'),
      });
      expect(refunded.orders).toBeLessThan(all.orders);
      const figure = (sums: DrillSums) => ({ orders: sums.orders, net: sums.net, refunded: sums.refunded });
      const row = (f: { orders: number; net: number; refunded: number }) => ({
        orders: f.orders,
        net: f.net,
        refunded: f.refunded,
      });
      for (const day of report.byDay) {
        const cut = day.day === counted.to ? counted.untilMinute : null;
        const sums = await drill(call, manager, { span: { firstDay: day.day, lastDay: day.day, untilMinute: cut } });
        expect(figure(sums)).toEqual(row(day.current));
      }
      for (const hour of report.byHour) expect(figure(await of({ hour: hour.hour }))).toEqual(row(hour.current));
      for (const weekday of report.byWeekday) {
        expect(figure(await of({ weekday: weekday.weekday }))).toEqual(row(weekday.current));
      }
      for (const channel of report.byChannel) {
        expect(figure(await of({ channel: channel.channel }))).toEqual(row(channel.current));
      }
      for (const cashier of report.byCashier) {
        expect(figure(await of({ cashierId: cashier.staffId }))).toEqual(row(cashier.current));
      }
      for (const method of report.byMethod) {
        const sums = await of({ method: method.method });
        expect({ orders: sums.orders, amount: sums.methodAmount }).toEqual({
          orders: method.orders,
          amount: method.amount,
        });
      }
      for (const campaign of report.campaigns.campaigns) {
        const sums = await of({ campaignId: campaign.campaignId });
        expect({ orders: sums.orders, revenue: sums.net, discount: sums.couponDiscount }).toEqual({
          orders: campaign.orders,
          revenue: campaign.revenue,
          discount: campaign.discount,
        });
      }
      for (const product of items.byProduct) {
        const sums = await of({ productId: product.id });
        expect({ orders: sums.orders, ...sums.lines }).toEqual({
          orders: product.orders,
          quantity: product.quantity,
          net: product.net,
        });
      }
      for (const category of items.byCategory) {
        const sums = await of({ categoryId: category.id });
        expect({ orders: sums.orders, ...sums.lines }).toEqual({
          orders: category.orders,
          quantity: category.quantity,
          net: category.net,
        });
      }
      // Filters combine: a channel's orders at one hour are within both rows.
      const [channel] = report.byChannel;
      const [hour] = report.byHour;
      if (channel && hour) {
        const both = await of({ channel: channel.channel, hour: hour.hour });
        expect(both.orders).toBeLessThanOrEqual(Math.min(channel.current.orders, hour.current.orders));
      }
    }
    await core.close();
  }, 300_000);

  it('refuses a span and a day at once, a report row’s filter without either, a cashier, in the user’s words', async () => {
    const { core, call } = await openHarness('in-process', { clock: () => NOW });
    const people = await createDemo(call);
    const manager = await signIn(call, people.manager);
    const ask = (input: unknown, locale: string, token = manager) =>
      call({ method: 'orders.list', input, sessionToken: token, locale } as never);
    const span = { firstDay: '2026-11-01', lastDay: '2026-11-30', untilMinute: 660 };
    expect(await ask({ span, businessDay: '2026-11-30' }, 'en')).toMatchObject({
      ok: false,
      error: {
        code: 'drill_day_and_span',
        message: 'Show the orders of one business day or of a report’s span, not both at once.',
      },
    });
    expect(await ask({ hour: 9 }, 'zh-CN')).toMatchObject({
      ok: false,
      error: {
        code: 'drill_needs_span',
        message: '按商品、分类、营销活动、时段或星期查找订单时，须先选择营业日或报表时段。',
      },
    });
    expect(await ask({ span: { ...span, firstDay: '2020-01-01' } }, 'zh-CN')).toMatchObject({
      ok: false,
      error: { code: 'report_range_too_long' },
    });
    expect(await ask({ span: { ...span, lastDay: '2026-13-01' } }, 'en')).toMatchObject({
      ok: false,
      error: {
        code: 'report_day_invalid',
        message: expect.stringContaining('2026-13-01 is not a day of the calendar'),
      },
    });
    expect(await ask({ span: { ...span, lastDay: '2026-10-01' } }, 'en')).toMatchObject({
      ok: false,
      error: { code: 'report_range_backwards' },
    });
    const hour = await ask({ span, hour: 24 }, 'en');
    expect(hour).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(hour)).toContain('Hour');
    const cashier = await signIn(call, people.cashier);
    expect(await ask({ span }, 'en', cashier)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The cashier's own list of a day is as it was.
    expect(await ask({ businessDay: '2026-11-30' }, 'en', cashier)).toMatchObject({ ok: true, value: { sums: null } });
    await core.close();
  });

  it('reads a span through the day index and a cut day by time, never every order of the till', async () => {
    const { core, call } = await openHarness('in-process', { clock: () => NOW });
    await createDemo(call);
    const db = core.environment.db;
    const nulls = Object.fromEntries(
      ['channel', 'cashierId', 'method', 'status', 'number', 'productId', 'categoryId', 'campaignId', 'hour', 'weekday']
        .concat(['carrying', 'withCost', 'beforeDay', 'before'])
        .map((name) => [name, null]),
    );
    const params = {
      ...nulls,
      ...{ from: '2026-01-01', lastWhole: '2026-11-29', to: '2026-11-30', since: 0, until: NOW, hour: 9, limit: 51 },
    };
    for (const [name, sql] of Object.entries(drillSql)) {
      if (name === 'dayOf') continue;
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
      // A cut day is read by time, so an open hour does not read the whole day (migration 0021).
      const index = name.endsWith('.whole')
        ? ' (business_day>? AND business_day<?)'
        : name.endsWith('.cut')
          ? 'orders_by_paid_time (business_day=? AND paid_at>? AND paid_at<?)'
          : ' (business_day=?)';
      expect(plan[0], name).toMatch(/^SEARCH o USING (COVERING )?INDEX /);
      expect(plan[0], name).toContain(index);
      expect(
        plan.filter((step) => step.startsWith('SCAN')),
        name,
      ).toEqual([]);
    }
    await core.close();
  });
});
