import { describe, expect, it } from 'vitest';
import { writeOrderHistory } from '../../electron/core/demo/sales-history';
import type { Figures, ItemsReport, ReportRequest, SalesReport } from '../../shared/contract/sales-report';
import { addDays } from '../../shared/reports/periods';
import { expectOk, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';

type OrderRow = { id: string; business_day: string; paid_at: number; gross: number; discount: number };

// Monday 30 November 2026, 15:00:20 in Shanghai: the day, the week and the month are in progress.
const NOW = Date.UTC(2026, 10, 30, 7, 0, 20);
const pad = (n: number) => String(n).padStart(2, '0');
const shanghai = (day: string, hh: number, mm: number) => Date.parse(`${day}T${pad(hh)}:${pad(mm)}:59.999+08:00`);

/**
 * The sales report a manager reads (issue 14): its totals against a plain sum of the raw rows, every
 * breakdown adding up to them, and a period in progress compared with the same elapsed part of the
 * earlier one.
 */
describe('the sales report over any period', () => {
  it('adds up, to the fen, from the raw rows and across every breakdown', async () => {
    const { core, call } = await openHarness('in-process', { clock: () => NOW });
    const people = await createDemo(call);
    const db = core.environment.db;
    writeOrderHistory(db, { orders: 3_000, days: 70, lastDay: '2026-11-30', seed: 11 });
    const manager = await signIn(call, people.manager);
    expectOk(await call({ method: 'drawer.noSale', input: { reason: '换零钱' }, sessionToken: manager }));
    expectOk(await call({ method: 'drawer.noSale', input: { reason: '查看钱箱' }, sessionToken: manager }));
    const orders = db.prepare('SELECT id, business_day, paid_at, gross, discount FROM orders').all() as OrderRow[];
    const refunds = db.prepare('SELECT order_id, amount FROM refunds').all() as { order_id: string; amount: number }[];
    const payments = db.prepare('SELECT order_id, amount FROM payments').all() as {
      order_id: string;
      amount: number;
    }[];

    /** Net, orders and refunds of these orders from every raw row, cut at `until` on the last day. */
    const plain = (from: string, to: string, until: number | null) => {
      const inside = orders.filter(
        (o) =>
          o.business_day >= from &&
          o.business_day <= to &&
          (until === null || o.business_day < to || o.paid_at <= until),
      );
      const ids = new Set(inside.map((o) => o.id));
      return {
        orders: inside.length,
        net: inside.reduce((s, o) => s + o.gross - o.discount, 0),
        refunded: refunds.filter((r) => ids.has(r.order_id)).reduce((s, r) => s + r.amount, 0),
        paid: payments.filter((p) => ids.has(p.order_id)).reduce((s, p) => s + p.amount, 0),
      };
    };
    const report = async (request: ReportRequest) =>
      expectOk<SalesReport>(await call({ method: 'reports.sales', input: request, sessionToken: manager }));
    const figures = (f: Figures | null) => ({ orders: f?.orders, net: f?.net, refunded: f?.refunded });
    const addUp = (rows: { current: Figures }[]) => ({
      orders: rows.reduce((s, r) => s + r.current.orders, 0),
      net: rows.reduce((s, r) => s + r.current.net, 0),
      refunded: rows.reduce((s, r) => s + r.current.refunded, 0),
    });

    // The month in progress: 1–30 November up to 15:00, against 1–30 October up to 15:00.
    const month = await report({ period: 'month', firstDay: '2026-11-15', comparison: 'previous_period' });
    expect(month.span).toEqual({ from: '2026-11-01', to: '2026-11-30', untilMinute: 660 });
    expect(month.compared).toEqual({ from: '2026-10-01', to: '2026-10-30', untilMinute: 660 });
    const now = plain('2026-11-01', '2026-11-30', shanghai('2026-11-30', 15, 0));
    const before = plain('2026-10-01', '2026-10-30', shanghai('2026-10-30', 15, 0));
    expect(now.orders).toBeGreaterThan(1_000);
    // The generated day goes on past 15:00, so the cut is what is under test here.
    expect(plain('2026-11-01', '2026-11-30', null).orders).toBeGreaterThan(now.orders);
    expect(figures(month.totals.current)).toEqual({ orders: now.orders, net: now.net, refunded: now.refunded });
    expect(figures(month.totals.earlier)).toEqual({
      orders: before.orders,
      net: before.net,
      refunded: before.refunded,
    });
    for (const rows of [month.byDay, month.byHour, month.byWeekday, month.byChannel, month.byCashier]) {
      expect(addUp(rows)).toEqual(figures(month.totals.current));
    }
    expect(month.byMethod.reduce((s, r) => s + r.amount, 0)).toBe(now.paid);
    expect(month.byMethod.reduce((s, r) => s + (r.earlierAmount ?? 0), 0)).toBe(before.paid);
    expect(month.discountsBySource.reduce((s, d) => s + d.amount, 0)).toBe(month.totals.current.discount);
    expect(month.byDay.map((d) => [d.day, d.earlierDay])).toContainEqual(['2026-11-07', '2026-10-07']);
    // Campaigns: what their coupons took off is the coupon part of the discounts, and the orders
    // without any coupon are the rest, counted from the raw discount rows.
    const couponDiscount = month.discountsBySource.reduce((sum, d) => sum + (d.kind === 'coupon' ? d.amount : 0), 0);
    expect(month.campaigns.campaigns.reduce((sum, c) => sum + c.discount, 0)).toBe(couponDiscount);
    const withCoupon = new Set(
      db.prepare("SELECT DISTINCT order_id FROM order_discounts WHERE source = 'coupon'").pluck().all() as string[],
    );
    const cut = shanghai('2026-11-30', 15, 0);
    const monthOrders = orders.filter(
      (o) => o.business_day >= '2026-11-01' && (o.business_day < '2026-11-30' || o.paid_at <= cut),
    );
    expect(month.campaigns.withoutCoupon.orders).toBe(monthOrders.filter((o) => !withCoupon.has(o.id)).length);
    expect(month.campaigns.campaigns.length).toBeGreaterThan(3);
    // Every voucher redeemed on the month's orders is counted for its campaign.
    const redeemed = new Set(monthOrders.map((o) => o.id));
    const vouchers = (
      db
        .prepare("SELECT order_id FROM redemptions WHERE state NOT IN ('REJECTED', 'REVERSED')")
        .pluck()
        .all() as string[]
    ).filter((id) => redeemed.has(id)).length;
    expect(vouchers).toBeGreaterThan(0);
    expect(month.campaigns.campaigns.reduce((sum, c) => sum + c.redeemed, 0)).toBe(vouchers);
    const managerRow = month.byCashier.find((row) => row.staffId === people.manager.id);
    expect(managerRow?.noSales).toBe(2);

    // Today, against the same weekday last week up to the same minute.
    const today = await report({ period: 'day', firstDay: '2026-11-30', comparison: 'same_weekday_last_week' });
    const lastMonday = plain('2026-11-23', '2026-11-23', shanghai('2026-11-23', 15, 0));
    expect(figures(today.totals.earlier)).toEqual({
      orders: lastMonday.orders,
      net: lastMonday.net,
      refunded: lastMonday.refunded,
    });

    // A past range is counted whole; year on year it has no history here, and says so with zeros.
    const range = await report({
      period: 'range',
      firstDay: '2026-11-03',
      lastDay: '2026-11-19',
      comparison: 'year_on_year',
    });
    expect(range.span).toEqual({ from: '2026-11-03', to: '2026-11-19', untilMinute: null });
    expect(range.compared?.from).toBe(addDays('2026-11-03', -364));
    const whole = plain('2026-11-03', '2026-11-19', null);
    expect(figures(range.totals.current)).toEqual({ orders: whole.orders, net: whole.net, refunded: whole.refunded });
    expect(range.totals.earlier?.orders).toBe(0);

    // Products and categories add up to the same net.
    const items = expectOk<ItemsReport>(
      await call({
        method: 'reports.items',
        input: { period: 'month', firstDay: '2026-11-01', comparison: 'previous_period' },
        sessionToken: manager,
      }),
    );
    expect(items.byProduct.reduce((s, r) => s + r.net, 0)).toBe(month.totals.current.net);
    expect(items.byCategory.reduce((s, r) => s + r.net, 0)).toBe(month.totals.current.net);
    expect(items.byProduct.reduce((s, r) => s + (r.earlierNet ?? 0), 0)).toBeLessThanOrEqual(before.net);
    await core.close();
  }, 300_000);

  it('refuses a range that ends before it starts, runs past three years or names no calendar day, saying which', async () => {
    const { core, call } = await openHarness('in-process', { clock: () => NOW });
    const people = await createDemo(call);
    const manager = await signIn(call, people.manager);
    const ask = (input: unknown, locale: string) =>
      call({ method: 'reports.sales', input, sessionToken: manager, locale } as never);
    const range = (firstDay: string, lastDay: string) => ({ period: 'range', firstDay, lastDay, comparison: null });
    expect(await ask(range('2026-11-10', '2026-11-01'), 'zh-CN')).toMatchObject({
      ok: false,
      error: {
        code: 'report_range_backwards',
        message: '报表的开始日期（2026-11-10）须早于或等于结束日期（2026-11-01）。',
      },
    });
    // Over three years is refused for its length alone, not with the rule about the order of its days.
    expect(await ask(range('2020-01-01', '2026-11-01'), 'en')).toMatchObject({
      ok: false,
      error: {
        code: 'report_range_too_long',
        message: 'A report can cover at most 1096 days (three years); this range has 2497. Choose a shorter range.',
      },
    });
    expect(await ask(range('2020-01-01', '2026-11-01'), 'zh-CN')).toMatchObject({
      ok: false,
      error: { message: '报表最长覆盖 1096 天（三年），此范围有 2497 天，请缩短范围。' },
    });
    // The contract checks a day's shape; a month 13 or a 30 February is refused as no day at all.
    expect(await ask(range('2026-02-01', '2026-02-30'), 'en')).toMatchObject({
      ok: false,
      error: {
        code: 'report_day_invalid',
        message: '2026-02-30 is not a day of the calendar: check its month and day.',
      },
    });
    expect(await ask({ period: 'month', firstDay: '2026-13-01', comparison: null }, 'zh-CN')).toMatchObject({
      ok: false,
      error: { code: 'report_day_invalid', message: '2026-13-01 不是有效的日期，请检查月份和日期。' },
    });
    const cashier = await signIn(call, people.cashier);
    const refused = await call({
      method: 'reports.sales',
      input: { period: 'day', firstDay: '2026-11-30', comparison: null },
      sessionToken: cashier,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await core.close();
  });
});
