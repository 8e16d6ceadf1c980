import { describe, expect, it } from 'vitest';
import { writeOrderHistory } from '../../electron/core/demo/sales-history';
import { buildDay, FACTS_VERSION, storeDayFacts } from '../../electron/core/reports/day-facts';
import type { Category, Product } from '../../shared/contract/catalog';
import type { ItemsReport, ReportRequest, SalesReport } from '../../shared/contract/sales-report';
import { uuidv7 } from '../../shared/ids';
import { expectOk, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { lineFor, openShift, payByCard, productBySku } from '../support/till';

// Noon in Shanghai on Wednesday 2 December 2026; the test moves the clock on a day at a time.
const NOON = Date.UTC(2026, 11, 2, 4, 0, 0);
const DAY_MS = 86_400_000;

type LineRow = { business_day: string; category_id: string; net: number };

/**
 * The reports' stored day facts (migration 0010): a closed day is read from its facts once they
 * are stored, and they are never stale: a refund of an old order, a product moved to another
 * category, a redemption judged later, or a sale written between a report's read and its store all
 * leave the day to be read from its raw rows again. Every answer is checked against the raw rows.
 */
describe('stored day facts', () => {
  it('answer as the raw rows do, cold and warm, and follow every change to a closed day', async () => {
    let now = NOON;
    const { core, call } = await openHarness('in-process', { clock: () => now });
    const people = await createDemo(call);
    const db = core.environment.db;
    writeOrderHistory(db, { orders: 2_000, days: 40, lastDay: '2026-12-01', seed: 5 });
    let manager = await signIn(call, people.manager);
    await openShift(call, manager, 10_000);
    const water = await productBySku(call, manager, 'DRK-0001');
    const sold = await payByCard(call, manager, [lineFor(water, { kind: 'count', count: 4 })], water.price * 4);
    // Two days on: the sale's day (2 December) is closed.
    now += 2 * DAY_MS;
    manager = await signIn(call, people.manager);

    const month: ReportRequest = {
      period: 'range',
      firstDay: '2026-11-05',
      lastDay: '2026-12-03',
      comparison: 'previous_period',
    };
    const sales = async () =>
      expectOk<SalesReport>(await call({ method: 'reports.sales', input: month, sessionToken: manager }));
    const items = async () =>
      expectOk<ItemsReport>(await call({ method: 'reports.items', input: month, sessionToken: manager }));
    const storedDays = () =>
      db.prepare('SELECT count(*) FROM day_facts WHERE version = ?').pluck().get(FACTS_VERSION) as number;
    const rawNet = (from: string, to: string) =>
      db
        .prepare('SELECT coalesce(sum(gross - discount), 0) FROM orders WHERE business_day BETWEEN ? AND ?')
        .pluck()
        .get(from, to) as number;
    const rawRefunded = (from: string, to: string) =>
      db
        .prepare(`SELECT coalesce(sum(r.amount), 0) FROM refunds r JOIN orders o ON o.id = r.order_id
          WHERE o.business_day BETWEEN ? AND ?`)
        .pluck()
        .get(from, to) as number;

    expect(storedDays()).toBe(0);
    const cold = await sales();
    // Every closed day of both spans is stored; today (4 December) is not in the range.
    expect(storedDays()).toBe(29 * 2);
    expect(cold.totals.current.net).toBe(rawNet('2026-11-05', '2026-12-03'));
    expect(cold.totals.earlier?.net).toBe(rawNet('2026-10-07', '2026-11-04'));
    const warm = await sales();
    expect(warm).toEqual(cold);

    // A refund today of the order of 2 December: that day's "refunds of these orders" moves at once.
    expectOk(
      await call({
        method: 'orders.refund',
        input: { id: uuidv7(), orderId: sold.id, lines: [{ lineNo: 1, quantity: 1 }], to: 'original', reason: '漏水' },
        sessionToken: manager,
      }),
    );
    const refunded = await sales();
    expect(refunded.totals.current.refunded).toBe(cold.totals.current.refunded + water.price);
    expect(refunded.totals.current.refunded).toBe(rawRefunded('2026-11-05', '2026-12-03'));
    expect(refunded.byDay.find((d) => d.day === '2026-12-02')?.current.refunded).toBe(
      rawRefunded('2026-12-02', '2026-12-02'),
    );
    expect(await sales()).toEqual(refunded);

    // Water moves to another category: its history moves with it, in stored days too.
    const before = await items();
    const { categories } = expectOk<{ categories: Category[] }>(
      await call({ method: 'catalog.listCategories', input: {}, sessionToken: manager }),
    );
    const elsewhere = categories.find((c) => c.id !== water.categoryId);
    if (!elsewhere) throw new Error('the demo store has one category');
    const product = expectOk<Product>(
      await call({ method: 'catalog.getProduct', input: { id: water.id }, sessionToken: manager }),
    );
    expectOk(
      await call({
        method: 'catalog.saveProduct',
        input: { ...product, categoryId: elsewhere.id, cost: product.cost ?? 0 },
        sessionToken: manager,
      }),
    );
    const after = await items();
    const lines = db
      .prepare(`SELECT o.business_day, p.category_id, l.net FROM order_lines l JOIN orders o ON o.id = l.order_id
        JOIN products p ON p.id = l.product_id WHERE o.business_day BETWEEN '2026-11-05' AND '2026-12-03'`)
      .all() as LineRow[];
    for (const category of after.byCategory) {
      expect(category.net).toBe(lines.filter((l) => l.category_id === category.id).reduce((s, l) => s + l.net, 0));
    }
    const netOf = (report: ItemsReport, id: string) => report.byCategory.find((c) => c.id === id)?.net ?? 0;
    const waterNet = after.byProduct.find((p) => p.id === water.id)?.net ?? 0;
    expect(waterNet).toBeGreaterThan(0);
    expect(netOf(after, elsewhere.id)).toBe(netOf(before, elsewhere.id) + waterNet);

    // Deleting every stored day loses nothing: the next report computes them again, the same.
    db.prepare('DELETE FROM day_facts').run();
    expect(await sales()).toEqual(await sales());
    expect((await sales()).totals).toEqual(refunded.totals);
    await core.close();
  }, 120_000);

  it('are not stored when the day changed after they were read, nor read in another version', async () => {
    const { core, call } = await openHarness('in-process', { clock: () => NOON });
    const people = await createDemo(call);
    const db = core.environment.db;
    writeOrderHistory(db, { orders: 300, days: 5, lastDay: '2026-12-01', seed: 8 });
    const day = '2026-11-30';
    const valid = () =>
      db
        .prepare(`SELECT count(*) FROM day_facts f LEFT JOIN day_changes c USING (business_day)
          WHERE f.business_day = ? AND f.changes = coalesce(c.changes, 0)`)
        .pluck()
        .get(day) as number;

    const read = buildDay(db, day);
    // Anything written to the day between the read and the store: here a redemption judged late.
    const order = db.prepare('SELECT id FROM orders WHERE business_day = ? LIMIT 1').pluck().get(day) as string;
    db.prepare(`INSERT INTO redemptions (id, voucher_id, campaign_id, campaign_name, type, code, amount, state, mode,
        order_id, staff_id, business_day, decided_at) VALUES (?, 'v1', 1, 'c', 'discount', 'X', 100, 'OFFLINE_PROVISIONAL',
        'offline', ?, ?, ?, 0)`).run(uuidv7(), order, people.manager.id, day);
    storeDayFacts(db, [read]);
    expect(valid()).toBe(0);
    storeDayFacts(db, [buildDay(db, day)]);
    expect(valid()).toBe(1);
    db.prepare("UPDATE redemptions SET state = 'REJECTED' WHERE order_id = ?").run(order);
    expect(valid()).toBe(0);

    // Facts of another version are never read: the report below reads the raw rows.
    storeDayFacts(db, [buildDay(db, day)]);
    db.prepare("UPDATE day_facts SET version = version + 1, sales = '{}', items = '{}' WHERE business_day = ?").run(
      day,
    );
    const manager = await signIn(call, people.manager);
    const report = expectOk<SalesReport>(
      await call({
        method: 'reports.sales',
        input: { period: 'day', firstDay: day, comparison: null },
        sessionToken: manager,
      }),
    );
    expect(report.totals.current.orders).toBe(
      db.prepare('SELECT count(*) FROM orders WHERE business_day = ?').pluck().get(day),
    );
    await core.close();
  });
});
