import type { Handlers } from '../handler-context';
import { requireStore } from '../store/store-records';
import { daySummary } from './day-summary';
import { itemsReport } from './items-report';
import { salesReport } from './sales-report';

export const reportHandlers = {
  'reports.day': (ctx, input) => {
    const store = requireStore(ctx.db, ctx.now);
    return daySummary(ctx.db, input.businessDay ?? store.businessDay, store.currency);
  },
  'reports.sales': (ctx, input) => salesReport(ctx.db, input, requireStore(ctx.db, ctx.now), ctx.now),
  'reports.items': (ctx, input) => itemsReport(ctx.db, input, requireStore(ctx.db, ctx.now), ctx.now),
} satisfies Partial<Handlers>;
