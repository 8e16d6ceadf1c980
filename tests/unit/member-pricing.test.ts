import { describe, expect, it } from 'vitest';
import type { Money } from '../../shared/money';
import type { Cart, CartLine, ManualDiscount } from '../../shared/pricing/cart';
import type { CouponForPricing } from '../../shared/pricing/coupon-terms';
import { bySource, lineDiscountParts } from '../../shared/pricing/discount-sources';
import type { MemberPricing } from '../../shared/pricing/member-pricing';
import { priceCart } from '../../shared/pricing/price-cart';
import { type Campaign, CampaignRules } from '../../shared/vouchers/campaign';
import { seededRandom } from '../support/random';

const policy = { approvalAbovePercentBp: 1_000, approvalAboveAmount: 5_000 };
const products = new Map([
  ['p-cola', { sku: 'COLA', categoryZh: '饮料', nameZh: '可乐', nameEn: 'Cola' }],
  ['p-bread', { sku: 'BREAD', categoryZh: '面包', nameZh: '面包', nameEn: 'Bread' }],
  ['p-apple', { sku: 'APPLE', categoryZh: '水果', nameZh: '苹果', nameEn: 'Apple' }],
]);

function line(lineId: string, productId: string, unitPrice: number, quantity: CartLine['quantity']): CartLine {
  return {
    lineId,
    productId: productId as CartLine['productId'],
    unitPrice: unitPrice as Money,
    taxRateBp: 1300,
    quantity,
    discount: null,
  };
}
const count = (n: number): CartLine['quantity'] => ({ kind: 'count', count: n });

function member(tierDiscountBp: number, prices: Record<string, number> = {}): MemberPricing {
  return { tierDiscountBp, memberPrices: new Map(Object.entries(prices).map(([id, p]) => [id, p as Money])) };
}

function campaign(id: number, type: Campaign['type'], value: number, rules: Partial<CampaignRules> = {}): Campaign {
  return {
    id,
    name: `活动${id}`,
    type,
    value,
    validFrom: 0,
    validTo: 2e9,
    active: true,
    rules: CampaignRules.parse(rules),
  };
}

function price(
  lines: CartLine[],
  who: MemberPricing | undefined,
  campaigns: Campaign[] = [],
  more: Partial<Cart> = {},
) {
  const coupons = new Map<string, CouponForPricing>(
    campaigns.map((c, i) => [
      `R${i}`,
      { redemptionId: `R${i}`, voucherId: `v${i}`.padEnd(24, '0'), value: c.value, campaign: c },
    ]),
  );
  const cart: Cart = {
    lines,
    orderDiscount: more.orderDiscount ?? null,
    coupons: campaigns.map((_, i) => ({ redemptionId: `R${i}`, code: `CP1:${i}` })),
  };
  return priceCart(cart, policy, { coupons, products, localTime: { weekday: 1, minute: 900 } }, who);
}

const basket = () => [
  line('cola', 'p-cola', 300, count(2)),
  line('bread', 'p-bread', 400, count(1)),
  line('apple', 'p-apple', 1_200, { kind: 'weight', grams: 750 }),
];
const gold = member(1_000, { 'p-cola': 250, 'p-apple': 1_000 });

describe('member pricing: the stacking rule', () => {
  it('takes the member price where a product has one and the tier discount on every other line, never both', () => {
    const priced = price(basket(), gold);
    expect(priced.lines.map((l) => [l.lineId, l.gross, l.memberBenefit, l.memberDiscount, l.net])).toEqual([
      ['cola', 600, 'member_price', 100, 500],
      ['bread', 400, 'tier_discount', 40, 360],
      ['apple', 900, 'member_price', 150, 750],
    ]);
    expect(priced).toMatchObject({ gross: 1_900, memberDiscount: 290, manualDiscount: 0, total: 1_610 });
  });

  it('gives a product with a member price no tier discount, even when its list price is already lower', () => {
    const priced = price([line('cola', 'p-cola', 240, count(1))], gold);
    expect(priced.lines[0]).toMatchObject({ memberBenefit: null, memberDiscount: 0, net: 240 });
  });

  it('prices as before without a member, and with a tier that gives nothing', () => {
    const bare = price(basket(), undefined);
    expect(bare.memberDiscount).toBe(0);
    expect(bare.lines.every((l) => l.memberBenefit === null && l.memberDiscount === 0)).toBe(true);
    expect(price(basket(), member(0))).toEqual(bare);
  });

  it('applies coupons to the member-priced cart: the minimum spend is what the member pays', () => {
    const reachable = campaign(1, 'threshold_off', 300, { minSpend: 1_500 });
    const priced = price(basket(), gold, [reachable]);
    expect(priced.coupons[0]).toMatchObject({ amount: 300, refusal: null });
    expect(priced.total).toBe(1_310);
    // At list prices the basket is ¥19.00; at member prices ¥16.10, under the ¥18 threshold.
    const tooHigh = campaign(2, 'threshold_off', 300, { minSpend: 1_800 });
    expect(price(basket(), undefined, [tooHigh]).coupons[0].refusal).toBeNull();
    expect(price(basket(), gold, [tooHigh]).coupons[0].refusal).toEqual({
      code: 'voucher_below_min_spend',
      params: { campaign: '活动2', minSpend: 1_800, spend: 1_610 },
    });
  });

  it('takes a percent coupon off the member price, and a free item at what the member pays for one', () => {
    const tenOff = campaign(3, 'percent_off', 1_000);
    expect(price(basket(), gold, [tenOff]).couponDiscount).toBe(161);
    const freeCola = campaign(4, 'free_item', 0, { itemSku: 'COLA' });
    const priced = price(basket(), gold, [freeCola]);
    expect(priced.lines[0]).toMatchObject({ memberDiscount: 100, couponDiscount: 250, net: 250 });
  });

  it('takes a manual line discount off the member-priced line, and the order discount off what is left', () => {
    const tenPercent: ManualDiscount = { kind: 'percent', value: 1_000, reason: 'regular' };
    const lines = basket();
    lines[0] = { ...lines[0], discount: tenPercent };
    const priced = price(lines, gold, [], { orderDiscount: { kind: 'amount', value: 100, reason: 'x' } });
    expect(priced.lines[0]).toMatchObject({ gross: 600, memberDiscount: 100, lineDiscount: 50 });
    expect(priced.manualDiscount).toBe(150);
    expect(priced.total).toBe(1_900 - 290 - 50 - 100);
  });

  it('rounds the tier discount half-up on each line, and a price label at the member price per kg', () => {
    const priced = price(
      [
        line('a', 'p-bread', 333, count(1)),
        line('b', 'p-bread', 1, count(1)),
        line('c', 'p-bread', 10, count(3)),
        line('label', 'p-apple', 1_200, { kind: 'priced', amount: 1_001 }),
      ],
      member(950, { 'p-apple': 1_000 }),
    );
    // 9.5 % of 333 is 31.635 → 32; of 1 is 0.095 → 0; of 30 is 2.85 → 3. A label of ¥10.01 at ¥12/kg
    // is the same weight at ¥10/kg: 1,001 × 10 ÷ 12 = 834.17 → 834.
    expect(priced.lines.map((l) => l.memberDiscount)).toEqual([32, 0, 3, 167]);
    expect(priced.lines.map((l) => l.memberBenefit)).toEqual(['tier_discount', null, 'tier_discount', 'member_price']);
  });

  it('attributes the member benefit to the member source, first, and every line adds up to the fen', () => {
    const priced = price(basket(), gold, [campaign(1, 'cash_off', 500)], {
      orderDiscount: { kind: 'percent', value: 500, reason: 'x' },
    });
    const parts = lineDiscountParts(priced);
    parts.forEach((lineParts, i) => {
      expect(lineParts[0]).toEqual({ kind: 'member', amount: priced.lines[i].memberDiscount });
      expect(lineParts.reduce((a, p) => a + p.amount, 0)).toBe(priced.lines[i].gross - priced.lines[i].net);
    });
    expect(bySource(parts.flat()).map((p) => [p.kind, p.amount])).toEqual([
      ['member', 290],
      ['coupon', 500],
      ['manual_order', 56],
    ]);
  });

  it('keeps its promises for 3,000 random carts, members and coupons', () => {
    const random = seededRandom(1515);
    const ids = ['p-cola', 'p-bread', 'p-apple'];
    for (let run = 0; run < 3_000; run++) {
      const lines = Array.from({ length: 1 + random.int(6) }, (_, i) => {
        const roll = random.next();
        const quantity: CartLine['quantity'] =
          roll < 0.6
            ? count(1 + random.int(20))
            : roll < 0.8
              ? { kind: 'weight', grams: 1 + random.int(3_000) }
              : { kind: 'priced', amount: 1 + random.int(5_000) };
        const discount: ManualDiscount | null =
          random.next() < 0.2 ? { kind: 'percent', value: random.int(12_000), reason: 'r' } : null;
        return { ...line(`L${i}`, random.pick(ids), random.int(3_000), quantity), discount };
      });
      const prices = Object.fromEntries(ids.filter(() => random.next() < 0.4).map((id) => [id, random.int(3_000)]));
      const who = random.next() < 0.15 ? undefined : member(random.pick([0, 1, 500, 950, 5_000]), prices);
      const campaigns =
        random.next() < 0.5 ? [] : [campaign(1, 'threshold_off', random.int(2_000), { minSpend: random.int(5_000) })];
      const priced = price(lines, who, campaigns, {
        orderDiscount: random.next() < 0.3 ? { kind: 'amount', value: random.int(3_000), reason: 'r' } : null,
      });
      expect(priced.total).toBe(priced.gross - priced.memberDiscount - priced.manualDiscount - priced.couponDiscount);
      expect(priced.memberDiscount).toBe(priced.lines.reduce((a, l) => a + l.memberDiscount, 0));
      priced.lines.forEach((l, i) => {
        expect(l.net).toBeGreaterThanOrEqual(0);
        expect(l.memberDiscount + l.lineDiscount + l.couponDiscount + l.orderDiscount + l.net).toBe(l.gross);
        expect(l.memberBenefit === null).toBe(l.memberDiscount === 0);
        const memberPrice = who?.memberPrices.get(lines[i].productId);
        if (memberPrice !== undefined) expect(l.memberBenefit).not.toBe('tier_discount');
        if (l.memberBenefit === 'tier_discount') {
          expect(l.memberDiscount).toBe(Math.floor((l.gross * (who?.tierDiscountBp ?? 0)) / 10_000 + 0.5));
        }
      });
      const parts = lineDiscountParts(priced).flat();
      expect(parts.reduce((a, p) => a + p.amount, 0)).toBe(priced.gross - priced.total);
      expect(parts.filter((p) => p.kind === 'member').reduce((a, p) => a + p.amount, 0)).toBe(priced.memberDiscount);
    }
  });
});
