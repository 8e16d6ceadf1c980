import { businessDayOf } from '../../../shared/business-day';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import { addDays, comparedSpan, dayNumber, daysIn, periodOf, type Span } from '../../../shared/reports/periods';
import { computerTimeZone } from '../../../shared/time-format';
import type { CoreEnvironment } from '../handler-context';
import { refuseBadSpan } from '../reports/report-spans';
import { readStore } from '../store/store-records';

/**
 * Today as this install counts it: a till's business day, or a console's own date (it has no store
 * and no cut-off of its own).
 */
export function today(env: CoreEnvironment, now: number): string {
  const store = readStore(env.db, now);
  return store ? store.businessDay : businessDayOf(now, computerTimeZone(), 0);
}

/**
 * A report request as the platform's span and compared span, in whole business days: the stores of
 * a brand may close at different hours, so a period in progress counts through today and is
 * compared with as many days from the start of the earlier period.
 */
export function franchiseSpans(
  request: ReportRequest,
  day: string,
): { from: string; to: string; compareFrom?: string; compareTo?: string } {
  const period: Span =
    request.period === 'range'
      ? { from: request.firstDay, to: request.lastDay ?? request.firstDay, untilMinute: null }
      : periodOf(request.period, request.firstDay);
  refuseBadSpan(period);
  const inProgress = dayNumber(day) >= dayNumber(period.from) && dayNumber(day) < dayNumber(period.to);
  const span = inProgress ? { ...period, to: day } : period;
  if (!request.comparison) return { from: span.from, to: span.to };
  const earlier = comparedSpan(period, request.period, request.comparison);
  const cut = addDays(earlier.from, daysIn(span) - 1);
  const to = dayNumber(cut) < dayNumber(earlier.to) ? cut : earlier.to;
  return { from: span.from, to: span.to, compareFrom: earlier.from, compareTo: to };
}
