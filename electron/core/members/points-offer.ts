import type { PointsOffer } from '../../../shared/contract/members';
import { mostRedeemable } from '../../../shared/members/points';
import type { Handlers } from '../handler-context';
import { cachedMember } from './member-cache';
import { cachedPointsRules } from './points-sync';
import { offlineOffer, offlineSpendable } from './points-tender';

/**
 * `members.pointsOffer`: what the payment dialog pre-fills as "Points / 积分抵现" (`mostRedeemable`),
 * from this till's cache; at Pay the core judges the tender again and the platform holds it.
 */
export const pointsOfferHandlers: Pick<Handlers, 'members.pointsOffer'> = {
  'members.pointsOffer': (ctx, input): PointsOffer => {
    const rules = cachedPointsRules(ctx.db);
    const member = cachedMember(ctx.db, input.memberId);
    if (!rules || rules.rules.redemption.kind === 'off' || !member || member.erased === 1) return { kind: 'off' };
    const { blockPoints, blockFen } = rules.rules.redemption;
    const balance = member.points;
    return {
      kind: 'on',
      balance,
      online: mostRedeemable(rules.rules, balance ?? 0, input.due),
      offline: offlineOffer(ctx.db, member.id, input.due),
      allowance: offlineSpendable(ctx.db, member.id),
      blockPoints,
      blockFen,
    };
  },
};
