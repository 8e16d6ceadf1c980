import type { Database } from 'better-sqlite3';
import type { OrderCoupon } from '../../../shared/contract/orders';
import type { RedemptionState } from '../../../shared/contract/vouchers';
import type { ErrorParams } from '../../../shared/errors';
import type { VoucherType } from '../../../shared/vouchers/cp1';
import { namedStatements } from '../db/open-database';

export type RedemptionRecord = {
  id: string;
  voucher_id: string;
  campaign_id: number;
  campaign_name: string;
  type: VoucherType;
  code: string;
  amount: number;
  state: RedemptionState;
  mode: 'online' | 'offline';
  order_id: string | null;
  staff_id: string;
  business_day: string;
  decided_at: number;
  settled_at: number | null;
  refusal_code: string | null;
  refusal_params: string | null;
  conflict_store: string | null;
  conflict_at: number | null;
  resolution: 'absorbed' | 'recovered' | 'written_off' | null;
  resolved_by: string | null;
  resolved_at: number | null;
  resolution_note: string | null;
  reversed_by_refund: string | null;
};

export type NewRedemption = {
  id: string;
  voucherId: string;
  campaignId: number;
  campaignName: string;
  type: VoucherType;
  code: string;
  amount: number;
  state: RedemptionState;
  mode: 'online' | 'offline';
  orderId: string | null;
  staffId: string;
  businessDay: string;
  decidedAt: number;
  refusalCode: string | null;
  refusalParams: ErrorParams | null;
};

/** States in which the voucher counts as used by this till (a refund or a refusal frees it). */
const usedStates = "('LOCAL_PENDING', 'CONFIRMED', 'UNKNOWN', 'OFFLINE_PROVISIONAL', 'CONFLICT_LOST', 'RESOLVED')";

/** The states the partial index `redemptions_open` covers (migration 0004). */
export const openStates = "('OFFLINE_PROVISIONAL', 'CONFLICT_LOST', 'UNKNOWN', 'LOCAL_PENDING')";

const statements = namedStatements({
  // A refused attempt may be tried again with the same redemption id (the idempotency key is kept
  // through retries); only such a REJECTED row is ever overwritten.
  upsert: `INSERT INTO redemptions (id, voucher_id, campaign_id, campaign_name, type, code, amount, state, mode,
      order_id, staff_id, business_day, decided_at, refusal_code, refusal_params)
    VALUES (@id, @voucherId, @campaignId, @campaignName, @type, @code, @amount, @state, @mode, @orderId, @staffId,
      @businessDay, @decidedAt, @refusalCode, @refusalParams)
    ON CONFLICT (id) DO UPDATE SET voucher_id = excluded.voucher_id, campaign_id = excluded.campaign_id,
      campaign_name = excluded.campaign_name, type = excluded.type, code = excluded.code, amount = excluded.amount,
      state = excluded.state, mode = excluded.mode, order_id = excluded.order_id, staff_id = excluded.staff_id,
      business_day = excluded.business_day, decided_at = excluded.decided_at, refusal_code = excluded.refusal_code,
      refusal_params = excluded.refusal_params
    WHERE redemptions.state = 'REJECTED'`,
  byId: 'SELECT * FROM redemptions WHERE id = ?',
  usedByVoucher: `SELECT * FROM redemptions WHERE voucher_id = ? AND state IN ${usedStates}
    ORDER BY decided_at DESC LIMIT 1`,
  ofOrder: 'SELECT * FROM redemptions WHERE order_id = ? ORDER BY decided_at, id',
  // The newest redemption the platform answered for (held online, or settled by the sync); walks
  // the time index from the end, so it stays fast however long the history grows.
  lastAnswered: `SELECT coalesce((SELECT decided_at FROM redemptions WHERE mode = 'online' OR settled_at IS NOT NULL
      ORDER BY decided_at DESC LIMIT 1), 0)`,
  consecutiveSince: `SELECT count(*) FROM redemptions WHERE mode = 'offline' AND decided_at > ?
      AND state IN ${usedStates}`,
  // The repeated IN list lets SQLite use the partial index of open states (it cannot infer it).
  unconfirmed: `SELECT count(*) AS count, coalesce(sum(amount), 0) AS value FROM redemptions
    WHERE state = 'OFFLINE_PROVISIONAL' AND state IN ${openStates}`,
  losses: `SELECT count(*) AS count, coalesce(sum(amount), 0) AS value FROM redemptions
    WHERE state = 'CONFLICT_LOST' AND state IN ${openStates}`,
});

/** Writes an attempt; false when the id already holds a decided (not refused) redemption. */
export function writeRedemption(db: Database, r: NewRedemption): boolean {
  const result = statements(db).upsert.run({
    ...r,
    refusalParams: r.refusalParams ? JSON.stringify(r.refusalParams) : null,
  });
  return result.changes > 0;
}

export function readRedemption(db: Database, id: string): RedemptionRecord | null {
  return (statements(db).byId.get(id) as RedemptionRecord | undefined) ?? null;
}

/** This till's own use of a voucher, which its deny list cannot know about until the platform says. */
export function usedHere(db: Database, voucherId: string): RedemptionRecord | null {
  return (statements(db).usedByVoucher.get(voucherId) as RedemptionRecord | undefined) ?? null;
}

export function redemptionsOfOrder(db: Database, orderId: string): RedemptionRecord[] {
  return statements(db).ofOrder.all(orderId) as RedemptionRecord[];
}

export function toOrderCoupon(r: RedemptionRecord): OrderCoupon {
  return {
    redemptionId: r.id,
    voucherId: r.voucher_id,
    campaignName: r.campaign_name,
    type: r.type,
    amount: r.amount as OrderCoupon['amount'],
    state: r.state,
  };
}

/** The till's offline exposure as the risk limits count it. */
export function offlineCounters(db: Database): { consecutive: number; unconfirmed: number; unconfirmedCount: number } {
  const q = statements(db);
  const since = q.lastAnswered.pluck().get() as number;
  const consecutive = q.consecutiveSince.pluck().get(since) as number;
  const open = q.unconfirmed.get() as { count: number; value: number };
  return { consecutive, unconfirmed: open.value, unconfirmedCount: open.count };
}

export function lossTotals(db: Database): { count: number; value: number } {
  return statements(db).losses.get() as { count: number; value: number };
}
