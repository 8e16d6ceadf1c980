import type { Database } from 'better-sqlite3';
import type { Product } from '../../../shared/contract/catalog';
import { namedStatements } from '../db/open-database';
import { catalogStatements, type ProductRow, productColumns, toProduct } from './product-records';
import { matchExpression, pinyinMatch } from './search-terms';

const filters = `(@categoryId IS NULL OR p.category_id = @categoryId)
  AND (@includeInactive = 1 OR p.active = 1)`;

/**
 * Ranking reads every match, which is slow for the first keystroke ("c" matches half the catalog).
 * Up to this many matches are ranked by relevance; broader queries stream in index order, and the
 * next keystroke narrows them.
 */
const rankedMatchLimit = 1000;

/** Products matching the pinyin index, and where the query also had other words, the names. */
const byPinyin = (order: string, names: boolean) => `SELECT ${productColumns} FROM product_pinyin y
    JOIN products p ON p.rowid = y.rowid
    WHERE product_pinyin MATCH @pinyin AND ${filters}
    ${names ? 'AND p.rowid IN (SELECT rowid FROM product_search WHERE product_search MATCH @names)' : ''}
    ORDER BY ${order} LIMIT @limit OFFSET @offset`;

/** Exported for the test that reads their query plans. */
export const productSearchSql = {
  countUpTo: `SELECT count(*) AS n FROM (SELECT rowid FROM product_search WHERE product_search MATCH @match
    LIMIT ${rankedMatchLimit + 1})`,
  ranked: `SELECT ${productColumns} FROM product_search s JOIN products p ON p.rowid = s.rowid
    WHERE product_search MATCH @match AND ${filters}
    ORDER BY s.rank LIMIT @limit OFFSET @offset`,
  streamed: `SELECT ${productColumns} FROM product_search s JOIN products p ON p.rowid = s.rowid
    WHERE product_search MATCH @match AND ${filters}
    ORDER BY s.rowid LIMIT @limit OFFSET @offset`,
  browse: `SELECT ${productColumns} FROM products p WHERE ${filters}
    ORDER BY p.category_id, p.name_zh LIMIT @limit OFFSET @offset`,
  barcodePrefix: `SELECT ${productColumns} FROM product_barcodes b2 JOIN products p ON p.id = b2.product_id
    WHERE b2.barcode >= @code AND b2.barcode < @codeEnd AND ${filters} ORDER BY b2.barcode LIMIT @limit`,
  skuPrefix: `SELECT ${productColumns} FROM products p
    WHERE p.sku >= @code AND p.sku < @codeEnd AND ${filters} ORDER BY p.sku LIMIT @limit`,
  pinyinCountUpTo: `SELECT count(*) AS n FROM (SELECT rowid FROM product_pinyin WHERE product_pinyin MATCH @pinyin
    LIMIT ${rankedMatchLimit + 1})`,
  pinyinRanked: byPinyin('y.rank', false),
  pinyinStreamed: byPinyin('y.rowid', false),
  pinyinAndNamesRanked: byPinyin('y.rank', true),
  pinyinAndNamesStreamed: byPinyin('y.rowid', true),
};

const statements = namedStatements(productSearchSql);

export type ProductQuery = {
  query: string;
  categoryId?: string;
  includeInactive: boolean;
  limit: number;
  offset: number;
};

/**
 * One page of products: codes (barcode, SKU, PLU) that match exactly or by prefix come first, then
 * names by relevance, then products found only by the pinyin of their Chinese name ("njb" or
 * "niujiaobao" for 牛角包). Asks for one extra row to know whether there is a next page.
 */
export function searchProducts(db: Database, query: ProductQuery): { items: Product[]; hasMore: boolean } {
  const q = statements(db);
  const text = query.query.trim();
  const match = matchExpression(text);
  const params = {
    match,
    categoryId: query.categoryId ?? null,
    includeInactive: query.includeInactive ? 1 : 0,
    limit: query.limit + 1,
    offset: query.offset,
  };
  if (text === '') return page(q.browse.all(params) as ProductRow[], 0, query.limit);
  // Code, name and pinyin matches are one list: each page is cut from the merged list, never per source.
  const upTo = { ...params, limit: query.offset + query.limit + 1, offset: 0 };
  const byCode = codeMatches(db, text, upTo);
  const byName = match ? (matching(db, upTo) as ProductRow[]) : [];
  const rows = distinct([...byCode, ...byName]);
  // Pinyin matches come after every name match, so a page already full of names needs none.
  const rest = rows.length < upTo.limit ? pinyinMatching(db, text, upTo) : [];
  return page(distinct([...rows, ...rest]), query.offset, query.limit);
}

function distinct(rows: ProductRow[]): ProductRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.id) && seen.add(row.id));
}

function page(rows: ProductRow[], offset: number, limit: number) {
  return { items: rows.slice(offset, offset + limit).map(toProduct), hasMore: rows.length > offset + limit };
}

function matching(db: Database, params: { match: string | null }): unknown[] {
  const q = statements(db);
  const { n } = q.countUpTo.get(params) as { n: number };
  return n > rankedMatchLimit ? q.streamed.all(params) : q.ranked.all(params);
}

function pinyinMatching(db: Database, text: string, filters: Filters & { offset: number }): ProductRow[] {
  const match = pinyinMatch(text);
  if (!match) return [];
  const q = statements(db);
  const params = { ...filters, ...match };
  const { n } = q.pinyinCountUpTo.get(params) as { n: number };
  const order = n > rankedMatchLimit ? 'Streamed' : 'Ranked';
  const statement = q[match.names ? (`pinyinAndNames${order}` as const) : (`pinyin${order}` as const)];
  return statement.all(params) as ProductRow[];
}

type Filters = { categoryId: string | null; includeInactive: number; limit: number };

/** A scanned or typed code: the exact product first, then codes that start with what was typed. */
function codeMatches(db: Database, code: string, filters: Filters): ProductRow[] {
  if (!/^[\w\-.]{2,40}$/.test(code) || !/\d/.test(code)) return [];
  const c = catalogStatements(db);
  const exact = (c.productByBarcode.get(code) ?? c.productBySku.get(code) ?? c.productByPlu.get(code)) as
    | ProductRow
    | undefined;
  const visible = (row: ProductRow) =>
    (filters.includeInactive === 1 || row.active === 1) &&
    (filters.categoryId === null || row.category_id === filters.categoryId);
  const range = { ...filters, code, codeEnd: `${code}\u{10FFFF}` };
  const q = statements(db);
  return [
    ...(exact && visible(exact) ? [exact] : []),
    ...(q.barcodePrefix.all(range) as ProductRow[]),
    ...(q.skuPrefix.all(range) as ProductRow[]),
  ];
}

/** A scanned or typed code: a barcode first, else a SKU off a shelf label or a PLU from a scale label. */
export function findByBarcode(db: Database, barcode: string): Product | null {
  const q = catalogStatements(db);
  const code = barcode.trim();
  const row = (q.productByBarcode.get(code) ?? q.productBySku.get(code) ?? q.productByPlu.get(code)) as
    | ProductRow
    | undefined;
  return row ? toProduct(row) : null;
}
