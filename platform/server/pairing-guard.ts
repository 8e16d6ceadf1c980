import { ApiError } from '../errors';
import { createRateWindow } from './rate-window';

/**
 * Pairing codes are short enough to type, so guessing must be slow: after ten wrong codes from one
 * address in ten minutes, that address is refused until the window has passed.
 */
export function createPairingGuard(now: () => number) {
  const failures = createRateWindow(now, { allowed: 10, windowMs: 10 * 60_000 });
  return {
    check(address: string): void {
      const minutes = failures.waitMinutes(address);
      if (minutes !== null) throw new ApiError(429, 'pairing_attempts', { minutes });
    },
    failed(address: string): void {
      failures.count(address);
    },
  };
}
