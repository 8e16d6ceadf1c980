import { describe, expect, it } from 'vitest';
import { writeOrderHistory } from '../../electron/core/demo/sales-history';
import { daySummary } from '../../electron/core/reports/day-summary';
import { openHarness } from '../support/callers';
import { createDemo } from '../support/demo-session';

type Row = Record<string, number | string | null>;

/**
 * The day report against an independent computation: the same figures summed in plain code from
 * every raw row of the day, over a month of generated sales (issue 14, deliverable 5).
 */
describe('the day report over generated history', () => {
  it('matches a sum of the raw rows to the fen, on every day of a month', async () => {
    const { core, call } = await openHarness('in-process');
    await createDemo(call);
    const db = core.environment.db;
    writeOrderHistory(db, { orders: 3_000, days: 30, lastDay: '2026-11-30', seed: 14 });
    const all = (sql: string, day: string) => db.prepare(sql).all(day) as Row[];
    for (let d = 1; d <= 30; d += 1) {
      const day = `2026-11-${String(d).padStart(2, '0')}`;
      const orders = all('SELECT * FROM orders WHERE business_day = ?', day);
      const lines = all(
        'SELECT l.* FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.business_day = ?',
        day,
      );
      const payments = all('SELECT * FROM payments WHERE business_day = ?', day);
      const refunds = all('SELECT * FROM refunds WHERE business_day = ?', day);
      const parts = all('SELECT * FROM order_discounts WHERE business_day = ?', day);
      const total = (rows: Row[], key: string) => rows.reduce((s, r) => s + Number(r[key]), 0);
      const report = daySummary(db, day, 'CNY');
      expect(report.orders).toBe(orders.length);
      expect(report.gross).toBe(total(lines, 'gross'));
      expect(report.discounts).toBe(total(lines, 'gross') - total(lines, 'net'));
      expect(report.net).toBe(total(lines, 'net'));
      expect(report.tax).toBe(total(lines, 'tax'));
      expect(report.refunds).toEqual({ amount: total(refunds, 'amount'), count: refunds.length });
      expect(report.discountsBySource.reduce((s, part) => s + part.amount, 0)).toBe(total(parts, 'amount'));
      expect(report.discountsBySource.reduce((s, part) => s + part.amount, 0)).toBe(report.discounts);
      for (const method of report.byMethod) {
        expect(method.amount).toBe(
          total(
            payments.filter((p) => p.method === method.method),
            'amount',
          ),
        );
      }
      expect(report.byMethod.reduce((s, m) => s + m.amount, 0)).toBe(report.net);
      expect(report.byChannel.reduce((s, c) => s + c.net, 0)).toBe(report.net);
      expect(report.byHour.reduce((s, h) => s + h.orders, 0)).toBe(report.orders);
    }
    await core.close();
  });
});
