import type { Database } from 'better-sqlite3';
import type { Channel, PaymentMethod } from '../../../shared/contract/orders';
import type { Figures, ReportRequest, SalesReport } from '../../../shared/contract/sales-report';
import type { StoreInfo } from '../../../shared/contract/store';
import type { Money } from '../../../shared/money';
import { bySource } from '../../../shared/pricing/discount-sources';
import { emptySums, type SalesSums, salesFigures } from '../../../shared/reports/figures';
import { addDays, dayNumber, type Span } from '../../../shared/reports/periods';
import { namedStatements } from '../db/open-database';
import { campaignReport } from './campaign-report';
import { cashierActivity, staffNames } from './cashier-activity';
import { type BuiltDay, factsOf } from './day-facts';
import type { MethodSums } from './range-lines';
import { refundsMadeIn } from './range-money';
import { type OrderGroup, rollUp, type SpanBounds } from './range-sums';
import { boundsOf, dayStart, reportSpans } from './report-spans';
import type { SpanFacts } from './span-facts';

/** The one place sums become the contract's figures (amounts in minor units, as Money). */
export function figuresOf(sums: SalesSums | undefined): Figures {
  return salesFigures(sums ?? emptySums) as Figures;
}

type Side = { bounds: SpanBounds; span: Span; facts: SpanFacts };

const noOrders = { orders: 0, revenue: 0 as Money, averageTicket: 0 as Money };

/**
 * The sales report for a period: totals and every breakdown from the same sums (range-sums.ts), now
 * and in the earlier span, so each table adds up to the totals and each change is like for like.
 */
export function salesReport(
  db: Database,
  request: ReportRequest,
  store: StoreInfo,
  now: number,
  built?: (day: BuiltDay) => void,
): SalesReport {
  const { period, span, compared } = reportSpans(request, store, now);
  const side = (found: Span | null, needed: 'sales' | 'comparedSales'): Side | null => {
    if (!found) return null;
    const bounds = boundsOf(found, store);
    return { span: found, bounds, facts: factsOf(db, bounds, needed, store, built) };
  };
  const current = side(span, 'sales');
  const earlier = side(compared, 'comparedSales');
  const nowCells = current ? current.facts.cells : [];
  const earlierCells = earlier ? earlier.facts.cells : null;
  const by = (group: OrderGroup): Paired => ({
    current: rollUp(nowCells, group),
    earlier: earlierCells ? rollUp(earlierCells, group) : null,
  });
  const pair = (sums: Paired, key: string | number) => ({
    current: figuresOf(sums.current.get(key)),
    earlier: sums.earlier ? figuresOf(sums.earlier.get(key)) : null,
  });
  const keysOf = (sums: Paired) =>
    [...new Set([...sums.current.keys(), ...(sums.earlier?.keys() ?? [])])].sort((a, b) =>
      typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
    );

  const all = by('all');
  const hours = by('hour');
  const weekdays = by('weekday');
  const channels = by('channel');
  const cashiers = by('cashier');
  const days = by('day');
  const shift = current && earlier ? dayNumber(current.span.from) - dayNumber(earlier.span.from) : 0;

  return {
    currency: store.currency,
    period,
    span,
    compared,
    firstRecordedDay: firstRecordedDay(db),
    totals: pair(all, ''),
    refundsMade: {
      current: current ? refundsMadeIn(db, current.bounds) : { amount: 0 as Money, count: 0 },
      earlier: earlier ? refundsMadeIn(db, earlier.bounds) : null,
    },
    discountsBySource: current ? bySource(current.facts.discounts) : [],
    byDay: daysOf(current?.span ?? null).map((day) => ({
      day,
      earlierDay: earlier ? addDays(day, -shift) : null,
      current: figuresOf(days.current.get(day)),
      earlier: days.earlier ? figuresOf(days.earlier.get(addDays(day, -shift))) : null,
    })),
    byHour: keysOf(hours).map((hour) => ({ hour: Number(hour), ...pair(hours, hour) })),
    byWeekday: keysOf(weekdays).map((weekday) => ({ weekday: Number(weekday), ...pair(weekdays, weekday) })),
    byChannel: keysOf(channels).map((channel) => ({ channel: channel as Channel, ...pair(channels, channel) })),
    byMethod: methodRows(current?.facts.methods ?? [], earlier?.facts.methods ?? null),
    byCashier: cashierRows(db, store, current, cashiers),
    campaigns: current ? campaignReport(current.facts.campaigns) : { campaigns: [], withoutCoupon: noOrders },
  };
}

const firstDayStatement = namedStatements({ first: 'SELECT min(business_day) FROM orders' });

function firstRecordedDay(db: Database): string | null {
  return (firstDayStatement(db).first.pluck().get() as string | null) ?? null;
}

function daysOf(span: Span | null): string[] {
  if (!span) return [];
  const count = dayNumber(span.to) - dayNumber(span.from) + 1;
  return Array.from({ length: count }, (_, i) => addDays(span.from, i));
}

function methodRows(now: readonly MethodSums[], earlier: readonly MethodSums[] | null): SalesReport['byMethod'] {
  const before = earlier ? new Map(earlier.map((row) => [row.method, row.amount])) : null;
  const methods = [...new Set([...now.map((row) => row.method), ...(before?.keys() ?? [])])].sort();
  return methods.map((method) => {
    const row = now.find((found) => found.method === method);
    return {
      method: method as PaymentMethod,
      amount: (row?.amount ?? 0) as Money,
      orders: row?.orders ?? 0,
      earlierAmount: before ? ((before.get(method) ?? 0) as Money) : null,
    };
  });
}

type Paired = { current: Map<string | number, SalesSums>; earlier: Map<string | number, SalesSums> | null };

function cashierRows(db: Database, store: StoreInfo, current: Side | null, sales: Paired): SalesReport['byCashier'] {
  if (!current) return [];
  const end = current.bounds.until ?? dayStart(addDays(current.span.to, 1), store);
  const instants = { start: dayStart(current.span.from, store), end };
  const activity = cashierActivity(db, current.bounds, instants, current.facts.rounding);
  const names = staffNames(db);
  const ids = new Set([...sales.current.keys(), ...(sales.earlier?.keys() ?? []), ...activity.keys()].map(String));
  return [...ids]
    .map((staffId) => {
      const did = activity.get(staffId);
      return {
        staffId,
        name: names.get(staffId) ?? staffId,
        current: figuresOf(sales.current.get(staffId)),
        earlier: sales.earlier ? figuresOf(sales.earlier.get(staffId)) : null,
        refundsMade: (did?.refundsMade ?? { amount: 0, count: 0 }) as { amount: Money; count: number },
        voids: did?.voids ?? 0,
        noSales: did?.noSales ?? 0,
        rounding: (did?.rounding ?? 0) as Money,
      };
    })
    .sort((a, b) => b.current.net - a.current.net || a.name.localeCompare(b.name));
}
