import { describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import { transferDomain } from '../../platform/sync/transfer-sync';
import { newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { sealPlainKeys } from '../../platform/vouchers/keys';

describe('migration 0020 on a platform with stores from before transfers', () => {
  it('gives every store an empty transfers stream at version 0, and keeps its ledger', async () => {
    const sql = await openPgliteSql(null);
    try {
      const migrations = loadMigrations();
      const before = migrations.filter((migration) => migration.version < 20);
      const kek = parseKek(newKekText(), 'test');
      const steps = { sealed_voucher_keys: (tx: Parameters<typeof sealPlainKeys>[0]) => sealPlainKeys(tx, kek) };
      await migrate(sql, before, steps);
      const store = await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      await sql.query(
        `INSERT INTO stock_movements (store_id, id, device_id, sku, kind, quantity, moved_at)
         VALUES ($1, gen_random_uuid(), gen_random_uuid(), 'OLD-1', 'receive', 5, 1000)`,
        [store.storeId],
      );
      expect(await migrate(sql, migrations, steps)).toBe(migrations.length - before.length);
      const { transfers } = transferDomain.streams;
      expect(await sql.query(transfers.query, [store.storeId, 0, 10])).toEqual([]);
      expect(await sql.query(`SELECT ${transfers.head} AS head`, [store.storeId])).toEqual([{ head: 0 }]);
      expect(await sql.query('SELECT version FROM transfer_counter')).toEqual([{ version: 0 }]);
      expect(await sql.query('SELECT sku, quantity FROM stock_movements')).toEqual([{ sku: 'OLD-1', quantity: 5 }]);
    } finally {
      await sql.close();
    }
  });
});
