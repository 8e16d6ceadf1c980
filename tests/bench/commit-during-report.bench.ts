import type { Product } from '../../shared/contract/catalog';
import { uuidv7 } from '../../shared/ids';
import { addDays } from '../../shared/reports/periods';
import { type BenchResult, percentile, record } from './bench-report';
import { makeSales } from './order-commit.bench';
import { openCoreWithHistory, unwrap } from './support/bench-core';

const worker = { url: new URL('../../electron/core/reports/report-worker-tsx.mjs', import.meta.url) };

/**
 * Sales through `core.call`, as the shells send them, first alone and then while a manager's year
 * report runs again and again in the report worker: the cashier's commit p99 must not move (issue
 * 14: ≤ 5 ms while a year report runs). `totalOrders` of history make the report a long one.
 */
export async function benchCommitDuringReport(totalOrders: number, commits = 300): Promise<BenchResult> {
  const { bench, today } = await openCoreWithHistory(totalOrders, 14, {
    reportWorker: worker,
    days: 1_096,
    throughToday: true,
  });
  try {
    const { core } = bench;
    const manager = bench.signIn('manager');
    unwrap(core.dispatch({ method: 'shift.open', input: { float: 50_000 }, sessionToken: manager }), 'shift.open');
    const products = unwrap<{ items: Product[] }>(
      core.dispatch({ method: 'catalog.searchProducts', input: { limit: 200 }, sessionToken: manager }),
      'catalog.searchProducts',
    ).items;
    const sales = makeSales(products, commits * 2, 3);
    let next = 0;
    const commitAll = async (count: number) => {
      const samples: number[] = [];
      for (let i = 0; i < count; i += 1) {
        const sale = sales[next++];
        const started = performance.now();
        const answer = await core.call({
          method: 'orders.commit',
          input: { id: uuidv7(), cart: sale.cart, tenders: sale.tenders },
          sessionToken: manager,
        });
        samples.push(performance.now() - started);
        unwrap(answer, 'orders.commit');
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return samples;
    };

    const alone = await commitAll(commits);
    let reporting = true;
    let reports = 0;
    const year = { period: 'range', firstDay: addDays(today, -365), lastDay: today, comparison: 'previous_period' };
    const reportLoop = (async () => {
      while (reporting) {
        unwrap(await core.call({ method: 'reports.sales', input: year, sessionToken: manager }), 'reports.sales');
        reports += 1;
      }
    })();
    const during = await commitAll(commits);
    reporting = false;
    await reportLoop;
    const p99 = percentile(during, 99);
    return record({
      name: 'commit-during-report',
      metric: `p99 orders.commit while a year report runs in the worker, ${totalOrders.toLocaleString('en')} orders stored`,
      value: p99,
      unit: 'ms',
      target: 5,
      pass: reports > 0 && p99 <= 5,
      notes: {
        commits,
        reportsFinishedMeanwhile: reports,
        p50During: +percentile(during, 50).toFixed(2),
        p50Alone: +percentile(alone, 50).toFixed(2),
        p99Alone: +percentile(alone, 99).toFixed(2),
        ...bench.environment(),
      },
    });
  } finally {
    await bench.close();
  }
}
