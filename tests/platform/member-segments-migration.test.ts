import { describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { onPlatformBefore } from '../support/platform-migration';

describe('migration 0011 (member segments) on a platform with member sales', () => {
  it('gives each credited sale its order’s total and business day, and keeps the sales it cannot find', async () => {
    await onPlatformBefore(11, async ({ sql, migrateRest }) => {
      const { storeId } = await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      const member = '01900000-0000-7000-8000-0000000000aa';
      await sql.query(
        `INSERT INTO members (id, phone, tier, consent, created_via, created_at) VALUES ($1, '13900001111', 1, true, 'platform', 0)`,
        [member],
      );
      const order = '01900000-0000-7000-8000-0000000000b1';
      const lost = '01900000-0000-7000-8000-0000000000b2';
      await sql.query(
        `INSERT INTO orders (store_id, id, device_id, number, business_day, channel, paid_at, total, body)
         VALUES ($1, $2, $2, 'A-1', '2026-03-04', 'in_store', 1772600000000, 4_200, '{}')`,
        [storeId, order],
      );
      for (const id of [order, lost]) {
        await sql.query(
          'INSERT INTO member_orders (store_id, order_id, member_id, paid_at, growth) VALUES ($1, $2, $3, 1772600000000, 52)',
          [storeId, id, member],
        );
      }
      await migrateRest();
      const rows = await sql.query<{ order_id: string; total: number; day: string }>(
        'SELECT order_id, total, business_day::text AS day FROM member_orders ORDER BY order_id',
      );
      expect(rows).toEqual([
        { order_id: order, total: 4_200, day: '2026-03-04' },
        // A credited sale whose order is not there: kept, at nothing, on its UTC day.
        { order_id: lost, total: 0, day: '2026-03-04' },
      ]);
      expect(await sql.query('SELECT count(*)::int AS n FROM member_scores')).toEqual([{ n: 0 }]);
      await expect(
        sql.query(
          `INSERT INTO store_segment_settings (store_id, store_type, active_days, sleeping_days, churned_days, updated_at, version)
           VALUES ($1, 'cafe', 90, 30, 180, 0, 1)`,
          [storeId],
        ),
      ).rejects.toThrow();
    });
  });
});
