import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { migrationsDir, storeBefore } from '../support/store-before';

describe('the points tender on the till (migration 0016)', () => {
  it('keeps every payment as it was, takes points payments with their points, and still never edits one', () => {
    const { dataDir, db: old } = storeBefore('points_tender');
    old.exec(`INSERT INTO staff (id, name, role, pin_hash, pin_salt, created_at, updated_at)
      VALUES ('s1', '小王', 'cashier', x'00', x'00', 0, 0);`);
    const order = old.prepare(
      `INSERT INTO orders (id, number, device_id, business_day, channel, cashier_id, cashier_name, paid_at, hour,
        item_count, gross, discount, order_discount_reason, total, rounding, tax, methods, request_digest)
       VALUES (?, ?, 'dev', '2026-12-01', 'in_store', 's1', '小王', 0, 10, 1, 1500, 0, NULL, 1500, 0, 0, 'cash', 'd')`,
    );
    order.run('o1', 'A-0001');
    order.run('o2', 'A-0002');
    old
      .prepare(
        `INSERT INTO payments (order_id, seq, method, amount, tendered, change, reference, business_day, shift_id)
         VALUES ('o1', 1, 'cash', 1000, 2000, 1000, NULL, '2026-12-01', NULL),
                ('o1', 2, 'card', 500, NULL, NULL, 'C1', '2026-12-01', NULL)`,
      )
      .run();
    old.close();
    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(db.prepare('SELECT seq, method, amount, tendered, change, reference, points FROM payments').all()).toEqual([
      { seq: 1, method: 'cash', amount: 1000, tendered: 2000, change: 1000, reference: null, points: null },
      { seq: 2, method: 'card', amount: 500, tendered: null, change: null, reference: 'C1', points: null },
    ]);
    const insert = db.prepare(
      `INSERT INTO payments (order_id, seq, method, amount, business_day, points) VALUES ('o2', ?, ?, ?, '2026-12-01', ?)`,
    );
    insert.run(1, 'points', 100, 100);
    expect(() => insert.run(2, 'points', 100, null)).toThrow(/CHECK/);
    expect(() => insert.run(3, 'card', 100, 100)).toThrow(/CHECK/);
    expect(() => insert.run(4, 'voucher', 100, null)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE payments SET amount = 1 WHERE order_id = 'o2'").run()).toThrow(/never edited/);
    expect(() => db.prepare("DELETE FROM payments WHERE order_id = 'o2'").run()).toThrow(/never deleted/);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'payments' AND type = 'index'");
    expect(indexes.pluck().all().sort()).toEqual(['payments_by_day', 'payments_by_shift']);
    db.close();
  });
});
