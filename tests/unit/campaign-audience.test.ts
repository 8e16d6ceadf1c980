import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../shared/errors';
import type { Cart, CartLine } from '../../shared/pricing/cart';
import type { CouponForPricing } from '../../shared/pricing/coupon-terms';
import { priceCart } from '../../shared/pricing/price-cart';
import { messageFor } from '../../shared/sync/platform-messages';
import { type Campaign, CampaignRules } from '../../shared/vouchers/campaign';
import { audienceRefusal, type CouponMember } from '../../shared/vouchers/campaign-audience';

const policy = { approvalAbovePercentBp: 1_000, approvalAboveAmount: 5_000 };
const products = new Map([['p-cola', { sku: 'COLA', categoryZh: '饮料', nameZh: '可乐', nameEn: 'Cola' }]]);
const ladder = new Map([
  [1, { place: 0, nameZh: '普通会员', nameEn: 'Member' }],
  [2, { place: 1, nameZh: '银卡会员', nameEn: 'Silver' }],
  [3, { place: 2, nameZh: '金卡会员', nameEn: 'Gold' }],
]);

function campaign(id: number, rules: Partial<CampaignRules>): Campaign {
  return {
    id,
    name: `会员券${id}`,
    type: 'cash_off',
    value: 100,
    validFrom: 0,
    validTo: 2_000_000_000,
    active: true,
    rules: CampaignRules.parse({ maxPerOrder: 5, ...rules }),
  };
}

function member(more: Partial<CouponMember> = {}): CouponMember {
  return { tierId: 2, ladder, newCustomer: false, used: new Map(), ...more };
}

const line: CartLine = {
  lineId: 'l1',
  productId: 'p-cola' as CartLine['productId'],
  unitPrice: 1_000 as CartLine['unitPrice'],
  taxRateBp: 1300,
  quantity: { kind: 'count', count: 1 },
  discount: null,
};

/** The cart's coupons, all of one campaign, priced for this member (undefined: a preview that does not know). */
function price(c: Campaign, count: number, who: CouponMember | null | undefined) {
  const coupons = new Map<string, CouponForPricing>();
  for (let i = 0; i < count; i++) {
    coupons.set(`R${i}`, { redemptionId: `R${i}`, voucherId: `v${i}`.padEnd(24, '0'), value: 100, campaign: c });
  }
  const cart: Cart = {
    lines: [line],
    orderDiscount: null,
    coupons: [...coupons.keys()].map((redemptionId, i) => ({ redemptionId, code: `CP1:${i}` })),
  };
  const context = { coupons, products, localTime: { weekday: 1, minute: 600 }, member: who };
  return priceCart(cart, policy, context).coupons.map((outcome) => outcome.refusal?.code ?? outcome.amount);
}

describe('member campaigns in the pricing engine', () => {
  it('lets anyone use a campaign for everyone, with or without a member', () => {
    expect(price(campaign(1, {}), 1, null)).toEqual([100]);
    expect(price(campaign(1, {}), 1, member())).toEqual([100]);
  });

  it('refuses a member-only coupon on a sale with no member, and takes it with one', () => {
    const c = campaign(2, { audience: { kind: 'members', minTier: null } });
    expect(price(c, 1, null)).toEqual(['voucher_member_required']);
    expect(price(c, 1, member({ tierId: 1 }))).toEqual([100]);
  });

  it('takes a tier or better: Silver and Gold pass a Silver campaign, Member does not, an unknown tier does not', () => {
    const c = campaign(3, { audience: { kind: 'members', minTier: 2 } });
    expect(price(c, 1, member({ tierId: 2 }))).toEqual([100]);
    expect(price(c, 1, member({ tierId: 3 }))).toEqual([100]);
    expect(price(c, 1, member({ tierId: 1 }))).toEqual(['voucher_member_tier']);
    expect(price(c, 1, member({ tierId: null }))).toEqual(['voucher_member_tier']);
    expect(audienceRefusal(c, member({ tierId: 1 }), 0)).toEqual({
      code: 'voucher_member_tier',
      params: { campaign: '会员券3', tierEn: 'Silver', tierZh: '银卡会员' },
    });
  });

  it('keeps a new-customer coupon for a member with no earlier paid order', () => {
    const c = campaign(4, { audience: { kind: 'new_customers' } });
    expect(price(c, 1, member({ newCustomer: true }))).toEqual([100]);
    expect(price(c, 1, member({ newCustomer: false }))).toEqual(['voucher_new_customers_only']);
    expect(price(c, 1, null)).toEqual(['voucher_member_required']);
  });

  it('counts the per-member limit over earlier redemptions and the coupons already on this order', () => {
    const c = campaign(5, { audience: { kind: 'members', minTier: null }, perMemberLimit: 2 });
    expect(price(c, 3, member())).toEqual([100, 100, 'voucher_member_limit']);
    expect(price(c, 2, member({ used: new Map([[5, 1]]) }))).toEqual([100, 'voucher_member_limit']);
    expect(price(c, 1, member({ used: new Map([[5, 2]]) }))).toEqual(['voucher_member_limit']);
    // Another campaign's redemptions are not this one's.
    expect(price(c, 1, member({ used: new Map([[6, 9]]) }))).toEqual([100]);
    expect(audienceRefusal(c, member({ used: new Map([[5, 2]]) }), 0)?.params).toEqual({
      campaign: '会员券5',
      limit: 2,
      used: 2,
    });
  });

  it('leaves the member rules to the core in a preview that does not know the member', () => {
    const c = campaign(6, { audience: { kind: 'new_customers' }, perMemberLimit: 1 });
    expect(price(c, 1, undefined)).toEqual([100]);
  });

  it('says each refusal in both languages, with the tier and the count', () => {
    const limit = audienceRefusal(
      campaign(7, { audience: { kind: 'members', minTier: null }, perMemberLimit: 1 }),
      member({ used: new Map([[7, 1]]) }),
      0,
    );
    if (!limit) throw new Error('expected a refusal');
    expect(errorMessage(limit.code, limit.params, 'en')).toBe(
      '"会员券7" can be used 1 time(s) per member; this member has used it 1 time(s) already.',
    );
    expect(errorMessage(limit.code, limit.params, 'zh-CN')).toBe('“会员券7”每位会员限用 1 次，该会员已使用 1 次。');
    const tier = audienceRefusal(campaign(8, { audience: { kind: 'members', minTier: 3 } }), member(), 0);
    if (!tier) throw new Error('expected a refusal');
    expect(errorMessage(tier.code, tier.params, 'en')).toContain('for Gold members and above');
    expect(errorMessage(tier.code, tier.params, 'zh-CN')).toContain('仅限金卡会员及以上等级');
    const none = audienceRefusal(campaign(9, { audience: { kind: 'members', minTier: null } }), null, 0);
    if (!none) throw new Error('expected a refusal');
    expect(errorMessage(none.code, none.params, 'en')).toContain('identify the member first');
    expect(errorMessage(none.code, none.params, 'zh-CN')).toContain('请先识别会员');
    expect(messageFor('voucher_new_customers_only', 'zh-CN', { campaign: '新客券' })).toContain('仅限新客');
  });
});
