import type { Database } from 'better-sqlite3';
import type { ParsedInputOf } from '../../../shared/contract';
import type { DrillSums } from '../../../shared/contract/order-drill';
import type { OrderSummary } from '../../../shared/contract/orders';
import type { StoreInfo } from '../../../shared/contract/store';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import type { Span } from '../../../shared/reports/periods';
import { namedStatements } from '../db/open-database';
import { boundsOf, refuseBadSpan } from '../reports/report-spans';
import { perPart, spanParts } from '../reports/span-parts';
import { orderFilters, statusSql } from './order-list';
import { type OrderRow, orderStatements, refundedSql, toOrderSummary } from './order-records';

type ListInput = ParsedInputOf<'orders.list'>;

/** True when the list is a report figure's drill-down: a span, or a filter only a report row sets. */
export function isDrillDown(input: ListInput): boolean {
  return (
    input.span !== undefined ||
    input.productId !== undefined ||
    input.categoryId !== undefined ||
    input.campaignId !== undefined ||
    input.hour !== undefined ||
    input.weekday !== undefined ||
    input.carrying !== undefined ||
    input.withCost === true
  );
}

// The report rows' own groupings, each a NULL-switched filter: hour and ISO weekday as the
// breakdowns read them, a product's or category's lines, a campaign's coupons, and the orders that
// carry a discount (the day index has it) or a refund.
const drillFilters = `(@hour IS NULL OR o.hour = @hour)
      AND (@weekday IS NULL OR (CAST(strftime('%w', o.business_day) AS INTEGER) + 6) % 7 + 1 = @weekday)
      AND (@productId IS NULL OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.product_id = @productId))
      AND (@categoryId IS NULL OR EXISTS (SELECT 1 FROM order_lines l JOIN products pr ON pr.id = l.product_id
        WHERE l.order_id = o.id AND pr.category_id = @categoryId))
      AND (@campaignId IS NULL OR EXISTS (SELECT 1 FROM order_discounts d
        WHERE d.order_id = o.id AND d.source = 'coupon' AND coalesce(d.campaign_id, 0) = @campaignId))
      AND (@carrying IS NULL OR (@carrying = 'discount' AND o.discount > 0)
        OR (@carrying = 'refund' AND EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id)))`;
// Only when asked: the number is not in the day index, so without it the sums read the index alone.
const numberFilter = 'AND instr(o.number, @number) > 0';

// The lines a product or category filter picks, as the items report counts them: a category
// counts a weighed line as one item, a product its grams.
const pickedLines = `FROM order_lines l JOIN products pr ON pr.id = l.product_id WHERE l.order_id = o.id
      AND (@productId IS NULL OR l.product_id = @productId) AND (@categoryId IS NULL OR pr.category_id = @categoryId)`;
// The lines a margin counts: those whose product had a known cost at the sale (range-sums.ts).
const costedLines = 'FROM order_lines l WHERE l.order_id = o.id AND l.cost IS NOT NULL';
const pickedColumns = `${refundedSql} AS refunded,
      CASE WHEN @method IS NULL THEN NULL ELSE
        (SELECT sum(pay.amount) FROM payments pay WHERE pay.order_id = o.id AND pay.method = @method) END AS methodAmount,
      CASE WHEN @productId IS NULL AND @categoryId IS NULL THEN NULL ELSE (SELECT sum(l.net) ${pickedLines}) END AS lineNet,
      CASE WHEN @productId IS NULL AND @categoryId IS NULL THEN NULL ELSE
        (SELECT sum(CASE WHEN @categoryId IS NOT NULL AND l.unit = 'kg' THEN 1 ELSE l.quantity END) ${pickedLines})
        END AS lineQuantity,
      CASE WHEN @campaignId IS NULL THEN NULL ELSE (SELECT sum(d.amount) FROM order_discounts d
        WHERE d.order_id = o.id AND d.source = 'coupon' AND coalesce(d.campaign_id, 0) = @campaignId) END AS couponDiscount,
      CASE WHEN @withCost IS NULL THEN NULL ELSE (SELECT sum(l.net) ${costedLines}) END AS costedNet,
      CASE WHEN @withCost IS NULL THEN NULL ELSE (SELECT sum(l.cost) ${costedLines}) END AS cost`;

// A page walks the day index from the span's last day down, newest order first within a day, and
// continues after the last order shown: the days before its day, or its day's older ids.
const page = (number: string) => (where: string) =>
  `SELECT id FROM (SELECT o.id, o.business_day, o.total,
      ${refundedSql} AS refunded FROM orders o
    WHERE ${where} AND ${orderFilters} AND ${drillFilters} ${number}
      AND (@beforeDay IS NULL OR o.business_day < @beforeDay OR o.id < @before))
    WHERE @status IS NULL OR ${statusSql} = @status
    ORDER BY business_day DESC, id DESC LIMIT @limit`;

const sums = (number: string) => (where: string) =>
  `SELECT count(*) AS orders, coalesce(sum(item_count), 0) AS items,
      coalesce(sum(gross), 0) AS gross, coalesce(sum(discount), 0) AS discount, coalesce(sum(tax), 0) AS tax,
      coalesce(sum(refunded), 0) AS refunded, coalesce(sum(methodAmount), 0) AS methodAmount,
      coalesce(sum(lineNet), 0) AS lineNet, coalesce(sum(lineQuantity), 0) AS lineQuantity,
      coalesce(sum(couponDiscount), 0) AS couponDiscount,
      coalesce(sum(costedNet), 0) AS costedNet, coalesce(sum(cost), 0) AS cost
    FROM (SELECT o.item_count, o.gross, o.discount, o.tax, o.total, ${pickedColumns} FROM orders o
      WHERE ${where} AND ${orderFilters} AND ${drillFilters} ${number})
    WHERE @status IS NULL OR ${statusSql} = @status`;

/** The drill-down's statements by name; exported for the query-plan test. */
export const drillSql = {
  ...perPart({ page: page(''), pageByNumber: page(numberFilter), sums: sums(''), sumsByNumber: sums(numberFilter) }),
  dayOf: 'SELECT business_day FROM orders WHERE id = ?',
};
const statements = namedStatements(drillSql);

type SumsRow = {
  orders: number;
  items: number;
  gross: number;
  discount: number;
  tax: number;
  refunded: number;
  methodAmount: number;
  lineNet: number;
  lineQuantity: number;
  couponDiscount: number;
  costedNet: number;
  cost: number;
};

/** The span asked for: a report's span, or a business day with a report row's filters. */
function spanOf(input: ListInput): Span {
  if (input.span && input.businessDay) throw new AppError('drill_day_and_span');
  if (input.span) return { from: input.span.firstDay, to: input.span.lastDay, untilMinute: input.span.untilMinute };
  if (input.businessDay) return { from: input.businessDay, to: input.businessDay, untilMinute: null };
  throw new AppError('drill_needs_span');
}

function rowToSums(rows: SumsRow[], input: ListInput): DrillSums {
  const total = (field: keyof SumsRow) => rows.reduce((sum, row) => sum + row[field], 0);
  const gross = total('gross');
  const discount = total('discount');
  return {
    orders: total('orders'),
    items: total('items'),
    gross: gross as Money,
    discount: discount as Money,
    net: (gross - discount) as Money,
    tax: total('tax') as Money,
    refunded: total('refunded') as Money,
    methodAmount: input.method ? (total('methodAmount') as Money) : null,
    lines:
      input.productId || input.categoryId ? { quantity: total('lineQuantity'), net: total('lineNet') as Money } : null,
    couponDiscount: input.campaignId !== undefined ? (total('couponDiscount') as Money) : null,
    cost: input.withCost ? { costedNet: total('costedNet') as Money, cost: total('cost') as Money } : null,
  };
}

/**
 * The orders behind a report figure, a page at a time, with the sums of all of them: the same span
 * as the report (its whole days by the day index, a cut last day to the same minute, span-parts.ts)
 * and the same grouping as the row, so the sums are the figure to the fen.
 */
export function drillOrders(
  db: Database,
  input: ListInput,
  store: StoreInfo,
): { orders: OrderSummary[]; hasMore: boolean; sums: DrillSums } {
  const span = spanOf(input);
  refuseBadSpan(span);
  const q = statements(db);
  const beforeDay = input.before ? (q.dayOf.pluck().get(input.before) as string | undefined) : undefined;
  if (input.before && !beforeDay) throw new AppError('not_found', { what: { en: 'order', 'zh-CN': '订单' } });
  const filters = {
    channel: input.channel ?? null,
    cashierId: input.cashierId ?? null,
    method: input.method ?? null,
    status: input.status ?? null,
    number: input.number ? input.number : null,
    productId: input.productId ?? null,
    categoryId: input.categoryId ?? null,
    campaignId: input.campaignId ?? null,
    hour: input.hour ?? null,
    weekday: input.weekday ?? null,
    carrying: input.carrying ?? null,
    withCost: input.withCost ? 1 : null,
  };
  const byNumber = filters.number !== null;
  const parts = spanParts(boundsOf(span, store));
  const sumRows = parts.map(
    ({ part, params }) => q[`${byNumber ? 'sumsByNumber' : 'sums'}.${part}`].get({ ...params, ...filters }) as SumsRow,
  );

  const ids: string[] = [];
  // The cut last day comes first: it is the latest day of the span.
  for (const { part, params } of parts) {
    const wanted = input.limit + 1 - ids.length;
    if (wanted <= 0) break;
    const last = part === 'cut' ? String(params.to) : String(params.lastWhole);
    if (beforeDay && beforeDay < String(params.from)) continue;
    if (part === 'cut' && beforeDay && beforeDay < last) continue;
    const bounded = part === 'whole' && beforeDay && beforeDay < last ? { ...params, lastWhole: beforeDay } : params;
    const found = q[`${byNumber ? 'pageByNumber' : 'page'}.${part}`].pluck().all({
      ...bounded,
      ...filters,
      beforeDay: beforeDay ?? null,
      before: input.before ?? null,
      limit: wanted,
    }) as string[];
    ids.push(...found);
  }
  const orders = ids
    .slice(0, input.limit)
    .map((id) => toOrderSummary(orderStatements(db).orderById.get(id) as OrderRow));
  return { orders, hasMore: ids.length > input.limit, sums: rowToSums(sumRows, input) };
}
