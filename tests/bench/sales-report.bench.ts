import type { ItemsReport, ReportRequest, SalesReport } from '../../shared/contract/sales-report';
import { addDays } from '../../shared/reports/periods';
import { type BenchResult, percentile, record } from './bench-report';
import { type BenchCore, openCoreWithHistory, unwrap } from './support/bench-core';

type ReportMethod = 'reports.sales' | 'reports.items';

/** Issue 14's targets: at a million orders, and (the second figure) at ten million. */
const targets = { today: [5, 20], month: [50, 250], year: [1_000, 3_000] } as const;

/**
 * The manager's reports through the dispatcher on the store's own file, `totalOrders` stored over
 * three years through today: today against the same weekday last week, the last 30 days against
 * the 30 before, and a year (sales, and products) against the year before. The year is timed cold
 * first (the closed days' facts computed from raw rows and stored), then warm. Every answer is
 * checked: the breakdowns add up to the totals, the totals match a full scan, warm equals cold.
 */
export async function benchSalesReport(totalOrders: number, calls = 5): Promise<BenchResult[]> {
  const { bench, today, generationSeconds } = await openCoreWithHistory(totalOrders, 14, {
    days: 1_096,
    throughToday: true,
  });
  try {
    const owner = bench.signIn('owner');
    const ask = <T>(method: ReportMethod, request: ReportRequest) => {
      const started = performance.now();
      const answer = unwrap<T>(bench.core.dispatch({ method, input: request, sessionToken: owner }), method);
      return { ms: performance.now() - started, answer };
    };
    const timed = <T>(method: ReportMethod, request: ReportRequest) => {
      const runs = Array.from({ length: calls }, () => ask<T>(method, request));
      return { samples: runs.map((run) => run.ms), answer: runs[runs.length - 1].answer };
    };
    const year: ReportRequest = {
      period: 'range',
      firstDay: addDays(today, -365),
      lastDay: addDays(today, -1),
      comparison: 'previous_period',
    };
    const cold = ask<SalesReport>('reports.sales', year);
    const sales = timed<SalesReport>('reports.sales', year);
    const items = timed<ItemsReport>('reports.items', year);
    const day = timed<SalesReport>('reports.sales', {
      period: 'day',
      firstDay: today,
      comparison: 'same_weekday_last_week',
    });
    const month = timed<SalesReport>('reports.sales', {
      period: 'range',
      firstDay: addDays(today, -29),
      lastDay: today,
      comparison: 'previous_period',
    });

    const wrong = [
      ...checkYear(bench, year, sales.answer, items.answer),
      ...(JSON.stringify(cold.answer) === JSON.stringify(sales.answer) ? [] : ['warm differs from cold']),
    ];
    const size = totalOrders >= 10_000_000 ? 1 : 0;
    const notes = {
      correct: wrong.length === 0 ? 'yes: breakdowns = totals = full scan, warm = cold' : `NO: ${wrong.join('; ')}`,
      orders: totalOrders,
      ordersInYear: sales.answer.totals.current.orders,
      ordersToday: day.answer.totals.current.orders,
      calls,
      generationSeconds: +generationSeconds.toFixed(1),
      ...bench.environment(),
    };
    const stored = `${totalOrders.toLocaleString('en')} orders over 3 years`;
    const result = (name: string, metric: string, samples: number[], target: number, extra = {}) =>
      record({
        name,
        metric: `p50 ${metric}, ${stored}`,
        value: percentile(samples, 50),
        unit: 'ms',
        target,
        pass: wrong.length === 0 && percentile(samples, 50) <= target,
        notes: { ...notes, max: +Math.max(...samples).toFixed(1), ...extra },
      });
    return [
      result('sales-report-today', 'reports.sales, today against last week', day.samples, targets.today[size]),
      result(
        'sales-report-30-days',
        'reports.sales, 30 days against the 30 before',
        month.samples,
        targets.month[size],
      ),
      result('sales-report-year', 'reports.sales, a year against the year before', sales.samples, targets.year[size], {
        coldMs: +cold.ms.toFixed(0),
      }),
      result('items-report-year', 'reports.items, a year against the year before', items.samples, targets.year[size], {
        products: items.answer.byProduct.length,
      }),
    ];
  } finally {
    await bench.close();
  }
}

/** What is wrong with the year's answers, checked against a full scan of the raw rows. */
function checkYear(bench: BenchCore, year: ReportRequest, sales: SalesReport, items: ItemsReport): string[] {
  const scan = bench.core.environment.db
    .prepare('SELECT count(*) AS orders, sum(total) AS net FROM orders NOT INDEXED WHERE business_day BETWEEN ? AND ?')
    .get(year.firstDay, year.lastDay) as { orders: number; net: number };
  const totals = sales.totals.current;
  const add = (rows: { current: { net: number } }[]) => rows.reduce((sum, row) => sum + row.current.net, 0);
  return [
    ...(totals.orders === scan.orders && totals.net === scan.net ? [] : [`totals ${totals.net} vs scan ${scan.net}`]),
    ...[sales.byDay, sales.byChannel, sales.byHour, sales.byCashier]
      .filter((rows) => add(rows) !== totals.net)
      .map(() => 'a breakdown does not add up'),
    ...(items.byProduct.reduce((sum, row) => sum + row.net, 0) === totals.net ? [] : ['products do not add up']),
  ];
}
