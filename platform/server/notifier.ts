import type { Wake } from './wake-bus';

export type Waiter = { changed(): void; closing(): void };

/**
 * Wakes long polls after a commit that moved a store's streams: those of this process at once,
 * and, through `publish` (the wake bus on PostgreSQL), those of every other process on the same
 * database. Waiters re-read the versions themselves, so a spurious wake-up costs one small query
 * and is never wrong.
 */
export class Notifier {
  readonly #byStore = new Map<string, Set<Waiter>>();
  #publish: (wake: Wake) => void = () => undefined;

  /** Where this process tells the others; until set, only this process's waiters are woken. */
  publishTo(publish: (wake: Wake) => void): void {
    this.#publish = publish;
  }

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
    this.wakeHere({ storeId });
    this.#publish({ storeId });
  }

  /** The franchise catalog moved: every store's terminals may have news. */
  everyStoreChanged(): void {
    this.wakeHere({ everyStore: true });
    this.#publish({ everyStore: true });
  }

  /** What another process said, or all of them after a gap in hearing them. */
  wakeHere(wake: Wake | 'reconnected'): void {
    const sets =
      typeof wake === 'object' && 'storeId' in wake ? [this.#byStore.get(wake.storeId)] : this.#byStore.values();
    for (const waiters of [...sets]) for (const waiter of [...(waiters ?? [])]) waiter.changed();
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
