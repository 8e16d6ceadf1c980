import { describe, expect, it } from 'vitest';
import { setStorePrices, upsertProducts } from '../../platform/data/catalog';
import { createStore } from '../../platform/data/stores';
import { loadMigrations, migrate } from '../../platform/db/migrate';
import { openPgliteSql } from '../../platform/db/pglite-sql';
import { catalogDomain } from '../../platform/sync/catalog-sync';
import { newKekText, parseKek } from '../../platform/vouchers/key-sealing';
import { sealPlainKeys } from '../../platform/vouchers/keys';
import { product } from './support/clients';

describe('migration 0018 on a platform with a catalog from before brands had their own', () => {
  it("keeps every product the operator's, seen by every store at its own price and on sale", async () => {
    const sql = await openPgliteSql(null);
    try {
      const migrations = loadMigrations();
      const before = migrations.filter((migration) => migration.version < 18);
      const kek = parseKek(newKekText(), 'test');
      const steps = { sealed_voucher_keys: (tx: Parameters<typeof sealPlainKeys>[0]) => sealPlainKeys(tx, kek) };
      await migrate(sql, before, steps);
      const store = await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      await upsertProducts(sql, [product('OLD-1', { price: 500 }), product('OLD-2', { price: 700 })]);
      await setStorePrices(sql, store.storeId, [{ sku: 'OLD-2', price: 650 }]);
      expect(await migrate(sql, migrations, steps)).toBe(migrations.length - before.length);

      expect(await sql.query('SELECT sku, organisation_id FROM products ORDER BY sku')).toEqual([
        { sku: 'OLD-1', organisation_id: null },
        { sku: 'OLD-2', organisation_id: null },
      ]);
      const stream = await sql.query<{ sku: string; price: number; active: boolean }>(
        catalogDomain.streams.catalog.query,
        [store.storeId, 0, 10],
      );
      expect(stream.map(({ sku, price, active }) => ({ sku, price: Number(price), active }))).toEqual([
        { sku: 'OLD-1', price: 500, active: true },
        { sku: 'OLD-2', price: 650, active: true },
      ]);
    } finally {
      await sql.close();
    }
  });
});
