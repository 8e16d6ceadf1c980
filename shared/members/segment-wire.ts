import { z } from 'zod';
import { BusinessDay } from '../business-day';
import { memberCeilings } from './member-limits';
import { RecencyBands, storeTypes } from './segments';

const Count = z.number().int().min(0).max(memberCeilings.population);
const Fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const valueSegments = ['high', 'mid', 'low'] as const;
export const recencyBandNames = ['active', 'sleeping', 'churned', 'lost'] as const;

/** A store's recency bands: its type's preset, or the operator's own (docs/members.md, "Segments"). */
export const StoreSegmentSettings = z.object({
  storeType: z.enum(storeTypes),
  bands: RecencyBands,
  /** False while the store has no row of its own and takes the restaurant preset. */
  chosen: z.boolean(),
});
export type StoreSegmentSettings = z.infer<typeof StoreSegmentSettings>;

/** The operator sets a store's type, and optionally bands of its own (else the type's preset). */
export const StoreSegmentInput = z.object({
  storeType: z.enum(storeTypes),
  bands: RecencyBands.nullable().default(null),
});
export type StoreSegmentInput = z.infer<typeof StoreSegmentInput>;

/** `GET /v1/sync/member-report?firstDay&lastDay` (a till, signed): the store's member figures. */
export const MemberReportQuery = z.object({ firstDay: BusinessDay, lastDay: BusinessDay });
export type MemberReportQuery = z.infer<typeof MemberReportQuery>;

/** Members and their sales at this store in the span: a cell of the grid, a cohort's month, a total. */
const MembersAndSales = z.object({ members: Count, sales: Fen });

export const MemberReport = z.object({
  firstDay: BusinessDay,
  lastDay: BusinessDay,
  /** Epoch ms on the platform: recency is counted to this moment. */
  asOf: z.number().int(),
  /** The last scoring run's time, null before the first. */
  scoredAt: z.number().int().nullable(),
  settings: StoreSegmentSettings,
  /**
   * Value × recency: the members who have bought at this store up to the span's last day, by their
   * value segment (last scoring run) and recency band (this store's bands, now), with their sales
   * here in the span. Every one of the twelve cells, value high → low, band active → lost.
   */
  grid: z
    .array(
      MembersAndSales.extend({
        value: z.enum(valueSegments),
        band: z.enum(recencyBandNames),
      }),
    )
    .length(12),
  /** Members of the store's base not scored yet (their first sale came after the last run). */
  unscored: MembersAndSales,
  period: z.object({
    /** Members with at least one order here in the span; of them, new (first purchase anywhere in the span) and returning. */
    members: Count,
    newMembers: Count,
    returningMembers: Count,
    /** Members with two or more orders here in the span. */
    repeatMembers: Count,
    memberOrders: Count,
    memberSales: Fen,
    /** Every sale of the store in the span, with or without a member. */
    storeOrders: Count,
    storeSales: Fen,
  }),
  /**
   * By month of first purchase (anywhere): the members who made it and bought here that month, and
   * of them how many bought here again 1 to 6 months later; null for a month after the span.
   */
  cohorts: z
    .array(
      z.object({
        month: z.string().regex(/^\d{4}-\d{2}$/),
        members: Count,
        retained: z.array(Count.nullable()).length(6),
      }),
    )
    .max(12),
});
export type MemberReport = z.infer<typeof MemberReport>;

/** Members with ≥ 2 orders ÷ members with ≥ 1, in basis points; null without members. */
export function repeatRateBp(period: MemberReport['period']): number | null {
  return period.members === 0 ? null : Math.round((period.repeatMembers * 10_000) / period.members);
}

/** Members' sales ÷ the store's sales, in basis points; null without sales. */
export function memberShareBp(period: MemberReport['period']): number | null {
  return period.storeSales === 0 ? null : Math.round((period.memberSales * 10_000) / period.storeSales);
}

/** Members a campaign may be sent to at once; each treated member's voucher is signed on issue. */
export const MEMBER_CAMPAIGN_MAX = 200_000;

/**
 * Admin: `POST /v1/admin/member-campaigns`. The segment is the scored members (with marketing
 * consent) of the named value segments and recency bands, by the store's bands; `holdoutBp` of them
 * (1 %–50 %) are kept from it by the seed, the rest get a voucher of the coupon campaign.
 */
export const MemberCampaignCreate = z.object({
  name: z.string().trim().min(1).max(80),
  voucherCampaignId: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
  storeId: z.uuid(),
  segment: z.object({
    values: z.array(z.enum(valueSegments)).min(1).max(3),
    bands: z.array(z.enum(recencyBandNames)).min(1).max(4),
  }),
  holdoutBp: z.number().int().min(100).max(5_000),
  seed: z.string().min(1).max(64),
});
export type MemberCampaignCreate = z.infer<typeof MemberCampaignCreate>;

export const MemberCampaignIssued = z.object({
  id: z.number().int(),
  treated: Count,
  holdout: Count,
});
export type MemberCampaignIssued = z.infer<typeof MemberCampaignIssued>;

/** One arm of a campaign over a span: what its members bought, anywhere, in any channel. */
const ArmFigures = z.object({
  members: Count,
  buyers: Count,
  orders: Count,
  sales: Fen,
  /** Sales ÷ members and orders ÷ members ×100, rounded; sales ÷ orders (average ticket). */
  salesPerMember: Fen,
  ordersPerMemberX100: z.number().int().min(0),
  averageTicket: Fen,
});
export type ArmFigures = z.infer<typeof ArmFigures>;

/** Admin: `GET /v1/admin/member-campaigns/{id}/report?firstDay&lastDay`. */
export const MemberCampaignReport = z.object({
  id: z.number().int(),
  name: z.string(),
  firstDay: BusinessDay,
  lastDay: BusinessDay,
  treated: ArmFigures,
  holdout: ArmFigures,
  /** Treated − holdout sales per member (fen), and as a share of the holdout's (bp; null from 0). */
  upliftPerMember: z.number().int(),
  upliftBp: z.number().int().nullable(),
  vouchersRedeemed: Count,
});
export type MemberCampaignReport = z.infer<typeof MemberCampaignReport>;

/** `HH:MM`, a local time of day. */
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** When the platform scores its members by itself (docs/members.md, "Scoring"): once a day, at `at` local time. */
export const ScoringSchedule = z.object({
  at: LocalTime,
  timeZone: z.string(),
  /** The last local day a scheduled run was made for, null before the first. */
  lastDay: BusinessDay.nullable(),
});
export type ScoringSchedule = z.infer<typeof ScoringSchedule>;

/** The operator moves the daily run (`PUT /v1/admin/members/score-schedule`). */
export const ScoringScheduleInput = z.object({ at: z.string().max(5), timeZone: z.string().max(64) });
export type ScoringScheduleInput = z.infer<typeof ScoringScheduleInput>;
