import { asMoney, currencyExponent, toDecimalString } from '../../shared/money';
import type { ProductInput } from '../../shared/platform-api/catalog-input';
import type { FranchiseProduct, PriceChange, StorePrice } from '../../shared/platform-api/franchise-catalog';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { type AuditActor, recordAudit } from '../owners/platform-audit';
import { type CatalogRow, refuseDuplicateSkus, toCatalogItem, writeProducts } from './catalog';
import { reserveCatalogVersions } from './versions';

type BrandProductRow = CatalogRow & { organisation_id: string | null };

/** A brand's products are its own and the operator's (seen by every store); another brand's are not there. */
const SEEN_BY_BRAND = '(p.organisation_id IS NULL OR p.organisation_id = $1)';

const PRODUCT_COLUMNS = `p.sku, p.barcodes, p.plu, p.name_zh, p.name_en, p.category_zh, p.category_en, p.price,
  p.tax_rate_bp, p.unit, p.active, p.listed_online, p.version, p.organisation_id`;

function toFranchiseProduct(row: BrandProductRow): FranchiseProduct {
  return { ...toCatalogItem(row), version: Number(row.version), own: row.organisation_id !== null };
}

/** The brand's catalog by SKU, a page at a time. */
export async function brandCatalog(
  db: Queryable,
  organisationId: string,
  page: { after?: string; limit: number },
): Promise<{ products: FranchiseProduct[]; next: string | null }> {
  const rows = await db.query<BrandProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE ${SEEN_BY_BRAND} AND p.sku > $2 ORDER BY p.sku LIMIT $3`,
    [organisationId, page.after ?? '', page.limit + 1],
  );
  const products = rows.slice(0, page.limit).map(toFranchiseProduct);
  return { products, next: rows.length > page.limit ? (products.at(-1)?.sku ?? null) : null };
}

/** What a stale change is refused with: the value as it is now, in both languages. */
function staleRefusal(
  row: { sku: string; name_zh: string; name_en: string; version: number },
  now: { price: number; active: boolean; exponent: number },
): ApiError {
  return new ApiError(409, 'catalog_version_stale', {
    sku: row.sku,
    name: { zh: row.name_zh, en: row.name_en || row.name_zh },
    price: toDecimalString(asMoney(now.price), now.exponent),
    state: now.active ? { en: 'on sale', zh: '在售' } : { en: 'not on sale', zh: '不在售' },
    current: now.price,
    version: Number(row.version),
  });
}

// Brand prices are not in one store's currency; every currency the platform's stores use has two decimals or none.
const BRAND_EXPONENT = 2;

type Change = ProductInput & { expectedVersion: number | null };

/**
 * The owner's products, all or none: each must be made against the version the platform holds (a
 * new SKU against none), or the whole batch is refused with the first stale product's current value.
 * Versions are reserved first, which takes the catalog counter's lock: catalog writers queue there,
 * so no other change can land between the check and the write.
 */
export async function putBrandProducts(
  sql: Sql,
  owner: { organisationId: string; ownerId: string },
  items: Change[],
  at: number,
): Promise<{ upserted: number; version: number }> {
  refuseDuplicateSkus(items);
  return sql.transaction(async (tx) => {
    const first = await reserveCatalogVersions(tx, items.length);
    const existing = await tx.query<BrandProductRow>(
      `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.sku = ANY($1::text[])`,
      [items.map((item) => item.sku)],
    );
    const bySku = new Map(existing.map((row) => [row.sku, row]));
    let created = 0;
    for (const item of items) {
      const row = bySku.get(item.sku);
      if (!row) {
        if (item.expectedVersion !== null) throw new ApiError(400, 'product_unknown', { sku: item.sku });
        created++;
        continue;
      }
      if (row.organisation_id !== owner.organisationId) throw new ApiError(409, 'product_sku_taken', { sku: item.sku });
      if (item.expectedVersion === null || Number(row.version) > item.expectedVersion) {
        throw staleRefusal(row, { price: Number(row.price), active: row.active, exponent: BRAND_EXPONENT });
      }
    }
    const rows = items.map(({ expectedVersion: _made, ...item }, index) => ({ ...item, version: first + index }));
    await writeProducts(tx, rows, owner.organisationId);
    const version = first + items.length - 1;
    await recordAudit(tx, {
      actor: { kind: 'owner', ownerId: owner.ownerId },
      organisationId: owner.organisationId,
      action: 'catalog.products_put',
      detail: { created, updated: items.length - created, version, ...changedPrices(items, bySku) },
      at,
    });
    return { upserted: items.length, version };
  });
}

/** The prices a change moved, for the audit log (a large import names its first hundred). */
function changedPrices(items: Change[], before: Map<string, BrandProductRow>) {
  const prices = items
    .map((item) => ({
      sku: item.sku,
      from: before.has(item.sku) ? Number(before.get(item.sku)?.price) : null,
      to: item.price,
    }))
    .filter((change) => change.from !== change.to);
  return { prices: prices.slice(0, 100), pricesChanged: prices.length };
}

type StorePriceRow = {
  sku: string;
  name_zh: string;
  name_en: string;
  product_price: number;
  product_active: boolean;
  price: number | null;
  available: boolean | null;
  version: number;
  local: boolean;
};

const STORE_PRICE_SELECT = `SELECT p.sku, p.name_zh, p.name_en, p.price AS product_price, p.active AS product_active,
    sp.price, sp.available, GREATEST(p.version, COALESCE(sp.version, 0)) AS version,
    EXISTS (SELECT 1 FROM local_price_grants g WHERE g.store_id = s.id AND g.sku IN (p.sku, '*')) AS local
  FROM stores s
  JOIN products p ON p.organisation_id IS NULL OR p.organisation_id = s.organisation_id
  LEFT JOIN store_prices sp ON sp.store_id = s.id AND sp.sku = p.sku
  WHERE s.id = $1`;

function toStorePrice(row: StorePriceRow): StorePrice {
  return {
    sku: row.sku,
    price: row.price === null ? null : Number(row.price),
    available: row.available,
    effectivePrice: Number(row.price ?? row.product_price),
    effectiveActive: row.product_active && row.available !== false,
    version: Number(row.version),
    local: row.local,
  };
}

/** One store's prices of every product it sees, by SKU, a page at a time. */
export async function storePriceList(
  db: Queryable,
  storeId: string,
  page: { after?: string; limit: number },
): Promise<{ prices: StorePrice[]; next: string | null }> {
  const rows = await db.query<StorePriceRow>(`${STORE_PRICE_SELECT} AND p.sku > $2 ORDER BY p.sku LIMIT $3`, [
    storeId,
    page.after ?? '',
    page.limit + 1,
  ]);
  const prices = rows.slice(0, page.limit).map(toStorePrice);
  return { prices, next: rows.length > page.limit ? (prices.at(-1)?.sku ?? null) : null };
}

/**
 * A store's prices and availability, all or none, each against the version the store sees the
 * product at (the newer of the product and the store's price). From a till (`local`), only the
 * products the owner lets the store price itself.
 */
export async function putStorePrices(
  sql: Sql,
  store: { storeId: string; currency: string; organisationId: string | null },
  items: PriceChange[],
  by: { actor: AuditActor; local: boolean },
  at: number,
): Promise<{ updated: number; version: number }> {
  refuseDuplicateSkus(items);
  return sql.transaction(async (tx) => {
    const first = await reserveCatalogVersions(tx, items.length);
    const rows = await tx.query<StorePriceRow>(`${STORE_PRICE_SELECT} AND p.sku = ANY($2::text[])`, [
      store.storeId,
      items.map((item) => item.sku),
    ]);
    const bySku = new Map(rows.map((row) => [row.sku, row]));
    for (const item of items) {
      const row = bySku.get(item.sku);
      if (!row) throw new ApiError(400, 'product_unknown', { sku: item.sku });
      if (by.local && !row.local) throw new ApiError(403, 'local_price_not_allowed', { sku: item.sku });
      if (item.expectedVersion === null || Number(row.version) > item.expectedVersion) {
        const now = toStorePrice(row);
        throw staleRefusal(row, {
          price: now.effectivePrice,
          active: now.effectiveActive,
          exponent: currencyExponent(store.currency),
        });
      }
    }
    await tx.query(
      `INSERT INTO store_prices (store_id, sku, price, available, version)
       SELECT $1, sku, price, available, version
       FROM jsonb_to_recordset($2::jsonb) AS x(sku text, price bigint, available boolean, version bigint)
       ON CONFLICT (store_id, sku) DO UPDATE SET price = EXCLUDED.price, available = EXCLUDED.available,
         version = EXCLUDED.version`,
      [store.storeId, JSON.stringify(items.map((item, index) => ({ ...item, version: first + index })))],
    );
    const version = first + items.length - 1;
    await recordAudit(tx, {
      actor: by.actor,
      organisationId: store.organisationId,
      storeId: store.storeId,
      action: by.local ? 'store.local_prices_set' : 'store.prices_set',
      detail: {
        version,
        count: items.length,
        prices: items.slice(0, 100).map((item) => ({
          sku: item.sku,
          from: bySku.get(item.sku)?.price ?? null,
          to: item.price,
          available: item.available,
        })),
      },
      at,
    });
    return { updated: items.length, version };
  });
}

/** Which of its products a store may price itself; replaced whole, audited in the same transaction. */
export async function setLocalPriceGrants(
  sql: Sql,
  store: { storeId: string; organisationId: string },
  skus: string[],
  actor: AuditActor,
  at: number,
): Promise<{ skus: string[] }> {
  const unique = [...new Set(skus)].sort();
  return sql.transaction(async (tx) => {
    const before = await localPriceGrants(tx, store.storeId);
    await tx.query('DELETE FROM local_price_grants WHERE store_id = $1', [store.storeId]);
    await tx.query('INSERT INTO local_price_grants (store_id, sku, granted_at) SELECT $1, unnest($2::text[]), $3', [
      store.storeId,
      unique,
      at,
    ]);
    await recordAudit(tx, {
      actor,
      organisationId: store.organisationId,
      storeId: store.storeId,
      action: 'store.local_prices_allowed',
      detail: { before: before.skus, after: unique },
      at,
    });
    return { skus: unique };
  });
}

export async function localPriceGrants(db: Queryable, storeId: string): Promise<{ skus: string[] }> {
  const rows = await db.query<{ sku: string }>('SELECT sku FROM local_price_grants WHERE store_id = $1 ORDER BY sku', [
    storeId,
  ]);
  return { skus: rows.map((row) => row.sku) };
}
