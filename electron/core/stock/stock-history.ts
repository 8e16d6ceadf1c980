import type { Database } from 'better-sqlite3';
import type { StockMovement, StockRow } from '../../../shared/contract/stock';
import { requireProduct } from '../catalog/product-records';
import { namedStatements } from '../db/open-database';
import { readStockRow } from './stock-records';

type MovementRow = {
  id: string;
  kind: StockMovement['kind'];
  quantity: number;
  at: number;
  staff_name: string | null;
  order_number: string | null;
  refund_number: string | null;
};

// Newest first by (at, id): two movements in one millisecond keep one order on every page.
const statements = namedStatements({
  page: `SELECT m.id, m.kind, m.quantity, m.at, s.name AS staff_name, o.number AS order_number, r.number AS refund_number
    FROM stock_movements m
      LEFT JOIN staff s ON s.id = m.staff_id
      LEFT JOIN orders o ON o.id = m.order_id
      LEFT JOIN refunds r ON r.id = m.refund_id
    WHERE m.product_id = @productId AND (m.at < @at OR (m.at = @at AND m.id < @id))
    ORDER BY m.at DESC, m.id DESC LIMIT @limit`,
  newer: `SELECT coalesce(sum(quantity), 0) FROM stock_movements
    WHERE product_id = @productId AND (at > @at OR (at = @at AND id >= @id))`,
});

function rowToMovement(row: MovementRow, balance: number): StockMovement {
  return {
    id: row.id,
    kind: row.kind,
    quantity: row.quantity,
    balance,
    at: row.at,
    staffName: row.staff_name,
    orderNumber: row.order_number,
    refundNumber: row.refund_number,
  };
}

/**
 * A page of a product's ledger, newest first. Each movement shows the on-hand it left: today's
 * on-hand less every movement after it, so the last line of the last page is the first movement
 * and the balances add up to the on-hand the stock list shows.
 */
export function stockHistory(
  db: Database,
  input: { productId: string; before?: { at: number; id: string }; limit: number },
): { product: StockRow; movements: StockMovement[]; more: boolean } {
  requireProduct(db, input.productId);
  const q = statements(db);
  const product = readStockRow(db, input.productId);
  const before = input.before ?? { at: Number.MAX_SAFE_INTEGER, id: '' };
  const newer = input.before ? (q.newer.pluck().get({ productId: input.productId, ...before }) as number) : 0;
  const rows = q.page.all({ productId: input.productId, ...before, limit: input.limit + 1 }) as MovementRow[];
  let balance = product.onHand - newer;
  const movements = rows.slice(0, input.limit).map((row) => {
    const movement = rowToMovement(row, balance);
    balance -= row.quantity;
    return movement;
  });
  return { product, movements, more: rows.length > input.limit };
}
