import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { migrationsDir, storeBefore } from '../support/store-before';

describe('members at the counter (migration 0012)', () => {
  it('upgrades a store with its orders intact, and keeps a paid order’s member as written', () => {
    const { dataDir, db: old } = storeBefore('members');
    old.exec(`INSERT INTO staff (id, name, role, pin_hash, pin_salt, created_at, updated_at)
        VALUES ('s1', '小王', 'cashier', x'00', x'00', 0, 0)`);
    old.exec(`INSERT INTO orders (id, number, device_id, business_day, channel, cashier_id, cashier_name, paid_at, hour,
         item_count, gross, discount, order_discount_reason, total, rounding, tax, methods, request_digest)
       VALUES ('o1', 'A-0001', 'dev', '2026-11-28', 'in_store', 's1', '小王', 0, 9, 1, 500, 0, NULL, 500, 0, 0,
         'cash', 'd')`);
    old.close();

    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(db.prepare('SELECT number FROM orders').pluck().all()).toEqual(['A-0001']);
    expect(db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(0);
    db.prepare(
      "INSERT INTO order_members (order_id, member_id, tier_zh, tier_en) VALUES ('o1', 'm1', '金卡', 'Gold')",
    ).run();
    expect(() => db.prepare("UPDATE order_members SET tier_en = 'Silver'").run()).toThrow(/cannot change/);
    expect(() => db.prepare('DELETE FROM order_members').run()).toThrow(/cannot change/);
    // Only a real order can have a member.
    expect(() => db.prepare("INSERT INTO order_members (order_id, member_id) VALUES ('nope', 'm1')").run()).toThrow(
      /FOREIGN KEY/,
    );
    // An erased member keeps nothing personal: the table refuses a row that would.
    expect(() =>
      db
        .prepare(
          `INSERT INTO members (id, masked_phone, consent, erased, updated_at) VALUES ('m2', '139****1234', 0, 1, 0)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
