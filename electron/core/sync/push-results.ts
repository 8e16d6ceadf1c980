import type { Database } from 'better-sqlite3';
import type { AppEvent } from '../../../shared/contract';
import { MutationType } from '../../../shared/sync/mutations';
import type { MutationResult, PushResponse } from '../../../shared/sync/wire';
import { namedStatements } from '../db/open-database';
import { writeAckedSeq } from './sync-records';
import type { OutboxRow, PushContext } from './till-domain';
import { tillMutations } from './till-sync';

const statements = namedStatements({
  mutation: 'SELECT seq, id, type, payload, created_at, acked_at FROM outbox WHERE seq = ?',
  record: `UPDATE outbox SET state = @state, result = @result, result_code = @code, result_message = @message,
    result_params = @params, acked_at = @now WHERE seq = @seq`,
});

type MutationRow = OutboxRow & { acked_at: number | null };

/**
 * Records what the platform answered and how far it has everything, in one transaction: after a
 * crash the till either still holds the batch as unsent (and the platform answers the resend from
 * what it stored) or holds every result. A record type that settles a local record on the answer
 * (a redemption) does so in the same transaction; `moved` counts those, `told` is what the screens
 * hear of them.
 */
export function applyPushResponse(
  db: Database,
  response: PushResponse,
  now: number,
  context: PushContext,
): { needsAttention: number; moved: number; told: AppEvent[] } {
  return db.transaction(() => {
    const q = statements(db);
    let needsAttention = 0;
    let moved = 0;
    const told = new Map<AppEvent['type'], AppEvent>();
    for (const result of response.results) {
      const failed = result.status === 'REJECTED' || result.status === 'CONFLICT';
      if (failed) needsAttention += 1;
      const row = q.mutation.get(result.seq) as MutationRow | undefined;
      // A result already recorded (the answer to a resend) has settled its record before.
      const type = row && row.id === result.id && row.acked_at === null ? MutationType.safeParse(row.type) : null;
      const spec = type?.success ? tillMutations[type.data] : null;
      if (row && spec?.settle?.({ db, ...context, now }, row, result)) {
        moved += 1;
        if (spec.settledEvent) told.set(spec.settledEvent.type, spec.settledEvent);
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
    return { needsAttention, moved, told: [...told.values()] };
  })();
}

function codeOf(result: MutationResult): string | null {
  return result.status === 'REJECTED' || result.status === 'CONFLICT' ? result.code : null;
}

function messageOf(result: MutationResult): string | null {
  return result.status === 'REJECTED' || result.status === 'CONFLICT' ? result.message : null;
}
