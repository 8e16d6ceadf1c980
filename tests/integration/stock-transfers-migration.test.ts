import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { migrationsDir, seedCashierAndWater, storeBefore } from '../support/store-before';

describe('stock transfers on the till (migration 0022)', () => {
  it('keeps the ledger as it was and starts with no transfers; a line needs its transfer', () => {
    const { dataDir, db: old } = storeBefore('stock_transfers');
    seedCashierAndWater(old);
    old.exec(`INSERT INTO stock_movements (id, product_id, kind, quantity, at, staff_id)
      VALUES ('m1', 'p1', 'receive', 12, 0, 's1')`);
    old.close();
    const { db } = openDatabase({ dataDir, migrationsDir });
    expect(db.prepare('SELECT id, kind, quantity FROM stock_movements').all()).toEqual([
      { id: 'm1', kind: 'receive', quantity: 12 },
    ]);
    expect(db.prepare('SELECT count(*) FROM stock_transfers').pluck().get()).toBe(0);
    expect(() =>
      db.prepare(`INSERT INTO stock_transfer_lines (transfer_id, sku, sent) VALUES ('none', 'DRK-1', 1)`).run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO stock_transfers (id, direction, other_store_id, other_store_name, status, updated_at)
           VALUES ('t', 'sideways', 's', 'S', 'in_transit', 0)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
