import { describe, expect, it } from 'vitest';
import type { Cart, CartLine, ManualDiscount } from '../../shared/pricing/cart';
import type { CouponForPricing, CouponPricingContext } from '../../shared/pricing/coupon-terms';
import { priceCart } from '../../shared/pricing/price-cart';
import { type Campaign, CampaignRules } from '../../shared/vouchers/campaign';

const policy = { approvalAbovePercentBp: 1_000, approvalAboveAmount: 5_000 };
const products = new Map([
  ['p-cola', { sku: 'COLA', categoryZh: '饮料', nameZh: '可乐', nameEn: 'Cola' }],
  ['p-tea', { sku: 'TEA', categoryZh: '饮料', nameZh: '绿茶', nameEn: 'Green tea' }],
  ['p-bread', { sku: 'BREAD', categoryZh: '面包', nameZh: '面包', nameEn: 'Bread' }],
  ['p-apple', { sku: 'APPLE', categoryZh: '水果', nameZh: '苹果', nameEn: 'Apple' }],
]);
const monday3pm = { weekday: 1, minute: 15 * 60 };

function line(lineId: string, productId: string, unitPrice: number, count = 1, discount?: ManualDiscount): CartLine {
  return {
    lineId,
    productId: productId as CartLine['productId'],
    unitPrice: unitPrice as CartLine['unitPrice'],
    taxRateBp: 1300,
    quantity: { kind: 'count', count },
    discount: discount ?? null,
  };
}

function campaign(id: number, type: Campaign['type'], value: number, rules: Partial<CampaignRules> = {}): Campaign {
  return {
    id,
    name: `活动${id}`,
    type,
    value,
    validFrom: 0,
    validTo: 2_000_000_000,
    active: true,
    rules: CampaignRules.parse(rules),
  };
}

type Voucher = { voucherId?: string; campaign: Campaign; value?: number };
type More = Partial<Pick<Cart, 'orderDiscount'> & Pick<CouponPricingContext, 'localTime' | 'freeItems'>> & {
  cartCoupons?: Cart['coupons'];
};

/** Prices lines with the vouchers scanned in this order; the n-th voucher has redemption id R<n>. */
function price(lines: CartLine[], vouchers: Voucher[], more: More = {}) {
  const coupons = new Map<string, CouponForPricing>();
  vouchers.forEach((v, i) => {
    const redemptionId = `R${i}`;
    const voucherId = v.voucherId ?? `v${i}`.padEnd(24, '0');
    coupons.set(redemptionId, { redemptionId, voucherId, value: v.value ?? v.campaign.value, campaign: v.campaign });
  });
  const cart: Cart = {
    lines,
    orderDiscount: more.orderDiscount ?? null,
    coupons: more.cartCoupons ?? vouchers.map((_, i) => ({ redemptionId: `R${i}`, code: `CP1:${i}` })),
  };
  const context = { coupons, products, localTime: more.localTime ?? monday3pm, freeItems: more.freeItems };
  return priceCart(cart, policy, context);
}

const refusals = (priced: ReturnType<typeof price>) => priced.coupons.map((c) => c.refusal);
const amounts = (priced: ReturnType<typeof price>) => priced.coupons.map((c) => c.amount);

describe('coupons in the pricing engine', () => {
  it('takes a cash coupon off in proportion to each line, then the manual order discount off the rest', () => {
    const priced = price(
      [line('cola', 'p-cola', 300, 2), line('bread', 'p-bread', 400)],
      [{ campaign: campaign(1, 'cash_off', 500) }],
      {
        orderDiscount: { kind: 'percent', value: 1_000, reason: 'regular' },
      },
    );
    expect(priced.coupons).toEqual([
      {
        redemptionId: 'R0',
        voucherId: 'v0'.padEnd(24, '0'),
        campaignId: 1,
        campaignName: '活动1',
        type: 'cash_off',
        amount: 500,
        refusal: null,
      },
    ]);
    expect(priced.lines.map((l) => [l.couponDiscount, l.orderDiscount, l.net])).toEqual([
      [300, 30, 270],
      [200, 20, 180],
    ]);
    expect(priced).toMatchObject({ gross: 1000, couponDiscount: 500, manualDiscount: 50, total: 450 });
    expect(priced.needsApproval).toBe(false);
  });

  it('never takes more than the in-scope goods have left, and leaves other goods alone', () => {
    const priced = price(
      [line('cola', 'p-cola', 300, 1, { kind: 'amount', value: 100, reason: 'dent' }), line('bread', 'p-bread', 900)],
      [{ campaign: campaign(1, 'cash_off', 5_000, { categories: ['饮料'] }) }],
    );
    expect(amounts(priced)).toEqual([200]);
    expect(priced.lines.map((l) => [l.lineDiscount, l.couponDiscount, l.net])).toEqual([
      [100, 200, 0],
      [0, 0, 900],
    ]);
  });

  it('takes a threshold coupon only from the minimum spend on, counted after manual line discounts', () => {
    const threshold = campaign(2, 'threshold_off', 2_000, { minSpend: 10_000, skus: ['COLA', 'TEA'] });
    const short = price(
      [line('cola', 'p-cola', 6_000), line('tea', 'p-tea', 5_000, 1, { kind: 'amount', value: 1_500, reason: 'r' })],
      [{ campaign: threshold }],
    );
    expect(refusals(short)).toEqual([
      { code: 'voucher_below_min_spend', params: { campaign: '活动2', minSpend: 10_000, spend: 9_500 } },
    ]);
    expect(short.total).toBe(9_500);
    const enough = price(
      [line('cola', 'p-cola', 6_000), line('tea', 'p-tea', 4_000), line('b', 'p-bread', 9_000)],
      [{ campaign: threshold }],
    );
    expect(amounts(enough)).toEqual([2_000]);
    expect(enough.lines.map((l) => l.couponDiscount)).toEqual([1_200, 800, 0]);
    // The threshold counts the spend before any coupon: an earlier coupon does not push it below.
    const after = price(
      [line('cola', 'p-cola', 10_000)],
      [{ campaign: campaign(1, 'cash_off', 1_000) }, { campaign: threshold }],
    );
    expect(amounts(after)).toEqual([1_000, 2_000]);
  });

  it('takes a percentage of the in-scope goods, rounded half up, up to its cap', () => {
    const eightyPercent = campaign(3, 'percent_off', 2_000, { categories: ['饮料'] });
    const priced = price(
      [line('cola', 'p-cola', 1_999), line('bread', 'p-bread', 1_000)],
      [{ campaign: eightyPercent }],
    );
    expect(amounts(priced)).toEqual([400]);
    const capped = campaign(3, 'percent_off', 2_000, { cap: 300 });
    expect(
      amounts(price([line('cola', 'p-cola', 1_999), line('b', 'p-bread', 1_000)], [{ campaign: capped }])),
    ).toEqual([300]);
  });

  it('uses the signed value of the voucher, not the campaign’s', () => {
    expect(
      amounts(price([line('cola', 'p-cola', 1_000)], [{ campaign: campaign(1, 'cash_off', 500), value: 300 }])),
    ).toEqual([300]);
  });

  it('gives one unit of the free item, at most what is left of its line', () => {
    const freeCola = campaign(4, 'free_item', 0, { itemSku: 'COLA' });
    const priced = price([line('bread', 'p-bread', 900), line('cola', 'p-cola', 300, 3)], [{ campaign: freeCola }]);
    expect(amounts(priced)).toEqual([300]);
    expect(priced.lines.map((l) => l.net)).toEqual([900, 600]);
    const discounted = price(
      [line('cola', 'p-cola', 300, 1, { kind: 'percent', value: 5_000, reason: 'r' })],
      [{ campaign: freeCola }],
    );
    expect(amounts(discounted)).toEqual([150]);
    expect(discounted.total).toBe(0);
    // Goods sold by weight have no unit to give away.
    const weighed = { ...line('cola', 'p-cola', 300), quantity: { kind: 'weight' as const, grams: 2_000 } };
    expect(refusals(price([weighed], [{ campaign: freeCola }]))[0]?.code).toBe('voucher_free_item_missing');
  });

  it('refuses a free item that is not on the order, naming it', () => {
    const freeCola = campaign(4, 'free_item', 0, { itemSku: 'COLA' });
    expect(refusals(price([line('bread', 'p-bread', 900)], [{ campaign: freeCola }]))).toEqual([
      { code: 'voucher_free_item_missing', params: { campaign: '活动4', item: { en: 'COLA', 'zh-CN': 'COLA' } } },
    ]);
    const named = price([line('bread', 'p-bread', 900)], [{ campaign: freeCola }], {
      freeItems: new Map([['COLA', { nameZh: '可乐', nameEn: 'Cola' }]]),
    });
    expect(refusals(named)).toEqual([
      { code: 'voucher_free_item_missing', params: { campaign: '活动4', item: { en: 'Cola', 'zh-CN': '可乐' } } },
    ]);
    // Two free colas need two colas: the second voucher asks for another one.
    const twice = campaign(5, 'free_item', 0, { itemSku: 'COLA', maxPerOrder: 2 });
    const one = price([line('cola', 'p-cola', 300)], [{ campaign: twice }, { campaign: twice }]);
    expect(amounts(one)).toEqual([300, 0]);
    expect(refusals(one)[1]).toEqual({
      code: 'voucher_free_item_missing',
      params: { campaign: '活动5', item: { en: 'Cola', 'zh-CN': '可乐' } },
    });
  });

  it('refuses a coupon with nothing in scope', () => {
    const fruit = campaign(6, 'cash_off', 100, { categories: ['水果'], skus: ['NOPE'] });
    expect(refusals(price([line('cola', 'p-cola', 300)], [{ campaign: fruit }]))).toEqual([
      { code: 'voucher_nothing_in_scope', params: { campaign: '活动6' } },
    ]);
    expect(amounts(price([line('apple', 'p-apple', 300)], [{ campaign: fruit }]))).toEqual([100]);
    // A product the till cannot describe is not in a narrow campaign's scope.
    expect(refusals(price([line('x', 'p-unknown', 300)], [{ campaign: fruit }]))[0]?.code).toBe(
      'voucher_nothing_in_scope',
    );
  });

  it('refuses coupons it cannot know, stopped campaigns, repeats and group-buy vouchers', () => {
    const cash = campaign(1, 'cash_off', 100);
    const priced = price(
      [line('cola', 'p-cola', 3_000)],
      [
        { campaign: cash, voucherId: 'a'.repeat(24) },
        { campaign: { ...campaign(2, 'cash_off', 100), active: false } },
        { campaign: cash, voucherId: 'a'.repeat(24) },
        { campaign: campaign(3, 'group_buy', 2_990, { itemSku: 'SET1' }) },
      ],
      {
        cartCoupons: [0, 1, 2, 3, 9].map((i) => ({ redemptionId: `R${i}`, code: `CP1:${i}` })),
      },
    );
    expect(refusals(priced)).toEqual([
      null,
      { code: 'voucher_campaign_inactive', params: { campaign: '活动2' } },
      { code: 'voucher_duplicate', params: {} },
      { code: 'voucher_group_buy_at_redeem', params: {} },
      { code: 'voucher_campaign_unknown', params: {} },
    ]);
    expect(priced.coupons[4]).toMatchObject({ redemptionId: 'R9', voucherId: null, campaignId: null, type: null });
    expect(amounts(priced)).toEqual([100, 0, 0, 0, 0]);
    const noContext = priceCart(
      { lines: [line('c', 'p-cola', 100)], orderDiscount: null, coupons: [{ redemptionId: 'R0', code: 'x' }] },
      policy,
    );
    expect(noContext.coupons.map((c) => c.refusal?.code)).toEqual(['voucher_campaign_unknown']);
    expect(noContext.total).toBe(100);
  });

  it('applies a time-limited coupon only inside its windows (end minute excluded)', () => {
    const windows = [
      { weekdays: [6, 0], fromMinute: 20 * 60, toMinute: 1_440 },
      { weekdays: [1, 2, 3, 4, 5], fromMinute: 14 * 60, toMinute: 17 * 60 },
    ];
    const happyHour = campaign(7, 'cash_off', 100, { windows });
    const at = (weekday: number, minute: number) =>
      price([line('cola', 'p-cola', 300)], [{ campaign: happyHour }], { localTime: { weekday, minute } });
    expect(amounts(at(1, 14 * 60))).toEqual([100]);
    expect(amounts(at(0, 1_439))).toEqual([100]);
    expect(refusals(at(1, 17 * 60))).toEqual([
      { code: 'voucher_outside_hours', params: { campaign: '活动7', hours: '14:00–17:00, 20:00–24:00' } },
    ]);
    expect(refusals(at(0, 15 * 60))[0]?.code).toBe('voucher_outside_hours');
    // Scanning the same refused voucher again says it is already on the order.
    const again = price(
      [line('cola', 'p-cola', 300)],
      [happyHour, happyHour].map((c) => ({ campaign: c, voucherId: 'b'.repeat(24) })),
      {
        localTime: { weekday: 0, minute: 0 },
      },
    );
    expect(refusals(again).map((r) => r?.code)).toEqual(['voucher_outside_hours', 'voucher_duplicate']);
  });

  it('keeps exclusive coupons and one stacking group alone, naming the coupon already applied', () => {
    const cart = [line('cola', 'p-cola', 5_000)];
    const plain = campaign(1, 'cash_off', 100);
    const exclusive = campaign(2, 'cash_off', 200, { exclusive: true });
    expect(refusals(price(cart, [{ campaign: plain }, { campaign: exclusive }]))).toEqual([
      null,
      { code: 'voucher_not_combinable', params: { campaign: '活动2', other: '活动1' } },
    ]);
    expect(refusals(price(cart, [{ campaign: exclusive }, { campaign: plain }]))).toEqual([
      null,
      { code: 'voucher_not_combinable', params: { campaign: '活动1', other: '活动2' } },
    ]);
    const groupA = campaign(3, 'cash_off', 100, { stackingGroup: 'weekly' });
    const groupB = campaign(4, 'percent_off', 1_000, { stackingGroup: 'weekly' });
    const other = campaign(5, 'cash_off', 100, { stackingGroup: 'member' });
    const priced = price(cart, [{ campaign: groupA }, { campaign: groupB }, { campaign: other }]);
    expect(refusals(priced)).toEqual([
      null,
      { code: 'voucher_not_combinable', params: { campaign: '活动4', other: '活动3' } },
      null,
    ]);
    expect(priced.couponDiscount).toBe(200);
    // A refused coupon blocks nothing: the exclusive one still applies after a stopped one.
    const stopped = { ...campaign(6, 'cash_off', 100), active: false };
    expect(amounts(price(cart, [{ campaign: stopped }, { campaign: exclusive }]))).toEqual([0, 200]);
  });

  it('limits the vouchers of one campaign per order', () => {
    const cart = [line('cola', 'p-cola', 5_000)];
    const once = campaign(1, 'cash_off', 100, { exclusive: true });
    expect(refusals(price(cart, [{ campaign: once }, { campaign: once }]))).toEqual([
      null,
      { code: 'voucher_per_order_limit', params: { campaign: '活动1', max: 1 } },
    ]);
    const twice = campaign(2, 'cash_off', 100, { maxPerOrder: 2, exclusive: true, stackingGroup: 'g' });
    expect(amounts(price(cart, [{ campaign: twice }, { campaign: twice }, { campaign: twice }]))).toEqual([
      100, 100, 0,
    ]);
  });

  it('applies a later coupon to what the earlier ones left', () => {
    const priced = price(
      [line('cola', 'p-cola', 1_000), line('bread', 'p-bread', 1_000)],
      [
        { campaign: campaign(1, 'cash_off', 1_500, { skus: ['COLA', 'BREAD'] }) },
        { campaign: campaign(2, 'percent_off', 5_000) },
      ],
    );
    expect(amounts(priced)).toEqual([1_500, 250]);
    expect(priced.lines.map((l) => l.net)).toEqual([125, 125]);
    expect(priced.total).toBe(priced.gross - priced.manualDiscount - priced.couponDiscount);
  });
});
