import { describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { catalogDomain } from '../../platform/sync/catalog-sync';
import { onPlatformBefore } from '../support/platform-migration';

describe('migration 0018 on a platform with a catalog from before brands had their own', () => {
  it("keeps every product the operator's, seen by every store at its own price and on sale", async () => {
    await onPlatformBefore(18, async ({ sql, migrateRest, rest }) => {
      const store = await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      // As the platform before 0018 wrote them (its columns, not today's code).
      await sql.exec(`INSERT INTO products (sku, barcodes, plu, name_zh, name_en, category_zh, category_en, price,
          tax_rate_bp, unit, active, listed_online, version)
        VALUES ('OLD-1', '[]', NULL, '旧一', 'Old one', '饮料', 'Drinks', 500, 1300, 'each', true, true, 1),
               ('OLD-2', '[]', NULL, '旧二', 'Old two', '饮料', 'Drinks', 700, 1300, 'each', true, true, 2)`);
      await sql.query('INSERT INTO store_prices (store_id, sku, price, version) VALUES ($1, $2, 650, 3)', [
        store.storeId,
        'OLD-2',
      ]);
      expect(await migrateRest()).toBe(rest);

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
    });
  });
});
