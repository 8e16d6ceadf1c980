import {
  balanceKinds,
  type DayPoints,
  liabilityDays,
  type PointsLiability,
  type PointsLiabilityQuery,
  rateOf,
} from '../../shared/members/points-liability';
import { requireStore } from '../data/stores';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import { readPointsRules } from './points-rules';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Every movement that changed a balance, with the business day it belongs to: an earn or a spend
 * the day of its sale, a reversal the day of its refund (as the tills recorded them, so the
 * liability moves on the day the sales report shows the sale or the refund); anything else (expiry,
 * adjustments) the store's day of when the platform recorded it. The balance change is the stored
 * balance after the movement less the one before it (a hold or a release changes none).
 */
const MOVES = `moves AS MATERIALIZED (
  SELECT member_id, kind, store_id, delta,
    COALESCE(
      CASE WHEN kind IN ('earn', 'spend') THEN
             (SELECT o.business_day FROM orders o WHERE o.store_id = j.store_id AND o.id = j.order_id)
           WHEN kind = 'reverse' THEN
             (SELECT r.business_day FROM refunds r WHERE r.store_id = j.store_id AND r.id = (j.movement ->> 'refundId')::uuid)
      END,
      (to_timestamp((recorded_at - $3::bigint * ${HOUR_MS}) / 1000.0) AT TIME ZONE $4)::date) AS day
  FROM (SELECT pm.*, pm.balance_after - COALESCE(lag(pm.balance_after) OVER (PARTITION BY pm.member_id ORDER BY pm.seq), 0)
          AS delta
        FROM points_movements pm) j
  WHERE delta <> 0
)`;

/**
 * One query, several parts: the balances before the first day (their sum and the sum of the negative
 * ones), each day's points by kind for the brand and for this store, and each day's change in the
 * negative balances (each member's running balance at the end of each day they moved).
 */
const LIABILITY_SQL = `WITH ${MOVES},
member_days AS (
  SELECT member_id, day, sum(delta) AS delta FROM moves WHERE day <= $2::date GROUP BY 1, 2
), opening AS (
  SELECT member_id, sum(delta) AS balance FROM member_days WHERE day < $1::date GROUP BY 1
), running AS (
  SELECT d.day, d.delta,
    COALESCE(o.balance, 0) + sum(d.delta) OVER (PARTITION BY d.member_id ORDER BY d.day) AS after
  FROM member_days d LEFT JOIN opening o ON o.member_id = d.member_id WHERE d.day >= $1::date
)
SELECT 'opening' AS part, NULL AS day, NULL AS kind, COALESCE(sum(balance), 0)::bigint AS points FROM opening
UNION ALL SELECT 'negative', NULL, NULL, COALESCE(sum(LEAST(balance, 0)), 0)::bigint FROM opening
UNION ALL SELECT 'brand', day::text, kind, sum(delta)::bigint FROM moves WHERE day BETWEEN $1::date AND $2::date GROUP BY 2, 3
UNION ALL SELECT 'here', day::text, kind, sum(delta)::bigint FROM moves
  WHERE day BETWEEN $1::date AND $2::date AND store_id = $5 GROUP BY 2, 3
UNION ALL SELECT 'negative_change', day::text, NULL, sum(LEAST(after, 0) - LEAST(after - delta, 0))::bigint FROM running
  GROUP BY 2`;

type Part = {
  part: 'opening' | 'negative' | 'brand' | 'here' | 'negative_change';
  day: string | null;
  kind: string | null;
  points: number;
};

function daysBetween(firstDay: string, lastDay: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(firstDay); t <= Date.parse(lastDay); t += DAY_MS)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/**
 * The points liability over a span of the store's business days (docs/members.md, "The points
 * liability"): the brand's outstanding points at the start and end of each day with the day's
 * movements, and what this store's sales moved, valued at the store's redemption rate. One
 * snapshot: the caller passes a transaction.
 */
export async function pointsLiability(
  db: Queryable,
  storeId: string,
  query: PointsLiabilityQuery,
  asOf: number,
): Promise<PointsLiability> {
  if (query.lastDay < query.firstDay) throw new ApiError(400, 'request_invalid', { detail: 'lastDay before firstDay' });
  const store = await requireStore(db, storeId);
  const rules = await readPointsRules(db, storeId);
  const rows = await db.query<Part>(LIABILITY_SQL, [
    query.firstDay,
    query.lastDay,
    query.cutoffHour,
    store.timeZone,
    storeId,
  ]);
  const byDay = (part: 'brand' | 'here') => {
    const map = new Map<string, DayPoints>();
    for (const row of rows) {
      const kind = balanceKinds.find((k) => k === row.kind);
      if (row.part !== part || row.day === null || !kind) continue;
      map.set(row.day, { ...map.get(row.day), [kind]: row.points });
    }
    return map;
  };
  const single = (part: Part['part']) => rows.find((row) => row.part === part)?.points ?? 0;
  const rate = rateOf(rules?.rules.redemption ?? null);
  return {
    firstDay: query.firstDay,
    lastDay: query.lastDay,
    asOf,
    timeZone: store.timeZone,
    cutoffHour: query.cutoffHour,
    rate,
    days: liabilityDays({
      days: daysBetween(query.firstDay, query.lastDay),
      rate,
      opening: { balance: single('opening'), negative: single('negative') },
      brand: byDay('brand'),
      here: byDay('here'),
      negativeChange: new Map(
        rows.flatMap((row) => (row.part === 'negative_change' && row.day !== null ? [[row.day, row.points]] : [])),
      ),
    }),
  };
}
