import type { Database } from 'better-sqlite3';
import type { MutationResult, PushResponse } from '../../../shared/sync/wire';
import { namedStatements } from '../db/open-database';
import { settleRedemption } from '../vouchers/redemption-settlement';
import { writeAckedSeq } from './sync-records';

const statements = namedStatements({
  mutation: 'SELECT id, type, payload, acked_at FROM outbox WHERE seq = ?',
  record: `UPDATE outbox SET state = @state, result = @result, result_code = @code, result_message = @message,
    result_params = @params, acked_at = @now WHERE seq = @seq`,
});

/** Who this till is on the platform, for the audit entries and loss events a push result writes. */
export type PushContext = { auditKey: Buffer; deviceId: string };

type MutationRow = { id: string; type: string; payload: string; acked_at: number | null };

/**
 * Records what the platform answered and how far it has everything, in one transaction: after a
 * crash the till either still holds the batch as unsent (and the platform answers the resend from
 * what it stored) or holds every result. A voucher mutation's answer settles its redemption in the
 * same transaction.
 */
export function applyPushResponse(
  db: Database,
  response: PushResponse,
  now: number,
  context: PushContext,
): { needsAttention: number; vouchersMoved: number } {
  return db.transaction(() => {
    const q = statements(db);
    let needsAttention = 0;
    let vouchersMoved = 0;
    for (const result of response.results) {
      const failed = result.status === 'REJECTED' || result.status === 'CONFLICT';
      if (failed) needsAttention += 1;
      const row = q.mutation.get(result.seq) as MutationRow | undefined;
      // A result already recorded (the answer to a resend) has settled its redemption before.
      if (row && row.id === result.id && row.acked_at === null) {
        if (row.type === 'voucher.redeemed' || row.type === 'voucher.reversed') {
          const mutation = { type: row.type, id: row.id, payload: row.payload } as const;
          if (settleRedemption({ db, ...context, now }, mutation, result)) vouchersMoved += 1;
        }
      }
      q.record.run({
        seq: result.seq,
        state: failed ? 'rejected' : 'sent',
        result: result.status,
        code: codeOf(result),
        message: messageOf(result),
        params: failed && result.params ? JSON.stringify(result.params) : null,
        now,
      });
    }
    // The platform's count is the truth: lower than ours means it lost work (restored from a
    // backup) and the next push sends it again.
    writeAckedSeq(db, response.ackSeq);
    return { needsAttention, vouchersMoved };
  })();
}

function codeOf(result: MutationResult): string | null {
  return result.status === 'REJECTED' || result.status === 'CONFLICT' ? result.code : null;
}

function messageOf(result: MutationResult): string | null {
  return result.status === 'REJECTED' || result.status === 'CONFLICT' ? result.message : null;
}
