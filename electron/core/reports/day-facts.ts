import type { Database } from 'better-sqlite3';
import { addDays, dayNumber } from '../../../shared/reports/periods';
import { namedStatements } from '../db/open-database';
import { decodeItems, decodeSales, encodeFacts } from './facts-codec';
import { cutDayFacts, type ReportFacts, storedColumn, storeEncodedHours } from './hour-facts';
import type { SpanBounds } from './range-sums';
import type { StoreClock } from './report-spans';
import { mergeFacts, rawFacts, type SpanFacts } from './span-facts';

/**
 * The shape of stored facts. Raise it whenever what a day's facts hold or mean changes: stored
 * days of another version are never read, and are computed again from their raw rows.
 */
export const FACTS_VERSION = 1;

/**
 * A closed day's facts as computed (or, with `hour`, one closed hour of a cut day), with the
 * change count they were computed at.
 */
export type BuiltDay = { day: string; hour: number | null; changes: number; facts: SpanFacts };

type StoredRow = { business_day: string; facts: string };

const statements = namedStatements({
  // Valid: this version, and nothing of the day has changed since (migration 0010's triggers).
  ...(Object.fromEntries(
    Object.entries(storedColumn).map(([needed, column]) => [
      `stored.${needed}`,
      `SELECT f.business_day, ${column} AS facts FROM day_facts f LEFT JOIN day_changes c USING (business_day)
      WHERE f.business_day BETWEEN @from AND @to AND f.version = @version AND f.changes = coalesce(c.changes, 0)`,
    ]),
  ) as Record<`stored.${ReportFacts}`, string>),
  changes: 'SELECT business_day, changes FROM day_changes WHERE business_day BETWEEN @from AND @to',
  // Kept only if the day has not changed since it was read: a sale or refund committed between
  // the report's snapshot and this write leaves the day to be computed again.
  store: `INSERT OR REPLACE INTO day_facts (business_day, version, changes, sales, items)
    SELECT @day, @version, @changes, @sales, @items
    WHERE coalesce((SELECT changes FROM day_changes WHERE business_day = @day), 0) = @changes`,
  // Every day with orders has a change row (migration 0011): the small table is read, newest
  // first, not the order history.
  withoutFacts: `SELECT c.business_day FROM day_changes c LEFT JOIN day_facts f USING (business_day)
    WHERE c.business_day < @today
      AND (f.business_day IS NULL OR f.version != @version OR f.changes != c.changes)
    ORDER BY c.business_day DESC`,
});

/**
 * A span's facts: its closed whole days from their stored facts where those are still valid, the
 * rest from raw rows. Closed days (before today) that had none are computed one by one and
 * handed to `built`, to be stored once the report has answered; a whole today is read raw, and a
 * cut last day by its closed hours (hour-facts.ts). Run it inside one read transaction, so stored
 * and raw parts are the same moment.
 */
export function factsOf(
  db: Database,
  bounds: SpanBounds,
  needed: ReportFacts,
  clock: StoreClock,
  built?: (day: BuiltDay) => void,
): SpanFacts {
  const q = statements(db);
  const today = clock.businessDay;
  const parts: SpanFacts[] =
    bounds.until === null
      ? []
      : cutDayFacts(db, { day: bounds.to, until: bounds.until }, needed, clock, FACTS_VERSION, built);
  const lastWhole = bounds.until === null ? bounds.to : addDays(bounds.to, -1);
  if (dayNumber(lastWhole) < dayNumber(bounds.from)) return mergeFacts(parts);

  const range = { from: bounds.from, to: lastWhole };
  const stored = new Map<string, SpanFacts>();
  for (const row of q[`stored.${needed}`].all({ ...range, version: FACTS_VERSION }) as StoredRow[])
    stored.set(row.business_day, decodeStored(needed, row));
  const changes = new Map(
    (q.changes.all(range) as { business_day: string; changes: number }[]).map((row) => [row.business_day, row.changes]),
  );

  let runStart: string | null = null;
  const endRun = (before: string) => {
    if (runStart !== null) parts.push(rawFacts(db, { from: runStart, to: addDays(before, -1), until: null }, needed));
    runStart = null;
  };
  for (let day = range.from; dayNumber(day) <= dayNumber(range.to); day = addDays(day, 1)) {
    const found = stored.get(day);
    if (found) {
      endRun(day);
      parts.push(found);
    } else if (built && day < today) {
      endRun(day);
      const facts = rawFacts(db, { from: day, to: day, until: null });
      parts.push(facts);
      built({ day, hour: null, changes: changes.get(day) ?? 0, facts });
    } else runStart ??= day;
  }
  endRun(addDays(range.to, 1));
  return mergeFacts(parts);
}

function decodeStored(needed: ReportFacts, row: StoredRow): SpanFacts {
  return needed === 'items' ? decodeItems(row.facts) : decodeSales(row.business_day, row.facts);
}

/** A built day or hour as it is stored and as it crosses from the report worker to the core. */
export type EncodedDay = { day: string; hour: number | null; changes: number; sales: string; items: string };

export function encodeDays(days: readonly BuiltDay[]): EncodedDay[] {
  return days.map(({ day, hour, changes, facts }) => ({ day, hour, changes, ...encodeFacts(facts) }));
}

/**
 * Stores encoded days, each only if it has not changed since it was read. Only the core writes
 * the till's file: a second writer would make the core's transactions fail (SQLITE_BUSY_SNAPSHOT)
 * whenever it wrote between their first read and their first write.
 */
export function storeEncodedDays(db: Database, days: readonly EncodedDay[]): void {
  if (days.length === 0) return;
  const q = statements(db);
  db.transaction(() => {
    const hours = [];
    for (const { hour, ...day } of days) {
      if (hour === null) q.store.run({ ...day, version: FACTS_VERSION });
      else hours.push({ ...day, hour });
    }
    storeEncodedHours(db, hours, FACTS_VERSION);
  })();
}

/** Stores what a report computed, each day only if it has not changed since. */
export function storeDayFacts(db: Database, days: readonly BuiltDay[]): void {
  storeEncodedDays(db, encodeDays(days));
}

/** The newest closed day with orders and no valid facts, for the worker to fill while idle. */
export function newestDayWithoutFacts(db: Database, today: string, skip: ReadonlySet<string>): string | null {
  for (const day of statements(db).withoutFacts.pluck().iterate({ today, version: FACTS_VERSION }) as Iterable<string>)
    if (!skip.has(day)) return day;
  return null;
}

/** One closed day's facts from its raw rows, for the worker to store while idle. */
export function buildDay(db: Database, day: string): BuiltDay {
  return db.transaction(() => {
    const changes = (statements(db).changes.get({ from: day, to: day }) as { changes: number } | undefined)?.changes;
    return { day, hour: null, changes: changes ?? 0, facts: rawFacts(db, { from: day, to: day, until: null }) };
  })();
}

/**
 * A report on the core's own connection (tests, benches, the dispatcher): read in one transaction,
 * then the closed days it had to compute are stored.
 */
export function reportStoringFacts<T>(db: Database, report: (built: (day: BuiltDay) => void) => T): T {
  const days: BuiltDay[] = [];
  const value = db.transaction(() => report((day) => days.push(day)))();
  storeDayFacts(db, days);
  return value;
}

/**
 * Stores what the report worker sent. A failure loses nothing but time (the days are computed
 * again by the next report), so it is reported and the core goes on.
 */
export function storeFactsQuietly(db: Database, days: readonly EncodedDay[]): void {
  try {
    storeEncodedDays(db, days);
  } catch (error) {
    console.error('[counter] report facts not stored:', error);
  }
}
