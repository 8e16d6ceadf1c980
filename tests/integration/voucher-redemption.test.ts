import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../shared/contract/orders';
import type { ScannedVoucher } from '../../shared/contract/vouchers';
import { uuidv7 } from '../../shared/ids';
import type { IssuedVoucher } from '../../shared/vouchers/redemption-wire';
import { expectOk } from '../support/callers';
import { waitFor } from '../support/platform-admin';
import { lineFor, productBySku } from '../support/till';
import { openVoucherWorld, refusal } from './voucher-world';

const w = openVoucherWorld();
const { call, pay, count, campaignVoucher, known } = w;
const db = () => w.core.environment.db;

describe('online redemption', () => {
  let first: IssuedVoucher;
  let order: OrderDetail;

  it('scans, checks and pays a coupon: confirmed here, redeemed on the platform', async () => {
    [first] = await campaignVoucher({ value: 500 });
    await known(first);
    const scanned = expectOk<ScannedVoucher>(await call('vouchers.check', { code: `${first.code}\r\n` }));
    expect(scanned).toMatchObject({ voucherId: first.id, value: 500, checkedOnline: true, presentation: false });
    // The id printed under the QR, typed by hand, is looked up on the platform and judged the same.
    const typed = expectOk<ScannedVoucher>(await call('vouchers.check', { code: first.id.toUpperCase() }));
    expect(typed).toEqual(scanned);

    order = expectOk<{ order: OrderDetail }>(await pay(first.code, 100)).order;
    expect(order).toMatchObject({ gross: 600, total: 100, discount: 500 });
    expect(order.lines[0]).toMatchObject({ couponDiscount: 500, orderDiscount: 0, net: 100 });
    expect(order.coupons).toEqual([expect.objectContaining({ voucherId: first.id, amount: 500, state: 'CONFIRMED' })]);
    const status = await waitFor(
      async () => {
        const s = await w.platform.admin.voucher(first.id);
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
    const elsewhere = refusal(await w.tillB.call('vouchers.check', { code: first.code }));
    expect(elsewhere.code).toBe('voucher_already_redeemed');
    expect(elsewhere.message).toMatch(
      /^This voucher was already redeemed at 人民广场店 on [A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d\.$/,
    );
    const inChinese = await w.tillB.core.call({
      method: 'vouchers.check',
      input: { code: first.code },
      sessionToken: w.tillB.tokens.cashier,
      locale: 'zh-CN',
    });
    expect(refusal(inChinese).message).toMatch(/^该券已于 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d 在 人民广场店 核销。$/);

    const ordersB = w.tillB.core.environment.db.prepare('SELECT count(*) FROM orders').pluck().get();
    const waterB = await productBySku((request) => w.tillB.core.call(request), w.tillB.tokens.cashier, 'DRK-0001');
    const paid = await w.tillB.call('orders.commit', {
      id: uuidv7(),
      cart: { lines: [lineFor(waterB)], orderDiscount: null, coupons: [{ redemptionId: uuidv7(), code: first.code }] },
      tenders: [{ method: 'card', amount: 200, reference: 'T' }],
    });
    expect(refusal(paid).code).toBe('voucher_already_redeemed');
    expect(w.tillB.core.environment.db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(ordersB);
    // The refused attempt is kept, so the manager can see it; nothing else is.
    const attempts = w.tillB.core.environment.db
      .prepare('SELECT state, refusal_code, order_id FROM redemptions WHERE voucher_id = ?')
      .all(first.id);
    expect(attempts).toEqual([{ state: 'REJECTED', refusal_code: 'voucher_already_redeemed', order_id: null }]);
    const audited = w.tillB.core.environment.db
      .prepare("SELECT action, staff_name FROM audit_log WHERE action = 'voucher.refusedOnline'")
      .all();
    expect(audited).toEqual([{ action: 'voucher.refusedOnline', staff_name: w.tillB.people.cashier.name }]);
    const chain = expectOk<{ ok: boolean }>(await w.tillB.call('audit.verify', {}, w.tillB.tokens.owner));
    expect(chain.ok).toBe(true);
  });

  it('replays a retried Pay without asking the platform again', async () => {
    const [voucher] = await campaignVoucher({ value: 300 });
    await known(voucher);
    // The same cart, as the screen sends it again after a lost answer.
    const same = { id: uuidv7(), redemptionId: uuidv7(), lines: [lineFor(w.water, { kind: 'count', count: 3 })] };
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
    w.proxy.setRefusing(true);
    let order: OrderDetail;
    let elapsed: number;
    try {
      await waitFor(() => !w.core.environment.sync.online, 15_000, 'till A offline');
      const started = Date.now();
      order = expectOk<{ order: OrderDetail }>(await pay(voucher.code, 100)).order;
      elapsed = Date.now() - started;
    } catch (error) {
      w.proxy.setRefusing(false);
      throw error;
    }
    // An offline counter is not held up by the full 1.5 s answer budget.
    expect(elapsed).toBeLessThan(1_000);
    expect(order.coupons).toEqual([expect.objectContaining({ state: 'OFFLINE_PROVISIONAL', amount: 500 })]);
    const en = expectOk<{ html: string }>(await call('orders.receipt', { id: order.id, width: '58' })).html;
    const zh = expectOk<{ html: string }>(
      await call('orders.receipt', { id: order.id, width: '80' }, w.cashier, 'zh-CN'),
    ).html;
    expect(en).toContain('Provisional — to be confirmed by the platform');
    expect(zh).toContain('临时核销，待平台确认');
    expect(en).toMatch(/Coupon 立减5元/);

    w.proxy.setRefusing(false);
    w.core.environment.sync.retryNow();
    const confirmed = await waitFor(
      async () => {
        const detail = expectOk<OrderDetail>(await call('orders.get', { id: order.id }));
        return detail.coupons[0].state === 'CONFIRMED' ? detail : undefined;
      },
      20_000,
      'provisional redemption confirmed',
    );
    expect(confirmed.coupons[0].amount).toBe(500);
    expect((await w.platform.admin.voucher(voucher.id)).state).toBe('REDEEMED');
    const reprinted = expectOk<{ html: string }>(await call('orders.receipt', { id: order.id })).html;
    expect(reprinted).not.toContain('Provisional');
  });

  it('refuses past the risk limits and for online-only offers, storing nothing', async () => {
    const [big] = await campaignVoucher({ value: 2_500 });
    const [onlineOnly] = await campaignVoucher({ value: 100, rules: { offlineAllowed: false } });
    await known(big);
    await known(onlineOnly);
    w.proxy.setRefusing(true);
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
      w.proxy.setRefusing(false);
      w.core.environment.sync.retryNow();
    }
    await waitFor(() => w.core.environment.sync.online, 15_000, 'till A online again');
  });
});
