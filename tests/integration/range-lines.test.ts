import { describe, expect, it } from 'vitest';
import { writeOrderHistory } from '../../electron/core/demo/sales-history';
import { linesBy, methodsIn } from '../../electron/core/reports/range-lines';
import { salesBy } from '../../electron/core/reports/range-sums';
import { openHarness } from '../support/callers';
import { createDemo } from '../support/demo-session';

type Row = Record<string, string | number | null>;

/**
 * Products, categories and payment methods of a range against a plain sum of the raw rows (issue
 * 14, deliverable 5): a split payment counts in each method by its amount.
 */
describe('a range by product, category and payment method', () => {
  it('matches the raw rows and adds up to the range’s totals', async () => {
    const { core, call } = await openHarness('in-process');
    await createDemo(call);
    const db = core.environment.db;
    writeOrderHistory(db, { orders: 3_000, days: 40, lastDay: '2026-11-30', seed: 21 });
    const spans = [
      { from: '2026-10-25', to: '2026-11-30', until: null },
      { from: '2026-11-03', to: '2026-11-16', until: Date.parse('2026-11-16T03:30:00Z') },
    ];
    for (const bounds of spans) {
      const inSpan = (db.prepare('SELECT * FROM orders').all() as Row[]).filter(
        (o) =>
          (o.business_day as string) >= bounds.from &&
          (o.business_day as string) <= bounds.to &&
          (bounds.until === null || o.business_day !== bounds.to || (o.paid_at as number) <= bounds.until),
      );
      const ids = new Set(inSpan.map((o) => o.id));
      const lines = (
        db.prepare('SELECT l.*, p.category_id FROM order_lines l JOIN products p ON p.id = l.product_id').all() as Row[]
      ).filter((l) => ids.has(l.order_id));
      const payments = (db.prepare('SELECT * FROM payments').all() as Row[]).filter((p) => ids.has(p.order_id));
      const total = (rows: Row[], field: string) => rows.reduce((s, r) => s + Number(r[field] ?? 0), 0);

      const products = linesBy(db, bounds, 'product');
      for (const product of products) {
        const own = lines.filter((l) => l.product_id === product.key);
        const costed = own.filter((l) => l.cost !== null);
        expect(product).toEqual({
          key: product.key,
          quantity: total(own, 'quantity'),
          orders: new Set(own.map((l) => l.order_id)).size,
          gross: total(own, 'gross'),
          discount: total(own, 'gross') - total(own, 'net'),
          net: total(own, 'net'),
          costedNet: total(costed, 'net'),
          cost: total(costed, 'cost'),
        });
      }
      expect(products.length).toBe(new Set(lines.map((l) => l.product_id)).size);
      const sums = salesBy(db, bounds, 'all').get('');
      const net = (sums?.gross ?? 0) - (sums?.discount ?? 0);
      expect(products.reduce((s, p) => s + p.net, 0)).toBe(net);
      expect(linesBy(db, bounds, 'category').reduce((s, c) => s + c.net, 0)).toBe(net);
      expect(linesBy(db, bounds, 'category').reduce((s, c) => s + c.cost, 0)).toBe(sums?.cost);

      const methods = methodsIn(db, bounds);
      for (const method of methods) {
        const own = payments.filter((p) => p.method === method.method);
        expect(method).toEqual({
          method: method.method,
          amount: total(own, 'amount'),
          orders: new Set(own.map((p) => p.order_id)).size,
        });
      }
      expect(methods.reduce((s, m) => s + m.amount, 0)).toBe(net);
    }
    await core.close();
  });
});
