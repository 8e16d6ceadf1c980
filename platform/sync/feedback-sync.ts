import { answerOfColumns, type FeedbackColumns } from '../../shared/sync/feedback-sync';
import { markFollowUp } from '../data/feedback';
import { claimedTimeRefusal } from './claimed-time';
import type { PlatformDomain } from './platform-domain';

export type FeedbackRow = FeedbackColumns & { version: number };

/**
 * An answer with its order as the platform has it: the order's columns only once the answer is
 * linked (its version moved then), so a till never holds an order half-known.
 */
export const feedbackRowsSql = `SELECT f.order_id, f.score, f.comment, f.answered_at, f.changed_at, f.member_id,
    f.followed_up_at, f.followed_up_by, f.follow_up_note, f.version,
    o.number AS order_number, o.channel, o.body->'order'->>'cashierName' AS cashier_name, o.paid_at, d.device_code
  FROM feedback f
  LEFT JOIN orders o ON f.linked_at IS NOT NULL AND o.store_id = f.store_id AND o.id = f.order_id
  LEFT JOIN devices d ON d.id = o.device_id`;

/** Customers' answers go down to the store's tills; a manager's follow-up mark comes back up. */
export const feedbackDomain: PlatformDomain<'feedback', 'feedback.followed_up'> = {
  streams: {
    feedback: {
      query: `${feedbackRowsSql} WHERE f.store_id = $1 AND f.version > $2 ORDER BY f.version LIMIT $3`,
      head: '(SELECT COALESCE(max(version), 0) FROM feedback WHERE store_id = $1)',
      change: (row: FeedbackRow) => ({ id: row.order_id, version: String(row.version), data: answerOfColumns(row) }),
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
