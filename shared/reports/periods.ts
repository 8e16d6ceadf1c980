import { z } from 'zod';
import { BusinessDay, wallClock } from '../business-day';

/**
 * A report's span of business days, both ends included. `untilMinute`: the last day counts only
 * up to that minute of the business day (minutes since the day's cut-off), for a period still in
 * progress; null counts the whole last day.
 */
export const Span = z.object({
  from: BusinessDay,
  to: BusinessDay,
  untilMinute: z.number().int().min(0).max(1_440).nullable(),
});
export type Span = z.infer<typeof Span>;

export const PeriodKind = z.enum(['day', 'week', 'month', 'range']);
export type PeriodKind = z.infer<typeof PeriodKind>;

/** What a period is compared with (DOMAIN.md, comparisons). */
export const Comparison = z.enum(['previous_period', 'same_weekday_last_week', 'year_on_year']);
export type Comparison = z.infer<typeof Comparison>;

const DAY_MS = 86_400_000;

/** Days since the epoch of a `YYYY-MM-DD`, which is a calendar date, not an instant. */
export function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

export function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOfNumber(dayNumber(day) + days);
}

export function daysIn(span: Pick<Span, 'from' | 'to'>): number {
  return dayNumber(span.to) - dayNumber(span.from) + 1;
}

/** Whether a `YYYY-MM-DD` is a day of the calendar: not month 13, not 30 February. */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

/** The one rule a report's span breaks, checked in this order; a span that breaks none gives null. */
export type SpanProblem =
  | { kind: 'not_a_day'; day: string }
  | { kind: 'backwards'; from: string; to: string }
  | { kind: 'too_long'; days: number; max: number };

/** What is wrong with a span a report is asked for: a day not on the calendar, its ends swapped, or too long. */
export function spanProblem(span: Pick<Span, 'from' | 'to'>, maxDays: number): SpanProblem | null {
  for (const day of [span.from, span.to]) if (!isCalendarDay(day)) return { kind: 'not_a_day', day };
  const days = daysIn(span);
  if (days < 1) return { kind: 'backwards', from: span.from, to: span.to };
  if (days > maxDays) return { kind: 'too_long', days, max: maxDays };
  return null;
}

/** Monday-based ISO weekday, 1 (Monday) to 7 (Sunday), as Chinese calendars count a week. */
export function weekdayOf(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The whole day, week (Monday to Sunday) or calendar month holding `day`. */
export function periodOf(kind: Exclude<PeriodKind, 'range'>, day: string): Span {
  switch (kind) {
    case 'day':
      return { from: day, to: day, untilMinute: null };
    case 'week': {
      const from = addDays(day, 1 - weekdayOf(day));
      return { from, to: addDays(from, 6), untilMinute: null };
    }
    case 'month': {
      const from = `${day.slice(0, 7)}-01`;
      return { from, to: lastOfMonth(from), untilMinute: null };
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown period ${String(never)}`);
    }
  }
}

function lastOfMonth(first: string): string {
  const [year, month] = first.split('-').map(Number);
  return dayOfNumber(Date.UTC(year, month, 1) / DAY_MS - 1);
}

/**
 * The span as it stands at `today` (a business day) and `minute` into it: a period that has not
 * ended stops there, one that has not begun is empty (null).
 */
export function elapsed(span: Span, today: string, minute: number): Span | null {
  if (dayNumber(today) < dayNumber(span.from)) return null;
  if (dayNumber(today) > dayNumber(span.to)) return span;
  return { from: span.from, to: today, untilMinute: minute };
}

/**
 * The span a period is compared with. Previous period: the day, week or calendar month before, or
 * the same number of days before a range. Same weekday last week: seven days back. Year on year:
 * 364 days back, so weekdays line up. `current` is the part of `period` that has elapsed: when it
 * is still in progress (`untilMinute` set) the earlier period is cut to the same elapsed part, as
 * many days from its start and up to the same minute.
 */
export function comparedSpan(period: Span, kind: PeriodKind, comparison: Comparison, current: Span = period): Span {
  const whole = earlierPeriod(period, kind, comparison);
  if (current.untilMinute === null) return whole;
  const to = addDays(whole.from, daysIn(current) - 1);
  // A longer month than the one before: past the earlier month's end, all of it counts.
  if (dayNumber(to) > dayNumber(whole.to)) return whole;
  return { from: whole.from, to, untilMinute: current.untilMinute };
}

function earlierPeriod(span: Span, kind: PeriodKind, comparison: Comparison): Span {
  const shifted = (days: number): Span => ({
    from: addDays(span.from, -days),
    to: addDays(span.to, -days),
    untilMinute: null,
  });
  switch (comparison) {
    case 'same_weekday_last_week':
      return shifted(7);
    case 'year_on_year':
      return shifted(364);
    case 'previous_period':
      if (kind === 'month') return periodOf('month', addDays(span.from, -1));
      if (kind === 'week') return shifted(7);
      if (kind === 'day') return shifted(1);
      return shifted(dayNumber(span.to) - dayNumber(span.from) + 1);
    default: {
      const never: never = comparison;
      throw new Error(`unknown comparison ${String(never)}`);
    }
  }
}

/**
 * Minutes since the business day's start (local midnight plus the cut-off hours) of an instant in
 * the store's zone: where a period in progress stands now, as `untilMinute` says it.
 */
export function minuteOfBusinessDay(epochMs: number, timeZone: string, cutoffHour: number): number {
  const { hour, minute } = wallClock(epochMs, timeZone);
  return ((((hour - cutoffHour) * 60 + minute) % 1_440) + 1_440) % 1_440;
}

/**
 * The last instant a span counts, in epoch ms, or null for the whole of its last day: the moment
 * `untilMinute` minutes into the last business day, in the store's zone. Found by stepping from
 * the UTC guess by the zone's offset at that moment, which holds across a change of summer time.
 */
export function spanEnd(span: Span, timeZone: string, cutoffHour: number): number | null {
  if (span.untilMinute === null) return null;
  const [year, month, day] = span.to.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day, cutoffHour, span.untilMinute);
  let guess = wall;
  for (let i = 0; i < 3; i += 1) guess = wall - offsetAt(guess, timeZone);
  return guess;
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(epochMs: number, timeZone: string): number {
  return wallClock(epochMs, timeZone).utc - Math.floor(epochMs / 1000) * 1000;
}
