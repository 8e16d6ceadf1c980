import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberBenefits, MemberCard } from '../../shared/contract/members';
import type { OrderDetail, RefundSummary } from '../../shared/contract/orders';
import type { DaySummary } from '../../shared/contract/reports';
import type { SalesReport } from '../../shared/contract/sales-report';
import { uuidv7 } from '../../shared/ids';
import type { MemberAdminView } from '../../shared/members/member-wire';
import { TierLadder } from '../../shared/members/tiers';
import { discountTotal } from '../../shared/pricing/discount-sources';
import { expectOk } from '../support/callers';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { lineFor, type PairedTill, productBySku, startPairedTill } from '../support/till';

/**
 * Member pricing end to end (docs/members.md, "Member pricing at the checkout"): the operator sets
 * the ladder on a real platform over HTTP, it reaches a till on a real SQLite file, the core prices
 * a member's sale with the member's tier whatever the screen tendered, the member benefit is stored
 * and reported as its own source and reaches the platform, and refunds take growth back.
 */
type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

let platform: Platform;
let till: PairedTill;
let storeId: string;
let memberId: string;

/** Water (¥2.00) has a member price in both tiers; chips (¥7.50) take the tier discount. */
const ladder: TierLadder = TierLadder.parse([
  {
    id: 1,
    nameZh: '普通会员',
    nameEn: 'Member',
    minGrowth: 0,
    benefits: [
      { kind: 'tier_discount', rateBp: 1_000 },
      { kind: 'member_prices', prices: [{ sku: 'DRK-0001', price: 150 }] },
    ],
  },
  {
    id: 2,
    nameZh: '银卡会员',
    nameEn: 'Silver',
    minGrowth: 20,
    benefits: [
      { kind: 'tier_discount', rateBp: 2_000 },
      { kind: 'member_prices', prices: [{ sku: 'DRK-0001', price: 120 }] },
    ],
  },
]);

const member = (id: string) =>
  platform.admin.request<{ member: MemberAdminView }>('GET', `/v1/admin/members/${id}`).then((a) => a.member);
const putLadder = async (tiers: unknown, locale = 'en') => {
  const answer = await fetch(`${platform.url}/v1/admin/member-tiers`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${platform.adminToken}`,
      'content-type': 'application/json',
      'accept-language': locale,
    },
    body: JSON.stringify({ tiers }),
  });
  return { status: answer.status, body: (await answer.json()) as { error?: { code: string; message: string } } };
};
const cachedTierOf = (id: string) =>
  till.core.environment.db.prepare('SELECT tier_id FROM members WHERE id = ?').pluck().get(id) as number | undefined;

beforeAll(async () => {
  platform = await startTestPlatform();
  await platform.admin.putProducts(sampleCatalog());
  const store = await platform.admin.createStore('会员价店');
  storeId = store.storeId;
  till = await startPairedTill(platform.url, store.pairingCode);
  const created = await platform.admin.request<{ member: MemberAdminView }>('POST', '/v1/admin/members', {
    phone: '13800138000',
    name: '李先生',
  });
  memberId = created.member.id;
}, 60_000);

afterAll(async () => {
  await till?.core.close();
  await platform?.close();
});

describe('the operator sets the tier ladder', () => {
  it('refuses a ladder the rules refuse, naming the tier, in the reader’s language; nothing changes', async () => {
    const unordered = [ladder[0], { ...ladder[1], minGrowth: 0 }];
    const en = await putLadder(unordered);
    expect(en.status).toBe(400);
    expect(en.body.error).toMatchObject({ code: 'tier_ladder_order' });
    expect(en.body.error?.message).toBe('“Silver” must need more growth than “Member” before it.');
    const zh = await putLadder(unordered, 'zh-CN');
    expect(zh.body.error?.message).toBe('“银卡会员”的成长值门槛须高于前一等级“普通会员”。');
    const twice = await putLadder([
      {
        ...ladder[0],
        benefits: [
          {
            kind: 'member_prices',
            prices: [
              { sku: 'DRK-0001', price: 150 },
              { sku: 'DRK-0001', price: 140 },
            ],
          },
        ],
      },
    ]);
    expect(twice.body.error?.code).toBe('tier_member_price_twice');
    // A ladder not even shaped like one: which tier, and what its field may hold, never the validator's words.
    const deep = await putLadder([{ ...ladder[0], benefits: [{ kind: 'tier_discount', rateBp: 6_000 }] }]);
    expect(deep.body.error).toMatchObject({ code: 'tier_ladder_field' });
    expect(deep.body.error?.message).toBe(
      '“Member” cannot be saved: a tier discount is 1 to 5,000 basis points (at most 50 % off; deeper is a member price).',
    );
    const sku = await putLadder(
      [{ ...ladder[0], benefits: [{ kind: 'member_prices', prices: [{ sku: '水 550ml', price: 150 }] }] }],
      'zh-CN',
    );
    expect(sku.body.error?.message).toBe(
      '“普通会员”无法保存：每个会员价须以商品编码指明商品：1 到 40 个字母、数字、_ . 或 -。',
    );
    expect((await putLadder([])).body.error?.code).toBe('tier_ladder_size');
    const { tiers } = await platform.admin.request<{ tiers: TierLadder }>('GET', '/v1/admin/member-tiers');
    expect(tiers.every((tier) => tier.benefits.length === 0)).toBe(true);
  });

  it('saves a good ladder, and every till takes it with the next pull', async () => {
    expect((await putLadder(ladder)).status).toBe(200);
    const db = till.core.environment.db;
    await waitFor(
      () => db.prepare('SELECT count(*) FROM member_prices').pluck().get() === 2,
      20_000,
      'the ladder on the till',
    );
    expect(db.prepare('SELECT tier_id, tier_discount_bp FROM member_tiers ORDER BY position').all()).toEqual([
      { tier_id: 1, tier_discount_bp: 1_000 },
      { tier_id: 2, tier_discount_bp: 2_000 },
    ]);
  });
});

let sale: OrderDetail;

describe('a member’s sale is priced by the core with the member’s tier', () => {
  it('gives the screen the member’s benefits on the cart’s products', async () => {
    const card = expectOk<MemberCard>(await till.call('members.lookup', { phone: '13800138000' }));
    expect(card.tier?.name.en).toBe('Member');
    const water = await productBySku((r) => till.call(r.method, r.input), till.tokens.cashier, 'DRK-0001');
    const chips = await productBySku((r) => till.call(r.method, r.input), till.tokens.cashier, 'SNK-0001');
    const benefits = expectOk<MemberBenefits>(
      await till.call('members.benefits', { memberId, productIds: [water.id, chips.id] }),
    );
    expect(benefits).toEqual({ tierDiscountBp: 1_000, memberPrices: [{ productId: water.id, price: 150 }] });
  });

  it('charges member prices even when the screen tendered list prices, with the benefit as its own source', async () => {
    const water = await productBySku((r) => till.call(r.method, r.input), till.tokens.cashier, 'DRK-0001');
    const chips = await productBySku((r) => till.call(r.method, r.input), till.tokens.cashier, 'SNK-0001');
    expect([water.price, chips.price]).toEqual([200, 750]);
    const cart = {
      lines: [lineFor(water, { kind: 'count', count: 3 }), lineFor(chips, { kind: 'count', count: 2 })],
      memberId,
    };
    // A screen that priced the cart deeper than the member's tier gives: refused, nothing stored.
    const short = await till.call('orders.commit', {
      id: uuidv7(),
      cart,
      tenders: [{ method: 'card', amount: 1_500, reference: 'X' }],
    });
    expect(short).toMatchObject({ ok: false, error: { code: 'tender_short' } });
    // A screen that showed list prices (¥21.00) in cash: the core charges ¥18.00 and gives ¥3.00 change.
    const answer = await till.call('orders.commit', {
      id: uuidv7(),
      cart,
      tenders: [{ method: 'cash', tendered: 2_100 }],
    });
    sale = expectOk<{ order: OrderDetail }>(answer).order;
    expect(sale.gross).toBe(2_100);
    // Water at ¥1.50 (3 × ¥0.50 off); chips 10 % off (¥1.50).
    expect(sale.total).toBe(1_800);
    expect(sale.payments).toMatchObject([{ method: 'cash', amount: 1_800, tendered: 2_100, change: 300 }]);
    expect(sale.discounts).toEqual([{ kind: 'member', amount: 300 }]);
    expect(sale.lines.map((line) => line.memberDiscount)).toEqual([150, 150]);
    for (const line of sale.lines) expect(discountTotal(line.discounts)).toBe(line.gross - line.net);
    expect(discountTotal(sale.discounts)).toBe(sale.gross - sale.total);
    expect(sale.discount).toBe(sale.gross - sale.total);
    const { html } = expectOk<{ html: string }>(await till.call('orders.receipt', { id: sale.id }));
    expect(html).toContain('Member benefit');
  });

  it('shows the member benefit as its own row of the day’s discounts by source', async () => {
    const day = expectOk<DaySummary>(await till.call('reports.day', {}, till.tokens.owner));
    expect(day.discountsBySource).toEqual([{ kind: 'member', amount: 300 }]);
    const sales = expectOk<SalesReport>(
      await till.call(
        'reports.sales',
        { period: 'day', firstDay: day.businessDay, comparison: null },
        till.tokens.owner,
      ),
    );
    expect(sales.discountsBySource).toEqual([{ kind: 'member', amount: 300 }]);
    const x = expectOk<{ report: { discountsBySource: unknown[] }; html: string }>(
      await till.call('shift.xReport', {}, till.tokens.owner),
    );
    expect(x.report.discountsBySource).toEqual([{ kind: 'member', amount: 300 }]);
    expect(x.html).toContain('Member benefit');
  });

  it('reaches the platform, which credits the member’s growth and moves them up a tier', async () => {
    await waitFor(async () => (await member(memberId)).orders === 1, 20_000, 'the sale on the platform');
    const records = await platform.admin.records(storeId);
    expect(records.rejected).toEqual([]);
    // ¥18.00 paid: 18 growth, and 10 for the visit.
    expect(await member(memberId)).toMatchObject({ growth: 28, tier: { id: 2, nameEn: 'Silver' } });
    await waitFor(() => cachedTierOf(memberId) === 2, 20_000, 'the new tier on the till');
  });
});

describe('refunds of a member’s sale', () => {
  const refund = async (lines: { lineNo: number; quantity: number }[]) =>
    expectOk<{ refund: RefundSummary }>(
      await till.call(
        'orders.refund',
        { id: uuidv7(), orderId: sale.id, lines, to: 'original', reason: 'returned' },
        till.tokens.manager,
      ),
    ).refund;

  it('give the member benefit back in proportion, and take growth back so the tier drops', async () => {
    const partial = await refund([{ lineNo: 2, quantity: 1 }]);
    // One bag of chips: ¥6.75 back, and its ¥0.75 of member benefit with it.
    expect(partial.amount).toBe(675);
    expect(partial.discounts).toEqual([{ kind: 'member', amount: 75 }]);
    // 28 × 675 / 1800 = 10.5: 10 taken back, 18 left, under Silver's 20.
    await waitFor(async () => (await member(memberId)).growth === 18, 20_000, 'growth taken back');
    expect((await member(memberId)).tier.id).toBe(1);
    await waitFor(() => cachedTierOf(memberId) === 1, 20_000, 'the lower tier on the till');
  });

  it('take all the growth the sale earned back once the whole sale is refunded, once', async () => {
    const rest = await refund([
      { lineNo: 1, quantity: 3 },
      { lineNo: 2, quantity: 1 },
    ]);
    expect(rest.amount).toBe(1_125);
    expect(discountTotal(rest.discounts)).toBe(225);
    await waitFor(async () => (await member(memberId)).growth === 0, 20_000, 'all growth taken back');
    const records = await platform.admin.records(storeId);
    expect(records.refunds).toHaveLength(2);
    expect(records.rejected).toEqual([]);
    expect(await member(memberId)).toMatchObject({ growth: 0, tier: { id: 1 } });
  });
});
