import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import { writeOrderHistory } from '../../electron/core/demo/sales-history';
import { reportWorkerOptions, root } from '../../scripts/electron-bundles.mjs';
import type { CallRequest } from '../../shared/contract';
import { uuidv7 } from '../../shared/ids';
import { expectOk } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { tempDir } from '../support/temp-dir';
import { lineFor, openShift, productBySku } from '../support/till';

const worker = { url: new URL('../../electron/core/reports/report-worker-tsx.mjs', import.meta.url) };
// Monday 30 November 2026, 15:00 in Shanghai.
const NOW = Date.UTC(2026, 10, 30, 7, 0);

/**
 * The long reports run in a worker thread on a read-only connection (issue 14, deliverable 8): they
 * answer what the core's own thread answers, refuse alike, and a sale does not wait for them.
 */
describe('reports off the cashier’s path', () => {
  async function openTill(
    reportWorker?: typeof worker,
  ): Promise<{ core: CounterCore; call: (r: CallRequest) => ReturnType<CounterCore['call']> }> {
    const core = openCounterCore({ dataDir: tempDir(), clock: () => NOW, reportWorker });
    return { core, call: (request) => core.call(request) };
  }

  it('answers as the core does, refuses as it does, and lets a sale through while it works', async () => {
    const { core, call } = await openTill(worker);
    const people = await createDemo(call);
    writeOrderHistory(core.environment.db, { orders: 20_000, days: 400, lastDay: '2026-11-29', seed: 21 });
    const manager = await signIn(call, people.manager);
    const year = { period: 'range', firstDay: '2025-12-01', lastDay: '2026-11-30', comparison: 'previous_period' };
    const request = { method: 'reports.sales', input: year, sessionToken: manager };

    const inWorker = expectOk(await call(request));
    expect(inWorker).toEqual(expectOk(core.dispatch(request)));
    const items = { method: 'reports.items', input: year, sessionToken: manager };
    expect(expectOk(await call(items))).toEqual(expectOk(core.dispatch(items)));
    const settlement = { method: 'reports.settlement', input: year, sessionToken: manager };
    const settled = expectOk<{ channels: { current: { commission: number } }[] }>(await call(settlement));
    expect(settled).toEqual(expectOk(core.dispatch(settlement)));
    expect(settled.channels.every((row) => row.current.commission > 0)).toBe(true);
    // A drill-down (a product over the year) is answered in the worker as the core answers it; a
    // cashier asking for one is refused as the core refuses.
    const water0 = await productBySku(call, manager, 'DRK-0001');
    const drill = {
      method: 'orders.list',
      input: {
        span: { firstDay: year.firstDay, lastDay: year.lastDay, untilMinute: null },
        productId: water0.id,
        limit: 50,
      },
      sessionToken: manager,
    };
    const drilled = expectOk<{ orders: unknown[]; sums: { orders: number } }>(await call(drill));
    expect(drilled).toEqual(expectOk(core.dispatch(drill)));
    expect(drilled.sums.orders).toBeGreaterThan(0);
    const drillingCashier = await signIn(call, people.cashier);
    expect(await call({ ...drill, sessionToken: drillingCashier })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // A sale asked for while the year's report is being worked out is answered first.
    const water = await productBySku(call, manager, 'DRK-0001');
    await openShift(call, manager, 0);
    let reportDone = false;
    const report = call(request).then((answer) => {
      reportDone = true;
      return answer;
    });
    const sale = await call({
      method: 'orders.commit',
      input: {
        id: uuidv7(NOW),
        cart: { lines: [lineFor(water)], orderDiscount: null, coupons: [] },
        tenders: [{ method: 'card', amount: water.price, reference: 'T1' }],
      },
      sessionToken: manager,
    });
    expect(sale.ok).toBe(true);
    expect(reportDone).toBe(false);
    expect((await report).ok).toBe(true);

    // Refusals from the worker read as the core's own.
    const backwards = await call({
      method: 'reports.sales',
      input: { period: 'range', firstDay: '2026-11-10', lastDay: '2026-11-01', comparison: null },
      sessionToken: manager,
      locale: 'zh-CN',
    } as CallRequest);
    expect(backwards).toMatchObject({
      ok: false,
      error: {
        code: 'report_range_backwards',
        message: '报表的开始日期（2026-11-10）须早于或等于结束日期（2026-11-01）。',
      },
    });
    const cashier = await signIn(call, people.cashier);
    expect(await call({ ...request, sessionToken: cashier })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await core.close();
  }, 300_000);

  it('runs from the bundle Electron loads, beside main.mjs, with no TypeScript at run time', async () => {
    const out = tempDir('counter-report-bundle-');
    symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
    await build(reportWorkerOptions(out));
    const { core, call } = await openTill({ url: pathToFileURL(join(out, 'report-worker.mjs')) });
    const people = await createDemo(call);
    writeOrderHistory(core.environment.db, { orders: 2_000, days: 60, lastDay: '2026-11-29', seed: 4 });
    const manager = await signIn(call, people.manager);
    const request = {
      method: 'reports.sales',
      input: { period: 'month', firstDay: '2026-11-01', comparison: 'previous_period' },
      sessionToken: manager,
    };
    expect(expectOk(await call(request))).toEqual(expectOk(core.dispatch(request)));
    await core.close();
  }, 120_000);

  it('without a worker, the same call holds the core until the report is done', async () => {
    const { core, call } = await openTill();
    const people = await createDemo(call);
    const manager = await signIn(call, people.manager);
    let reportDone = false;
    const report = call({
      method: 'reports.sales',
      input: { period: 'month', firstDay: '2026-11-01', comparison: null },
      sessionToken: manager,
    }).then(() => {
      reportDone = true;
    });
    await call({ method: 'app.status', input: {} });
    expect(reportDone).toBe(true);
    await report;
    await core.close();
  });
});
