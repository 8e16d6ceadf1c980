import type { ItemsReport, ReportRequest, SalesReport } from '../../shared/contract/sales-report';
import { addDays } from '../../shared/reports/periods';
import { type BenchResult, percentile, record } from './bench-report';
import { openCoreWithHistory, unwrap } from './support/bench-core';

/**
 * A year of the sales report and of the product report, each against the year before, through the
 * dispatcher on the store's own file with `totalOrders` stored over two years. The answer is
 * checked first: every breakdown must add up to the totals, and the totals must match a full scan.
 */
export async function benchSalesReport(totalOrders: number, calls = 5): Promise<BenchResult[]> {
  const { bench, today, generationSeconds } = await openCoreWithHistory(totalOrders, 14);
  try {
    const reopened = bench;
    const owner = reopened.signIn('owner');
    const request: ReportRequest = {
      period: 'range',
      firstDay: addDays(today, -365),
      lastDay: addDays(today, -1),
      comparison: 'previous_period',
    };
    const time = <T>(method: 'reports.sales' | 'reports.items') => {
      const samples: number[] = [];
      let answer: T | null = null;
      for (let i = 0; i < calls; i += 1) {
        const t0 = performance.now();
        answer = unwrap<T>(reopened.core.dispatch({ method, input: request, sessionToken: owner }), method);
        samples.push(performance.now() - t0);
      }
      return { samples, answer: answer as T };
    };
    const sales = time<SalesReport>('reports.sales');
    const items = time<ItemsReport>('reports.items');

    const scan = reopened.core.environment.db
      .prepare(
        'SELECT count(*) AS orders, sum(total) AS net FROM orders NOT INDEXED WHERE business_day BETWEEN ? AND ?',
      )
      .get(request.firstDay, request.lastDay) as { orders: number; net: number };
    const totals = sales.answer.totals.current;
    const add = (rows: { current: { net: number } }[]) => rows.reduce((sum, row) => sum + row.current.net, 0);
    const wrong = [
      ...(totals.orders === scan.orders && totals.net === scan.net ? [] : [`totals ${totals.net} vs scan ${scan.net}`]),
      ...[sales.answer.byDay, sales.answer.byChannel, sales.answer.byHour, sales.answer.byCashier]
        .filter((rows) => add(rows) !== totals.net)
        .map(() => 'a breakdown does not add up'),
      ...(items.answer.byProduct.reduce((sum, row) => sum + row.net, 0) === totals.net
        ? []
        : ['products do not add up']),
    ];
    const notes = {
      correct: wrong.length === 0 ? 'yes: breakdowns = totals = full scan' : `NO: ${wrong.join('; ')}`,
      orders: totalOrders,
      ordersInYear: totals.orders,
      calls,
      generationSeconds: +generationSeconds.toFixed(1),
      ...reopened.environment(),
    };
    const year = (name: string, method: string, samples: number[], extra: Record<string, number> = {}) =>
      record({
        name,
        metric: `p50 ${method}, a year against the year before, ${totalOrders.toLocaleString('en')} orders stored`,
        value: percentile(samples, 50),
        unit: 'ms',
        target: 1_000,
        pass: wrong.length === 0 && percentile(samples, 50) <= 1_000,
        notes: { ...notes, max: +Math.max(...samples).toFixed(1), ...extra },
      });
    return [
      year('sales-report-year', 'reports.sales', sales.samples),
      year('items-report-year', 'reports.items', items.samples, { products: items.answer.byProduct.length }),
    ];
  } finally {
    await bench.close();
  }
}
