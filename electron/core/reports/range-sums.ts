import type { Database } from 'better-sqlite3';
import { addSums, emptySums, type SalesSums } from '../../../shared/reports/figures';
import { addDays } from '../../../shared/reports/periods';
import { namedStatements } from '../db/open-database';

/**
 * A report's business days, both ends included, and where a period in progress stops: `until`
 * (epoch ms) cuts the last day; null counts all of it.
 */
export type SpanBounds = { from: string; to: string; until: number | null };

/** What a breakdown groups orders by; each is a column or expression of the order row. */
export const orderGroups = {
  all: "''",
  day: 'o.business_day',
  channel: 'o.channel',
  hour: 'o.hour',
  // ISO weekday, 1 = Monday.
  weekday: "CAST(strftime('%u', o.business_day) AS INTEGER)",
  cashier: 'o.cashier_id',
} as const;
export type OrderGroup = keyof typeof orderGroups;

// The same three sums for every group; the whole days read the covering index by day, and only a
// cut last day looks at each order's time.
const whole = 'o.business_day BETWEEN @from AND @lastWhole';
const cut = 'o.business_day = @to AND o.paid_at <= @until';

function orderSql(group: string, where: string): string {
  return `SELECT ${group} AS key, count(*) AS orders, sum(o.item_count) AS items, sum(o.gross) AS gross,
      sum(o.discount) AS discount, sum(o.tax) AS tax
    FROM orders o WHERE ${where} GROUP BY key`;
}

function costSql(group: string, where: string): string {
  return `SELECT ${group} AS key, sum(l.net) AS costedNet, sum(l.cost) AS cost
    FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE ${where} AND l.cost IS NOT NULL GROUP BY key`;
}

// Refunds of the span's orders, whatever day they were made: found from the refunds made since
// the span began (none can come before its order), a few per hundred orders.
function refundedSql(group: string, where: string): string {
  return `SELECT ${group} AS key, sum(r.amount) AS refunded
    FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.business_day >= @from AND ${where} GROUP BY key`;
}

const statements = namedStatements(
  Object.fromEntries(
    Object.entries(orderGroups).flatMap(([name, group]) =>
      (['whole', 'cut'] as const).flatMap((part) => {
        const where = part === 'whole' ? whole : cut;
        return [
          [`${name}.${part}.orders`, orderSql(group, where)],
          [`${name}.${part}.cost`, costSql(group, where)],
          [`${name}.${part}.refunded`, refundedSql(group, where)],
        ];
      }),
    ),
  ) as Record<string, string>,
);

type Keyed = { key: string | number } & Partial<SalesSums>;

/** The span's sales sums by `group`, each key's figures from the same definitions as the totals. */
export function salesBy(db: Database, bounds: SpanBounds, group: OrderGroup): Map<string | number, SalesSums> {
  const q = statements(db);
  const parts: { part: 'whole' | 'cut'; params: Record<string, unknown> }[] =
    bounds.until === null
      ? [{ part: 'whole', params: { from: bounds.from, lastWhole: bounds.to } }]
      : [
          { part: 'whole', params: { from: bounds.from, lastWhole: addDays(bounds.to, -1) } },
          { part: 'cut', params: { from: bounds.from, to: bounds.to, until: bounds.until } },
        ];
  const sums = new Map<string | number, SalesSums>();
  for (const { part, params } of parts) {
    for (const kind of ['orders', 'cost', 'refunded'] as const) {
      for (const row of q[`${group}.${part}.${kind}`].all(params) as Keyed[]) {
        const { key, ...found } = row;
        sums.set(key, addSums(sums.get(key) ?? emptySums, { ...emptySums, ...found }));
      }
    }
  }
  return sums;
}
