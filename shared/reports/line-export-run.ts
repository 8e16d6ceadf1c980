import type { ExportCursor, ExportLine, OrderLinesPage } from '../contract/line-export';
import { csvStream, type StreamColumn, xlsxStream } from './table-stream';

export type LineExportFormat = 'csv' | 'xlsx';

export type LineExportOutcome =
  | { kind: 'saved'; orders: number; lines: number }
  | { kind: 'none' }
  | { kind: 'cancelled' };

type Run = {
  firstDay: string;
  lastDay: string;
  format: LineExportFormat;
  columns: readonly StreamColumn<ExportLine>[];
  sheetName: string;
  /** One page from the core (`reports.orderLines`). */
  page(input: { firstDay: string; lastDay: string; after: ExportCursor | null }): Promise<OrderLinesPage>;
  /** Where the bytes go, in order, as they are made. */
  out(bytes: Uint8Array): void;
  progress?(done: number, total: number): void;
  cancelled?(): boolean;
};

/**
 * A range's order lines, page after page from the core into a CSV or Excel stream: memory holds
 * one page, whatever the range.
 */
export async function runLineExport(run: Run): Promise<LineExportOutcome> {
  const first = await run.page({ firstDay: run.firstDay, lastDay: run.lastDay, after: null });
  const total = first.totalOrders ?? 0;
  if (total === 0) return { kind: 'none' };
  const stream =
    run.format === 'csv' ? csvStream(run.columns, run.out) : xlsxStream(run.columns, run.sheetName, run.out);
  let page = first;
  let orders = 0;
  let lines = 0;
  for (;;) {
    stream.write(page.lines);
    orders += page.orders;
    lines += page.lines.length;
    run.progress?.(orders, total);
    if (!page.next) break;
    if (run.cancelled?.()) return { kind: 'cancelled' };
    page = await run.page({ firstDay: run.firstDay, lastDay: run.lastDay, after: page.next });
  }
  stream.end();
  return { kind: 'saved', orders, lines };
}
