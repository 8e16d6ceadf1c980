import { type MutationType, mutationPayloads, type PayloadOf } from '../../shared/sync/mutations';
import type { ErrorCode, MessageParams } from '../../shared/sync/platform-messages';
import type { AuditHead, PushMutation, PushRequest } from '../../shared/sync/wire';
import { lockStore } from '../data/versions';
import { type Queryable, type Sql, sqlState } from '../db/sql';
import { zodDetail } from '../errors';
import { orderPaidRefusal } from './order-checks';
import type { Applier, ApplyContext } from './platform-domain';
import { platformMutations } from './platform-sync';
import { insertSales } from './sale-sync';

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

type Fresh = { mutation: PushMutation; outcome: Outcome };
type Batch = { lastSeq: number; expectedSeq: number | null; results: PushResult[]; fresh: Fresh[] };
type BatchState = ApplyContext & {
  appliedIds: Set<string>;
  careful: boolean;
  /** Plain sales the fast pass holds back to write together; written before anything else is applied. */
  pendingSales: PayloadOf<'order.paid'>[];
};

const idKey = (type: string, id: string) => `${type} ${id}`;

/** Thrown by the fast pass when a mutation needs to be undone on its own. */
class NeedsCarefulPass extends Error {}

/**
 * PROTOCOL.md, Push: per device the sequence is gapless. A seq already stored gets its stored
 * answer; a gap stops the batch and names the seq expected; the next seq is applied (or refused,
 * which still advances it so one poison record never blocks the queue). The whole batch is one
 * transaction holding the device row, so the results, last_seq and the applied records agree.
 */
export async function processPush(
  sql: Sql,
  signed: { deviceId: string; storeId: string },
  request: PushRequest,
  now: number,
) {
  return sql.transaction(async (tx): Promise<PushOutcome> => {
    const [device] = await tx.query<{
      last_seq: number;
      audit_head: AuditHead | null;
      last_pull_at: number | null;
      currency: string;
    }>(
      `SELECT d.last_seq, d.audit_head, d.last_pull_at, s.currency FROM devices d JOIN stores s ON s.id = d.store_id
       WHERE d.id = $1 FOR UPDATE OF d`,
      [signed.deviceId],
    );
    const context: ApplyContext = {
      ...signed,
      now,
      currency: device.currency,
      window: { lastPullAt: device.last_pull_at, now },
    };
    // After the device row, the store row: writers of one store queue here, and the ids applied
    // below cannot change under this batch.
    await lockStore(tx, context.storeId);
    const applied = await appliedIds(tx, context.storeId, request.mutations);
    const run = (careful: boolean) =>
      runBatch(
        tx,
        { ...context, appliedIds: new Set(applied), careful, pendingSales: [] },
        request.mutations,
        device.last_seq,
      );
    // Almost every batch applies cleanly, so it first runs without a savepoint per mutation; only
    // a batch holding a record to refuse is rolled back and run again, each mutation on its own.
    await tx.query('SAVEPOINT batch');
    let batch: Batch;
    try {
      batch = await run(false);
    } catch (error) {
      if (!(error instanceof NeedsCarefulPass)) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT batch');
      batch = await run(true);
    }
    await tx.query('RELEASE SAVEPOINT batch');
    await storeResults(tx, context, batch.fresh, now);
    const auditHead = request.auditHead ?? device.audit_head;
    await tx.query('UPDATE devices SET last_seq = $2, audit_head = $3::jsonb WHERE id = $1', [
      context.deviceId,
      batch.lastSeq,
      auditHead === null ? null : JSON.stringify(auditHead),
    ]);
    const changed = batch.fresh.some((item) => item.outcome.status === 'APPLIED' || item.outcome.status === 'CONFLICT');
    return { ackSeq: batch.lastSeq, results: batch.results, expectedSeq: batch.expectedSeq, auditHead, changed };
  });
}

async function runBatch(tx: Queryable, state: BatchState, mutations: PushMutation[], lastSeq: number): Promise<Batch> {
  const batch: Batch = { lastSeq, expectedSeq: null, results: [], fresh: [] };
  for (const mutation of mutations) {
    if (mutation.seq <= batch.lastSeq) {
      // A seq sent twice in one batch is answered from this batch; its result is not stored yet.
      const earlier = batch.fresh.find((item) => item.mutation.seq === mutation.seq);
      batch.results.push(earlier ? answerAgain(earlier, mutation) : await storedResult(tx, state, mutation));
      continue;
    }
    if (mutation.seq > batch.lastSeq + 1) {
      batch.expectedSeq = batch.lastSeq + 1;
      break;
    }
    const outcome = await applyOne(tx, state, mutation);
    batch.fresh.push({ mutation, outcome });
    batch.results.push({ seq: mutation.seq, id: mutation.id, ...outcome });
    batch.lastSeq = mutation.seq;
  }
  await flushSales(tx, state);
  return batch;
}

async function flushSales(tx: Queryable, state: BatchState): Promise<void> {
  const sales = state.pendingSales.splice(0);
  try {
    await insertSales(tx, state, sales);
  } catch (error) {
    throw isBadValue(error) ? new NeedsCarefulPass() : error;
  }
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

/** The answer already given to a seq, or CONFLICT when it now comes with another id. */
function answerFor(seq: number, storedId: string, stored: Outcome, mutation: PushMutation): PushResult {
  // The same seq with another id is not a retry: a backup was restored and reused numbers.
  if (storedId !== mutation.id) {
    return { seq, id: mutation.id, status: 'CONFLICT', code: 'seq_reused', params: { seq } };
  }
  return { seq, id: mutation.id, ...stored };
}

function answerAgain(earlier: Fresh, mutation: PushMutation): PushResult {
  return answerFor(mutation.seq, earlier.mutation.id, earlier.outcome, mutation);
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
  const stored: Outcome = { status: row.status, code: row.code ?? undefined, params: row.params ?? undefined };
  return answerFor(mutation.seq, row.mutation_id, stored, mutation);
}

async function applyOne(tx: Queryable, state: BatchState, mutation: PushMutation): Promise<Outcome> {
  const parsed = mutationPayloads[mutation.type].safeParse(mutation.payload);
  if (!parsed.success)
    return { status: 'REJECTED', code: 'payload_invalid', params: { detail: zodDetail(parsed.error) } };
  const key = idKey(mutation.type, mutation.id);
  if (state.appliedIds.has(key)) return { status: 'DUPLICATE' };
  const outcome = state.careful
    ? await applyAlone(tx, state, mutation.type, parsed.data)
    : await applyFast(tx, state, mutation.type, parsed.data);
  if (outcome.status === 'APPLIED') state.appliedIds.add(key);
  return outcome;
}

/** Class 22 is a value PostgreSQL cannot hold (a NUL character, a 30 February): the record's fault. */
const isBadValue = (error: unknown) => sqlState(error)?.startsWith('22') ?? false;

async function applyFast(tx: Queryable, state: BatchState, type: MutationType, payload: unknown): Promise<Outcome> {
  const sale = type === 'order.paid' ? (payload as PayloadOf<'order.paid'>) : null;
  // A sale for an online order or a member goes through its applier: it moves more than the sale.
  if (sale && sale.order.onlineOrderId === null && !sale.order.memberId) {
    // A sale the checks refuse is refused by the careful pass, through the applier.
    if (orderPaidRefusal(sale, state.currency, state.window)) throw new NeedsCarefulPass();
    state.pendingSales.push(sale);
    return { status: 'APPLIED' };
  }
  // Anything else may depend on a sale held back (a refund of it): write those first.
  await flushSales(tx, state);
  let refusal: Awaited<ReturnType<typeof applyPayload>>;
  try {
    refusal = await applyPayload(tx, state, type, payload);
  } catch (error) {
    throw isBadValue(error) ? new NeedsCarefulPass() : error;
  }
  // A conflict keeps its writes (the loss it records); a refusal may follow writes of its own,
  // and only the careful pass can undo this mutation alone.
  if (refusal?.conflict) return { status: 'CONFLICT', code: refusal.code, params: refusal.params };
  if (refusal) throw new NeedsCarefulPass();
  return { status: 'APPLIED' };
}

/** In a savepoint of its own: a refusal or a value the database cannot hold undoes this one only. */
async function applyAlone(tx: Queryable, state: BatchState, type: MutationType, payload: unknown): Promise<Outcome> {
  await tx.query('SAVEPOINT mutation');
  let outcome: Outcome;
  try {
    const refusal = await applyPayload(tx, state, type, payload);
    outcome = !refusal
      ? { status: 'APPLIED' }
      : { status: refusal.conflict ? 'CONFLICT' : 'REJECTED', code: refusal.code, params: refusal.params };
  } catch (error) {
    if (!isBadValue(error)) throw error;
    outcome = { status: 'REJECTED', code: 'payload_invalid', params: { detail: 'a value cannot be stored' } };
  }
  if (outcome.status === 'REJECTED') await tx.query('ROLLBACK TO SAVEPOINT mutation');
  await tx.query('RELEASE SAVEPOINT mutation');
  return outcome;
}

function applyPayload(tx: Queryable, context: ApplyContext, type: MutationType, payload: unknown) {
  // The payload was parsed with this type's schema just before: the applier gets what it declares.
  const apply = platformMutations[type].apply as Applier<MutationType>;
  return apply(tx, context, payload as PayloadOf<MutationType>);
}

/** The answers of this batch's new seqs, in one statement. */
async function storeResults(
  tx: Queryable,
  context: ApplyContext,
  fresh: { mutation: PushMutation; outcome: Outcome }[],
  now: number,
) {
  if (fresh.length === 0) return;
  const rows = fresh.map(({ mutation, outcome }) => ({
    seq: mutation.seq,
    id: mutation.id,
    type: mutation.type,
    status: outcome.status,
    code: outcome.code ?? null,
    params: outcome.params ?? null,
  }));
  await tx.query(
    `INSERT INTO mutation_results (store_id, device_id, seq, mutation_id, type, status, code, params, received_at)
     SELECT $1, $2, seq, id, type, status, code, params, $4
     FROM jsonb_to_recordset($3::jsonb) AS x(seq bigint, id uuid, type text, status text, code text, params jsonb)`,
    [context.storeId, context.deviceId, JSON.stringify(rows), now],
  );
}
