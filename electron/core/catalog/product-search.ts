import type { Database } from 'better-sqlite3';
import type { Product } from '../../../shared/contract/catalog';
import { namedStatements } from '../db/open-database';
import { catalogStatements, type ProductRow, toProduct } from './product-records';
import { matchExpression } from './search-terms';

const columns = `p.rowid, p.*,
  (SELECT group_concat(barcode, '|') FROM product_barcodes b WHERE b.product_id = p.id) AS barcodes`;
const filters = `(@categoryId IS NULL OR p.category_id = @categoryId)
  AND (@includeInactive = 1 OR p.active = 1)`;

const statements = namedStatements({
  match: `SELECT ${columns} FROM product_search s JOIN products p ON p.rowid = s.rowid
    WHERE product_search MATCH @match AND ${filters}
    ORDER BY s.rank LIMIT @limit OFFSET @offset`,
  browse: `SELECT ${columns} FROM products p WHERE ${filters}
    ORDER BY p.category_id, p.name_zh LIMIT @limit OFFSET @offset`,
});

export type ProductQuery = {
  query: string;
  categoryId?: string;
  includeInactive: boolean;
  limit: number;
  offset: number;
};

/** One page of products; asks for one extra row to know whether there is a next page. */
export function searchProducts(db: Database, query: ProductQuery): { items: Product[]; hasMore: boolean } {
  const q = statements(db);
  const match = matchExpression(query.query);
  const params = {
    match,
    categoryId: query.categoryId ?? null,
    includeInactive: query.includeInactive ? 1 : 0,
    limit: query.limit + 1,
    offset: query.offset,
  };
  if (query.query.trim() !== '' && match === null) return { items: [], hasMore: false };
  const rows = (match ? q.match.all(params) : q.browse.all(params)) as ProductRow[];
  const exact = query.offset === 0 ? exactCodeMatch(db, query) : undefined;
  const ordered = exact ? [exact, ...rows.filter((row) => row.id !== exact.id)] : rows;
  return {
    items: ordered.slice(0, query.limit).map(toProduct),
    hasMore: ordered.length > query.limit,
  };
}

/** A scanned or typed barcode, SKU or PLU goes to the top of the list. */
function exactCodeMatch(db: Database, query: ProductQuery): ProductRow | undefined {
  const code = query.query.trim();
  if (!/^[\w\-.]{3,40}$/.test(code)) return undefined;
  const q = catalogStatements(db);
  const row = (q.productByBarcode.get(code) ?? q.productBySku.get(code) ?? q.productByPlu.get(code)) as
    | ProductRow
    | undefined;
  if (!row) return undefined;
  if (!query.includeInactive && row.active !== 1) return undefined;
  if (query.categoryId && row.category_id !== query.categoryId) return undefined;
  return row;
}

export function findByBarcode(db: Database, barcode: string): Product | null {
  const row = catalogStatements(db).productByBarcode.get(barcode.trim()) as ProductRow | undefined;
  return row ? toProduct(row) : null;
}
