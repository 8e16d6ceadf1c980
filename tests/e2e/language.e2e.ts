import { describe, expect, it } from 'vitest';
import { expectText, focusedTestId, navItem, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { useHostAndBrowser } from './support/session';

describe('language', () => {
  const running = useHostAndBrowser({ demo: true, lang: 'zh_CN.UTF-8' });

  it('follows the system, switches to English from the status bar and keeps it after a reload', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN');
    await signIn(page, '李明', '2222');
    const nav = page.getByTestId('nav-menu');
    await expectText(nav, '收银', '核销', '订单', '线上订单', '报表', '商品', '库存', '设置');

    await page.getByTestId('language-switch').getByText('English').click();
    await expectText(nav, 'Checkout', 'Redeem', 'Orders', 'Online orders', 'Reports', 'Catalog', 'Stock', 'Settings');
    for (const key of ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8']) await expectText(nav, key);
    await expectText(page.getByTestId('status-bar'), 'Business day', 'Manager');
    await expect.poll(() => page.getByTestId('status-sync').innerText(), { timeout: 30_000 }).toContain('Online');
    await shoot(page, 'checkout-english');

    await page.reload();
    await expectText(page.getByTestId('nav-menu'), 'Checkout', 'Catalog', 'Settings');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await navItem(page, 'Redeem').click();
    await expect
      .poll(() => page.getByTestId('redeem-code-field').getAttribute('placeholder'))
      .toBe('Scan a group-buy voucher, or type its code and press Enter');
    await expectText(page.getByTestId('voucher-camera-button'), 'Camera');

    // The core's own messages follow too: the locale travels with every call.
    await page.keyboard.press('F1');
    await page.getByTestId('scan-field').waitFor();
    await page.keyboard.press('F10');
    await expectText(page.locator('body'), 'Screen locked');
    await page.keyboard.type('0000');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('unlock-pin-pad'), 'Wrong PIN. 4 tries left before a 5-minute lock-out.');
    await shoot(page, 'lock-english');
    await page.keyboard.type('2222');
    await page.keyboard.press('Enter');
    await page.getByTestId('lock-screen').waitFor({ state: 'detached' });
    await expect.poll(() => focusedTestId(page)).toBe('scan-field');

    await page.getByTestId('sign-out-button').click();
    await expectText(page.locator('body'), 'Who is signing in?');
    expect(pageErrors(page)).toEqual([]);
  });
});
