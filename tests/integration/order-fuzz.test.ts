import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail } from '../../shared/contract/orders';
import { uuidv7 } from '../../shared/ids';
import { expectOk, type Harness, openHarness } from '../support/callers';
import { createDemo, type DemoPerson, signIn } from '../support/demo-session';
import { hostileString, seededRandom } from '../support/random';
import { lineFor, openShift, productBySku } from '../support/till';

/** Refusals a fuzzed payment may get; `internal` (a crash path) is never one of them. */
const businessCodes = new Set([
  'invalid_input',
  'product_unavailable',
  'price_changed',
  'quantity_kind',
  'cart_empty',
  'duplicate_line',
  'tender_short',
  'tender_over',
  'id_reused',
  'approval_required',
]);

type Random = ReturnType<typeof seededRandom>;

/** Takes a valid commit body and breaks one or two things in it, the way bugs and attackers do. */
function mutate(random: Random, body: Record<string, unknown>): unknown {
  const copy = structuredClone(body) as {
    id: unknown;
    cart: { lines: Record<string, unknown>[]; orderDiscount?: unknown };
    tenders: Record<string, unknown>[];
  };
  const weird = () =>
    random.pick<unknown>([
      hostileString(random),
      -1,
      0,
      1.5,
      2 ** 53,
      Number.NaN,
      null,
      true,
      [],
      {},
      '1e3',
      -0,
      1e15,
      '𠮷'.repeat(500),
    ]);
  const line = copy.cart.lines[random.int(copy.cart.lines.length)];
  const tender = copy.tenders[random.int(copy.tenders.length)];
  const mutations = [
    () => (copy.id = weird()),
    () => (line.productId = random.pick([uuidv7(), weird()])),
    () => (line.unitPrice = weird()),
    () =>
      (line.quantity = {
        kind: random.pick(['count', 'weight', 'priced', 'kg']),
        count: weird(),
        grams: weird(),
        amount: weird(),
      }),
    () => (line.lineId = weird()),
    () =>
      (line.discount = {
        kind: random.pick(['percent', 'amount']),
        value: weird(),
        reason: random.pick([hostileString(random), '']),
      }),
    () =>
      (copy.cart.orderDiscount = {
        kind: random.pick(['percent', 'amount']),
        value: random.int(100_000),
        reason: hostileString(random) || 'x',
      }),
    () => (tender.method = random.pick(['cash', 'card', 'wallet', 'platform_prepaid', 'bitcoin'])),
    () => (tender.tendered = weird()),
    () => (tender.amount = weird()),
    () => (tender.reference = weird()),
    () => copy.tenders.push({ method: 'card', amount: random.int(5_000), reference: hostileString(random) || 'r' }),
    () => (copy.cart.lines = Array.from({ length: random.int(3) * 300 }, () => line)),
    () => (copy.tenders = []),
    () => copy.cart.lines.push({ ...line }),
  ];
  for (let i = 0; i <= random.int(2); i++) random.pick(mutations)();
  return copy;
}

describe('fuzzed payments', () => {
  let h: Harness;
  let cashier: string;
  let products: Product[];
  let owner: DemoPerson;

  beforeAll(async () => {
    h = await openHarness('in-process');
    const people = await createDemo(h.call);
    owner = people.owner;
    cashier = await signIn(h.call, people.cashier);
    products = await Promise.all(
      ['DRK-0001', 'SNK-0001', 'FRU-0001', 'DRK-0002'].map((sku) => productBySku(h.call, cashier, sku)),
    );
    await openShift(h.call, cashier);
  });

  it('answers 2,000 broken commit bodies with a clear code, stores only what is whole, and keeps the books balanced', async () => {
    const random = seededRandom(20261127);
    const db = h.core.environment.db;
    const count = () =>
      db.prepare('SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM stock_movements) AS n').pluck().get();
    let accepted = 0;
    for (let i = 0; i < 2_000; i++) {
      const lines = products
        .slice(0, 1 + random.int(3))
        .map((p) =>
          lineFor(
            p,
            p.unit === 'kg'
              ? { kind: 'weight', grams: 1 + random.int(3_000) }
              : { kind: 'count', count: 1 + random.int(5) },
          ),
        );
      const body = mutate(random, { id: uuidv7(), cart: { lines }, tenders: [{ method: 'cash', tendered: 100_000 }] });
      const before = count();
      const result = await h.call({
        method: 'orders.commit',
        input: body,
        sessionToken: cashier,
        locale: random.pick(['en', 'zh-CN']),
      });
      if (result.ok) {
        accepted += 1;
        const { order } = result.value as { order: OrderDetail };
        expect(order.lines.reduce((s, l) => s + l.net, 0)).toBe(order.total);
        expect(order.payments.reduce((s, p) => s + p.amount, 0)).toBe(order.paid);
        continue;
      }
      expect([i, result.error.code, businessCodes.has(result.error.code)]).toEqual([i, result.error.code, true]);
      expect(result.error.message.length).toBeGreaterThan(5);
      expect(count()).toBe(before);
    }
    expect(accepted).toBeGreaterThan(50);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const unbalanced = db
      .prepare(
        `SELECT o.id FROM orders o WHERE o.total != (SELECT sum(net) FROM order_lines l WHERE l.order_id = o.id)
           OR o.total + o.rounding != (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.order_id = o.id)`,
      )
      .all();
    expect(unbalanced).toEqual([]);
    const verdict = expectOk<{ ok: boolean }>(
      await h.call({ method: 'audit.verify', input: {}, sessionToken: await signIn(h.call, owner) }),
    );
    expect(verdict.ok).toBe(true);
  });
});
