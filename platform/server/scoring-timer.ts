import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from '../db/sql';
import { scoreIfDue } from '../members/scoring-schedule';
import type { Notifier } from './notifier';

/** How often each process looks whether the daily scoring is due. */
export const SCORING_CHECK_MS = 60_000;
/** After a failed run this process waits this long before trying again (another process may not). */
const RETRY_AFTER_FAILURE_MS = 15 * 60_000;

/**
 * Every process looks each `everyMs` whether the day's scoring is due (`scoreIfDue`: only one of
 * them claims it); a run is logged, and tills are told when value segments changed. One look at a
 * time in this process. Returns the stop.
 */
export function startScoringTimer(
  sql: Sql,
  now: () => number,
  notifier: Notifier,
  log: FastifyBaseLogger,
  everyMs: number,
): () => void {
  let busy = false;
  let pausedUntil = 0;
  const look = async () => {
    if (busy || now() < pausedUntil) return;
    busy = true;
    try {
      const run = await scoreIfDue(sql, now());
      if (run) {
        log.info(
          { scoring: run },
          `members scored for ${run.day}: ${run.population} members, ${run.changed} changed value segment, ${run.tookMs} ms`,
        );
        if (run.changed > 0) notifier.everyStoreChanged();
      }
    } catch (error) {
      pausedUntil = now() + RETRY_AFTER_FAILURE_MS;
      log.error({ err: error }, 'the daily member scoring failed; it will be tried again');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void look(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
