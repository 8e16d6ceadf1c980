import { describe, expect, it } from 'vitest';
import { writeOrderHistory } from '../../electron/core/demo/sales-history';
import { closedHoursOf } from '../../electron/core/reports/hour-facts';
import type { SalesReport } from '../../shared/contract/sales-report';
import { uuidv7 } from '../../shared/ids';
import { expectOk, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { lineFor, openShift, payByCard, productBySku } from '../support/till';

const HOUR = 3_600_000;
// Wednesday 2 December 2026 in Shanghai (UTC+8), at a local hour and minute.
const at = (hour: number, minute = 0) => Date.UTC(2026, 11, 2, hour - 8, minute);
const shanghai = { businessDay: '2026-12-02', timeZone: 'Asia/Shanghai', dayCutoffHour: 4 };

/**
 * Today's report reads its closed hours from stored facts (migration 0011) and only the hour in
 * progress from raw rows, on both sides: today so far, and the same weekday last week cut at the
 * same minute. The answer is always the raw rows' answer: a refund of an order of a closed hour,
 * a sale in a new hour, or every stored hour deleted changes nothing but where it is read from.
 */
describe('stored hour facts of a day in progress', () => {
  it('answer as the raw rows do, cold and warm, and follow a refund of a closed hour', async () => {
    let now = at(9, 5);
    const { core, call } = await openHarness('in-process', { clock: () => now });
    const people = await createDemo(call);
    const db = core.environment.db;
    writeOrderHistory(db, { orders: 1_500, days: 10, lastDay: '2026-12-01', seed: 11 });
    let manager = await signIn(call, people.manager);
    await openShift(call, manager, 10_000);
    const water = await productBySku(call, manager, 'DRK-0001');
    const sell = (count: number) =>
      payByCard(call, manager, [lineFor(water, { kind: 'count', count })], water.price * count);
    const early = await sell(2);
    for (const [hour, count] of [
      [10, 1],
      [12, 3],
      [15, 1],
    ] as const) {
      now = at(hour, 20);
      manager = await signIn(call, people.manager);
      await sell(count);
    }
    now = at(15, 47);
    manager = await signIn(call, people.manager);

    const today = async () =>
      expectOk<SalesReport>(
        await call({
          method: 'reports.sales',
          input: { period: 'day', firstDay: '2026-12-02', comparison: 'same_weekday_last_week' },
          sessionToken: manager,
        }),
      );
    const rawNet = (day: string, until: number) =>
      db
        .prepare('SELECT coalesce(sum(total), 0) FROM orders WHERE business_day = ? AND paid_at <= ?')
        .pluck()
        .get(day, until) as number;
    const storedHours = (day: string) =>
      db.prepare('SELECT hour FROM hour_facts WHERE business_day = ? ORDER BY hour').pluck().all(day) as number[];
    const cut = at(15, 47) + 59_999;

    // Hours stored long ago: the year-on-year day is kept, older ones are dropped with the next store.
    const storedLongAgo = (day: string) =>
      db
        .prepare(
          "INSERT INTO hour_facts (business_day, hour, version, changes, sales, items) VALUES (?, 9, 1, 0, '', '')",
        )
        .run(day);
    storedLongAgo('2025-12-03');
    storedLongAgo('2025-11-25');

    const cold = await today();
    expect(storedHours('2025-12-03')).toEqual([9]);
    expect(storedHours('2025-11-25')).toEqual([]);
    // Closed: 4:00 to 15:00 (the business day starts at 4); 15:00 on is read raw.
    const closed = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
    expect(storedHours('2026-12-02')).toEqual(closed);
    expect(storedHours('2026-11-25')).toEqual(closed);
    expect(cold.totals.current.net).toBe(rawNet('2026-12-02', cut));
    expect(cold.totals.current.orders).toBe(4);
    expect(cold.totals.earlier?.net).toBe(rawNet('2026-11-25', cut - 7 * 24 * HOUR));
    expect(cold.byHour.find((row) => row.hour === 15)?.current.orders).toBe(1);
    expect(await today()).toEqual(cold);

    // A refund of the 9 o'clock sale: that closed hour is read from its rows again, at once.
    expectOk(
      await call({
        method: 'orders.refund',
        input: { id: uuidv7(), orderId: early.id, lines: [{ lineNo: 1, quantity: 1 }], to: 'original', reason: '漏水' },
        sessionToken: manager,
      }),
    );
    const refunded = await today();
    expect(refunded.totals.current.refunded).toBe(water.price);
    expect(refunded.byHour.find((row) => row.hour === 9)?.current.refunded).toBe(water.price);
    expect({ ...refunded.totals, refundsMade: null }).toEqual({
      ...cold.totals,
      current: {
        ...cold.totals.current,
        refunded: water.price,
        netAfterRefunds: cold.totals.current.net - water.price,
      },
      refundsMade: null,
    });
    expect(await today()).toEqual(refunded);

    // An hour on: 15:00 has closed and is stored; the 16:00 sale is read raw.
    now = at(16, 10);
    manager = await signIn(call, people.manager);
    await sell(1);
    const later = await today();
    expect(storedHours('2026-12-02')).toEqual([...closed, 15]);
    expect(later.totals.current.net).toBe(rawNet('2026-12-02', at(16, 10) + 59_999));
    expect(later.totals.current.orders).toBe(5);

    // Deleting every stored hour loses nothing.
    db.prepare('DELETE FROM hour_facts').run();
    expect(await today()).toEqual(later);
    await core.close();
  }, 120_000);

  it('reads a day raw whole when its clock is not plain hours (an hour repeated or skipped)', () => {
    expect(closedHoursOf('2026-12-02', at(6, 30), shanghai)).toEqual({ hours: [4, 5], since: at(6) });
    expect(closedHoursOf('2026-12-02', at(4, 59), shanghai)).toEqual({ hours: [], since: at(4) });
    const newYork = { businessDay: '2026-11-01', timeZone: 'America/New_York', dayCutoffHour: 0 };
    // 1 November 2026: 1:00 comes twice in New York.
    expect(closedHoursOf('2026-11-01', Date.UTC(2026, 10, 1, 15), newYork)).toBeNull();
    expect(closedHoursOf('2026-10-31', Date.UTC(2026, 9, 31, 15), { ...newYork, businessDay: '2026-10-31' })).toEqual({
      hours: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      since: Date.UTC(2026, 9, 31, 15),
    });
    const berlin = { businessDay: '2026-03-29', timeZone: 'Europe/Berlin', dayCutoffHour: 0 };
    // 29 March 2026: 2:00 does not happen in Berlin.
    expect(closedHoursOf('2026-03-29', Date.UTC(2026, 2, 29, 12), berlin)).toBeNull();
  });
});
