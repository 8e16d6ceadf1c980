import { describe, expect, it } from 'vitest';
import { expectText, navItem, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { useHostAndBrowser } from './support/session';

describe('a store’s limits on the screen', () => {
  const running = useHostAndBrowser({ env: { COUNTER_DEMO_PLATFORM: '0' } });

  it('the owner sets them, checked as typed, and the cash-in dialog shows them before the core is asked', async () => {
    const page = await openPage(running.browser, running.host.url, 'en-US');
    await page.getByRole('button', { name: 'Try the demo store' }).click();

    await signIn(page, 'Fang Wang', '8888');
    await navItem(page, 'Settings').click();
    const form = page.getByTestId('store-settings-form');
    const cashInMax = form.getByTestId('limit-cashInMax');
    await cashInMax.fill('20000000');
    await expectText(form, 'An amount up to ¥10,000,000.00');
    await cashInMax.fill('5000');
    await form.getByTestId('limit-cashInApprovalAmount').fill('1000');
    await form.getByTestId('limit-cashInApprovalAmount').scrollIntoViewIfNeeded();
    await shoot(page, 'store-limits-settings-en');
    await page.getByTestId('store-save').click();
    await expectText(page.locator('.ant-message'), 'Store settings saved');
    await page.getByTestId('sign-out-button').click();

    await signIn(page, 'Wei Zhang', '1111');
    await page.getByTestId('status-shift').click();
    const panel = page.getByTestId('shift-panel');
    await panel.getByTestId('shift-float-input').fill('500');
    await panel.getByTestId('shift-open-submit').click();
    await panel.getByTestId('current-shift').waitFor();
    await panel.getByTestId('cash-in-button').click();
    const dialog = page.getByTestId('cash-dialog');
    await dialog.getByTestId('cash-amount').fill('6000');
    await expectText(dialog.getByTestId('cash-over-limit'), 'At most ¥5,000.00');
    await expect.poll(() => page.getByTestId('cash-submit').isDisabled()).toBe(true);
    await dialog.getByTestId('cash-amount').fill('1500');
    await expect.poll(() => dialog.getByTestId('cash-over-limit').count()).toBe(0);
    await expectText(dialog.getByTestId('cash-needs-manager'), 'A cash in above ¥1,000.00 needs a manager');
    await shoot(page, 'store-limits-cash-in-en');
    expect(pageErrors(page)).toEqual([]);
  }, 180_000);
});
