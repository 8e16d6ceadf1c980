import { beforeAll, describe, expect, it } from 'vitest';
import type { MutationType } from '../../shared/sync/mutations';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { orderPaid, orderRefunded, shiftClosed, stockMoved } from './support/payloads';

const HOUR_MS = 3_600_000;

type Result = { status: string; code?: string; message?: string };

/**
 * Sales, refunds, shifts and stock movements are the till's records, but the platform checks what
 * it can before it keeps them (issue 13): amounts within what a till lets anyone enter, figures
 * that add up, a refund no larger than what is left of its order, times that can be true.
 */
describe.each(backends)('records re-judged on $name', (backend) => {
  const get = usePlatform(backend);
  let storeId: string;
  let till: Till;

  beforeAll(async () => {
    storeId = (await get().admin.createStore('Checks')).storeId;
    till = await Till.pair(get().url, (await get().admin.pairingCode(storeId)).code);
  });

  async function push(items: { type: MutationType; payload: unknown }[], locale = 'en'): Promise<Result[]> {
    const mutations = items.map((item) => till.next(item.type, item.payload));
    const answer = await till.signed(
      'POST',
      '/v1/sync/push',
      { deviceId: till.deviceId, auditHead: null, mutations },
      { headers: { 'accept-language': locale } },
    );
    expect(answer.status).toBe(200);
    return (answer.body as { results: Result[] }).results;
  }

  const paid = (payload: unknown) => ({ type: 'order.paid' as const, payload });
  const refunded = (payload: unknown) => ({ type: 'order.refunded' as const, payload });

  it('refuses an order total of 2^53−1 and keeps nothing of it', async () => {
    const sale = orderPaid();
    const huge = Number.MAX_SAFE_INTEGER;
    sale.order = { ...sale.order, gross: huge, total: huge };
    sale.lines[0] = { ...sale.lines[0], unitPrice: huge, gross: huge, net: huge };
    sale.payments[0].amount = huge;
    const [result] = await push([paid(sale)], 'zh-CN');
    expect(result).toMatchObject({ status: 'REJECTED', code: 'value_out_of_range' });
    expect(result.message).toContain('该笔销售的原价');
    const records = await get().admin.records(storeId);
    expect(records.orders.find((order) => order.id === sale.order.id)).toBeUndefined();
  });

  it('refuses a sale whose figures do not add up, naming which', async () => {
    const sale = orderPaid({ quantity: 2 });
    sale.order = { ...sale.order, total: sale.order.total - 100 };
    const [result] = await push([paid(sale)]);
    expect(result).toMatchObject({ status: 'REJECTED', code: 'record_sums' });
    expect(result.message).toContain("the order's total is not its gross less its discount");
    const unpaid = orderPaid();
    unpaid.payments = [];
    expect((await push([paid(unpaid)]))[0]).toMatchObject({ status: 'REJECTED', code: 'record_sums' });
  });

  it('refuses a member benefit on a sale that names no member, in the reader’s words', async () => {
    const sale = orderPaid({ quantity: 2 });
    const line = sale.lines[0];
    sale.lines[0] = { ...line, discount: 100, net: line.gross - 100, discounts: [{ kind: 'member', amount: 100 }] };
    sale.order = { ...sale.order, discount: 100, total: sale.order.total - 100 };
    sale.payments[0].amount = sale.order.total;
    const [result] = await push([paid(sale)], 'zh-CN');
    expect(result).toMatchObject({ status: 'REJECTED', code: 'record_sums' });
    expect(result.message).toContain('某行有会员优惠，但该笔销售未关联会员');
    // The parts must add up to the line's discount, the member's part too.
    const uneven = structuredClone(sale);
    uneven.order.memberId = '01900000-0000-7000-8000-0000000000c9';
    uneven.lines[0].discounts = [{ kind: 'member', amount: 99 }];
    expect((await push([paid(uneven)]))[0]).toMatchObject({ status: 'REJECTED', code: 'payload_invalid' });
  });

  it('refuses a sale paid in the future, and one whose stock is not its own goods', async () => {
    const later = orderPaid();
    later.order.paidAt = Date.now() + HOUR_MS;
    expect((await push([paid(later)]))[0]).toMatchObject({ status: 'REJECTED', code: 'claimed_time_invalid' });
    const elsewhere = orderPaid();
    elsewhere.stock[0] = { ...elsewhere.stock[0], sku: 'OTHER-1', quantity: -50 };
    expect((await push([paid(elsewhere)]))[0]).toMatchObject({ status: 'REJECTED', code: 'record_sums' });
  });

  it('takes a batch of good sales with one bad one among them, refusing only that one', async () => {
    const bad = orderPaid();
    bad.order.gross = 1;
    const results = await push([paid(orderPaid()), paid(bad), paid(orderPaid())]);
    expect(results.map((result) => result.status)).toEqual(['APPLIED', 'REJECTED', 'APPLIED']);
  });

  it('refuses a refund larger than what is left of its order, in all and per line', async () => {
    const sale = orderPaid({ quantity: 3, unitPrice: 500 });
    expect((await push([paid(sale)]))[0]).toMatchObject({ status: 'APPLIED' });
    const tooMuch = orderRefunded(sale.order.id, { quantity: 3, amount: 1_600 });
    const [over] = await push([refunded(tooMuch)], 'zh-CN');
    expect(over).toMatchObject({ status: 'REJECTED', code: 'refund_line_over' });
    const first = orderRefunded(sale.order.id, { quantity: 2, amount: 1_000 });
    expect((await push([refunded(first)]))[0]).toMatchObject({ status: 'APPLIED' });
    // One item is left: two more are refused, one is taken, and then nothing is left.
    const [twoMore] = await push([refunded(orderRefunded(sale.order.id, { quantity: 2, amount: 1_000 }))]);
    expect(twoMore).toMatchObject({ status: 'REJECTED', code: 'refund_line_over' });
    expect(twoMore.message).toContain('has 1 left to refund');
    const last = orderRefunded(sale.order.id, { quantity: 1, amount: 500 });
    expect((await push([refunded(last)]))[0]).toMatchObject({ status: 'APPLIED' });
    const records = await get().admin.records(storeId);
    const total = records.refunds.filter((r) => r.orderId === sale.order.id).reduce((sum, r) => sum + r.amount, 0);
    expect(total).toBe(1_500);
  });

  it('refuses a refund of a line the order does not have, or whose parts do not make its amount', async () => {
    const sale = orderPaid({ quantity: 2, unitPrice: 500 });
    await push([paid(sale)]);
    const otherLine = orderRefunded(sale.order.id, { quantity: 1, amount: 500 });
    otherLine.lines[0].lineNo = 2;
    expect((await push([refunded(otherLine)]))[0]).toMatchObject({ status: 'REJECTED', code: 'refund_line_unknown' });
    const tenders = orderRefunded(sale.order.id, { quantity: 1, amount: 500 });
    tenders.tenders[0].amount = 5_000;
    expect((await push([refunded(tenders)]))[0]).toMatchObject({ status: 'REJECTED', code: 'record_sums' });
    const before = orderRefunded(sale.order.id, { quantity: 1, amount: 500 });
    before.refund.at = sale.order.paidAt - HOUR_MS;
    expect((await push([refunded(before)]))[0]).toMatchObject({ status: 'REJECTED', code: 'claimed_time_invalid' });
  });

  it('refuses a stock movement of 2^53−1, and a sale movement sent on its own', async () => {
    const huge = stockMoved('DRK-0001', Number.MAX_SAFE_INTEGER);
    const [result] = await push([{ type: 'stock.moved', payload: huge }]);
    expect(result).toMatchObject({ status: 'REJECTED', code: 'value_out_of_range' });
    const asSale = stockMoved('DRK-0001', -1, 'sale');
    expect((await push([{ type: 'stock.moved', payload: asSale }]))[0]).toMatchObject({ code: 'record_sums' });
    const fine = stockMoved('DRK-0001', 1_000_000);
    expect((await push([{ type: 'stock.moved', payload: fine }]))[0]).toMatchObject({ status: 'APPLIED' });
    const records = await get().admin.records(storeId);
    expect(records.stockMovements.map((move) => move.id)).not.toContain(huge.id);
  });

  it('refuses a shift closed before it opened', async () => {
    const shift = shiftClosed(7);
    shift.shift.closedAt = shift.shift.openedAt - 1;
    expect((await push([{ type: 'shift.closed', payload: shift }]))[0]).toMatchObject({
      status: 'REJECTED',
      code: 'claimed_time_invalid',
    });
  });
});
