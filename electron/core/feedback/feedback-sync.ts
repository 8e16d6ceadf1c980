import type { TillDomain } from '../sync/till-domain';
import { applyAnswer } from './feedback-records';

/**
 * The store's customer answers come down as upserts by order; a manager's follow-up mark goes up
 * whole as it was stored at enqueue (it is kept nowhere else as a record).
 */
export const feedbackTill: TillDomain<'feedback', 'feedback.followed_up'> = {
  streams: {
    feedback: {
      apply: (db, answer, { version, now }) => {
        applyAnswer(db, answer, version, now);
        return false;
      },
      told: () => [{ type: 'feedback.changed' }],
    },
  },
  mutations: {
    'feedback.followed_up': { payload: (_db, row) => JSON.parse(row.payload) },
  },
  payloadSql: {},
};
