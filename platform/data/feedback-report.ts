import { feedbackLimits } from '../../shared/feedback/feedback-limits';
import { bandOf, countScores, npsOf } from '../../shared/feedback/nps';
import { addDays, daysIn, spanEnd } from '../../shared/reports/periods';
import type { FeedbackAnswer } from '../../shared/sync/feedback-sync';
import { answerOfColumns } from '../../shared/sync/feedback-sync';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import { type FeedbackRow, feedbackRowsSql } from '../sync/feedback-sync';
import { requireStore } from './stores';

/** The longest span the operator's feedback report reads: three years, like the till's reports. */
const MAX_DAYS = 1_096;

/**
 * A store's NPS over calendar days in its own time zone, by the day each answer was first given:
 * the figures, the 0–10 distribution, and the detractors to follow up, newest first.
 */
export async function feedbackReport(db: Queryable, storeId: string, query: { from: string; to: string }) {
  const store = await requireStore(db, storeId);
  const span = { from: query.from, to: query.to, untilMinute: 0 };
  if (query.to < query.from || daysIn(span) > MAX_DAYS) throw new ApiError(400, 'range_invalid', { max: MAX_DAYS });
  const start = spanEnd({ ...span, to: query.from }, store.timeZone, 0) as number;
  const end = spanEnd({ ...span, to: addDays(query.to, 1) }, store.timeZone, 0) as number;
  const rows = await db.query<FeedbackRow>(
    `${feedbackRowsSql} WHERE f.store_id = $1 AND f.answered_at >= $2 AND f.answered_at < $3
     ORDER BY f.answered_at DESC, f.order_id`,
    [storeId, start, end],
  );
  const answers: FeedbackAnswer[] = rows.map(answerOfColumns);
  const distribution = countScores(answers.map((answer) => answer.score));
  return {
    storeId,
    from: query.from,
    to: query.to,
    figures: npsOf(distribution),
    reliableAnswers: feedbackLimits.reliableAnswers,
    distribution,
    detractorAnswers: answers.filter((answer) => bandOf(answer.score) === 'detractor'),
  };
}
