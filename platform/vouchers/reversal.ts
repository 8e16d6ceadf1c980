import type { RedemptionResponse } from '../../shared/vouchers/redemption-wire';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { campaignById } from './campaigns';
import { type Device, type RedemptionRow, redemptionById, storeRedemption, toRedemptionWire } from './redemptions';
import { lockVoucher, setDenial } from './vouchers';

/**
 * Gives the voucher back: a capture within the campaign's reversal window, or a hold at any time.
 * Reversing what is already reversed or released changes nothing. The window is judged at the
 * refund (`refundedAt`, the till's record of it) when that came first: a till that refunded in time
 * but synced late still gives the voucher back.
 */
export async function reverseRedemption(
  tx: Queryable,
  row: RedemptionRow,
  nowMs: number,
  refundedAt: number = nowMs,
): Promise<{ ok: true; row: RedemptionRow } | { ok: false; error: ApiError }> {
  const voucher = await lockVoucher(tx, row.voucher_id);
  const current = (await redemptionById(tx, row.id)) as RedemptionRow;
  if (current.state === 'HELD') {
    await tx.query(`UPDATE redemptions SET state = 'RELEASED', ended_at = $2 WHERE id = $1`, [row.id, nowMs]);
    await tx.query(`UPDATE vouchers SET state = 'ACTIVE' WHERE id = $1 AND state = 'HELD'`, [voucher.id]);
  } else if (current.state === 'CAPTURED') {
    const hours = (await campaignById(tx, current.campaign_id)).rules.reversalWindowHours;
    if (Math.min(nowMs, refundedAt) > (current.captured_at ?? current.created_at) + hours * 3_600_000) {
      return { ok: false, error: new ApiError(409, 'reversal_window_passed', { hours }) };
    }
    await tx.query(`UPDATE redemptions SET state = 'REVERSED', ended_at = $2 WHERE id = $1`, [row.id, nowMs]);
    // A disputed voucher stays disputed: giving it back would let the dispute be redeemed again.
    if (voucher.state === 'REDEEMED') {
      await tx.query(`UPDATE vouchers SET state = 'ACTIVE' WHERE id = $1`, [voucher.id]);
      await setDenial(tx, voucher.id, 'redeemed', false, nowMs);
    }
  }
  return { ok: true, row: (await redemptionById(tx, row.id)) as RedemptionRow };
}

export async function reverseById(sql: Sql, device: Device, id: string, nowMs: number): Promise<RedemptionResponse> {
  return sql.transaction(async (tx) => {
    const row = await storeRedemption(tx, device.storeId, id);
    const outcome = await reverseRedemption(tx, row, nowMs);
    if (!outcome.ok) throw outcome.error;
    return { redemption: toRedemptionWire(outcome.row), replayed: false };
  });
}
