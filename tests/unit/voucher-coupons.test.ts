import { describe, expect, it } from 'vitest';
import {
  addCoupon,
  couponContext,
  markCouponRefused,
  refusalParams,
  refusedCoupon,
  removeCoupon,
} from '../../renderer/screens/checkout/cart-coupons';
import { addProduct, emptyCartState, readSavedCart } from '../../renderer/screens/checkout/cart-model';
import type { Product } from '../../shared/contract/catalog';
import type { ScannedVoucher } from '../../shared/contract/vouchers';
import { type ErrorCode, errorMessage } from '../../shared/errors';
import { priceCart } from '../../shared/pricing/price-cart';
import { Campaign } from '../../shared/vouchers/campaign';

const drinks = '01a20826-1249-7646-a0ae-afa67bdf5f2f';
const snacks = '01a20826-1249-7646-a0ae-afa67bdf5f99';

function product(id: string, sku: string, price: number, categoryId: string): Product {
  return {
    id,
    categoryId,
    sku,
    barcodes: [],
    plu: null,
    nameZh: sku,
    nameEn: sku,
    price,
    cost: null,
    taxRateBp: 1300,
    unit: 'each',
    active: true,
    listedOnline: true,
    soldOut: false,
    updatedAt: 0,
  } as unknown as Product;
}

const water = product('01a20826-1249-7646-a0ae-afa67bdf5f2e', 'DRK-0001', 200, drinks);
const chips = product('01a20826-1249-7646-a0ae-afa67bdf5f30', 'SNK-0001', 850, snacks);
const categoryNames = new Map([
  [drinks, '饮料'],
  [snacks, '零食'],
]);

function voucher(
  id: string,
  campaign: Partial<Omit<Campaign, 'rules'>> & { rules?: object },
  value: number,
): ScannedVoucher {
  return {
    voucherId: id.padEnd(24, '0'),
    code: `CP1:${id}`,
    value,
    expires: 1_900_000_000,
    presentation: false,
    checkedOnline: true,
    campaign: Campaign.parse({
      id: 7,
      name: 'Drinks ¥1 off',
      type: 'cash_off',
      value,
      validFrom: 0,
      validTo: 1_900_000_000,
      active: true,
      ...campaign,
      rules: campaign.rules ?? {},
    }),
  };
}

function ids() {
  let n = 0;
  const next = () => `01a20826-1249-7646-a0ae-${String(++n).padStart(12, '0')}`;
  return { cartId: next, lineId: next, redemptionId: next };
}

const policy = { approvalAbovePercentBp: 2_000, approvalAboveAmount: 5_000 };
const noon = new Date(2026, 10, 27, 12, 0);

function cartWith(...products: Product[]) {
  const make = ids();
  return products.reduce((state, each) => addProduct(state, each, { kind: 'count', count: 1 }, make).state, {
    ...emptyCartState,
  });
}

describe('coupons on the sale', () => {
  it('a scanned coupon gets its own redemption id once and is priced like the core will', () => {
    const make = ids();
    const state = cartWith(water, chips);
    const added = addCoupon(state, voucher('aa', { rules: { categories: ['饮料'] } }, 100), make);
    if (added.kind !== 'added') throw new Error(added.kind);
    const [coupon] = added.state.cart.coupons;
    expect(coupon.code).toBe('CP1:aa');
    const priced = priceCart(added.state.cart, policy, couponContext(added.state, categoryNames, noon));
    expect(priced.couponDiscount).toBe(100);
    expect(priced.total).toBe(200 + 850 - 100);
    expect(priced.coupons[0]).toMatchObject({ redemptionId: coupon.redemptionId, amount: 100, refusal: null });
  });

  it('a coupon limited to a category the cart lacks takes nothing, with the engine saying why', () => {
    const state = cartWith(water);
    const added = addCoupon(state, voucher('bb', { name: 'Snacks', rules: { categories: ['零食'] } }, 300), ids());
    if (added.kind !== 'added') throw new Error(added.kind);
    const priced = priceCart(added.state.cart, policy, couponContext(added.state, categoryNames, noon));
    expect(priced.couponDiscount).toBe(0);
    expect(priced.total).toBe(200);
    expect(priced.coupons[0].refusal?.code).toBe('voucher_nothing_in_scope');
  });

  it('says a minimum spend in money, in the cashier’s language', () => {
    const state = cartWith(water);
    const campaign = { name: '满50减10', type: 'threshold_off' as const, rules: { minSpend: 5_000 } };
    const added = addCoupon(state, voucher('cc', campaign, 1_000), ids());
    if (added.kind !== 'added') throw new Error(added.kind);
    const refusal = priceCart(added.state.cart, policy, couponContext(added.state, categoryNames, noon)).coupons[0]
      .refusal;
    if (!refusal) throw new Error('expected a refusal');
    const yuan = (minor: number) => `¥${(minor / 100).toFixed(2)}`;
    const text = errorMessage(refusal.code as ErrorCode, refusalParams(refusal, yuan), 'en');
    expect(text).toContain('¥50.00');
    expect(text).toContain('¥2.00');
  });

  it('the same voucher twice, a group-buy voucher, or an eleventh coupon stays off the cart', () => {
    const make = ids();
    const first = addCoupon(cartWith(water), voucher('dd', {}, 100), make);
    if (first.kind !== 'added') throw new Error(first.kind);
    expect(addCoupon(first.state, voucher('dd', {}, 100), make).kind).toBe('duplicate');
    expect(addCoupon(first.state, voucher('ee', { type: 'group_buy' }, 3_900), make).kind).toBe('groupBuy');
    let state = first.state;
    for (let i = 0; i < 9; i++) {
      const next = addCoupon(state, voucher(`f${i}`, {}, 10), make);
      if (next.kind !== 'added') throw new Error(next.kind);
      state = next.state;
    }
    expect(addCoupon(state, voucher('ff', {}, 10), make).kind).toBe('full');
  });

  it('a coupon the core refused at payment is marked, survives a reload, and goes when removed', () => {
    const make = ids();
    const added = addCoupon(cartWith(water), voucher('ab', {}, 100), make);
    if (added.kind !== 'added') throw new Error(added.kind);
    const { redemptionId } = added.state.cart.coupons[0];
    expect(refusedCoupon(added.state, { redemptionId })).toBe(redemptionId);
    expect(refusedCoupon(added.state, { voucherId: added.state.vouchers[redemptionId].voucherId })).toBe(redemptionId);
    expect(refusedCoupon(added.state, undefined)).toBe(redemptionId);
    const second = addCoupon(added.state, voucher('ac', { name: '满50减10' }, 100), make);
    if (second.kind !== 'added') throw new Error(second.kind);
    expect(refusedCoupon(second.state, undefined, '"满50减10" needs ¥50.00')).toBe(
      second.state.cart.coupons[1].redemptionId,
    );
    expect(second.state.cart.coupons[1].redemptionId).not.toBe(redemptionId);
    expect(refusedCoupon(second.state, undefined, 'The platform cannot be reached')).toBeNull();
    const marked = markCouponRefused(added.state, redemptionId, 'Already redeemed at Store 2');
    const reloaded = readSavedCart(JSON.stringify(marked));
    expect(reloaded.refusals[redemptionId]).toBe('Already redeemed at Store 2');
    expect(reloaded.vouchers[redemptionId].campaign.name).toBe('Drinks ¥1 off');
    const removed = removeCoupon(reloaded, redemptionId);
    expect(removed.cart.coupons).toEqual([]);
    expect(removed.refusals).toEqual({});
    expect(removed.vouchers).toEqual({});
  });

  it('reads the local weekday and minute for campaigns with set hours', () => {
    const context = couponContext(emptyCartState, categoryNames, new Date(2026, 10, 27, 14, 35));
    expect(context.localTime).toEqual({ weekday: 5, minute: 14 * 60 + 35 });
  });
});
