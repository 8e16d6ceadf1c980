import { z } from 'zod';
import { feedbackLimits } from '../feedback/feedback-limits';
import { SaleChannel } from './sale-sync';
import { syncDomain } from './sync-domain';

const Name = z.string().max(500);

/** The sale an answer is about, once it has reached the platform (null until then). */
export const FeedbackOrder = z.object({
  number: z.string().max(32),
  channel: SaleChannel,
  cashierName: Name,
  paidAt: z.number().int(),
  /** The till that recorded it (A, B, …), so a manager at another till knows where its receipt is. */
  deviceCode: z.string().max(3),
});
export type FeedbackOrder = z.infer<typeof FeedbackOrder>;

export const FeedbackFollowUp = z.object({
  at: z.number().int(),
  by: Name,
  note: z.string().max(feedbackLimits.followUpNote),
});
export type FeedbackFollowUp = z.infer<typeof FeedbackFollowUp>;

/** One customer's answer about one order of this store (change id: the order id). */
export const FeedbackAnswer = z.object({
  orderId: z.uuid(),
  score: z.number().int().min(0).max(feedbackLimits.scoreMax),
  comment: z.string().max(feedbackLimits.comment),
  /** When the customer first answered, and last changed it (within `feedbackLimits.changeHours`). */
  answeredAt: z.number().int(),
  changedAt: z.number().int(),
  order: FeedbackOrder.nullable(),
  /** The member the order was sold to; null without one (and until members reach the platform's orders). */
  memberId: z.uuid().nullable(),
  followUp: FeedbackFollowUp.nullable(),
});
export type FeedbackAnswer = z.infer<typeof FeedbackAnswer>;

/**
 * An answer as both ends keep it, a column each (the platform reads the order's columns from its
 * `orders`, the till stores them as pulled): one mapping to the wire's shape for both.
 */
export type FeedbackColumns = {
  order_id: string;
  score: number;
  comment: string;
  answered_at: number;
  changed_at: number;
  order_number: string | null;
  channel: z.infer<typeof SaleChannel> | null;
  cashier_name: string | null;
  paid_at: number | null;
  device_code: string | null;
  member_id: string | null;
  followed_up_at: number | null;
  followed_up_by: string | null;
  follow_up_note: string;
};

export function answerOfColumns(row: FeedbackColumns): FeedbackAnswer {
  return {
    orderId: row.order_id,
    score: row.score,
    comment: row.comment,
    answeredAt: row.answered_at,
    changedAt: row.changed_at,
    order:
      row.order_number === null || row.channel === null || row.paid_at === null
        ? null
        : {
            number: row.order_number,
            channel: row.channel,
            cashierName: row.cashier_name ?? '',
            paidAt: row.paid_at,
            deviceCode: row.device_code ?? '',
          },
    memberId: row.member_id,
    followUp:
      row.followed_up_at === null
        ? null
        : { at: row.followed_up_at, by: row.followed_up_by ?? '', note: row.follow_up_note },
  };
}

/** A manager marked a detractor's answer followed up (`done`), or took the mark back. */
export const FeedbackFollowedUpPayload = z.object({
  orderId: z.uuid(),
  done: z.boolean(),
  at: z.number().int(),
  by: z.string().min(1).max(80),
  note: z.string().max(feedbackLimits.followUpNote),
});
export type FeedbackFollowedUpPayload = z.infer<typeof FeedbackFollowedUpPayload>;

/**
 * What customers said about this store's visits, from the rating page its receipts link to, so a
 * manager reads NPS and follows detractors up offline; the follow-up marks go back up.
 */
export const feedbackSync = syncDomain({
  streams: {
    feedback: { item: FeedbackAnswer, words: { en: 'customer feedback', 'zh-CN': '顾客评价' } },
  },
  mutations: {
    'feedback.followed_up': FeedbackFollowedUpPayload,
  },
  events: {
    'feedback.changed': ['reports.feedback', 'feedback.'],
  },
});
