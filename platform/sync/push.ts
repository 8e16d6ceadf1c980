import { type MutationType, mutationPayloads } from '../../shared/sync/mutations';
import type { AuditHead, PushMutation, PushRequest } from '../../shared/sync/wire';
import { type Queryable, type Sql, sqlState } from '../db/sql';
import { zodDetail } from '../errors';
import type { ErrorCode, MessageParams } from '../messages';
import { type ApplyContext, appliers } from './apply';

/** A result before its message is put into the caller's language. */
export type PushResult = {
  seq: number;
  id: string;
  status: 'APPLIED' | 'DUPLICATE' | 'REJECTED' | 'CONFLICT';
  code?: ErrorCode;
  params?: MessageParams;
};

export type PushOutcome = {
  ackSeq: number;
  results: PushResult[];
  expectedSeq: number | null;
  auditHead: AuditHead | null;
  /** Whether anything was applied, so long polls of the store should look again. */
  changed: boolean;
};

type Outcome = Pick<PushResult, 'status' | 'code' | 'params'>;

type BatchState = ApplyContext & { appliedIds: Set<string> };

const idKey = (type: string, id: string) => `${type} ${id}`;

/**
 * PROTOCOL.md, Push: per device the sequence is gapless. A seq already stored gets its stored
 * answer; a gap stops the batch and names the seq expected; the next seq is applied (or refused,
 * which still advances it so one poison record never blocks the queue). The whole batch is one
 * transaction holding the device row, so the results, last_seq and the applied records agree.
 */
export async function processPush(sql: Sql, context: ApplyContext, request: PushRequest, now: number) {
  return sql.transaction(async (tx): Promise<PushOutcome> => {
    const [device] = await tx.query<{ last_seq: number; audit_head: AuditHead | null }>(
      'SELECT last_seq, audit_head FROM devices WHERE id = $1 FOR UPDATE',
      [context.deviceId],
    );
    const state: BatchState = { ...context, appliedIds: await appliedIds(tx, context.storeId, request.mutations) };
    let lastSeq = device.last_seq;
    let expectedSeq: number | null = null;
    let changed = false;
    const results: PushResult[] = [];
    for (const mutation of request.mutations) {
      if (mutation.seq <= lastSeq) {
        results.push(await storedResult(tx, context, mutation));
        continue;
      }
      if (mutation.seq > lastSeq + 1) {
        expectedSeq = lastSeq + 1;
        break;
      }
      const outcome = await applyOne(tx, state, mutation);
      await storeResult(tx, context, mutation, outcome, now);
      results.push({ seq: mutation.seq, id: mutation.id, ...outcome });
      lastSeq = mutation.seq;
      changed ||= outcome.status === 'APPLIED';
    }
    const auditHead = request.auditHead ?? device.audit_head;
    await tx.query('UPDATE devices SET last_seq = $2, audit_head = $3::jsonb WHERE id = $1', [
      context.deviceId,
      lastSeq,
      auditHead === null ? null : JSON.stringify(auditHead),
    ]);
    return { ackSeq: lastSeq, results, expectedSeq, auditHead, changed };
  });
}

/** The batch's ids already applied in this store, fetched once instead of once per mutation. */
async function appliedIds(tx: Queryable, storeId: string, mutations: PushMutation[]): Promise<Set<string>> {
  if (mutations.length === 0) return new Set();
  const rows = await tx.query<{ type: string; mutation_id: string }>(
    `SELECT type, mutation_id FROM mutation_results
     WHERE store_id = $1 AND mutation_id = ANY($2::uuid[]) AND status = 'APPLIED'`,
    [storeId, mutations.map((mutation) => mutation.id)],
  );
  return new Set(rows.map((row) => idKey(row.type, row.mutation_id)));
}

async function storedResult(tx: Queryable, context: ApplyContext, mutation: PushMutation): Promise<PushResult> {
  const [row] = await tx.query<{
    mutation_id: string;
    status: Outcome['status'];
    code: ErrorCode | null;
    params: MessageParams | null;
  }>(
    'SELECT mutation_id, status, code, params FROM mutation_results WHERE store_id = $1 AND device_id = $2 AND seq = $3',
    [context.storeId, context.deviceId, mutation.seq],
  );
  if (!row) throw new Error(`mutation result for seq ${mutation.seq} of device ${context.deviceId} is missing`);
  // The same seq with another id is not a retry: a backup was restored and reused numbers.
  if (row.mutation_id !== mutation.id) {
    return {
      seq: mutation.seq,
      id: mutation.id,
      status: 'CONFLICT',
      code: 'seq_reused',
      params: { seq: mutation.seq },
    };
  }
  return {
    seq: mutation.seq,
    id: mutation.id,
    status: row.status,
    code: row.code ?? undefined,
    params: row.params ?? undefined,
  };
}

async function applyOne(tx: Queryable, state: BatchState, mutation: PushMutation): Promise<Outcome> {
  const parsed = mutationPayloads[mutation.type].safeParse(mutation.payload);
  if (!parsed.success)
    return { status: 'REJECTED', code: 'payload_invalid', params: { detail: zodDetail(parsed.error) } };
  const key = idKey(mutation.type, mutation.id);
  if (state.appliedIds.has(key)) return { status: 'DUPLICATE' };
  // A savepoint per mutation: a refusal or a value the database cannot hold undoes this one only.
  await tx.query('SAVEPOINT mutation');
  let outcome: Outcome;
  try {
    const refusal = await applyPayload(tx, state, mutation.type, parsed.data);
    outcome = refusal ? { status: 'REJECTED', code: refusal.code, params: refusal.params } : { status: 'APPLIED' };
  } catch (error) {
    const code = sqlState(error);
    // Class 22 is a value PostgreSQL cannot hold (a NUL character, a 30 February): the record's fault.
    if (code === null || !code.startsWith('22')) throw error;
    outcome = { status: 'REJECTED', code: 'payload_invalid', params: { detail: 'a value cannot be stored' } };
  }
  if (outcome.status === 'REJECTED') await tx.query('ROLLBACK TO SAVEPOINT mutation');
  else state.appliedIds.add(key);
  await tx.query('RELEASE SAVEPOINT mutation');
  return outcome;
}

function applyPayload(tx: Queryable, context: ApplyContext, type: MutationType, payload: unknown) {
  const apply = appliers[type] as (
    tx: Queryable,
    context: ApplyContext,
    payload: unknown,
  ) => ReturnType<(typeof appliers)[MutationType]>;
  return apply(tx, context, payload);
}

async function storeResult(
  tx: Queryable,
  context: ApplyContext,
  mutation: PushMutation,
  outcome: Outcome,
  now: number,
) {
  await tx.query(
    `INSERT INTO mutation_results (store_id, device_id, seq, mutation_id, type, status, code, params, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
    [
      context.storeId,
      context.deviceId,
      mutation.seq,
      mutation.id,
      mutation.type,
      outcome.status,
      outcome.code ?? null,
      outcome.params ? JSON.stringify(outcome.params) : null,
      now,
    ],
  );
}
