import { describe, expect, it } from 'vitest';
import { startPlatform } from '../../platform/server/start-platform';
import { uuidv7 } from '../../shared/ids';
import type { OrderPaidPayload } from '../../shared/sync/sale-sync';
import { backends, openStorageSql } from './support/backends';
import { AdminClient, product, Till } from './support/clients';
import { orderPaid } from './support/payloads';

/** A sale of two products (one line each, the till numbering both 1), as a till might send it. */
function twoLineSale(): OrderPaidPayload {
  const base = orderPaid({ sku: 'L-1', quantity: 1, unitPrice: 300 });
  const at = base.order.paidAt;
  const line = base.lines[0];
  return {
    ...base,
    order: { ...base.order, itemCount: 3, gross: 800, total: 800 },
    lines: [line, { ...line, sku: 'L-2', quantity: 2, unitPrice: 250, gross: 500, net: 500, cost: 180 }],
    payments: [{ method: 'cash', amount: 800, reference: null }],
    stock: [
      { id: uuidv7(), sku: 'L-1', kind: 'sale', quantity: -1, at },
      { id: uuidv7(), sku: 'L-2', kind: 'sale', quantity: -2, at },
    ],
  };
}

describe.each(backends)('order lines as rows, on $name', (backend) => {
  it('stores each pushed sale’s lines once, from the body it keeps, whichever way the sale is applied', async () => {
    const storage = await backend.freshStorage();
    const platform = await startPlatform({ ...storage.options, port: 0 });
    const { url } = platform;
    const admin = new AdminClient(url, platform.adminToken);
    await admin.products([product('L-1'), product('L-2')]);
    const store = await admin.createStore('明细店');
    const till = await Till.pair(url, store.pairingCode);
    // Plain sales go in as a batch; a sale of an online order is applied on its own.
    const plain = [twoLineSale(), twoLineSale()];
    const online = (await admin.placeOnlineOrder(store.storeId, [{ sku: 'L-1', quantity: 1 }])).body as {
      id: string;
      total: number;
    };
    const pickup = orderPaid({ sku: 'L-1', onlineOrderId: online.id, unitPrice: online.total });
    const first = await till.push([...plain, pickup].map((sale) => till.next('order.paid', sale, sale.order.id)));
    expect(first.results.map((result) => result.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    // The same sales again under new sequence numbers: nothing more is stored.
    await till.push([...plain, pickup].map((sale) => till.next('order.paid', sale, sale.order.id)));
    await platform.close();

    const sql = await openStorageSql(storage);
    const rows = await sql.query<{
      order_id: string;
      position: number;
      line_no: number;
      sku: string;
      quantity: number;
      net: number;
      cost: number | null;
      channel: string;
    }>(
      `SELECT order_id, position, line_no, sku, quantity, net, cost, channel FROM order_lines WHERE store_id = $1
       ORDER BY order_id, position`,
      [store.storeId],
    );
    expect(rows).toHaveLength(5);
    expect(rows.filter((row) => row.order_id === plain[0].order.id)).toEqual([
      {
        order_id: plain[0].order.id,
        position: 1,
        line_no: 1,
        sku: 'L-1',
        quantity: 1,
        net: 300,
        cost: null,
        channel: 'in_store',
      },
      {
        order_id: plain[0].order.id,
        position: 2,
        line_no: 1,
        sku: 'L-2',
        quantity: 2,
        net: 500,
        cost: 180,
        channel: 'in_store',
      },
    ]);
    expect(rows.find((row) => row.order_id === pickup.order.id)).toMatchObject({
      channel: 'online_pickup',
      net: online.total,
    });
    // The rows add up to the stored orders, to the fen.
    const [sums] = await sql.query<{ lines: number; orders: number }>(
      `SELECT (SELECT sum(net) FROM order_lines WHERE store_id = $1)::bigint AS lines,
              (SELECT sum(total) FROM orders WHERE store_id = $1)::bigint AS orders`,
      [store.storeId],
    );
    expect(Number(sums.lines)).toBe(Number(sums.orders));
    await sql.close();
    await storage.dispose();
  }, 60_000);
});
