import type { Database } from 'better-sqlite3';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import type { StoreInfo } from '../../../shared/contract/store';
import { itemsReport } from './items-report';
import { salesReport } from './sales-report';
import { settlementReport } from './settlement-report';

/** The reports that run off the cashier's path: long reads that never write. */
export const workerMethods = ['reports.sales', 'reports.items', 'reports.settlement'] as const;
export type WorkerMethod = (typeof workerMethods)[number];

export function isWorkerMethod(method: string): method is WorkerMethod {
  return (workerMethods as readonly string[]).includes(method);
}

export type ReportJob = { method: WorkerMethod; input: ReportRequest; store: StoreInfo; now: number };

/** One report, on whichever connection it is given: the worker's read-only one, or the core's. */
export function runReportJob(db: Database, job: ReportJob): unknown {
  switch (job.method) {
    case 'reports.sales':
      return salesReport(db, job.input, job.store, job.now);
    case 'reports.items':
      return itemsReport(db, job.input, job.store, job.now);
    case 'reports.settlement':
      return settlementReport(db, job.input, job.store, job.now);
    default: {
      const unknown: never = job.method;
      throw new Error(`not a worker report: ${String(unknown)}`);
    }
  }
}
