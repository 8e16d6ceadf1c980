import { z } from 'zod';
import { PointsLiability } from '../members/points-liability';
import { MemberReport } from '../members/segment-wire';
import { method } from './define';
import { ReportRequest } from './sales-report';

/** A report the platform computes, as this till fetched it or could not (docs/reports.md, "Members"). */
function platformReportView<T extends z.ZodTypeAny>(report: T) {
  /** The platform's figures and when this till fetched them. */
  const Fetched = z.object({ report, fetchedAt: z.number().int() });
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('fetched'), ...Fetched.shape }),
    /**
     * The platform could not be asked (not paired, out of reach, or it refused): why, in the reader's
     * words, and the same span's figures as last fetched, if this till ever fetched them.
     */
    z.object({
      status: z.literal('unavailable'),
      reason: z.enum(['not_paired', 'unreachable', 'refused']),
      message: z.string(),
      last: Fetched.nullable(),
    }),
  ]);
}

export const MemberReportView = platformReportView(MemberReport);
export type MemberReportView = z.infer<typeof MemberReportView>;

export const PointsLiabilityView = platformReportView(PointsLiability);
export type PointsLiabilityView = z.infer<typeof PointsLiabilityView>;

export const memberReportMethods = {
  /** Members over the period (docs/reports.md, "Members"): computed on the platform from every channel. */
  'reports.members': method({
    input: ReportRequest,
    output: MemberReportView,
    access: 'reports.view',
    mutates: false,
  }),
  /** The points liability per business day of the period (docs/reports.md, "Points liability"), from the platform. */
  'reports.pointsLiability': method({
    input: ReportRequest,
    output: PointsLiabilityView,
    access: 'reports.view',
    mutates: false,
  }),
};
