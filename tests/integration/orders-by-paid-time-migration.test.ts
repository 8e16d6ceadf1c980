import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { spanWhere } from '../../electron/core/reports/span-parts';
import { migrationsDir, seedCashierAndWater, storeBefore } from '../support/store-before';

describe('orders by their time of payment (migration 0021)', () => {
  it("reads a cut day's open hour by time, and keeps every order as it was", () => {
    const { dataDir, db: old } = storeBefore('orders_by_paid_time');
    seedCashierAndWater(old);
    old.exec(`INSERT INTO orders (id, number, device_id, business_day, channel, cashier_id, cashier_name, paid_at, hour,
        item_count, gross, discount, order_discount_reason, total, rounding, tax, methods, request_digest)
      VALUES ('o1', 'A-1', 'dev', '2026-11-29', 'in_store', 's1', '小王', 1000, 9, 1, 500, 0, NULL, 500, 0, 0, 'cash', 'd')`);
    old.close();
    const { db } = openDatabase({ dataDir, migrationsDir });
    const cut = { to: '2026-11-29', since: 0, until: 2000 };
    const sql = `SELECT count(*) AS orders, sum(o.total) AS total FROM orders o WHERE ${spanWhere.cut}`;
    expect(db.prepare(sql).get(cut)).toEqual({ orders: 1, total: 500 });
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(cut)
      .map((row) => (row as { detail: string }).detail);
    expect(plan.join('\n')).toContain(
      'COVERING INDEX orders_by_paid_time (business_day=? AND paid_at>? AND paid_at<?)',
    );
    db.close();
  });
});
