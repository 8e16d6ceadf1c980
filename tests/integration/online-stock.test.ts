import { beforeAll, describe, expect, it } from 'vitest';
import { readUnsent } from '../../electron/core/sync/outbox-payloads';
import { applyPulledPage } from '../../electron/core/sync/pull-apply';
import type { Product } from '../../shared/contract/catalog';
import type { OnlineOrder } from '../../shared/contract/online-orders';
import type { DaySummary } from '../../shared/contract/reports';
import type { StockRow } from '../../shared/contract/stock';
import { uuidv7 } from '../../shared/ids';
import { mutationPayloads } from '../../shared/sync/mutations';
import type { OnlineOrderWire } from '../../shared/sync/wire';
import { expectOk, type Harness, openHarness } from '../support/callers';
import { createDemo, type DemoPerson, signIn } from '../support/demo-session';
import { lineFor, openShift, payByCard, productBySku } from '../support/till';

let h: Harness;
let people: Record<'owner' | 'manager' | 'cashier', DemoPerson>;
let cashier: string;
let manager: string;
let water: Product;
let version = 0;

/** An online order as the platform's `online_orders` stream delivers it. */
function pullOnlineOrder(order: Partial<OnlineOrderWire> & { id: string }): void {
  version += 1;
  const data: OnlineOrderWire = {
    channel: 'online_pickup',
    state: 'placed',
    pickupCode: '123456',
    customerName: '王先生',
    note: '少冰',
    placedAt: Date.now(),
    total: water.price * 2,
    lines: [
      { sku: water.sku, nameZh: water.nameZh, nameEn: water.nameEn, quantity: 2, unitPrice: water.price, unit: 'each' },
    ],
    ...order,
  };
  const { db, auditKey } = h.core.environment;
  const page = {
    changes: [{ id: data.id, version: String(version), data }],
    nextCursor: String(version),
    hasMore: false,
  };
  applyPulledPage(db, auditKey, 'online_orders', page, Date.now());
}

const call = (method: string, input: unknown, sessionToken = cashier) =>
  h.call({ method, input, sessionToken, locale: 'en' });
const count = (sql: string) => h.core.environment.db.prepare(sql).pluck().get() as number;

beforeAll(async () => {
  h = await openHarness('in-process');
  people = await createDemo(h.call);
  cashier = await signIn(h.call, people.cashier);
  manager = await signIn(h.call, people.manager);
  water = await productBySku(h.call, cashier, 'DRK-0001');
});

describe('online orders at the counter', () => {
  it('accepting records the sale once, under its channel, paid by the platform, with stock out', async () => {
    const id = uuidv7();
    pullOnlineOrder({ id, pickupCode: '246810' });
    const before = expectOk<StockRow>(await call('stock.setLowAt', { productId: water.id, lowAt: null }, manager));
    const summaryBefore = expectOk<DaySummary>(await call('reports.day', {}, manager));

    const accepted = expectOk<OnlineOrder>(await call('online.accept', { id }));
    expect(accepted).toMatchObject({ status: 'accepted', pendingStep: true });
    expect(accepted.orderNumber).toMatch(/^A-\d{4}$/);
    const order = expectOk<{ channel: string; total: number; payments: { method: string; reference: string }[] }>(
      await call('orders.get', { id: accepted.orderId }),
    );
    expect(order).toMatchObject({ channel: 'online_pickup', total: water.price * 2 });
    expect(order.payments).toEqual([expect.objectContaining({ method: 'platform_prepaid', reference: id })]);

    const after = expectOk<{ rows: StockRow[] }>(await call('stock.list', { query: water.sku })).rows[0];
    expect(after.onHand).toBe(before.onHand - 2);
    const summary = expectOk<DaySummary>(await call('reports.day', {}, manager));
    expect(summary.orders).toBe(summaryBefore.orders + 1);
    const pickup = summary.byChannel.find((c) => c.channel === 'online_pickup');
    expect(pickup).toMatchObject({ orders: 1, net: water.price * 2 });

    // A second Accept (a double click, another till) is refused and records nothing more.
    const again = await call('online.accept', { id });
    expect(again).toMatchObject({ ok: false, error: { code: 'online_order_step' } });
    expect(count(`SELECT count(*) FROM orders WHERE channel = 'online_pickup'`)).toBe(1);
  });

  it('takes goods sold by weight in grams, as the platform prices them', async () => {
    const apples = await productBySku(h.call, cashier, 'FRU-0001');
    const id = uuidv7();
    const total = Math.round((apples.price * 500) / 1_000);
    const line = {
      sku: apples.sku,
      nameZh: apples.nameZh,
      nameEn: apples.nameEn,
      quantity: 500,
      unitPrice: apples.price,
      unit: 'kg' as const,
    };
    pullOnlineOrder({ id, pickupCode: '500500', total, lines: [line] });
    const before = expectOk<{ rows: StockRow[] }>(await call('stock.list', { query: apples.sku })).rows[0].onHand;
    const accepted = expectOk<OnlineOrder>(await call('online.accept', { id }));
    const order = expectOk<{ total: number; lines: { quantityKind: string; quantity: number }[] }>(
      await call('orders.get', { id: accepted.orderId }),
    );
    expect(order).toMatchObject({ total, lines: [{ quantityKind: 'weight', quantity: 500 }] });
    expect(accepted.lines).toEqual([expect.objectContaining({ unit: 'kg', quantity: 500, amount: total })]);
    const after = expectOk<{ rows: StockRow[] }>(await call('stock.list', { query: apples.sku })).rows[0].onHand;
    expect(after).toBe(before - 500);
  });

  it('keeps the step taken here while the platform has not caught up, and takes its word once it has', async () => {
    const id = uuidv7();
    pullOnlineOrder({ id, pickupCode: '135790' });
    expectOk(await call('online.accept', { id }));
    pullOnlineOrder({ id, pickupCode: '135790', state: 'placed' });
    const stale = expectOk<OnlineOrder[]>(await call('online.list', {})).find((o) => o.id === id);
    expect(stale).toMatchObject({ status: 'accepted', pendingStep: true });
    pullOnlineOrder({ id, pickupCode: '135790', state: 'accepted' });
    const confirmed = expectOk<OnlineOrder[]>(await call('online.list', {})).find((o) => o.id === id);
    expect(confirmed).toMatchObject({ status: 'accepted', pendingStep: false });
  });

  it('marks ready and hands over by the pickup QR or the six digits; a wrong code changes nothing', async () => {
    const id = uuidv7();
    pullOnlineOrder({ id, pickupCode: '975310' });
    expectOk(await call('online.accept', { id }));
    expectOk(await call('online.ready', { id }));
    const outboxBefore = count('SELECT count(*) FROM outbox');
    const wrong = await call('online.handOver', { pickupCode: '000001' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'pickup_code_unknown' } });
    expect(wrong.ok ? '' : wrong.error.message).toContain('000001');
    expect(count('SELECT count(*) FROM outbox')).toBe(outboxBefore);
    const handed = expectOk<OnlineOrder>(await call('online.handOver', { pickupCode: 'CPK1:975310' }));
    expect(handed).toMatchObject({ id, status: 'handed_over' });
    const twice = await call('online.handOver', { pickupCode: '975310' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'pickup_code_unknown' } });
  });

  it('rejects a new order with a reason, and refuses steps out of order with the states named', async () => {
    const id = uuidv7();
    pullOnlineOrder({ id, pickupCode: '864200' });
    const early = await call('online.ready', { id });
    expect(early).toMatchObject({ ok: false, error: { code: 'online_order_step' } });
    expect(early.ok ? '' : early.error.message).toBe('An online order that is new cannot be marked ready.');
    const noReason = await call('online.reject', { id, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(expectOk<OnlineOrder>(await call('online.reject', { id, reason: 'sold out' })).status).toBe('rejected');
    const unknown = await call('online.accept', { id: uuidv7() });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'online_order_unknown' } });
  });
});

describe('stock', () => {
  it('keeps on-hand as the sum of the ledger: received, counted, adjusted, wasted, sold', async () => {
    const chips = await productBySku(h.call, cashier, 'SNK-0001');
    const move = (kind: string, quantity: number, id = uuidv7()) =>
      call('stock.move', { id, productId: chips.id, kind, quantity, note: kind }, manager);
    const received = uuidv7();
    expectOk(await move('count', 10));
    expect(expectOk<StockRow>(await move('receive', 24, received)).onHand).toBe(34);
    expect(expectOk<StockRow>(await move('receive', 24, received)).onHand).toBe(34);
    expect(expectOk<StockRow>(await move('waste', 4)).onHand).toBe(30);
    expect(expectOk<StockRow>(await move('adjustment', -1)).onHand).toBe(29);
    await openShift(h.call, cashier, 0);
    await payByCard(h.call, cashier, [lineFor(chips, { kind: 'count', count: 3 })], chips.price * 3);
    expect(expectOk<StockRow>(await move('count', 20)).onHand).toBe(20);
    const ledger = count(`SELECT SUM(quantity) FROM stock_movements WHERE product_id = '${chips.id}'`);
    expect(ledger).toBe(20);

    for (const [kind, quantity, code] of [
      ['receive', 0, 'stock_quantity_invalid'],
      ['waste', -2, 'stock_quantity_invalid'],
      ['adjustment', 0, 'stock_quantity_invalid'],
      ['count', -1, 'stock_count_negative'],
    ] as const) {
      expect(await move(kind, quantity)).toMatchObject({ ok: false, error: { code } });
    }
    const cashierMove = await call('stock.move', { id: uuidv7(), productId: chips.id, kind: 'receive', quantity: 1 });
    expect(cashierMove).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(count(`SELECT SUM(quantity) FROM stock_movements WHERE product_id = '${chips.id}'`)).toBe(20);
  });

  it('lists low stock first and filters to it', async () => {
    const chips = await productBySku(h.call, cashier, 'SNK-0001');
    expectOk(await call('stock.setLowAt', { productId: chips.id, lowAt: 25 }, manager));
    const low = expectOk<{ rows: StockRow[]; total: number }>(await call('stock.list', { lowOnly: true }));
    expect(low.rows.map((r) => r.sku)).toContain('SNK-0001');
    expect(low.rows.every((r) => r.low)).toBe(true);
    expect(expectOk<{ rows: StockRow[] }>(await call('stock.list', {})).rows[0].low).toBe(true);
    expect(expectOk<{ total: number }>(await call('stock.list', { query: '100%_' })).total).toBe(0);
  });

  it('queues a sold-out toggle once per change, and a platform level never undoes a toggle not yet sent', async () => {
    const queued = () => count(`SELECT count(*) FROM outbox WHERE type = 'product.sold_out'`);
    const before = queued();
    expect(expectOk<StockRow>(await call('stock.setSoldOut', { productId: water.id, soldOut: true })).soldOut).toBe(
      true,
    );
    expectOk(await call('stock.setSoldOut', { productId: water.id, soldOut: true }));
    expect(queued()).toBe(before + 1);
    const { db, auditKey } = h.core.environment;
    const level = { changes: [{ id: water.sku, version: '1', data: { sku: water.sku, onHand: 7, soldOut: false } }] };
    applyPulledPage(db, auditKey, 'stock_levels', { ...level, nextCursor: '1', hasMore: false }, Date.now());
    const row = expectOk<{ rows: StockRow[] }>(await call('stock.list', { query: water.sku })).rows[0];
    expect(row).toMatchObject({ soldOut: true, platformOnHand: 7 });
  });
});

describe('what the sync sends', () => {
  it('builds a payload the platform accepts for every record in the queue', async () => {
    const mutations = readUnsent(h.core.environment.db, 0, 10_000);
    const types = new Set(mutations.map((m) => m.type));
    expect([...types].sort()).toEqual(['online_order.step', 'order.paid', 'product.sold_out', 'stock.moved']);
    for (const mutation of mutations) {
      const parsed = mutationPayloads[mutation.type].safeParse(mutation.payload);
      expect([mutation.type, parsed.success ? 'ok' : parsed.error.message]).toEqual([mutation.type, 'ok']);
    }
    expect(mutations.map((m) => m.seq)).toEqual(mutations.map((_, i) => i + 1));
    // A change of stock made at the till names who made it, for head office's view of the store's ledger.
    const moves = mutations.filter((m) => m.type === 'stock.moved').map((m) => m.payload as { staffName?: unknown });
    expect(moves.some((payload) => typeof payload.staffName === 'string' && payload.staffName !== '')).toBe(true);
    const online = mutations.find(
      (m) => m.type === 'order.paid' && (m.payload as { order: { channel: string } }).order.channel !== 'in_store',
    );
    expect(online?.payload).toMatchObject({
      order: { onlineOrderId: expect.any(String) },
      stock: [{ kind: 'online_sale' }],
    });
  });
});
