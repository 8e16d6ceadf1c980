import type { Handlers } from '../handler-context';
import { requireStore } from '../store/store-records';
import { daySummary } from './day-summary';

export const reportHandlers = {
  'reports.day': (ctx, input) => {
    const store = requireStore(ctx.db, ctx.now);
    return daySummary(ctx.db, input.businessDay ?? store.businessDay, store.currency);
  },
} satisfies Partial<Handlers>;
