import { rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { daySummarySql } from '../../electron/core/reports/day-summary';
import type { DaySummary } from '../../shared/contract/reports';
import { type BenchResult, percentile, record } from './bench-report';
import { type BenchCore, openDemoCore, reopenBenchCore, unwrap } from './support/bench-core';
import { type DayTally, writeOrderHistory } from './support/order-history';

type Figures = Pick<DaySummary, 'orders' | 'items' | 'gross' | 'discounts' | 'net' | 'tax' | 'refunds'> & {
  byMethod: { method: string; amount: number; count: number }[];
  byChannel: { channel: string; orders: number; net: number }[];
  byHour: { hour: number; orders: number; net: number }[];
};

/** The day's figures by full table scans (`NOT INDEXED`): slow, and independent of the report's indexes. */
function bruteForce(db: Database, day: string): Figures {
  const totals = db
    .prepare(
      `SELECT count(*) AS orders, coalesce(sum(item_count), 0) AS items, coalesce(sum(gross), 0) AS gross,
         coalesce(sum(discount), 0) AS discounts, coalesce(sum(total), 0) AS net, coalesce(sum(tax), 0) AS tax
       FROM orders NOT INDEXED WHERE business_day = ?`,
    )
    .get(day) as Omit<Figures, 'refunds' | 'byMethod' | 'byChannel' | 'byHour'>;
  return {
    ...totals,
    refunds: db
      .prepare(
        'SELECT coalesce(sum(amount), 0) AS amount, count(*) AS count FROM refunds NOT INDEXED WHERE business_day = ?',
      )
      .get(day) as Figures['refunds'],
    byMethod: db
      .prepare(
        `SELECT method, sum(amount) AS amount, count(*) AS count FROM payments NOT INDEXED
         WHERE business_day = ? GROUP BY method ORDER BY method`,
      )
      .all(day) as Figures['byMethod'],
    byChannel: db
      .prepare(
        `SELECT channel, count(*) AS orders, sum(total) AS net FROM orders NOT INDEXED
         WHERE business_day = ? GROUP BY channel ORDER BY channel`,
      )
      .all(day) as Figures['byChannel'],
    byHour: db
      .prepare(
        `SELECT hour, count(*) AS orders, sum(total) AS net FROM orders NOT INDEXED
         WHERE business_day = ? GROUP BY hour ORDER BY hour`,
      )
      .all(day) as Figures['byHour'],
  };
}

function fromTally(t: DayTally): Figures {
  const sorted = <K extends string | number, V>(map: Map<K, V>) =>
    [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    orders: t.orders,
    items: t.items,
    gross: t.gross,
    discounts: t.discounts,
    net: t.net,
    tax: t.tax,
    refunds: t.refunds,
    byMethod: sorted(t.byMethod).map(([method, v]) => ({ method, ...v })),
    byChannel: sorted(t.byChannel).map(([channel, v]) => ({ channel, ...v })),
    byHour: sorted(t.byHour).map(([hour, v]) => ({ hour, ...v })),
  } as Figures;
}

function pick(report: DaySummary): Figures {
  const { orders, items, gross, discounts, net, tax, refunds, byMethod, byChannel, byHour } = report;
  return { orders, items, gross, discounts, net, tax, refunds, byMethod, byChannel, byHour };
}

function differences(a: Figures, b: Figures): string[] {
  return (Object.keys(a) as (keyof Figures)[])
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => `${key}: ${JSON.stringify(a[key])} vs ${JSON.stringify(b[key])}`);
}

/** EXPLAIN QUERY PLAN of each statement the day report runs, as one line per statement. */
function queryPlans(db: Database, day: string): Record<string, string> {
  const plans: Record<string, string> = {};
  for (const [name, sql] of Object.entries(daySummarySql)) {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(day) as { detail: string }[];
    plans[`plan.${name}`] = rows.map((row) => row.detail).join(' | ');
  }
  return plans;
}

/**
 * `reports.day` through the dispatcher for the busiest business day of a year of history: the
 * store's own file, reopened after generation with the core's pragmas, so the figure is what the
 * owner waits for at the counter. The answer is checked against a brute-force scan and an
 * independent tally first: a fast wrong report fails.
 */
export function benchDaySummary(totalOrders: number, calls = 200): BenchResult {
  const generated = openDemoCore();
  const { dataDir } = generated;
  let bench: BenchCore | null = generated;
  try {
    const db = generated.core.environment.db;
    const started = performance.now();
    db.pragma('synchronous = OFF');
    const history = writeOrderHistory(db, totalOrders);
    db.pragma('synchronous = FULL');
    // What the core's idle checkpoint does; without it every read would wade through a huge WAL.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const generationSeconds = (performance.now() - started) / 1_000;
    generated.core.close();
    bench = null;
    const reopened = reopenBenchCore(dataDir);
    bench = reopened;
    const { core } = reopened;
    const owner = reopened.signIn('owner');
    const day = history.busiestDay;
    const call = () => core.dispatch({ method: 'reports.day', input: { businessDay: day }, sessionToken: owner });

    const firstStarted = performance.now();
    const first = unwrap<DaySummary>(call(), 'reports.day');
    const firstMs = performance.now() - firstStarted;
    const samples: number[] = [];
    let report = first;
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      const result = call();
      samples.push(performance.now() - t0);
      report = unwrap<DaySummary>(result, 'reports.day');
    }

    const scanned = bruteForce(core.environment.db, day);
    const wrong = [
      ...differences(pick(report), scanned).map((d) => `report vs scan: ${d}`),
      ...differences(fromTally(history.busiest), scanned).map((d) => `tally vs scan: ${d}`),
      ...(JSON.stringify(first) === JSON.stringify(report) ? [] : ['first and last answers differ']),
      ...(report.orders > 0 ? [] : ['the busiest day reported no orders']),
    ];
    const plans = queryPlans(core.environment.db, day);
    const covering = Object.values(plans).every((plan) => /USING COVERING INDEX/.test(plan));
    const p99 = percentile(samples, 99);
    const correct = wrong.length === 0;
    return record({
      name: 'day-summary',
      metric: `p99 reports.day, busiest day, ${totalOrders.toLocaleString('en')} orders stored`,
      value: p99,
      unit: 'ms',
      target: 5,
      pass: correct && p99 <= 5,
      notes: {
        correct: correct ? 'yes: report = full-scan SQL = generation tally' : `NO: ${wrong.join('; ')}`,
        orders: totalOrders,
        businessDay: day,
        ordersThatDay: report.orders,
        paymentsThatDay: report.byMethod.reduce((s, m) => s + m.count, 0),
        refundsThatDay: report.refunds.count,
        days: history.days.length,
        refundsStored: history.refunds,
        calls,
        p50: +percentile(samples, 50).toFixed(3),
        p99: +p99.toFixed(3),
        max: +Math.max(...samples).toFixed(3),
        firstCallMs: +firstMs.toFixed(3),
        generationSeconds: +generationSeconds.toFixed(1),
        coveringIndexes: covering ? 'yes' : 'NO',
        ...plans,
        ...reopened.environment(),
      },
    });
  } finally {
    if (bench) bench.close();
    else rmSync(dataDir, { recursive: true, force: true });
  }
}
