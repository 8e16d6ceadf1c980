import { z } from 'zod';
import { method } from './define';
import { ReportRequest } from './sales-report';
import { SyncStatus } from './sync';

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * Whether every record of a report's span is in ("data complete as of"): what this till has not yet
 * sent to the platform, when it last heard from it, and whether online orders placed in the span
 * may still arrive.
 */
export const ReportCompleteness = z.object({
  /** The span's sales on this till (as the report counts them). */
  sales: Count,
  /** Of those, not yet acknowledged by the platform. */
  unsentSales: Count,
  /** Refunds of the span's sales or made in the span, not yet acknowledged by the platform. */
  unsentRefunds: Count,
  link: SyncStatus.shape.link,
  /** When the platform last answered this till (a push or a pull); null: never. */
  lastContactAt: z.number().int().nullable(),
  /**
   * Online orders placed in the span may not be here yet: the till is paired but not listening to
   * the platform now, and has not pulled since the span ended.
   */
  onlineMayArrive: z.boolean(),
});
export type ReportCompleteness = z.infer<typeof ReportCompleteness>;

export const reportCompletenessMethods = {
  /** The same request as `reports.sales`; small and fast, so it is asked again whenever the sync moves. */
  'reports.completeness': method({
    input: ReportRequest,
    output: ReportCompleteness,
    access: 'reports.view',
    mutates: false,
  }),
};
