/**
 * How the link to the platform is doing, as the exchanges found it. One lost request on a lossy
 * link is not "offline": the till says offline only after a few failures in a row, or when nothing
 * has answered for half a minute, and "retrying" in between.
 */
export type LinkState = 'online' | 'retrying' | 'offline';

export type LinkHealth = {
  /** Requests that failed since the last one the platform answered. */
  consecutiveFailures: number;
  /** When the platform last answered a request (null: not yet since start or pairing). */
  lastContactAt: number | null;
  /** Since when the till has been trying: the start, or the pairing. */
  tryingSince: number;
};

export const offlineAfterFailures = 3;
export const offlineAfterMs = 30_000;

export function freshHealth(now: number): LinkHealth {
  return { consecutiveFailures: 0, lastContactAt: null, tryingSince: now };
}

export function linkState(health: LinkHealth, now: number): LinkState {
  if (health.consecutiveFailures === 0) return health.lastContactAt === null ? 'retrying' : 'online';
  const quietFor = now - (health.lastContactAt ?? health.tryingSince);
  return health.consecutiveFailures >= offlineAfterFailures || quietFor >= offlineAfterMs ? 'offline' : 'retrying';
}

export function noteContact(health: LinkHealth, now: number): void {
  health.consecutiveFailures = 0;
  health.lastContactAt = now;
}

export function noteFailure(health: LinkHealth): void {
  health.consecutiveFailures += 1;
}
