import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import type { Envelope } from '../../shared/contract';
import type { Product } from '../../shared/contract/catalog';
import type { OrderDetail } from '../../shared/contract/orders';
import type { RedemptionRow, ScannedVoucher } from '../../shared/contract/vouchers';
import { uuidv7 } from '../../shared/ids';
import type { CartLine } from '../../shared/pricing/cart';
import { decodeVoucher, encodeVoucher, voucherBytes } from '../../shared/vouchers/cp1';
import type { IssuedVoucher } from '../../shared/vouchers/redemption-wire';
import { type Caller, expectOk } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { startFaultProxy } from '../support/fault-proxy';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { tempDir } from '../support/temp-dir';
import { lineFor, openShift, type PairedTill, productBySku, startPairedTill } from '../support/till';

type Platform = Awaited<ReturnType<typeof startTestPlatform>>;
type Proxy = Awaited<ReturnType<typeof startFaultProxy>>;
type Locale = 'en' | 'zh-CN';

let platform: Platform;
let proxy: Proxy;
let core: CounterCore;
let tillB: PairedTill;
let cashier: string;
let owner: string;
let storeA: string;
let storeB: string;
let water: Product;
/** The till's clock, moved by the clock test; the platform keeps the real one. */
let skewMs = 0;

const call = (method: string, input: unknown, token = cashier, locale: Locale = 'en') =>
  core.call({ method, input, sessionToken: token, locale });
const db = () => core.environment.db;
const count = (table: string) => db().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function campaignVoucher(options: {
  storeId?: string | null;
  type?: 'cash_off' | 'group_buy';
  value: number;
  rules?: Record<string, unknown>;
  validFrom?: number;
  validTo?: number;
  count?: number;
}): Promise<IssuedVoucher[]> {
  const { campaign } = await platform.admin.createCampaign({
    storeId: options.storeId ?? null,
    name: `立减${options.value / 100}元 ${uuidv7().slice(-4)}`,
    type: options.type ?? 'cash_off',
    value: options.value,
    validFrom: options.validFrom,
    validTo: options.validTo,
    rules: { offlineAllowed: true, ...options.rules },
  });
  return platform.admin.issueVouchers(campaign.id, options.count ?? 1);
}

/** A voucher whose campaign ended a moment ago (the platform issues none for an ended one). */
async function expiredVoucher(): Promise<IssuedVoucher> {
  const now = Math.floor(Date.now() / 1000);
  const [voucher] = await campaignVoucher({ value: 200, validFrom: now - 86_400, validTo: now + 2 });
  await waitFor(() => Date.now() / 1000 > now + 3, 5_000, 'the voucher to expire');
  return voucher;
}

/** Waits until the till has pulled what it needs to judge this voucher on its own. */
async function known(voucher: IssuedVoucher): Promise<void> {
  const decoded = decodeVoucher(voucher.code);
  if (!decoded.ok) throw new Error('issued voucher does not decode');
  const campaignId = decoded.voucher.claims.campaignId;
  await waitFor(
    () => db().prepare('SELECT 1 FROM campaigns WHERE id = ?').get(campaignId) !== undefined,
    15_000,
    `campaign ${campaignId} pulled`,
  );
}

function pay(
  code: string | null,
  total: number,
  options: { id?: string; redemptionId?: string; locale?: Locale; lines?: CartLine[]; count?: number } = {},
) {
  return call(
    'orders.commit',
    {
      id: options.id ?? uuidv7(),
      cart: {
        lines: options.lines ?? [lineFor(water, { kind: 'count', count: options.count ?? 3 })],
        orderDiscount: null,
        coupons: code ? [{ redemptionId: options.redemptionId ?? uuidv7(), code }] : [],
      },
      tenders: [{ method: 'card', amount: total, reference: 'T1' }],
    },
    cashier,
    options.locale ?? 'en',
  ) as Promise<Envelope<{ order: OrderDetail }>>;
}

function refusal(envelope: Envelope<unknown>): { code: string; message: string } {
  if (envelope.ok) throw new Error('expected a refusal, got ok');
  return envelope.error;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  await platform.admin.putProducts(sampleCatalog());
  storeA = (await platform.admin.createStore('人民广场店')).storeId;
  storeB = (await platform.admin.createStore('徐家汇店')).storeId;
  proxy = await startFaultProxy(() => platform.url, { seed: 5, faultRate: 0 });
  core = openCounterCore({
    dataDir: tempDir(),
    clock: () => Date.now() + skewMs,
    sync: { backoff: { firstMs: 30, maxMs: 300 }, requestTimeoutMs: 3_000, waitSeconds: 2 },
  });
  const caller: Caller = (request) => core.call(request);
  const people = await createDemo(caller);
  owner = await signIn(caller, people.owner);
  cashier = await signIn(caller, people.cashier);
  await openShift(caller, cashier);
  expectOk(
    await call('sync.pair', { platformUrl: proxy.url, code: (await platform.admin.pairingCode(storeA)).code }, owner),
  );
  await waitFor(() => core.environment.sync.online && core.environment.sync.link !== null, 20_000, 'till A online');
  tillB = await startPairedTill(platform.url, (await platform.admin.pairingCode(storeB)).code);
  water = await waitFor(async () => {
    const product = await productBySku(caller, cashier, 'DRK-0001').catch(() => undefined);
    return product?.price === 200 ? product : undefined;
  });
}, 90_000);

afterAll(async () => {
  await core?.close();
  await tillB?.core.close();
  await proxy?.close();
  await platform?.close();
});

describe('online redemption', () => {
  let first: IssuedVoucher;
  let order: OrderDetail;

  it('scans, checks and pays a coupon: confirmed here, redeemed on the platform', async () => {
    [first] = await campaignVoucher({ value: 500 });
    await known(first);
    const scanned = expectOk<ScannedVoucher>(await call('vouchers.check', { code: `${first.code}\r\n` }));
    expect(scanned).toMatchObject({ voucherId: first.id, value: 500, checkedOnline: true, presentation: false });

    order = expectOk<{ order: OrderDetail }>(await pay(first.code, 100)).order;
    expect(order).toMatchObject({ gross: 600, total: 100, discount: 500 });
    expect(order.lines[0]).toMatchObject({ couponDiscount: 500, orderDiscount: 0, net: 100 });
    expect(order.coupons).toEqual([expect.objectContaining({ voucherId: first.id, amount: 500, state: 'CONFIRMED' })]);
    const status = await waitFor(
      async () => {
        const s = await platform.admin.voucher(first.id);
        return s.state === 'REDEEMED' ? s : undefined;
      },
      15_000,
      'voucher redeemed on the platform',
    );
    expect(status.redeemed?.storeName).toBe('人民广场店');
  });

  it('refuses the same voucher again, saying where and when it was redeemed, in both languages', async () => {
    const here = refusal(await call('vouchers.check', { code: first.code }));
    expect(here.code).toBe('voucher_already_redeemed');
    const elsewhere = refusal(await tillB.call('vouchers.check', { code: first.code }));
    expect(elsewhere.code).toBe('voucher_already_redeemed');
    expect(elsewhere.message).toMatch(
      /^This voucher was already redeemed at 人民广场店 on \d\d\/\d\d\/\d{4}, \d\d:\d\d\.$/,
    );
    const inChinese = await tillB.core.call({
      method: 'vouchers.check',
      input: { code: first.code },
      sessionToken: tillB.tokens.cashier,
      locale: 'zh-CN',
    });
    expect(refusal(inChinese).message).toMatch(/^该券已于 \d{4}\/\d\d\/\d\d \d\d:\d\d 在 人民广场店 核销。$/);

    const ordersB = tillB.core.environment.db.prepare('SELECT count(*) FROM orders').pluck().get();
    const waterB = await productBySku((request) => tillB.core.call(request), tillB.tokens.cashier, 'DRK-0001');
    const paid = await tillB.call('orders.commit', {
      id: uuidv7(),
      cart: { lines: [lineFor(waterB)], orderDiscount: null, coupons: [{ redemptionId: uuidv7(), code: first.code }] },
      tenders: [{ method: 'card', amount: 200, reference: 'T' }],
    });
    expect(refusal(paid).code).toBe('voucher_already_redeemed');
    expect(tillB.core.environment.db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(ordersB);
    // The refused attempt is kept, so the manager can see it; nothing else is.
    const attempts = tillB.core.environment.db
      .prepare('SELECT state, refusal_code, order_id FROM redemptions WHERE voucher_id = ?')
      .all(first.id);
    expect(attempts).toEqual([{ state: 'REJECTED', refusal_code: 'voucher_already_redeemed', order_id: null }]);
  });

  it('replays a retried Pay without asking the platform again', async () => {
    const [voucher] = await campaignVoucher({ value: 300 });
    await known(voucher);
    // The same cart, as the screen sends it again after a lost answer.
    const same = { id: uuidv7(), redemptionId: uuidv7(), lines: [lineFor(water, { kind: 'count', count: 3 })] };
    const once = expectOk<{ order: OrderDetail; replayed: boolean }>(await pay(voucher.code, 300, same));
    const twice = expectOk<{ order: OrderDetail; replayed: boolean }>(await pay(voucher.code, 300, same));
    expect(twice).toEqual({ order: once.order, replayed: true });
    expect(db().prepare('SELECT count(*) FROM redemptions WHERE voucher_id = ?').pluck().get(voucher.id)).toBe(1);
  });
});

describe('offline redemption', () => {
  it('decides within the limits while the platform is out of reach, prints provisional, and is confirmed later', async () => {
    const [voucher] = await campaignVoucher({ value: 500 });
    await known(voucher);
    proxy.setRefusing(true);
    let order: OrderDetail;
    let elapsed: number;
    try {
      await waitFor(() => !core.environment.sync.online, 15_000, 'till A offline');
      const started = Date.now();
      order = expectOk<{ order: OrderDetail }>(await pay(voucher.code, 100)).order;
      elapsed = Date.now() - started;
    } catch (error) {
      proxy.setRefusing(false);
      throw error;
    }
    // An offline counter is not held up by the full 1.5 s answer budget.
    expect(elapsed).toBeLessThan(1_000);
    expect(order.coupons).toEqual([expect.objectContaining({ state: 'OFFLINE_PROVISIONAL', amount: 500 })]);
    const en = expectOk<{ html: string }>(await call('orders.receipt', { id: order.id, width: '58' })).html;
    const zh = expectOk<{ html: string }>(
      await call('orders.receipt', { id: order.id, width: '80' }, cashier, 'zh-CN'),
    ).html;
    expect(en).toContain('Provisional — to be confirmed by the platform');
    expect(zh).toContain('临时核销，待平台确认');
    expect(en).toMatch(/Coupon 立减5元/);

    proxy.setRefusing(false);
    core.environment.sync.retryNow();
    const confirmed = await waitFor(
      async () => {
        const detail = expectOk<OrderDetail>(await call('orders.get', { id: order.id }));
        return detail.coupons[0].state === 'CONFIRMED' ? detail : undefined;
      },
      20_000,
      'provisional redemption confirmed',
    );
    expect(confirmed.coupons[0].amount).toBe(500);
    expect((await platform.admin.voucher(voucher.id)).state).toBe('REDEEMED');
    const reprinted = expectOk<{ html: string }>(await call('orders.receipt', { id: order.id })).html;
    expect(reprinted).not.toContain('Provisional');
  });

  it('refuses past the risk limits and for online-only offers, storing nothing', async () => {
    const [big] = await campaignVoucher({ value: 2_500 });
    const [onlineOnly] = await campaignVoucher({ value: 100, rules: { offlineAllowed: false } });
    await known(big);
    await known(onlineOnly);
    proxy.setRefusing(true);
    try {
      const orders = count('orders');
      const redemptions = count('redemptions');
      const outbox = count('outbox');

      // ¥25 off a ¥40 cart: above the ¥20 floor of a printed voucher.
      const overFloor = refusal(await pay(big.code, 1_500, { count: 20 }));
      expect(overFloor.code).toBe('voucher_offline_limit');
      expect(overFloor.message).toContain('at most ¥20.00 for a printed voucher offline');
      const zh = refusal(await pay(big.code, 1_500, { count: 20, locale: 'zh-CN' }));
      expect(zh.message).toContain('纸质券离线核销单笔不超过 ¥20.00');

      const notAllowed = refusal(await pay(onlineOnly.code, 500));
      expect(notAllowed.code).toBe('voucher_offline_not_allowed');
      expect(notAllowed.message).toContain('can only be redeemed online');
      expect([count('orders'), count('redemptions'), count('outbox')]).toEqual([orders, redemptions, outbox]);
    } finally {
      proxy.setRefusing(false);
      core.environment.sync.retryNow();
    }
    await waitFor(() => core.environment.sync.online, 15_000, 'till A online again');
  });
});

describe('vouchers that are no good', () => {
  it('refuses forged, expired, other-store and revoked vouchers with their own message in both languages', async () => {
    const [good] = await campaignVoucher({ value: 200 });
    const expired = await expiredVoucher();
    const [otherStore] = await campaignVoucher({ value: 200, storeId: storeB });
    const [revoked] = await campaignVoucher({ value: 200 });
    // The other store's offer never comes down to this till; its voucher is refused all the same.
    for (const v of [good, expired, revoked]) await known(v);
    await platform.admin.revokeVoucher(revoked.id);
    await waitFor(
      () => db().prepare('SELECT 1 FROM voucher_denials WHERE voucher_id = ?').get(revoked.id) !== undefined,
      15_000,
      'revocation pulled',
    );
    const decoded = decodeVoucher(good.code);
    if (!decoded.ok) throw new Error('no decode');
    const forged = encodeVoucher(voucherBytes({ ...decoded.voucher.claims, value: 20_000 }), decoded.voucher.signature);

    const cases: [string, string, RegExp, RegExp][] = [
      [forged, 'voucher_bad_signature', /forged or altered/, /伪造或被篡改/],
      [
        expired.code,
        'voucher_expired',
        /^This voucher expired on \d\d\/\d\d\/\d{4}, \d\d:\d\d\.$/,
        /^该券已于 .+ 过期。$/,
      ],
      [otherStore.code, 'voucher_other_store', /for another store/, /其他门店/],
      [revoked.code, 'voucher_revoked', /used or withdrawn/, /作废/],
      ['6921168478354', 'voucher_not_a_voucher', /not a voucher/, /不是券码/],
      [`${good.code.slice(0, 60)}`, 'voucher_damaged', /damaged or cut off/, /残缺/],
    ];
    const orders = count('orders');
    const used = () => db().prepare("SELECT count(*) FROM redemptions WHERE state <> 'REJECTED'").pluck().get();
    const redemptions = used();
    for (const [code, expected, en, zh] of cases) {
      const checked = refusal(await call('vouchers.check', { code }));
      expect([expected, checked.code]).toEqual([expected, expected]);
      expect(checked.message).toMatch(en);
      const paid = refusal(await pay(code, 600, { locale: 'zh-CN' }));
      expect([expected, paid.code]).toEqual([expected, expected]);
      expect(paid.message).toMatch(zh);
    }
    // Only the platform's refusal of the revoked one is kept, as a REJECTED attempt with no order.
    expect([count('orders'), used()]).toEqual([orders, redemptions]);
  });

  it('never lets an expired voucher through with a till clock hours off, and decides nothing alone then', async () => {
    const expired = await expiredVoucher();
    const [fresh] = await campaignVoucher({ value: 200 });
    await known(expired);
    await known(fresh);
    const redemptions = count('redemptions');
    try {
      // Hours behind, the expired voucher looks good to the till's clock (and, as the platform
      // signed it just now, not even valid yet); it is refused either way and nothing is kept.
      skewMs = -3 * 3_600_000;
      const behind = refusal(await pay(expired.code, 400));
      expect(['voucher_not_yet_valid', 'voucher_offline_limit']).toContain(behind.code);
      // Hours ahead, a good voucher: the platform refuses the till's requests as stale, which tells
      // the till its clock is off, so it redeems nothing on its own word.
      skewMs = 3 * 3_600_000;
      const ahead = refusal(await pay(fresh.code, 400));
      expect(ahead.code).toBe('voucher_offline_limit');
      expect(ahead.message).toContain('clock is wrong');
      expect(count('redemptions')).toBe(redemptions);
    } finally {
      skewMs = 0;
      core.environment.sync.retryNow();
    }
    await waitFor(() => core.environment.sync.online, 15_000, 'till A online again');
  });
});

describe('group buy, refunds and the manager', () => {
  it('redeems a group-buy voucher as a group_buy order paid by the platform', async () => {
    const [voucher, byId] = await campaignVoucher({
      type: 'group_buy',
      value: 1_500,
      rules: { itemSku: 'SNK-0001' },
      count: 2,
    });
    await known(voucher);
    const { order } = expectOk<{ order: OrderDetail }>(
      await call('vouchers.redeemGroupBuy', { orderId: uuidv7(), redemptionId: uuidv7(), code: voucher.code }),
    );
    expect(order).toMatchObject({ channel: 'group_buy', total: 1_500, paid: 1_500, itemCount: 1 });
    expect(order.payments).toEqual([expect.objectContaining({ method: 'platform_prepaid', amount: 1_500 })]);
    expect(order.lines).toEqual([expect.objectContaining({ sku: 'SNK-0001', unitPrice: 1_500, quantity: 1 })]);
    expect(order.coupons).toEqual([expect.objectContaining({ type: 'group_buy', state: 'CONFIRMED' })]);
    const receipt = expectOk<{ html: string }>(await call('orders.receipt', { id: order.id }, cashier, 'zh-CN')).html;
    expect(receipt).toContain('团购券');
    expect(receipt).toContain(voucher.id);

    // The id printed under the QR, typed by hand, is looked up online.
    const typed = expectOk<{ order: OrderDetail }>(
      await call('vouchers.redeemGroupBuy', { orderId: uuidv7(), redemptionId: uuidv7(), code: byId.id }),
    );
    expect(typed.order.coupons[0]).toMatchObject({ voucherId: byId.id, state: 'CONFIRMED' });

    const [coupon] = await campaignVoucher({ value: 100 });
    await known(coupon);
    const notGroupBuy = await call('vouchers.redeemGroupBuy', {
      orderId: uuidv7(),
      redemptionId: uuidv7(),
      code: coupon.code,
    });
    expect(refusal(notGroupBuy).code).toBe('voucher_not_group_buy');
  });

  it('refuses a typed voucher id while the platform is out of reach', async () => {
    proxy.setRefusing(true);
    try {
      const offline = refusal(await call('vouchers.check', { code: 'a'.repeat(24) }));
      expect(offline.code).toBe('voucher_short_code_offline');
    } finally {
      proxy.setRefusing(false);
    }
  });

  it('gives the voucher back when the order is refunded in full, and keeps it on a partial refund', async () => {
    const [full, partial] = await campaignVoucher({ value: 100, count: 2 });
    await known(full);
    const { order } = expectOk<{ order: OrderDetail }>(await pay(full.code, 500));
    await waitFor(async () => (await platform.admin.voucher(full.id)).state === 'REDEEMED', 15_000, 'redeemed');
    const refunded = expectOk<{ order: OrderDetail }>(
      await call(
        'orders.refund',
        { id: uuidv7(), orderId: order.id, lines: [{ lineNo: 1, quantity: 3 }], to: 'original', reason: '顾客退货' },
        owner,
      ),
    );
    expect(refunded.order.coupons[0].state).toBe('REVERSED');
    await waitFor(async () => (await platform.admin.voucher(full.id)).state === 'ACTIVE', 15_000, 'voucher given back');

    const kept = expectOk<{ order: OrderDetail }>(await pay(partial.code, 500)).order;
    const after = expectOk<{ order: OrderDetail }>(
      await call(
        'orders.refund',
        { id: uuidv7(), orderId: kept.id, lines: [{ lineNo: 1, quantity: 1 }], to: 'original', reason: '少拿一瓶' },
        owner,
      ),
    );
    expect(after.order.coupons[0].state).toBe('CONFIRMED');
  });

  it('shows the manager every redemption with the offline exposure, and resolves only lost ones', async () => {
    const all = expectOk<{ redemptions: RedemptionRow[]; exposure: Record<string, unknown> }>(
      await call('vouchers.redemptions', { filter: 'all' }, owner),
    );
    expect(all.redemptions.length).toBeGreaterThanOrEqual(6);
    expect(all.redemptions.every((r) => r.staffName.length > 0)).toBe(true);
    expect(all.exposure).toMatchObject({ deviceLimit: 100_000, storeLimit: 300_000, hardConsecutive: 50 });
    expect(all.exposure.lastPullAt).toEqual(expect.any(Number));
    const denied = refusal(await call('vouchers.redemptions', { filter: 'all' }, cashier));
    expect(denied.code).toBe('forbidden');
    const confirmed = all.redemptions.find((r) => r.state === 'CONFIRMED');
    const resolve = refusal(
      await call('vouchers.resolve', { redemptionId: confirmed?.id, resolution: 'absorbed' }, owner),
    );
    expect(resolve.code).toBe('redemption_not_lost');
    expect(resolve.message).toContain('confirmed');
  });
});
