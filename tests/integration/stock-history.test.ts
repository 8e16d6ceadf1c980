import { describe, expect, it } from 'vitest';
import type { StockMovement, StockRow } from '../../shared/contract/stock';
import { uuidv7 } from '../../shared/ids';
import { expectOk, openHarness } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { lineFor, openShift, payByCard, productBySku } from '../support/till';

type History = { product: StockRow; movements: StockMovement[]; more: boolean };

/** A product's ledger as a manager reads it (issue 14): every movement, what moved it, and what it left. */
describe('stock history', () => {
  it('lists every movement newest first, page by page, each with the on-hand it left', async () => {
    const { core, call } = await openHarness('in-process');
    const people = await createDemo(call);
    const manager = await signIn(call, people.manager);
    const water = await productBySku(call, manager, 'DRK-0001');
    await openShift(call, manager, 10_000);
    const sold = await payByCard(call, manager, [lineFor(water, { kind: 'count', count: 3 })], water.price * 3);
    const refunded = await call({
      method: 'orders.refund',
      input: { id: uuidv7(), orderId: sold.id, lines: [{ lineNo: 1, quantity: 1 }], to: 'original', reason: '漏水' },
      sessionToken: manager,
    });
    expectOk(refunded);
    for (const [kind, quantity] of [
      ['receive', 24],
      ['waste', 2],
      ['adjustment', -1],
    ] as const) {
      expectOk(
        await call({
          method: 'stock.move',
          input: { id: uuidv7(), productId: water.id, kind, quantity },
          sessionToken: manager,
        }),
      );
    }

    const pages: StockMovement[][] = [];
    let before: { at: number; id: string } | undefined;
    let last: History;
    do {
      last = expectOk<History>(
        await call({
          method: 'stock.history',
          input: { productId: water.id, before, limit: 2 },
          sessionToken: manager,
        }),
      );
      pages.push(last.movements);
      const tail = last.movements.at(-1);
      before = tail ? { at: tail.at, id: tail.id } : undefined;
    } while (last.more);
    const movements = pages.flat();

    const raw = core.environment.db
      .prepare('SELECT kind, quantity FROM stock_movements WHERE product_id = ? ORDER BY at DESC, id DESC')
      .all(water.id) as { kind: string; quantity: number }[];
    expect(movements.map((m) => [m.kind, m.quantity])).toEqual(raw.map((r) => [r.kind, r.quantity]));
    expect(movements.slice(0, 5).map((m) => m.kind)).toEqual(['adjustment', 'waste', 'receive', 'refund', 'sale']);
    expect(movements[0].balance).toBe(last.product.onHand);
    // Each line's balance less its own movement is the balance the line below it shows.
    for (let i = 0; i + 1 < movements.length; i += 1) {
      expect(movements[i].balance - movements[i].quantity).toBe(movements[i + 1].balance);
    }
    expect(movements.at(-1)?.balance).toBe(movements.at(-1)?.quantity);
    expect(movements.find((m) => m.kind === 'sale')).toMatchObject({
      orderNumber: sold.number,
      quantity: -3,
      staffName: people.manager.name,
    });
    expect(movements.find((m) => m.kind === 'refund')?.refundNumber).toBe(`${sold.number}-R1`);
    await core.close();
  });
});
