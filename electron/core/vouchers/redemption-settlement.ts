import type { Database } from 'better-sqlite3';
import type { InternalAuditAction } from '../../../shared/audit/audit-words';
import { uuidv7 } from '../../../shared/ids';
import type { MessageParams } from '../../../shared/sync/platform-messages';
import type { MutationResult } from '../../../shared/sync/wire';
import type { RedemptionState } from '../../../shared/vouchers/redemption-state';
import { namedStatements } from '../db/open-database';
import { auditSystem } from '../sync/pairing';
import { type RedemptionRecord, readRedemption } from './redemption-records';

/**
 * What the platform's answer to a pushed `voucher.redeemed` or `voucher.reversed` means for the
 * redemption here (PROTOCOL.md, Redemption (terminal)). Runs inside the push response's
 * transaction, so the outbox result, the redemption's state, its loss event and the audit entry are
 * saved together or not at all.
 */
export type SettlementEnv = { db: Database; auditKey: Buffer; deviceId: string; now: number };

export type SettledMutation = { type: 'voucher.redeemed' | 'voucher.reversed'; id: string; payload: string };

type RedemptionRow = RedemptionRecord;

/** A redemption the platform has not yet answered for. */
const awaitingStates: readonly RedemptionState[] = ['LOCAL_PENDING', 'UNKNOWN', 'OFFLINE_PROVISIONAL'];
const open = `(${awaitingStates.map((state) => `'${state}'`).join(', ')})`;

const statements = namedStatements({
  confirm: `UPDATE redemptions SET state = CASE WHEN state IN ${open} THEN 'CONFIRMED' ELSE state END,
      settled_at = COALESCE(settled_at, @now) WHERE id = @id`,
  lose: `UPDATE redemptions SET state = 'CONFLICT_LOST', settled_at = @now, refusal_code = @code,
      refusal_params = @params, conflict_store = @store, conflict_at = @at WHERE id = @id`,
  recordRefusal: 'UPDATE redemptions SET refusal_code = @code, refusal_params = @params WHERE id = @id',
  lossEvent: `INSERT INTO loss_events (id, redemption_id, voucher_id, amount, device_id, decided_at, lost_at,
      winner_store, winner_at)
    VALUES (@id, @redemptionId, @voucherId, @amount, @deviceId, @decidedAt, @lostAt, @winnerStore, @winnerAt)
    ON CONFLICT (redemption_id) DO NOTHING`,
  reversed: `UPDATE redemptions SET state = 'REVERSED', settled_at = COALESCE(settled_at, @now),
      reversed_by_refund = COALESCE(reversed_by_refund, @refundId), refusal_code = NULL, refusal_params = NULL
    WHERE id = @id AND state IN ('CONFIRMED', 'REVERSED', 'LOCAL_PENDING', 'UNKNOWN', 'OFFLINE_PROVISIONAL')`,
  reversalRefused: `UPDATE redemptions SET state = 'CONFIRMED', refusal_code = @code, refusal_params = @params,
      reversed_by_refund = NULL WHERE id = @id AND state IN ('REVERSED', 'CONFIRMED') AND refusal_code IS NULL`,
});

/** True when a redemption's state or record moved, so the screens showing it refresh. */
export function settleRedemption(env: SettlementEnv, mutation: SettledMutation, result: MutationResult): boolean {
  switch (mutation.type) {
    case 'voucher.redeemed':
      return settleRedeemed(env, mutation.id, result);
    case 'voucher.reversed':
      return settleReversed(env, JSON.parse(mutation.payload) as { redemptionId?: string; refundId?: string }, result);
    default: {
      const unreachable: never = mutation.type;
      throw new Error(`not a voucher mutation: ${String(unreachable)}`);
    }
  }
}

function settleRedeemed(env: SettlementEnv, redemptionId: string, result: MutationResult): boolean {
  const q = statements(env.db);
  const row = readRedemption(env.db, redemptionId);
  if (!row) return false;
  switch (result.status) {
    case 'APPLIED':
    case 'DUPLICATE': {
      if (!awaiting(row.state)) {
        // Confirmed when the hold was taken; the capture only dates the settlement.
        if (row.settled_at === null) q.confirm.run({ id: row.id, now: env.now });
        return row.settled_at === null;
      }
      q.confirm.run({ id: row.id, now: env.now });
      audit(env, 'voucher.confirmed', row, { from: row.state });
      return true;
    }
    case 'CONFLICT':
    case 'REJECTED':
      if (aboutTheVoucher(result.code)) return lose(env, row, result.code, result.params);
      // A refusal of the record, not the voucher (a reused seq after a restore): kept for a person.
      q.recordRefusal.run({
        id: row.id,
        code: result.code,
        params: result.params ? JSON.stringify(result.params) : null,
      });
      audit(env, 'voucher.pushRefused', row, { code: result.code, params: result.params ?? null });
      return true;
    default: {
      const unreachable: never = result;
      throw new Error(`unknown result ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The sale stood (the goods left with the customer) but the voucher did not count: another till
 * reached the platform first, or the platform found it invalid after this till accepted it alone.
 * The voucher's value is a loss until the manager resolves it.
 */
function lose(env: SettlementEnv, row: RedemptionRow, code: string, params: MessageParams | undefined): boolean {
  const q = statements(env.db);
  const paramsJson = params ? JSON.stringify(params) : null;
  if (row.state === 'CONFLICT_LOST' || row.state === 'RESOLVED') return false;
  // A hold confirmed online but whose capture failed lost the voucher with the goods gone, too.
  if (!awaiting(row.state) && row.state !== 'CONFIRMED') {
    // Given back already (the order was refunded): the platform's word is kept, no loss arises.
    q.recordRefusal.run({ id: row.id, code, params: paramsJson });
    audit(env, 'voucher.refused', row, { code, params: params ?? null });
    return true;
  }
  const winner = winnerOf(params, env.now);
  q.lose.run({ id: row.id, now: env.now, code, params: paramsJson, store: winner.store, at: winner.at });
  q.lossEvent.run({
    id: uuidv7(env.now),
    redemptionId: row.id,
    voucherId: row.voucher_id,
    amount: row.amount,
    deviceId: env.deviceId,
    decidedAt: row.decided_at,
    lostAt: env.now,
    winnerStore: winner.store ?? '',
    winnerAt: winner.at ?? env.now,
  });
  audit(env, 'voucher.conflictLost', row, {
    from: row.state,
    code,
    amount: row.amount,
    winnerStore: winner.store,
    winnerAt: winner.at,
  });
  return true;
}

function settleReversed(
  env: SettlementEnv,
  payload: { redemptionId?: string; refundId?: string },
  result: MutationResult,
): boolean {
  const q = statements(env.db);
  const row = payload.redemptionId ? readRedemption(env.db, payload.redemptionId) : null;
  if (!row) return false;
  switch (result.status) {
    case 'APPLIED':
    case 'DUPLICATE': {
      const moved = q.reversed.run({ id: row.id, now: env.now, refundId: payload.refundId ?? null }).changes > 0;
      if (moved && row.state !== 'REVERSED') audit(env, 'voucher.reversed', row, { from: row.state });
      return moved;
    }
    case 'CONFLICT':
    case 'REJECTED': {
      // The platform never took this redemption (it refused it): there was nothing to give back.
      if (result.code === 'redemption_not_found') return false;
      // The refund stands; the voucher stays used, and the manager is shown why.
      const params = result.params ? JSON.stringify(result.params) : null;
      const moved = q.reversalRefused.run({ id: row.id, code: result.code, params }).changes > 0;
      audit(env, 'voucher.reversalRefused', row, { from: row.state, code: result.code, params: result.params ?? null });
      return moved;
    }
    default: {
      const unreachable: never = result;
      throw new Error(`unknown result ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Refusals that say the voucher did not count: the sale stood without it, so its value is lost. */
function aboutTheVoucher(code: string): boolean {
  return (
    code.startsWith('voucher_') ||
    code === 'redemption_conflict_lost' ||
    code === 'token_superseded' ||
    code === 'customer_limit' ||
    // The platform re-judged an offline decision and did not accept it (issue 13).
    code === 'offline_redemption_not_allowed' ||
    code === 'offline_redemption_refused' ||
    code === 'claimed_time_invalid' ||
    // More off than the voucher gives.
    code === 'request_invalid'
  );
}

function awaiting(state: RedemptionState): boolean {
  return awaitingStates.includes(state);
}

function audit(
  env: SettlementEnv,
  action: InternalAuditAction,
  row: RedemptionRow,
  detail: Record<string, unknown>,
): void {
  auditSystem({ db: env.db, auditKey: env.auditKey, clock: () => env.now }, action, `redemption:${row.id}`, {
    voucherId: row.voucher_id,
    ...detail,
  });
}

/** Who won, as the platform put it: a store name and unix ms (or a time it wrote out). */
function winnerOf(params: MessageParams | undefined, now: number): { store: string | null; at: number | null } {
  const store = params?.store;
  const at = params?.at;
  return {
    store: typeof store === 'string' ? store : store && typeof store === 'object' ? store.zh : null,
    at: typeof at === 'number' ? at : typeof at === 'string' ? timeOf(at, now) : null,
  };
}

function timeOf(text: string, now: number): number {
  if (/^\d{10,16}$/.test(text)) return Number(text);
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? now : parsed;
}
