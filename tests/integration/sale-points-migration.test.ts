import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { readOrderDetail, readOrderRow } from '../../electron/core/orders/order-records';
import { migrationsDir, seedCashierAndWater, storeBefore } from '../support/store-before';

describe('a member’s points at the sale (migration 0017)', () => {
  it('keeps an old member sale as it was, with no balance, and still never changes a sale’s member', () => {
    const { dataDir, db: old } = storeBefore('sale_points');
    seedCashierAndWater(old);
    old.exec(`INSERT INTO orders (id, number, device_id, business_day, channel, cashier_id, cashier_name, paid_at, hour,
         item_count, gross, discount, order_discount_reason, total, rounding, tax, methods, request_digest)
       VALUES ('o1', 'A-0001', 'dev', '2026-12-01', 'in_store', 's1', '小王', 0, 9, 1, 500, 0, NULL, 500, 0, 0,
         'cash,points', 'd'),
              ('o2', 'A-0002', 'dev', '2026-12-01', 'in_store', 's1', '小王', 0, 9, 1, 500, 0, NULL, 500, 0, 0,
         'cash', 'd2');
      INSERT INTO payments (order_id, seq, method, amount, business_day, points)
       VALUES ('o1', 1, 'points', 100, '2026-12-01', 100), ('o1', 2, 'cash', 400, '2026-12-01', NULL);
      INSERT INTO order_members (order_id, member_id, tier_zh, tier_en) VALUES ('o1', 'm1', '普通会员', 'Member');`);
    old.close();

    const { db } = openDatabase({ dataDir, migrationsDir });
    const row = readOrderRow(db, 'o1');
    if (!row) throw new Error('the old order is gone');
    const order = readOrderDetail(db, row);
    // No balance was kept then: the receipt prints the points used from the payments, and no balance.
    expect(order.member).toEqual({
      id: 'm1',
      maskedPhone: null,
      tier: { en: 'Member', 'zh-CN': '普通会员' },
      points: null,
    });
    const insert = db.prepare(
      `INSERT INTO order_members (order_id, member_id, tier_zh, tier_en, points_before, points_earned, points_known)
       VALUES ('o2', 'm1', NULL, NULL, ?, ?, ?)`,
    );
    expect(() => insert.run(-1, 0, 'online')).toThrow(/CHECK/);
    expect(() => insert.run(10, -1, 'online')).toThrow(/CHECK/);
    expect(() => insert.run(10, 0, 'guessed')).toThrow(/CHECK/);
    insert.run(1200, 4, 'offline');
    const later = readOrderRow(db, 'o2');
    if (!later) throw new Error('the new order is gone');
    expect(readOrderDetail(db, later).member?.points).toEqual({
      before: 1200,
      used: 0,
      earned: 4,
      after: 1204,
      known: 'offline',
    });
    expect(() => db.prepare("UPDATE order_members SET points_before = 0 WHERE order_id = 'o2'").run()).toThrow(
      /cannot change/,
    );
    db.close();
  });
});
