import type { Queryable } from '../db/sql';

/**
 * A pull is noted at most this often per device: one write a minute, not one for every page and
 * long poll. The recorded time can lag the real last pull by this much, which the judges allow for.
 */
export const PULL_NOTE_EVERY_MS = 60_000;

/** The device asked for changes at `now` (a pull or a long poll): it was online and in contact. */
export async function notePull(db: Queryable, deviceId: string, now: number): Promise<void> {
  await db.query(
    `UPDATE devices SET last_pull_at = $2
     WHERE id = $1 AND (last_pull_at IS NULL OR last_pull_at <= $2 - $3::bigint)`,
    [deviceId, now, PULL_NOTE_EVERY_MS],
  );
}
