import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { migrationsDir, seedCashierAndWater, storeBefore } from '../support/store-before';

describe("a product's platform version on the till (migration 0020)", () => {
  it('keeps every product as it was, none of them from the platform yet', () => {
    const { dataDir, db: old } = storeBefore('product_platform_version');
    seedCashierAndWater(old);
    old.close();
    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(db.prepare('SELECT sku, price, cost, platform_version FROM products').all()).toEqual([
      { sku: 'DRK-1', price: 500, cost: 100, platform_version: null },
    ]);
    db.close();
  });
});
