import type { Database } from 'better-sqlite3';
import type { AppEvent } from '../../../shared/contract';
import type { MutationType } from '../../../shared/sync/mutations';
import type { MutationResult, PullStream, StreamItem } from '../../../shared/sync/wire';

/** How this till takes one stream's changes (PROTOCOL.md, Pull). */
export type TillStream<S extends PullStream> = {
  /**
   * One change as an idempotent upsert by its id, inside the page's transaction: a replayed page
   * changes nothing. True when the change should ring (an online order new to this till).
   */
  apply(db: Database, item: StreamItem<S>, change: { version: string; now: number }): boolean;
  /**
   * A change this till cannot take fails the page, which is fetched again on the next pull, instead
   * of being skipped and named in the audit log (a skipped deny-list entry would let a used voucher
   * through offline).
   */
  strict?: true;
  /** What the screens are told when a pull of this stream changed something; `placed` counts changes that rang. */
  told(placed: number): readonly AppEvent[];
  /** Tell those once, after the whole pull, however many streams of the domain changed (the voucher streams). */
  toldAfterPull?: true;
  /** Drops what the till must not keep once it leaves its platform (keys it would judge vouchers by). */
  forget?(db: Database): void;
};

/** An outbox row as the push reads it; `payload` is what was stored at enqueue (`{}` when nothing). */
export type OutboxRow = { seq: number; id: string; type: string; payload: string; created_at: number };

/** Who this till is on the platform, for the audit entries and loss events a push result writes. */
export type PushContext = { auditKey: Buffer; deviceId: string };

/** How this till sends one record type and takes the platform's answer to it (PROTOCOL.md, Push). */
export type TillMutation = {
  /**
   * What the push carries for the row: read from the immutable local record the row names, or the
   * payload stored whole at enqueue. Checked by the platform against the type's schema.
   */
  payload(db: Database, row: OutboxRow): unknown;
  /**
   * What the platform's first answer to the record means here, in the push response's transaction.
   * True when a local record moved, which tells `settledEvent` and `orders.changed`.
   */
  settle?(env: PushContext & { db: Database; now: number }, row: OutboxRow, result: MutationResult): boolean;
  settledEvent?: AppEvent;
};

/**
 * One domain's till side of the sync: how it applies its streams and sends its records. Registered
 * in `till-sync.ts`, whose tables are typed over every stream and record type of the wire.
 * `payloadSql` is every statement its payloads read, for the query-plan test.
 */
export type TillDomain<S extends PullStream, T extends MutationType> = {
  streams: { [K in S]: TillStream<K> };
  mutations: { [K in T]: TillMutation };
  payloadSql: Record<string, string>;
};
