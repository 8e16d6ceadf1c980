import type { DeviceKey } from './request-signing';

/** How a handler reaches the platform as this device: set by the sync once paired with its key loaded. */
export type PlatformLink = { baseUrl: string; deviceId: string; key: DeviceKey };

/**
 * What handlers and the background sync share in memory: whether the last exchange worked, and
 * the two ways to hurry it (new local data; a person pressing "Sync now").
 */
export type SyncRuntime = {
  online: boolean;
  /** Null until paired and the device key is loaded; handlers sign their own calls with it. */
  link: PlatformLink | null;
  /** New local data: push it now instead of waiting for the long poll to end. */
  wake(): void;
  /** "Sync now": ends a back-off wait and wakes the sync; if it is already exchanging, that is the try. */
  retryNow(): void;
  /** The back-off wait, which "Sync now" cuts short. */
  sleepUnlessRetried(ms: number): Promise<void>;
};

export function createSyncRuntime(): SyncRuntime {
  let endWait: (() => void) | null = null;
  const runtime: SyncRuntime = {
    online: false,
    link: null,
    wake: () => {},
    retryNow: () => {
      endWait?.();
      runtime.wake();
    },
    sleepUnlessRetried: (ms) =>
      new Promise((resolve) => {
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
