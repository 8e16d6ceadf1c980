import { describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import { storePolicy } from '../../platform/vouchers/policy';

describe('the voucher migration on a platform that already has stores', () => {
  it('numbers existing stores in creation order, gives each a policy, and numbers new stores after them', async () => {
    const sql = await openPgliteSql(null);
    try {
      // Up to 0002: later ones (0003 seals the keys) need the platform's key-encryption key.
      const [first, vouchers] = loadMigrations();
      await migrate(sql, [first]);
      for (const [id, name, at] of [
        ['01900000-0000-7000-8000-000000000002', 'Second', 2],
        ['01900000-0000-7000-8000-000000000001', 'First', 1],
      ] as const) {
        await sql.query(
          `INSERT INTO stores (id, name, currency, time_zone, created_at) VALUES ($1, $2, 'CNY', 'Asia/Shanghai', $3)`,
          [id, name, at],
        );
      }
      expect(await migrate(sql, [first, vouchers])).toBe(1);
      expect((await storePolicy(sql, '01900000-0000-7000-8000-000000000001')).storeNumber).toBe(1);
      expect((await storePolicy(sql, '01900000-0000-7000-8000-000000000002')).storeNumber).toBe(2);
      const third = await createStore(sql, { name: 'Third', currency: 'CNY', timeZone: 'Asia/Shanghai' }, Date.now());
      expect(await storePolicy(sql, third.storeId)).toMatchObject({
        storeNumber: 3,
        limits: { floorPerRedemption: 5000 },
      });
      const versions = await sql.query<{ version: number }>('SELECT version FROM voucher_policies ORDER BY version');
      expect(versions.map((row) => row.version)).toEqual([1, 2, 3]);
    } finally {
      await sql.close();
    }
  });
});
