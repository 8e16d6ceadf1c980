export type Waiter = { changed(): void; closing(): void };

/**
 * Wakes long polls in this process after a commit that moved a store's streams. Waiters re-read
 * the versions themselves, so a spurious wake-up costs one small query and is never wrong.
 */
export class Notifier {
  readonly #byStore = new Map<string, Set<Waiter>>();

  subscribe(storeId: string, waiter: Waiter): () => void {
    let waiters = this.#byStore.get(storeId);
    if (!waiters) {
      waiters = new Set();
      this.#byStore.set(storeId, waiters);
    }
    waiters.add(waiter);
    return () => {
      waiters.delete(waiter);
      if (waiters.size === 0 && this.#byStore.get(storeId) === waiters) this.#byStore.delete(storeId);
    };
  }

  storeChanged(storeId: string): void {
    for (const waiter of [...(this.#byStore.get(storeId) ?? [])]) waiter.changed();
  }

  /** The franchise catalog moved: every store's terminals may have news. */
  everyStoreChanged(): void {
    for (const waiters of [...this.#byStore.values()]) for (const waiter of [...waiters]) waiter.changed();
  }

  /** The server is stopping: answer every long poll now instead of holding the shutdown. */
  closeAll(): void {
    for (const waiters of [...this.#byStore.values()]) for (const waiter of [...waiters]) waiter.closing();
  }

  get waiting(): number {
    let count = 0;
    for (const waiters of this.#byStore.values()) count += waiters.size;
    return count;
  }
}
