import { SIGNATURE_WINDOW_MS } from '../../shared/sync/wire';
import { when } from './claim-words';
import type { ApplyRefusal } from './platform-domain';

/** How far a till's clock may be from the platform's: its signed requests pass only within this. */
export const CLOCK_SKEW_MS = SIGNATURE_WINDOW_MS;

/**
 * What bounds a time a till claims. `lastPullAt`: the platform clock of its last noted pull (null
 * when unknown, for a till paired before pulls were noted); `now`: when the push arrived.
 */
export type ClaimWindow = { lastPullAt: number | null; now: number };

/**
 * A time that cannot be true, or null. Nothing a till records can come after the push carrying it.
 * A decision made offline cannot come before the till's last pull either: its engine pushes
 * everything queued before it pulls, so a record still queued was made after that pull.
 */
export function claimedTimeRefusal(at: number, window: ClaimWindow, sinceLastPull: boolean): ApplyRefusal | null {
  if (at > window.now + CLOCK_SKEW_MS) return { code: 'claimed_time_invalid', params: { when: when.future } };
  if (sinceLastPull && window.lastPullAt !== null && at < window.lastPullAt - CLOCK_SKEW_MS) {
    return { code: 'claimed_time_invalid', params: { when: when.beforePull } };
  }
  return null;
}
