import { describe, expect, it } from 'vitest';
import { expectText, focusedTestId, signIn } from './support/app';
import { openPage } from './support/browser';
import { useHostAndBrowser } from './support/session';

/**
 * A cashier works from the keyboard: a dialog opens with the cursor where the typing goes, so
 * typed digits land there and Enter does what the dialog's Enter key says, never closes it.
 */
describe('dialogs open with the cursor in their field', () => {
  const running = useHostAndBrowser({ env: { COUNTER_DEMO_PLATFORM: '0' } });

  it('opens the shift and takes the payment with the keyboard alone', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN', { width: 1024, height: 768 });
    await page.getByRole('button', { name: '体验演示门店' }).click();
    await signIn(page, '张伟', '1111');

    // The shift panel (Alt+S) with no shift open: the float field has the cursor.
    await expect.poll(() => focusedTestId(page)).toBe('scan-field');
    await page.keyboard.press('Alt+S');
    await page.getByTestId('shift-panel').waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('shift-float-input');
    await page.keyboard.press('Escape');
    await page.getByTestId('shift-panel').waitFor({ state: 'hidden' });

    await expect.poll(() => focusedTestId(page)).toBe('scan-field');
    await page.keyboard.type('6921168478354', { delay: 4 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);

    // F12 opens the payment with the amount field focused. With no shift open, Enter says so and
    // puts the cursor on "open shift"; Enter there asks for the float, typed straight in.
    await page.keyboard.press('F12');
    await page.getByTestId('payment-dialog').waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('tender-amount');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('open-shift-button');
    await page.keyboard.press('Enter');
    await page.getByTestId('open-shift-float').waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('open-shift-float');
    await page.keyboard.type('300');
    await page.keyboard.press('Enter');
    await page.getByTestId('open-shift-float').waitFor({ state: 'hidden' });

    // Back in the payment, Enter pays the exact amount.
    await expect.poll(() => focusedTestId(page)).toBe('tender-amount');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('paid-panel'), '¥');
  });
});
