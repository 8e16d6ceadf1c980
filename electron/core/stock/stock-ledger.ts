import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../../shared/ids';
import { namedStatements } from '../db/open-database';

export type StockMovementKind =
  | 'sale'
  | 'refund'
  | 'online_sale'
  | 'receive'
  | 'count'
  | 'adjustment'
  | 'transfer_out'
  | 'transfer_in'
  | 'waste';

const statements = namedStatements({
  insert: `INSERT INTO stock_movements (id, product_id, kind, quantity, order_id, refund_id, at, staff_id)
    VALUES (@id, @productId, @kind, @quantity, @orderId, @refundId, @at, @staffId)`,
});

/** Appends one movement: items, or grams for goods sold by weight; negative when stock leaves. */
export function recordMovement(
  db: Database,
  movement: {
    /** The client's id when the movement is an action of its own (a count, goods received). */
    id?: string;
    productId: string;
    kind: StockMovementKind;
    quantity: number;
    orderId?: string | null;
    refundId?: string | null;
    at: number;
    staffId: string | null;
  },
): string {
  const id = movement.id ?? uuidv7(movement.at);
  statements(db).insert.run({
    id,
    productId: movement.productId,
    kind: movement.kind,
    quantity: movement.quantity,
    orderId: movement.orderId ?? null,
    refundId: movement.refundId ?? null,
    at: movement.at,
    staffId: movement.staffId,
  });
  return id;
}
