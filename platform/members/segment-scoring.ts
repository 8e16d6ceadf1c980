import type { Queryable, Sql } from '../db/sql';
import { reserveMemberVersions } from './member-versions';

/** Frequency and monetary are read over the year before the run; recency over all history. */
export const SCORING_WINDOW_DAYS = 365;
const DAY_MS = 86_400_000;
// Any constant works; two runs at once would hand out versions for the same changes twice.
const SCORING_LOCK = 7_305_418;
/** For this transaction only: the run's hash aggregate and sorts (about 200 MB at a million members). */
const SCORING_WORK_MEM = '256MB';

export type ScoringRun = { scoredAt: number; population: number; changed: number; tookMs: number };
/** Who started a run: the operator (API, CLI) or the daily schedule, with the local day it was for. */
export type ScoringTrigger = { kind: 'operator' } | { kind: 'schedule'; day: string };

/**
 * Each member's aggregates from every sale credited to them (in store and online, every store; the
 * spend net of the refunds of those sales made up to the run, whatever day: "by original day"), and
 * their RFM fifths of the brand's population, as shared/members/segments.ts defines them: a cutoff
 * is the value at rank ⌈n·k/5⌉ of the sorted values ((n·k + 4) / 5 in integers, never a float
 * percentile), a member's fifth one more than the cutoffs their value is above. Recency scores the
 * negated days since the last visit, so the most recent score highest.
 */
const SCORED_TABLE = `CREATE TEMP TABLE scored (member_id uuid, last_at bigint, orders int, spend bigint,
  r int, f int, m int, value text) ON COMMIT DROP`;

const SCORE_SQL = `INSERT INTO scored
WITH agg AS MATERIALIZED (
  SELECT member_id, max(paid_at) AS last_at,
    (count(*) FILTER (WHERE paid_at > $2::bigint))::int AS orders,
    COALESCE(sum(GREATEST(0, total - COALESCE(r.refunded, 0))) FILTER (WHERE paid_at > $2::bigint), 0)::bigint AS spend,
    -(($1::bigint - max(paid_at)) / ${DAY_MS})::int AS nr
  FROM member_orders LEFT JOIN (
    SELECT store_id, order_id, sum(amount) AS refunded FROM refunds WHERE refunded_at <= $1::bigint GROUP BY 1, 2
  ) r USING (store_id, order_id)
  WHERE paid_at <= $1::bigint GROUP BY member_id
), sorted AS (
  SELECT count(*)::bigint AS n, array_agg(nr ORDER BY nr) AS rs, array_agg(orders ORDER BY orders) AS fs,
    array_agg(spend ORDER BY spend) AS ms
  FROM agg
), cut AS (
  SELECT rs[(n + 4) / 5] AS r1, rs[(2 * n + 4) / 5] AS r2, rs[(3 * n + 4) / 5] AS r3, rs[(4 * n + 4) / 5] AS r4,
    fs[(n + 4) / 5] AS f1, fs[(2 * n + 4) / 5] AS f2, fs[(3 * n + 4) / 5] AS f3, fs[(4 * n + 4) / 5] AS f4,
    ms[(n + 4) / 5] AS m1, ms[(2 * n + 4) / 5] AS m2, ms[(3 * n + 4) / 5] AS m3, ms[(4 * n + 4) / 5] AS m4
  FROM sorted
), fifths AS (
  SELECT a.member_id, a.last_at, a.orders, a.spend,
    1 + (a.nr > r1)::int + (a.nr > r2)::int + (a.nr > r3)::int + (a.nr > r4)::int AS r,
    1 + (a.orders > f1)::int + (a.orders > f2)::int + (a.orders > f3)::int + (a.orders > f4)::int AS f,
    1 + (a.spend > m1)::int + (a.spend > m2)::int + (a.spend > m3)::int + (a.spend > m4)::int AS m
  FROM agg a CROSS JOIN cut
)
SELECT member_id, last_at, orders, spend, r, f, m,
  CASE WHEN f + m >= 8 THEN 'high' WHEN f + m >= 5 THEN 'mid' ELSE 'low' END AS value
FROM fifths`;

/**
 * Scores every member with a sale and stores the scores (`member_scores`). A member whose value
 * segment changed is sent again to every store that has seen them, so the cashier's hint shows the
 * new one from the tills' next pull. One transaction: the scores of a run are one moment's.
 */
export async function scoreMembers(sql: Sql, now: number, clock: () => number = Date.now): Promise<ScoringRun> {
  const started = clock();
  return sql.transaction((tx) => scoreWithin(tx, now, { kind: 'operator' }, started, clock));
}

/** The run itself, in the caller's transaction (the schedule claims its day in the same one). */
export async function scoreWithin(
  tx: Queryable,
  now: number,
  trigger: ScoringTrigger,
  started: number,
  clock: () => number,
): Promise<ScoringRun> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [SCORING_LOCK]);
  // A million members' aggregates and three sorts of them: in memory, not spilled in 4 MB pieces.
  await tx.exec(`SET LOCAL work_mem = '${SCORING_WORK_MEM}'`);
  await tx.exec(SCORED_TABLE);
  await tx.query(SCORE_SQL, [now, now - SCORING_WINDOW_DAYS * DAY_MS]);
  await tx.exec(`CREATE TEMP TABLE value_changed ON COMMIT DROP AS
    SELECT s.member_id FROM scored s LEFT JOIN member_scores o ON o.member_id = s.member_id
    WHERE o.value IS DISTINCT FROM s.value`);
  // Only the members whose figures moved are written: one hash join instead of a million probes.
  await tx.exec(`INSERT INTO member_scores AS o (member_id, last_at, orders, spend, r, f, m, value)
    SELECT s.member_id, s.last_at, s.orders, s.spend, s.r, s.f, s.m, s.value
    FROM scored s LEFT JOIN member_scores p ON p.member_id = s.member_id
    WHERE p.member_id IS NULL
      OR (p.last_at, p.orders, p.spend, p.r, p.f, p.m, p.value) IS DISTINCT FROM (s.last_at, s.orders, s.spend, s.r, s.f, s.m, s.value)
    ON CONFLICT (member_id) DO UPDATE SET last_at = excluded.last_at, orders = excluded.orders,
      spend = excluded.spend, r = excluded.r, f = excluded.f, m = excluded.m, value = excluded.value
    WHERE (o.last_at, o.orders, o.spend, o.r, o.f, o.m, o.value)
      IS DISTINCT FROM (excluded.last_at, excluded.orders, excluded.spend, excluded.r, excluded.f, excluded.m, excluded.value)`);
  const [{ population, changed, seen }] = await tx.query<{ population: number; changed: number; seen: number }>(
    `SELECT (SELECT count(*) FROM scored)::int AS population, (SELECT count(*) FROM value_changed)::int AS changed,
       (SELECT count(*) FROM store_members sm JOIN value_changed c ON c.member_id = sm.member_id)::int AS seen`,
  );
  if (seen > 0) {
    const first = await reserveMemberVersions(tx, seen);
    await tx.query(
      `UPDATE store_members s SET version = $1 + n.rn - 1
       FROM (SELECT sm.store_id, sm.member_id, row_number() OVER (ORDER BY sm.store_id, sm.member_id) AS rn
             FROM store_members sm JOIN value_changed c ON c.member_id = sm.member_id) n
       WHERE s.store_id = n.store_id AND s.member_id = n.member_id`,
      [first],
    );
  }
  const tookMs = Math.max(0, Math.round(clock() - started));
  await tx.query(
    `INSERT INTO member_scoring_runs (scored_at, window_days, population, changed, took_ms, trigger, day)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date)`,
    [
      now,
      SCORING_WINDOW_DAYS,
      population,
      changed,
      tookMs,
      trigger.kind,
      trigger.kind === 'schedule' ? trigger.day : null,
    ],
  );
  return { scoredAt: now, population, changed, tookMs };
}

/** When the scores were last computed, or null before the first run. */
export async function lastScoredAt(db: Pick<Sql, 'query'>): Promise<number | null> {
  const [row] = await db.query<{ scored_at: number }>(
    'SELECT scored_at FROM member_scoring_runs ORDER BY id DESC LIMIT 1',
  );
  return row?.scored_at ?? null;
}
