import { z } from 'zod';

/** A business day as the store's local date, `YYYY-MM-DD`. */
export const BusinessDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The business day an instant belongs to: the store's local date of (local time − cut-off hours),
 * so a sale at 01:30 with a 04:00 cut-off counts for the previous day. Computed from wall-clock
 * parts in the store's zone, which keeps it right across DST changes.
 */
export function businessDayOf(epochMs: number, timeZone: string, cutoffHour: number): string {
  const local = wallClock(epochMs, timeZone);
  return new Date(local.utc - cutoffHour * 3_600_000).toISOString().slice(0, 10);
}

/** The store's local clock hour (0–23) of an instant, for reports by hour. */
export function localHourOf(epochMs: number, timeZone: string): number {
  return wallClock(epochMs, timeZone).hour;
}

// Building a formatter costs far more than using one, and every order asks for its day and hour.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The store's wall clock at an instant: its hour and minute, and `utc`, that local date and time
 * read as if it were UTC (to the second), from which the zone's offset at that instant follows.
 */
export function wallClock(epochMs: number, timeZone: string): { utc: number; hour: number; minute: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(epochMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const [hour, minute] = [get('hour'), get('minute')];
  return { utc: Date.UTC(get('year'), get('month') - 1, get('day'), hour, minute, get('second')), hour, minute };
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}
