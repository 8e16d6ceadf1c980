import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv';
import { uuidv7 } from '../../shared/ids';
import { Till } from '../platform/support/clients';
import { franchiseClient } from '../platform/support/franchise';
import { orderPaid } from '../platform/support/payloads';
import { expectText } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import {
  backFromPaper,
  download,
  OWNER_PASSWORD,
  openHeadOfficeConsole,
  printAsPaper,
  useTwoStoreBrand,
} from './support/head-office';
import { expectNoBrokenWords } from './support/layout-checks';
import { useHostAndBrowser } from './support/session';

const HOUR = 3_600_000;

/** Each store's ledger through its own till: deliveries, sales, waste, a 估清 and a store's own special. */
async function pushStock(url: string, codes: string[]): Promise<void> {
  const now = Date.now();
  const received = [
    { 'DRK-0001': 48, 'SNK-0001': 20, 'PLT-0001': 6 },
    { 'DRK-0001': 24, 'SNK-0001': 3, 'PLT-0001': 10 },
  ];
  for (const [store, code] of codes.entries()) {
    const till = await Till.pair(url, code, `${store === 0 ? '人民广场' : '徐家汇'} 1 号机`);
    const records = [];
    for (const [sku, quantity] of Object.entries(received[store])) {
      const moved = {
        id: uuidv7(),
        sku,
        kind: 'receive',
        quantity,
        at: now - 6 * HOUR,
        note: '到货',
        staffName: '张店长',
      };
      records.push(till.next('stock.moved', moved, moved.id));
    }
    const sold = orderPaid({ sku: 'DRK-0001', quantity: 2, unitPrice: 200 });
    sold.order.cashierName = '王芳';
    sold.order.number = `${store + 1}-0001`;
    sold.stock[0].at = now - 2 * HOUR;
    records.push(till.next('order.paid', sold, sold.order.id));
    const waste = {
      id: uuidv7(),
      sku: 'SNK-0001',
      kind: 'waste',
      quantity: -1,
      at: now - HOUR,
      note: '破损',
      staffName: '张店长',
    };
    records.push(till.next('stock.moved', waste, waste.id));
    if (store === 1) records.push(till.next('product.sold_out', { sku: 'PLT-0001', soldOut: true, at: now - HOUR }));
    if (store === 0) {
      const special = { id: uuidv7(), sku: 'SHOP-SPECIAL', kind: 'receive', quantity: 5, at: now - HOUR, note: null };
      records.push(till.next('stock.moved', special, special.id));
    }
    await till.push(records);
  }
}

describe('a franchise owner reads stock across two stores at the head-office console', () => {
  const running = useHostAndBrowser();
  const brand = useTwoStoreBrand(pushStock);

  it('shows on hand per store and in total, filters, opens a store’s history, sets a level, exports and prints, in both languages', async () => {
    const { platform, login, ownerToken } = brand;
    // Snacks run low below 5: 徐家汇店 has 2 left.
    await franchiseClient(platform.url, { kind: 'owner', token: ownerToken }).call('franchise.lowStock.put', {
      items: [{ sku: 'SNK-0001', lowAt: 5 }],
    });
    const page = await openPage(running.browser, running.host.url, 'zh-CN', { width: 1366, height: 768 });
    await openHeadOfficeConsole(page, platform.url, login, OWNER_PASSWORD);
    const section = page.getByTestId('franchise-stock-section');
    await expectText(page.getByTestId('head-office'), '各门店库存');
    const table = page.getByTestId('franchise-stock');
    await expectText(
      table,
      '农夫山泉饮用天然水 550ml',
      '人民广场店',
      '徐家汇店',
      '合计',
      'SHOP-SPECIAL（门店自有商品）',
    );
    // Water: 48 − 2 at one store, 24 − 2 at the other, 68 in all.
    const water = table.locator('tr', { hasText: 'DRK-0001' });
    await expectText(water, '46', '22', '68');
    await expectText(page.getByTestId('stock-cell-SNK-0001-1'), '2', '低');
    await expectText(page.getByTestId('stock-cell-PLT-0001-1'), '10', '估清');
    await expectText(page.getByTestId('stock-matched'), '4 个商品');
    await section.scrollIntoViewIfNeeded();
    await expectNoBrokenWords(page, 'stock across stores (zh, 1366)');
    await shoot(page, 'franchise-stock-zh-1366');

    await section.getByText('低库存', { exact: true }).click();
    await expectText(page.getByTestId('stock-matched'), '1 个商品');
    await expectText(table, '乐事原味薯片 70g');
    await section.getByText('估清', { exact: true }).click();
    await expectText(table, '平台新品 冷萃咖啡');
    await section.getByText('全部商品', { exact: true }).click();
    await page.getByTestId('stock-search').locator('input').fill('薯片');
    await page.getByTestId('stock-search').locator('input').press('Enter');
    await expectText(page.getByTestId('stock-matched'), '1 个商品');

    // A store's figure opens its ledger: who, on which till, and when.
    await page.getByTestId('stock-cell-SNK-0001-1').click();
    const history = page.getByTestId('store-movements');
    await expectText(
      history,
      '库存流水：徐家汇店 · 乐事原味薯片 70g',
      '报损',
      '破损',
      '张店长',
      '徐家汇 1 号机',
      '到货',
    );
    await shoot(page, 'franchise-stock-history-zh-1366');
    // Between two of the store's days: none before 2020; a span backwards refused in words.
    await page.getByTestId('store-movements-lastDay').fill('2020-01-01');
    await expectText(history, '该商品在本门店还没有库存变动。');
    await page.getByTestId('store-movements-firstDay').fill('2020-01-02');
    await expect.poll(() => history.locator('.ant-alert-error').count()).toBe(1);
    await page.getByTestId('store-movements-firstDay').fill('');
    await page.getByTestId('store-movements-lastDay').fill('');
    await expectText(history, '破损', '到货');
    await history.getByRole('button', { name: 'Close' }).or(history.locator('.ant-drawer-close')).first().click();

    // The owner raises the level for every store.
    await page.getByTestId('low-at-edit').first().click();
    await page.getByTestId('low-at-input').fill('25');
    await page.getByTestId('low-at-input').press('Enter');
    await expectText(page.getByTestId('stock-cell-SNK-0001-0'), '19', '低');

    await page.getByTestId('stock-search').locator('input').fill('');
    await page.getByTestId('stock-search').locator('input').press('Enter');
    await expectText(page.getByTestId('stock-matched'), '4 个商品');
    const csv = await download(page, 'franchise-stock-export');
    expect(csv.name).toBe('各门店库存.csv');
    const [header, ...rows] = parseCsv(readFileSync(csv.path, 'utf8')).map((row) => row.fields);
    expect(header).toEqual([
      'SKU',
      '名称',
      '单位',
      '低库存提醒值',
      '人民广场店',
      '人民广场店：状态',
      '徐家汇店',
      '徐家汇店：状态',
      '合计',
    ]);
    expect(rows.find((row) => row[0] === 'SNK-0001')).toEqual([
      'SNK-0001',
      '乐事原味薯片 70g',
      '件',
      '25',
      '19',
      '低',
      '2',
      '低',
      '21',
    ]);
    expect(rows.find((row) => row[0] === 'SHOP-SPECIAL')?.slice(4, 9)).toEqual(['5', '', '', '未经营', '5']);
    const xlsx = await download(page, 'franchise-stock-export-xlsx');
    expect(xlsx.name).toBe('各门店库存.xlsx');

    await printAsPaper(page, 'stock-print');
    await expectText(page.getByTestId('stock-printout'), '鲜果连锁 · 各门店库存', '徐家汇店：状态', '估清');
    await shoot(page, 'franchise-stock-print');
    await backFromPaper(page);

    await page.setViewportSize({ width: 1024, height: 768 });
    await section.scrollIntoViewIfNeeded();
    await expectNoBrokenWords(page, 'stock across stores (zh, 1024)');
    await shoot(page, 'franchise-stock-zh-1024');

    await page.getByTestId('language-switch').getByText('English').click();
    await expectText(page.getByTestId('head-office'), 'Stock across stores');
    await expectText(table, 'Nongfu Spring Natural Water 550ml', 'Total', "SHOP-SPECIAL (a store's own product)");
    await expectText(page.getByTestId('stock-cell-PLT-0001-1'), 'Sold out');
    await section.scrollIntoViewIfNeeded();
    await expectNoBrokenWords(page, 'stock across stores (en, 1024)');
    await shoot(page, 'franchise-stock-en-1024');
    await page.getByTestId('stock-cell-DRK-0001-0').click();
    await expectText(page.getByTestId('store-movements'), 'Sale', '王芳', '1-0001', 'Received');
    await shoot(page, 'franchise-stock-history-en-1024');
    await page.locator('.ant-drawer-close').first().click();
    await page.setViewportSize({ width: 1366, height: 768 });
    await section.scrollIntoViewIfNeeded();
    await shoot(page, 'franchise-stock-en-1366');
    expect(pageErrors(page)).toEqual([]);
  });
});
