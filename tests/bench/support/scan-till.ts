import type { Browser, Page } from 'playwright-core';
import { openPage } from '../../e2e/support/browser';
import type { RunningHost } from '../../e2e/support/host';

/** The scan field (or an element inside it) has keyboard focus. */
export async function waitForScanFocus(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') === 'scan-field',
    undefined,
    { timeout: 10_000 },
  );
}

/**
 * The demo store's till as a cashier meets it at the start of the day: 张伟 signed in with his PIN,
 * his shift open with a ¥500 float, the checkout showing and the scan field focused.
 */
export async function openTill(browser: Browser, host: RunningHost): Promise<Page> {
  const page = await openPage(browser, host.url, 'zh-CN');
  await page.getByTestId('staff-tile-张伟').click();
  await page.keyboard.type('1111');
  await page.keyboard.press('Enter');
  await page.getByTestId('status-staff').filter({ hasText: '张伟' }).waitFor();

  await page.getByTestId('status-shift').click();
  const panel = page.getByTestId('shift-panel');
  await panel.getByTestId('shift-float-input').fill('500');
  await panel.getByTestId('shift-open-submit').click();
  await panel.getByTestId('current-shift').waitFor();
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  await waitForScanFocus(page);
  return page;
}

/** Ctrl+Delete and confirm: the cart is empty and the scan field has focus again. */
export async function clearCart(page: Page): Promise<void> {
  if ((await page.getByTestId('cart-line').count()) === 0) return;
  await waitForScanFocus(page);
  await page.keyboard.press('Control+Delete');
  await page.getByTestId('clear-confirm').click();
  await page.getByTestId('cart-empty').waitFor();
  await waitForScanFocus(page);
}
