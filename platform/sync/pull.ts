import type { PullResponse, PullStream } from '../../shared/sync/wire';
import type { Queryable } from '../db/sql';
import { platformStreams } from './platform-sync';

type VersionedRow = { version: number };

/** A cursor is a version number; one beyond any version simply finds nothing newer. */
export function cursorValue(cursor: string): number {
  const value = BigInt(cursor);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/**
 * The latest state of every entity of a stream changed after `cursor`, oldest change first. Rows
 * are updated in place, so cursor '0' returns the whole current state: that is the snapshot, and
 * no cursor is ever too old to serve (the 410 of PROTOCOL.md is never needed here).
 */
export async function pullChanges(
  db: Queryable,
  storeId: string,
  query: { stream: PullStream; cursor: string; limit: number },
): Promise<PullResponse> {
  const stream = platformStreams[query.stream];
  const rows = await db.query<VersionedRow>(stream.query, [storeId, cursorValue(query.cursor), query.limit + 1]);
  const page = rows.slice(0, query.limit);
  const changes = page.map((row) => stream.change(row as never));
  const last = page.at(-1);
  return {
    changes,
    nextCursor: last ? String(last.version) : String(cursorValue(query.cursor)),
    hasMore: rows.length > query.limit,
  };
}

// Stream names are the wire's own identifiers ([a-z_]), safe as column names.
const headsQuery = `SELECT\n${Object.entries(platformStreams)
  .map(([stream, { head }]) => `  ${head} AS ${stream}`)
  .join(',\n')}`;

/** The newest version of each stream as this store sees it. */
export async function streamHeads(db: Queryable, storeId: string): Promise<Record<PullStream, number>> {
  const [row] = await db.query<Record<PullStream, number>>(headsQuery, [storeId]);
  return row;
}

/** Streams whose head is past the cursor the terminal holds. */
export async function movedStreams(
  db: Queryable,
  storeId: string,
  cursors: Partial<Record<PullStream, string>>,
): Promise<PullStream[]> {
  const heads = await streamHeads(db, storeId);
  return (Object.keys(heads) as PullStream[]).filter((stream) => {
    const cursor = cursors[stream];
    return cursor !== undefined && heads[stream] > cursorValue(cursor);
  });
}
