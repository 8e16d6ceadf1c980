import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail } from '../../shared/contract/orders';
import { uuidv7 } from '../../shared/ids';
import type { CampaignRules } from '../../shared/vouchers/campaign';
import type { IssuedVoucher } from '../../shared/vouchers/redemption-wire';
import { expectOk } from '../support/callers';
import { startFaultProxy } from '../support/fault-proxy';
import { memberCampaign as memberCampaignFor } from '../support/member-campaign';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { memberAtTills, sellToMember } from '../support/points';
import { lineFor, type PairedTill, productBySku, startPairedTill, voucherStatus } from '../support/till';
import { refusal } from './voucher-world';

/**
 * Member-only and new-customer campaigns and per-member limits end to end (docs/members.md,
 * "Member campaigns"): a real platform over HTTP and two tills of two stores on real SQLite files,
 * each behind a proxy that can lose an answer, deliver a push twice or cut the till off. The
 * platform judges every hold and every push by what it holds; a till decides alone offline, and
 * what the platform cannot honour becomes a loss event, never a redemption counted twice.
 */
type Platform = Awaited<ReturnType<typeof startTestPlatform>>;
type Proxy = Awaited<ReturnType<typeof startFaultProxy>>;
type LossView = {
  id: string;
  reason: 'conflict' | 'member_rule';
  voucherId: string;
  refusal: { code: string; params: Record<string, string | number> } | null;
  memberId: string | null;
};

let platform: Platform;
let proxyA: Proxy;
let proxyB: Proxy;
let tillA: PairedTill;
let tillB: PairedTill;
let storeB: string;
/** The same SKU is each till's own product. */
const coffee = new Map<PairedTill, Product>();
let phone = 13_900_005_000;

const nextPhone = () => String(++phone);
const sent = (till: PairedTill) => till.status().unsent === 0;

async function settled(...tills: PairedTill[]) {
  for (const till of tills) {
    till.core.environment.sync.wake();
    await waitFor(() => sent(till), 20_000, 'everything pushed');
  }
}

const memberCampaign = (rules: Partial<CampaignRules>, count: number) =>
  memberCampaignFor(platform.admin, [tillA, tillB], rules, count);

/** One coffee with the vouchers on the cart, paid by card at what the coupons leave. */
function saleInput(
  till: PairedTill,
  vouchers: IssuedVoucher[],
  memberId: string | null,
  redemptionIds = vouchers.map(() => uuidv7()),
) {
  const product = coffee.get(till) as Product;
  return {
    id: uuidv7(),
    cart: {
      lines: [lineFor(product)],
      coupons: vouchers.map((voucher, i) => ({ redemptionId: redemptionIds[i], code: voucher.code })),
      ...(memberId ? { memberId } : {}),
    },
    tenders: [{ method: 'card', amount: product.price - 500 * vouchers.length, reference: 'M1' }],
  };
}

const tillRedemption = (till: PairedTill, id: string) =>
  till.core.environment.db.prepare('SELECT state, refusal_code FROM redemptions WHERE id = ?').get(id) as
    | { state: string; refusal_code: string | null }
    | undefined;

const lossEvents = (storeId: string) =>
  platform.admin
    .request<{ lossEvents: LossView[] }>('GET', `/v1/admin/stores/${storeId}/loss-events`)
    .then((answer) => answer.lossEvents);

beforeAll(async () => {
  platform = await startTestPlatform();
  await platform.admin.putProducts(sampleCatalog());
  const a = await platform.admin.createStore('会员活动店 A');
  const b = await platform.admin.createStore('会员活动店 B');
  storeB = b.storeId;
  proxyA = await startFaultProxy(() => platform.url, { seed: 15, faultRate: 0 });
  proxyB = await startFaultProxy(() => platform.url, { seed: 16, faultRate: 0 });
  tillA = await startPairedTill(proxyA.url, a.pairingCode);
  tillB = await startPairedTill(proxyB.url, b.pairingCode);
  for (const till of [tillA, tillB]) {
    await waitFor(
      () => till.core.environment.db.prepare(`SELECT 1 FROM products WHERE sku = 'PLT-0001'`).get(),
      15_000,
      'the catalog on the till',
    );
  }
  for (const till of [tillA, tillB]) {
    coffee.set(till, await productBySku((r) => till.call(r.method, r.input), till.tokens.cashier, 'PLT-0001'));
  }
}, 60_000);

afterAll(async () => {
  for (const till of [tillA, tillB]) await till?.core.close();
  for (const proxy of [proxyA, proxyB]) await proxy?.close();
  await platform?.close();
});

describe('online', () => {
  it('refuses a member-only coupon on a sale with no member, in the cashier’s language, and takes it with one', async () => {
    const { vouchers } = await memberCampaign({ audience: { kind: 'members', minTier: null } }, 1);
    const member = await memberAtTills(platform.admin, nextPhone(), [tillA]);
    const none = refusal(await tillA.call('orders.commit', saleInput(tillA, vouchers, null)));
    expect(none.code).toBe('voucher_member_required');
    expect(none.message).toContain('identify the member first');
    const inChinese = await tillA.core.call({
      method: 'orders.commit',
      input: saleInput(tillA, vouchers, null),
      sessionToken: tillA.tokens.cashier,
      locale: 'zh-CN',
    });
    expect(refusal(inChinese).message).toContain('仅限会员使用：请先识别会员');
    const order = expectOk<{ order: OrderDetail }>(
      await tillA.call('orders.commit', saleInput(tillA, vouchers, member)),
    ).order;
    expect(order.coupons).toEqual([expect.objectContaining({ amount: 500, state: 'CONFIRMED' })]);
    await settled(tillA);
    expect((await voucherStatus(platform.admin, vouchers[0].id)).state).toBe('REDEEMED');
  });

  it('refuses a coupon for a higher tier than the member’s, on the till and on the platform', async () => {
    const { vouchers } = await memberCampaign({ audience: { kind: 'members', minTier: 2 } }, 1);
    const member = await memberAtTills(platform.admin, nextPhone(), [tillA]);
    const refused = refusal(await tillA.call('orders.commit', saleInput(tillA, vouchers, member)));
    expect(refused.code).toBe('voucher_member_tier');
    expect(refused.message).toContain('Silver');
    expect((await voucherStatus(platform.admin, vouchers[0].id)).state).toBe('ACTIVE');
  });

  it('refuses a new-customer coupon to a returning member even when the till’s cache still says new', async () => {
    const { vouchers } = await memberCampaign({ audience: { kind: 'new_customers' } }, 2);
    const fresh = await memberAtTills(platform.admin, nextPhone(), [tillA]);
    expectOk(await tillA.call('orders.commit', saleInput(tillA, [vouchers[0]], fresh)));
    await settled(tillA);
    expect((await voucherStatus(platform.admin, vouchers[0].id)).state).toBe('REDEEMED');

    // The member bought at store B; till A's copy of them is stale (as if its pull had not come yet).
    const returning = await memberAtTills(platform.admin, nextPhone(), [tillA, tillB]);
    await sellToMember(tillB.call, coffee.get(tillB) as Product, 1, returning);
    await settled(tillB);
    const firstVisit = tillA.core.environment.db.prepare('SELECT first_visit_at FROM members WHERE id = ?').pluck();
    tillA.core.environment.sync.wake();
    await waitFor(() => firstVisit.get(returning) !== null, 15_000, 'the member’s first visit on till A');
    tillA.core.environment.db.prepare('UPDATE members SET first_visit_at = NULL WHERE id = ?').run(returning);
    const refused = refusal(await tillA.call('orders.commit', saleInput(tillA, [vouchers[1]], returning)));
    expect(refused.code).toBe('voucher_new_customers_only');
    expect(refused.message).toContain('new customers only');
    expect((await voucherStatus(platform.admin, vouchers[1].id)).state).toBe('ACTIVE');
  });

  it('counts the per-member limit at every store: the second use at another till is refused with the count', async () => {
    const { campaign, vouchers } = await memberCampaign(
      { audience: { kind: 'members', minTier: null }, perMemberLimit: 1 },
      2,
    );
    const member = await memberAtTills(platform.admin, nextPhone(), [tillA, tillB]);
    expectOk(await tillB.call('orders.commit', saleInput(tillB, [vouchers[0]], member)));
    await settled(tillB);
    // Till A has not seen that redemption: the platform has, and refuses.
    const refused = refusal(await tillA.call('orders.commit', saleInput(tillA, [vouchers[1]], member)));
    expect(refused.code).toBe('voucher_member_limit');
    expect(refused.message).toBe(
      `"${campaign.name}" can be used 1 time(s) per member; this member has used it 1 time(s) already.`,
    );
    // Two of the campaign's coupons on one order are one too many, on the till itself.
    const other = await memberAtTills(platform.admin, nextPhone(), [tillA]);
    expect(refusal(await tillA.call('orders.commit', saleInput(tillA, vouchers, other))).code).toBe(
      'voucher_member_limit',
    );
  });
});

describe('offline, settled on push', () => {
  it('a till offline over the limit keeps the sale; the platform records a loss event, the member counts once', async () => {
    const { campaign, vouchers } = await memberCampaign(
      { audience: { kind: 'members', minTier: null }, perMemberLimit: 1 },
      2,
    );
    const member = await memberAtTills(platform.admin, nextPhone(), [tillA, tillB]);
    expectOk(await tillA.call('orders.commit', saleInput(tillA, [vouchers[0]], member)));
    await settled(tillA);
    // Till B is cut off: it knows of no redemption by this member and decides alone.
    proxyB.setRefusing(true);
    const redemptionId = uuidv7();
    const offline = await tillB
      .call('orders.commit', saleInput(tillB, [vouchers[1]], member, [redemptionId]))
      .finally(() => proxyB.setRefusing(false));
    const order = expectOk<{ order: OrderDetail }>(offline).order;
    expect(order.coupons).toEqual([expect.objectContaining({ amount: 500, state: 'OFFLINE_PROVISIONAL' })]);
    await settled(tillB);
    expect(tillRedemption(tillB, redemptionId)).toEqual({
      state: 'CONFLICT_LOST',
      refusal_code: 'voucher_member_limit',
    });
    expect(
      tillB.core.environment.db.prepare('SELECT amount FROM loss_events WHERE redemption_id = ?').get(redemptionId),
    ).toEqual({ amount: 500 });
    const losses = (await lossEvents(storeB)).filter((loss) => loss.id === redemptionId);
    expect(losses).toEqual([
      expect.objectContaining({
        reason: 'member_rule',
        voucherId: vouchers[1].id,
        memberId: member,
        refusal: { code: 'voucher_member_limit', params: { campaign: campaign.name, limit: 1, used: 1 } },
      }),
    ]);
    // The voucher went with the sale: it is not used again anywhere.
    expect((await voucherStatus(platform.admin, vouchers[1].id)).state).toBe('DISPUTED');
  });

  it('a member-only coupon sold offline by a till that did not know the rule becomes a loss the manager sees', async () => {
    const { campaign, vouchers } = await memberCampaign({ audience: { kind: 'members', minTier: null } }, 1);
    expect(refusal(tillA.dispatch('orders.commit', saleInput(tillA, vouchers, null))).code).toBe(
      'voucher_member_required',
    );
    // A till before member campaigns reads the campaign as open to everyone and sells on it alone.
    tillA.core.environment.db
      .prepare(`UPDATE campaigns SET rules = json_remove(rules, '$.audience') WHERE id = ?`)
      .run(campaign.id);
    const redemptionId = uuidv7();
    expectOk(tillA.dispatch('orders.commit', saleInput(tillA, vouchers, null, [redemptionId])));
    await settled(tillA);
    expect(tillRedemption(tillA, redemptionId)).toEqual({
      state: 'CONFLICT_LOST',
      refusal_code: 'voucher_member_required',
    });
    expect((await voucherStatus(platform.admin, vouchers[0].id)).state).toBe('DISPUTED');
  });
});

describe('exactly once', () => {
  it('a lost answer, a push sent again and a push delivered twice never count a redemption twice', async () => {
    const { vouchers } = await memberCampaign({ audience: { kind: 'members', minTier: null }, perMemberLimit: 3 }, 4);
    const member = await memberAtTills(platform.admin, nextPhone(), [tillA, tillB]);
    // The hold's answer is lost: the till decides offline, and its push captures that same hold.
    const hold = proxyA.holdNext((path) => path.startsWith('/v1/redemptions'));
    const first = tillA.call('orders.commit', saleInput(tillA, [vouchers[0]], member));
    (await hold).lose();
    expect(expectOk<{ order: OrderDetail }>(await first).order.coupons[0].state).toBe('OFFLINE_PROVISIONAL');
    // Its push's answer is lost too: the till sends it again.
    const push = proxyA.holdNext((path) => path.startsWith('/v1/sync/push'));
    tillA.core.environment.sync.wake();
    (await push).lose();
    await settled(tillA);

    // Pay pressed twice, and the next push delivered twice.
    const input = saleInput(tillA, [vouchers[1]], member);
    const twice = proxyA.holdNext((path) => path.startsWith('/v1/sync/push'));
    expectOk(await tillA.call('orders.commit', input));
    expect(expectOk<{ replayed: boolean }>(await tillA.call('orders.commit', input)).replayed).toBe(true);
    (await twice).twice();
    await settled(tillA);

    // Till B knows none of these: the platform counts two, so the third use stands…
    const third = expectOk<{ order: OrderDetail }>(
      await tillB.call('orders.commit', saleInput(tillB, [vouchers[2]], member)),
    );
    expect(third.order.coupons[0].state).toBe('CONFIRMED');
    await settled(tillB);
    // …and the fourth is refused by the platform with the count: three, not more.
    const refused = refusal(await tillB.call('orders.commit', saleInput(tillB, [vouchers[3]], member)));
    expect(refused.code).toBe('voucher_member_limit');
    expect(refused.message).toContain('has used it 3 time(s)');
    for (const voucher of vouchers.slice(0, 3)) {
      expect((await voucherStatus(platform.admin, voucher.id)).state).toBe('REDEEMED');
    }
  });
});
