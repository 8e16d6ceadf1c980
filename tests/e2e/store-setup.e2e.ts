import { describe, expect, it } from 'vitest';
import { expectText, navItem, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { useHostAndBrowser } from './support/session';

/** Line 3 has a price that is not an amount; lines 2 and 4 are good (one by weight). */
const catalogCsv = [
  'sku,barcodes,name_zh,name_en,category_zh,category_en,price,tax_rate,unit',
  'TEA-001,6901234567892,龙井绿茶 250g,Longjing Green Tea 250g,茶叶,Tea,88.00,13,each',
  'TEA-002,,铁观音 100g,Tieguanyin Oolong 100g,茶叶,Tea,abc,13,each',
  'FRU-001,,红富士苹果,Fuji Apple,水果,Fruit,12.80,9,kg',
].join('\n');

describe('an owner setting up a real store', () => {
  const running = useHostAndBrowser();

  it('creates the store, is signed in as owner, imports a CSV and sees the bad row reported', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN');

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
    // A new store has no category, so its first product could not be saved: the form says so and
    // offers to make one there, which it then picks.
    await page.getByRole('button', { name: '新增商品' }).click();
    let editor = page.getByRole('dialog', { name: '新增商品' });
    await expectText(editor.getByTestId('product-category-hint'), '本店还没有分类', '新建分类');
    await shoot(page, 'product-first-no-category');
    await editor.getByRole('button', { name: '取消' }).click();
    await editor.waitFor({ state: 'hidden' });
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('button', { name: 'New product' }).click();
    editor = page.getByRole('dialog', { name: 'New product' });
    await expectText(editor.getByTestId('product-category-hint'), 'this store has none yet');
    await page.setViewportSize({ width: 1024, height: 768 });
    await shoot(page, 'product-first-no-category-en-1024');
    await editor.getByTestId('product-new-category').click();
    const categoryEditor = page.getByTestId('category-editor');
    await categoryEditor.getByLabel('Chinese name').fill('饮料');
    await categoryEditor.getByLabel('English name').fill('Drinks');
    await categoryEditor.getByRole('button', { name: 'Save' }).click();
    await categoryEditor.waitFor({ state: 'hidden' });
    await expectText(editor.getByTestId('product-category'), 'Drinks');
    await expect.poll(() => editor.getByTestId('product-category-hint').count()).toBe(0);
    await editor.getByLabel('Chinese name').fill('矿泉水 550ml');
    await editor.getByLabel('English name').fill('Mineral Water 550ml');
    await editor.getByLabel('SKU').fill('DRK-100');
    await editor.getByLabel('Price').fill('2.00');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'hidden' });
    await expectText(page.getByTestId('product-table'), 'Mineral Water 550ml', 'Drinks');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('language-switch').getByText('中文').click();
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
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(3);
    await shoot(page, 'catalog-owner');
    expect(pageErrors(page)).toEqual([]);
  });
});

/**
 * A file the screen must split: English names hold a comma, so each part has to quote them again,
 * and an empty line after row 1,000 moves every later row one line down. `bad` rows have no price.
 */
function bulkCsv(rows: number, bad: number[]): string {
  const lines = ['sku,name_zh,name_en,category_zh,category_en,price,tax_rate,unit'];
  for (let row = 1; row <= rows; row++) {
    const price = bad.includes(row) ? 'n/a' : `${(row % 90) + 1}.50`;
    lines.push(`BULK-${row},散装商品 ${row},"Bulk item ${row}, loose",散装,Bulk,${price},13,each`);
    if (row === 1_000) lines.push('');
  }
  return lines.join('\r\n');
}

describe('an owner importing a big catalog file', () => {
  const running = useHostAndBrowser({ demo: true });

  it('imports it in parts with progress, reports lines of the whole file, and stops at a part the core refuses', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN');
    await signIn(page, '王芳', '8888');
    await navItem(page, '商品').click();
    await page.getByRole('button', { name: '导入 CSV' }).click();
    const dialog = page.getByRole('dialog', { name: '从 CSV 导入商品' });

    // Holding the second part back keeps the progress on screen long enough to check it.
    let calls = 0;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/catalog.importCsv', async (route) => {
      calls += 1;
      if (calls === 2) await held;
      await route.continue();
    });
    await dialog.getByTestId('csv-file-input').setInputFiles({
      name: 'bulk.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bulkCsv(4_500, [3_000, 4_321]), 'utf8'),
    });
    await expectText(dialog.getByTestId('import-progress'), '正在导入第 2,001–4,000 行，共 4,500 行');
    await shoot(page, 'catalog-import-progress');
    release();

    const report = dialog.getByTestId('import-report');
    await dialog.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    expect(calls).toBe(3);
    expect(await report.locator('.ant-statistic-content-value').allInnerTexts()).toEqual(['4,498', '0', '2']);
    const failures = report.getByTestId('import-failures').locator('tbody tr');
    expect(await failures.count()).toBe(2);
    expect(await failures.nth(0).locator('td').allInnerTexts()).toEqual([
      '3002',
      'BULK-3000',
      expect.stringContaining('n/a'),
    ]);
    expect((await failures.nth(1).locator('td').allInnerTexts()).slice(0, 2)).toEqual(['4323', 'BULK-4321']);
    await shoot(page, 'catalog-import-parts-report');

    // The second part is over the core's size limit for one call: it is refused as a whole.
    const huge = `${bulkCsv(2_000, [])}\r\nHUGE-1,很长的商品,${'x'.repeat(2_100_000)},散装,Bulk,1.00,13,each`;
    await dialog.getByTestId('csv-file-input').setInputFiles({
      name: 'huge.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(huge, 'utf8'),
    });
    await expectText(
      dialog.getByTestId('import-stopped'),
      '导入在第 2,001–2,001 行处停止（共 2,001 行）',
      '此前的 2,000 行已经导入',
    );
    expect(await report.locator('.ant-statistic-content-value').allInnerTexts()).toEqual(['0', '2,000', '0']);
    expect(await report.innerText()).not.toContain('所有行均已导入');
    await shoot(page, 'catalog-import-stopped');

    await dialog.getByRole('button', { name: '完成' }).click();
    await page.getByTestId('catalog-search').fill('BULK-4500');
    await expectText(page.getByTestId('product-table'), 'Bulk item 4500, loose');
    expect(pageErrors(page)).toEqual([]);
  });
});
