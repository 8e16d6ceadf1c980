import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../electron/core/db/open-database';
import type { MemberAdminView } from '../../shared/members/member-wire';
import { expectText } from './support/app';
import { pageErrors, shoot } from './support/browser';
import { expectNoBrokenWords } from './support/layout-checks';
import { type MemberStore, startMemberStore, wedge } from './support/member-store';

/** Water ¥2.00 and chips ¥7.50 from the demo catalog. */
const water = '6921168478354';
const chips = '6924743138803';

/**
 * Member prices at the checkout in real Chromium against the demo store and its platform: the
 * operator gives the first tier a member price on water and 10 % off everything else; the cashier
 * finds the member by phone, the lines show the member price and the totals the member benefit, the
 * sale is paid and the receipt prints "Member benefit / 会员优惠".
 */
describe('member prices at the checkout', () => {
  let store: MemberStore;

  beforeAll(async () => {
    store = await startMemberStore();
    await store.admin('PUT', '/v1/admin/member-tiers', {
      tiers: [
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
          nameZh: '金卡会员',
          nameEn: 'Gold',
          minGrowth: 5_000,
          benefits: [{ kind: 'tier_discount', rateBp: 2_000 }],
        },
      ],
    });
    await store.admin<{ member: MemberAdminView }>('POST', '/v1/admin/members', {
      phone: '13900003579',
      name: '周先生',
    });
    // The ladder reaches the till with its next pull.
    const db = new Database(join(store.host.dataDir, databaseFileName), { readonly: true, fileMustExist: true });
    try {
      const deadline = Date.now() + 60_000;
      while (db.prepare('SELECT count(*) FROM member_prices').pluck().get() === 0) {
        if (Date.now() > deadline) throw new Error('the tier ladder never reached the till');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      db.close();
    }
  }, 180_000);

  afterAll(async () => {
    await store?.host.stop();
  });

  for (const [locale, viewport, name] of [
    ['zh-CN', { width: 1366, height: 768 }, 'zh-1366'],
    ['en-US', { width: 1024, height: 768 }, 'en-1024'],
    ['zh-CN', { width: 1024, height: 768 }, 'zh-1024'],
    ['en-US', { width: 1366, height: 768 }, 'en-1366'],
  ] as const) {
    it(`shows member prices and the benefit, pays, and prints it (${name})`, async () => {
      const zh = locale === 'zh-CN';
      const page = await store.till(locale, viewport);
      await wedge(page, water);
      await wedge(page, chips);
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
      await expectText(page.getByTestId('cart-total'), '9.50');
      await page.keyboard.press('End');
      await page.getByTestId('member-phone-input').fill('139 0000 3579');
      await page.getByTestId('member-find').click();
      await expectText(page.getByTestId('member-card'), '139****3579', '周先生');
      // Water at its member price, chips 10 % off: ¥0.50 + ¥0.75 of member benefit, ¥8.25 to pay.
      const tags = page.getByTestId('cart-line-member');
      await expect.poll(() => tags.count()).toBe(2);
      await expectText(tags.nth(0), zh ? '会员价' : 'Member price', '1.50');
      await expectText(tags.nth(1), zh ? '会员折扣' : 'Member discount');
      await expectText(page.getByTestId('cart-member-benefit'), '1.25');
      await expectText(page.getByTestId('member-saving'), zh ? '本单会员优惠' : 'Saves', '1.25');
      await expectText(page.getByTestId('cart-total'), '8.25');
      await expectText(page.getByTestId('cart-totals'), zh ? '会员优惠' : 'Member benefit');
      await expectNoBrokenWords(page, `member prices (${name})`);
      await shoot(page, `member-prices-${name}`);

      await page.keyboard.press('F12');
      const payment = page.getByTestId('payment-dialog');
      await payment.waitFor();
      await payment.getByTestId('tender-amount').fill('10');
      await page.getByTestId('payment-confirm').click();
      await page.getByTestId('paid-panel').waitFor();
      await shoot(page, `member-prices-paid-${name}`);
      await page.getByTestId('show-receipt').click();
      const receipt = () =>
        page.getByTestId('receipt-preview').evaluate((frame) => (frame as HTMLIFrameElement).srcdoc);
      await expect.poll(receipt).toContain(zh ? '会员优惠' : 'Member benefit');
      expect(await receipt()).toContain('1.25');
      await shoot(page, `member-prices-receipt-${name}`);
      await page.keyboard.press('Escape');
      expect(pageErrors(page)).toEqual([]);
      await page.context().browser()?.close();
    }, 120_000);
  }
});
