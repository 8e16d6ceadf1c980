import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { settledOrdersOn } from '../../electron/core/reports/settlement-orders';
import { migrationsDir, storeBefore } from '../support/store-before';

describe('settlement terms on the till (migration 0009)', () => {
  it('settles platform sales from before it at their total, with no promotion, fee or commission', () => {
    const { dataDir, db: old } = storeBefore('settlement_terms');
    const order = (id: string, channel: string, total: number) =>
      `INSERT INTO orders (id, number, device_id, business_day, channel, cashier_id, cashier_name, paid_at, hour,
         item_count, gross, discount, order_discount_reason, total, rounding, tax, methods, request_digest)
       VALUES ('${id}', 'A-${id}', 'dev', '2026-11-30', '${channel}', 's1', '小王', 0, 10, 1, ${total}, 0, NULL,
         ${total}, 0, 0, 'platform_prepaid', 'd');`;
    old.exec(`INSERT INTO staff (id, name, role, pin_hash, pin_salt, created_at, updated_at)
        VALUES ('s1', '小王', 'cashier', x'00', x'00', 0, 0);
      ${order('o1', 'online_delivery', 2_400)}
      ${order('o2', 'group_buy', 1_500)}
      ${order('o3', 'in_store', 900)}
      INSERT INTO online_orders (id, channel, status, pickup_code, customer_name, note, placed_at, total, lines, version,
        order_id, updated_at)
        VALUES ('w1', 'online_delivery', 'handed_over', '123456', '', '', 0, 2400, '[]', '1', 'o1', 0);
      INSERT INTO campaigns (id, name, type, value, valid_from, valid_to, active, rules, version)
        VALUES (7, '团购', 'group_buy', 1500, 0, 10, 1, '{}', '1'), (8, '立减', 'cash_off', 500, 0, 10, 1, '{}', '2');
      INSERT INTO redemptions (id, voucher_id, campaign_id, campaign_name, type, code, amount, state, mode, order_id,
        staff_id, business_day, decided_at)
        VALUES ('r1', 'aaaaaaaaaaaaaaaaaaaaaaaa', 7, '团购', 'group_buy', 'CP1:X', 1500, 'CONFIRMED', 'online', 'o2', 's1',
          '2026-11-30', 0);`);
    old.close();

    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(
      db.prepare('SELECT merchant_promotion, platform_promotion, delivery_fee, commission_bp FROM online_orders').get(),
    ).toEqual({ merchant_promotion: 0, platform_promotion: 0, delivery_fee: 0, commission_bp: 0 });
    expect(db.prepare('SELECT id, settlement_price FROM campaigns ORDER BY id').all()).toEqual([
      { id: 7, settlement_price: 1500 },
      { id: 8, settlement_price: null },
    ]);
    expect(db.prepare('SELECT count(*) FROM order_settlements').pluck().get()).toBe(0);
    const settled = settledOrdersOn(db, '2026-11-30');
    expect(settled.map((o) => [o.orderId, o.channel, o.ref, o.figures.commission, o.figures.settlement])).toEqual([
      ['o1', 'online_delivery', 'w1', 0, 2_400],
      ['o2', 'group_buy', 'aaaaaaaaaaaaaaaaaaaaaaaa', 0, 1_500],
    ]);
    // The table refuses terms outside the domain, whatever code writes them.
    expect(() =>
      db.prepare(`INSERT INTO order_settlements VALUES ('o1', 'w1', 2400, 0, 0, 0, 10001, NULL)`).run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO order_settlements VALUES ('o2', 'v', 1500, 0, 0, 0, 0, 1501)`).run()).toThrow(
      /CHECK/,
    );
    db.close();
  });
});
