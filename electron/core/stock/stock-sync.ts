import type { Database } from 'better-sqlite3';
import type { StockLevel, StockMovedPayload } from '../../../shared/sync/stock-sync';
import { namedStatements } from '../db/open-database';
import { ackedSeq } from '../sync/sync-records';
import type { TillDomain } from '../sync/till-domain';

/** A movement as the ledger has it; its note comes from the outbox row. */
type MovementRow = Omit<StockMovedPayload, 'note'>;

const stockOutboxSql = {
  movement: `SELECT m.id, p.sku, m.kind, m.quantity, m.at, s.name AS staffName
    FROM stock_movements m JOIN products p ON p.id = m.product_id LEFT JOIN staff s ON s.id = m.staff_id
    WHERE m.id = ?`,
};

const statements = namedStatements({
  ...stockOutboxSql,
  upsertPlatformStock: `INSERT INTO platform_stock (sku, on_hand, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (sku) DO UPDATE SET on_hand = excluded.on_hand, updated_at = excluded.updated_at`,
  setSoldOut: 'UPDATE products SET sold_out = ?, updated_at = ? WHERE sku = ? AND sold_out <> ?',
  // Only the unsent tail of the queue, by its key: the whole history would be read for every level.
  unsentSoldOut: `SELECT EXISTS (SELECT 1 FROM outbox WHERE seq > ? AND type = 'product.sold_out'
    AND json_extract(payload, '$.sku') = ?)`,
});

/** Another till's 估清 reaches this one; the store-wide on-hand is kept beside the local ledger. */
function applyStockLevel(db: Database, level: StockLevel, now: number): void {
  const q = statements(db);
  q.upsertPlatformStock.run(level.sku, level.onHand, now);
  // A toggle made here and not yet pushed is newer than anything the platform can say.
  if (q.unsentSoldOut.pluck().get(ackedSeq(db), level.sku) === 1) return;
  const flag = level.soldOut ? 1 : 0;
  q.setSoldOut.run(flag, now, level.sku, flag);
}

/**
 * A movement on its own is read from the ledger with its note from the outbox row; a 估清 toggle is
 * stored nowhere else, so its row carries it whole.
 */
export const stockTill: TillDomain<'stock_levels', 'stock.moved' | 'product.sold_out'> = {
  streams: {
    stock_levels: {
      apply: (db, level, { now }) => {
        applyStockLevel(db, level, now);
        return false;
      },
      told: () => [{ type: 'stock.changed' }],
    },
  },
  mutations: {
    'stock.moved': {
      payload: (db, row) => ({ ...(statements(db).movement.get(row.id) as MovementRow), ...JSON.parse(row.payload) }),
    },
    'product.sold_out': { payload: (_db, row) => JSON.parse(row.payload) },
  },
  payloadSql: stockOutboxSql,
};
