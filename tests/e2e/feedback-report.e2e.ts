import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { feedbackLinkFor } from '../../electron/core/feedback/feedback-link';
import { deviceKeyFromPkcs8 } from '../../electron/core/sync/request-signing';
import { parseCsv } from '../../shared/csv';
import { Visitor } from '../platform/support/feedback-visitor';
import { expectText, navItem, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { useHostAndBrowser } from './support/session';

/**
 * The rating-page link the demo till prints on its newest sale's receipt: its pairing and key as
 * its data folder holds them (the test reads them as the till itself would, read-only).
 */
function newestReceiptLink(dataDir: string): { link: string; number: string } {
  const db = new Database(join(dataDir, 'counter.db'), { readonly: true });
  try {
    const pairing = JSON.parse(
      db.prepare("SELECT value FROM meta WHERE key = 'sync.pairing'").pluck().get() as string,
    ) as { platformUrl: string; deviceId: string };
    const order = db.prepare('SELECT id, number FROM orders ORDER BY paid_at DESC LIMIT 1').get() as {
      id: string;
      number: string;
    };
    const key = deviceKeyFromPkcs8(readFileSync(join(dataDir, 'device-key.der')));
    const link = feedbackLinkFor({ baseUrl: pairing.platformUrl, deviceId: pairing.deviceId, key }, order.id);
    if (!link) throw new Error('the demo till is paired');
    return { link, number: order.number };
  } finally {
    db.close();
  }
}

describe('a manager hears the customers', () => {
  const running = useHostAndBrowser({ demo: true });

  it('shows NPS, its distribution and a detractor from the receipt’s page, marks it followed up, and exports it', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN', { width: 1366, height: 768 });
    await signIn(page, '李明', '2222');
    await expect.poll(() => page.getByTestId('status-sync').innerText(), { timeout: 30_000 }).toContain('在线');

    const { link, number } = newestReceiptLink(running.host.dataDir);
    const sent = await new Visitor({ 'accept-language': 'zh-CN' }).answer(link, { score: '2', comment: '找错了零钱' });
    expect(sent.status).toBe(303);

    await navItem(page, '报表').click();
    await page.getByRole('tab', { name: '顾客评价' }).click();
    await page.getByTestId('report-period-kind').getByText('月', { exact: true }).click();
    await expect.poll(() => page.getByTestId('feedback-answers-value').innerText(), { timeout: 30_000 }).toBe('1');
    expect(await page.getByTestId('feedback-nps-value').innerText()).toBe('−100');
    await expectText(page.getByTestId('feedback-few'), '评价不足 30 条');
    const detractors = page.getByTestId('feedback-detractors');
    await expectText(detractors, '找错了零钱', '2');
    await shoot(page, 'feedback-report');

    await detractors.getByTestId('feedback-follow-up').click();
    await page.getByTestId('follow-up-note').fill('已电话致歉并退还差额');
    await page.getByTestId('follow-up-confirm').click();
    await expectText(detractors.getByTestId('feedback-followed-up'), '已跟进', '李明');

    // The row opens its receipt: the sale was made at this till.
    await detractors.getByTestId('feedback-detractors-row').first().click();
    await expectText(page.locator('.ant-drawer'), number);
    await page.keyboard.press('Escape');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('feedback-detractors-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^顾客评价-待跟进的贬损者-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, row] = parseCsv(readFileSync((await download.path()) as string, 'utf8')).map((r) => r.fields);
    expect(header).toEqual(['评价时间', '分数', '留言', '订单 · 收银台', '渠道', '收银员', '跟进']);
    expect(row.slice(1, 3)).toEqual(['2', '找错了零钱']);
    expect(row[6]).toContain('已电话致歉并退还差额');
    expect(pageErrors(page)).toEqual([]);
  });
});
