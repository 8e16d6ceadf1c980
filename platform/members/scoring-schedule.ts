import { isTimeZone, wallClock } from '../../shared/business-day';
import type { ScoringSchedule, ScoringScheduleInput } from '../../shared/members/segment-wire';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { type ScoringRun, scoreWithin } from './segment-scoring';

type ScheduleRow = { at_minute: number; time_zone: string; last_day: string | null };

const timeText = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const toSchedule = (row: ScheduleRow): ScoringSchedule => ({
  at: timeText(row.at_minute),
  timeZone: row.time_zone,
  lastDay: row.last_day,
});

const SELECT = 'SELECT at_minute, time_zone, last_day::text AS last_day FROM member_scoring_schedule WHERE id = 1';

export async function readScoringSchedule(db: Queryable): Promise<ScoringSchedule> {
  const [row] = await db.query<ScheduleRow>(SELECT);
  return toSchedule(row);
}

/** The operator's time of day and zone for the daily run; each refused by name, in their language. */
export async function setScoringSchedule(
  db: Queryable,
  input: ScoringScheduleInput,
  now: number,
): Promise<ScoringSchedule> {
  const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(input.at);
  if (!time) throw new ApiError(400, 'scoring_schedule_time', { at: input.at });
  if (!isTimeZone(input.timeZone)) throw new ApiError(400, 'scoring_schedule_zone', { timeZone: input.timeZone });
  const [row] = await db.query<ScheduleRow>(
    `UPDATE member_scoring_schedule SET at_minute = $1, time_zone = $2, updated_at = $3 WHERE id = 1
     RETURNING at_minute, time_zone, last_day::text AS last_day`,
    [Number(time[1]) * 60 + Number(time[2]), input.timeZone, now],
  );
  return toSchedule(row);
}

/** The local day of an instant and its minute after local midnight, in the schedule's zone. */
export function localMoment(epochMs: number, timeZone: string): { day: string; minute: number } {
  const clock = wallClock(epochMs, timeZone);
  return { day: new Date(clock.utc).toISOString().slice(0, 10), minute: clock.hour * 60 + clock.minute };
}

export type ScheduledRun = ScoringRun & { day: string };

/**
 * The daily run, if it is due and no other process has it: the schedule's row is locked with SKIP
 * LOCKED (a process already scoring holds it, so the others pass at once instead of queueing a
 * connection each), the day is claimed and the members scored in one transaction. A run that fails
 * rolls the claim back with it, and the next look (this process or another) tries again. Null when
 * not due, already done today, or another process is on it.
 */
export async function scoreIfDue(sql: Sql, now: number, clock: () => number = Date.now): Promise<ScheduledRun | null> {
  const started = clock();
  return sql.transaction(async (tx) => {
    const [row] = await tx.query<ScheduleRow>(`${SELECT} FOR UPDATE SKIP LOCKED`);
    if (!row) return null;
    const local = localMoment(now, row.time_zone);
    if (local.minute < row.at_minute || (row.last_day !== null && row.last_day >= local.day)) return null;
    await tx.query('UPDATE member_scoring_schedule SET last_day = $1::date WHERE id = 1', [local.day]);
    const run = await scoreWithin(tx, now, { kind: 'schedule', day: local.day }, started, clock);
    return { ...run, day: local.day };
  });
}
