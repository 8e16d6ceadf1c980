import { describe, expect, it } from 'vitest';
import { addSums, change, emptySums, type SalesSums, salesFigures } from '../../shared/reports/figures';
import { addSettlements, groupBuySettlement, noSettlement, onlineSettlement } from '../../shared/reports/settlement';
import { seededRandom } from '../support/random';

describe('report figures (DOMAIN.md definitions)', () => {
  it('derives net, net after refunds, average ticket and margin from the sums', () => {
    const sums: SalesSums = {
      ...emptySums,
      orders: 3,
      items: 7,
      gross: 10_000,
      discount: 1_001,
      tax: 900,
      costedNet: 6_000,
      cost: 4_500,
      refunded: 500,
    };
    expect(salesFigures(sums)).toMatchObject({
      net: 8_999,
      netAfterRefunds: 8_499,
      averageTicket: 3_000,
      margin: { amount: 1_500, percentBp: 2_500 },
    });
    expect(salesFigures(emptySums)).toMatchObject({ averageTicket: 0, margin: { amount: 0, percentBp: null } });
  });

  it('states a change as an amount and a share of the earlier figure, none from zero', () => {
    expect(change(12_000, 10_000)).toEqual({ amount: 2_000, percentBp: 2_000 });
    expect(change(9_000, 12_000)).toEqual({ amount: -3_000, percentBp: -2_500 });
    expect(change(500, 0)).toEqual({ amount: 500, percentBp: null });
    expect(change(-50, -100)).toEqual({ amount: 50, percentBp: 5_000 });
  });

  it('adds up sums in any order and any grouping to the same figures', () => {
    const random = seededRandom(14);
    const parts: SalesSums[] = Array.from({ length: 200 }, () => {
      const gross = random.int(100_000);
      const costedNet = random.int(gross + 1);
      return {
        orders: 1,
        items: 1 + random.int(20),
        gross,
        discount: random.int(gross + 1),
        tax: random.int(1_000),
        costedNet,
        cost: random.int(costedNet + 1),
        refunded: random.int(1_000),
      };
    });
    const all = parts.reduce(addSums, emptySums);
    const halves = addSums(parts.slice(0, 77).reduce(addSums, emptySums), parts.slice(77).reduce(addSums, emptySums));
    expect(salesFigures(halves)).toEqual(salesFigures(all));
    expect(salesFigures(all).net).toBe(parts.reduce((sum, part) => sum + part.gross - part.discount, 0));
  });
});

describe('online settlement', () => {
  it('splits what the customer paid between the store and the platform, to the fen', () => {
    const order = onlineSettlement({
      gross: 8_800,
      merchantPromotion: 1_000,
      platformPromotion: 500,
      deliveryFee: 300,
      commissionBp: 1_800,
    });
    expect(order).toEqual({
      gross: 8_800,
      merchantPromotion: 1_000,
      platformPromotion: 500,
      deliveryFee: 300,
      commission: 1_404,
      settlement: 6_396,
      customerPaid: 7_600,
      platformKeeps: 1_204,
    });
  });

  it('keeps its identities for every order and for any sum of orders', () => {
    const random = seededRandom(2026);
    let total = noSettlement;
    for (let i = 0; i < 2_000; i += 1) {
      const gross = random.int(50_000);
      const terms = {
        gross,
        merchantPromotion: random.int(gross + 1),
        platformPromotion: random.int(2_000),
        deliveryFee: random.int(1_000),
        commissionBp: random.int(3_000),
      };
      const one =
        random.next() < 0.2
          ? groupBuySettlement({ price: gross, settlementPrice: random.int(gross + 1) })
          : onlineSettlement(terms);
      expect(one.customerPaid).toBe(one.settlement + one.platformKeeps);
      expect(one.settlement).toBe(one.gross - one.merchantPromotion - one.commission);
      total = addSettlements(total, one);
    }
    expect(total.customerPaid).toBe(total.settlement + total.platformKeeps);
    expect(total.settlement).toBe(total.gross - total.merchantPromotion - total.commission);
  });
});
