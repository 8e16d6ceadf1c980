import { describe, expect, it } from 'vitest';
import { onPlatformBefore } from '../support/platform-migration';

const store = '01900000-0000-7000-8000-0000000000a1';
const order = '01900000-0000-7000-8000-0000000000b1';
const member = '01900000-0000-7000-8000-0000000000c1';

describe('migration 0009 (growth taken back on refund) on a platform with members’ sales', () => {
  it('keeps each credited sale’s total beside its growth, none of it taken back yet', async () => {
    await onPlatformBefore(9, async ({ sql, migrateRest }) => {
      await sql.query(
        `INSERT INTO members (id, phone, growth, tier, consent, created_via, created_at)
         VALUES ($1, '13900001234', 28, 1, false, 'platform', 0)`,
        [member],
      );
      await sql.query(
        `INSERT INTO orders (store_id, id, device_id, number, business_day, channel, paid_at, total, body)
         VALUES ($1, $2, $1, 'A-0001', '2026-12-01', 'in_store', 5, 1800, '{}'::jsonb)`,
        [store, order],
      );
      await sql.query(
        'INSERT INTO member_orders (store_id, order_id, member_id, paid_at, growth) VALUES ($1, $2, $3, 5, 28)',
        [store, order, member],
      );
      await migrateRest();
      expect(await sql.query('SELECT total, growth_reversed FROM member_orders')).toEqual([
        { total: 1800, growth_reversed: 0 },
      ]);
      // Never more taken back than the sale earned.
      await expect(sql.query('UPDATE member_orders SET growth_reversed = 29')).rejects.toThrow();
      expect(await sql.query('SELECT count(*)::int AS n FROM member_settings_changes')).toEqual([{ n: 0 }]);
    });
  });
});
