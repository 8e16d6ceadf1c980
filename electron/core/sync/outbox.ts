import type { Database } from 'better-sqlite3';
import { namedStatements } from '../db/open-database';

/** What the terminal tells the platform; the sync issue adds the sender, the types stay. */
export type OutboxType = 'order.paid' | 'order.refunded' | 'shift.closed' | 'stock.moved';

const statements = namedStatements({
  insert: `INSERT INTO outbox (id, type, payload, created_at) VALUES (@id, @type, @payload, @now)`,
});

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
