import type { Database } from 'better-sqlite3';
import { wallClock } from '../../../shared/business-day';
import { addDays } from '../../../shared/reports/periods';
import { namedStatements } from '../db/open-database';
import { decodeItems, decodeSales } from './facts-codec';
import { dayStart, type StoreClock } from './report-spans';
import { type FactsNeeded, rawFacts, type SpanFacts } from './span-facts';

const HOUR = 3_600_000;
/**
 * Stored hours are kept this many days behind the newest day stored. Only a day in progress and
 * the day it is compared with are read by the hour, so older hours are dead weight; a year and a
 * week keeps today against the same weekday last week and year on year warm. An older cut day
 * (a long range in progress against the range before) is computed again from its rows: slower,
 * never wrong.
 */
export const HOURS_KEPT_DAYS = 371;

/**
 * A cut day read in pieces: its clock hours that closed before the cut's own hour, and the moment
 * that hour began (the raw part runs from there to the cut).
 */
export type ClosedHours = { hours: number[]; since: number };

/**
 * The closed hours of `day` cut at `until`. Null when the store's clock that day is not plain
 * hours from the day's start (a zone's offset changing mid-day, an hour repeated): such a day is
 * read raw whole, which is always right.
 */
export function closedHoursOf(day: string, until: number, clock: StoreClock): ClosedHours | null {
  const start = dayStart(day, clock);
  const since = Math.floor(until / 60_000) * 60_000 - wallClock(until, clock.timeZone).minute * 60_000;
  if (since < start || (since - start) % HOUR !== 0) return null;
  // The zone's offset is the same at both ends: the hours between are plain, one after another.
  // (Asked twice, not once an hour: the zone's clock is the costly part of a today's report.)
  const first = wallClock(start, clock.timeZone);
  const last = wallClock(since, clock.timeZone);
  if (first.minute !== 0 || first.utc - start !== last.utc - since) return null;
  const hours = Array.from({ length: (since - start) / HOUR }, (_, i) => (first.hour + i) % 24);
  return hours.includes(last.hour) ? null : { hours, since };
}

type StoredHourRow = { hour: number; facts: string };
// Each report reads only its own half of a stored day or hour.
export const storedColumn = { sales: 'f.sales', comparedSales: 'f.sales', items: 'f.items' } as const;
export type ReportFacts = keyof typeof storedColumn;

const statements = namedStatements({
  ...(Object.fromEntries(
    Object.entries(storedColumn).map(([needed, column]) => [
      `stored.${needed}`,
      `SELECT f.hour, ${column} AS facts FROM hour_facts f LEFT JOIN hour_changes c USING (business_day, hour)
      WHERE f.business_day = @day AND f.version = @version AND f.changes = coalesce(c.changes, 0)`,
    ]),
  ) as Record<`stored.${ReportFacts}`, string>),
  changes: 'SELECT hour, changes FROM hour_changes WHERE business_day = ?',
  store: `INSERT OR REPLACE INTO hour_facts (business_day, hour, version, changes, sales, items)
    SELECT @day, @hour, @version, @changes, @sales, @items
    WHERE coalesce((SELECT changes FROM hour_changes WHERE business_day = @day AND hour = @hour), 0) = @changes`,
  prune: 'DELETE FROM hour_facts WHERE business_day < ?',
});

/** One closed hour's facts as computed, with the hour's change count they were computed at. */
export type BuiltHour = { day: string; hour: number; changes: number; facts: SpanFacts };

/**
 * A day cut at `until`: its closed hours from their stored facts where still valid (the others
 * computed from raw rows and handed to `built` to be stored), and the cut's own hour raw. Read
 * in the caller's transaction, like the days.
 */
export function cutDayFacts(
  db: Database,
  cut: { day: string; until: number },
  needed: ReportFacts,
  clock: StoreClock,
  version: number,
  built?: (hour: BuiltHour) => void,
): SpanFacts[] {
  const { day, until } = cut;
  const closed = closedHoursOf(day, until, clock);
  if (!closed) return [rawFacts(db, { from: day, to: day, until }, needed)];
  const q = statements(db);
  const stored = new Map<number, SpanFacts>();
  for (const row of q[`stored.${needed}`].all({ day, version }) as StoredHourRow[])
    stored.set(row.hour, needed === 'items' ? decodeItems(row.facts) : decodeSales(day, row.facts));
  const changes = built
    ? new Map((q.changes.all(day) as { hour: number; changes: number }[]).map((row) => [row.hour, row.changes]))
    : new Map<number, number>();
  const parts = closed.hours.map((hour) => {
    const found = stored.get(hour);
    if (found) return found;
    const bounds = { from: day, to: day, until: null, hour };
    if (!built) return rawFacts(db, bounds, needed);
    const facts = rawFacts(db, bounds, 'all' satisfies FactsNeeded);
    built({ day, hour, changes: changes.get(hour) ?? 0, facts });
    return facts;
  });
  parts.push(rawFacts(db, { from: day, to: day, until, since: closed.since }, needed));
  return parts;
}

/**
 * Stores encoded hours, each only if it has not changed since it was read, and drops the hours
 * stored more than `HOURS_KEPT_DAYS` before the newest of them (the caller's transaction).
 */
export function storeEncodedHours(
  db: Database,
  hours: readonly { day: string; hour: number; changes: number; sales: string; items: string }[],
  version: number,
): void {
  if (hours.length === 0) return;
  const q = statements(db);
  for (const hour of hours) q.store.run({ ...hour, version });
  const newest = hours.reduce((day, hour) => (hour.day > day ? hour.day : day), hours[0].day);
  q.prune.run(addDays(newest, -HOURS_KEPT_DAYS));
}
