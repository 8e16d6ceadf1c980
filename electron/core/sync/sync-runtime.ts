import { freshHealth, type LinkHealth, type LinkState, linkState } from './link-health';
import type { DeviceKey } from './request-signing';

/** How a handler reaches the platform as this device: set by the sync once paired with its key loaded. */
export type PlatformLink = { baseUrl: string; deviceId: string; key: DeviceKey };

/**
 * What handlers and the background sync share in memory: how the exchanges are going, and the two
 * ways to hurry the sync (new local data; a person pressing "Sync now").
 */
export type SyncRuntime = {
  /** Written by the sync after every exchange; read through `state`. */
  health: LinkHealth;
  /** What the status bar says now: offline only after sustained failure. */
  state(now: number): LinkState;
  /** The platform has answered since start or pairing, and the link is not offline. */
  readonly online: boolean;
  /** Null until paired and the device key is loaded; handlers sign their own calls with it. */
  link: PlatformLink | null;
  /** New local data: push it now instead of waiting for the long poll to end. */
  wake(): void;
  /**
   * "Sync now": ends a back-off wait and wakes the sync. Pressed while an exchange is out, it is
   * remembered, and the next exchange starts as soon as that one ends, whatever its outcome.
   */
  retryNow(): void;
  /** Whether "Sync now" was pressed since the last call; the sync then starts over with no back-off. */
  takeRetryRequest(): boolean;
  /** The back-off wait, which "Sync now" cuts short (or skips, when it was pressed during the exchange). */
  sleepUnlessRetried(ms: number): Promise<void>;
};

export function createSyncRuntime(clock: () => number = Date.now): SyncRuntime {
  let endWait: (() => void) | null = null;
  let retryRequested = false;
  const runtime: SyncRuntime = {
    health: freshHealth(clock()),
    state: (now) => linkState(runtime.health, now),
    get online() {
      return runtime.health.lastContactAt !== null && runtime.state(clock()) !== 'offline';
    },
    link: null,
    wake: () => {},
    retryNow: () => {
      retryRequested = true;
      endWait?.();
      runtime.wake();
    },
    takeRetryRequest: () => {
      const asked = retryRequested;
      retryRequested = false;
      return asked;
    },
    sleepUnlessRetried: (ms) =>
      new Promise((resolve) => {
        if (retryRequested) return resolve();
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          endWait = null;
          resolve();
        }
        endWait = done;
      }),
  };
  return runtime;
}
