import { describe, expect, it } from 'vitest';
import { demoStaff } from '../../electron/core/demo/demo-store';
import type { SalesReport } from '../../shared/contract/sales-report';
import { uuidv7 } from '../../shared/ids';
import { expectOk, openHarness } from '../support/callers';
import { signIn } from '../support/demo-session';

// Wednesday 2 December 2026, 10:00 in Shanghai.
const NOW = Date.UTC(2026, 11, 2, 2, 0);

/** "Try the demo store" comes with past weeks of sales, so a new manager's reports have a story. */
describe('the demo store’s past weeks', () => {
  it('fill the reports before today and today up to now, none in the future, and cannot be refunded', async () => {
    const { core, call } = await openHarness('in-process', { clock: () => NOW });
    expectOk(await call({ method: 'store.createDemo', input: { locale: 'en', history: true } }));
    const db = core.environment.db;
    const days = db
      .prepare(
        'SELECT min(business_day) AS first, max(business_day) AS last, max(paid_at) AS latest, count(*) AS n FROM orders',
      )
      .get() as { first: string; last: string; latest: number; n: number };
    // Fourteen weeks before today, and today's sales up to 10:00: the same generator cut at now.
    expect(days).toMatchObject({ first: '2026-08-26', last: '2026-12-02' });
    expect(days.latest).toBeLessThanOrEqual(NOW);
    expect(days.n).toBeGreaterThan(4_900);
    expect(db.prepare('SELECT max(at) FROM refunds').pluck().get()).toBeLessThanOrEqual(NOW);
    expect(db.prepare('SELECT count(*) FROM outbox WHERE type = ?').pluck().get('order.paid')).toBe(0);

    const { staff } = expectOk<{ staff: { id: string; name: string; role: string }[] }>(
      await call({ method: 'staff.signInOptions', input: {} }),
    );
    const manager = staff.find((member) => member.role === 'manager');
    const pin = demoStaff.find((member) => member.role === 'manager')?.pin ?? '';
    const session = await signIn(call, { id: manager?.id ?? '', name: manager?.name ?? '', role: 'manager', pin });
    const month = expectOk<SalesReport>(
      await call({
        method: 'reports.sales',
        input: { period: 'month', firstDay: '2026-11-01', comparison: 'previous_period' },
        sessionToken: session,
      }),
    );
    expect(month.totals.current.orders).toBeGreaterThan(1_000);
    // October has its whole month of history too, so the comparison is like for like.
    expect(month.totals.earlier?.orders).toBeGreaterThan(1_000);
    // Today so far, against the same hours of last Wednesday: sales on both sides, so the change is
    // a comparison of like with like, not −100 %.
    const today = expectOk<SalesReport>(
      await call({
        method: 'reports.sales',
        input: { period: 'day', firstDay: '2026-12-02', comparison: 'same_weekday_last_week' },
        sessionToken: session,
      }),
    );
    expect(today.span?.untilMinute).toBe(6 * 60);
    expect(today.totals.current.orders).toBeGreaterThan(0);
    expect(today.totals.earlier?.orders).toBeGreaterThan(0);
    expect(today.totals.current.orders).toBeLessThan(today.totals.earlier ? today.totals.earlier.orders * 4 : 0);

    const sample = db.prepare('SELECT id FROM orders LIMIT 1').pluck().get() as string;
    const refused = await call({
      method: 'orders.refund',
      input: { id: uuidv7(NOW), orderId: sample, lines: [{ lineNo: 1, quantity: 1 }], to: 'original', reason: 'test' },
      sessionToken: session,
      locale: 'en',
    } as never);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'sample_order', message: expect.stringContaining('sample order') },
    });
    expect(db.prepare('SELECT count(*) FROM refunds WHERE order_id = ?').pluck().get(sample)).toBe(0);
    await core.close();
  }, 300_000);
});
