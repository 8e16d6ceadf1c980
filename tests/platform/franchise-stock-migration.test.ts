import { describe, expect, it } from 'vitest';
import { storeMovements } from '../../platform/data/franchise-stock-movements';
import { createStore } from '../../platform/data/stores';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import { newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { sealPlainKeys } from '../../platform/vouchers/keys';
import { uuidv7 } from '../../shared/ids';

describe('migration 0021 on a platform with a stock ledger', () => {
  it('keeps every movement, with no staff or receipt for the ones recorded before, and no low-stock levels', async () => {
    const sql = await openPgliteSql(null);
    try {
      const migrations = loadMigrations();
      const before = migrations.filter((migration) => migration.version < 21);
      const kek = parseKek(newKekText(), 'test');
      const steps = { sealed_voucher_keys: (tx: Parameters<typeof sealPlainKeys>[0]) => sealPlainKeys(tx, kek) };
      await migrate(sql, before, steps);
      const store = await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      const id = uuidv7();
      // As the platform before 0021 wrote them (its columns, not today's code).
      await sql.query(
        `INSERT INTO stock_movements (store_id, id, device_id, sku, kind, quantity, moved_at, note)
         VALUES ($1, $2, $3, 'OLD-1', 'receive', 12, 5000, 'delivery')`,
        [store.storeId, id, uuidv7()],
      );
      expect(await migrate(sql, migrations, steps)).toBe(migrations.length - before.length);
      const ledger = await storeMovements(sql, { ...store, currency: 'CNY', timeZone: 'Asia/Shanghai' }, { limit: 10 });
      expect(ledger.movements).toEqual([
        {
          id,
          sku: 'OLD-1',
          kind: 'receive',
          quantity: 12,
          at: 5000,
          note: 'delivery',
          device: null,
          staffName: null,
          reference: null,
        },
      ]);
      expect(await sql.query('SELECT count(*)::int AS n FROM low_stock_levels')).toEqual([{ n: 0 }]);
    } finally {
      await sql.close();
    }
  });
});
