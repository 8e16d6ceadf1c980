import { z } from 'zod';
import { ladderProblem, TierLadder } from '../members/tiers';
import { syncDomain } from './sync-domain';

/**
 * The brand's tier ladder with its benefits (docs/members.md, "Tiers on the till"): one change, the
 * whole ladder, so a tier the operator removed goes with the next change. The till prices a member's
 * sale with their tier's benefits from here; a ladder the rules refuse is refused here too.
 */
export const MemberTiersWire = z.object({
  tiers: TierLadder.refine((ladder) => ladderProblem(ladder) === null, { message: 'the tier ladder is not valid' }),
});
export type MemberTiersWire = z.infer<typeof MemberTiersWire>;

/** Its own domain beside `memberSync`, so the ladder's stream and its tables stay in their own modules. */
export const tierSync = syncDomain({
  streams: {
    member_tiers: { item: MemberTiersWire, words: { en: 'member tiers', 'zh-CN': '会员等级' } },
  },
  mutations: {},
  events: {},
});
