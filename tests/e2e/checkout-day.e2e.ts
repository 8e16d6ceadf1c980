import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { gs1CheckDigit } from '../../shared/barcodes';
import { expectText, focusedTestId, navItem, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { useHostAndBrowser } from './support/session';

/** A keyboard-wedge scanner: the whole code in a few milliseconds, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await expect.poll(() => focusedTestId(page)).toBe('scan-field');
  await page.keyboard.type(code, { delay: 4 });
  await page.keyboard.press('Enter');
}

/** The manager walks over and types their PIN into the approval dialog. */
async function approve(page: Page, reason: string): Promise<void> {
  const approval = page.getByRole('dialog', { name: '店长授权' });
  await expectText(approval, reason);
  await approval.getByTestId('staff-tile-李明').click();
  await page.keyboard.type('2222');
  await page.keyboard.press('Enter');
  await approval.waitFor({ state: 'hidden' });
}

/** Reads what an iframe preview shows (receipts and Z reports are rendered by the core). */
function frameText(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((frame) => (frame as HTMLIFrameElement).srcdoc);
}

describe('a day at the till', () => {
  // The till alone: on this two-core machine the demo platform's first start (an embedded
  // PostgreSQL) competes with Chromium for the CPU while this test times keystrokes.
  const running = useHostAndBrowser({ env: { COUNTER_DEMO_PLATFORM: '0' } });

  it('scans by wedge (one a weight label), discounts with a manager, splits the payment, refunds a line, closes the shift', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN');
    await page.getByRole('button', { name: '体验演示门店' }).click();

    // The owner sets up receipts and the scales before the day starts.
    await signIn(page, '王芳', '8888');
    await navItem(page, '设置').click();
    const form = page.getByTestId('store-settings-form');
    await form.getByTestId('receipt-url').fill('https://counter.example.cn/r/{number}');
    await form.locator('label', { hasText: '重量' }).click();
    await page.getByTestId('store-save').click();
    await expectText(page.locator('.ant-message'), '门店设置已保存');
    await page.getByTestId('sign-out-button').click();

    await signIn(page, '张伟', '1111');
    await page.getByTestId('status-shift').click();
    const panel = page.getByTestId('shift-panel');
    await panel.getByTestId('shift-float-input').fill('500');
    await panel.getByTestId('shift-open-submit').click();
    await panel.getByTestId('current-shift').waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });

    // A sale cleared before payment leaves no order, but the audit log keeps it.
    await scan(page, '6921168478354');
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
    await page.keyboard.press('Control+Delete');
    await page.getByTestId('clear-confirm').click();
    await page.getByTestId('cart-empty').waitFor();

    // Water ¥2.00, crisps ¥7.50, and 1.250 kg of apples at ¥12.80/kg from the scale: ¥16.00.
    const weightLabel = `2010001${'01250'}`;
    await scan(page, '6921168478354');
    await scan(page, '6924743138803');
    await scan(page, `${weightLabel}${gs1CheckDigit(weightLabel)}`);
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(3);
    await expectText(page.getByTestId('cart-line').nth(2), '红富士苹果', '1.250');
    await expectText(page.getByTestId('cart-total'), '¥25.50');
    await shoot(page, 'checkout-cart');

    // 30 % off the order is above the store's 20 % limit: the payment needs a manager.
    await expect.poll(() => focusedTestId(page)).toBe('scan-field');
    await page.keyboard.press('Insert');
    const discount = page.getByTestId('discount-dialog');
    await discount.getByTestId('discount-value').fill('30');
    await discount.getByLabel('原因').fill('老顾客');
    await page.getByTestId('discount-apply').click();
    await expectText(page.getByTestId('cart-total'), '¥17.85');

    await page.keyboard.press('F12');
    const payment = page.getByTestId('payment-dialog');
    await payment.waitFor();
    await page.keyboard.press('F2');
    await payment.getByTestId('tender-amount').fill('10');
    await payment.getByTestId('tender-reference').fill('POS-8831');
    await page.getByTestId('tender-split').click();
    await page.keyboard.press('F1');
    await payment.getByTestId('tender-amount').fill('10');
    await expectText(payment.getByTestId('payment-change'), '¥2.15');
    await shoot(page, 'checkout-payment');
    await page.getByTestId('payment-confirm').click();
    await approve(page, '大额手工折扣需要店长授权');

    const paid = page.getByTestId('paid-panel');
    await expectText(paid, '¥17.85');
    const number = await page.getByTestId('paid-order-number').innerText();
    expect(number).toMatch(/^A-\d{4}$/);
    await expectText(page.getByTestId('paid-change'), '¥2.15');
    // The order discount shows once, as itself, not again inside a sum of all discounts.
    await expectText(paid.getByTestId('discount-source'), '整单优惠', '老顾客', '−¥7.65');
    await page.getByTestId('show-receipt').click();
    await expect.poll(() => frameText(page, 'receipt-preview')).toContain(number);
    const receipt = await frameText(page, 'receipt-preview');
    expect(receipt).toContain('<svg');
    expect(receipt).toContain('老顾客');
    expect(receipt).toContain('POS-8831');
    await shoot(page, 'checkout-receipt');
    await page.keyboard.press('Escape');

    // The water goes back: its share after the discount, to the card it was paid with.
    await page.keyboard.press('F3');
    await page.getByTestId('order-row').filter({ hasText: number }).click();
    const detail = page.getByTestId('order-detail');
    await detail.waitFor();
    await page.getByTestId('refund-button').click();
    const refund = page.getByTestId('refund-dialog');
    // Once under load (CI run 9), the first click on the freshly opened dialog's checkbox did not
    // take; check() verifies the state and is a no-op once ticked, so it is simply asked again.
    const pick = refund.getByTestId('refund-pick-1');
    await vi.waitFor(() => pick.check({ timeout: 10_000 }), { timeout: 60_000, interval: 500 });
    await refund.getByTestId('refund-reason').fill('瓶子漏水');
    await page.getByTestId('refund-submit').click();
    await approve(page, '退款');
    await expectText(page.getByTestId('refund-result'), `${number}-R1`, '¥1.40');
    // The slip in figures: the water at its price, less the order discount's share it carried.
    await expectText(page.getByTestId('refund-discounts'), '退回商品', '¥2.00', '整单优惠', '−¥0.60', '¥1.40');
    await page.getByTestId('refund-done').click();
    await expectText(page.getByTestId('order-status').first(), '部分退款');
    await shoot(page, 'orders-refunded');
    await page.keyboard.press('Escape');

    // Blind count: ¥500 float + ¥7.85 cash taken; the card got the refund.
    await page.getByTestId('status-shift').click();
    await page.getByTestId('shift-close-button').click();
    const close = page.getByTestId('close-shift-dialog');
    await close.getByTestId('count-mode-total').click();
    await close.getByTestId('counted-cash-input').fill('507.85');
    await page.getByTestId('shift-close-submit').click();
    await expect.poll(() => frameText(page, 'z-report')).toContain('Z 报表 #1');
    const z = await frameText(page, 'z-report');
    expect(z).toContain('¥507.85');
    expect(z).toContain('¥1.40');
    await shoot(page, 'shift-z-report');
    expect(pageErrors(page)).toEqual([]);
  });
});
