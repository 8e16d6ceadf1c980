import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPlatform, startPlatform } from '../../platform/server/start-platform';
import { feedbackLimits } from '../../shared/feedback/feedback-limits';
import { uuidv7 } from '../../shared/ids';
import { FeedbackAnswer } from '../../shared/sync/feedback-sync';
import { AdminClient, Till } from '../platform/support/clients';
import { forgedLink, receiptLink } from '../platform/support/feedback-visitor';
import { tempDir } from '../support/temp-dir';
import { launchBrowser, openPage, pageErrors, shoot } from './support/browser';

/** A mid-size phone (iPhone 12–15): where the customer meets the page. */
const phone = { width: 390, height: 844 };

describe('the rating page on a phone, in Chromium', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let till: Till;

  beforeAll(async () => {
    platform = await startPlatform({ dataDir: tempDir('platform-'), port: 0 });
    const admin = new AdminClient(platform.url, platform.adminToken);
    till = await Till.pair(platform.url, (await admin.createStore('静安寺店')).pairingCode);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  const answers = async () =>
    (await till.pullAll('feedback')).changes.map((change) => FeedbackAnswer.parse(change.data));

  /** Nothing wider than the phone, and every score a thumb-sized target. */
  async function fitsPhone(page: Page): Promise<void> {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(phone.width);
    const radios = page.getByRole('radio');
    expect(await radios.count()).toBe(11);
    for (const label of await page.locator('.scores span').all()) {
      const box = await label.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
    }
  }

  it('asks in Chinese on a Chinese phone, takes a score and a comment by touch, and thanks the customer', async () => {
    const orderId = uuidv7();
    const page = await openPage(browser, receiptLink(till, orderId), 'zh-CN', phone);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('您有多大可能向朋友推荐静安寺店？');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await fitsPhone(page);
    await shoot(page, 'feedback-page-zh');

    // A comment too long for the domain, past the textarea's own limit (a script or an old browser).
    await page.getByRole('radio', { name: '6', exact: true }).check({ force: true });
    await page.locator('textarea').evaluate((area) => area.removeAttribute('maxlength'));
    await page.getByLabel('还想说点什么（选填）').fill('慢'.repeat(feedbackLimits.comment + 1));
    await page.getByRole('button', { name: '提交' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe(`留言最多 ${feedbackLimits.comment} 个字，您输入了 ${feedbackLimits.comment + 1} 个。`);
    expect(await page.getByRole('radio', { name: '6', exact: true }).isChecked()).toBe(true);
    expect(await answers()).toEqual([]);

    // No score at all.
    await page.getByLabel('还想说点什么（选填）').fill('');
    await page.evaluate(() => {
      for (const radio of document.querySelectorAll<HTMLInputElement>('input[type=radio]')) radio.checked = false;
    });
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('请选择 0 到 10 之间的分数。');

    await page.locator('.scores label', { hasText: /^3$/ }).click();
    await page.getByLabel('还想说点什么（选填）').fill('排队二十分钟，咖啡是凉的');
    await page.getByRole('button', { name: '提交' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('谢谢您！您的评价能帮助静安寺店做得更好。');
    await shoot(page, 'feedback-thanks-zh');
    // Reloading the thanks sends nothing again.
    await page.reload();
    const [answer] = await answers();
    expect(answer).toMatchObject({ orderId, score: 3, comment: '排队二十分钟，咖啡是凉的' });
    expect((await till.pullAll('feedback')).changes).toHaveLength(1);

    // Back to the form: the answer given, which the customer may still change.
    await page.getByRole('link', { name: '修改我的评价' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('您已于');
    expect(await page.getByRole('radio', { name: '3', exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('还想说点什么（选填）').inputValue()).toBe('排队二十分钟，咖啡是凉的');
    await page.locator('.scores label', { hasText: /^8$/ }).click();
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(async () => (await answers())[0]?.score).toBe(8);
    // Chromium logs the two refused forms' 400 status; nothing else went wrong on the page.
    expect(pageErrors(page).filter((text) => !text.includes('status of 400'))).toEqual([]);
    expect(pageErrors(page)).toHaveLength(2);
  });

  it('switches to English, works from the keyboard, and says a tampered link is not valid', async () => {
    const link = receiptLink(till, uuidv7());
    const page = await openPage(browser, link, 'zh-CN', phone);
    await page.getByRole('link', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('How likely are you to recommend 静安寺店 to a friend?');
    await fitsPhone(page);
    await shoot(page, 'feedback-page-en');

    // Keyboard only: into the scores, arrow to 10, a comment, send.
    await page.getByRole('radio', { name: '0', exact: true }).focus();
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: '10', exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Friendly staff');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Thank you! Your answer helps 静安寺店 do better.');

    const digits = link.split('/f/')[1];
    const tampered = `${platform.url}/f/${digits.slice(0, 50)}${(Number(digits[50]) + 5) % 10}${digits.slice(51)}`;
    for (const bad of [tampered, forgedLink(platform.url, till.deviceId, uuidv7())]) {
      const refused = await openPage(browser, bad, 'en-US', phone);
      await expect
        .poll(() => refused.getByRole('status').textContent())
        .toBe('This link is not valid. Scan the QR code on your receipt again.');
      expect(await refused.locator('form').count()).toBe(0);
      await shoot(refused, 'feedback-invalid-en');
    }
    expect(pageErrors(page)).toEqual([]);
  });
});
