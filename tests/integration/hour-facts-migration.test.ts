import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { newestDayWithoutFacts } from '../../electron/core/reports/day-facts';
import { migrationsDir, storeBefore } from '../support/store-before';

describe('hour facts (migration 0011)', () => {
  it('gives every day with orders its change row, keeps counted ones, and counts new sales per hour', () => {
    const { dataDir, db: old } = storeBefore('hour_facts');
    const order = (id: string, day: string, hour: number) =>
      `INSERT INTO orders (id, number, device_id, business_day, channel, cashier_id, cashier_name, paid_at, hour,
         item_count, gross, discount, order_discount_reason, total, rounding, tax, methods, request_digest)
       VALUES ('${id}', 'A-${id}', 'dev', '${day}', 'in_store', 's1', '小王', 0, ${hour}, 1, 500, 0, NULL, 500, 0, 0,
         'cash', 'd');`;
    old.exec(`INSERT INTO staff (id, name, role, pin_hash, pin_salt, created_at, updated_at)
        VALUES ('s1', '小王', 'cashier', x'00', x'00', 0, 0);
      ${order('o1', '2026-11-28', 9)}
      ${order('o2', '2026-11-29', 10)}`);
    // 0010 counted only what came after it: this day has a count, the 28th had none.
    old.exec(`DELETE FROM day_changes WHERE business_day = '2026-11-28';
      UPDATE day_changes SET changes = 3 WHERE business_day = '2026-11-29'`);
    old.close();

    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(db.prepare('SELECT business_day, changes FROM day_changes ORDER BY business_day').all()).toEqual([
      { business_day: '2026-11-28', changes: 0 },
      { business_day: '2026-11-29', changes: 3 },
    ]);
    // Found from the small table, newest first, past the ones asked to skip.
    expect(newestDayWithoutFacts(db, '2026-12-01', new Set())).toBe('2026-11-29');
    expect(newestDayWithoutFacts(db, '2026-12-01', new Set(['2026-11-29']))).toBe('2026-11-28');
    expect(newestDayWithoutFacts(db, '2026-11-28', new Set())).toBeNull();

    db.exec(`${order('o3', '2026-11-29', 10)} ${order('o4', '2026-11-29', 11)}`);
    expect(db.prepare('SELECT hour, changes FROM hour_changes ORDER BY hour').all()).toEqual([
      { hour: 10, changes: 1 },
      { hour: 11, changes: 1 },
    ]);
    db.exec(`INSERT INTO refunds (id, number, order_id, device_id, business_day, staff_id, staff_name, reason, amount,
        at, request_digest) VALUES ('r1', 'R-1', 'o2', 'dev', '2026-11-30', 's1', '小王', 'x', 500, 0, 'd')`);
    expect(db.prepare('SELECT changes FROM hour_changes WHERE hour = 10').pluck().get()).toBe(2);
    db.close();
  });
});
