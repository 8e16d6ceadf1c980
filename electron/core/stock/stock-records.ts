import type { Database } from 'better-sqlite3';
import type { StockRow } from '../../../shared/contract/stock';
import { AppError } from '../../../shared/errors';
import { namedStatements } from '../db/open-database';

type Row = {
  id: string;
  sku: string;
  name_zh: string;
  name_en: string;
  unit: 'each' | 'kg';
  on_hand: number;
  platform_on_hand: number | null;
  low_stock_at: number | null;
  sold_out: number;
};

const select = `SELECT p.id, p.sku, p.name_zh, p.name_en, p.unit, COALESCE(h.quantity, 0) AS on_hand,
    s.on_hand AS platform_on_hand, p.low_stock_at, p.sold_out
  FROM products p LEFT JOIN stock_on_hand h ON h.product_id = p.id LEFT JOIN platform_stock s ON s.sku = p.sku`;
const filter = `WHERE p.active = 1
    AND (@query = '' OR p.sku LIKE @like ESCAPE '\\' OR p.name_zh LIKE @like ESCAPE '\\'
      OR p.name_en LIKE @like ESCAPE '\\')
    AND (@lowOnly = 0 OR (p.low_stock_at IS NOT NULL AND COALESCE(h.quantity, 0) <= p.low_stock_at))`;

export const stockStatements = namedStatements({
  page: `${select} ${filter} ORDER BY (p.low_stock_at IS NOT NULL AND COALESCE(h.quantity, 0) <= p.low_stock_at) DESC,
    p.sku LIMIT @limit OFFSET @offset`,
  count: `SELECT COUNT(*) FROM products p LEFT JOIN stock_on_hand h ON h.product_id = p.id ${filter}`,
  one: `${select} WHERE p.id = ?`,
  movementById: 'SELECT product_id FROM stock_movements WHERE id = ?',
  setSoldOut: 'UPDATE products SET sold_out = ?, updated_at = ? WHERE id = ?',
  setLowAt: 'UPDATE products SET low_stock_at = ?, updated_at = ? WHERE id = ?',
});

function toStockRow(row: Row): StockRow {
  return {
    productId: row.id,
    sku: row.sku,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    unit: row.unit,
    onHand: row.on_hand,
    platformOnHand: row.platform_on_hand,
    lowAt: row.low_stock_at,
    low: row.low_stock_at !== null && row.on_hand <= row.low_stock_at,
    soldOut: row.sold_out === 1,
  };
}

export function listStock(
  db: Database,
  input: { query: string; lowOnly: boolean; limit: number; offset: number },
): { rows: StockRow[]; total: number } {
  const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const params = { query: input.query, like, lowOnly: input.lowOnly ? 1 : 0 };
  const q = stockStatements(db);
  const rows = q.page.all({ ...params, limit: input.limit, offset: input.offset }) as Row[];
  return { rows: rows.map(toStockRow), total: q.count.pluck().get(params) as number };
}

export function readStockRow(db: Database, productId: string): StockRow {
  const row = stockStatements(db).one.get(productId) as Row | undefined;
  if (!row) throw new AppError('not_found', { what: { en: 'product', 'zh-CN': '商品' } });
  return toStockRow(row);
}
