import type { PullResponse, PullStream } from '../../shared/sync/wire';
import { RiskLimits } from '../../shared/vouchers/campaign';
import { type CatalogRow, STORE_PRODUCT_COLUMNS, toCatalogItem } from '../data/catalog';
import { ONLINE_ORDER_COLUMNS, toOnlineOrderWire } from '../data/online-orders';
import type { Queryable } from '../db/sql';
import { CAMPAIGN_COLUMNS, type CampaignRow, toCampaign } from '../vouchers/campaigns';

type Change = PullResponse['changes'][number];
type VersionedRow = { version: number };

/** A cursor is a version number; one beyond any version simply finds nothing newer. */
export function cursorValue(cursor: string): number {
  const value = BigInt(cursor);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

// Each product and each override row owns a version no other row has, so a store's effective
// version (the newer of the two) is unique too and paging by "version > cursor" never splits a tie.
const catalogQuery = `
  WITH changed AS (
    SELECT sku FROM products WHERE version > $2
    UNION
    SELECT sku FROM store_prices WHERE store_id = $1 AND version > $2
  )
  SELECT ${STORE_PRODUCT_COLUMNS}
  FROM changed c
  JOIN products p ON p.sku = c.sku
  LEFT JOIN store_prices sp ON sp.store_id = $1 AND sp.sku = p.sku
  ORDER BY version
  LIMIT $3`;

const streamQueries: Record<PullStream, { text: string; change(row: never): Change }> = {
  catalog: {
    text: catalogQuery,
    change: (row: CatalogRow) => ({ id: row.sku, version: String(row.version), data: toCatalogItem(row) }),
  },
  online_orders: {
    text: `SELECT ${ONLINE_ORDER_COLUMNS}, version FROM online_orders
           WHERE store_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
    change: (row: Parameters<typeof toOnlineOrderWire>[0] & VersionedRow) => ({
      id: row.id,
      version: String(row.version),
      data: toOnlineOrderWire(row),
    }),
  },
  stock_levels: {
    text: `SELECT sku, on_hand, sold_out, version FROM stock_levels
           WHERE store_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
    change: (row: { sku: string; on_hand: number; sold_out: boolean } & VersionedRow) => ({
      id: row.sku,
      version: String(row.version),
      data: { sku: row.sku, onHand: row.on_hand, soldOut: row.sold_out },
    }),
  },
  // The voucher streams share the franchise-wide voucher counter; each store reads its slice.
  voucher_keys: {
    text: `SELECT kid, public_key, valid_from, valid_to, version FROM voucher_keys
           WHERE version > $2 AND $1::uuid IS NOT NULL ORDER BY version LIMIT $3`,
    change: (row: { kid: number; public_key: string; valid_from: number; valid_to: number } & VersionedRow) => ({
      id: String(row.kid),
      version: String(row.version),
      data: { kid: row.kid, publicKey: row.public_key, validFrom: row.valid_from, validTo: row.valid_to },
    }),
  },
  campaigns: {
    text: `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c
           WHERE c.version > $2 AND (c.store_id IS NULL OR c.store_id = $1) ORDER BY c.version LIMIT $3`,
    change: (row: CampaignRow) => ({ id: String(row.id), version: String(row.version), data: toCampaign(row) }),
  },
  voucher_denials: {
    text: `SELECT v.id, v.denial_reason, v.denied, v.denied_at, v.denial_version AS version
           FROM vouchers v JOIN campaigns c ON c.id = v.campaign_id
           WHERE v.denial_version > $2 AND (c.store_id IS NULL OR c.store_id = $1)
           ORDER BY v.denial_version LIMIT $3`,
    change: (row: { id: string; denial_reason: string; denied: boolean; denied_at: number } & VersionedRow) => ({
      id: row.id,
      version: String(row.version),
      data: { voucherId: row.id, reason: row.denial_reason, denied: row.denied, at: row.denied_at },
    }),
  },
  voucher_policy: {
    text: `SELECT s.number, p.limits, p.version FROM voucher_policies p JOIN stores s ON s.id = p.store_id
           WHERE p.store_id = $1 AND p.version > $2 ORDER BY p.version LIMIT $3`,
    change: (row: { number: number; limits: unknown } & VersionedRow) => ({
      id: 'store',
      version: String(row.version),
      data: { storeNumber: row.number, limits: RiskLimits.parse(row.limits) },
    }),
  },
};

/**
 * The latest state of every entity of a stream changed after `cursor`, oldest change first. Rows
 * are updated in place, so cursor '0' returns the whole current state: that is the snapshot, and
 * no cursor is ever too old to serve (the 410 of PROTOCOL.md is never needed here).
 */
export async function pullChanges(
  db: Queryable,
  storeId: string,
  query: { stream: PullStream; cursor: string; limit: number },
): Promise<PullResponse> {
  const stream = streamQueries[query.stream];
  const rows = await db.query<VersionedRow>(stream.text, [storeId, cursorValue(query.cursor), query.limit + 1]);
  const page = rows.slice(0, query.limit);
  const changes = page.map((row) => stream.change(row as never));
  const last = page.at(-1);
  return {
    changes,
    nextCursor: last ? String(last.version) : String(cursorValue(query.cursor)),
    hasMore: rows.length > query.limit,
  };
}

/** The newest version of each stream as this store sees it. */
export async function streamHeads(db: Queryable, storeId: string): Promise<Record<PullStream, number>> {
  const [row] = await db.query<Record<PullStream, number>>(
    `SELECT
       (SELECT COALESCE(max(version), 0) FROM online_orders WHERE store_id = $1) AS online_orders,
       (SELECT COALESCE(max(version), 0) FROM stock_levels WHERE store_id = $1) AS stock_levels,
       GREATEST(
         (SELECT COALESCE(max(version), 0) FROM products),
         (SELECT COALESCE(max(version), 0) FROM store_prices WHERE store_id = $1)
       ) AS catalog,
       (SELECT COALESCE(max(version), 0) FROM voucher_keys) AS voucher_keys,
       (SELECT COALESCE(max(version), 0) FROM campaigns WHERE store_id IS NULL OR store_id = $1) AS campaigns,
       (SELECT COALESCE(max(v.denial_version), 0) FROM vouchers v JOIN campaigns c ON c.id = v.campaign_id
         WHERE v.denial_version IS NOT NULL AND (c.store_id IS NULL OR c.store_id = $1)) AS voucher_denials,
       (SELECT COALESCE(max(version), 0) FROM voucher_policies WHERE store_id = $1) AS voucher_policy`,
    [storeId],
  );
  return row;
}

/** Streams whose head is past the cursor the terminal holds. */
export async function movedStreams(
  db: Queryable,
  storeId: string,
  cursors: Record<PullStream, string>,
): Promise<PullStream[]> {
  const heads = await streamHeads(db, storeId);
  return (Object.keys(heads) as PullStream[]).filter((stream) => heads[stream] > cursorValue(cursors[stream]));
}
