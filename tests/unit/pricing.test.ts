import { describe, expect, it } from 'vitest';
import type { Cart, CartLine, ManualDiscount } from '../../shared/pricing/cart';
import { priceCart } from '../../shared/pricing/price-cart';
import { refundShare } from '../../shared/pricing/refund-share';
import { allocate, mulDivRound, percentOf } from '../../shared/rounding';
import { seededRandom } from '../support/random';

const policy = { approvalAbovePercentBp: 1_000, approvalAboveAmount: 5_000 };
const productId = '01a20826-1249-7646-a0ae-afa67bdf5f2e' as CartLine['productId'];

function line(partial: Partial<CartLine> & Pick<CartLine, 'unitPrice' | 'quantity'>): CartLine {
  return { lineId: `L${Math.random()}`, productId, taxRateBp: 1300, discount: null, ...partial } as CartLine;
}

function randomCart(random: ReturnType<typeof seededRandom>): Cart {
  const discount = (): ManualDiscount | null => {
    const roll = random.next();
    if (roll < 0.5) return null;
    return roll < 0.75
      ? { kind: 'percent', value: random.int(12_000), reason: 'r' }
      : { kind: 'amount', value: random.int(random.next() < 0.2 ? 10_000_000 : 3_000), reason: 'r' };
  };
  const lines = Array.from({ length: random.int(12) }, (_, i) =>
    line({
      lineId: `L${i}`,
      unitPrice: random.int(random.next() < 0.1 ? 5_000_000 : 5_000) as CartLine['unitPrice'],
      taxRateBp: random.pick([0, 600, 900, 1300]),
      quantity:
        random.next() < 0.3
          ? { kind: 'weight', grams: 1 + random.int(5_000) }
          : { kind: 'count', count: 1 + random.int(20) },
      discount: discount(),
    }),
  );
  return { lines, orderDiscount: discount(), coupons: [] };
}

describe('the pricing engine', () => {
  it('prices lines, weights and included tax to the fen', () => {
    const priced = priceCart(
      {
        lines: [
          line({ lineId: 'water', unitPrice: 200 as CartLine['unitPrice'], quantity: { kind: 'count', count: 3 } }),
          line({
            lineId: 'apples',
            unitPrice: 1280 as CartLine['unitPrice'],
            taxRateBp: 900,
            quantity: { kind: 'weight', grams: 1234 },
          }),
        ],
        orderDiscount: null,
        coupons: [],
      },
      policy,
    );
    expect(priced.lines.map((l) => [l.lineId, l.gross, l.tax])).toEqual([
      ['water', 600, 69],
      ['apples', 1580, 130],
    ]);
    expect(priced).toMatchObject({
      gross: 2180,
      manualDiscount: 0,
      couponDiscount: 0,
      coupons: [],
      total: 2180,
      needsApproval: false,
    });
    expect(priced.lines.map((l) => l.couponDiscount)).toEqual([0, 0]);
    expect(priced.taxBands).toEqual([
      { taxRateBp: 900, net: 1580, tax: 130 },
      { taxRateBp: 1300, net: 600, tax: 69 },
    ]);
  });

  it('caps a discount at its line and an order discount at the order, and says so', () => {
    const priced = priceCart(
      {
        lines: [
          line({
            lineId: 'a',
            unitPrice: 500 as CartLine['unitPrice'],
            quantity: { kind: 'count', count: 1 },
            discount: { kind: 'amount', value: 800, reason: 'damaged' },
          }),
          line({ lineId: 'b', unitPrice: 300 as CartLine['unitPrice'], quantity: { kind: 'count', count: 1 } }),
        ],
        orderDiscount: { kind: 'amount', value: 1_000, reason: 'regular' },
        coupons: [],
      },
      policy,
    );
    expect(priced.lines.map((l) => l.net)).toEqual([0, 0]);
    expect(priced.notes).toEqual([
      { kind: 'capped_at_line', lineId: 'a', asked: 800, given: 500 },
      { kind: 'capped_at_order', asked: 1_000, given: 300 },
    ]);
  });

  it('asks for a manager above the store’s discount limits', () => {
    const cart = (value: number): Cart => ({
      lines: [line({ unitPrice: 10_000 as CartLine['unitPrice'], quantity: { kind: 'count', count: 1 } })],
      orderDiscount: { kind: 'percent', value, reason: 'r' },
      coupons: [],
    });
    expect(priceCart(cart(1_000), policy).needsApproval).toBe(false);
    expect(priceCart(cart(1_001), policy).needsApproval).toBe(true);
  });

  it('keeps its promises for 5,000 random carts', () => {
    const random = seededRandom(2026);
    for (let i = 0; i < 5_000; i++) {
      const cart = randomCart(random);
      const priced = priceCart(cart, policy);
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      expect(priced.total).toBe(sum(priced.lines.map((l) => l.net)));
      expect(priced.total).toBe(priced.gross - priced.manualDiscount);
      expect(priced.couponDiscount).toBe(0);
      expect(priced.coupons).toEqual([]);
      for (const l of priced.lines) {
        expect(l.net).toBeGreaterThanOrEqual(0);
        expect(l.lineDiscount).toBeLessThanOrEqual(l.gross);
        expect(l.lineDiscount + l.orderDiscount).toBeLessThanOrEqual(l.gross);
        expect(l.couponDiscount).toBe(0);
        expect(l.tax).toBeLessThanOrEqual(l.net);
        expect(Number.isSafeInteger(l.net) && Number.isSafeInteger(l.tax)).toBe(true);
      }
      expect(sum(priced.taxBands.map((b) => b.net))).toBe(priced.total);
      if (!cart.orderDiscount && cart.lines.every((l) => !l.discount)) expect(priced.total).toBe(priced.gross);
    }
  });
});

describe('rounding', () => {
  it('rounds half away from zero, exactly, even past 2^53 in the middle', () => {
    expect(percentOf(1999, 1_000)).toBe(200);
    expect(percentOf(1995, 1_000)).toBe(200);
    expect(percentOf(1994, 1_000)).toBe(199);
    expect(mulDivRound(-25, 1, 10)).toBe(-3);
    expect(mulDivRound(1_000_000_000_000, 9_999, 10_000)).toBe(999_900_000_000);
    const random = seededRandom(9);
    for (let i = 0; i < 2_000; i++) {
      const [a, b, c] = [random.int(1e9) - 5e8, random.int(20_000), 1 + random.int(20_000)];
      const exact = (a * b) / c;
      const expected = Math.sign(exact) * Math.floor(Math.abs(exact) + 0.5);
      if (Math.abs(Math.abs(exact % 1) - 0.5) > 1e-6) expect(mulDivRound(a, b, c)).toBe(expected || 0);
    }
  });

  it('splits an amount over lines in proportion, adding up exactly', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(10, [0, 0])).toEqual([0, 0]);
    const random = seededRandom(4);
    for (let i = 0; i < 2_000; i++) {
      const weights = Array.from({ length: 1 + random.int(10) }, () => random.int(100_000));
      const total = random.int(weights.reduce((a, b) => a + b, 0) + 1);
      const parts = allocate(total, weights);
      const sum = weights.reduce((a, b) => a + b, 0);
      if (sum > 0) expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((part, j) => {
        expect(part).toBeLessThanOrEqual(weights[j]);
        if (sum > 0) expect(Math.abs(part - (total * weights[j]) / sum)).toBeLessThan(1);
      });
    }
  });
});

describe('refund shares', () => {
  it('never give back more than a line was paid, however it is split', () => {
    const random = seededRandom(42);
    for (let run = 0; run < 2_000; run++) {
      const quantity = 1 + random.int(12);
      const line = { net: random.int(10_000), quantity, refundedQuantity: 0, refundedAmount: 0 };
      while (line.refundedQuantity < line.quantity) {
        const part = 1 + random.int(line.quantity - line.refundedQuantity);
        const amount = refundShare(line, part);
        expect(amount).toBeGreaterThanOrEqual(0);
        line.refundedQuantity += part;
        line.refundedAmount += amount;
        expect(line.refundedAmount).toBeLessThanOrEqual(line.net);
      }
      expect(line.refundedAmount).toBe(line.net);
    }
  });
});
