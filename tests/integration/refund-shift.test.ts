import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail, RefundSummary } from '../../shared/contract/orders';
import type { DaySummary } from '../../shared/contract/reports';
import type { ShiftReport } from '../../shared/contract/shifts';
import { uuidv7 } from '../../shared/ids';
import { callApproved } from '../support/approvals';
import { expectOk, type Harness, openHarness } from '../support/callers';
import { createDemo, type DemoPerson, signIn } from '../support/demo-session';
import { lineFor, openShift, productBySku } from '../support/till';

type Refunded = { refund: RefundSummary; order: OrderDetail; replayed: boolean };

describe('refunds, shifts and the day summary', () => {
  let h: Harness;
  let people: Record<'owner' | 'manager' | 'cashier', DemoPerson>;
  let cashier: string;
  let manager: string;
  let water: Product;
  let chips: Product;
  let order: OrderDetail;
  const call = (method: string, input: object, token = cashier, withApproval = false) => {
    const request = { method, input, sessionToken: token, locale: 'en' };
    return withApproval ? callApproved(h.call, request, people.manager) : h.call(request);
  };

  beforeAll(async () => {
    h = await openHarness('in-process');
    people = await createDemo(h.call);
    cashier = await signIn(h.call, people.cashier);
    manager = await signIn(h.call, people.manager);
    water = await productBySku(h.call, cashier, 'DRK-0001');
    chips = await productBySku(h.call, cashier, 'SNK-0001');
    await openShift(h.call, cashier, 10_000);
    order = expectOk<{ order: OrderDetail }>(
      await call('orders.commit', {
        id: uuidv7(),
        cart: { lines: [lineFor(water, { kind: 'count', count: 5 }), lineFor(chips, { kind: 'count', count: 2 })] },
        tenders: [
          { method: 'card', amount: 1_000, reference: 'C-1' },
          { method: 'cash', tendered: 2_000 },
        ],
      }),
    ).order;
  });

  it('needs a manager for a cashier’s refund, returns stock and never refunds more than was sold', async () => {
    const input = {
      id: uuidv7(),
      orderId: order.id,
      lines: [{ lineNo: 1, quantity: 2 }],
      to: 'original',
      reason: 'leaking bottles',
    };
    const refused = await call('orders.refund', input);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('approval_required');
    const first = expectOk<Refunded>(await call('orders.refund', input, cashier, true));
    expect(first.refund).toMatchObject({
      amount: 400,
      approverName: people.manager.name,
      number: `${order.number}-R1`,
    });
    expect(first.refund.tenders).toEqual([{ method: 'card', amount: 400 }]);
    expect(first.order.status).toBe('partially_refunded');
    expect(first.order.lines[0]).toMatchObject({ refundedQuantity: 2, refundedAmount: 400 });
    const again = expectOk<Refunded>(await call('orders.refund', input, cashier, true));
    expect(again.replayed).toBe(true);
    const stock = h.core.environment.db
      .prepare("SELECT sum(quantity) FROM stock_movements WHERE product_id = ? AND kind = 'refund'")
      .pluck()
      .get(water.id);
    expect(stock).toBe(2);

    const tooMany = await call(
      'orders.refund',
      { ...input, id: uuidv7(), lines: [{ lineNo: 1, quantity: 4 }] },
      manager,
    );
    expect(tooMany.ok ? 'ok' : tooMany.error.message).toBe(
      'Line 1 ("Nongfu Spring Natural Water 550ml"): only 3 left to refund, 4 asked.',
    );
    const unknown = await call(
      'orders.refund',
      { ...input, id: uuidv7(), lines: [{ lineNo: 9, quantity: 1 }] },
      manager,
    );
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('refund_line_unknown');
  });

  it('refunds the rest to card up to what it paid, then cash, and marks the order refunded', async () => {
    const rest = expectOk<Refunded>(
      await call(
        'orders.refund',
        {
          id: uuidv7(),
          orderId: order.id,
          lines: [
            { lineNo: 1, quantity: 3 },
            { lineNo: 2, quantity: 2 },
          ],
          to: 'original',
          reason: 'wrong order',
        },
        manager,
      ),
    );
    expect(rest.refund.amount).toBe(600 + 1_500);
    expect(rest.refund.tenders).toEqual([
      { method: 'card', amount: 600 },
      { method: 'cash', amount: 1_500 },
    ]);
    expect(rest.order.status).toBe('refunded');
    expect(rest.order.refunded).toBe(order.total);
    const more = await call(
      'orders.refund',
      { id: uuidv7(), orderId: order.id, lines: [{ lineNo: 2, quantity: 1 }], to: 'cash', reason: 'x' },
      manager,
    );
    expect(more.ok ? 'ok' : more.error.code).toBe('refund_exceeds');
  });

  it('parks a cart that survives, resumes it once, voids only with a manager, and never a paid one', async () => {
    const id = uuidv7();
    const cart = { lines: [lineFor(chips)] };
    expectOk(await call('carts.park', { id, label: 'table 4', cart }));
    const { carts } = expectOk<{ carts: { id: string; label: string; total: number }[] }>(await call('carts.list', {}));
    expect(carts).toEqual([expect.objectContaining({ id, label: 'table 4', total: 750 })]);
    const resumed = expectOk<{ cart: { lines: unknown[] } }>(await call('carts.resume', { id }));
    expect(resumed.cart.lines).toHaveLength(1);
    const twice = await call('carts.resume', { id });
    expect(twice.ok ? 'ok' : twice.error.code).toBe('not_found');
    expectOk(await call('carts.park', { id, label: '', cart }));
    const voidRefused = await call('carts.void', { id, reason: 'customer left' });
    expect(voidRefused.ok ? 'ok' : voidRefused.error.code).toBe('approval_required');
    expectOk(await call('carts.void', { id, reason: 'customer left' }, cashier, true));
    expect(expectOk<{ carts: unknown[] }>(await call('carts.list', {})).carts).toEqual([]);
    const parkPaid = await call('carts.park', { id: order.id, label: '', cart });
    expect(parkPaid.ok ? 'ok' : parkPaid.error.code).toBe('already_paid');
    const cleared = uuidv7();
    expectOk(await call('carts.discard', { id: cleared, cart }));
    const { entries } = expectOk<{ entries: { action: string; subject: string; staffName: string }[] }>(
      await call('audit.list', { limit: 1 }, manager),
    );
    expect(entries[0]).toMatchObject({
      action: 'carts.discard',
      subject: `cart:${cleared}`,
      staffName: people.cashier.name,
    });
  });

  it('sums the day as DOMAIN.md defines it', async () => {
    const day = expectOk<DaySummary>(await call('reports.day', {}, manager));
    expect(day).toMatchObject({ orders: 1, items: 7, gross: 2_500, discounts: 0, net: 2_500, averageTicket: 2_500 });
    expect(day.refunds).toEqual({ amount: 2_500, count: 2 });
    expect(day.byMethod).toEqual([
      { method: 'card', amount: 1_000, count: 1 },
      { method: 'cash', amount: 1_500, count: 1 },
    ]);
    expect(day.byHour).toHaveLength(1);
    const denied = await call('reports.day', {}, cashier);
    expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');
  });

  it('closes the shift on a blind count: expected cash, variance approval, numbered Z reports', async () => {
    expectOk(await call('shift.cashIn', { id: uuidv7(), amount: 5_000, reason: 'change from bank' }));
    const outId = uuidv7();
    expectOk(await call('shift.cashOut', { id: outId, amount: 2_000, reason: 'supplier' }, cashier, true));
    const replay = expectOk<{ replayed: boolean }>(
      await call('shift.cashOut', { id: outId, amount: 2_000, reason: 'supplier' }, cashier, true),
    );
    expect(replay.replayed).toBe(true);
    // float 10,000 + cash sale 1,500 − cash refund 1,500 + in 5,000 − out 2,000
    const expected = 13_000;
    const short = await call('shift.close', { countedCash: expected - 5_000 });
    expect(short.ok ? 'ok' : short.error.code).toBe('approval_required');
    expect(expectOk<{ shift: unknown }>(await call('shift.current', {})).shift).not.toBeNull();
    const closed = expectOk<{ report: ShiftReport; html: string }>(
      await call('shift.close', { countedCash: expected - 5_000 }, cashier, true),
    );
    expect(closed.report).toMatchObject({
      kind: 'z',
      zNumber: 1,
      expectedCash: expected,
      countedCash: expected - 5_000,
      variance: -5_000,
      varianceApprovedByName: people.manager.name,
    });
    expect(closed.html).toContain('Z report #1');
    expect(expectOk<{ shift: unknown }>(await call('shift.current', {})).shift).toBeNull();
    await openShift(h.call, cashier, 0);
    const second = expectOk<{ report: ShiftReport }>(await call('shift.close', { countedCash: 0 }));
    expect(second.report).toMatchObject({ zNumber: 2, variance: 0, varianceApprovedByName: null });
    const { reports } = expectOk<{ reports: ShiftReport[] }>(await call('shift.zReports', {}, manager));
    expect(reports.map((r) => r.zNumber)).toEqual([2, 1]);
    const reprint = expectOk<{ report: ShiftReport; html: string }>(
      await call('shift.reprintZ', { zNumber: 1 }, manager),
    );
    expect(reprint.report).toEqual(closed.report);
    expect(reprint.html).toContain('COPY');
    const missing = await call('shift.reprintZ', { zNumber: 9 }, manager);
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
  });

  it('prints a receipt with the order, its payments, change and the e-receipt QR; reprints are marked and audited', async () => {
    const owner = await signIn(h.call, people.owner);
    expectOk(
      await h.call({
        method: 'store.update',
        input: { settings: { receiptUrlPattern: 'https://r.example.cn/e/{number}', address: '上海市徐汇区 1 号' } },
        sessionToken: owner,
      }),
    );
    const { html } = expectOk<{ html: string }>(
      await h.call({
        method: 'orders.receipt',
        input: { id: order.id, width: '58' },
        sessionToken: cashier,
        locale: 'zh-CN',
      }),
    );
    expect(html).toContain(order.number);
    expect(html).toContain('农夫山泉饮用天然水 550ml');
    expect(html).toContain('上海市徐汇区 1 号');
    expect(html).toContain('找零');
    expect(html).toContain('<svg');
    expect(html).toContain('width:58mm');
    expect(html).not.toContain('重印');
    const copy = expectOk<{ html: string }>(
      await h.call({ method: 'orders.reprint', input: { id: order.id }, sessionToken: cashier, locale: 'zh-CN' }),
    );
    expect(copy.html).toContain('重印副本');
    const { entries } = expectOk<{ entries: { action: string }[] }>(
      await h.call({ method: 'audit.list', input: { limit: 3 }, sessionToken: owner }),
    );
    expect(entries.map((e) => e.action)).toContain('orders.reprint');
  });

  it('lists orders newest first, filtered by status, tender and number, a page at a time', async () => {
    await openShift(h.call, cashier, 0);
    const pay = async (tenders: object[]) =>
      expectOk<{ order: OrderDetail }>(
        await call('orders.commit', { id: uuidv7(), cart: { lines: [lineFor(water)] }, tenders }),
      ).order;
    const byCard = await pay([{ method: 'card', amount: 200, reference: 'C-2' }]);
    const inCash = await pay([{ method: 'cash', tendered: 200 }]);
    type Page = { orders: { id: string; status: string }[]; hasMore: boolean };
    const list = async (input: object) => expectOk<Page>(await call('orders.list', input));
    expect((await list({})).orders.map((o) => o.id)).toEqual([inCash.id, byCard.id, order.id]);
    expect((await list({ status: 'refunded' })).orders.map((o) => o.id)).toEqual([order.id]);
    expect((await list({ status: 'paid' })).orders.map((o) => o.id)).toEqual([inCash.id, byCard.id]);
    expect((await list({ method: 'card' })).orders.map((o) => o.id)).toEqual([byCard.id, order.id]);
    expect((await list({ number: inCash.number })).orders.map((o) => o.id)).toEqual([inCash.id]);
    const first = await list({ limit: 2 });
    expect(first).toMatchObject({ hasMore: true });
    const rest = await list({ limit: 2, before: first.orders[1].id });
    expect(rest).toEqual({
      orders: [expect.objectContaining({ id: order.id, status: 'refunded' })],
      hasMore: false,
      sums: null,
    });
  });
});
