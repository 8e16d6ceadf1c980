import { queueDrawerOpened } from '../carts/till-activity';
import type { Handlers } from '../handler-context';
import { requireStore } from '../store/store-records';

export const drawerHandlers = {
  // The drawer itself is kicked by the receipt printer (a later issue); the record is what matters.
  'drawer.noSale': (ctx, input) => {
    ctx.describe('drawer', { event: 'no_sale', reason: input.reason });
    queueDrawerOpened(ctx, input.reason);
    ctx.emit({ type: 'activity.changed', days: [requireStore(ctx.db, ctx.now).businessDay] });
    return { openedAt: ctx.now, approvedBy: ctx.approver?.name ?? null };
  },
} satisfies Partial<Handlers>;
