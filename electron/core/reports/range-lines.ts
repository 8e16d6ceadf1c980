import type { Database } from 'better-sqlite3';
import { namedStatements } from '../db/open-database';
import type { SpanBounds } from './range-sums';
import { perPart, spanParts } from './span-parts';

/**
 * What a range sold of each product or category. `quantity` is items, or grams for goods sold by
 * weight (a product has one unit; a category counts a weighed line as one item, as orders do).
 * Categories are the products' categories now: moving a product moves its history with it.
 */
export type LineSums = {
  key: string;
  quantity: number;
  orders: number;
  gross: number;
  discount: number;
  net: number;
  costedNet: number;
  cost: number;
};

export type MethodSums = { method: string; amount: number; orders: number };

const lineGroups = {
  product: { key: 'l.product_id', quantity: 'l.quantity' },
  category: { key: 'p.category_id', quantity: "CASE WHEN l.unit = 'kg' THEN 1 ELSE l.quantity END" },
} as const;
export type LineGroup = keyof typeof lineGroups;

function lineSql(group: (typeof lineGroups)[LineGroup], where: string): string {
  return `SELECT ${group.key} AS key, sum(${group.quantity}) AS quantity, count(DISTINCT o.id) AS orders,
      sum(l.gross) AS gross, sum(l.gross - l.net) AS discount, sum(l.net) AS net,
      coalesce(sum(CASE WHEN l.cost IS NOT NULL THEN l.net END), 0) AS costedNet, coalesce(sum(l.cost), 0) AS cost
    FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
    WHERE ${where} GROUP BY key`;
}

// Each tender counts for what it paid: a split sale is in both methods, by amount, not all under
// the first one.
function methodSql(where: string): string {
  return `SELECT p.method AS method, sum(p.amount) AS amount, count(DISTINCT p.order_id) AS orders
    FROM orders o JOIN payments p ON p.order_id = o.id WHERE ${where} GROUP BY p.method`;
}

const statements = namedStatements(
  perPart({
    product: (where) => lineSql(lineGroups.product, where),
    category: (where) => lineSql(lineGroups.category, where),
    method: methodSql,
  }),
);

/** Adds rows of the same key field by field (the whole days and a cut last day, or stored days). */
export function mergeByKey<T extends Record<string, number | string>>(rows: T[], key: keyof T): T[] {
  const byKey = new Map<unknown, T>();
  for (const row of rows) {
    const seen = byKey.get(row[key]);
    if (!seen) byKey.set(row[key], { ...row });
    else
      for (const field of Object.keys(row) as (keyof T)[])
        if (field !== key) (seen[field] as number) += row[field] as number;
  }
  return [...byKey.values()];
}

export function linesBy(db: Database, bounds: SpanBounds, group: LineGroup): LineSums[] {
  const q = statements(db);
  return mergeByKey(
    spanParts(bounds).flatMap(({ part, params }) => q[`${group}.${part}`].all(params) as LineSums[]),
    'key',
  );
}

export function methodsIn(db: Database, bounds: SpanBounds): MethodSums[] {
  const q = statements(db);
  return mergeByKey(
    spanParts(bounds).flatMap(({ part, params }) => q[`method.${part}`].all(params) as MethodSums[]),
    'method',
  );
}
