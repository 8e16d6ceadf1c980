import type { StockLevel } from '../../shared/sync/wire';
import type { Queryable } from '../db/sql';
import { reserveStoreVersions } from './versions';

export type Movement = { id: string; sku: string; kind: string; quantity: number; at: number; note?: string | null };

/**
 * Records movements once (a movement id seen before is skipped) and adds the new ones to on-hand.
 * Each SKU whose level changed gets a new store version, so terminals pull it.
 */
export async function recordMovements(
  tx: Queryable,
  context: { storeId: string; deviceId: string },
  movements: Movement[],
): Promise<void> {
  if (movements.length === 0) return;
  const inserted = await tx.query<{ sku: string; quantity: number }>(
    `INSERT INTO stock_movements (store_id, id, device_id, sku, kind, quantity, moved_at, note)
     SELECT $1, id, $2, sku, kind, quantity, at, note
     FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, sku text, kind text, quantity bigint, at bigint, note text)
     ON CONFLICT (store_id, id) DO NOTHING
     RETURNING sku, quantity`,
    [context.storeId, context.deviceId, JSON.stringify(movements)],
  );
  const deltas = new Map<string, number>();
  for (const row of inserted) deltas.set(row.sku, (deltas.get(row.sku) ?? 0) + row.quantity);
  if (deltas.size === 0) return;
  // Sorted so two writers of one store touch level rows in the same order.
  const skus = [...deltas.keys()].sort();
  const first = await reserveStoreVersions(tx, context.storeId, skus.length);
  await tx.query(
    `INSERT INTO stock_levels (store_id, sku, on_hand, version)
     SELECT $1, sku, delta, version FROM jsonb_to_recordset($2::jsonb) AS x(sku text, delta bigint, version bigint)
     ON CONFLICT (store_id, sku) DO UPDATE SET on_hand = stock_levels.on_hand + EXCLUDED.on_hand,
       version = EXCLUDED.version`,
    [
      context.storeId,
      JSON.stringify(skus.map((sku, index) => ({ sku, delta: deltas.get(sku), version: first + index }))),
    ],
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
