import type { TillDomain } from '../sync/till-domain';
import { cacheLadder, forgetLadder } from './tier-cache';

/**
 * The brand's tier ladder (docs/members.md, "Tiers on the till"). Strict: a ladder skipped would
 * price members' sales by the ladder before it until the operator changed it again.
 */
export const tierTill: TillDomain<'member_tiers', never> = {
  streams: {
    member_tiers: {
      told: () => [{ type: 'members.changed' as const }],
      toldAfterPull: true,
      strict: true,
      apply: (db, { tiers }) => {
        cacheLadder(db, tiers);
        return false;
      },
      forget: forgetLadder,
    },
  },
  mutations: {},
  payloadSql: {},
};
