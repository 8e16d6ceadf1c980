import { describe, expect, it } from 'vitest';
import type { Cart, CartLine, ManualDiscount } from '../../shared/pricing/cart';
import type { CouponForPricing, CouponPricingContext } from '../../shared/pricing/coupon-terms';
import { type PricedCart, priceCart } from '../../shared/pricing/price-cart';
import { type Campaign, CampaignRules, type TimeWindow } from '../../shared/vouchers/campaign';
import { voucherTypes } from '../../shared/vouchers/cp1';
import { seededRandom } from '../support/random';

type Random = ReturnType<typeof seededRandom>;

const policy = { approvalAbovePercentBp: 1_000, approvalAboveAmount: 5_000 };
const skus = ['S0', 'S1', 'S2', 'S3', 'S4', 'S5'];
const categories = ['饮料', '面包', '水果'];
const products = new Map(
  skus.map((sku, i) => [`p${i}`, { sku, categoryZh: categories[i % 3], nameZh: `品${i}`, nameEn: `P${i}` }]),
);

function subset<T>(random: Random, items: readonly T[], chance: number): T[] {
  return items.filter(() => random.next() < chance);
}

function manualDiscount(random: Random): ManualDiscount | null {
  const roll = random.next();
  if (roll < 0.6) return null;
  return roll < 0.8
    ? { kind: 'percent', value: random.int(12_000), reason: 'r' }
    : { kind: 'amount', value: random.int(random.next() < 0.2 ? 1_000_000 : 2_000), reason: 'r' };
}

function randomLine(random: Random, i: number): CartLine {
  const roll = random.next();
  const quantity: CartLine['quantity'] =
    roll < 0.6
      ? { kind: 'count', count: 1 + random.int(random.next() < 0.8 ? 3 : 30) }
      : roll < 0.85
        ? { kind: 'weight', grams: 1 + random.int(3_000) }
        : { kind: 'priced', amount: 1 + random.int(5_000) };
  return {
    lineId: `L${i}`,
    productId: (random.next() < 0.93 ? `p${random.int(skus.length)}` : 'p-unknown') as CartLine['productId'],
    unitPrice: random.int(random.next() < 0.1 ? 100_000 : 3_000) as CartLine['unitPrice'],
    taxRateBp: random.pick([0, 600, 1300]),
    quantity,
    discount: manualDiscount(random),
  };
}

function randomWindows(random: Random): TimeWindow[] {
  if (random.next() < 0.7) return [];
  return Array.from({ length: 1 + random.int(2) }, () => {
    const fromMinute = random.int(1_400);
    return {
      weekdays: [random.int(7), random.int(7)],
      fromMinute,
      toMinute: fromMinute + 1 + random.int(1_440 - fromMinute),
    };
  });
}

function randomCampaign(random: Random, id: number): Campaign {
  // Group-buy vouchers are always refused here, so fewer of them leaves more coupons to apply.
  const picked = random.pick(voucherTypes);
  const type = picked === 'group_buy' && random.next() < 0.7 ? 'cash_off' : picked;
  const value = type === 'percent_off' ? random.int(12_000) : random.int(random.next() < 0.2 ? 100_000 : 3_000);
  const rules = CampaignRules.parse({
    minSpend: random.next() < 0.6 ? 0 : random.int(8_000),
    cap: random.next() < 0.5 ? null : 1 + random.int(2_000),
    skus: random.next() < 0.6 ? [] : subset(random, skus, 0.4),
    categories: random.next() < 0.7 ? [] : subset(random, categories, 0.5),
    itemSku: type === 'free_item' || type === 'group_buy' ? random.pick(skus) : null,
    windows: randomWindows(random),
    exclusive: random.next() < 0.15,
    stackingGroup: random.pick([null, null, 'a', 'b']),
    maxPerOrder: 1 + random.int(3),
  });
  return { id, name: `活动${id}`, type, value, validFrom: 0, validTo: 2e9, active: random.next() < 0.92, rules };
}

type Scenario = { cart: Cart; context: CouponPricingContext };

function randomScenario(random: Random): Scenario {
  const campaigns = Array.from({ length: 1 + random.int(5) }, (_, i) => randomCampaign(random, i + 1));
  const coupons = new Map<string, CouponForPricing>();
  const cartCoupons = Array.from({ length: random.int(7) }, (_, i) => {
    const redemptionId = `R${i}`;
    if (random.next() < 0.92) {
      const campaign = random.pick(campaigns);
      // A small pool of voucher ids, so the same voucher turns up twice now and then.
      const voucherId = `${campaign.id}-${random.int(8)}`.padEnd(24, '0');
      const value = random.next() < 0.9 ? campaign.value : random.int(5_000);
      coupons.set(redemptionId, { redemptionId, voucherId, value, campaign });
    }
    return { redemptionId, code: `CP1:${i}` };
  });
  return {
    cart: {
      lines: Array.from({ length: random.int(9) }, (_, i) => randomLine(random, i)),
      orderDiscount: manualDiscount(random),
      coupons: cartCoupons,
    },
    context: { coupons, products, localTime: { weekday: random.int(7), minute: random.int(1_440) } },
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function checkInvariants({ cart, context }: Scenario, priced: PricedCart): void {
  expect(priced.total).toBeGreaterThanOrEqual(0);
  expect(priced.total).toBe(sum(priced.lines.map((l) => l.net)));
  expect(priced.total).toBe(priced.gross - priced.manualDiscount - priced.couponDiscount);
  expect(priced.couponDiscount).toBe(sum(priced.lines.map((l) => l.couponDiscount)));
  expect(priced.couponDiscount).toBe(sum(priced.coupons.map((c) => c.amount)));
  expect(sum(priced.taxBands.map((b) => b.net))).toBe(priced.total);
  for (const l of priced.lines) {
    expect(l.net).toBeGreaterThanOrEqual(0);
    expect(Math.min(l.lineDiscount, l.couponDiscount, l.orderDiscount)).toBeGreaterThanOrEqual(0);
    expect(l.lineDiscount + l.couponDiscount + l.orderDiscount + l.net).toBe(l.gross);
    expect(l.tax).toBeLessThanOrEqual(l.net);
  }
  expect(priced.coupons.map((c) => c.redemptionId)).toEqual(cart.coupons.map((c) => c.redemptionId));
  const applied = priced.coupons.filter((c) => c.refusal === null);
  for (const outcome of priced.coupons) {
    if (outcome.refusal) expect(outcome.amount).toBe(0);
    expect(outcome.amount).toBeGreaterThanOrEqual(0);
  }
  expect(new Set(applied.map((c) => c.voucherId)).size).toBe(applied.length);

  // Every applied coupon kept its campaign's rules.
  const appliedCoupons = applied.map((c) => context.coupons.get(c.redemptionId) as CouponForPricing);
  const at = context.localTime;
  appliedCoupons.forEach((coupon, i) => {
    const { rules } = coupon.campaign;
    expect(coupon.campaign.active && coupon.campaign.type !== 'group_buy').toBe(true);
    const open = rules.windows.some(
      (w) => w.weekdays.includes(at.weekday) && at.minute >= w.fromMinute && at.minute < w.toMinute,
    );
    expect(rules.windows.length === 0 || open).toBe(true);
    if (coupon.campaign.type === 'percent_off' && rules.cap !== null) {
      expect(applied[i].amount).toBeLessThanOrEqual(rules.cap);
    }
    const same = appliedCoupons.filter((other) => other.campaign.id === coupon.campaign.id);
    expect(same.length).toBeLessThanOrEqual(rules.maxPerOrder);
    for (const other of appliedCoupons) {
      if (other.campaign.id === coupon.campaign.id) continue;
      expect(rules.exclusive).toBe(false);
      if (rules.stackingGroup !== null) expect(other.campaign.rules.stackingGroup).not.toBe(rules.stackingGroup);
    }
  });

  // Coupons only touch lines some applied coupon covers.
  priced.lines.forEach((l, i) => {
    const product = products.get(cart.lines[i].productId);
    const covered = appliedCoupons.some(({ campaign: { type, rules } }) =>
      type === 'free_item'
        ? product?.sku === rules.itemSku && cart.lines[i].quantity.kind === 'count'
        : (rules.skus.length === 0 && rules.categories.length === 0) ||
          (product !== undefined &&
            (rules.skus.includes(product.sku) || rules.categories.includes(product.categoryZh))),
    );
    if (!covered) expect(l.couponDiscount).toBe(0);
  });
}

describe('coupons keep the pricing engine’s promises', () => {
  it('for 4,000 random carts with random coupons, scopes, windows and stacking', () => {
    const random = seededRandom(515);
    let appliedSeen = 0;
    let refusedSeen = 0;
    for (let run = 0; run < 4_000; run++) {
      const scenario = randomScenario(random);
      const priced = priceCart(scenario.cart, policy, scenario.context);
      checkInvariants(scenario, priced);
      expect(priceCart(structuredClone(scenario.cart), policy, scenario.context)).toEqual(priced);

      const refused = priced.coupons.findIndex((c) => c.refusal !== null);
      appliedSeen += priced.coupons.filter((c) => c.refusal === null && c.amount > 0).length;
      if (refused === -1) continue;
      refusedSeen += 1;
      const without = { ...scenario.cart, coupons: scenario.cart.coupons.filter((_, i) => i !== refused) };
      const again = priceCart(without, policy, scenario.context);
      expect(again.lines).toEqual(priced.lines);
      expect(again.total).toBe(priced.total);
      expect(again.coupons.map((c) => c.amount)).toEqual(
        priced.coupons.filter((_, i) => i !== refused).map((c) => c.amount),
      );
    }
    // The generator must really exercise both sides, or the checks above prove little.
    expect(appliedSeen).toBeGreaterThan(1_000);
    expect(refusedSeen).toBeGreaterThan(1_000);
  });

  it('prices exactly as without coupons when none are on the cart', () => {
    const random = seededRandom(77);
    for (let run = 0; run < 1_000; run++) {
      const { cart, context } = randomScenario(random);
      const bare = { ...cart, coupons: [] };
      const priced = priceCart(bare, policy, context);
      expect(priced).toEqual(priceCart(bare, policy));
      expect(priced.couponDiscount).toBe(0);
      expect(priced.lines.every((l) => l.couponDiscount === 0)).toBe(true);
    }
  });
});
