import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv';
import { uuidv7 } from '../../shared/ids';
import { addDays } from '../../shared/reports/periods';
import { seededRandom } from '../../shared/seeded-random';
import type { CartVoidedPayload, DrawerOpenedPayload } from '../../shared/sync/till-activity-sync';
import { Till } from '../platform/support/clients';
import { refundOf, sale, shiftOf } from '../platform/support/store-history';
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

/** This computer's date, as the console's period picker opens on it. */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Two stores' history through their own tills: this week and last, one store voiding and opening the drawer a lot. */
async function pushHistory(url: string, codes: string[]): Promise<void> {
  const random = seededRandom(7).next;
  const now = Date.now();
  for (const [store, code] of codes.entries()) {
    const till = await Till.pair(url, code, `Till ${store + 1}`);
    const records = [];
    const shift = shiftOf(today(), now - 10 * HOUR, now - 2 * HOUR, 80_000, 80_000 - (store === 1 ? 2_000 : 0));
    for (let i = 0; i < 30; i++) {
      const day = i % 3 === 0 ? addDays(today(), -7) : today();
      const order = sale(random, day, (['in_store', 'group_buy', 'online_pickup'] as const)[i % 3], now - 9 * HOUR);
      records.push(till.next('order.paid', order, order.order.id));
      if (i === 4) {
        const refund = refundOf(order, today(), store === 1 ? now - HOUR : now - 8 * HOUR);
        records.push(till.next('order.refunded', refund, refund.refund.id));
      }
    }
    records.push(till.next('shift.closed', shift, shift.shift.id));
    for (let i = 0; i < (store === 1 ? 6 : 1); i++) {
      const voided: CartVoidedPayload = {
        cartId: uuidv7(),
        at: now - 3 * HOUR,
        businessDay: today(),
        staffName: '王芳',
        approverName: '李经理',
        amount: 1_200,
        reason: '顾客离开',
      };
      records.push(till.next('cart.voided', voided, voided.cartId));
    }
    for (let i = 0; i < (store === 1 ? 4 : 0); i++) {
      const opened: DrawerOpenedPayload = {
        id: uuidv7(),
        at: now - 3 * HOUR,
        businessDay: today(),
        staffName: '王芳',
        approverName: null,
        reason: '换零钱',
      };
      records.push(till.next('drawer.opened', opened, opened.id));
    }
    await till.push(records);
  }
}

describe('a franchise owner compares two stores at the head-office console', () => {
  const running = useHostAndBrowser();
  const brand = useTwoStoreBrand(pushHistory);

  it('reads sales by store and channel and the loss-prevention table, exports and prints them, in both languages', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN', { width: 1366, height: 768 });
    await openHeadOfficeConsole(page, brand.platform.url, brand.login, OWNER_PASSWORD);
    const comparison = page.getByTestId('store-comparison');
    await expectText(page.getByTestId('head-office'), '门店对比');
    await expectText(comparison, '人民广场店', '徐家汇店', '全部渠道', '团购', '净销售额（对比期）');
    await expectText(page.getByTestId('compare-loss'), '作废挂单', '无交易开钱箱', '交班后退款', '连锁中位数');
    // 徐家汇店 voids six carts and opens the drawer four times against one void next door: it stands out.
    expect(await page.getByTestId('compare-loss').getByTestId('loss-flagged').count()).toBeGreaterThanOrEqual(2);
    await comparison.scrollIntoViewIfNeeded();
    await expectNoBrokenWords(page, 'store comparison (zh, 1366)');
    await shoot(page, 'store-comparison-zh-1366');

    const loss = await download(page, 'compare-loss-export');
    expect(loss.name).toMatch(/^防损_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv(readFileSync(loss.path, 'utf8')).map((row) => row.fields);
    expect(header).toEqual(['门店', '指标', '次数', '金额', '币种', '比率 (%)', '中位数比率 (%)', '异常']);
    expect(rows).toHaveLength(16);
    const voids = rows.find((row) => row[0] === '徐家汇店' && row[1] === '作废挂单');
    expect(voids?.[2]).toBe('6');
    expect(voids?.[7]).toBe('异常');
    const sales = await download(page, 'compare-sales-export-xlsx');
    expect(sales.name).toMatch(/^门店对比_.*\.xlsx$/);

    await printAsPaper(page, 'compare-print');
    const paper = page.getByTestId('compare-printout');
    await expectText(paper, '鲜果连锁 · 门店对比', '人民广场店', '徐家汇店', '作废挂单', '连锁中位数');
    await shoot(page, 'store-comparison-print');
    await backFromPaper(page);

    await page.setViewportSize({ width: 1024, height: 768 });
    await comparison.scrollIntoViewIfNeeded();
    await expectNoBrokenWords(page, 'store comparison (zh, 1024)');
    await shoot(page, 'store-comparison-zh-1024');

    await page.getByTestId('language-switch').getByText('English').click();
    await expectText(page.getByTestId('head-office'), 'Compare stores');
    await expectText(comparison, 'All channels', 'In store', 'Net (compared)');
    await expectText(page.getByTestId('compare-loss'), 'Voids', 'No-sale drawer openings', 'Franchise median');
    await comparison.scrollIntoViewIfNeeded();
    await expectNoBrokenWords(page, 'store comparison (en, 1024)');
    await shoot(page, 'store-comparison-en-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
    await comparison.scrollIntoViewIfNeeded();
    await shoot(page, 'store-comparison-en-1366');
    const english = await download(page, 'compare-loss-export');
    expect(english.name).toMatch(/^loss-prevention_.*\.csv$/);
    expect(pageErrors(page)).toEqual([]);
  });
});
