import type { FranchiseStore } from '../../shared/platform-api/franchise';
import {
  type FranchiseStock,
  LOW_STOCK_MAX,
  STOCK_SEARCH_MAX,
  type StockFilter,
  type StockProduct,
} from '../../shared/platform-api/franchise-stock';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { recordAudit } from '../owners/platform-audit';

export type StockAsk = { only: StockFilter; q?: string; after?: string; limit: number };

type ProductRow = {
  sku: string;
  name_zh: string | null;
  name_en: string | null;
  unit: 'each' | 'kg' | null;
  local: boolean;
  low_at: number | null;
};

type LevelRow = { store_id: string; sku: string; on_hand: number; sold_out: boolean };

/**
 * What the owner sees: the brand's catalog (its own products and the operator's), each with the
 * brand's low-stock level, and every SKU of the stores' ledgers that is not in it (a store's own
 * product, known by its SKU alone). $1 the organisation, $2 the stores shown.
 */
const PRODUCTS = `WITH catalog AS (
    SELECT p.sku, p.name_zh, p.name_en, p.unit, false AS local, l.low_at
    FROM products p LEFT JOIN low_stock_levels l ON l.organisation_id = $1 AND l.sku = p.sku
    WHERE p.organisation_id IS NULL OR p.organisation_id = $1
    UNION ALL
    SELECT DISTINCT s.sku, NULL, NULL, NULL, true, NULL::bigint
    FROM stock_levels s
    WHERE s.store_id = ANY($2::uuid[])
      AND NOT EXISTS (SELECT 1 FROM products p WHERE p.sku = s.sku AND (p.organisation_id IS NULL OR p.organisation_id = $1))
  )
  SELECT c.* FROM catalog c
  WHERE ($3::text IS NULL OR c.sku ILIKE $3 ESCAPE '\\' OR c.name_zh ILIKE $3 ESCAPE '\\' OR c.name_en ILIKE $3 ESCAPE '\\')
    AND ($4 = 'all'
      OR ($4 = 'soldOut' AND EXISTS (
        SELECT 1 FROM stock_levels s WHERE s.store_id = ANY($2::uuid[]) AND s.sku = c.sku AND s.sold_out))
      OR ($4 = 'low' AND c.low_at IS NOT NULL AND EXISTS (
        SELECT 1 FROM unnest($2::uuid[]) AS shown (id)
        LEFT JOIN stock_levels s ON s.store_id = shown.id AND s.sku = c.sku
        WHERE COALESCE(s.on_hand, 0) <= c.low_at)))`;

/** `%` and `_` typed in a search are looked for as themselves. */
function pattern(q: string | undefined): string | null {
  const text = q?.trim() ?? '';
  if (text.length > STOCK_SEARCH_MAX) throw new ApiError(400, 'stock_search_too_long', { max: STOCK_SEARCH_MAX });
  return text === '' ? null : `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toStockProduct(row: ProductRow, stores: string[], levels: Map<string, LevelRow>): StockProduct {
  const lowAt = row.low_at === null ? null : Number(row.low_at);
  const perStore = stores.map((storeId) => {
    const level = levels.get(`${storeId}|${row.sku}`);
    // A catalog product never moved at a store has none there; a store's own SKU is not at the others.
    const onHand = level ? Number(level.on_hand) : row.local ? null : 0;
    return {
      storeId,
      onHand,
      soldOut: level?.sold_out ?? false,
      low: lowAt !== null && onHand !== null && onHand <= lowAt,
    };
  });
  return {
    sku: row.sku,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    unit: row.unit,
    local: row.local,
    lowAt,
    total: perStore.reduce((sum, store) => sum + (store.onHand ?? 0), 0),
    stores: perStore,
  };
}

/**
 * On hand per store and in total over the stores shown (the brand's, or the one asked), by SKU a
 * page at a time, from the stores' ledgers as the tills pushed them; low and sold out per store.
 */
export async function franchiseStock(
  db: Queryable,
  organisationId: string,
  stores: Pick<FranchiseStore, 'storeId' | 'name'>[],
  ask: StockAsk,
): Promise<FranchiseStock> {
  const ids = stores.map((store) => store.storeId);
  const args = [organisationId, ids, pattern(ask.q), ask.only];
  const [rows, counted] = await Promise.all([
    db.query<ProductRow>(`${PRODUCTS} AND c.sku > $5 ORDER BY c.sku LIMIT $6`, [
      ...args,
      ask.after ?? '',
      ask.limit + 1,
    ]),
    db.query<{ matched: number }>(`SELECT count(*)::bigint AS matched FROM (${PRODUCTS}) m`, args),
  ]);
  const page = rows.slice(0, ask.limit);
  const levels = await db.query<LevelRow>(
    'SELECT store_id, sku, on_hand, sold_out FROM stock_levels WHERE store_id = ANY($1::uuid[]) AND sku = ANY($2::text[])',
    [ids, page.map((row) => row.sku)],
  );
  const bySku = new Map(levels.map((level) => [`${level.store_id}|${level.sku}`, level]));
  return {
    stores: stores.map(({ storeId, name }) => ({ storeId, name })),
    products: page.map((row) => toStockProduct(row, ids, bySku)),
    matched: Number(counted[0]?.matched ?? 0),
    next: rows.length > ask.limit ? (page.at(-1)?.sku ?? null) : null,
  };
}

type LowStockChange = { sku: string; lowAt: number | null };

/**
 * The brand's low-stock levels of products of its catalog, all or none; null removes a level.
 * Audited in the same transaction.
 */
export async function setLowStockLevels(
  sql: Sql,
  owner: { organisationId: string; ownerId: string },
  items: LowStockChange[],
  at: number,
): Promise<{ updated: number }> {
  for (const item of items) {
    const { lowAt } = item;
    if (lowAt !== null && (!Number.isInteger(lowAt) || lowAt < 0 || lowAt > LOW_STOCK_MAX)) {
      throw new ApiError(400, 'low_stock_level_invalid', { sku: item.sku, max: LOW_STOCK_MAX });
    }
  }
  const last = new Map(items.map((item) => [item.sku, item.lowAt]));
  return sql.transaction(async (tx) => {
    const seen = await tx.query<{ sku: string }>(
      'SELECT sku FROM products WHERE sku = ANY($1::text[]) AND (organisation_id IS NULL OR organisation_id = $2)',
      [[...last.keys()], owner.organisationId],
    );
    const known = new Set(seen.map((row) => row.sku));
    const unknown = [...last.keys()].find((sku) => !known.has(sku));
    if (unknown !== undefined) throw new ApiError(400, 'product_unknown', { sku: unknown });
    const changes = [...last].map(([sku, lowAt]) => ({ sku, lowAt }));
    await tx.query(
      `WITH changes AS (SELECT sku, "lowAt" AS low_at FROM jsonb_to_recordset($2::jsonb) AS x(sku text, "lowAt" bigint)),
       removed AS (
         DELETE FROM low_stock_levels l USING changes c
         WHERE l.organisation_id = $1 AND l.sku = c.sku AND c.low_at IS NULL
       )
       INSERT INTO low_stock_levels (organisation_id, sku, low_at, set_at)
       SELECT $1, sku, low_at, $3 FROM changes WHERE low_at IS NOT NULL
       ON CONFLICT (organisation_id, sku) DO UPDATE SET low_at = EXCLUDED.low_at, set_at = EXCLUDED.set_at`,
      [owner.organisationId, JSON.stringify(changes), at],
    );
    await recordAudit(tx, {
      actor: { kind: 'owner', ownerId: owner.ownerId },
      organisationId: owner.organisationId,
      action: 'stock.low_levels_set',
      detail: { levels: changes.slice(0, 100), count: changes.length },
      at,
    });
    return { updated: changes.length };
  });
}
