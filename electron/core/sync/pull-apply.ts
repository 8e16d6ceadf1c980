import type { Database } from 'better-sqlite3';
import { pullStreams } from '../../../shared/sync/sync-domains';
import type { PullResponse, PullStream, StreamItem } from '../../../shared/sync/wire';
import { auditSystem } from './pairing';
import { writeCursor } from './sync-records';
import { tillStreams } from './till-sync';

/** What one page of a stream changed here, for the audit entry and the screens. */
export type PullOutcome = { applied: number; placed: number; skipped: { id: string; reason: string }[] };

type Change = PullResponse['changes'][number];

/**
 * Applies one page as idempotent upserts and moves the stream's cursor in the same transaction,
 * so a crash replays the page rather than skipping it. A change this till cannot take (a barcode a
 * local product already owns, say) is skipped and named in the audit entry, never blocking the
 * stream, unless the stream is strict (`till-domain.ts`).
 */
export function applyPulledPage(
  db: Database,
  auditKey: Buffer,
  stream: PullStream,
  page: PullResponse,
  now: number,
): PullOutcome {
  return db.transaction((): PullOutcome => {
    const outcome: PullOutcome = { applied: 0, placed: 0, skipped: [] };
    for (const change of page.changes) {
      try {
        const rings = db.transaction(() => applyChange(db, stream, change, now))();
        outcome.applied += 1;
        if (rings) outcome.placed += 1;
      } catch (error) {
        outcome.skipped.push({ id: change.id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    if (outcome.skipped.length > 0 && tillStreams[stream].strict) {
      throw new Error(`${stream} change ${outcome.skipped[0].id} not applied: ${outcome.skipped[0].reason}`);
    }
    writeCursor(db, stream, page.nextCursor, now);
    if (page.changes.length > 0) {
      auditSystem({ db, auditKey, clock: () => now }, `sync.pull.${stream}`, `stream:${stream}`, {
        applied: outcome.applied,
        cursor: page.nextCursor,
        skipped: outcome.skipped.slice(0, 20),
      });
    }
    return outcome;
  })();
}

/** The change read as its stream's item, then taken by the stream's domain; true when it rings. */
function applyChange<S extends PullStream>(db: Database, stream: S, change: Change, now: number): boolean {
  const item = pullStreams[stream].item.parse(change.data) as StreamItem<S>;
  return tillStreams[stream].apply(db, item, { version: change.version, now });
}
