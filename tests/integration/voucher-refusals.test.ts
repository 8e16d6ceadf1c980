import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../shared/contract/orders';
import type { RedemptionRow } from '../../shared/contract/vouchers';
import { uuidv7 } from '../../shared/ids';
import { decodeVoucher, encodeVoucher, voucherBytes } from '../../shared/vouchers/cp1';
import { expectOk } from '../support/callers';
import { waitFor } from '../support/platform-admin';
import { openVoucherWorld, refusal } from './voucher-world';

const w = openVoucherWorld();
const { call, pay, count, campaignVoucher, known, expiredVoucher } = w;
const db = () => w.core.environment.db;

describe('vouchers that are no good', () => {
  it('refuses forged, expired, other-store and revoked vouchers with their own message in both languages', async () => {
    const [good] = await campaignVoucher({ value: 200 });
    const expired = await expiredVoucher();
    const [otherStore] = await campaignVoucher({ value: 200, storeId: w.storeB });
    const [revoked] = await campaignVoucher({ value: 200 });
    // The other store's offer never comes down to this till; its voucher is refused all the same.
    for (const v of [good, expired, revoked]) await known(v);
    await w.platform.admin.revokeVoucher(revoked.id);
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
        /^This voucher expired on [A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d\.$/,
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
      w.setSkew(-3 * 3_600_000);
      const behind = refusal(await pay(expired.code, 400));
      expect(['voucher_not_yet_valid', 'voucher_offline_limit']).toContain(behind.code);
      // Hours ahead, a good voucher: the platform refuses the till's requests as stale, which tells
      // the till its clock is off, so it redeems nothing on its own word.
      w.setSkew(3 * 3_600_000);
      const ahead = refusal(await pay(fresh.code, 400));
      expect(ahead.code).toBe('voucher_offline_limit');
      expect(ahead.message).toContain('clock is wrong');
      expect(count('redemptions')).toBe(redemptions);
    } finally {
      w.setSkew(0);
      w.core.environment.sync.retryNow();
    }
    await waitFor(() => w.core.environment.sync.online, 15_000, 'till A online again');
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
    const receipt = expectOk<{ html: string }>(await call('orders.receipt', { id: order.id }, w.cashier, 'zh-CN')).html;
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

  it('takes the live presentation token from the customer’s app and refuses an older picture of it', async () => {
    const [voucher] = await campaignVoucher({ value: 100 });
    await known(voucher);
    const old = await w.platform.admin.presentationToken(voucher.id);
    const live = await w.platform.admin.presentationToken(voucher.id);
    const stale = refusal(await pay(old.code, 500));
    expect(stale.code).toBe('token_superseded');
    expect(stale.message).toContain('old picture of the voucher');
    const scanned = expectOk<{ presentation: boolean }>(await call('vouchers.check', { code: live.code }));
    expect(scanned.presentation).toBe(true);
    const { order } = expectOk<{ order: OrderDetail }>(await pay(live.code, 500));
    expect(order.coupons[0]).toMatchObject({ voucherId: voucher.id, state: 'CONFIRMED' });
  });

  it('refuses a typed voucher id while the platform is out of reach', async () => {
    w.proxy.setRefusing(true);
    try {
      const offline = refusal(await call('vouchers.check', { code: 'a'.repeat(24) }));
      expect(offline.code).toBe('voucher_short_code_offline');
    } finally {
      w.proxy.setRefusing(false);
    }
  });

  it('gives the voucher back when the order is refunded in full, and keeps it on a partial refund', async () => {
    const [full, partial] = await campaignVoucher({ value: 100, count: 2 });
    await known(full);
    const { order } = expectOk<{ order: OrderDetail }>(await pay(full.code, 500));
    await waitFor(async () => (await w.platform.admin.voucher(full.id)).state === 'REDEEMED', 15_000, 'redeemed');
    const refunded = expectOk<{ order: OrderDetail }>(
      await call(
        'orders.refund',
        { id: uuidv7(), orderId: order.id, lines: [{ lineNo: 1, quantity: 3 }], to: 'original', reason: '顾客退货' },
        w.owner,
      ),
    );
    expect(refunded.order.coupons[0].state).toBe('REVERSED');
    await waitFor(
      async () => (await w.platform.admin.voucher(full.id)).state === 'ACTIVE',
      15_000,
      'voucher given back',
    );

    const kept = expectOk<{ order: OrderDetail }>(await pay(partial.code, 500)).order;
    const after = expectOk<{ order: OrderDetail }>(
      await call(
        'orders.refund',
        { id: uuidv7(), orderId: kept.id, lines: [{ lineNo: 1, quantity: 1 }], to: 'original', reason: '少拿一瓶' },
        w.owner,
      ),
    );
    expect(after.order.coupons[0].state).toBe('CONFIRMED');
  });

  it('shows the manager every redemption with the offline exposure, and resolves only lost ones', async () => {
    const all = expectOk<{ redemptions: RedemptionRow[]; exposure: Record<string, unknown> }>(
      await call('vouchers.redemptions', { filter: 'all' }, w.owner),
    );
    expect(all.redemptions.length).toBeGreaterThanOrEqual(4);
    expect(all.redemptions.every((r) => r.staffName.length > 0)).toBe(true);
    expect(all.exposure).toMatchObject({ deviceLimit: 100_000, storeLimit: 300_000, hardConsecutive: 50 });
    expect(all.exposure.lastPullAt).toEqual(expect.any(Number));
    const denied = refusal(await call('vouchers.redemptions', { filter: 'all' }, w.cashier));
    expect(denied.code).toBe('forbidden');
    const confirmed = all.redemptions.find((r) => r.state === 'CONFIRMED');
    const resolve = refusal(
      await call('vouchers.resolve', { redemptionId: confirmed?.id, resolution: 'absorbed' }, w.owner),
    );
    expect(resolve.code).toBe('redemption_not_lost');
    expect(resolve.message).toContain('confirmed');
  });
});
