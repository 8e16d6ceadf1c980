import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail } from '../../shared/contract/orders';
import { uuidv7 } from '../../shared/ids';
import type { CartLine } from '../../shared/pricing/cart';
import { type Granted, requestGrant } from '../support/approvals';
import { expectOk, type Harness, openHarness } from '../support/callers';
import { createDemo, type DemoPerson, signIn } from '../support/demo-session';
import { lineFor, openShift, productBySku } from '../support/till';

/** Rows a refused commit must leave exactly as they were. */
function counts(h: Harness) {
  return h.core.environment.db
    .prepare(
      `SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_lines) AS lines,
        (SELECT count(*) FROM payments) AS payments, (SELECT count(*) FROM stock_movements) AS stock,
        (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM order_counters) AS counters,
        (SELECT hash FROM audit_head) AS audit`,
    )
    .get();
}

describe('paying an order', () => {
  let h: Harness;
  let people: Record<'owner' | 'manager' | 'cashier', DemoPerson>;
  let cashier: string;
  let water: Product;
  let chips: Product;
  let apples: Product;

  const commit = (input: object, token = cashier, approval?: { grant: string }) =>
    h.call({ method: 'orders.commit', input, sessionToken: token, approval, locale: 'en' });
  const refusal = async (input: object) => {
    const before = counts(h);
    const result = await commit(input);
    expect(counts(h)).toEqual(before);
    if (result.ok) throw new Error('expected a refusal');
    return result.error;
  };

  beforeAll(async () => {
    h = await openHarness('in-process');
    people = await createDemo(h.call);
    cashier = await signIn(h.call, people.cashier);
    water = await productBySku(h.call, cashier, 'DRK-0001');
    chips = await productBySku(h.call, cashier, 'SNK-0001');
    apples = await productBySku(h.call, cashier, 'FRU-0001');
  });

  it('refuses to sell before a shift is open, and writes nothing', async () => {
    const error = await refusal({
      id: uuidv7(),
      cart: { lines: [lineFor(water)] },
      tenders: [{ method: 'cash', tendered: 200 }],
    });
    expect(error.code).toBe('no_open_shift');
    expect(error.message).toMatch(/Open a shift/);
  });

  it('commits order, lines, payments, stock, outbox and audit together, numbered per device and day', async () => {
    await openShift(h.call, cashier, 20_000);
    const lines = [lineFor(water, { kind: 'count', count: 3 }), lineFor(chips)];
    const { order, replayed } = expectOk<{ order: OrderDetail; replayed: boolean }>(
      await commit({ id: uuidv7(), cart: { lines }, tenders: [{ method: 'cash', tendered: 2_000 }] }),
    );
    expect(replayed).toBe(false);
    expect(order.number).toMatch(/^A-\d{4}$/);
    expect(order.total).toBe(3 * 200 + 750);
    expect(order.payments).toEqual([
      { method: 'cash', amount: 1_350, tendered: 2_000, change: 650, reference: null, points: null },
    ]);
    expect(order.lines.map((l) => l.net)).toEqual([600, 750]);
    expect(order.tax).toBe(order.taxBands.reduce((s, b) => s + b.tax, 0));
    const db = h.core.environment.db;
    expect(
      db.prepare('SELECT quantity FROM stock_movements WHERE order_id = ? ORDER BY quantity').pluck().all(order.id),
    ).toEqual([-3, -1]);
    expect(db.prepare("SELECT count(*) FROM outbox WHERE id = ? AND type = 'order.paid'").pluck().get(order.id)).toBe(
      1,
    );
    const next = expectOk<{ order: OrderDetail }>(
      await commit({ id: uuidv7(), cart: { lines: [lineFor(water)] }, tenders: [{ method: 'cash', tendered: 200 }] }),
    );
    expect(Number(next.order.number.slice(2))).toBe(Number(order.number.slice(2)) + 1);
  });

  it('answers Pay pressed twice with the same order, and refuses the same id for another cart', async () => {
    const input = { id: uuidv7(), cart: { lines: [lineFor(chips)] }, tenders: [{ method: 'cash', tendered: 1_000 }] };
    const first = expectOk<{ order: OrderDetail; replayed: boolean }>(await commit(input));
    const again = expectOk<{ order: OrderDetail; replayed: boolean }>(await commit(input));
    expect(again.replayed).toBe(true);
    expect(again.order).toEqual(first.order);
    expect(h.core.environment.db.prepare('SELECT count(*) FROM orders WHERE id = ?').pluck().get(input.id)).toBe(1);
    const error = await refusal({ ...input, cart: { lines: [lineFor(water)] } });
    expect(error.code).toBe('id_reused');
    // After a crash the tender may be keyed again differently: the first payment is what happened.
    const rekeyed = expectOk<{ order: OrderDetail; replayed: boolean }>(
      await commit({ ...input, tenders: [{ method: 'cash', tendered: 5_000 }] }),
    );
    expect(rekeyed).toEqual({ order: first.order, replayed: true });
  });

  it('refuses unknown and deactivated products, changed prices and wrong quantity kinds, precisely', async () => {
    const tenders = [{ method: 'cash', tendered: 100_000 }];
    const unknown = { ...lineFor(water), productId: uuidv7() };
    expect((await refusal({ id: uuidv7(), cart: { lines: [unknown] }, tenders })).code).toBe('product_unavailable');
    const stale = { ...lineFor(water), unitPrice: 150 };
    const changed = await refusal({ id: uuidv7(), cart: { lines: [lineFor(chips), stale] }, tenders });
    expect(changed.code).toBe('price_changed');
    expect(changed.message).toContain('Nongfu Spring Natural Water 550ml');
    expect(changed.message).toContain('¥2.00');
    const applesByCount = lineFor(apples, { kind: 'count', count: 1 });
    expect((await refusal({ id: uuidv7(), cart: { lines: [applesByCount] }, tenders })).code).toBe('quantity_kind');
    expect((await refusal({ id: uuidv7(), cart: { lines: [] }, tenders })).code).toBe('cart_empty');
    const zero = lineFor(water, { kind: 'count', count: 0 });
    expect((await refusal({ id: uuidv7(), cart: { lines: [zero] }, tenders })).code).toBe('invalid_input');
    const negative = lineFor(water, { kind: 'count', count: -2 });
    expect((await refusal({ id: uuidv7(), cart: { lines: [negative] }, tenders })).code).toBe('invalid_input');
    const twice = lineFor(water);
    expect((await refusal({ id: uuidv7(), cart: { lines: [twice, twice] }, tenders })).code).toBe('duplicate_line');
  });

  it('refuses a short tender and card payments above the total, saying how much', async () => {
    const cart = { lines: [lineFor(chips)] };
    const short = await refusal({ id: uuidv7(), cart, tenders: [{ method: 'cash', tendered: 500 }] });
    expect(short).toMatchObject({
      code: 'tender_short',
      message: 'Payment is short: ¥7.50 is due, ¥5.00 was tendered.',
    });
    const over = await refusal({ id: uuidv7(), cart, tenders: [{ method: 'card', amount: 800, reference: 'x' }] });
    expect(over.code).toBe('tender_over');
  });

  it('takes split tenders: card for part, cash for the rest with change', async () => {
    const { order } = expectOk<{ order: OrderDetail }>(
      await commit({
        id: uuidv7(),
        cart: { lines: [lineFor(chips, { kind: 'count', count: 4 })] },
        tenders: [
          { method: 'card', amount: 2_000, reference: '6222-1234' },
          { method: 'cash', tendered: 1_500 },
        ],
      }),
    );
    expect(order.payments).toEqual([
      { method: 'card', amount: 2_000, tendered: null, change: null, reference: '6222-1234', points: null },
      { method: 'cash', amount: 1_000, tendered: 1_500, change: 500, reference: null, points: null },
    ]);
    expect(order.methods).toEqual(['card', 'cash']);
  });

  it('sells by weight and by price label, keeping grams in the stock ledger', async () => {
    const weighed = lineFor(apples, { kind: 'weight', grams: 1_250 });
    const labelled = lineFor(apples, { kind: 'priced', amount: 640 });
    const { order } = expectOk<{ order: OrderDetail }>(
      await commit({
        id: uuidv7(),
        cart: { lines: [weighed, labelled] },
        tenders: [{ method: 'cash', tendered: 5_000 }],
      }),
    );
    expect(order.lines.map((l) => [l.quantityKind, l.quantity, l.gross])).toEqual([
      ['weight', 1_250, 1_600],
      ['priced', 500, 640],
    ]);
  });

  it('needs a manager for a discount above the limit, and records who approved it', async () => {
    const discounted: CartLine[] = [{ ...lineFor(chips, { kind: 'count', count: 10 }) }];
    const cart = { lines: discounted, orderDiscount: { kind: 'percent', value: 5_000, reason: 'damaged box' } };
    const input = { id: uuidv7(), cart, tenders: [{ method: 'cash', tendered: 3_750 }] };
    expect((await refusal(input)).code).toBe('approval_required');
    const request = { method: 'orders.commit', input, sessionToken: cashier };
    const wrong = await requestGrant(h.call, request, people.manager, 'discount.override', '0000');
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('approval_invalid');
    const granted = expectOk<Granted>(await requestGrant(h.call, request, people.manager, 'discount.override'));
    const { order } = expectOk<{ order: OrderDetail }>(await commit(input, cashier, { grant: granted.grant }));
    expect(order).toMatchObject({ total: 3_750, discount: 3_750, approverName: people.manager.name });
    expect(order.orderDiscountReason).toBe('damaged box');
    const small = { kind: 'amount', value: 50, reason: 'loyal customer' };
    const within = await commit({
      id: uuidv7(),
      cart: { lines: [lineFor(chips)], orderDiscount: small },
      tenders: [{ method: 'cash', tendered: 700 }],
    });
    expect(within.ok).toBe(true);
  });

  it('rounds the cash part by the store rule (抹零) and records the rounding', async () => {
    const owner = await signIn(h.call, people.owner);
    expectOk(
      await h.call({
        method: 'store.update',
        input: { settings: { cashRounding: { step: 10, mode: 'down' } } },
        sessionToken: owner,
      }),
    );
    const { order } = expectOk<{ order: OrderDetail }>(
      await commit({
        id: uuidv7(),
        cart: { lines: [lineFor(chips, { kind: 'count', count: 3 })] },
        tenders: [{ method: 'cash', tendered: 2_250 }],
      }),
    );
    expect(order).toMatchObject({ total: 2_250, rounding: 0, paid: 2_250 });
    const odd = expectOk<{ order: OrderDetail }>(
      await commit({
        id: uuidv7(),
        cart: { lines: [lineFor(chips, { kind: 'count', count: 1 }), lineFor(water)] },
        tenders: [{ method: 'cash', tendered: 1_000 }],
      }),
    ).order;
    expect(odd).toMatchObject({ total: 950, rounding: 0 });
    const card = expectOk<{ order: OrderDetail }>(
      await commit({
        id: uuidv7(),
        cart: { lines: [lineFor(apples, { kind: 'weight', grams: 333 })] },
        tenders: [{ method: 'cash', tendered: 500 }],
      }),
    ).order;
    expect(card.total).toBe(426);
    expect(card).toMatchObject({ rounding: -6, paid: 420 });
    expect(card.payments[0]).toMatchObject({ amount: 420, change: 80 });
  });

  it('never lets a paid order be edited or deleted, even by SQL', () => {
    const db = h.core.environment.db;
    expect(() => db.prepare('UPDATE orders SET total = 0').run()).toThrow(/never edited/);
    expect(() => db.prepare('DELETE FROM payments').run()).toThrow(/never deleted/);
    expect(() => db.prepare('UPDATE stock_movements SET quantity = 0').run()).toThrow(/append-only/);
  });
});
