import type { Handlers } from '../handler-context';
import { requireStore } from '../store/store-records';
import { refuseDayToReconcile, unavailable } from './reconcile-call';
import { settlementReport } from './settlement-report';

export const settlementHandlers = {
  'reports.settlement': (ctx, input) => settlementReport(ctx.db, input, requireStore(ctx.db, ctx.now), ctx.now),
  // The dispatch makes no platform round trip (counter-core.ts): `call` fetches the statement first.
  'reports.reconcile': (ctx, input) => {
    refuseDayToReconcile(input.day, requireStore(ctx.db, ctx.now).businessDay);
    return unavailable(input.day, ctx.locale, ctx.sync.link, null);
  },
} satisfies Partial<Handlers>;
