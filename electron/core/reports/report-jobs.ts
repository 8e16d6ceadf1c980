import type { Database } from 'better-sqlite3';
import type { ParsedInputOf } from '../../../shared/contract';
import type { OrderLinesRequest } from '../../../shared/contract/line-export';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import type { StoreInfo } from '../../../shared/contract/store';
import { drillOrders } from '../orders/order-drill';
import type { BuiltDay } from './day-facts';
import { itemsReport } from './items-report';
import { orderLinesPage } from './order-lines-export';
import { salesReport } from './sales-report';
import { settlementReport } from './settlement-report';

/** The reports that run off the cashier's path: long reads that never write. */
export const workerMethods = ['reports.sales', 'reports.items', 'reports.settlement', 'reports.orderLines'] as const;
export type WorkerMethod = (typeof workerMethods)[number];

export function isWorkerMethod(method: string): method is WorkerMethod {
  return (workerMethods as readonly string[]).includes(method);
}

export type ReportJob =
  | {
      method: 'reports.sales' | 'reports.items' | 'reports.settlement';
      input: ReportRequest;
      store: StoreInfo;
      now: number;
    }
  | { method: 'reports.orderLines'; input: OrderLinesRequest; store: StoreInfo; now: number }
  // A drill-down only (callDrill): a plain list of orders never leaves the core.
  | { method: 'orders.list'; input: ParsedInputOf<'orders.list'>; store: StoreInfo; now: number };

/** A job from a method and its input as the contract parsed it (the contract ties the two). */
export function reportJob(method: WorkerMethod, input: unknown, store: StoreInfo, now: number): ReportJob {
  return { method, input, store, now } as ReportJob;
}

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
    case 'reports.settlement':
      return settlementReport(db, job.input, job.store, job.now);
    case 'reports.orderLines':
      return orderLinesPage(db, job.input);
    case 'orders.list':
      return drillOrders(db, job.input, job.store);
    default: {
      const unknown: never = job;
      throw new Error(`not a worker report: ${JSON.stringify(unknown)}`);
    }
  }
}
