import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectText, signIn } from './support/app';
import { launchBrowser, openPage, pageErrors, shoot } from './support/browser';
import { expectDialogFits, expectNoBrokenWords, expectNoNoticeOver } from './support/layout-checks';
import { type MemberStore, startMemberStore, wedge } from './support/member-store';
import {
  chips,
  expectPanelFits,
  findMember as findMemberByPhone,
  payCash,
  pointsMember,
  settledBalance,
  tillValue,
  water,
} from './support/points-checkout';

const phone = '13900004680';

/**
 * 100 points a yuan earned; 100 points pay ¥1.00, 100 to 10,000 an order, at most half of it; 300
 * offline. A sale of water and chips (¥9.50) takes at most 400 points (¥4.00, half of it in whole
 * blocks), and earns 550 points on the ¥5.50 paid in cash.
 */
const rules = {
  earnPerYuan: 100,
  redemption: { kind: 'on', blockPoints: 100, blockFen: 100, minPoints: 100, maxPoints: 10_000, maxShareBp: 5_000 },
  offlineCap: 300,
};
const used = 400;
const earned = 550;

/**
 * The points tender at the checkout in real Chromium against the demo store and its platform: the
 * member card shows the balance; asking for more points than the store's rules let the order take
 * is refused at Pay in the cashier's language with nothing stored and nothing left held; then 400
 * points and cash pay, the paid panel shows the balance before and after with the points used and
 * earned, and the receipt prints them with the balance after. Last, a refund of the sale gives the
 * points back and takes the earned ones back, to the fen.
 */
describe('points as a tender at the checkout', () => {
  let store: MemberStore;
  let memberId = '';
  let balance = 0;
  let lastOrder = '';

  const tillRows = (sql: string) => tillValue(store.host.dataDir, sql);
  const findMember = (page: Page) => findMemberByPhone(page, '139 0000 4680');
  /** The platform's balance once the sale (its earning and its spend) has been pushed, with nothing held. */
  const platformBalance = () => settledBalance(store, memberId);

  beforeAll(async () => {
    store = await startMemberStore();
    memberId = await pointsMember(store, rules, { phone, name: '周先生' });
  }, 120_000);

  afterAll(async () => {
    await store?.host.stop();
  });

  it('earns points on a member’s first sale in cash: nothing before, 1,500 after', async () => {
    const page = await store.till('zh-CN', { width: 1366, height: 768 });
    await wedge(page, chips);
    await wedge(page, chips);
    await expectText(page.getByTestId('cart-total'), '15.00');
    await findMember(page);
    await expectText(page.getByTestId('member-points'), '积分 0');
    await payCash(page, '15');
    await expectText(page.getByTestId('paid-member-balance'), '积分 0 → 1500');
    await expectText(page.getByTestId('paid-member-moves'), '本单获得 +1500');
    expect(pageErrors(page)).toEqual([]);
    await page.context().browser()?.close();
    balance = 1_500;
    await expect.poll(platformBalance, { timeout: 30_000 }).toBe(balance);
  }, 120_000);

  it('refuses a new-customer coupon the moment it is added, the member having bought before (zh and en, 1024)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { campaign } = await store.admin<{ campaign: { id: number; name: string } }>('POST', '/v1/campaigns', {
      storeId: null,
      name: '新客立减',
      type: 'cash_off',
      value: 300,
      validFrom: now - 3_600,
      validTo: now + 30 * 86_400,
      rules: { offlineAllowed: true, audience: { kind: 'new_customers' } },
    });
    const { vouchers } = await store.admin<{ vouchers: { code: string }[] }>(
      'POST',
      `/v1/campaigns/${campaign.id}/vouchers`,
      { count: 2 },
    );
    await expect
      .poll(() => tillRows(`SELECT count(*) FROM campaigns WHERE id = ${campaign.id}`), { timeout: 60_000 })
      .toBe(1);
    for (const [locale, code, name] of [
      ['zh-CN', vouchers[0].code, 'zh-1024'],
      ['en-US', vouchers[1].code, 'en-1024'],
    ] as const) {
      const page = await store.till(locale, { width: 1024, height: 768 });
      await wedge(page, chips);
      await findMember(page);
      const redemptions = tillRows('SELECT count(*) FROM redemptions');
      await wedge(page, code);
      const row = page.getByTestId('coupon-row');
      await expect.poll(() => row.getAttribute('data-refused'), { timeout: 10_000 }).toBe('true');
      await expectText(
        row.getByTestId('coupon-refusal'),
        locale === 'zh-CN'
          ? '“新客立减”仅限新客使用，该会员此前已在本品牌消费过。'
          : '"新客立减" is for new customers only, and this member has bought from the brand before.',
      );
      await expectText(row.getByTestId('coupon-amount'), '0.00');
      // The line under the scan field says the same, not that the coupon was taken.
      await expectText(
        page.getByTestId('scanned-panel'),
        locale === 'zh-CN' ? '仅限新客使用' : 'is for new customers only',
      );
      await expectText(page.getByTestId('cart-total'), '7.50');
      expect(tillRows('SELECT count(*) FROM redemptions')).toBe(redemptions);
      await expectNoBrokenWords(page, `coupon refused on adding (${name})`);
      await shoot(page, `member-coupon-refused-${name}`);
      expect(pageErrors(page)).toEqual([]);
      await page.context().browser()?.close();
    }
  }, 180_000);

  for (const [locale, viewport, name] of [
    ['zh-CN', { width: 1024, height: 768 }, 'zh-1024'],
    ['en-US', { width: 1366, height: 768 }, 'en-1366'],
    ['en-US', { width: 1024, height: 768 }, 'en-1024'],
    ['zh-CN', { width: 1366, height: 768 }, 'zh-1366'],
  ] as const) {
    it(`pays part with points and the rest in cash, after a refusal that stores nothing (${name})`, async () => {
      const zh = locale === 'zh-CN';
      const before = balance;
      const after = before - used + earned;
      const page = await store.till(locale, viewport);
      await wedge(page, water);
      await wedge(page, chips);
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
      await expectText(page.getByTestId('cart-total'), '9.50');
      await findMember(page);
      await expectText(page.getByTestId('member-card'), '139****4680', '周先生');
      await expectText(page.getByTestId('member-points'), zh ? `积分 ${before}` : `Points ${before}`);
      expect(await page.getByTestId('member-points-offline').count()).toBe(0);
      await expectNoBrokenWords(page, `member card (${name})`);
      await shoot(page, `points-card-${name}`);

      await page.keyboard.press('F12');
      const payment = page.getByTestId('payment-dialog');
      await payment.waitFor();
      const tender = payment.getByTestId('points-tender');
      await expectText(tender, zh ? `积分 ${before} → 本单后 ${before}` : `Points ${before} → ${before}`);
      expect(await tender.getByTestId('points-count').inputValue()).toBe(String(used));
      await expectText(tender.getByTestId('points-take'), zh ? '400 积分抵 ¥4.00' : 'Use 400 points: ¥4.00 off');

      // 600 points are ¥6.00, more than half of ¥9.50: the core refuses at Pay, in the cashier's words.
      const orders = tillRows('SELECT count(*) FROM orders');
      await tender.getByTestId('points-count').fill('600');
      await tender.getByTestId('points-take').click();
      await expectText(payment.getByTestId('taken-tender'), '¥6.00');
      // Keyboard first: Enter in the amount pays.
      await payment.getByTestId('tender-amount').fill('10');
      await page.keyboard.press('Enter');
      await expectText(
        page.getByTestId('payment-error'),
        zh
          ? '积分只能抵扣本单的一部分，最多 400 积分。'
          : 'Points can pay only part of this order: at most 400 points.',
      );
      await expectDialogFits(page, `payment refused (${name})`);
      await expectNoNoticeOver(page, page.locator('.ant-modal-wrap:visible .ant-modal').last(), name);
      await expectNoBrokenWords(page, `payment refused (${name})`);
      await shoot(page, `points-refused-${name}`);
      // Nothing stored: no sale, no spend queued, and the platform holds nothing for it.
      expect(tillRows('SELECT count(*) FROM orders')).toBe(orders);
      expect(
        tillRows(`SELECT count(*) FROM outbox WHERE type = 'points.spent' AND payload LIKE '%"points":600%'`),
      ).toBe(0);
      await expect.poll(platformBalance, { timeout: 15_000 }).toBe(before);

      // The points tender taken off, 400 points and ¥10.00 in cash pay.
      await payment.getByTestId('taken-tender').filter({ hasText: '¥6.00' }).getByRole('button').click();
      await tender.getByTestId('points-count').fill(String(used));
      await tender.getByTestId('points-take').click();
      await expectText(payment.getByTestId('taken-tender'), '¥4.00');
      await expectText(tender, zh ? `积分 ${before} → 本单后 ${before - used}` : `Points ${before} → ${before - used}`);
      await payment.getByTestId('tender-amount').fill('10');
      await expectDialogFits(page, `payment with points (${name})`);
      await expectNoBrokenWords(page, `payment with points (${name})`);
      await shoot(page, `points-payment-${name}`);
      await payment.getByTestId('tender-amount').press('Enter');
      await page.getByTestId('paid-panel').waitFor();
      await expectText(page.getByTestId('paid-change'), '4.50');
      await expectText(
        page.getByTestId('paid-member-balance'),
        zh ? `积分 ${before} → ${after}` : `Points ${before} → ${after}`,
      );
      await expectText(
        page.getByTestId('paid-member-moves'),
        zh ? `本单使用 −${used}` : `Used −${used}`,
        zh ? `本单获得 +${earned}（同步后入账）` : `Earned +${earned}, added once synced`,
      );
      expect(await page.getByTestId('paid-member-offline').count()).toBe(0);
      await expectPanelFits(page, name);
      await expectNoBrokenWords(page, `paid panel (${name})`);
      await shoot(page, `points-paid-${name}`);
      lastOrder = await page.getByTestId('paid-order-number').innerText();

      await page.getByTestId('show-receipt').click();
      const receipt = () =>
        page.getByTestId('receipt-preview').evaluate((frame) => (frame as HTMLIFrameElement).srcdoc);
      const row = (label: string, value: string) => new RegExp(`${label}</td><td class="r">${value}<`);
      await expect.poll(receipt).toMatch(row(zh ? '本单使用积分' : 'Points used', String(used)));
      const html = await receipt();
      expect(html).toContain('139****4680');
      expect(html).not.toContain(phone);
      expect(html).toMatch(row(zh ? '积分抵现' : 'Points', '¥4.00'));
      expect(html).toMatch(row(zh ? '本单获得积分' : 'Points earned', String(earned)));
      expect(html).toMatch(row(zh ? '积分余额' : 'Points balance', String(after)));
      await shoot(page, `points-receipt-${name}`);
      await page.keyboard.press('Escape');
      expect(pageErrors(page)).toEqual([]);
      await page.context().browser()?.close();
      // The platform took the points and credited the earned ones: the next test starts from there.
      await expect.poll(platformBalance, { timeout: 30_000 }).toBe(after);
      balance = after;
    }, 180_000);
  }

  it('refunds the last sale: the points go back to the member, the earned ones are taken back, to the fen', async () => {
    const browser = await launchBrowser();
    const page = await openPage(browser, store.host.url, 'en-US', { width: 1024, height: 768 });
    await signIn(page, '李明', '2222');
    await page.keyboard.press('F3');
    await page.getByTestId('order-row').filter({ hasText: lastOrder }).click();
    await page.getByTestId('order-detail').waitFor();
    await page.getByTestId('refund-button').click();
    const refund = page.getByTestId('refund-dialog');
    await refund.getByTestId('refund-all').click();
    await refund.getByTestId('refund-reason').fill('Changed mind');
    await expectText(page.getByTestId('refund-submit'), '¥9.50');
    await page.getByTestId('refund-submit').click();
    const result = page.getByTestId('refund-result');
    // ¥9.50 back: ¥4.00 as the 400 points, ¥5.50 in cash; the 550 points earned are taken back.
    await expectText(result, '¥9.50', 'Points', '¥4.00', '400 points back to the member', 'Cash', '¥5.50');
    await expectText(page.getByTestId('refund-points-taken'), '550 points the sale earned are taken back');
    await expectDialogFits(page, 'refund result (en, 1024)', page.getByTestId('refund-done'));
    await expectNoBrokenWords(page, 'refund result (en, 1024)');
    await shoot(page, 'points-refund-en-1024');
    expect(pageErrors(page)).toEqual([]);
    await browser.close();
    // The platform gives the 400 back and takes the 550 back: the balance before the sale.
    await expect.poll(platformBalance, { timeout: 30_000 }).toBe(balance - earned + used);
  }, 180_000);
});
