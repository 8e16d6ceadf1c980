import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';

/**
 * Reserves `count` consecutive versions of a store's streams and returns the first. The UPDATE
 * locks the store row until commit, so writers of one store take versions in commit order and a
 * reader's cursor can never pass a version that commits later.
 */
export async function reserveStoreVersions(tx: Queryable, storeId: string, count: number): Promise<number> {
  const rows = await tx.query<{ version: number }>(
    'UPDATE stores SET version = version + $2 WHERE id = $1 RETURNING version',
    [storeId, count],
  );
  if (rows.length === 0) throw new ApiError(404, 'store_unknown');
  return rows[0].version - count + 1;
}

/** The same for the franchise catalog and store price overrides, which share one counter. */
export async function reserveCatalogVersions(tx: Queryable, count: number): Promise<number> {
  const rows = await tx.query<{ version: number }>(
    'UPDATE catalog_counter SET version = version + $1 WHERE id = 1 RETURNING version',
    [count],
  );
  return rows[0].version - count + 1;
}

/**
 * Takes the store row first, as every writer of a store's streams does (pushes, online orders,
 * their cancellation), so two of them never hold rows the other waits for. False for no such store.
 */
export async function lockStore(tx: Queryable, storeId: string): Promise<boolean> {
  const rows = await tx.query('SELECT id FROM stores WHERE id = $1 FOR UPDATE', [storeId]);
  return rows.length === 1;
}

/**
 * The same for the voucher streams (keys, campaigns, deny list, policies). One franchise-wide
 * counter because a voucher good at every store moves every store's deny list. Taken last, after
 * the store and voucher rows, so lock order stays store → voucher → counter everywhere.
 */
export async function reserveVoucherVersions(tx: Queryable, count: number): Promise<number> {
  const rows = await tx.query<{ version: number }>(
    'UPDATE voucher_counter SET version = version + $1 WHERE id = 1 RETURNING version',
    [count],
  );
  return rows[0].version - count + 1;
}
