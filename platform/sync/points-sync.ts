import type { StorePointsRules } from '../../shared/members/points-rules-wire';
import { applyPointsSpent } from '../members/points-spend';
import type { PlatformDomain } from './platform-domain';

type RulesRow = { rules: StorePointsRules['rules']; offline_cap: number; version: number };

/** Points (docs/members.md): each store's rules down, the points spent at its counters up. */
export const pointsDomain: PlatformDomain<'points_rules', 'points.spent'> = {
  streams: {
    points_rules: {
      query: `SELECT rules, offline_cap, version FROM points_rules
           WHERE store_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
      head: '(SELECT COALESCE(max(version), 0) FROM points_rules WHERE store_id = $1)',
      change: (row: RulesRow) => ({
        id: 'store',
        version: String(row.version),
        data: { rules: row.rules, offlineCap: Number(row.offline_cap) },
      }),
    },
  },
  mutations: {
    'points.spent': { apply: applyPointsSpent, wakes: 'store' },
  },
};
