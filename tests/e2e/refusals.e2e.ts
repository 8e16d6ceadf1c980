import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectText, focusedTestId, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { useHostAndBrowser } from './support/session';

/** Typed at a person's pace: this test is about refusals, not about wedge timing on a busy machine. */
async function typeCode(page: Page, code: string): Promise<void> {
  await expect.poll(() => focusedTestId(page)).toBe('scan-field');
  await page.keyboard.type(code, { delay: 40 });
  await page.keyboard.press('Enter');
}

/** antd puts a test id on the number field's input or on its wrapper, depending on the version. */
function numberField(scope: Locator, testId: string): Locator {
  return scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

describe('no dialog refuses in silence', () => {
  const running = useHostAndBrowser({ demo: true, env: { COUNTER_DEMO_PLATFORM: '0' } });

  it('says why at Pay, in the discount dialog, in a refund, in a blind count with −3 and in the product editor', async () => {
    const page = await openPage(running.browser, running.host.url, 'en-US');
    await signIn(page, '李明', '2222');
    await page.getByTestId('status-shift').click();
    const panel = page.getByTestId('shift-panel');
    await panel.getByTestId('shift-float-input').fill('500');
    await panel.getByTestId('shift-open-submit').click();
    await panel.getByTestId('current-shift').waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });

    // Water ¥2.00: Enter with an empty percent says what is missing.
    await typeCode(page, '6921168478354');
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
    await page.keyboard.press('Insert');
    const discount = page.getByTestId('discount-dialog');
    await discount.waitFor();
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('discount-refusal'), 'Enter the percentage to take off');
    await page.keyboard.press('Escape');
    await discount.waitFor({ state: 'hidden' });

    // Paying ¥1.00 of ¥2.00 with Enter says what is short.
    await expect.poll(() => focusedTestId(page)).toBe('scan-field');
    await page.keyboard.press('F12');
    const payment = page.getByTestId('payment-dialog');
    await payment.waitFor();
    await payment.getByTestId('tender-amount').fill('1');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('payment-refusal'), 'Payment is short', '¥2.00', '¥1.00');
    await shoot(page, 'refusal-payment-short');
    // ¥999,999,999 received for ¥2.00: the store's limit is named before the core is asked.
    await payment.getByTestId('tender-amount').fill('999999999');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('payment-refusal'), 'At most ¥100,000.00', 'this store');
    await shoot(page, 'refusal-payment-over-limit');
    await payment.getByTestId('tender-amount').fill('2');
    await page.keyboard.press('Enter');
    await page.getByTestId('paid-panel').waitFor();
    const number = await page.getByTestId('paid-order-number').innerText();
    await page.keyboard.press('Escape');

    // Refunding 5 of 1 bottle is named on the line; nothing is refunded for ¥0.00.
    await page.keyboard.press('F3');
    await page.getByTestId('order-row').filter({ hasText: number }).click();
    await page.getByTestId('order-detail').waitFor();
    await page.getByTestId('refund-button').click();
    const refund = page.getByTestId('refund-dialog');
    await numberField(refund, 'refund-qty-1').fill('5');
    await expectText(refund.getByTestId('refund-qty-refused-1'), 'Only 1 left to refund');
    await numberField(refund, 'refund-qty-1').fill('0');
    await refund.getByTestId('refund-reason').fill('Leaking');
    await page.getByTestId('refund-submit').click();
    await expectText(refund.getByTestId('refund-nothing'), 'Tick at least one line');
    await shoot(page, 'refusal-refund');
    await page.keyboard.press('Escape');
    await refund.waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');

    // A blind count of −3 five-yuan notes is refused, not taken as 0.
    await page.getByTestId('status-shift').click();
    await page.getByTestId('shift-close-button').click();
    const close = page.getByTestId('close-shift-dialog');
    await numberField(close, 'count-500').fill('-3');
    await expectText(close.getByTestId('count-refused-500'), 'A count cannot be below zero');
    await page.getByTestId('shift-close-submit').click();
    await expectText(close.getByTestId('count-refused-500'), 'A count cannot be below zero');
    expect(await numberField(close, 'count-500').inputValue()).toBe('-3');
    await shoot(page, 'refusal-blind-count');
    await page.keyboard.press('Escape');
    await close.waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await page.getByTestId('shift-panel').waitFor({ state: 'hidden' });

    // The product editor keeps a PLU of 99999999 as typed and says why it cannot be saved, and
    // names a barcode whose check digit is wrong before anything is sent.
    await page.keyboard.press('F6');
    await page.getByTestId('new-product').click();
    const editor = page.getByTestId('product-editor');
    await editor.locator('#plu').fill('99999999');
    expect(await editor.locator('#plu').inputValue()).toBe('99999999');
    await editor.locator('#barcodes').fill('6901234567891');
    await page.keyboard.press('Enter');
    await editor.getByRole('button', { name: 'Save' }).click();
    const explained = () => page.locator('.ant-form-item-explain-error').allInnerTexts();
    await expect.poll(explained, { timeout: 10_000 }).toContain('A PLU is 5 digits.');
    expect(await explained()).toContain('Barcode 1 (6901234567891) has a wrong check digit: it should end in 2');
    await shoot(page, 'refusal-product-editor');
    expect(pageErrors(page)).toEqual([]);
  });
});
