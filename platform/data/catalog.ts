import type { ProductInput } from '../../shared/platform-api/catalog-input';
import type { CatalogItem } from '../../shared/sync/wire';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { requireStore } from './stores';
import { reserveCatalogVersions } from './versions';

export function refuseDuplicateSkus(items: { sku: string }[]): void {
  const seen = new Set<string>();
  for (const { sku } of items) {
    if (seen.has(sku)) throw new ApiError(400, 'sku_duplicate', { sku });
    seen.add(sku);
  }
}

/**
 * Inserts or updates products by SKU with their versions; a new one goes into `organisationId`'s
 * catalog (null: the operator's), an existing one stays in its own.
 */
export async function writeProducts(
  tx: Queryable,
  rows: (ProductInput & { version: number })[],
  organisationId: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO products (sku, barcodes, plu, name_zh, name_en, category_zh, category_en, price, tax_rate_bp, unit,
       active, listed_online, version, organisation_id)
     SELECT sku, barcodes, plu, "nameZh", "nameEn", "categoryZh", "categoryEn", price, "taxRateBp", unit,
       active, "listedOnline", version, $2
     FROM jsonb_to_recordset($1::jsonb) AS x(sku text, barcodes jsonb, plu text, "nameZh" text, "nameEn" text,
       "categoryZh" text, "categoryEn" text, price bigint, "taxRateBp" integer, unit text, active boolean,
       "listedOnline" boolean, version bigint)
     ON CONFLICT (sku) DO UPDATE SET barcodes = EXCLUDED.barcodes, plu = EXCLUDED.plu, name_zh = EXCLUDED.name_zh,
       name_en = EXCLUDED.name_en, category_zh = EXCLUDED.category_zh, category_en = EXCLUDED.category_en,
       price = EXCLUDED.price, tax_rate_bp = EXCLUDED.tax_rate_bp, unit = EXCLUDED.unit, active = EXCLUDED.active,
       listed_online = EXCLUDED.listed_online, version = EXCLUDED.version`,
    [JSON.stringify(rows), organisationId],
  );
}

/** Upserts by SKU; each product gets its own catalog version so pulls can page inside one import. */
export async function upsertProducts(sql: Sql, items: ProductInput[]): Promise<{ upserted: number; version: number }> {
  refuseDuplicateSkus(items);
  return sql.transaction(async (tx) => {
    const first = await reserveCatalogVersions(tx, items.length);
    const rows = items.map((item, index) => ({ ...item, version: first + index }));
    await writeProducts(tx, rows, null);
    return { upserted: items.length, version: first + items.length - 1 };
  });
}

/** Sets or (with a null price) removes a store's price overrides; they arrive as catalog changes. */
export async function setStorePrices(
  sql: Sql,
  storeId: string,
  items: { sku: string; price: number | null }[],
): Promise<{ updated: number; version: number }> {
  refuseDuplicateSkus(items);
  return sql.transaction(async (tx) => {
    await requireStore(tx, storeId);
    const known = await tx.query<{ sku: string }>('SELECT sku FROM products WHERE sku = ANY($1::text[])', [
      items.map((item) => item.sku),
    ]);
    const knownSkus = new Set(known.map((row) => row.sku));
    const unknown = items.find((item) => !knownSkus.has(item.sku));
    if (unknown) throw new ApiError(400, 'product_unknown', { sku: unknown.sku });
    const first = await reserveCatalogVersions(tx, items.length);
    await tx.query(
      `INSERT INTO store_prices (store_id, sku, price, version)
       SELECT $1, sku, price, version FROM jsonb_to_recordset($2::jsonb) AS x(sku text, price bigint, version bigint)
       ON CONFLICT (store_id, sku) DO UPDATE SET price = EXCLUDED.price, version = EXCLUDED.version`,
      [storeId, JSON.stringify(items.map((item, index) => ({ ...item, version: first + index })))],
    );
    return { updated: items.length, version: first + items.length - 1 };
  });
}

export type CatalogRow = {
  sku: string;
  barcodes: string[];
  plu: string | null;
  name_zh: string;
  name_en: string;
  category_zh: string;
  category_en: string;
  price: number;
  tax_rate_bp: number;
  unit: 'each' | 'kg';
  active: boolean;
  listed_online: boolean;
  version: number;
};

/**
 * The columns of a product as one store sees it: its override, if any, replaces the price, and a
 * product the store does not sell is inactive there.
 */
export const STORE_PRODUCT_COLUMNS = `p.sku, p.barcodes, p.plu, p.name_zh, p.name_en, p.category_zh, p.category_en,
  COALESCE(sp.price, p.price) AS price, p.tax_rate_bp, p.unit, p.active AND sp.available IS NOT false AS active,
  p.listed_online,
  GREATEST(p.version, COALESCE(sp.version, 0)) AS version`;

export function toCatalogItem(row: CatalogRow): CatalogItem {
  return {
    sku: row.sku,
    barcodes: row.barcodes,
    plu: row.plu,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    categoryZh: row.category_zh,
    categoryEn: row.category_en,
    price: row.price,
    taxRateBp: row.tax_rate_bp,
    unit: row.unit,
    active: row.active,
    listedOnline: row.listed_online,
  };
}

/** A store sees the operator's catalog and its own brand's, not another brand's. */
export const SEEN_BY_STORE = `(p.organisation_id IS NULL
  OR p.organisation_id = (SELECT organisation_id FROM stores WHERE id = $1))`;

/** Products by SKU with this store's prices (for pricing an online order). */
export async function storeProducts(db: Queryable, storeId: string, skus: string[]): Promise<Map<string, CatalogRow>> {
  const rows = await db.query<CatalogRow>(
    `SELECT ${STORE_PRODUCT_COLUMNS} FROM products p
     LEFT JOIN store_prices sp ON sp.store_id = $1 AND sp.sku = p.sku
     WHERE p.sku = ANY($2::text[]) AND ${SEEN_BY_STORE}`,
    [storeId, skus],
  );
  return new Map(rows.map((row) => [row.sku, row]));
}
