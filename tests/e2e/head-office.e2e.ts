import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandWithOwner } from '../platform/support/franchise';
import { startTestPlatform } from '../support/platform-admin';
import { expectText } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { useHostAndBrowser } from './support/session';

const PASSWORD = 'the owner’s own password';

describe('a franchise owner at a head-office console', () => {
  const running = useHostAndBrowser();
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let login = '';

  beforeAll(async () => {
    platform = await startTestPlatform();
    ({ login } = await brandWithOwner(
      platform.url,
      platform.adminToken,
      '鲜果连锁',
      ['人民广场店', '徐家汇店'],
      PASSWORD,
    ));
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
  });

  it('signs in from the first screen, sees the brand’s stores and sales in both languages, and signs out', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN');
    await page.getByTestId('open-head-office').click();
    await page.getByLabel('平台地址').fill(platform.url);
    await page.getByLabel('账号').fill(login);
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: '登录' }).click();
    await expectText(page.getByTestId('owner-sign-in'), '账号或密码不正确。');

    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expectText(page.getByTestId('head-office'), '鲜果连锁');
    await expectText(page.getByTestId('franchise-stores'), '人民广场店', '徐家汇店', '从未同步');
    await expectText(page.getByTestId('franchise-sales'), '人民广场店', '徐家汇店', '客单价');
    await shoot(page, 'head-office-console');
    const file = join(running.host.dataDir, 'owner-session.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    await page.getByTestId('language-switch').getByText('English').click();
    await expectText(page.getByTestId('franchise-stores'), 'Last sync', 'Never');
    await expectText(page.getByTestId('franchise-sales'), 'Average ticket');
    await page.getByRole('button', { name: 'Sign out of head office' }).click();
    await expectText(page.getByTestId('owner-sign-in'), 'Platform address');
    expect(pageErrors(page)).toEqual([]);
  });
});
