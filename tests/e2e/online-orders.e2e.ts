import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectText, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { useHostAndBrowser } from './support/session';

/** The demo platform's address and admin token, as an operator on the same machine would read them. */
function demoPlatform(dataDir: string) {
  const dir = join(dataDir, 'demo-platform');
  const read = (file: string) => readFileSync(join(dir, file), 'utf8').trim();
  const { storeId } = JSON.parse(read('demo-store.json')) as { storeId: string };
  return { url: `http://127.0.0.1:${read('port')}`, token: read('admin-token'), storeId };
}

describe('online orders at the counter', () => {
  const running = useHostAndBrowser({
    demo: true,
    env: { COUNTER_DEMO_FIRST_ORDER_MS: '1000', COUNTER_DEMO_ORDER_EVERY_MS: '3600000' },
  });

  it('rings for the demo platform’s order, accepts, readies, hands over by pickup code; sold out stops online orders', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN');
    await signIn(page, '张伟', '1111');
    await expect.poll(() => page.getByTestId('status-sync').innerText(), { timeout: 30_000 }).toContain('在线');
    // The pretend customer's order arrives on its own: the F4 item shows a badge.
    await expect.poll(() => page.getByTestId('nav-badge-online').innerText(), { timeout: 30_000 }).toContain('1');
    await page.keyboard.press('F4');
    const card = page.getByTestId('online-column-placed').getByTestId('online-card').first();
    await card.waitFor();
    const code = (await card.getByTestId('online-code').innerText()).replace(/\D/g, '');
    expect(code).toMatch(/^\d{6}$/);
    await shoot(page, 'online-new');

    await card.getByTestId('online-accept').click();
    const accepted = page.getByTestId('online-column-accepted').getByTestId('online-card').first();
    await expectText(accepted, code);
    await expect.poll(() => accepted.getByTestId('online-sale').innerText()).toMatch(/A-\d{4}/);
    await accepted.getByTestId('online-ready').click();
    await expectText(page.getByTestId('online-column-ready'), code);

    // The customer shows the pickup QR: a wedge scanner types it into the always-focused field.
    await page.getByTestId('pickup-field').waitFor();
    await page.keyboard.type(`CPK1:${code}`, { delay: 4 });
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('online-verdict'), code);
    await expect.poll(() => page.getByTestId('online-card').filter({ hasText: code }).count()).toBe(0);
    await page.keyboard.type('000000', { delay: 4 });
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('online-verdict'), '000000');
    await shoot(page, 'online-handed-over');

    // Counted once, under its channel, with the platform as the tender.
    await page.keyboard.press('F3');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toMatch(/自提|外卖/);

    // 估清 on the Stock screen reaches the platform, which then refuses that item online.
    await page.keyboard.press('F7');
    await page.getByTestId('stock-search').fill('DRK-0001');
    const row = page.getByTestId('stock-row').filter({ hasText: 'DRK-0001' });
    await row.getByTestId('stock-sold-out').click();
    const platform = demoPlatform(running.host.dataDir);
    const order = () =>
      fetch(`${platform.url}/v1/online-orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${platform.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          storeId: platform.storeId,
          channel: 'online_pickup',
          items: [{ sku: 'DRK-0001', quantity: 1 }],
        }),
      }).then(
        async (response) =>
          `${response.status} ${((await response.json()) as { error?: { code: string } }).error?.code}`,
      );
    await expect.poll(order, { timeout: 10_000 }).toBe('409 sold_out');
    await shoot(page, 'stock-sold-out');
    expect(pageErrors(page)).toEqual([]);
  });
});
