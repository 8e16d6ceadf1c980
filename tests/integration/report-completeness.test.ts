import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract';
import type { OrderDetail } from '../../shared/contract/orders';
import type { ReportCompleteness } from '../../shared/contract/report-completeness';
import type { ReportRequest } from '../../shared/contract/sales-report';
import { uuidv7 } from '../../shared/ids';
import { type Caller, expectOk, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { startFaultProxy } from '../support/fault-proxy';
import { startTestPlatform, waitFor } from '../support/platform-admin';
import { lineFor, openShift, type PairedTill, payByCard, productBySku, startPairedTill } from '../support/till';

/**
 * Deliver 6 of issue 14, "data complete as of": a report's span says what of it this till has not
 * yet sent to the platform, when it last heard from it, and whether online orders placed in the
 * span may still arrive; against a real platform behind a proxy the test cuts and restores.
 */
describe('a report says whether every record of its span is in', () => {
  const cleanup: (() => Promise<void>)[] = [];
  let till: PairedTill;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  let today: ReportRequest;

  beforeAll(async () => {
    const platform = await startTestPlatform();
    cleanup.push(() => platform.close());
    const { pairingCode } = await platform.admin.createStore('报表完整性店');
    proxy = await startFaultProxy(() => platform.url, { seed: 3, faultRate: 0 });
    cleanup.push(() => proxy.close());
    till = await startPairedTill(proxy.url, pairingCode);
    cleanup.push(() => till.core.close());
    const { store } = expectOk<{ store: { businessDay: string } }>(till.dispatch('app.status', {}));
    today = { period: 'day', firstDay: store.businessDay, comparison: null };
  }, 60_000);

  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  const completeness = () =>
    expectOk<ReportCompleteness>(till.dispatch('reports.completeness', today, till.tokens.manager));

  it('counts the span’s unsent sales and refunds, and says complete once the sync has sent them', async () => {
    const caller: Caller = (request) => till.core.call(request);
    await waitFor(() => till.status().unsent === 0, 20_000, 'the pairing sent');
    expect(completeness()).toMatchObject({ sales: 0, unsentSales: 0, unsentRefunds: 0, link: 'online' });
    expect(completeness().onlineMayArrive).toBe(false);

    proxy.setRefusing(true);
    let order: OrderDetail;
    try {
      const water = await productBySku(caller, till.tokens.cashier, 'DRK-0001');
      order = await payByCard(caller, till.tokens.cashier, [lineFor(water), lineFor(water)], water.price * 2);
      expectOk(
        till.dispatch(
          'orders.refund',
          { id: uuidv7(), orderId: order.id, lines: [{ lineNo: 1, quantity: 1 }], to: 'original', reason: '退一瓶' },
          till.tokens.manager,
        ),
      );
      expect(completeness()).toMatchObject({ sales: 1, unsentSales: 1, unsentRefunds: 1 });
      // Cut off, the till cannot know what the platform holds for it: an online order placed today
      // may be waiting there.
      const cut = await waitFor(
        () => {
          const now = completeness();
          return now.link !== 'online' ? now : undefined;
        },
        20_000,
        'the link noticed',
      );
      expect(cut.onlineMayArrive).toBe(true);
      expect(cut.unsentSales).toBe(1);
    } finally {
      proxy.setRefusing(false);
    }
    expectOk(till.dispatch('sync.retryNow', {}));
    const restored = Date.now();
    const complete = await waitFor(
      () => {
        const now = completeness();
        return now.unsentSales === 0 && now.unsentRefunds === 0 && now.link === 'online' ? now : undefined;
      },
      20_000,
      'everything sent',
    );
    expect(complete).toMatchObject({ sales: 1, onlineMayArrive: false });
    expect(complete.lastContactAt).toBeGreaterThanOrEqual(restored - 1_000);
  }, 60_000);

  it('a till with no platform says so: nothing to send, nothing to arrive', async () => {
    const { call } = await openHarness('in-process');
    const people = await createDemo(call);
    const manager = await signIn(call, people.manager);
    const answer = await call({
      method: 'reports.completeness',
      input: { period: 'week', firstDay: '2026-11-30', comparison: null },
      sessionToken: manager,
    });
    expect(answer).toMatchObject({
      ok: true,
      value: { link: 'unpaired', unsentSales: 0, lastContactAt: null, onlineMayArrive: false },
    });
  });

  it('a sale and a refund say which days’ reports they change, so only those are asked again', async () => {
    const { core, call } = await openHarness('in-process');
    const people = await createDemo(call);
    const cashier = await signIn(call, people.cashier);
    const manager = await signIn(call, people.manager);
    await openShift(call, cashier);
    const events: AppEvent[] = [];
    core.subscribe((event) => events.push(event));
    const water = await productBySku(call, cashier, 'DRK-0001');
    const order = await payByCard(call, cashier, [lineFor(water)], water.price);
    expect(events).toContainEqual({ type: 'orders.changed', days: [order.businessDay] });
    expectOk(
      await call({
        method: 'orders.refund',
        input: { id: uuidv7(), orderId: order.id, lines: [{ lineNo: 1, quantity: 1 }], to: 'original', reason: '退货' },
        sessionToken: manager,
      }),
    );
    expect(events.at(-1)).toEqual({ type: 'orders.changed', days: [order.businessDay, order.businessDay] });
  });
});
