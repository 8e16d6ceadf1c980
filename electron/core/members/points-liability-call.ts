import { PointsLiability } from '../../../shared/members/points-liability';
import type { Handlers } from '../handler-context';
import { requireStore } from '../store/store-records';
import { platformReport, reportDays } from './platform-report';

/**
 * The points liability per business day of the period (docs/reports.md, "Points liability"),
 * computed on the platform from the brand's journal; the store's cut-off places the movements that
 * have no sale of their own (expiry, adjustments) on its days.
 */
export const pointsLiabilityReport = platformReport({
  method: 'reports.pointsLiability',
  table: 'points_liability_reports',
  answer: PointsLiability,
  path: (days, store) =>
    `/v1/sync/points-liability?firstDay=${days.firstDay}&lastDay=${days.lastDay}&cutoffHour=${store.dayCutoffHour}`,
});

/** The dispatch makes no platform round trip (counter-core.ts): `call` fetches the figures first. */
export const pointsLiabilityHandlers = {
  'reports.pointsLiability': (ctx, input) => {
    const days = reportDays(input, requireStore(ctx.db, ctx.now), ctx.now);
    return pointsLiabilityReport.unavailable(ctx.db, days, ctx.locale, ctx.sync.link, null);
  },
} satisfies Partial<Handlers>;
