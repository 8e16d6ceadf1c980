import { createHmac } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AuditAction } from '../../../shared/audit/audit-words';
import type { AuditVerdict } from '../../../shared/contract/audit';
import { namedStatements } from '../db/open-database';

export type AuditRecord = {
  at: number;
  /** Typed so that every action written has words in the log (shared/audit/audit-words.ts). */
  action: AuditAction;
  staffId: string | null;
  staffName: string | null;
  approverId: string | null;
  approverName: string | null;
  subject: string | null;
  detail: unknown;
};

/** As stored: an entry may name an action an older build wrote. */
export type StoredAuditRecord = Omit<AuditRecord, 'action' | 'detail'> & { action: string };

const genesis = '0'.repeat(64);

const statements = namedStatements({
  head: 'SELECT seq, hash FROM audit_head WHERE singleton = 1',
  insert: `INSERT INTO audit_log (seq, at, action, staff_id, staff_name, approver_id, approver_name,
             subject, detail, prev_hash, hash)
           VALUES (@seq, @at, @action, @staffId, @staffName, @approverId, @approverName,
             @subject, @detail, @prevHash, @hash)`,
  setHead: `INSERT INTO audit_head (singleton, seq, hash) VALUES (1, @seq, @hash)
            ON CONFLICT (singleton) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
  all: 'SELECT * FROM audit_log ORDER BY seq',
  storeExists: 'SELECT 1 FROM store LIMIT 1',
  page: `SELECT * FROM audit_log WHERE seq < @beforeSeq ORDER BY seq DESC LIMIT @limit`,
});

type AuditRow = {
  seq: number;
  at: number;
  action: string;
  staff_id: string | null;
  staff_name: string | null;
  approver_id: string | null;
  approver_name: string | null;
  subject: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
};

/**
 * Keyed with a secret derived from the device secret, which lives outside the database: someone
 * holding only the database file cannot rewrite history and recompute a chain that verifies.
 */
export function auditKey(deviceSecret: Buffer): Buffer {
  return createHmac('sha256', deviceSecret).update('counter audit chain v1').digest();
}

function entryHash(key: Buffer, prevHash: string, seq: number, record: StoredAuditRecord, detail: string) {
  const fields = [
    seq,
    record.at,
    record.action,
    record.staffId,
    record.staffName,
    record.approverId,
    record.approverName,
    record.subject,
    detail,
  ];
  return createHmac('sha256', key).update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

/** Appends inside the caller's transaction, so the entry commits with the change it describes. */
export function appendAudit(db: Database, key: Buffer, record: AuditRecord): { seq: number; hash: string } {
  const q = statements(db);
  const head = q.head.get() as { seq: number; hash: string } | undefined;
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? genesis;
  const detail = JSON.stringify(record.detail ?? null);
  const hash = entryHash(key, prevHash, seq, record, detail);
  q.insert.run({ ...record, seq, detail, prevHash, hash });
  q.setHead.run({ seq, hash });
  return { seq, hash };
}

export function verifyAudit(db: Database, key: Buffer): AuditVerdict {
  const q = statements(db);
  let expectedSeq = 1;
  let prevHash = genesis;
  for (const row of q.all.iterate() as IterableIterator<AuditRow>) {
    if (row.seq !== expectedSeq) return { ok: false, entries: expectedSeq - 1, problem: 'missing', atSeq: expectedSeq };
    const recomputed = entryHash(key, prevHash, row.seq, fromRow(row), row.detail);
    if (row.prev_hash !== prevHash || row.hash !== recomputed) {
      return { ok: false, entries: expectedSeq - 1, problem: 'edited', atSeq: row.seq };
    }
    prevHash = row.hash;
    expectedSeq += 1;
  }
  const last = expectedSeq - 1;
  // Setting up a store writes the first entry, so a set-up store with no history lost all of it.
  if (last === 0 && q.storeExists.get()) return { ok: false, entries: 0, problem: 'truncated', atSeq: 1 };
  const head = q.head.get() as { seq: number; hash: string } | undefined;
  if (head && head.seq > last) return { ok: false, entries: last, problem: 'truncated', atSeq: last + 1 };
  if ((head?.hash ?? genesis) !== prevHash || (head?.seq ?? 0) !== last) {
    return { ok: false, entries: last, problem: 'edited', atSeq: head?.seq ?? last };
  }
  return { ok: true, entries: last, head: prevHash };
}

function fromRow(row: AuditRow): StoredAuditRecord {
  return {
    at: row.at,
    action: row.action,
    staffId: row.staff_id,
    staffName: row.staff_name,
    approverId: row.approver_id,
    approverName: row.approver_name,
    subject: row.subject,
  };
}

export function listAudit(
  db: Database,
  beforeSeq: number | undefined,
  limit: number,
): (StoredAuditRecord & { seq: number; detail: unknown })[] {
  const rows = statements(db).page.all({
    beforeSeq: beforeSeq ?? Number.MAX_SAFE_INTEGER,
    limit,
  }) as AuditRow[];
  return rows.map((row) => ({ seq: row.seq, ...fromRow(row), detail: JSON.parse(row.detail) }));
}
