import type { StockLevel } from '../../shared/sync/wire';
import type { Queryable } from '../db/sql';
import { reserveStoreVersions } from './versions';

export type Movement = {
  id: string;
  sku: string;
  kind: string;
  quantity: number;
  at: number;
  note?: string | null;
  /** Who moved it and the receipt that did, where the till said (a sale's cashier, a refund's staff). */
  staffName?: string | null;
  reference?: string | null;
};

/** A sale's or refund's movements, with who rang it up and its receipt number, for the store's ledger. */
export function movedBy(stock: Movement[], staffName: string, reference: string): Movement[] {
  return stock.map((movement) => ({ ...movement, staffName, reference }));
}

/**
 * Records movements once (a movement id seen before is skipped) and adds the new ones to on-hand.
 * Each SKU whose level changed gets a new store version, so terminals pull it. One statement: a
 * push carries thousands of these, and each round trip to the database counts.
 */
export async function recordMovements(
  tx: Queryable,
  context: { storeId: string; deviceId: string },
  movements: Movement[],
): Promise<void> {
  if (movements.length === 0) return;
  await tx.query(
    `WITH moved AS (
       INSERT INTO stock_movements (store_id, id, device_id, sku, kind, quantity, moved_at, note, staff_name, reference)
       SELECT $1, id, $2, sku, kind, quantity, at, note, "staffName", reference
       FROM jsonb_to_recordset($3::jsonb)
         AS x(id uuid, sku text, kind text, quantity bigint, at bigint, note text, "staffName" text, reference text)
       ON CONFLICT (store_id, id) DO NOTHING
       RETURNING sku, quantity
     ), deltas AS (
       SELECT sku, sum(quantity)::bigint AS delta, row_number() OVER (ORDER BY sku) AS n, count(*) OVER () AS total
       FROM moved GROUP BY sku
     ), reserved AS (
       -- The store's version counter, as in reserveStoreVersions: one version per changed SKU.
       UPDATE stores SET version = version + (SELECT count(*) FROM deltas)
       WHERE id = $1 AND EXISTS (SELECT 1 FROM deltas)
       RETURNING version
     )
     INSERT INTO stock_levels (store_id, sku, on_hand, version)
     SELECT $1, d.sku, d.delta, r.version - d.total + d.n FROM deltas d CROSS JOIN reserved r
     ON CONFLICT (store_id, sku) DO UPDATE SET on_hand = stock_levels.on_hand + EXCLUDED.on_hand,
       version = EXCLUDED.version`,
    [context.storeId, context.deviceId, JSON.stringify(movements)],
  );
}

/** Marks a SKU sold out (估清) or back on sale at one store; any SKU string, known or not. */
export async function setSoldOut(tx: Queryable, storeId: string, sku: string, soldOut: boolean): Promise<void> {
  const version = await reserveStoreVersions(tx, storeId, 1);
  await tx.query(
    `INSERT INTO stock_levels (store_id, sku, sold_out, version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (store_id, sku) DO UPDATE SET sold_out = EXCLUDED.sold_out, version = EXCLUDED.version`,
    [storeId, sku, soldOut, version],
  );
}

export async function stockLevels(db: Queryable, storeId: string): Promise<StockLevel[]> {
  const rows = await db.query<{ sku: string; on_hand: number; sold_out: boolean }>(
    'SELECT sku, on_hand, sold_out FROM stock_levels WHERE store_id = $1 ORDER BY sku',
    [storeId],
  );
  return rows.map((row) => ({ sku: row.sku, onHand: row.on_hand, soldOut: row.sold_out }));
}

/** SKUs this store marked sold out, among `skus`. */
export async function soldOutAmong(db: Queryable, storeId: string, skus: string[]): Promise<Set<string>> {
  const rows = await db.query<{ sku: string }>(
    'SELECT sku FROM stock_levels WHERE store_id = $1 AND sku = ANY($2::text[]) AND sold_out',
    [storeId, skus],
  );
  return new Set(rows.map((row) => row.sku));
}
