import { describe, expect, it } from 'vitest';
import { createStore } from '../../platform/data/stores';
import { onPlatformBefore } from '../support/platform-migration';
import { orderPaid } from './support/payloads';

describe('migration 0013 on a platform with orders from before order lines were rows', () => {
  it('writes every stored order’s lines from its body, in the body’s order', async () => {
    await onPlatformBefore(13, async ({ sql, migrateRest, rest }) => {
      const store = await createStore(sql, { name: 'Old', currency: 'CNY', timeZone: 'Asia/Shanghai' }, 1_000);
      const sale = orderPaid({ sku: 'OLD-1', unitPrice: 450 });
      const body = { ...sale, lines: [sale.lines[0], { ...sale.lines[0], lineNo: 2, sku: 'OLD-2', cost: 90 }] };
      await sql.query(
        `INSERT INTO orders (store_id, id, device_id, number, business_day, channel, paid_at, total, online_order_id, body)
         VALUES ($1, $2, $3, 'A-0001', '2025-03-14', 'in_store', 1, 900, NULL, $4::jsonb)`,
        [store.storeId, sale.order.id, sale.order.id, JSON.stringify(body)],
      );
      expect(await migrateRest()).toBe(rest);
      expect(
        await sql.query('SELECT position, line_no, sku, net, cost, business_day::text AS day FROM order_lines'),
      ).toEqual([
        { position: 1, line_no: 1, sku: 'OLD-1', net: 450, cost: null, day: '2025-03-14' },
        { position: 2, line_no: 2, sku: 'OLD-2', net: 450, cost: 90, day: '2025-03-14' },
      ]);
    });
  });
});
