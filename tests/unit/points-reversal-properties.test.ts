import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { pointsReversal } from '../../shared/members/points';
import {
  applyMovement,
  available,
  emptyBalance,
  type PointsMovement,
  reversalWithin,
} from '../../shared/members/points-journal';
import { seededRandom } from '../support/random';

type Reverse = Extract<PointsMovement, { kind: 'reverse' }>;
const movementId = () => uuidv7() as PointsMovement['movementId'];

describe('points reversal apportionment', () => {
  it('never reverses more than an order earned or spent, and a full refund reaches both exactly: 3,000 orders', () => {
    const random = seededRandom(86_2027);
    let fullRefunds = 0;
    for (let run = 0; run < 3_000; run++) {
      const total = 1 + random.int(random.next() < 0.3 ? 20 : 1_000_000);
      const order = { total, earned: random.int(total * 2 + 1), spent: random.int(random.next() < 0.5 ? 10 : 50_000) };
      let refunded = 0;
      let takenBack = 0;
      let givenBack = 0;
      const stopAt = random.next() < 0.6 ? total : random.int(total + 1);
      while (refunded < stopAt) {
        const next = Math.min(stopAt, refunded + 1 + random.int(Math.max(1, Math.floor(total / 3))));
        const step = pointsReversal(order, refunded, next);
        expect(step.takeBack).toBeGreaterThanOrEqual(0);
        expect(step.giveBack).toBeGreaterThanOrEqual(0);
        takenBack += step.takeBack;
        givenBack += step.giveBack;
        expect(takenBack).toBeLessThanOrEqual(order.earned);
        expect(givenBack).toBeLessThanOrEqual(order.spent);
        refunded = next;
      }
      if (refunded === total) {
        fullRefunds += 1;
        expect([takenBack, givenBack]).toEqual([order.earned, order.spent]);
      }
    }
    expect(fullRefunds).toBeGreaterThan(1_000);
  });

  it('keeps the journal at or above zero through spends, refunds and retries: 1,000 members', () => {
    const random = seededRandom(4_0086);
    for (let run = 0; run < 1_000; run++) {
      const state = emptyBalance();
      const journal: PointsMovement[] = [];
      const record = (movement: PointsMovement) => {
        const step = applyMovement(state, movement);
        expect(step).toEqual({ ok: true, effect: 'applied' });
        journal.push(movement);
      };
      record({ kind: 'adjust', movementId: movementId(), points: 1 + random.int(5_000), reason: 'opening', at: 0 });
      const orderId = uuidv7() as Reverse['orderId'];
      const order = { total: 1 + random.int(100_000), earned: 1 + random.int(2_000), spent: random.int(3_000) };
      order.spent = Math.min(order.spent, available(state));
      if (order.spent > 0) {
        record({
          kind: 'spend',
          movementId: movementId(),
          orderId,
          points: order.spent,
          holdId: null,
          provisional: false,
          at: 1,
        });
      }
      record({ kind: 'earn', movementId: movementId(), orderId, points: order.earned, at: 2 });
      let refunded = 0;
      let asked = 0;
      let unrecovered = 0;
      while (refunded < order.total) {
        // Elsewhere the member spends what they like, so a take-back may find the points gone.
        const elsewhere = random.int(available(state) + 1);
        if (elsewhere > 0 && random.next() < 0.5) {
          const other = uuidv7() as Reverse['orderId'];
          record({
            kind: 'spend',
            movementId: movementId(),
            orderId: other,
            points: elsewhere,
            holdId: null,
            provisional: false,
            at: 3,
          });
        }
        const next = random.next() < 0.3 ? order.total : refunded + 1 + random.int(order.total - refunded);
        const wanted = pointsReversal(order, refunded, next);
        const within = reversalWithin(state, wanted);
        asked += wanted.takeBack;
        unrecovered += within.unrecovered;
        const refundId = uuidv7() as Reverse['refundId'];
        record({
          kind: 'reverse',
          movementId: movementId(),
          orderId,
          refundId,
          takeBack: within.takeBack,
          giveBack: within.giveBack,
          at: 4,
        });
        expect(available(state)).toBeGreaterThanOrEqual(0);
        refunded = next;
      }
      expect(asked).toBe(order.earned);
      expect(state.orders.get(orderId)).toEqual({
        earned: order.earned,
        spent: order.spent,
        takenBack: order.earned - unrecovered,
        givenBack: order.spent,
      });
      // A till that retries everything after a lost reply changes nothing.
      const balance = state.balance;
      for (const movement of journal) expect(applyMovement(state, movement)).toEqual({ ok: true, effect: 'duplicate' });
      expect(state.balance).toBe(balance);
    }
  });
});
