import { describe, expect, it } from 'vitest';
import { expectText, navItem, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { useHostAndBrowser } from './support/session';

describe('PIN lock-outs at the till', () => {
  // The till alone: the demo platform is not part of this story and would only compete for the CPU.
  const running = useHostAndBrowser({ env: { COUNTER_DEMO_PLATFORM: '0' } });

  it('locks a cashier out after five wrong PINs, and a manager unlocks them from Settings → Staff', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN');
    await page.getByRole('button', { name: '体验演示门店' }).click();
    await expectText(page.locator('body'), '谁要登录？');

    await page.getByTestId('staff-tile-陈静').click();
    const pad = page.getByTestId('sign-in-pin-pad');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.type('9999');
      await page.keyboard.press('Enter');
      const left = 4 - i;
      await expect
        .poll(() => pad.innerText())
        .toContain(
          left > 0 ? `还可再试 ${left} 次，之后将锁定 5 分钟。` : 'PIN 错误次数过多，陈静需等待 5 分钟后才能再试。',
        );
    }

    await signIn(page, '李明', '2222');
    await navItem(page, '设置').click();
    await page.getByRole('tab', { name: '员工' }).click();
    const list = page.locator('.lockout-list');
    await expectText(list, '陈静', '收银员', '登录', '还有 5 分钟');
    await shoot(page, 'lockout-list');
    await page.getByTestId('unlock-陈静').click();
    await page.getByRole('button', { name: '确定' }).click();
    await expectText(list, '目前没有人被锁定。');
    await page.getByTestId('sign-out-button').click();

    await signIn(page, '陈静', '3333');
    await expectText(page.getByTestId('status-staff'), '陈静', '收银员');
    expect(pageErrors(page)).toEqual([]);
  });
});
