import type { Database } from 'better-sqlite3';
import type { ReportCompleteness } from '../../../shared/contract/report-completeness';
import type { ReportRequest } from '../../../shared/contract/sales-report';
import type { StoreInfo } from '../../../shared/contract/store';
import { addDays } from '../../../shared/reports/periods';
import { namedStatements } from '../db/open-database';
import type { Handlers } from '../handler-context';
import { requireStore } from '../store/store-records';
import { ackedSeq, lastPullAt, readSyncStatus } from '../sync/sync-records';
import type { SyncRuntime } from '../sync/sync-runtime';
import type { SpanBounds } from './range-sums';
import { boundsOf, dayStart, reportSpans } from './report-spans';
import { perPart, spanParts } from './span-parts';

// A record in the span, for the few unsent ones: the day by its bounds, a cut last day by its time.
const inSpan = (day: string, at: string) =>
  `(${day} BETWEEN @from AND @to AND (@until IS NULL OR ${day} < @to OR ${at} <= @until))`;

// What is unsent lies past the platform's last acknowledged seq, read through the primary key: the
// queue's tail, never the history.
const statements = namedStatements({
  ...perPart({ sales: (where: string) => `SELECT count(*) FROM orders o WHERE ${where}` }),
  unsentSales: `SELECT count(*) FROM outbox x JOIN orders o ON o.id = x.id
    WHERE x.seq > @acked AND x.type = 'order.paid' AND ${inSpan('o.business_day', 'o.paid_at')}`,
  unsentRefunds: `SELECT count(*) FROM outbox x JOIN refunds r ON r.id = x.id JOIN orders o ON o.id = r.order_id
    WHERE x.seq > @acked AND x.type = 'order.refunded'
      AND (${inSpan('o.business_day', 'o.paid_at')} OR ${inSpan('r.business_day', 'r.at')})`,
});

type Link = { runtime: SyncRuntime; now: number };

/** Whether every record of the report's span is in, as this till can know it. */
export function reportCompleteness(
  db: Database,
  request: ReportRequest,
  store: StoreInfo,
  link: Link,
): ReportCompleteness {
  const status = readSyncStatus(db, link.runtime.state(link.now), 'en');
  const pulled = lastPullAt(db);
  const heard = [status.lastSyncAt, pulled, link.runtime.health.lastContactAt].filter((at) => at !== null);
  const lastContactAt = heard.length > 0 ? Math.max(...heard) : null;
  const { span } = reportSpans(request, store, link.now);
  if (!span)
    return { sales: 0, unsentSales: 0, unsentRefunds: 0, link: status.link, lastContactAt, onlineMayArrive: false };
  const bounds = boundsOf(span, store);
  const q = statements(db);
  const params = { ...bounds, acked: ackedSeq(db) };
  const sales = spanParts(bounds).reduce(
    (sum, { part, params: partParams }) => sum + (q[`sales.${part}`].pluck().get(partParams) as number),
    0,
  );
  return {
    sales,
    unsentSales: q.unsentSales.pluck().get(params) as number,
    unsentRefunds: q.unsentRefunds.pluck().get(params) as number,
    link: status.link,
    lastContactAt,
    onlineMayArrive: mayStillArrive(status.link, pulled, bounds, store),
  };
}

/**
 * Online orders reach a till by its pulls. While it listens to the platform they arrive within
 * seconds; a till unpaired has none to receive. Otherwise an order placed in the span may be
 * waiting on the platform unless the till pulled after the span ended.
 */
function mayStillArrive(
  link: ReportCompleteness['link'],
  pulled: number | null,
  bounds: SpanBounds,
  store: StoreInfo,
): boolean {
  if (link === 'online' || link === 'unpaired') return false;
  const end = bounds.until ?? dayStart(addDays(bounds.to, 1), store);
  return pulled === null || pulled < end;
}

export const reportCompletenessHandlers = {
  'reports.completeness': (ctx, input) =>
    reportCompleteness(ctx.db, input, requireStore(ctx.db, ctx.now), { runtime: ctx.sync, now: ctx.now }),
} satisfies Partial<Handlers>;
