import { RiskLimits, type VoucherPolicy } from '../../shared/vouchers/campaign';
import { reserveVoucherVersions } from '../data/versions';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';

/** A store's number and offline risk limits, as its tills pull them. */
export async function storePolicy(db: Queryable, storeId: string): Promise<VoucherPolicy> {
  const [row] = /^[0-9a-f-]{36}$/i.test(storeId)
    ? await db.query<{ number: number; limits: unknown }>(
        `SELECT s.number, p.limits FROM stores s JOIN voucher_policies p ON p.store_id = s.id WHERE s.id = $1`,
        [storeId],
      )
    : [];
  if (!row) throw new ApiError(404, 'store_unknown');
  return { storeNumber: row.number, limits: RiskLimits.parse(row.limits) };
}

/** Replaces the limits the operator names; the others keep their values. */
export async function setStoreLimits(sql: Sql, storeId: string, limits: Partial<RiskLimits>): Promise<VoucherPolicy> {
  return sql.transaction(async (tx) => {
    const current = await storePolicy(tx, storeId);
    const next = RiskLimits.parse({ ...current.limits, ...limits });
    const version = await reserveVoucherVersions(tx, 1);
    await tx.query('UPDATE voucher_policies SET limits = $2::jsonb, version = $3 WHERE store_id = $1', [
      storeId,
      JSON.stringify(next),
      version,
    ]);
    return { storeNumber: current.storeNumber, limits: next };
  });
}

export type LossEvent = {
  id: string;
  /** Another redemption took the voucher first, or a member rule the platform could not honour. */
  reason: 'conflict' | 'member_rule';
  voucherId: string;
  storeId: string;
  storeName: string;
  deviceId: string;
  amount: number;
  decidedAt: number;
  recordedAt: number;
  /** A conflict's winner; null for a member rule. */
  winner: { redemptionId: string; storeId: string; storeName: string; at: number } | null;
  /** A member rule's refusal as the push answered it, and the member the sale named; null for a conflict. */
  refusal: { code: string; params: Record<string, string | number> } | null;
  memberId: string | null;
};

type LossRow = {
  id: string;
  reason: LossEvent['reason'];
  voucher_id: string;
  store_id: string;
  store_name: string;
  device_id: string;
  amount: number;
  decided_at: number;
  recorded_at: number;
  winner_redemption_id: string | null;
  winner_store_id: string | null;
  winner_store_name: string | null;
  winner_at: number | null;
  refusal: LossEvent['refusal'];
  member_id: string | null;
};

/** Losses a store took, and those where it held the winning redemption: both sides see each one. */
export async function lossEvents(db: Queryable, storeId: string): Promise<LossEvent[]> {
  const rows = await db.query<LossRow>(
    `SELECT l.*, s.name AS store_name, w.name AS winner_store_name FROM loss_events l
     JOIN stores s ON s.id = l.store_id LEFT JOIN stores w ON w.id = l.winner_store_id
     WHERE l.store_id = $1 OR l.winner_store_id = $1 ORDER BY l.recorded_at, l.id`,
    [storeId],
  );
  return rows.map((row) => ({
    id: row.id,
    reason: row.reason,
    voucherId: row.voucher_id,
    storeId: row.store_id,
    storeName: row.store_name,
    deviceId: row.device_id,
    amount: row.amount,
    decidedAt: row.decided_at,
    recordedAt: row.recorded_at,
    winner:
      row.winner_redemption_id === null || row.winner_store_id === null || row.winner_at === null
        ? null
        : {
            redemptionId: row.winner_redemption_id,
            storeId: row.winner_store_id,
            storeName: row.winner_store_name ?? '',
            at: row.winner_at,
          },
    refusal: row.refusal,
    memberId: row.member_id,
  }));
}
