import { checkRedemption, type RedemptionRefusal } from '../../shared/members/points';
import { readStorePointsRules, type StorePointsRules } from '../../shared/members/points-rules-wire';
import type { ErrorCode } from '../../shared/sync/platform-messages';
import { requireStore } from '../data/stores';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { reserveMemberVersions } from './member-versions';

type RulesRow = { rules: StorePointsRules['rules']; offline_cap: number };

/** The store's points rules, or null when it has none (it earns and redeems nothing). */
export async function readPointsRules(db: Queryable, storeId: string): Promise<StorePointsRules | null> {
  const [row] = await db.query<RulesRow>('SELECT rules, offline_cap FROM points_rules WHERE store_id = $1', [storeId]);
  return row ? { rules: row.rules, offlineCap: row.offline_cap } : null;
}

/**
 * The operator sets a store's points rules (`members points-rules`, `PUT /v1/admin/stores/{id}/points-rules`):
 * each wrong field refused by name; the store's tills take the new rules on their next pull.
 */
export async function setPointsRules(
  sql: Sql,
  storeId: string,
  input: unknown,
  now: number,
): Promise<StorePointsRules> {
  const read = readStorePointsRules(input);
  if (!read.ok) throw new ApiError(400, read.problem.code as ErrorCode, read.problem.params);
  return sql.transaction(async (tx) => {
    await requireStore(tx, storeId);
    const version = await reserveMemberVersions(tx, 1);
    await tx.query(
      `INSERT INTO points_rules (store_id, rules, offline_cap, updated_at, version) VALUES ($1, $2::jsonb, $3, $4, $5)
       ON CONFLICT (store_id) DO UPDATE SET rules = excluded.rules, offline_cap = excluded.offline_cap,
         updated_at = excluded.updated_at, version = excluded.version`,
      [storeId, JSON.stringify(read.value.rules), read.value.offlineCap, now, version],
    );
    return read.value;
  });
}

/**
 * Whether the store's rules let an order take `points` (docs/members.md): the store takes points,
 * in whole blocks, within the fewest and most an order may use. The share of the order's due is the
 * till's to check: the platform does not have the cart.
 */
export function storeRedemptionRefusal(
  store: StorePointsRules | null,
  points: number,
): Pick<RedemptionRefusal, 'code' | 'params'> | null {
  if (!store) return { code: 'points_redeem_off', params: {} };
  const check = checkRedemption(store.rules, { points, spendable: points, due: Number.MAX_SAFE_INTEGER });
  return check.ok ? null : check.refusal;
}
