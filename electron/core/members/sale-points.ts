import type { PaymentMethod } from '../../../shared/contract/orders';
import { earningSpend, pointsEarned } from '../../../shared/members/points';
import type { HandlerContext } from '../handler-context';
import type { MemberRow } from './member-cache';
import type { PointsAtSale } from './order-member';
import type { PointsPayment } from './points-payment';
import { cachedPointsRules } from './points-sync';

/**
 * A member's points as the sale finds them (docs/members.md, "The points tender"), kept with the
 * order so every reprint says the same: the balance before — the platform's, from its answer to
 * the hold of this sale's points, else this till's cache — and the points the sale earns by the
 * store's rules as last pulled (the platform credits them by the same rules when the sale reaches
 * it). `offline` when the balance is only as last known here: points spent without the platform's
 * hold, or no contact with the platform.
 */
export function pointsAtSale(
  ctx: HandlerContext,
  member: MemberRow,
  spent: PointsPayment | null,
  payments: readonly { method: PaymentMethod; amount: number }[],
): PointsAtSale {
  const held = ctx.online.points.kind === 'held' ? ctx.online.points.hold : null;
  const rules = cachedPointsRules(ctx.db);
  const known = spent ? (spent.holdId ? 'online' : 'offline') : ctx.sync.online ? 'online' : 'offline';
  return {
    before: held && spent?.holdId ? held.balance : member.points,
    earned: rules ? pointsEarned(rules.rules, earningSpend(payments)) : null,
    known,
  };
}
