/**
 * What handlers and the background sync share in memory: whether the last exchange worked, and
 * the two ways to hurry it (new local data; a person pressing "Sync now").
 */
export type SyncRuntime = {
  online: boolean;
  /** New local data: push it now instead of waiting for the long poll to end. */
  wake(): void;
  /** Skip the back-off wait as well. */
  retryNow(): void;
  /** Aborted when a retry is asked for, including one asked for before the wait began. */
  retrySignal(): AbortSignal;
};

export function createSyncRuntime(): SyncRuntime {
  let controller = new AbortController();
  let asked = false;
  const runtime: SyncRuntime = {
    online: false,
    wake: () => {},
    retryNow: () => {
      asked = true;
      controller.abort();
      runtime.wake();
    },
    retrySignal: () => {
      if (asked) {
        asked = false;
        return AbortSignal.abort();
      }
      if (controller.signal.aborted) controller = new AbortController();
      return controller.signal;
    },
  };
  return runtime;
}
