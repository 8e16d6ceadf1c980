import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv';
import { lineFor, payByCard, productBySku } from '../support/till';
import { expectText, navItem, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { otherStation } from './support/other-station';
import { useHostAndBrowser } from './support/session';

const fen = (text: string) => Math.round(Number(text.replace(/[^\d.-]/g, '')) * 100);

/** A sale rung up at another station of the same till while the report is on screen. */
async function sellElsewhere(hostUrl: string): Promise<number> {
  const { call, token } = await otherStation(hostUrl, 'cashier');
  const water = await productBySku(call, token, 'DRK-0001');
  const order = await payByCard(call, token, [lineFor(water)], water.price);
  return order.total;
}

describe('a manager reads the sales report', () => {
  const running = useHostAndBrowser();

  it('compares periods of the demo’s past weeks, breaks them down and exports what it shows', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN', { width: 1024, height: 768 });
    await page.getByRole('button', { name: '体验演示门店' }).click();
    await signIn(page, '李明', '2222');
    await navItem(page, '报表').click();

    // Today so far, from the demo's sample sales up to now, against the same hours of last week's
    // same weekday: a change to read, not −100 %.
    await expectText(page.getByTestId('report-span'), '进行中', '对比');
    await expectText(page.getByTestId('headline-net-change'), '对比期');
    const netBefore = fen(await page.getByTestId('headline-net-value').innerText());
    const ordersBefore = Number((await page.getByTestId('headline-orders-value').innerText()).replace(/\D/g, ''));
    // This till has no platform: the report says its sales are recorded here only.
    await expectText(page.getByTestId('report-completeness'), '未连接平台', `${ordersBefore} 笔销售`);
    await shoot(page, 'sales-report-today');

    // A sale rung up elsewhere while the report is on screen: the report counts it at once.
    const sold = await sellElsewhere(running.host.url);
    await expect.poll(async () => fen(await page.getByTestId('headline-net-value').innerText())).toBe(netBefore + sold);
    await expectText(page.getByTestId('headline-orders-value'), String(ordersBefore + 1));
    await expectText(page.getByTestId('report-completeness'), `${ordersBefore + 1} 笔销售`);

    // The week before this one, whole, against the week before it.
    await page.getByTestId('report-period-kind').getByText('周', { exact: true }).click();
    await page.getByRole('button', { name: '上一周期' }).click();
    await expect.poll(() => page.getByTestId('report-span').innerText()).not.toContain('进行中');
    await expectText(page.getByTestId('report-span'), '对比');
    const weekNet = fen(await page.getByTestId('headline-net-value').innerText());
    expect(weekNet).toBeGreaterThan(0);
    await expectText(page.getByTestId('headline-net-change'), '%');
    await page.getByTestId('sales-chart').locator('svg').waitFor();
    await shoot(page, 'sales-report-week');

    // A channel's row opens exactly the orders behind it, over the report: its chips say what they
    // are, the footer is the row's figure, removing the chip widens to the whole week, and the way
    // back leaves the report as it was.
    const channelRow = page.getByTestId('report-by-channel-row').first();
    const channelName = await channelRow.locator('td').nth(0).innerText();
    const channelOrders = (await channelRow.locator('td').nth(1).innerText()).replace(/\D/g, '');
    const channelNet = fen(await channelRow.locator('td').nth(2).innerText());
    await channelRow.click();
    await expectText(page.getByTestId('drill-chip-channel'), '渠道', channelName);
    await expectText(page.getByTestId('drill-chip-span'), '时段');
    await expect.poll(async () => fen(await page.getByTestId('drill-footer-net').innerText())).toBe(channelNet);
    await expectText(page.getByTestId('drill-footer-orders'), channelOrders);
    await page.getByTestId('order-row').first().waitFor();
    await shoot(page, 'sales-report-drill-channel');
    await page.getByTestId('order-row').first().click();
    await expectText(page.locator('.ant-drawer').last(), '小票');
    await page.keyboard.press('Escape');
    await page.getByTestId('drill-chip-channel').getByRole('button').click();
    await page.getByTestId('drill-chip-channel').waitFor({ state: 'detached' });
    await expect.poll(async () => fen(await page.getByTestId('drill-footer-net').innerText())).toBe(weekNet);
    await page.getByTestId('drill-back').click();
    await page.getByTestId('drill-chips').waitFor({ state: 'detached' });
    expect(fen(await page.getByTestId('headline-net-value').innerText())).toBe(weekNet);
    expect(await page.getByTestId('report-span').innerText()).not.toContain('进行中');

    // Products: the export holds every product sold, not the page on screen, and adds up to the net.
    await page.getByRole('tab', { name: '商品' }).click();
    await page.getByTestId('report-by-product').locator('tr.ant-table-row').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-by-product-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^销售-商品-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text).map((record) => record.fields);
    expect(header.slice(0, 4)).toEqual(['商品', '数量', '订单数', '净销售额']);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.reduce((sum, row) => sum + Math.round(Number(row[3]) * 100), 0)).toBe(weekNet);

    // The same rows as an Excel workbook: one sheet, a header and a row per product.
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-by-product-export-xlsx').click(),
    ]);
    expect(workbook.suggestedFilename()).toMatch(/^销售-商品-.*\.xlsx$/);
    const files = unzipSync(readFileSync((await workbook.path()) as string));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet.match(/<row /g)?.length).toBe(rows.length + 1);
    expect(strFromU8(files['xl/sharedStrings.xml'])).toContain(rows[0][0]);

    // Every order line of the week, streamed into a workbook: its lines' net is the week's net.
    await page.getByTestId('order-lines-export').click();
    const [lines] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: '全部订单明细（Excel）' }).click(),
    ]);
    expect(lines.suggestedFilename()).toMatch(/^订单明细-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const lineSheet = strFromU8(unzipSync(readFileSync((await lines.path()) as string))['xl/worksheets/sheet1.xml']);
    expect(lineSheet).toContain('<t>实收</t>');
    const lineNets = [...lineSheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)]
      .slice(1)
      .map((row) => (row[2].match(/<c[^>]*\/>|<c.*?<\/c>/g) ?? [])[14].replace(/<[^>]+>/g, ''));
    expect(lineNets.length).toBeGreaterThan(rows.length);
    expect(lineNets.reduce((sum, net) => sum + Math.round(Number(net) * 100), 0)).toBe(weekNet);
    await expectText(page.locator('.ant-message'), '订单明细');

    // Cashiers: everyone who sold, with the loss-prevention columns.
    await page.getByRole('tab', { name: '收银员' }).click();
    await expectText(page.getByTestId('report-by-cashier'), '张伟', '陈静', '作废订单', '无交易开钱箱', '现金抹零');
    await shoot(page, 'sales-report-cashiers');

    // Campaigns: what each coupon campaign brought, against the orders without any coupon.
    await page.getByRole('tab', { name: '营销活动' }).click();
    await expectText(page.getByTestId('report-by-campaign'), '立减5元', '满50减8', '使用订单数');
    await expectText(page.getByTestId('report-breakdowns'), '对比未用券订单');

    // On paper: every breakdown with all its rows, alone on the page. Headless Chromium has no print
    // dialog, so print() only notes that it was asked; the page is then read as the printer gets it.
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.getByTestId('report-print-button').click();
    await expect.poll(() => page.locator('body').getAttribute('data-printed')).toBe('yes');
    await page.emulateMedia({ media: 'print' });
    const paper = page.getByTestId('report-print');
    await expectText(
      paper,
      '销售报表',
      '净销售额',
      '渠道',
      '付款方式',
      '时段',
      '星期',
      '分类',
      '商品',
      '收银员',
      '营销活动',
      '优惠',
      '平台结算',
      '按平台渠道',
      '全部平台渠道',
      '应收结算',
    );
    expect(await paper.locator('.print-table').nth(5).locator('tbody tr').count()).toBe(rows.length);
    // The Settlement tab prints too: a row per platform channel and one for all of them.
    expect(await paper.getByTestId('print-settlement-byChannel').locator('tbody tr').count()).toBe(4);
    expect(await page.locator('.main-frame').isVisible()).toBe(false);
    await shoot(page, 'sales-report-print');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await paper.waitFor({ state: 'detached' });

    // A product's ledger from the stock screen: the opening count the demo store made.
    await navItem(page, '库存').click();
    await page.getByTestId('stock-row').first().getByTestId('stock-history-button').click();
    const ledger = page.getByTestId('stock-history');
    await expectText(ledger, '库存流水', '盘点', '变动后库存');
    await shoot(page, 'stock-history');
    await page.keyboard.press('Escape');
    await ledger.waitFor({ state: 'hidden' });
    await navItem(page, '报表').click();

    // The same in English, a month at a time.
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('report-period-kind').getByText('Month', { exact: true }).click();
    await expectText(page.getByTestId('report-headlines'), 'Net sales', 'Average ticket', 'Gross margin');
    await expectText(page.getByTestId('report-span'), 'Compared with');
    await page.getByRole('tab', { name: 'Payment methods' }).click();
    await expectText(page.getByTestId('report-by-method'), 'Cash', 'Platform prepaid');
    // A method's row opens the orders it paid for; the footer is what it paid (a split sale counts its share).
    const cashRow = page.getByTestId('report-by-method-row').filter({ hasText: 'Cash' }).first();
    // Read once the month's figures are in the row (under load the week's may still be showing).
    await expect.poll(async () => fen(await cashRow.locator('td').nth(2).innerText())).toBeGreaterThan(0);
    await cashRow.click();
    await expectText(page.getByTestId('drill-chip-method'), 'Payment method', 'Cash');
    await expect
      .poll(async () => {
        const row = fen(await cashRow.locator('td').nth(2).innerText());
        return fen(await page.getByTestId('drill-footer-figure').innerText()) - row;
      })
      .toBe(0);
    await shoot(page, 'sales-report-drill-method-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('drill-chips').waitFor({ state: 'detached' });
    await shoot(page, 'sales-report-month-en');

    // Printed in English, the settlement with it.
    await page.getByTestId('report-print-button').click();
    await expect.poll(() => page.locator('body').getAttribute('data-printed')).toBe('yes');
    await page.emulateMedia({ media: 'print' });
    await expectText(paper, 'Sales report', 'Settlement', 'By platform channel', 'All platform channels');
    // As wide as A4 portrait's printable width (186 mm at 96 dpi): the widest table fits.
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.getByTestId('print-settlement-byDay').scrollIntoViewIfNeeded();
    await shoot(page, 'sales-report-print-settlement-en');
    const edge = await page
      .getByTestId('print-settlement-byDay')
      .locator('table')
      .evaluate((t) => t.scrollWidth);
    expect(edge).toBeLessThanOrEqual(703);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await paper.waitFor({ state: 'detached' });

    // Against last year, which the demo's fourteen weeks do not reach: the report says so.
    await page.getByTestId('report-comparison').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Last year (364 days back)' }).click();
    await expectText(page.getByTestId('report-short-history'), 'before this till’s first sale');
    expect(pageErrors(page)).toEqual([]);
  });
});
