import {
  type MemberReport,
  type MemberReportQuery,
  recencyBandNames,
  valueSegments,
} from '../../shared/members/segment-wire';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import { lastScoredAt } from './segment-scoring';
import { storeSegmentSettings } from './segment-settings';

const DAY_MS = 86_400_000;
/** Cohorts shown: six months back from the span's last month at least, twelve at most. */
const COHORT_MONTHS_MIN = 6;
const COHORT_MONTHS_MAX = 12;
const RETENTION_MONTHS = 6;
/** For the report's transaction only (the caller's): a store's member sales hashed, not spilled. */
const REPORT_WORK_MEM = '64MB';

type Month = { year: number; month: number };
const monthOf = (day: string): Month => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) });
const monthIndex = (m: Month) => m.year * 12 + m.month - 1;
const monthText = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The first cohort month: the span's first month, or earlier so at least six show, never more than twelve. */
export function cohortMonths(firstDay: string, lastDay: string): { first: number; last: number } {
  const last = monthIndex(monthOf(lastDay));
  const first = Math.min(monthIndex(monthOf(firstDay)), last - (COHORT_MONTHS_MIN - 1));
  return { first: Math.max(first, last - (COHORT_MONTHS_MAX - 1)), last };
}

/**
 * A sale's refunds come off it whatever day they were made (DOMAIN.md's "by original day", the
 * reports' net after refunds): a refund after the span lowers the span's figures when it arrives.
 */
const refundedOf = (sale: string) =>
  `LEFT JOIN LATERAL (SELECT sum(f.amount) AS refunded FROM refunds f WHERE f.store_id = $1 AND f.order_id = ${sale}) r ON true`;
const NET = 'GREATEST(0, total - COALESCE(r.refunded, 0))';

const GRID_SQL = `WITH base AS (
  SELECT member_id, COALESCE(sum(${NET}) FILTER (WHERE business_day >= $2::date), 0) AS sales
  FROM member_orders mo ${refundedOf('mo.order_id')}
  WHERE mo.store_id = $1 AND mo.business_day <= $3::date GROUP BY member_id
)
SELECT sc.value,
  CASE WHEN d.days <= $5 THEN 'active' WHEN d.days <= $6 THEN 'sleeping' WHEN d.days <= $7 THEN 'churned' ELSE 'lost' END
    AS band,
  count(*)::int AS members, COALESCE(sum(b.sales), 0)::bigint AS sales
FROM base b JOIN members m ON m.id = b.member_id
  LEFT JOIN member_scores sc ON sc.member_id = b.member_id
  CROSS JOIN LATERAL (SELECT GREATEST(0, ($4::bigint - COALESCE(m.last_visit_at, $4::bigint)) / ${DAY_MS}) AS days) d
GROUP BY 1, 2`;

const PERIOD_SQL = `WITH p AS (
  SELECT member_id, count(*) AS orders, sum(${NET}) AS sales
  FROM member_orders mo ${refundedOf('mo.order_id')}
  WHERE mo.store_id = $1 AND mo.business_day BETWEEN $2::date AND $3::date GROUP BY member_id
), firsts AS (
  SELECT p.*, (SELECT min(x.business_day) FROM member_orders x WHERE x.member_id = p.member_id) AS first_day FROM p
)
SELECT count(*)::int AS members, (count(*) FILTER (WHERE first_day >= $2::date))::int AS new_members,
  (count(*) FILTER (WHERE orders >= 2))::int AS repeat_members, COALESCE(sum(orders), 0)::int AS member_orders,
  COALESCE(sum(sales), 0)::bigint AS member_sales,
  (SELECT count(*) FROM orders WHERE store_id = $1 AND business_day BETWEEN $2::date AND $3::date)::int AS store_orders,
  (SELECT COALESCE(sum(GREATEST(0, o.total - COALESCE(r.refunded, 0))), 0) FROM orders o ${refundedOf('o.id')}
   WHERE o.store_id = $1 AND o.business_day BETWEEN $2::date AND $3::date)::bigint AS store_sales
FROM firsts`;

/**
 * Cohorts: a member's cohort is the month of their first purchase anywhere, if they bought here that
 * month; offset k counts the cohort's members who bought here k months later (0 is the cohort).
 */
const COHORT_SQL = `WITH here AS (
  SELECT member_id, date_trunc('month', business_day)::date AS month
  FROM member_orders WHERE store_id = $1 AND business_day BETWEEN $2::date AND $3::date GROUP BY 1, 2
), firsts AS (
  SELECT w.member_id, date_trunc('month', (SELECT min(x.business_day) FROM member_orders x WHERE x.member_id = w.member_id))::date
    AS cohort
  FROM (SELECT DISTINCT member_id FROM here) w
)
SELECT (extract(year FROM f.cohort) * 12 + extract(month FROM f.cohort) - 1)::int AS cohort,
  ((extract(year FROM h.month) - extract(year FROM f.cohort)) * 12 + extract(month FROM h.month) - extract(month FROM f.cohort))::int
    AS k,
  count(*)::int AS members
FROM firsts f JOIN here h ON h.member_id = f.member_id AND h.month >= f.cohort
WHERE f.cohort >= $2::date AND EXISTS (SELECT 1 FROM here z WHERE z.member_id = f.member_id AND z.month = f.cohort)
GROUP BY 1, 2`;

type GridRow = { value: MemberReport['grid'][number]['value'] | null; band: string; members: number; sales: number };
type PeriodRow = {
  members: number;
  new_members: number;
  repeat_members: number;
  member_orders: number;
  member_sales: number;
  store_orders: number;
  store_sales: number;
};

function monthStart(index: number): string {
  return `${monthText(index)}-01`;
}

/**
 * A store's member figures over a span of business days (docs/members.md, "Segments on the
 * platform"), from every channel: the sales credited to members (`member_orders`, in store and
 * online) and the store's sales (`orders`). One snapshot: the caller passes a transaction (its
 * work_mem is raised for it alone).
 */
export async function memberReport(
  db: Queryable,
  storeId: string,
  query: MemberReportQuery,
  asOf: number,
): Promise<MemberReport> {
  if (query.lastDay < query.firstDay) throw new ApiError(400, 'request_invalid', { detail: 'lastDay before firstDay' });
  // The store's member sales grouped by member and joined to a million members: hash in memory.
  await db.exec(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`);
  const settings = await storeSegmentSettings(db, storeId);
  const { bands } = settings;
  const gridRows = await db.query<GridRow>(GRID_SQL, [
    storeId,
    query.firstDay,
    query.lastDay,
    asOf,
    bands.activeDays,
    bands.sleepingDays,
    bands.churnedDays,
  ]);
  const cell = (value: GridRow['value'], band: string) =>
    gridRows.find((row) => row.value === value && row.band === band);
  const grid = valueSegments.flatMap((value) =>
    recencyBandNames.map((band) => ({
      value,
      band,
      members: cell(value, band)?.members ?? 0,
      sales: cell(value, band)?.sales ?? 0,
    })),
  );
  const unscoredRows = gridRows.filter((row) => row.value === null);
  const unscored = {
    members: unscoredRows.reduce((sum, row) => sum + row.members, 0),
    sales: unscoredRows.reduce((sum, row) => sum + row.sales, 0),
  };
  const [p] = await db.query<PeriodRow>(PERIOD_SQL, [storeId, query.firstDay, query.lastDay]);
  const months = cohortMonths(query.firstDay, query.lastDay);
  const cohortRows = await db.query<{ cohort: number; k: number; members: number }>(COHORT_SQL, [
    storeId,
    monthStart(months.first),
    query.lastDay,
  ]);
  const count = (cohort: number, k: number) => cohortRows.find((r) => r.cohort === cohort && r.k === k)?.members ?? 0;
  const cohorts = [];
  for (let index = months.first; index <= months.last; index++) {
    cohorts.push({
      month: monthText(index),
      members: count(index, 0),
      retained: Array.from({ length: RETENTION_MONTHS }, (_, i) =>
        index + i + 1 > months.last ? null : count(index, i + 1),
      ),
    });
  }
  return {
    firstDay: query.firstDay,
    lastDay: query.lastDay,
    asOf,
    scoredAt: await lastScoredAt(db),
    settings,
    grid,
    unscored,
    period: {
      members: p.members,
      newMembers: p.new_members,
      returningMembers: p.members - p.new_members,
      repeatMembers: p.repeat_members,
      memberOrders: p.member_orders,
      memberSales: p.member_sales,
      storeOrders: p.store_orders,
      storeSales: p.store_sales,
    },
    cohorts,
  };
}
