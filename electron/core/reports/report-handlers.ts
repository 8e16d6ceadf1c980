import type { Handlers } from '../handler-context';
import { requireStore } from '../store/store-records';
import { reportStoringFacts } from './day-facts';
import { daySummary } from './day-summary';
import { itemsReport } from './items-report';
import { orderLinesPage } from './order-lines-export';
import { salesReport } from './sales-report';

export const reportHandlers = {
  'reports.day': (ctx, input) => {
    const store = requireStore(ctx.db, ctx.now);
    return daySummary(ctx.db, input.businessDay ?? store.businessDay, store.currency);
  },
  'reports.sales': (ctx, input) =>
    reportStoringFacts(ctx.db, (built) => salesReport(ctx.db, input, requireStore(ctx.db, ctx.now), ctx.now, built)),
  'reports.items': (ctx, input) =>
    reportStoringFacts(ctx.db, (built) => itemsReport(ctx.db, input, requireStore(ctx.db, ctx.now), ctx.now, built)),
  'reports.orderLines': (ctx, input) => orderLinesPage(ctx.db, input),
} satisfies Partial<Handlers>;
