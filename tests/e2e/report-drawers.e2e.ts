import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { expectOk } from '../support/callers';
import { lineFor, productBySku } from '../support/till';
import { expectText, navItem, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { otherStation } from './support/other-station';
import { useHostAndBrowser } from './support/session';

const fen = (text: string) => Math.round(Number(text.replace(/[^\d.-]/g, '')) * 100);
const count = (text: string) => Number(text.replace(/\D/g, '') || '0');

describe('a manager opens what a headline figure is made of', () => {
  const running = useHostAndBrowser();

  it('shows the margin and average ticket worked out, only the orders with a discount or a refund, and counts a void and a no-sale at once', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN', { width: 1366, height: 768 });
    await page.getByRole('button', { name: '体验演示门店' }).click();
    await signIn(page, '李明', '2222');
    await navItem(page, '报表').click();
    // Today's cashier table while the manager voids a parked sale and opens the drawer at another
    // station: both counts move on screen without asking again.
    await expectText(page.getByTestId('report-span'), '进行中');
    await page.getByRole('tab', { name: '收银员' }).click();
    const table = page.getByTestId('report-by-cashier');
    await table.waitFor();
    const headers = await table.locator('thead th').allInnerTexts();
    const voidsAt = headers.findIndex((h) => h.includes('作废订单'));
    const noSalesAt = headers.findIndex((h) => h.includes('无交易开钱箱'));
    const row = () => table.getByTestId('report-by-cashier-row').filter({ hasText: '李明' });
    const cell = async (index: number) =>
      (await row().count()) === 0 ? 0 : count(await row().locator('td').nth(index).innerText());
    const voids = await cell(voidsAt);
    const noSales = await cell(noSalesAt);
    const { call, token } = await otherStation(running.host.url, 'manager');
    const water = await productBySku(call, token, 'DRK-0001');
    const cartId = uuidv7();
    expectOk(
      await call({
        method: 'carts.park',
        input: { id: cartId, label: '', cart: { lines: [lineFor(water)], orderDiscount: null, coupons: [] } },
        sessionToken: token,
      }),
    );
    expectOk(await call({ method: 'carts.void', input: { id: cartId, reason: '顾客不要了' }, sessionToken: token }));
    await expect.poll(() => cell(voidsAt)).toBe(voids + 1);
    expectOk(await call({ method: 'drawer.noSale', input: { reason: '换零钱' }, sessionToken: token }));
    await expect.poll(() => cell(noSalesAt)).toBe(noSales + 1);
    await shoot(page, 'cashiers-void-no-sale');

    await page.getByRole('tab', { name: '渠道' }).click();

    // The week before this one: whole days of the demo's sample sales, refunds among them.
    await page.getByTestId('report-period-kind').getByText('周', { exact: true }).click();
    await page.getByRole('button', { name: '上一周期' }).click();
    await expect.poll(() => page.getByTestId('report-span').innerText()).not.toContain('进行中');
    const orders = count(await page.getByTestId('headline-orders-value').innerText());
    const drawer = page.getByTestId('drill-drawer');
    const close = async () => {
      await page.getByTestId('drill-back').click();
      await page.getByTestId('drill-chips').waitFor({ state: 'detached' });
    };

    // The margin: its figure and how it is made, beside the orders.
    const margin = await page.getByTestId('headline-margin-value').innerText();
    await page.getByTestId('headline-margin').click();
    await expectText(page.getByTestId('drill-formula'), '毛利 = 已录成本明细的净额', '其成本', margin);
    await expectText(page.getByTestId('drill-footer-figure'), `毛利 ${margin}`);
    await page.getByTestId('order-row').first().waitFor();
    await shoot(page, 'drill-margin');
    await close();

    // The average ticket: the net over the orders.
    const ticket = await page.getByTestId('headline-average-value').innerText();
    const net = await page.getByTestId('headline-net-value').innerText();
    await page.getByTestId('headline-average').click();
    await expectText(
      page.getByTestId('drill-formula'),
      `净销售额 ${net} ÷ ${orders.toLocaleString('zh-CN')} 单 = ${ticket}`,
    );
    await close();

    // Discounts: only the orders that carry one, and their discounts are the card's to the fen.
    const discounts = fen(await page.getByTestId('headline-discounts-value').innerText());
    await page.getByTestId('headline-discounts').click();
    await expectText(page.getByTestId('drill-chip-carrying'), '仅显示', '有优惠的订单');
    await expect.poll(async () => fen(await page.getByTestId('drill-footer-figure').innerText())).toBe(discounts);
    const discounted = count(await page.getByTestId('drill-footer-orders').innerText());
    expect(discounted).toBeGreaterThan(0);
    expect(discounted).toBeLessThan(orders);
    await shoot(page, 'drill-discounts');
    // Without the chip, the list widens to every order of the week.
    await page.getByTestId('drill-chip-carrying').getByRole('button').click();
    await expect.poll(async () => count(await page.getByTestId('drill-footer-orders').innerText())).toBe(orders);
    await close();

    // Refunds of these orders: only the refunded ones.
    const refunded = fen(await page.getByTestId('headline-refunded-value').innerText());
    await page.getByTestId('headline-refunded').click();
    await expectText(page.getByTestId('drill-chip-carrying'), '有退款的订单');
    await expect.poll(async () => fen(await page.getByTestId('drill-footer-figure').innerText())).toBe(refunded);
    expect(count(await page.getByTestId('drill-footer-orders').innerText())).toBeLessThan(orders);
    await expectText(drawer.getByTestId('order-row').first(), '退款');
    await close();

    // The same drawers in English, on a 1024-wide screen.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('language-switch').getByText('English').click();
    // Still the week before this one: the report stays as it was across the language switch.
    await expectText(page.getByTestId('report-headlines'), 'Gross margin');
    const marginEn = await page.getByTestId('headline-margin-value').innerText();
    await page.getByTestId('headline-margin').click();
    await expectText(page.getByTestId('drill-formula'), 'Gross margin = net of the lines with a known cost', marginEn);
    await page.getByTestId('order-row').first().waitFor();
    await shoot(page, 'drill-margin-en-1024');
    await close();
    await page.getByTestId('headline-average').click();
    await expectText(page.getByTestId('drill-formula'), 'Average ticket = net sales', '÷');
    await shoot(page, 'drill-average-en-1024');
    await close();
    await page.getByTestId('headline-discounts').click();
    await expectText(page.getByTestId('drill-chip-carrying'), 'Only', 'orders with a discount');
    await shoot(page, 'drill-discounts-en-1024');
    await close();

    // A range typed back past three years is refused for its length, in words that say only that.
    await page.getByTestId('report-period-kind').getByText('Range', { exact: true }).click();
    await page.getByTestId('report-first-day').fill('2020-01-01');
    const refusal = page.locator('.screen-note.ant-alert-error');
    await expectText(refusal, 'A report can cover at most 1096 days (three years)', 'Choose a shorter range');
    expect(await refusal.innerText()).not.toContain('first day');
    await shoot(page, 'report-range-too-long-en-1024');
    expect(pageErrors(page)).toEqual([]);
  });
});
