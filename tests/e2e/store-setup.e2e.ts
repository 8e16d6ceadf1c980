import type { Browser } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectText, navItem } from './support/app';
import { launchBrowser, openPage, pageErrors, shoot } from './support/browser';
import { type RunningHost, startHost } from './support/host';

/** Line 3 has a price that is not an amount; lines 2 and 4 are good (one by weight). */
const catalogCsv = [
  'sku,barcodes,name_zh,name_en,category_zh,category_en,price,tax_rate,unit',
  'TEA-001,6901234567892,龙井绿茶 250g,Longjing Green Tea 250g,茶叶,Tea,88.00,13,each',
  'TEA-002,,铁观音 100g,Tieguanyin Oolong 100g,茶叶,Tea,abc,13,each',
  'FRU-001,,红富士苹果,Fuji Apple,水果,Fruit,12.80,9,kg',
].join('\n');

describe('an owner setting up a real store', () => {
  let host: RunningHost;
  let browser: Browser;

  beforeEach(async () => {
    [host, browser] = await Promise.all([startHost(), launchBrowser()]);
  });
  afterEach(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('creates the store, is signed in as owner, imports a CSV and sees the bad row reported', async () => {
    const page = await openPage(browser, host.url, 'zh-CN');

    await page.getByLabel('门店名称').fill('静安寺店');
    await expectText(page.locator('.first-run-setup'), 'Asia/Shanghai', 'CNY', '04:00');
    await page.getByLabel('您的姓名').fill('周杰');
    await page.getByLabel('PIN（4–8 位数字）').fill('246810');
    await page.getByLabel('再次输入 PIN').fill('246811');
    await page.getByRole('button', { name: '创建门店' }).click();
    await expectText(page.locator('.ant-form-item-explain-error'), '两次输入的 PIN 不一致');
    await page.getByLabel('再次输入 PIN').fill('246810');
    await shoot(page, 'first-run-form');
    await page.getByRole('button', { name: '创建门店' }).click();

    await expectText(page.getByTestId('status-staff'), '周杰', '店主');
    await expectText(page.getByTestId('status-bar'), '静安寺店');

    await navItem(page, '商品').click();
    await page.getByRole('button', { name: '导入 CSV' }).click();
    const dialog = page.getByRole('dialog', { name: '从 CSV 导入商品' });
    await dialog.getByTestId('csv-file-input').setInputFiles({
      name: 'catalog.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(catalogCsv, 'utf8'),
    });
    const report = dialog.getByTestId('import-report');
    await expectText(report, '新增', '失败');
    expect(await report.locator('.ant-statistic-content-value').allInnerTexts()).toEqual(['2', '0', '1']);
    const failures = report.getByTestId('import-failures').locator('tbody tr');
    expect(await failures.count()).toBe(1);
    const cells = await failures.first().locator('td').allInnerTexts();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('TEA-002');
    expect(cells[2]).toContain('abc');
    await shoot(page, 'catalog-import-report');

    await dialog.getByRole('button', { name: '完成' }).click();
    const table = page.getByTestId('product-table');
    await expectText(table, '龙井绿茶 250g', '¥88.00', '红富士苹果', '¥12.80', '/千克');
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(2);
    await shoot(page, 'catalog-owner');
    expect(pageErrors(page)).toEqual([]);
  });
});
