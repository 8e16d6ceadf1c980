import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { type BuiltDay, buildDay, newestDayWithoutFacts, storeDayFacts } from './day-facts';
import { type ReportJob, runReportJob } from './report-jobs';

/**
 * The reports' own thread: a read-only connection to the till's database (WAL lets it read while
 * the core writes), so a year's report never holds up a sale. One job at a time, in order. A
 * second connection only stores the closed days' facts a report computed, after it has answered,
 * and while idle fills in the days that have none, newest first, one day per turn.
 */
export type WorkerData = { dbPath: string; nativeBinding?: string };
export type JobMessage = { id: number; job: ReportJob } | { fillFactsBefore: string };
export type JobAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; params: Record<string, unknown> } | { internal: string } };

const { dbPath, nativeBinding } = workerData as WorkerData;
const db = new Database(dbPath, { readonly: true, fileMustExist: true, nativeBinding });
// A checkpoint can hold the file for a moment; a report waits rather than fails.
db.pragma('busy_timeout = 5000');
const facts = new Database(dbPath, { fileMustExist: true, nativeBinding });
facts.pragma('busy_timeout = 5000');

let fillBefore: string | null = null;
let filling = false;

function store(days: readonly BuiltDay[]): void {
  try {
    storeDayFacts(facts, days);
  } catch {
    // Stored facts only save time: a day not stored now is computed again by the next report.
  }
}

function fillOneDay(): void {
  filling = false;
  if (fillBefore === null) return;
  const day = newestDayWithoutFacts(db, fillBefore);
  if (day === null) {
    fillBefore = null;
    return;
  }
  try {
    store([buildDay(db, day)]);
  } catch {
    fillBefore = null;
    return;
  }
  filling = true;
  // A turn of the event loop between days, so a report asked for meanwhile goes first.
  setImmediate(fillOneDay);
}

parentPort?.on('message', (message: JobMessage) => {
  if ('fillFactsBefore' in message) {
    fillBefore = message.fillFactsBefore;
    if (!filling) {
      filling = true;
      setImmediate(fillOneDay);
    }
    return;
  }
  const { id, job } = message;
  const built: BuiltDay[] = [];
  let answer: JobAnswer;
  try {
    answer = { id, ok: true, value: runReportJob(db, job, (day) => built.push(day)) };
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
  store(built);
});
