import type { FeedbackAnswer } from '../../shared/sync/feedback-sync';
import { markFollowUp } from '../data/feedback';
import { claimedTimeRefusal } from './claimed-time';
import type { PlatformDomain } from './platform-domain';

type FeedbackRow = {
  order_id: string;
  score: number;
  comment: string;
  answered_at: number;
  changed_at: number;
  member_id: string | null;
  followed_up_at: number | null;
  followed_up_by: string | null;
  follow_up_note: string;
  version: number;
  number: string | null;
  channel: NonNullable<FeedbackAnswer['order']>['channel'] | null;
  cashier_name: string | null;
  paid_at: number | null;
  device_code: string | null;
};

/**
 * An answer with its order as the platform has it: the order's columns only once the answer is
 * linked (its version moved then), so a till never holds an order half-known.
 */
export const feedbackRowsSql = `SELECT f.order_id, f.score, f.comment, f.answered_at, f.changed_at, f.member_id,
    f.followed_up_at, f.followed_up_by, f.follow_up_note, f.version,
    o.number, o.channel, o.body->'order'->>'cashierName' AS cashier_name, o.paid_at, d.device_code
  FROM feedback f
  LEFT JOIN orders o ON f.linked_at IS NOT NULL AND o.store_id = f.store_id AND o.id = f.order_id
  LEFT JOIN devices d ON d.id = o.device_id`;

export function answerOf(row: FeedbackRow): FeedbackAnswer {
  return {
    orderId: row.order_id,
    score: row.score,
    comment: row.comment,
    answeredAt: row.answered_at,
    changedAt: row.changed_at,
    order:
      row.number === null || row.channel === null || row.paid_at === null
        ? null
        : {
            number: row.number,
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

/** Customers' answers go down to the store's tills; a manager's follow-up mark comes back up. */
export const feedbackDomain: PlatformDomain<'feedback', 'feedback.followed_up'> = {
  streams: {
    feedback: {
      query: `${feedbackRowsSql} WHERE f.store_id = $1 AND f.version > $2 ORDER BY f.version LIMIT $3`,
      head: '(SELECT COALESCE(max(version), 0) FROM feedback WHERE store_id = $1)',
      change: (row: FeedbackRow) => ({ id: row.order_id, version: String(row.version), data: answerOf(row) }),
    },
  },
  mutations: {
    'feedback.followed_up': {
      apply: async (tx, context, payload) => {
        const refusal = claimedTimeRefusal(payload.at, context.window, false);
        if (refusal) return refusal;
        const outcome = await markFollowUp(tx, context.storeId, payload);
        return outcome === 'unknown' ? { code: 'feedback_unknown' } : null;
      },
      wakes: 'store',
    },
  },
};
