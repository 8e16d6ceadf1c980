import type { Database } from 'better-sqlite3';
import { MutationType } from '../../../shared/sync/mutations';
import type { PushMutation } from '../../../shared/sync/wire';
import { namedStatements } from '../db/open-database';
import type { OutboxRow } from './till-domain';
import { tillMutations, tillPayloadSql } from './till-sync';

/**
 * Every statement sending the queue runs: the queue itself, and what each record type's payload
 * reads. Exported for the query-plan test: sending the queue must never scan the ledger.
 */
export const outboxPayloadSql = {
  after: 'SELECT seq, id, type, payload, created_at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?',
  ...tillPayloadSql,
};

const statements = namedStatements({ after: outboxPayloadSql.after });

/**
 * The next records past `seq`, as the push body carries them. Each record type's domain builds its
 * payload (`till-sync.ts`): most are read from the immutable local records the outbox names, so a
 * record is written once (by the sale) and read when sent.
 */
export function readUnsent(db: Database, afterSeq: number, limit: number): PushMutation[] {
  const rows = statements(db).after.all(afterSeq, limit) as OutboxRow[];
  return rows.map((row) => {
    const type = MutationType.parse(row.type);
    return { seq: row.seq, id: row.id, type, payload: tillMutations[type].payload(db, row), createdAt: row.created_at };
  });
}
