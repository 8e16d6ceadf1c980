import type { Database } from 'better-sqlite3';

/** About a hundred orders' worth of WAL: small enough to checkpoint in a few milliseconds. */
const writesPerCheckpoint = 32;
const idleCheckpointMs = 30_000;

/**
 * Keeps the WAL short without putting checkpoints on a commit: after every few writes a PASSIVE
 * checkpoint runs on the next turn of the event loop, between calls, and once more when the till
 * goes idle. A short WAL is rewritten in place instead of growing, which keeps each commit's fsync
 * cheap. SQLite's own auto-checkpoint (set in the pragmas) stays as the backstop for a loop that
 * never yields.
 */
export function scheduleWalCheckpoints(db: Database) {
  let writes = 0;
  let pending: NodeJS.Immediate | null = null;
  const checkpoint = () => {
    pending = null;
    writes = 0;
    if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
  };
  const idle = setInterval(checkpoint, idleCheckpointMs);
  idle.unref();
  return {
    afterWrite(): void {
      writes += 1;
      if (writes >= writesPerCheckpoint && !pending) pending = setImmediate(checkpoint);
    },
    stop(): void {
      clearInterval(idle);
      if (pending) clearImmediate(pending);
      pending = null;
    },
  };
}
