import type { FastifyReply } from 'fastify';
import type { PullStream } from '../../shared/sync/wire';
import type { Queryable } from '../db/sql';
import { movedStreams } from '../sync/pull';
import type { Notifier } from './notifier';

/**
 * Resolves with the streams past the terminal's cursors: at once if some already are, else when a
 * commit in any platform process moves one, else with [] after `timeoutMs`. No transaction is held while
 * waiting, and a client that hangs up takes its listener and timers with it.
 */
export function waitForStreams(
  deps: { db: Queryable; notifier: Notifier; recheckMs: number },
  storeId: string,
  cursors: Partial<Record<PullStream, string>>,
  timeoutMs: number,
  reply: FastifyReply,
): Promise<PullStream[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let checking = false;
    let recheck = false;
    const finish = (streams: PullStream[], error?: unknown) => {
      if (settled) return;
      settled = true;
      unsubscribe();
      clearTimeout(timer);
      clearInterval(backstop);
      reply.raw.off('close', hungUp);
      if (error === undefined) resolve(streams);
      else reject(error);
    };
    const check = async () => {
      // Wake-ups during a check are folded into one more check, never run side by side.
      if (checking) {
        recheck = true;
        return;
      }
      checking = true;
      try {
        do {
          recheck = false;
          const moved = await movedStreams(deps.db, storeId, cursors);
          if (moved.length > 0) finish(moved);
        } while (recheck && !settled);
      } catch (error) {
        finish([], error);
      } finally {
        checking = false;
      }
    };
    const hungUp = () => finish([]);
    const unsubscribe = deps.notifier.subscribe(storeId, { changed: () => void check(), closing: () => finish([]) });
    const timer = setTimeout(() => {
      // A last look, so a change that landed just before the deadline is not answered with [].
      void movedStreams(deps.db, storeId, cursors).then(finish, (error) => finish([], error));
    }, timeoutMs);
    // Another process's wake-up comes through the wake bus; lost, this bounds how late it is heard.
    const backstop = setInterval(() => void check(), deps.recheckMs);
    reply.raw.on('close', hungUp);
    void check();
  });
}
