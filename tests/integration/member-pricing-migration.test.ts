import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { readOrderDetail, readOrderRow } from '../../electron/core/orders/order-records';
import { migrationsDir, seedCashierAndWater, storeBefore } from '../support/store-before';

describe('member pricing at the counter (migration 0014)', () => {
  it('upgrades a store with its discounted orders read as before, and takes the member source and the ladder', () => {
    const { dataDir, db: old } = storeBefore('member_pricing');
    seedCashierAndWater(old);
    old.exec(`INSERT INTO orders (id, number, device_id, business_day, channel, cashier_id, cashier_name, paid_at, hour,
         item_count, gross, discount, order_discount_reason, total, rounding, tax, methods, request_digest)
       VALUES ('o1', 'A-0001', 'dev', '2026-12-01', 'in_store', 's1', '小王', 0, 9, 2, 1000, 150, '熟客', 850, 0, 0,
         'cash', 'd');
      INSERT INTO order_lines (order_id, line_no, line_id, product_id, sku, name_zh, name_en, unit, quantity_kind,
         quantity, unit_price, gross, line_discount, order_discount, coupon_discount, discount_reason, net, tax_rate_bp, tax)
       VALUES ('o1', 1, 'l1', 'p1', 'DRK-1', '水', 'Water', 'each', 'count', 2, 500, 1000, 50, 100, 0, NULL, 850, 1300, 0);
      INSERT INTO order_discounts (order_id, line_no, seq, business_day, source, campaign_id, campaign_name, amount)
       VALUES ('o1', 1, 1, '2026-12-01', 'manual_line', NULL, NULL, 50),
              ('o1', 1, 2, '2026-12-01', 'manual_order', NULL, NULL, 100);`);
    expect(() =>
      old.exec(`INSERT INTO order_discounts (order_id, line_no, seq, business_day, source, amount)
        VALUES ('o1', 1, 3, '2026-12-01', 'member', 1)`),
    ).toThrow(/FOREIGN KEY/);
    old.close();

    const { db } = openDatabase({ dataDir, migrationsDir });
    const row = readOrderRow(db, 'o1');
    if (!row) throw new Error('the old order is gone');
    const order = readOrderDetail(db, row);
    // An old line took no member benefit: its order discount reads as it did.
    expect(order.lines[0]).toMatchObject({
      lineDiscount: 50,
      orderDiscount: 100,
      couponDiscount: 0,
      memberDiscount: 0,
    });
    expect(order.discounts).toEqual([
      { kind: 'manual_line', amount: 50 },
      { kind: 'manual_order', amount: 100 },
    ]);
    // The member source is a kind a discount can come from now.
    expect(db.prepare("SELECT kind FROM discount_source_kinds WHERE kind = 'member'").pluck().get()).toBe('member');
    // A tier's member prices go with their tier; a discount deeper than 50 % is a member price.
    db.exec(`INSERT INTO member_tiers (tier_id, position, name_zh, name_en, min_growth, tier_discount_bp)
        VALUES (1, 0, '普通会员', 'Member', 0, 500);
      INSERT INTO member_prices (tier_id, sku, price) VALUES (1, 'DRK-1', 400);`);
    expect(() =>
      db.exec(`INSERT INTO member_tiers (tier_id, position, name_zh, name_en, min_growth, tier_discount_bp)
        VALUES (2, 1, '银卡', 'Silver', 100, 6000)`),
    ).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO member_prices (tier_id, sku, price) VALUES (9, 'DRK-1', 1)")).toThrow(
      /FOREIGN KEY/,
    );
    db.exec('DELETE FROM member_tiers');
    expect(db.prepare('SELECT count(*) FROM member_prices').pluck().get()).toBe(0);
    db.close();
  });
});
