import type { Database } from 'better-sqlite3';
import { StorePointsRules } from '../../../shared/members/points-rules-wire';
import { namedStatements } from '../db/open-database';
import type { TillDomain } from '../sync/till-domain';

/**
 * The store's points rules are one small document, kept in `meta` beside the other one-row
 * settings of the till; they go with the pairing (another platform's rules mean nothing here).
 */
const RULES_KEY = 'points_rules';

const statements = namedStatements({
  get: 'SELECT value FROM meta WHERE key = ?',
  set: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  forget: 'DELETE FROM meta WHERE key = ?',
});

/** The store's points rules as last pulled; null before the platform sent any (no earning, no redeeming). */
export function cachedPointsRules(db: Database): StorePointsRules | null {
  const value = statements(db).get.pluck().get(RULES_KEY) as string | undefined;
  if (value === undefined) return null;
  const parsed = StorePointsRules.safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : null;
}

/**
 * Points (docs/members.md, "Points at the counter"): the rules come down; a spend goes up whole as
 * written in the sale's transaction (the platform must see what was decided then).
 */
export const pointsTill: TillDomain<'points_rules', 'points.spent'> = {
  streams: {
    points_rules: {
      strict: true,
      told: () => [{ type: 'points.changed' }],
      toldAfterPull: true,
      apply: (db, rules) => {
        statements(db).set.run(RULES_KEY, JSON.stringify(rules));
        return false;
      },
      forget: (db) => statements(db).forget.run(RULES_KEY),
    },
  },
  mutations: {
    'points.spent': { payload: (_db, row) => JSON.parse(row.payload) },
  },
  payloadSql: {},
};
