import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv';
import { expectText, navItem, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { useHostAndBrowser } from './support/session';

describe('a manager reads what the platform keeps', () => {
  const running = useHostAndBrowser();

  it('shows settlement per platform channel for the demo’s past week, exports it, and says why it cannot reconcile', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN', { width: 1366, height: 768 });
    await page.getByRole('button', { name: '体验演示门店' }).click();
    await signIn(page, '李明', '2222');
    await navItem(page, '报表').click();
    await page.getByRole('tab', { name: '平台结算' }).click();

    await page.getByTestId('report-period-kind').getByText('周', { exact: true }).click();
    await page.getByRole('button', { name: '上一周期' }).click();
    const table = page.getByTestId('settlement-by-channel');
    await expectText(table, '外卖', '自提', '团购', '全部平台渠道', '佣金', '应收结算');
    await shoot(page, 'settlement-week');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('settlement-by-channel-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^结算-按平台渠道-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv(readFileSync((await download.path()) as string, 'utf8')).map((r) => r.fields);
    expect(header.slice(0, 6)).toEqual(['渠道', '订单数', '原价', '商家优惠', '佣金', '应收结算']);
    const fen = (text: string) => Math.round(Number(text) * 100);
    const byName = Object.fromEntries(rows.map((row) => [row[0], row]));
    // The demo's sample weeks: the platform keeps commission on delivery and on group-buy vouchers.
    expect(fen(byName.外卖[4])).toBeGreaterThan(0);
    expect(fen(byName.团购[4])).toBeGreaterThan(0);
    // Gross less the store's promotion less commission is the settlement, row by row and in total.
    for (const row of rows) expect(fen(row[2]) - fen(row[3]) - fen(row[4])).toBe(fen(row[5]));
    const channels = rows.filter((row) => row[0] !== '全部平台渠道');
    expect(channels.reduce((sum, row) => sum + fen(row[5]), 0)).toBe(fen(byName.全部平台渠道[5]));
    await expectText(page.getByTestId('settlement-by-day'), '营业日');

    // The demo store in the browser is not paired with a platform: reconciling says so, plainly.
    await page.getByTestId('reconcile-button').click();
    await expectText(page.getByTestId('reconcile-unavailable'), '未绑定平台');
    await shoot(page, 'settlement-reconcile-unpaired');

    // The same in English.
    await page.getByTestId('language-switch').getByText('English').click();
    await expectText(table, 'Delivery', 'Pickup', 'Group-buy', 'All platform channels', 'Commission', 'Settlement due');
    await expectText(page.getByTestId('reconcile'), 'Reconcile with the platform');
    await expect.poll(() => page.getByTestId('reconcile').innerText()).not.toContain('未绑定平台');
    await page.getByTestId('reconcile-button').click();
    await expectText(page.getByTestId('reconcile-unavailable'), 'not paired with a platform');
    await shoot(page, 'settlement-week-en');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('a manager of the demo store reconciles a past day with its platform', () => {
  // No pretend customer orders during the test: the day compared is a past one.
  const running = useHostAndBrowser({
    demo: true,
    lang: 'zh_CN.UTF-8',
    env: { COUNTER_DEMO_FIRST_ORDER_MS: '3600000', COUNTER_DEMO_ORDER_EVERY_MS: '3600000' },
  });

  it('says each difference is a demo sample the platform never received, and why, in both languages', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN', { width: 1366, height: 768 });
    await signIn(page, '李明', '2222');
    await expect.poll(() => page.getByTestId('status-sync').innerText(), { timeout: 30_000 }).toContain('在线');
    await navItem(page, '报表').click();
    await page.getByRole('tab', { name: '平台结算' }).click();
    // Yesterday: a day of the demo's sample sales, some of them online and group-buy.
    await page.getByRole('button', { name: '上一周期' }).click();
    await expect.poll(() => page.getByTestId('settlement-span').innerText()).not.toContain('进行中');
    await page.getByTestId('reconcile-button').click();
    const summary = page.getByTestId('reconcile-summary');
    await expectText(summary, '演示门店的示例数据', '从未上传', '一切正常', '对今天进行对账');
    const rows = page.getByTestId('reconcile-differences').locator('tbody tr.ant-table-row');
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    // Every difference carries its reason.
    for (const text of await rows.allInnerTexts()) expect(text).toContain('演示门店往期的示例销售');
    await page.getByTestId('reconcile-differences').scrollIntoViewIfNeeded();
    await shoot(page, 'settlement-reconcile-samples');

    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('reconcile-button').click();
    await expectText(summary, 'samples of the demo store', 'never sent', 'Nothing is wrong');
    await expectText(rows.first(), 'A sample sale of the demo store’s past weeks');
    await page.getByTestId('reconcile-differences').scrollIntoViewIfNeeded();
    await shoot(page, 'settlement-reconcile-samples-en-1024');
    expect(pageErrors(page)).toEqual([]);
  });
});
