import type { Database } from 'better-sqlite3';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import type { StoreInfo } from '../../../shared/contract/store';
import type { BuiltDay } from './day-facts';
import { itemsReport } from './items-report';
import { salesReport } from './sales-report';

/** The reports that run off the cashier's path: long reads that never write. */
export const workerMethods = ['reports.sales', 'reports.items'] as const;
export type WorkerMethod = (typeof workerMethods)[number];

export function isWorkerMethod(method: string): method is WorkerMethod {
  return (workerMethods as readonly string[]).includes(method);
}

export type ReportJob = { method: WorkerMethod; input: ReportRequest; store: StoreInfo; now: number };

/**
 * One report, on whichever connection it is given: the worker's read-only one, or the core's. It
 * reads in one transaction, so stored day facts and raw rows are the same moment; the closed days
 * it had to compute from raw rows are handed to `built` for storing.
 */
export function runReportJob(db: Database, job: ReportJob, built?: (day: BuiltDay) => void): unknown {
  return db.transaction(() => reportOf(db, job, built))();
}

function reportOf(db: Database, job: ReportJob, built?: (day: BuiltDay) => void): unknown {
  switch (job.method) {
    case 'reports.sales':
      return salesReport(db, job.input, job.store, job.now, built);
    case 'reports.items':
      return itemsReport(db, job.input, job.store, job.now, built);
    default: {
      const unknown: never = job.method;
      throw new Error(`not a worker report: ${String(unknown)}`);
    }
  }
}
