import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../../../shared/ids';
import { type HandlerContext, type Handlers, requireSession } from '../handler-context';
import { requireStore } from '../store/store-records';
import { enqueue } from '../sync/outbox';
import { markFollowedUp, readFeedback } from './feedback-records';
import { feedbackReport } from './feedback-report';

function requireFeedback(ctx: HandlerContext, orderId: string) {
  const row = readFeedback(ctx.db, orderId);
  if (!row) throw new AppError('not_found', { what: { en: 'customer answer', 'zh-CN': '顾客评价' } });
  return row;
}

export const feedbackHandlers = {
  'reports.feedback': (ctx, input) => feedbackReport(ctx.db, input, requireStore(ctx.db, ctx.now), ctx.now),

  'feedback.followUp': (ctx, input) => {
    const before = requireFeedback(ctx, input.orderId);
    const by = requireSession(ctx).name;
    const mark = input.done ? { at: ctx.now, by, note: input.note } : null;
    markFollowedUp(ctx.db, input.orderId, mark, ctx.now);
    enqueue(ctx.db, {
      id: uuidv7(ctx.now),
      type: 'feedback.followed_up',
      payload: { orderId: input.orderId, done: input.done, at: ctx.now, by, note: mark?.note ?? '' },
      now: ctx.now,
    });
    ctx.describe(`feedback:${input.orderId}`, { before: before.followUp, after: mark, score: before.score });
    ctx.emit({ type: 'feedback.changed' });
    return requireFeedback(ctx, input.orderId);
  },
} satisfies Partial<Handlers>;
