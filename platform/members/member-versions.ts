import type { Queryable } from '../db/sql';

/**
 * Reserves `count` consecutive versions of the member streams and returns the first. Brand-wide,
 * like the voucher counter (migration 0006): taken last, after the store and member rows, so lock
 * order stays store → member → counter everywhere.
 */
export async function reserveMemberVersions(tx: Queryable, count: number): Promise<number> {
  const rows = await tx.query<{ version: number }>(
    'UPDATE member_counter SET version = version + $1 WHERE id = 1 RETURNING version',
    [count],
  );
  return rows[0].version - count + 1;
}

/**
 * The member moved: every store that has seen them gets a new version of them, so each of its
 * tills takes the change on its next pull (an erasure above all). Caller holds the member row.
 */
export async function republishMember(tx: Queryable, memberId: string): Promise<void> {
  const [{ count }] = await tx.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM store_members WHERE member_id = $1',
    [memberId],
  );
  if (count === 0) return;
  const first = await reserveMemberVersions(tx, count);
  await tx.query(
    `UPDATE store_members s SET version = $2 + n.rn - 1
     FROM (SELECT store_id, row_number() OVER (ORDER BY store_id) AS rn FROM store_members WHERE member_id = $1) n
     WHERE s.member_id = $1 AND s.store_id = n.store_id`,
    [memberId, first],
  );
}

/** This store has now seen the member: a new version of them in its stream. Caller holds the member row. */
export async function markSeen(tx: Queryable, storeId: string, memberId: string, now: number): Promise<void> {
  const version = await reserveMemberVersions(tx, 1);
  await tx.query(
    `INSERT INTO store_members (store_id, member_id, seen_at, version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (store_id, member_id) DO UPDATE SET seen_at = excluded.seen_at, version = excluded.version`,
    [storeId, memberId, now, version],
  );
}
