import { describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { onPlatformBefore } from '../support/platform-migration';

describe('migration 0005 on a platform with orders and campaigns from before settlement terms', () => {
  it('settles old online orders with no promotion, fee or commission, and old group-buy campaigns at full value', async () => {
    await onPlatformBefore(5, async ({ sql, migrateRest, rest }) => {
      const store = await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      await sql.query(
        `INSERT INTO online_orders (store_id, id, channel, state, pickup_code, customer_name, note, placed_at, total,
           lines, version)
         VALUES ($1, '01900000-0000-7000-8000-0000000000a1', 'online_delivery', 'handed_over', '123456', '', '', 1, 4200,
           '[]'::jsonb, 1)`,
        [store.storeId],
      );
      await sql.query(
        `INSERT INTO campaigns (store_id, name, type, value, valid_from, valid_to, rules, created_at, version)
         VALUES ($1, 'old set menu', 'group_buy', 2990, 0, 10, '{}'::jsonb, 1, 1),
                ($1, 'old cash off', 'cash_off', 500, 0, 10, '{}'::jsonb, 1, 2)`,
        [store.storeId],
      );
      expect(await migrateRest()).toBe(rest);
      expect(
        await sql.query(
          'SELECT merchant_promotion, platform_promotion, delivery_fee, commission_bp FROM online_orders',
        ),
      ).toEqual([{ merchant_promotion: 0, platform_promotion: 0, delivery_fee: 0, commission_bp: 0 }]);
      expect(await sql.query('SELECT name, settlement_price FROM campaigns ORDER BY id')).toEqual([
        { name: 'old set menu', settlement_price: 2990 },
        { name: 'old cash off', settlement_price: null },
      ]);
      expect(await sql.query('SELECT commission_bp FROM stores')).toEqual([{ commission_bp: 0 }]);
      // The database itself holds the limits, whatever code writes to it.
      await expect(sql.query('UPDATE stores SET commission_bp = 10001')).rejects.toThrow(/commission_bp/);
      await expect(
        sql.query("UPDATE campaigns SET settlement_price = 3000 WHERE name = 'old set menu'"),
      ).rejects.toThrow(/campaigns_settlement_price/);
      await expect(sql.query('UPDATE online_orders SET merchant_promotion = 4201')).rejects.toThrow(
        /online_orders_terms/,
      );
    });
  });
});
