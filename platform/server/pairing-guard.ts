import { ApiError } from '../errors';

const WINDOW_MS = 10 * 60_000;
const ALLOWED_FAILURES = 10;

/**
 * Pairing codes are short enough to type, so guessing must be slow: after ten wrong codes from one
 * address in ten minutes, that address is refused until the window has passed. Kept in memory:
 * a restart forgets it, which a guesser cannot trigger.
 */
export function createPairingGuard(now: () => number) {
  const failures = new Map<string, { count: number; since: number }>();
  const current = (address: string) => {
    const entry = failures.get(address);
    if (entry && now() - entry.since < WINDOW_MS) return entry;
    failures.delete(address);
    return null;
  };
  return {
    check(address: string): void {
      const entry = current(address);
      if (entry && entry.count >= ALLOWED_FAILURES) {
        const minutes = Math.ceil((WINDOW_MS - (now() - entry.since)) / 60_000);
        throw new ApiError(429, 'pairing_attempts', { minutes });
      }
    },
    failed(address: string): void {
      const entry = current(address) ?? { count: 0, since: now() };
      entry.count += 1;
      failures.set(address, entry);
      // Addresses that stopped trying are forgotten, so the map stays small.
      if (failures.size > 10_000) for (const [key] of failures) if (!current(key)) failures.delete(key);
    },
  };
}
