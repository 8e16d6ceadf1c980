import { describe, expect, it } from 'vitest';
import { expectText, focusedTestId, navItem, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { useHostAndBrowser } from './support/session';

describe('searching by pinyin', () => {
  // The till alone: the demo platform is not needed to search the catalog.
  const running = useHostAndBrowser({ env: { COUNTER_DEMO_PLATFORM: '0' } });

  it('finds 牛角包 by "njb" at the checkout and "niujiaobao" in the catalog', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN');
    await page.getByRole('button', { name: '体验演示门店' }).click();
    await signIn(page, '张伟', '1111');
    await expect.poll(() => focusedTestId(page)).toBe('scan-field');
    await page.keyboard.type('njb');
    await expectText(page.getByTestId('result-row').first(), '原味牛角包');
    await expect.poll(() => page.getByTestId('result-row').count()).toBe(1);
    await shoot(page, 'checkout-pinyin-search');

    await page.getByTestId('sign-out-button').click();
    await signIn(page, '李明', '2222');
    await navItem(page, '商品').click();
    await page.getByTestId('catalog-search').fill('niujiaobao');
    await expectText(page.locator('.ant-table-tbody'), '原味牛角包');
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });
});
