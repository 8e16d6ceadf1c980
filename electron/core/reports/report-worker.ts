import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { type BuiltDay, buildDay, type EncodedDay, encodeDays, newestDayWithoutFacts } from './day-facts';
import { type ReportJob, runReportJob } from './report-jobs';

/**
 * The reports' own thread: a read-only connection to the till's database (WAL lets it read while
 * the core writes), so a year's report never holds up a sale. One job at a time, in order. The
 * closed days' facts a report computed go to the core to store, after the answer; while idle it
 * computes the days that have none, newest first, one day per turn, and sends them in batches.
 */
export type WorkerData = { dbPath: string; nativeBinding?: string };
export type JobMessage = { id: number; job: ReportJob } | { fillFactsBefore: string };
export type JobAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; params: Record<string, unknown> } | { internal: string } }
  | { facts: EncodedDay[] };

// Days sent to the core at once while filling: one short write transaction per batch.
const FILL_BATCH = 20;

const { dbPath, nativeBinding } = workerData as WorkerData;
const db = new Database(dbPath, { readonly: true, fileMustExist: true, nativeBinding });
// A checkpoint can hold the file for a moment; a report waits rather than fails.
db.pragma('busy_timeout = 5000');

let fillBefore: string | null = null;
let filling = false;
let batch: BuiltDay[] = [];
// Days built but not yet stored by the core: not built again meanwhile.
const sent = new Set<string>();

function send(days: BuiltDay[]): void {
  if (days.length === 0) return;
  for (const { day, hour } of days) if (hour === null) sent.add(day);
  parentPort?.postMessage({ facts: encodeDays(days) } satisfies JobAnswer);
}

function fillOneDay(): void {
  filling = false;
  const day = fillBefore === null ? null : newestDayWithoutFacts(db, fillBefore, sent);
  if (day === null) {
    fillBefore = null;
    send(batch);
    batch = [];
    return;
  }
  try {
    batch.push(buildDay(db, day));
  } catch {
    fillBefore = null;
    return;
  }
  if (batch.length >= FILL_BATCH) {
    send(batch);
    batch = [];
  }
  filling = true;
  // A turn of the event loop between days, so a report asked for meanwhile goes first.
  setImmediate(fillOneDay);
}

parentPort?.on('message', (message: JobMessage) => {
  if ('fillFactsBefore' in message) {
    fillBefore = message.fillFactsBefore;
    // What was sent before is stored by now, or was refused because its day changed: look again.
    sent.clear();
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
  send(built);
});
