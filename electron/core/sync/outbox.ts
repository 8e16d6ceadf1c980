import type { Database } from 'better-sqlite3';
import type { MutationType } from '../../../shared/sync/mutations';
import { namedStatements } from '../db/open-database';

/** What the terminal tells the platform: PROTOCOL.md's mutation types. */
export type OutboxType = MutationType;

const statements = namedStatements({
  insert: `INSERT INTO outbox (id, type, payload, created_at) VALUES (@id, @type, @payload, @now)`,
  lastSeq: 'SELECT MAX(seq) FROM outbox',
});

/** The newest queued seq: the core compares it around a call to know whether to wake the sync. */
export function lastOutboxSeq(db: Database): number {
  return (statements(db).lastSeq.pluck().get() as number | null) ?? 0;
}

/**
 * Queues a record for the platform in the caller's transaction, so a sale and its sync record are
 * saved together or not at all. `id` is the business id, the platform's idempotency key. Records
 * that never change (orders, refunds, closed shifts) are read when sent; a payload carries only
 * what is stored nowhere else.
 */
export function enqueue(db: Database, entry: { id: string; type: OutboxType; payload?: unknown; now: number }): void {
  const payload = JSON.stringify(entry.payload ?? {});
  statements(db).insert.run({ id: entry.id, type: entry.type, payload, now: entry.now });
}
