import type { Database } from 'better-sqlite3';
import type { MutationResult, PushResponse } from '../../../shared/sync/wire';
import { namedStatements } from '../db/open-database';
import { writeAckedSeq } from './sync-records';

const statements = namedStatements({
  record: `UPDATE outbox SET state = @state, result = @result, result_code = @code, result_message = @message,
    result_params = @params, acked_at = @now WHERE seq = @seq`,
});

/**
 * Records what the platform answered and how far it has everything, in one transaction: after a
 * crash the till either still holds the batch as unsent (and the platform answers the resend from
 * what it stored) or holds every result.
 */
export function applyPushResponse(db: Database, response: PushResponse, now: number): { needsAttention: number } {
  return db.transaction(() => {
    const q = statements(db);
    let needsAttention = 0;
    for (const result of response.results) {
      const failed = result.status === 'REJECTED' || result.status === 'CONFLICT';
      if (failed) needsAttention += 1;
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
    return { needsAttention };
  })();
}

function codeOf(result: MutationResult): string | null {
  return result.status === 'REJECTED' || result.status === 'CONFLICT' ? result.code : null;
}

function messageOf(result: MutationResult): string | null {
  return result.status === 'REJECTED' || result.status === 'CONFLICT' ? result.message : null;
}
