import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';

const WINDOW_MS = 10 * 60_000;
const ALLOWED_FAILURES = 10;

/**
 * Pairing codes are short enough to type, so guessing must be slow: after ten wrong codes from one
 * address in ten minutes, that address is refused until the window has passed. Counted in the
 * database, so every platform process sharing it counts the same attempts.
 */
export function createPairingGuard(db: Queryable, now: () => number) {
  return {
    async check(address: string): Promise<void> {
      const [entry] = await db.query<{ failures: number; since: number }>(
        'SELECT failures, since FROM pairing_failures WHERE address = $1 AND since > $2',
        [address, now() - WINDOW_MS],
      );
      if (entry && entry.failures >= ALLOWED_FAILURES) {
        const minutes = Math.ceil((WINDOW_MS - (now() - Number(entry.since))) / 60_000);
        throw new ApiError(429, 'pairing_attempts', { minutes });
      }
    },
    async failed(address: string): Promise<void> {
      // One statement, so two processes counting the same address at once both count.
      await db.query(
        `INSERT INTO pairing_failures (address, failures, since) VALUES ($1, 1, $2)
        ON CONFLICT (address) DO UPDATE SET
          failures = CASE WHEN pairing_failures.since > $2 - $3 THEN pairing_failures.failures + 1 ELSE 1 END,
          since = CASE WHEN pairing_failures.since > $2 - $3 THEN pairing_failures.since ELSE $2 END`,
        [address, now(), WINDOW_MS],
      );
    },
  };
}

/** Addresses that stopped trying are forgotten, so the table stays small. */
export async function prunePairingFailures(db: Queryable, now: number): Promise<void> {
  await db.query('DELETE FROM pairing_failures WHERE since <= $1', [now - WINDOW_MS]);
}
