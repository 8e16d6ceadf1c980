import { z } from 'zod';
import { BusinessDay } from '../business-day';
import { Span } from '../reports/periods';
import { SettlementChannel, SettlementFigures } from '../sync/settlement-wire';
import { method } from './define';
import { ReportRequest } from './sales-report';

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A channel's settlement over some orders: shared/reports/settlement.ts's figures added up, and how many. */
export const SettlementTotals = SettlementFigures.extend({ orders: Count });
export type SettlementTotals = z.infer<typeof SettlementTotals>;

export const SettlementReport = z.object({
  currency: z.string(),
  period: Span,
  /** What was counted: the period up to now when it is still in progress; null when it has not begun. */
  span: Span.nullable(),
  compared: Span.nullable(),
  /** Every platform channel, always in the same order; `earlier` is the compared span's (null: none asked). */
  channels: z.array(
    z.object({ channel: SettlementChannel, current: SettlementTotals, earlier: SettlementTotals.nullable() }),
  ),
  /** Day by day and channel, only days with a platform sale. */
  byDay: z.array(SettlementTotals.extend({ day: BusinessDay, channel: SettlementChannel })),
});
export type SettlementReport = z.infer<typeof SettlementReport>;

/** The figures of one order, on one side. */
const OrderFigures = SettlementFigures;

export const ReconcileDifference = z.discriminatedUnion('kind', [
  /**
   * On this till, not on the statement: the sale still `waiting` to go to the platform, `refused`
   * by it, `sent` (the platform has it but not settled), or `not_queued` (a sample record).
   */
  z.object({
    kind: z.literal('only_till'),
    channel: SettlementChannel,
    orderId: z.string(),
    number: z.string(),
    ref: z.string(),
    queue: z.enum(['waiting', 'refused', 'sent', 'not_queued']),
    till: OrderFigures,
  }),
  /** On the statement, not on this till: recorded at another till of the store, or never received here. */
  z.object({
    kind: z.literal('only_platform'),
    channel: SettlementChannel,
    orderId: z.string(),
    number: z.string(),
    ref: z.string(),
    deviceCode: z.string(),
    platform: OrderFigures,
  }),
  /** On both, with figures that differ: both sides' values. */
  z.object({
    kind: z.literal('amounts'),
    channel: SettlementChannel,
    orderId: z.string(),
    number: z.string(),
    ref: z.string(),
    fields: z.array(z.enum(SettlementFigures.keyof().options)),
    till: OrderFigures,
    platform: OrderFigures,
  }),
]);
export type ReconcileDifference = z.infer<typeof ReconcileDifference>;

export const Reconciliation = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('compared'),
    day: BusinessDay,
    currency: z.string(),
    /** Per channel: this till's figures and the statement's. */
    channels: z.array(z.object({ channel: SettlementChannel, till: SettlementTotals, platform: SettlementTotals })),
    matched: Count,
    differences: z.array(ReconcileDifference),
  }),
  /** The statement could not be had: not paired, the platform out of reach, or it refused (its words). */
  z.object({
    status: z.literal('unavailable'),
    day: BusinessDay,
    reason: z.enum(['not_paired', 'unreachable', 'refused']),
    message: z.string(),
  }),
]);
export type Reconciliation = z.infer<typeof Reconciliation>;

export const settlementMethods = {
  /** Online channels and group-buy per day over any period: gross → store's promotion → commission → settlement. */
  'reports.settlement': method({
    input: ReportRequest,
    output: SettlementReport,
    access: 'reports.view',
    mutates: false,
  }),
  /** One business day of this till against the platform's statement, every difference with its order. */
  'reports.reconcile': method({
    input: z.object({ day: BusinessDay }),
    output: Reconciliation,
    access: 'reports.view',
    mutates: false,
  }),
};
