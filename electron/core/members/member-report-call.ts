import { MemberReport } from '../../../shared/members/segment-wire';
import type { Handlers } from '../handler-context';
import { requireStore } from '../store/store-records';
import { platformReport, reportDays } from './platform-report';

/** Reports → Members: the platform's member figures for the period's days (docs/reports.md, "Members"). */
export const memberReport = platformReport({
  method: 'reports.members',
  table: 'member_reports',
  answer: MemberReport,
  path: (days) => `/v1/sync/member-report?firstDay=${days.firstDay}&lastDay=${days.lastDay}`,
});

/** The dispatch makes no platform round trip (counter-core.ts): `call` fetches the figures first. */
export const memberReportHandlers = {
  'reports.members': (ctx, input) => {
    const days = reportDays(input, requireStore(ctx.db, ctx.now), ctx.now);
    return memberReport.unavailable(ctx.db, days, ctx.locale, ctx.sync.link, null);
  },
} satisfies Partial<Handlers>;
