import type { Database } from 'better-sqlite3';
import type { ParkedCart } from '../../../shared/contract/carts';
import type { OrderId } from '../../../shared/ids';
import type { Money } from '../../../shared/money';
import type { Cart } from '../../../shared/pricing/cart';
import { namedStatements } from '../db/open-database';

type ParkedRow = {
  id: OrderId;
  label: string;
  cart: string;
  line_count: number;
  total: number;
  parked_by_name: string;
  parked_at: number;
};

export const parkedStatements = namedStatements({
  byId: 'SELECT * FROM parked_carts WHERE id = ?',
  list: 'SELECT * FROM parked_carts ORDER BY parked_at, id',
  upsert: `INSERT INTO parked_carts (id, label, cart, line_count, total, parked_by, parked_by_name, parked_at)
    VALUES (@id, @label, @cart, @lineCount, @total, @staffId, @staffName, @now)
    ON CONFLICT (id) DO UPDATE SET label = excluded.label, cart = excluded.cart,
      line_count = excluded.line_count, total = excluded.total, parked_by = excluded.parked_by,
      parked_by_name = excluded.parked_by_name, parked_at = excluded.parked_at`,
  remove: 'DELETE FROM parked_carts WHERE id = ?',
});

export function readParkedCart(db: Database, id: string): { summary: ParkedCart; cart: Cart } | null {
  const row = parkedStatements(db).byId.get(id) as ParkedRow | undefined;
  return row ? { summary: toParkedCart(row), cart: JSON.parse(row.cart) as Cart } : null;
}

export function listParkedCarts(db: Database): ParkedCart[] {
  return (parkedStatements(db).list.all() as ParkedRow[]).map(toParkedCart);
}

/** A paid order leaves the parked list in the same transaction that pays it. */
export function removeParkedCart(db: Database, id: string): void {
  parkedStatements(db).remove.run(id);
}

function toParkedCart(row: ParkedRow): ParkedCart {
  return {
    id: row.id,
    label: row.label,
    lineCount: row.line_count,
    total: row.total as Money,
    parkedByName: row.parked_by_name,
    parkedAt: row.parked_at,
  };
}
