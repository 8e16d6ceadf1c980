/**
 * Counts what one address does within a sliding window and says when it has done too much: after
 * `allowed` events in `windowMs`, that address waits until its window has passed. Kept in memory: a
 * restart forgets it, which an abuser cannot trigger.
 */
export function createRateWindow(now: () => number, limits: { allowed: number; windowMs: number }) {
  const events = new Map<string, { count: number; since: number }>();
  const current = (key: string) => {
    const entry = events.get(key);
    if (entry && now() - entry.since < limits.windowMs) return entry;
    events.delete(key);
    return null;
  };
  return {
    /** Whole minutes until `key` may act again; null when it may now. */
    waitMinutes(key: string): number | null {
      const entry = current(key);
      if (!entry || entry.count < limits.allowed) return null;
      return Math.ceil((limits.windowMs - (now() - entry.since)) / 60_000);
    },
    count(key: string): void {
      const entry = current(key) ?? { count: 0, since: now() };
      entry.count += 1;
      events.set(key, entry);
      // Addresses that stopped are forgotten, so the map stays small.
      if (events.size > 10_000) for (const [other] of events) if (!current(other)) events.delete(other);
    },
  };
}
