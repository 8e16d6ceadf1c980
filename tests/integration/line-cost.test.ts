import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { readUnsent } from '../../electron/core/sync/outbox-payloads';
import { openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { migrationsDir, seedCashierAndWater, storeBefore } from '../support/store-before';
import { lineFor, openShift, payByCard, productBySku } from '../support/till';

describe('a line’s cost at the sale (migration 0008)', () => {
  it('keeps lines sold before it as cost unknown', () => {
    const { dataDir, db: old } = storeBefore('line_cost');
    seedCashierAndWater(old);
    old.exec(`INSERT INTO orders (id, number, device_id, business_day, channel, cashier_id, cashier_name, paid_at, hour,
        item_count, gross, discount, order_discount_reason, total, rounding, tax, methods, request_digest)
        VALUES ('o1', 'A-1', 'dev', '2026-11-30', 'in_store', 's1', '小王', 0, 10, 1, 500, 0, NULL, 500, 0, 0, 'cash', 'd');
      INSERT INTO order_lines (order_id, line_no, line_id, product_id, sku, name_zh, name_en, unit, quantity_kind,
        quantity, unit_price, gross, line_discount, order_discount, coupon_discount, discount_reason, net, tax_rate_bp, tax)
        VALUES ('o1', 1, 'l1', 'p1', 'DRK-1', '水', 'Water', 'each', 'count', 1, 500, 500, 0, 0, 0, NULL, 500, 1300, 0);`);
    old.close();
    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(db.prepare("SELECT cost FROM order_lines WHERE order_id = 'o1'").get()).toEqual({ cost: null });
    // The day index the reports read alone, and the audit index that holds voids and no-sale openings only.
    const columns = (index: string) => db.prepare(`SELECT name FROM pragma_index_info('${index}')`).pluck().all();
    expect(columns('orders_by_day')).toEqual([
      'business_day',
      'channel',
      'hour',
      'cashier_id',
      'paid_at',
      'gross',
      'discount',
      'total',
      'tax',
      'item_count',
      'rounding',
    ]);
    const cells = db
      .prepare(`EXPLAIN QUERY PLAN SELECT business_day, channel, hour, cashier_id, count(*), sum(gross) FROM orders
        WHERE business_day BETWEEN '2026-11-01' AND '2026-11-30' GROUP BY 1, 2, 3, 4`)
      .all() as { detail: string }[];
    expect(cells.map((row) => row.detail).join(' ')).toContain('USING COVERING INDEX orders_by_day');
    const audit = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_voids_and_no_sales'").pluck().get();
    expect(audit).toContain("WHERE action IN ('carts.void', 'drawer.noSale')");
    db.close();
  });

  it('takes each line’s cost from its product at the sale, by count or by weight, and none when unknown', async () => {
    const { core, call } = await openHarness('in-process');
    const staff = await createDemo(call);
    const manager = await signIn(call, staff.manager);
    const db = core.environment.db;
    const skuOf = (unit: string, offset: number) =>
      db
        .prepare('SELECT sku FROM products WHERE unit = ? AND cost > 0 AND active = 1 ORDER BY sku LIMIT 1 OFFSET ?')
        .pluck()
        .get(unit, offset) as string;
    const [each, byWeight, unknown] = await Promise.all(
      [skuOf('each', 0), skuOf('kg', 0), skuOf('each', 1)].map((sku) => productBySku(call, manager, sku)),
    );
    db.prepare('UPDATE products SET cost = 0 WHERE id = ?').run(unknown.id);
    await openShift(call, manager);
    const lines = [
      lineFor(each, { kind: 'count', count: 3 }),
      lineFor(byWeight, { kind: 'weight', grams: 1_250 }),
      lineFor(unknown),
    ];
    const gross = each.price * 3 + Math.round((byWeight.price * 1_250) / 1_000) + unknown.price;
    const order = await payByCard(call, manager, lines, gross);
    const costs = db.prepare('SELECT cost FROM order_lines WHERE order_id = ? ORDER BY line_no').pluck().all(order.id);
    expect(costs).toEqual([(each.cost as number) * 3, Math.round(((byWeight.cost as number) * 1_250) / 1_000), null]);
    // The platform gets the same costs with the sale.
    const seq = db.prepare('SELECT seq FROM outbox WHERE id = ?').pluck().get(order.id) as number;
    const [sent] = readUnsent(db, seq - 1, 1);
    expect((sent.payload as { lines: { cost: number | null }[] }).lines.map((l) => l.cost)).toEqual(costs);
    // A later change of cost leaves the sold line's margin as it was.
    db.prepare('UPDATE products SET cost = cost * 2 WHERE id = ?').run(each.id);
    expect(db.prepare('SELECT cost FROM order_lines WHERE order_id = ? AND line_no = 1').pluck().get(order.id)).toBe(
      (each.cost as number) * 3,
    );
  });
});
