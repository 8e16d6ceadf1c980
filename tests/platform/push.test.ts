import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { OrderPaidPayload } from '../../shared/sync/mutations';
import { backends, usePlatform } from './support/backends';
import { product, Till } from './support/clients';
import { DAY, orderPaid, orderRefunded, shiftClosed, soldOut, stockMoved } from './support/payloads';

describe.each(backends)('sync push on $name', (backend) => {
  const get = usePlatform(backend);
  let storeId: string;

  beforeAll(async () => {
    storeId = (await get().admin.createStore('Push')).storeId;
  });

  async function freshTill(): Promise<Till> {
    return Till.pair(get().url, (await get().admin.pairingCode(storeId)).code);
  }

  it('applies each kind of record, stores the audit head and counts stock', async () => {
    const till = await freshTill();
    const sale = orderPaid({ sku: 'P-1', quantity: 3, unitPrice: 250 });
    const refund = orderRefunded(sale.order.id, { sku: 'P-1', quantity: 1, amount: 250 });
    const shift = shiftClosed(7);
    const received = stockMoved('P-1', 24);
    const head = { seq: 41, hash: 'ab'.repeat(32) };
    const response = await till.push(
      [
        till.next('stock.moved', received, received.id),
        till.next('order.paid', sale, sale.order.id),
        till.next('order.refunded', refund, refund.refund.id),
        till.next('shift.closed', shift, shift.shift.id),
        till.next('product.sold_out', soldOut('P-2')),
      ],
      head,
    );
    expect(response).toMatchObject({ ackSeq: 5, expectedSeq: null, auditHead: head });
    expect(response.results.map((result) => result.status)).toEqual([
      'APPLIED',
      'APPLIED',
      'APPLIED',
      'APPLIED',
      'APPLIED',
    ]);

    const records = await get().admin.records(storeId);
    expect(records.orders).toContainEqual({
      id: sale.order.id,
      number: 'A-0001',
      channel: 'in_store',
      total: 750,
      onlineOrderId: null,
      deviceId: till.deviceId,
    });
    expect(records.refunds).toContainEqual({ id: refund.refund.id, orderId: sale.order.id, amount: 250 });
    expect(records.zReports).toContainEqual({ shiftId: shift.shift.id, zNumber: 7 });
    expect(records.soldOut).toContain('P-2');
    expect(records.devices.find((device) => device.deviceId === till.deviceId)).toMatchObject({
      lastSeq: 5,
      auditHead: head,
    });
    const stock = await get().admin.ok<{ levels: unknown[] }>('GET', `/v1/admin/stores/${storeId}/stock`);
    expect(stock.levels).toContainEqual({ sku: 'P-1', onHand: 24 - 3 + 1, soldOut: false });
    const sales = await get().admin.ok<{ rows: unknown[] }>('GET', `/v1/admin/franchise/sales?day=${DAY}`);
    expect(sales.rows).toContainEqual({
      storeId,
      storeName: 'Push',
      channel: 'in_store',
      orders: 1,
      total: 750,
      refunds: 250,
    });
  });

  it('answers a re-sent seq with its stored result and applies nothing twice', async () => {
    const till = await freshTill();
    const sale = orderPaid({ sku: 'P-3' });
    const mutation = till.next('order.paid', sale, sale.order.id);
    const first = await till.push([mutation]);
    const again = await till.push([mutation]);
    expect(again).toEqual(first);
    expect(again.results).toEqual([{ seq: 1, id: sale.order.id, status: 'APPLIED' }]);
    const records = await get().admin.records(storeId);
    expect(records.orders.filter((order) => order.id === sale.order.id)).toHaveLength(1);
    expect(records.stockMovements.filter((movement) => movement.id === sale.stock[0].id)).toHaveLength(1);
  });

  it('answers a seq sent twice in one batch without applying it twice', async () => {
    const till = await freshTill();
    const sale = orderPaid({ sku: 'P-3b' });
    const mutation = till.next('order.paid', sale, sale.order.id);
    const reused = { ...mutation, id: sale.stock[0].id };
    const response = await till.push([mutation, mutation, reused]);
    expect(response.ackSeq).toBe(1);
    expect(response.results).toEqual([
      { seq: 1, id: sale.order.id, status: 'APPLIED' },
      { seq: 1, id: sale.order.id, status: 'APPLIED' },
      {
        seq: 1,
        id: reused.id,
        status: 'CONFLICT',
        code: 'seq_reused',
        message: expect.any(String),
        params: { seq: 1 },
      },
    ]);
    const records = await get().admin.records(storeId);
    expect(records.orders.filter((order) => order.id === sale.order.id)).toHaveLength(1);
  });

  it('stops at a gap and asks for the next seq', async () => {
    const till = await freshTill();
    const one = till.next('stock.moved', stockMoved('P-4', 1));
    till.next('stock.moved', stockMoved('P-4', 1));
    const three = till.next('stock.moved', stockMoved('P-4', 1));
    const response = await till.push([one, three]);
    expect(response).toMatchObject({ ackSeq: 1, expectedSeq: 2 });
    expect(response.results).toEqual([{ seq: 1, id: one.id, status: 'APPLIED' }]);
    expect(await till.push([three])).toMatchObject({ ackSeq: 1, expectedSeq: 2, results: [] });
  });

  it('answers DUPLICATE for a business id already applied under another seq, from any till of the store', async () => {
    const till = await freshTill();
    const sale = orderPaid({ sku: 'P-5' });
    await till.push([till.next('order.paid', sale, sale.order.id)]);
    const replayed = await till.push([till.next('order.paid', sale, sale.order.id)]);
    expect(replayed.results).toEqual([{ seq: 2, id: sale.order.id, status: 'DUPLICATE' }]);
    // A backup restored onto a newly paired till replays the same records.
    const restored = await freshTill();
    const fromBackup = await restored.push([restored.next('order.paid', sale, sale.order.id)]);
    expect(fromBackup.results[0].status).toBe('DUPLICATE');
    const records = await get().admin.records(storeId);
    expect(records.orders.filter((order) => order.id === sale.order.id)).toHaveLength(1);
  });

  it('answers CONFLICT when a stored seq comes back with another id', async () => {
    const till = await freshTill();
    await till.push([till.next('stock.moved', stockMoved('P-6', 1))]);
    const reused = { ...till.next('stock.moved', stockMoved('P-6', 2)), seq: 1 };
    const response = await till.push([reused]);
    expect(response.ackSeq).toBe(1);
    expect(response.results).toEqual([
      {
        seq: 1,
        id: reused.id,
        status: 'CONFLICT',
        code: 'seq_reused',
        message: expect.stringContaining('Sequence 1'),
        params: { seq: 1 },
      },
    ]);
  });

  it('rejects a poison record, advances past it, and applies the rest exactly once', async () => {
    const till = await freshTill();
    const before = orderPaid({ sku: 'P-7', quantity: 2 });
    const good = orderPaid({ sku: 'P-7' });
    const nul = orderPaid({ sku: 'P-7' });
    nul.order.cashierName = 'bad\u0000name';
    const badDay = orderPaid({ sku: 'P-7' });
    badDay.order.businessDay = '2025-02-30';
    const response = await till.push([
      till.next('order.paid', before, before.order.id),
      till.next('order.paid', { order: { id: 'not-an-order' } }),
      till.next('order.paid', nul, nul.order.id),
      till.next('order.paid', badDay, badDay.order.id),
      till.next('order.paid', good, good.order.id),
    ]);
    expect(response.ackSeq).toBe(5);
    expect(response.results.map((result) => [result.status, 'code' in result ? result.code : null])).toEqual([
      ['APPLIED', null],
      ['REJECTED', 'payload_invalid'],
      ['REJECTED', 'payload_invalid'],
      ['REJECTED', 'payload_invalid'],
      ['APPLIED', null],
    ]);
    const records = await get().admin.records(storeId);
    const orderIds = records.orders.map((order) => order.id);
    expect(orderIds).toEqual(expect.arrayContaining([before.order.id, good.order.id]));
    expect(orderIds).not.toContain(nul.order.id);
    expect(orderIds).not.toContain(badDay.order.id);
    // The records applied before the poison were not applied twice when the batch was re-run.
    const quantities = records.stockMovements.filter((movement) => movement.sku === 'P-7').map((row) => row.quantity);
    expect(quantities.sort((a, b) => a - b)).toEqual([-2, -1]);
    const stock = await get().admin.ok<{ levels: { sku: string; onHand: number }[] }>(
      'GET',
      `/v1/admin/stores/${storeId}/stock`,
    );
    expect(stock.levels.find((level) => level.sku === 'P-7')?.onHand).toBe(-3);
    expect(records.rejected.filter((row) => row.code === 'payload_invalid').map((row) => row.seq)).toEqual(
      expect.arrayContaining([2, 3, 4]),
    );
  });

  it('takes a sale’s discounts by source only when they add up to each line’s discount', async () => {
    const till = await freshTill();
    const discounted = (parts: OrderPaidPayload['lines'][number]['discounts']) => {
      const sale = orderPaid({ sku: 'P-DISC', quantity: 2, unitPrice: 300 });
      Object.assign(sale.order, { discount: 50, total: 550 });
      Object.assign(sale.lines[0], { discount: 50, net: 550, discounts: parts });
      sale.payments[0].amount = 550;
      return sale;
    };
    const coupon = { kind: 'coupon', campaignId: 3, campaignName: '立减', amount: 30 } as const;
    const adds = discounted([coupon, { kind: 'manual_order', amount: 20 }]);
    const short = discounted([coupon, { kind: 'manual_order', amount: 10 }]);
    const olderTill = discounted(undefined);
    const response = await till.push([
      till.next('order.paid', adds, adds.order.id),
      till.next('order.paid', short, short.order.id),
      till.next('order.paid', olderTill, olderTill.order.id),
    ]);
    expect(response.results.map((result) => [result.status, 'code' in result ? result.code : null])).toEqual([
      ['APPLIED', null],
      ['REJECTED', 'payload_invalid'],
      ['APPLIED', null],
    ]);
    const orderIds = (await get().admin.records(storeId)).orders.map((order) => order.id);
    expect(orderIds).toEqual(expect.arrayContaining([adds.order.id, olderTill.order.id]));
    expect(orderIds).not.toContain(short.order.id);
  });

  it('rejects a refund of an order the platform does not have, in the caller’s language', async () => {
    const till = await freshTill();
    const refund = orderRefunded(uuidv7(), { sku: 'P-8' });
    const result = await till.signed(
      'POST',
      '/v1/sync/push',
      { deviceId: till.deviceId, auditHead: null, mutations: [till.next('order.refunded', refund, refund.refund.id)] },
      { headers: { 'accept-language': 'zh-CN' } },
    );
    expect(result).toMatchObject({
      status: 200,
      body: {
        ackSeq: 1,
        results: [{ status: 'REJECTED', code: 'order_unknown', message: '被退款的订单不在平台上。' }],
      },
    });
    const records = await get().admin.records(storeId);
    expect(records.refunds.map((row) => row.id)).not.toContain(refund.refund.id);
    expect(records.stockMovements.map((row) => row.id)).not.toContain(refund.stock[0].id);
    expect(records.rejected).toContainEqual(
      expect.objectContaining({ seq: 1, id: refund.refund.id, type: 'order.refunded', code: 'order_unknown' }),
    );
  });

  it('serves two tills and online orders of one store at the same time', async () => {
    const { admin } = get();
    await admin.products([product('P-10')]);
    const [one, two] = await Promise.all([freshTill(), freshTill()]);
    const batch = (till: Till) =>
      Array.from({ length: 20 }, () => {
        const sale = orderPaid({ sku: 'P-10' });
        return till.next('order.paid', sale, sale.order.id);
      });
    const pushes = [one, two].flatMap((till) => [batch(till), batch(till)].map((mutations) => ({ till, mutations })));
    // Each till sends its batches in order; the tills and the customers do not wait for each other.
    const [first, second, placed] = await Promise.all([
      one.push(pushes[0].mutations).then(() => one.push(pushes[1].mutations)),
      two.push(pushes[2].mutations).then(() => two.push(pushes[3].mutations)),
      Promise.all(Array.from({ length: 5 }, () => admin.placeOnlineOrder(storeId, [{ sku: 'P-10', quantity: 1 }]))),
    ]);
    expect([first.ackSeq, second.ackSeq]).toEqual([40, 40]);
    expect(placed.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    const levels = (await one.pullAll('stock_levels')).changes.map((change) => change.data);
    expect(levels).toContainEqual({ sku: 'P-10', onHand: -80, soldOut: false });
  });

  it('takes a batch of 500 orders in one push', async () => {
    const till = await freshTill();
    const mutations = Array.from({ length: 500 }, () => {
      const sale = orderPaid({ sku: 'P-9' });
      return till.next('order.paid', sale, sale.order.id);
    });
    const response = await till.push(mutations);
    expect(response.ackSeq).toBe(500);
    expect(response.results.every((result) => result.status === 'APPLIED')).toBe(true);
    const stock = await get().admin.ok<{ levels: { sku: string; onHand: number }[] }>(
      'GET',
      `/v1/admin/stores/${storeId}/stock`,
    );
    expect(stock.levels.find((level) => level.sku === 'P-9')?.onHand).toBe(-500);
  });
});
