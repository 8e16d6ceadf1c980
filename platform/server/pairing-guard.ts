import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import { addressLimit } from './address-limits';

/**
 * After ten wrong pairing codes from one address in ten minutes, that address is refused until
 * the window has passed (`address-limits.ts`).
 */
export function createPairingGuard(db: Queryable, now: () => number) {
  const failures = addressLimit(db, now, 'pairing');
  return {
    async check(address: string): Promise<void> {
      const minutes = await failures.waitMinutes(address);
      if (minutes !== null) throw new ApiError(429, 'pairing_attempts', { minutes });
    },
    failed: (address: string) => failures.count(address),
  };
}
