import type { ReportRequest } from '../contract/sales-report';
import { comparedSpan, periodOf, type Span } from './periods';

/** The business days a report request reads: its whole period and, when compared, the earlier one. */
export function requestSpans(request: ReportRequest): Span[] {
  const period =
    request.period === 'range'
      ? { from: request.firstDay, to: request.lastDay ?? request.firstDay, untilMinute: null }
      : periodOf(request.period, request.firstDay);
  return request.comparison ? [period, comparedSpan(period, request.period, request.comparison)] : [period];
}

/**
 * Whether a change on any of `days` can move the report: a day inside its period or the compared
 * one. Whole periods, so a report in progress is refreshed by anything on its days, cut or not.
 */
export function requestReadsAny(request: ReportRequest, days: readonly string[]): boolean {
  return requestSpans(request).some((span) => days.some((day) => day >= span.from && day <= span.to));
}
