import type { Database } from 'better-sqlite3';
import type { ParsedInputOf } from '../../../shared/contract';
import type { OrderSummary } from '../../../shared/contract/orders';
import { namedStatements } from '../db/open-database';
import { type OrderRow, refundedSql, toOrderSummary } from './order-records';

// `statusOf` in SQL, so a status filter pages like the others.
export const statusSql = `CASE WHEN refunded <= 0 THEN 'paid' WHEN refunded >= total THEN 'refunded'
  ELSE 'partially_refunded' END`;

/** The list's filters on an order's own fields and tenders; a NULL parameter switches one off. */
export const orderFilters = `(@channel IS NULL OR o.channel = @channel)
      AND (@cashierId IS NULL OR o.cashier_id = @cashierId)
      AND (@method IS NULL OR EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.method = @method))`;

// Every filter but the day is optional (a NULL parameter switches it off), newest first, paged by
// id: ids are UUIDv7 and sort by the time they were made. The day gets a statement of its own:
// behind an "IS NULL OR", SQLite walked the orders from the newest down to an old day (1 s for a
// day a year back at 200k orders), where the day index finds its few hundred at once.
const filters = `${orderFilters}
      AND (@number IS NULL OR instr(o.number, @number) > 0)
      AND (@before IS NULL OR o.id < @before)`;
const page = (day: string) => `SELECT * FROM (SELECT o.*, ${refundedSql} AS refunded FROM orders o
    WHERE ${day} AND ${filters})
    WHERE @status IS NULL OR ${statusSql} = @status
    ORDER BY id DESC LIMIT @limit`;

const statements = namedStatements({
  oneDay: page('o.business_day = @businessDay'),
  anyDay: page('1'),
});

export function listOrders(
  db: Database,
  input: ParsedInputOf<'orders.list'>,
): { orders: OrderSummary[]; hasMore: boolean; sums: null } {
  const q = statements(db);
  const rows = (input.businessDay ? q.oneDay : q.anyDay).all({
    ...(input.businessDay ? { businessDay: input.businessDay } : {}),
    channel: input.channel ?? null,
    cashierId: input.cashierId ?? null,
    method: input.method ?? null,
    number: input.number ? input.number : null,
    before: input.before ?? null,
    status: input.status ?? null,
    limit: input.limit + 1,
  }) as OrderRow[];
  return { orders: rows.slice(0, input.limit).map(toOrderSummary), hasMore: rows.length > input.limit, sums: null };
}
