import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { OnlineOrderWire } from '../../shared/sync/wire';
import { backends, usePlatform } from './support/backends';
import { product, Till } from './support/clients';
import { orderPaid, soldOut, step } from './support/payloads';

describe.each(backends)('online orders on $name', (backend) => {
  const get = usePlatform(backend);
  let till: Till;
  let storeId: string;

  beforeAll(async () => {
    const { admin, url } = get();
    await admin.products([
      product('O-1', { price: 500 }),
      product('O-2', { price: 1200 }),
      product('O-KG', { price: 3980, unit: 'kg' }),
      product('O-OFF', { listedOnline: false }),
      product('O-OLD', { active: false }),
    ]);
    const store = await admin.createStore('Online');
    storeId = store.storeId;
    till = await Till.pair(url, store.pairingCode);
    await admin.ok('PUT', `/v1/admin/stores/${storeId}/prices`, { items: [{ sku: 'O-2', price: 1100 }] });
  });

  async function place(items: { sku: string; quantity: number }[], extra: Record<string, unknown> = {}) {
    const result = await get().admin.placeOnlineOrder(storeId, items, extra);
    if (result.status !== 201) throw new Error(`order refused: ${JSON.stringify(result.body)}`);
    return OnlineOrderWire.parse(result.body);
  }

  it('places an order at the store’s prices with a pickup code', async () => {
    const order = await place(
      [
        { sku: 'O-1', quantity: 2 },
        { sku: 'O-2', quantity: 1 },
        { sku: 'O-1', quantity: 1 },
        { sku: 'O-KG', quantity: 250 },
      ],
      { customerName: '张先生', note: '少冰', channel: 'online_delivery' },
    );
    expect(order).toMatchObject({ state: 'placed', channel: 'online_delivery', customerName: '张先生', note: '少冰' });
    expect(order.pickupCode).toMatch(/^\d{6}$/);
    expect(order.lines).toEqual([
      { sku: 'O-1', nameZh: '商品O-1', nameEn: 'Product O-1', quantity: 3, unitPrice: 500, unit: 'each' },
      { sku: 'O-2', nameZh: '商品O-2', nameEn: 'Product O-2', quantity: 1, unitPrice: 1100, unit: 'each' },
      { sku: 'O-KG', nameZh: '商品O-KG', nameEn: 'Product O-KG', quantity: 250, unitPrice: 3980, unit: 'kg' },
    ]);
    // 250 g at ¥39.80 per kg is ¥9.95.
    expect(order.total).toBe(3 * 500 + 1100 + 995);
  });

  it('gives open orders of a store distinct pickup codes', async () => {
    const orders = await Promise.all(Array.from({ length: 12 }, () => place([{ sku: 'O-1', quantity: 1 }])));
    expect(new Set(orders.map((order) => order.pickupCode)).size).toBe(12);
  });

  it('refuses unknown stores and products, unlisted ones, and bad input', async () => {
    const { admin } = get();
    expect(await admin.placeOnlineOrder(uuidv7(), [{ sku: 'O-1', quantity: 1 }])).toMatchObject({
      status: 404,
      body: { error: { code: 'store_unknown' } },
    });
    expect(await admin.placeOnlineOrder('store-1', [{ sku: 'O-1', quantity: 1 }])).toMatchObject({ status: 404 });
    expect(await admin.placeOnlineOrder(storeId, [{ sku: 'NOPE', quantity: 1 }])).toMatchObject({
      status: 400,
      body: { error: { code: 'product_unknown', message: 'There is no product with SKU NOPE.' } },
    });
    for (const sku of ['O-OFF', 'O-OLD']) {
      expect(await admin.placeOnlineOrder(storeId, [{ sku, quantity: 1 }])).toMatchObject({
        status: 400,
        body: { error: { code: 'product_unavailable' } },
      });
    }
    expect(await admin.placeOnlineOrder(storeId, [{ sku: 'O-1', quantity: 0 }])).toMatchObject({ status: 400 });
    expect(await admin.placeOnlineOrder(storeId, [], { channel: 'in_store' })).toMatchObject({ status: 400 });
  });

  it('refuses an item the store marked sold out, naming it, until it is back', async () => {
    const { admin } = get();
    await till.push([till.next('product.sold_out', soldOut('O-2'))]);
    expect(await admin.placeOnlineOrder(storeId, [{ sku: 'O-2', quantity: 1 }])).toEqual({
      status: 409,
      body: {
        error: { code: 'sold_out', message: 'Product O-2 is sold out at this store.', params: expect.any(Object) },
      },
    });
    const zh = await admin.call(
      'POST',
      '/v1/online-orders',
      { storeId, channel: 'online_pickup', items: [{ sku: 'O-2', quantity: 1 }] },
      { 'accept-language': 'zh-CN' },
    );
    expect(zh).toEqual({
      status: 409,
      body: { error: { code: 'sold_out', message: '商品O-2 在该门店已估清。', params: expect.any(Object) } },
    });
    await till.push([till.next('product.sold_out', soldOut('O-2', false))]);
    expect((await place([{ sku: 'O-2', quantity: 1 }])).total).toBe(1100);
  });

  it('follows placed → accepted → ready → handed over, linking the till’s sale', async () => {
    const order = await place([{ sku: 'O-1', quantity: 1 }]);
    const sale = orderPaid({ sku: 'O-1', unitPrice: 500, onlineOrderId: order.id });
    const response = await till.push([
      till.next('online_order.step', step(order.id, 'accept', sale.order.id)),
      till.next('order.paid', sale, sale.order.id),
      till.next('online_order.step', step(order.id, 'ready')),
      till.next('online_order.step', step(order.id, 'hand_over')),
    ]);
    expect(response.results.map((result) => result.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED', 'APPLIED']);
    const pulled = await till.pullAll('online_orders');
    expect(pulled.changes.find((change) => change.id === order.id)?.data).toMatchObject({ state: 'handed_over' });
    const records = await get().admin.records(storeId);
    expect(records.orders).toContainEqual(
      expect.objectContaining({ id: sale.order.id, channel: 'online_pickup', onlineOrderId: order.id }),
    );
  });

  it('rejects illegal steps, steps on cancelled orders and other stores’ orders', async () => {
    const { admin, url } = get();
    const order = await place([{ sku: 'O-1', quantity: 1 }]);
    const cancelled = await place([{ sku: 'O-1', quantity: 1 }]);
    expect(
      await admin.ok('POST', `/v1/online-orders/${cancelled.id}/cancel`, { storeId, reason: 'changed my mind' }),
    ).toMatchObject({
      state: 'cancelled',
    });
    const other = await admin.createStore('Elsewhere');
    await Till.pair(url, other.pairingCode);
    const elsewhere = OnlineOrderWire.parse(
      (await admin.placeOnlineOrder(other.storeId, [{ sku: 'O-1', quantity: 1 }])).body,
    );
    const strayPaid = orderPaid({ sku: 'O-1', onlineOrderId: elsewhere.id });

    const response = await till.push([
      till.next('online_order.step', step(order.id, 'ready')),
      till.next('online_order.step', step(order.id, 'reject')),
      till.next('online_order.step', step(order.id, 'accept')),
      till.next('online_order.step', step(cancelled.id, 'accept')),
      till.next('online_order.step', step(elsewhere.id, 'accept')),
      till.next('order.paid', strayPaid, strayPaid.order.id),
    ]);
    expect(response.results.map((result) => [result.status, 'code' in result ? result.code : null])).toEqual([
      ['REJECTED', 'online_order_state'],
      ['APPLIED', null],
      ['REJECTED', 'online_order_state'],
      ['REJECTED', 'online_order_cancelled'],
      ['REJECTED', 'online_order_unknown'],
      ['REJECTED', 'online_order_unknown'],
    ]);
    expect(response.results[0]).toMatchObject({ message: 'The online order cannot go from placed to ready.' });
    const states = new Map((await till.pullAll('online_orders')).changes.map((change) => [change.id, change.data]));
    expect(states.get(order.id)).toMatchObject({ state: 'rejected' });
    expect(states.has(elsewhere.id)).toBe(false);
    expect(await admin.call('POST', `/v1/online-orders/${order.id}/cancel`, { storeId })).toMatchObject({
      status: 409,
      body: { error: { code: 'online_order_state' } },
    });
  });
});
