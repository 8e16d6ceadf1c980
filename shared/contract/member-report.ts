import { z } from 'zod';
import { MemberReport } from '../members/segment-wire';
import { method } from './define';
import { ReportRequest } from './sales-report';

/** The platform's member figures and when this till fetched them. */
const Fetched = z.object({ report: MemberReport, fetchedAt: z.number().int() });

export const MemberReportView = z.discriminatedUnion('status', [
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
export type MemberReportView = z.infer<typeof MemberReportView>;

export const memberReportMethods = {
  /** Members over the period (docs/reports.md, "Members"): computed on the platform from every channel. */
  'reports.members': method({
    input: ReportRequest,
    output: MemberReportView,
    access: 'reports.view',
    mutates: false,
  }),
};
