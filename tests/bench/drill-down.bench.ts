import type { InputOf } from '../../shared/contract';
import type { DrillSums } from '../../shared/contract/order-drill';
import type { OrderSummary } from '../../shared/contract/orders';
import { addDays } from '../../shared/reports/periods';
import { type BenchResult, percentile, record } from './bench-report';
import { openCoreWithHistory, unwrap } from './support/bench-core';

type Page = { orders: OrderSummary[]; hasMore: boolean; sums: DrillSums };

/**
 * A report figure's drill-down (orders.list with a span): the first page of fifty and the sums of
 * every order behind the figure, through the dispatcher on the store's own file with `totalOrders`
 * over three years through today (the reports' own store). A day a year back, thirty days and a year; all orders, one channel, one hour,
 * one product. The span is found through the day index, so a day costs the same at any size.
 */
export async function benchDrillDown(totalOrders: number, calls = 5): Promise<BenchResult[]> {
  const { bench, today } = await openCoreWithHistory(totalOrders, 14, { days: 1_096, throughToday: true });
  try {
    const owner = bench.signIn('owner');
    const db = bench.core.environment.db;
    const product = db
      .prepare('SELECT product_id FROM order_lines GROUP BY product_id ORDER BY count(*) LIMIT 1 OFFSET 10')
      .pluck()
      .get() as string;
    const last = addDays(today, -1);
    const spans = {
      day: { firstDay: addDays(today, -365), lastDay: addDays(today, -365), untilMinute: null },
      '30 days': { firstDay: addDays(today, -30), lastDay: last, untilMinute: null },
      year: { firstDay: addDays(today, -365), lastDay: last, untilMinute: null },
    };
    const filters: Record<string, Partial<InputOf<'orders.list'>>> = {
      all: {},
      channel: { channel: 'online_delivery' },
      hour: { hour: 12 },
      product: { productId: product },
    };
    const results: BenchResult[] = [];
    for (const [spanName, span] of Object.entries(spans)) {
      const target = spanName === 'year' ? 1_000 : spanName === 'day' ? 20 : 100;
      for (const [filterName, filter] of Object.entries(filters)) {
        const samples: number[] = [];
        let page: Page | null = null;
        for (let i = 0; i < calls; i += 1) {
          const t0 = performance.now();
          page = unwrap<Page>(
            bench.core.dispatch({ method: 'orders.list', input: { span, ...filter, limit: 50 }, sessionToken: owner }),
            'orders.list',
          );
          samples.push(performance.now() - t0);
        }
        const value = percentile(samples, 50);
        results.push(
          record({
            name: `drill-down-${spanName.replace(' ', '-')}-${filterName}`,
            metric: `p50 orders.list, first page and sums, ${spanName}, ${filterName}, ${totalOrders.toLocaleString('en')} orders stored`,
            value,
            unit: 'ms',
            target,
            pass: value <= target,
            notes: { orders: page?.sums.orders ?? 0, max: +Math.max(...samples).toFixed(1), calls },
          }),
        );
      }
    }
    return results;
  } finally {
    await bench.close();
  }
}
