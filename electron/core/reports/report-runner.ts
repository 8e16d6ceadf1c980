import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ErrorCode, ErrorParams } from '../../../shared/errors';
import { AppError } from '../../../shared/errors';
import { databaseFileName } from '../db/open-database';
import type { EncodedDay } from './day-facts';
import type { ReportJob } from './report-jobs';
import type { JobAnswer, WorkerData } from './report-worker';

/** Where the worker's code is: TypeScript through tsx under Node, a built module under Electron. */
export type ReportWorkerEntry = { url: URL; execArgv?: string[] };

export type ReportRunner = {
  run(job: ReportJob): Promise<unknown>;
  /** Has the worker store the facts of closed days (before `today`) that have none, while idle. */
  fillFacts(today: string): void;
  close(): Promise<void>;
};

/**
 * Runs reports in a worker thread, one after another; the day facts it computes come back to
 * `storeFacts`, on the core's connection (the core is the file's only writer). A worker that dies is started again for the
 * next report; the report it was running fails with the core's "internal" error, nothing else.
 */
export function startReportRunner(
  entry: ReportWorkerEntry,
  dataDir: string,
  storeFacts: (days: EncodedDay[]) => void,
  nativeBinding?: string,
): ReportRunner {
  const data: WorkerData = { dbPath: join(dataDir, databaseFileName), nativeBinding };
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  let next = 1;
  let worker: Worker | null = null;
  let closing = false;

  const start = (): Worker => {
    const started = new Worker(entry.url, { workerData: data, execArgv: entry.execArgv });
    started.on('message', (answer: JobAnswer) => {
      if ('facts' in answer) {
        // Facts that arrive as the core closes are dropped: the next start computes them again.
        if (!closing) storeFacts(answer.facts);
        return;
      }
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      if (pending.size === 0) started.unref();
      if (!waiting) return;
      if (answer.ok) waiting.resolve(answer.value);
      else if ('code' in answer.error)
        waiting.reject(new AppError(answer.error.code as ErrorCode, answer.error.params as ErrorParams));
      else waiting.reject(new Error(answer.error.internal));
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', () => {
      if (worker === started) worker = null;
      if (!closing) failAll(new Error('the report worker stopped'));
    });
    return started;
  };

  const failAll = (error: unknown) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  return {
    run(job) {
      worker ??= start();
      const id = next++;
      const running = worker;
      // Held while it works, so a process waiting for a report does not end; idle, it holds nothing.
      running.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        running.postMessage({ id, job });
      });
    },
    fillFacts(today) {
      worker ??= start();
      worker.postMessage({ fillFactsBefore: today });
      if (pending.size === 0) worker.unref();
    },
    async close() {
      closing = true;
      failAll(new Error('the core closed'));
      await worker?.terminate();
      worker = null;
    },
  };
}
