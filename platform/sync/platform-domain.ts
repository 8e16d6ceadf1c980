import type { MutationType, PayloadOf } from '../../shared/sync/mutations';
import type { ErrorCode, MessageParams } from '../../shared/sync/platform-messages';
import type { PullStream, StreamItem } from '../../shared/sync/wire';
import type { Queryable } from '../db/sql';
import type { ClaimWindow } from './claimed-time';

/**
 * Who pushed, and what the platform judges the push's claims by: `now`, the platform clock (epoch
 * ms) of its arrival; `window`, the times the device's records can lie in; the store's currency,
 * for amounts in a refusal's words.
 */
export type ApplyContext = { storeId: string; deviceId: string; now: number; currency: string; window: ClaimWindow };

/**
 * Why a mutation was not applied. A plain refusal (REJECTED) leaves the platform as it was (the
 * caller rolls back); a `conflict` (CONFLICT) keeps its writes: the loss it records is the point.
 */
export type ApplyRefusal = { code: ErrorCode; params?: MessageParams; conflict?: true };

/** Applies one mutation, its payload already checked against its type's schema. */
export type Applier<T extends MutationType> = (
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<T>,
) => Promise<ApplyRefusal | null>;

export type PlatformMutation<T extends MutationType> = {
  apply: Applier<T>;
  /**
   * Whose long polls an applied record wakes: the pushing store's, or every store's when the record
   * moves what every store pulls (a voucher good at every store is on every deny list).
   */
  wakes: 'store' | 'everyStore';
};

/** One pulled change of stream `S`, as the wire carries it. */
export type StreamChange<S extends PullStream> = { id: string; version: string; data: StreamItem<S> };

/**
 * How the platform serves one stream (PROTOCOL.md, Pull). Every row of a stream carries a version
 * no other row of it has, updated in place, so "version > cursor" pages without splitting a tie and
 * cursor 0 is the snapshot.
 */
export type PlatformStream<S extends PullStream> = {
  /** $1 the store's id, $2 the cursor, $3 the page size: rows with `version`, oldest first. */
  query: string;
  /** One SQL expression: the newest version of the stream this store sees ($1 the store's id), 0 when none. */
  head: string;
  /** Typed by the query's row; `never` here only so each stream's row type fits the one table. */
  change(row: never): StreamChange<S>;
};

/** One domain's platform side of the sync, registered in `platform-sync.ts`. */
export type PlatformDomain<S extends PullStream, T extends MutationType> = {
  streams: { [K in S]: PlatformStream<K> };
  mutations: { [K in T]: PlatformMutation<K> };
};
