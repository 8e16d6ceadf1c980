import type { Database } from 'better-sqlite3';
import { addSums, emptySums, type SalesSums } from '../../../shared/reports/figures';
import { weekdayOf } from '../../../shared/reports/periods';
import { namedStatements } from '../db/open-database';
import { perPart, spanParts } from './span-parts';

/**
 * A report's business days, both ends included, and where a period in progress stops: `until`
 * (epoch ms) cuts the last day; null counts all of it. Two narrower forms, for a cut day read in
 * pieces (day-facts.ts): `since` starts the cut last day's part at that moment instead of at the
 * day's start, and `hour` is one clock hour of the day `to` alone (`from` = `to`, no `until`).
 */
export type SpanBounds = { from: string; to: string; until: number | null; since?: number; hour?: number };

/** One cell of the span's sales: the orders of one day, channel, clock hour and cashier. */
type Cell = { day: string; channel: string; hour: number; cashier: string };

/** What a breakdown groups orders by, read off a cell. */
export const orderGroups = {
  all: () => '',
  day: (cell: Cell) => cell.day,
  channel: (cell: Cell) => cell.channel,
  hour: (cell: Cell) => cell.hour,
  // ISO weekday, 1 = Monday.
  weekday: (cell: Cell) => weekdayOf(cell.day),
  cashier: (cell: Cell) => cell.cashier,
} satisfies Record<string, (cell: Cell) => string | number>;
export type OrderGroup = keyof typeof orderGroups;

// The span is read once per kind of sum, cut into cells; every breakdown is then a roll-up of the
// same cells, so they all add up to the same totals and the orders are read three times, not three
// times per breakdown. Whole days read the covering index by day; only a cut last day looks at
// each order's time.
const cell = 'o.business_day AS day, o.channel AS channel, o.hour AS hour, o.cashier_id AS cashier';
const byCell = 'GROUP BY o.business_day, o.channel, o.hour, o.cashier_id';

const statements = namedStatements(
  perPart({
    orders: (where) => `SELECT ${cell}, count(*) AS orders, sum(o.item_count) AS items, sum(o.gross) AS gross,
        sum(o.discount) AS discount, sum(o.tax) AS tax
      FROM orders o WHERE ${where} ${byCell}`,
    cost: (where) => `SELECT ${cell}, sum(l.net) AS costedNet, sum(l.cost) AS cost
      FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE ${where} AND l.cost IS NOT NULL ${byCell}`,
    // Refunds of the span's orders, whatever day they were made: found from the refunds made
    // since the span began (none can come before its order), a few per hundred orders.
    refunded: (where) => `SELECT ${cell}, sum(r.amount) AS refunded
      FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.business_day >= @from AND ${where} ${byCell}`,
  }),
);

export type SalesCells = { cell: Cell; sums: SalesSums }[];

/** The span's sales sums per cell (day, channel, hour, cashier). */
export function salesCells(db: Database, bounds: SpanBounds): SalesCells {
  const q = statements(db);
  const cells = new Map<string, { cell: Cell; sums: SalesSums }>();
  for (const { part, params } of spanParts(bounds)) {
    for (const kind of ['orders', 'cost', 'refunded'] as const) {
      for (const row of q[`${kind}.${part}`].all(params) as (Cell & Partial<SalesSums>)[]) {
        const { day, channel, hour, cashier, ...found } = row;
        const key = `${day}|${channel}|${hour}|${cashier}`;
        const seen = cells.get(key);
        const sums = addSums(seen?.sums ?? emptySums, { ...emptySums, ...found });
        cells.set(key, { cell: seen?.cell ?? { day, channel, hour, cashier }, sums });
      }
    }
  }
  return [...cells.values()];
}

/** The cells' sums by `group`, each key's figures from the same definitions as the totals. */
export function rollUp(cells: SalesCells, group: OrderGroup): Map<string | number, SalesSums> {
  const keyOf: (cell: Cell) => string | number = orderGroups[group];
  const sums = new Map<string | number, SalesSums>();
  for (const { cell, sums: found } of cells) {
    const key = keyOf(cell);
    sums.set(key, addSums(sums.get(key) ?? emptySums, found));
  }
  return sums;
}

/** The span's sales sums by `group`. */
export function salesBy(db: Database, bounds: SpanBounds, group: OrderGroup): Map<string | number, SalesSums> {
  return rollUp(salesCells(db, bounds), group);
}
