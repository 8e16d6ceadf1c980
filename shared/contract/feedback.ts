import { z } from 'zod';
import { feedbackLimits } from '../feedback/feedback-limits';
import { Span } from '../reports/periods';
import { FeedbackAnswer } from '../sync/feedback-sync';
import { method } from './define';
import { ReportRequest } from './sales-report';

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** shared/feedback/nps.ts's figures over one span. */
export const NpsFigures = z.object({
  answers: Count,
  promoters: Count,
  passives: Count,
  detractors: Count,
  nps: z.number().int().min(-100).max(100).nullable(),
  fewAnswers: z.boolean(),
});
export type NpsFigures = z.infer<typeof NpsFigures>;

/** An answer as the manager reads it: whether its order is on this till, for the drill to its receipt. */
export const FeedbackRow = FeedbackAnswer.extend({ onThisTill: z.boolean() });
export type FeedbackRow = z.infer<typeof FeedbackRow>;

export const FeedbackReport = z.object({
  period: Span,
  span: Span.nullable(),
  compared: Span.nullable(),
  current: NpsFigures,
  earlier: NpsFigures.nullable(),
  /** Answers per score, 0 to 10, in the span. */
  distribution: z.array(Count).length(feedbackLimits.scoreMax + 1),
  /** The span's detractors (0–6), newest first; followed-up ones too, marked. */
  detractors: z.array(FeedbackRow),
  /** Under this many answers the NPS is flagged as too few to act on. */
  reliableAnswers: Count,
});
export type FeedbackReport = z.infer<typeof FeedbackReport>;

export const feedbackMethods = {
  /** What customers said on the receipt's rating page: NPS for the period against its comparison, and the detractors. */
  'reports.feedback': method({
    input: ReportRequest,
    output: FeedbackReport,
    access: 'reports.view',
    mutates: false,
  }),
  /** The manager has followed a detractor up (or takes the mark back); goes to the platform with the next push. */
  'feedback.followUp': method({
    input: z.object({
      orderId: z.uuid(),
      done: z.boolean(),
      note: z.string().trim().max(feedbackLimits.followUpNote).default(''),
    }),
    output: FeedbackRow,
    access: 'feedback.followUp',
    mutates: true,
  }),
};
