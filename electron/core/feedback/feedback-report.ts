import type { Database } from 'better-sqlite3';
import type { FeedbackReport } from '../../../shared/contract/feedback';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import { feedbackLimits } from '../../../shared/feedback/feedback-limits';
import { countScores, npsOf } from '../../../shared/feedback/nps';
import { addDays, type Span } from '../../../shared/reports/periods';
import { boundsOf, dayStart, reportSpans, type StoreClock } from '../reports/report-spans';
import { detractorsIn, scoresIn } from './feedback-records';

/** The follow-up list a screen shows at once; a period with more detractors than this shows the newest. */
const DETRACTORS_SHOWN = 500;

/** A span as the instants its answers were first given in: [from, until). */
function instantsOf(span: Span, store: StoreClock): [number, number] {
  const until = boundsOf(span, store).until;
  return [dayStart(span.from, store), until === null ? dayStart(addDays(span.to, 1), store) : until + 1];
}

/**
 * NPS over the Sales tab's periods, by when each answer was first given (a changed answer stays in
 * the day it was given), with the comparison the manager picked, the 0–10 distribution and the
 * detractors to follow up. Answers are the store's, from every till; the drill to a receipt works
 * for this till's own orders.
 */
export function feedbackReport(db: Database, request: ReportRequest, store: StoreClock, now: number): FeedbackReport {
  const { period, span, compared } = reportSpans(request, store, now);
  const current = span ? scoresIn(db, ...instantsOf(span, store)) : [];
  const distribution = countScores(current);
  return {
    period,
    span,
    compared,
    current: npsOf(distribution),
    earlier: compared ? npsOf(countScores(scoresIn(db, ...instantsOf(compared, store)))) : null,
    distribution,
    detractors: span ? detractorsIn(db, ...instantsOf(span, store), DETRACTORS_SHOWN) : [],
    reliableAnswers: feedbackLimits.reliableAnswers,
  };
}
