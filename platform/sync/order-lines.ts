import type { Queryable } from '../db/sql';

/**
 * Writes the lines of orders just stored as rows of `order_lines` (migration 0013), from the very
 * bodies stored, in the caller's transaction. An order whose lines are already there (a replay)
 * gets nothing more.
 */
export async function recordOrderLines(tx: Queryable, storeId: string, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await tx.query(
    `INSERT INTO order_lines (store_id, order_id, position, line_no, business_day, channel, sku, quantity_kind,
        quantity, unit_price, gross, discount, net, tax, cost)
      SELECT o.store_id, o.id, l.position, (l.line->>'lineNo')::integer, o.business_day, o.channel, l.line->>'sku',
        l.line->>'quantityKind', (l.line->>'quantity')::bigint, (l.line->>'unitPrice')::bigint,
        (l.line->>'gross')::bigint, (l.line->>'discount')::bigint, (l.line->>'net')::bigint,
        (l.line->>'tax')::bigint, (l.line->>'cost')::bigint
      FROM orders o CROSS JOIN LATERAL jsonb_array_elements(o.body->'lines') WITH ORDINALITY AS l(line, position)
      WHERE o.store_id = $1 AND o.id = ANY($2::uuid[])
      ON CONFLICT (store_id, order_id, position) DO NOTHING`,
    [storeId, orderIds],
  );
}
