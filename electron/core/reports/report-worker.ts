import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { type ReportJob, runReportJob } from './report-jobs';

/**
 * The reports' own thread: a read-only connection to the till's database (WAL lets it read while
 * the core writes), so a year's report never holds up a sale. One job at a time, in order.
 */
export type WorkerData = { dbPath: string; nativeBinding?: string };
export type JobMessage = { id: number; job: ReportJob };
export type JobAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; params: Record<string, unknown> } | { internal: string } };

const { dbPath, nativeBinding } = workerData as WorkerData;
const db = new Database(dbPath, { readonly: true, fileMustExist: true, nativeBinding });
// A checkpoint can hold the file for a moment; a report waits rather than fails.
db.pragma('busy_timeout = 5000');

parentPort?.on('message', ({ id, job }: JobMessage) => {
  let answer: JobAnswer;
  try {
    answer = { id, ok: true, value: runReportJob(db, job) };
  } catch (error) {
    answer = {
      id,
      ok: false,
      error:
        error instanceof AppError
          ? { code: error.code, params: error.params as Record<string, unknown> }
          : { internal: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    };
  }
  parentPort?.postMessage(answer);
});
