import { MAX_REPORT_DAYS, type ReportRequest } from '../../../shared/contract/sales-report';
import { AppError } from '../../../shared/errors';
import {
  comparedSpan,
  elapsed,
  minuteOfBusinessDay,
  periodOf,
  type Span,
  spanEnd,
  spanProblem,
} from '../../../shared/reports/periods';
import type { SpanBounds } from './range-sums';

/** What of the store a span's days and moments are found from. */
export type StoreClock = { businessDay: string; timeZone: string; dayCutoffHour: number };

/** What a report counts: the whole period asked, the part of it that has elapsed, and the earlier span. */
export type ReportSpans = {
  period: Span;
  span: Span | null;
  compared: Span | null;
};

/**
 * The request as days: a period is found from its first day, a range is taken as given. A period
 * still in progress counts up to now and is compared with the same elapsed part of the earlier one.
 */
export function reportSpans(request: ReportRequest, store: StoreClock, now: number): ReportSpans {
  const period =
    request.period === 'range'
      ? { from: request.firstDay, to: request.lastDay ?? request.firstDay, untilMinute: null }
      : periodOf(request.period, request.firstDay);
  refuseBadSpan(period);
  const span = elapsed(period, store.businessDay, minuteOfBusinessDay(now, store.timeZone, store.dayCutoffHour));
  const compared = span && request.comparison ? comparedSpan(period, request.period, request.comparison, span) : null;
  return { period, span, compared };
}

/**
 * Refuses a span no report reads, saying the one rule it breaks: a day not on the calendar (the
 * contract checks only the shape), the last day before the first, or more than three years.
 */
export function refuseBadSpan(span: Pick<Span, 'from' | 'to'>): void {
  const problem = spanProblem(span, MAX_REPORT_DAYS);
  if (!problem) return;
  switch (problem.kind) {
    case 'not_a_day':
      throw new AppError('report_day_invalid', { day: problem.day });
    case 'backwards':
      throw new AppError('report_range_backwards', { from: problem.from, to: problem.to });
    case 'too_long':
      throw new AppError('report_range_too_long', { max: problem.max, days: problem.days });
    default: {
      const never: never = problem;
      throw new Error(`unknown span problem ${JSON.stringify(never)}`);
    }
  }
}

/**
 * A span as the queries read it: the epoch bound of a cut last day in the store's zone, through the
 * end of its minute, so a sale rung up seconds ago is in today's figures and the earlier span is
 * cut at the same minute.
 */
export function boundsOf(span: Span, store: StoreClock): SpanBounds {
  const end = spanEnd(span, store.timeZone, store.dayCutoffHour);
  return { from: span.from, to: span.to, until: end === null ? null : end + 59_999 };
}

/** The first instant of a business day, in epoch ms. */
export function dayStart(day: string, store: StoreClock): number {
  return spanEnd({ from: day, to: day, untilMinute: 0 }, store.timeZone, store.dayCutoffHour) as number;
}
