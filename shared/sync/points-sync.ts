import { z } from 'zod';
import { MemberId, OrderId, PointsMovementId } from '../ids';
import { memberCeilings } from '../members/member-limits';
import { StorePointsRules } from '../members/points-rules-wire';
import { syncDomain } from './sync-domain';

/**
 * Points that paid part of a sale (积分抵现), pushed behind the sale's `order.paid` from the same
 * transaction. `holdId`: the platform held them before the sale was written and the push captures
 * the hold; null with `provisional`: decided offline within the store's offline cap, and honoured
 * if the balance allows, a loss (CONFLICT `points_spend_lost`) otherwise.
 */
export const PointsSpentPayload = z.object({
  movementId: PointsMovementId,
  memberId: MemberId,
  orderId: OrderId,
  points: z.number().int().min(1).max(memberCeilings.points),
  holdId: PointsMovementId.nullable(),
  provisional: z.boolean(),
  decidedAt: z.number().int().min(0),
});
export type PointsSpentPayload = z.infer<typeof PointsSpentPayload>;

/**
 * Points (docs/members.md, "Points"): each store's rules come down (one item, id `store`); points
 * spent at the counter go up. Earning and reversal need no record of their own: the platform
 * credits and reverses them when it applies the sale and its refunds.
 */
export const pointsSync = syncDomain({
  streams: {
    points_rules: { item: StorePointsRules, words: { en: 'points rules', 'zh-CN': '积分规则' } },
  },
  mutations: {
    'points.spent': PointsSpentPayload,
  },
  events: {
    'points.changed': ['members.', 'orders.', 'sync.'],
  },
});
