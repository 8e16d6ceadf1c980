import {
  FRANCHISE_SPAN_MAX_DAYS,
  type FranchiseFigures,
  type FranchiseStore,
} from '../../shared/platform-api/franchise';
import { addSums, emptySums, type SalesSums, salesFigures } from '../../shared/reports/figures';
import { spanProblem } from '../../shared/reports/periods';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import { isUuid, type StoreInfo } from './stores';

type Span = { from: string; to: string };

type OwnStoreRow = {
  id: string;
  name: string;
  currency: string;
  time_zone: string;
  devices: number;
  last_sync_at: number | null;
};

function rowToFranchiseStore(row: OwnStoreRow): FranchiseStore {
  return {
    storeId: row.id,
    name: row.name,
    currency: row.currency,
    timeZone: row.time_zone,
    devices: row.devices,
    lastSyncAt: row.last_sync_at,
  };
}

/** The organisation's stores, with their tills and when one of them was last in touch. */
export async function organisationStores(db: Queryable, organisationId: string): Promise<FranchiseStore[]> {
  const rows = await db.query<OwnStoreRow>(
    `SELECT s.id, s.name, s.currency, s.time_zone,
       count(d.id) FILTER (WHERE d.revoked_at IS NULL)::bigint AS devices,
       max(d.last_pull_at) FILTER (WHERE d.revoked_at IS NULL) AS last_sync_at
     FROM stores s LEFT JOIN devices d ON d.store_id = s.id
     WHERE s.organisation_id = $1
     GROUP BY s.id ORDER BY s.created_at, s.id`,
    [organisationId],
  );
  return rows.map(rowToFranchiseStore);
}

/** The store, if it is the organisation's; another's is as unknown as a store that does not exist. */
export async function requireOwnStore(db: Queryable, organisationId: string, storeId: string): Promise<StoreInfo> {
  const rows = isUuid(storeId)
    ? await db.query<{ id: string; name: string; currency: string; time_zone: string }>(
        'SELECT id, name, currency, time_zone FROM stores WHERE id = $1 AND organisation_id = $2',
        [storeId, organisationId],
      )
    : [];
  if (rows.length === 0) throw new ApiError(404, 'store_unknown');
  const row = rows[0];
  return { storeId: row.id, name: row.name, currency: row.currency, timeZone: row.time_zone };
}

/** Refuses a span the reports would refuse, in the platform's words. */
export function checkSpan(span: Span): Span {
  const problem = spanProblem(span, FRANCHISE_SPAN_MAX_DAYS);
  if (!problem) return span;
  switch (problem.kind) {
    case 'not_a_day':
      throw new ApiError(400, 'day_invalid');
    case 'backwards':
    case 'too_long':
      throw new ApiError(400, 'range_invalid', { max: FRANCHISE_SPAN_MAX_DAYS });
  }
}

type DaySums = { storeId: string; day: string; sums: SalesSums };

/** What a store's sales are summed by besides the store: the order's channel or its business day. */
type SalesPart = 'channel' | 'day';

const PART_SQL: Record<SalesPart, { column: string; shown: string }> = {
  channel: { column: 'o.channel', shown: 'sold.part' },
  day: { column: 'o.business_day', shown: "to_char(sold.part, 'YYYY-MM-DD')" },
};

/** The tills push no costs: every sum but those. */
type SalesSumsRow = { store_id: string; part: string } & Omit<SalesSums, 'costedNet' | 'cost'>;

/**
 * Each store's sums per channel or per business day over the span, from the orders the tills
 * pushed: gross, discount and tax as each order recorded them, and the refunds of these orders
 * whenever they were made (the reports' "by original day"). Costs are not pushed, so there is no
 * margin here. Bounded by the organisation's store ids, which the (store_id, business_day) indexes
 * serve store by store (docs/scale.md, "Queries across stores"); one store of them when given.
 */
export async function salesSums(
  db: Queryable,
  organisationId: string,
  span: Span,
  by: SalesPart,
  storeId?: string,
): Promise<{ storeId: string; part: string; sums: SalesSums }[]> {
  const { column, shown } = PART_SQL[by];
  const within = `o.store_id IN (SELECT id FROM stores WHERE organisation_id = $1)
         AND o.business_day BETWEEN $2::date AND $3::date AND ($4::uuid IS NULL OR o.store_id = $4::uuid)`;
  const rows = await db.query<SalesSumsRow>(
    `WITH sold AS (
       SELECT o.store_id, ${column} AS part, count(*)::bigint AS orders,
         sum((o.body->'order'->>'itemCount')::bigint)::bigint AS items,
         sum((o.body->'order'->>'gross')::bigint)::bigint AS gross,
         sum((o.body->'order'->>'discount')::bigint)::bigint AS discount,
         sum((o.body->'order'->>'tax')::bigint)::bigint AS tax
       FROM orders o
       WHERE ${within}
       GROUP BY o.store_id, ${column}
     ), refunded AS (
       SELECT o.store_id, ${column} AS part, sum(r.amount)::bigint AS refunded
       FROM refunds r JOIN orders o ON o.store_id = r.store_id AND o.id = r.order_id
       WHERE ${within}
       GROUP BY o.store_id, ${column}
     )
     SELECT sold.store_id, ${shown} AS part, sold.orders, sold.items, sold.gross,
       sold.discount, sold.tax, COALESCE(refunded.refunded, 0)::bigint AS refunded
     FROM sold LEFT JOIN refunded ON refunded.store_id = sold.store_id AND refunded.part = sold.part
     ORDER BY sold.store_id, sold.part`,
    [organisationId, span.from, span.to, storeId ?? null],
  );
  return rows.map(({ store_id, part, ...sums }) => ({
    storeId: store_id,
    part,
    sums: { ...sums, costedNet: 0, cost: 0 },
  }));
}

/** Each store's sums per business day over the span (all the organisation's stores, or the one given). */
export async function daySums(db: Queryable, organisationId: string, span: Span, storeId?: string): Promise<DaySums[]> {
  const parts = await salesSums(db, organisationId, span, 'day', storeId);
  return parts.map(({ storeId, part, sums }) => ({ storeId, day: part, sums }));
}

export function franchiseFigures(sums: SalesSums): FranchiseFigures {
  const figures = salesFigures(sums);
  return {
    orders: figures.orders,
    items: figures.items,
    gross: figures.gross,
    discount: figures.discount,
    net: figures.net,
    tax: figures.tax,
    refunded: figures.refunded,
    netAfterRefunds: figures.netAfterRefunds,
    averageTicket: figures.averageTicket,
  };
}

export function totalOf(days: { sums: SalesSums }[]): SalesSums {
  return days.reduce((total, day) => addSums(total, day.sums), emptySums);
}
