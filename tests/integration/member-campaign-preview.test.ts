import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCoupon, couponContext, refusalParams } from '../../renderer/screens/checkout/cart-coupons';
import { addProduct, attachMember, type CartState, emptyCartState } from '../../renderer/screens/checkout/cart-model';
import type { Product } from '../../shared/contract/catalog';
import type { CouponMemberView, MemberCard } from '../../shared/contract/members';
import type { ScannedVoucher } from '../../shared/contract/vouchers';
import { type ErrorCode, errorMessage } from '../../shared/errors';
import { uuidv7 } from '../../shared/ids';
import type { Locale } from '../../shared/locale';
import { priceCart } from '../../shared/pricing/price-cart';
import type { CampaignRules } from '../../shared/vouchers/campaign';
import { couponMemberFromWire } from '../../shared/vouchers/campaign-audience';
import type { IssuedVoucher } from '../../shared/vouchers/redemption-wire';
import { expectOk } from '../support/callers';
import { startFaultProxy } from '../support/fault-proxy';
import { memberCampaign as memberCampaignFor } from '../support/member-campaign';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { sellToMember } from '../support/points';
import { lineFor, type PairedTill, productBySku, startPairedTill, voucherStatus } from '../support/till';
import { refusal } from './voucher-world';

/**
 * The checkout's preview of a member campaign's coupon (docs/members.md, "Member campaigns"): what
 * the screen does when a voucher is added — the core's check of the code, the member rules' view of
 * the sale's member from the till's cache (`members.couponMember`), the shared pricing engine — so
 * every refusal the till can know (no member, the tier, not a new customer, the per-member limit) is
 * read before Pay, in the same words as at Pay, with nothing stored. Offline the preview is the same.
 */
type Platform = Awaited<ReturnType<typeof startTestPlatform>>;
type Proxy = Awaited<ReturnType<typeof startFaultProxy>>;
type Seen = { code: string; message: string } | null;

let platform: Platform;
let proxy: Proxy;
let till: PairedTill;
let coffee: Product;
let phone = 13_900_006_000;

const ids = { cartId: () => uuidv7(), lineId: () => uuidv7(), redemptionId: () => uuidv7() };
const policy = { approvalAbovePercentBp: 10_000, approvalAboveAmount: 1_000_000 };

const memberCampaign = (rules: Partial<CampaignRules>, count: number) =>
  memberCampaignFor(platform.admin, [till], rules, count);

/** The operator adds a member and the cashier finds them by phone: the card the checkout attaches. */
async function foundMember(): Promise<MemberCard> {
  const number = String(++phone);
  await platform.admin.request('POST', '/v1/admin/members', { phone: number, name: null, consent: false });
  return expectOk<MemberCard>(await till.call('members.lookup', { phone: number }));
}

/** What the cashier reads on each coupon row after adding these vouchers to a coffee, as the screen builds it. */
async function preview(vouchers: IssuedVoucher[], member: MemberCard | null, locale: Locale): Promise<Seen[]> {
  let state: CartState = addProduct(emptyCartState, coffee, { kind: 'count', count: 1 }, ids).state;
  if (member) state = attachMember(state, member);
  for (const voucher of vouchers) {
    const scanned = expectOk<ScannedVoucher>(await till.call('vouchers.check', { code: voucher.code }));
    const added = addCoupon(state, scanned, ids);
    if (added.kind !== 'added') throw new Error(`the voucher was not added: ${added.kind}`);
    state = added.state;
  }
  const campaignIds = [...new Set(Object.values(state.vouchers).map((voucher) => voucher.campaign.id))];
  const view = member
    ? expectOk<CouponMemberView>(await till.call('members.couponMember', { memberId: member.id, campaignIds }))
    : undefined;
  const context = couponContext(state, new Map(), new Date(), view && couponMemberFromWire(view));
  return priceCart(state.cart, policy, context).coupons.map((coupon) =>
    coupon.refusal
      ? {
          code: coupon.refusal.code,
          message: errorMessage(coupon.refusal.code as ErrorCode, refusalParams(coupon.refusal, String), locale),
        }
      : null,
  );
}

/** The same vouchers at Pay: the core's refusal, in that language. */
async function atPay(vouchers: IssuedVoucher[], member: MemberCard | null, locale: Locale) {
  const answer = await till.core.call({
    method: 'orders.commit',
    input: {
      id: uuidv7(),
      cart: {
        lines: [lineFor(coffee)],
        coupons: vouchers.map((voucher) => ({ redemptionId: uuidv7(), code: voucher.code })),
        ...(member ? { memberId: member.id } : {}),
      },
      tenders: [{ method: 'card', amount: coffee.price, reference: 'PV' }],
    },
    sessionToken: till.tokens.cashier,
    locale,
  });
  return refusal(answer);
}

const stored = () => {
  const count = (table: string) =>
    till.core.environment.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { orders: count('orders'), redemptions: count('redemptions'), outbox: count('outbox') };
};

/** The preview refuses the last voucher as Pay does, in both languages, and stores nothing. */
async function refusedAlike(vouchers: IssuedVoucher[], member: MemberCard | null, code: string) {
  const before = stored();
  for (const locale of ['en', 'zh-CN'] as const) {
    const seen = (await preview(vouchers, member, locale)).at(-1);
    expect(seen?.code).toBe(code);
    expect(stored()).toEqual(before);
    const paid = await atPay(vouchers, member, locale);
    expect(paid.code).toBe(code);
    expect(seen?.message).toBe(paid.message);
  }
  expect(stored()).toEqual(before);
  for (const voucher of vouchers) expect((await voucherStatus(platform.admin, voucher.id)).state).toBe('ACTIVE');
}

beforeAll(async () => {
  platform = await startTestPlatform();
  await platform.admin.putProducts(sampleCatalog());
  const store = await platform.admin.createStore('会员券预览店');
  proxy = await startFaultProxy(() => platform.url, { seed: 25, faultRate: 0 });
  till = await startPairedTill(proxy.url, store.pairingCode);
  await waitFor(
    () => till.core.environment.db.prepare(`SELECT 1 FROM products WHERE sku = 'PLT-0001'`).get(),
    15_000,
    'the catalog on the till',
  );
  coffee = await productBySku((r) => till.call(r.method, r.input), till.tokens.cashier, 'PLT-0001');
}, 60_000);

afterAll(async () => {
  await till?.core.close();
  await proxy?.close();
  await platform?.close();
});

describe('the checkout’s preview of a member campaign’s coupon', () => {
  it('refuses a member-only coupon on a sale with no member', async () => {
    const { vouchers } = await memberCampaign({ audience: { kind: 'members', minTier: null } }, 1);
    await refusedAlike(vouchers, null, 'voucher_member_required');
    expect(await preview(vouchers, await foundMember(), 'en')).toEqual([null]);
  });

  it('refuses a coupon for a higher tier than the member’s, naming the tier in each language', async () => {
    const { vouchers } = await memberCampaign({ audience: { kind: 'members', minTier: 2 } }, 1);
    const member = await foundMember();
    await refusedAlike(vouchers, member, 'voucher_member_tier');
    expect((await preview(vouchers, member, 'en'))[0]?.message).toContain('Silver');
    expect((await preview(vouchers, member, 'zh-CN'))[0]?.message).toContain('银卡会员');
  });

  it('refuses a new-customer coupon to a member this till has sold to, and takes it for a new one', async () => {
    const { vouchers } = await memberCampaign({ audience: { kind: 'new_customers' } }, 1);
    const fresh = await foundMember();
    expect(await preview(vouchers, fresh, 'en')).toEqual([null]);
    await sellToMember(till.call, coffee, 1, fresh.id);
    await refusedAlike(vouchers, fresh, 'voucher_new_customers_only');
  });

  it('refuses past the per-member limit: this till’s earlier redemption, and two on one cart', async () => {
    const { campaign, vouchers } = await memberCampaign(
      { audience: { kind: 'members', minTier: null }, perMemberLimit: 1 },
      3,
    );
    const member = await foundMember();
    // Two of the campaign's coupons on one cart: the second is one too many.
    expect((await preview(vouchers.slice(0, 2), member, 'en')).map((seen) => seen?.code ?? null)).toEqual([
      null,
      'voucher_member_limit',
    ]);
    expectOk(
      await till.call('orders.commit', {
        id: uuidv7(),
        cart: {
          lines: [lineFor(coffee)],
          coupons: [{ redemptionId: uuidv7(), code: vouchers[0].code }],
          memberId: member.id,
        },
        tenders: [{ method: 'card', amount: coffee.price - 500, reference: 'PV' }],
      }),
    );
    await refusedAlike([vouchers[1]], member, 'voucher_member_limit');
    expect((await preview([vouchers[1]], member, 'en'))[0]?.message).toBe(
      `"${campaign.name}" can be used 1 time(s) per member; this member has used it 1 time(s) already.`,
    );
  });

  it('judges the same offline, from the till’s cache alone', async () => {
    const { vouchers } = await memberCampaign({ audience: { kind: 'members', minTier: 2 } }, 1);
    const member = await foundMember();
    proxy.setRefusing(true);
    try {
      await waitFor(() => till.status().link !== 'online', 15_000, 'the till offline');
      const seen = await preview(vouchers, member, 'zh-CN');
      expect(seen[0]?.code).toBe('voucher_member_tier');
      expect(seen[0]?.message).toContain('银卡会员');
    } finally {
      proxy.setRefusing(false);
    }
  });
});
