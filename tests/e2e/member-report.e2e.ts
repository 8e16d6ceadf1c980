import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../electron/core/db/open-database';
import type { Product } from '../../shared/contract/catalog';
import type { SyncStatus } from '../../shared/contract/sync';
import { parseCsv } from '../../shared/csv';
import { uuidv7 } from '../../shared/ids';
import type { MemberAdminView } from '../../shared/members/member-wire';
import { type Caller, expectOk } from '../support/callers';
import { lineFor } from '../support/till';
import { expectText, navItem, signIn } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { expectNoBrokenWords } from './support/layout-checks';
import { otherStation } from './support/other-station';
import { useHostAndBrowser } from './support/session';

type Admin = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** The demo store's platform, as its data folder names it (members.e2e.ts reads it the same way). */
function demoPlatform(dataDir: string): { admin: Admin; storeId: string } {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  const pairing = JSON.parse(
    db.prepare("SELECT value FROM meta WHERE key = 'sync.pairing'").pluck().get() as string,
  ) as {
    platformUrl: string;
    storeId: string;
  };
  db.close();
  const token = readFileSync(join(dataDir, 'demo-platform', 'admin-token'), 'utf8').trim();
  const admin: Admin = async (method, path, body) => {
    const response = await fetch(`${pairing.platformUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as never;
  };
  return { admin, storeId: pairing.storeId };
}

/** Three members' sales and two without a member, rung up at another station and sent to the platform. */
async function memberSales(call: Caller, token: string, admin: Admin): Promise<void> {
  const { product: water } = expectOk<{ product: Product }>(
    await call({ method: 'catalog.findByBarcode', input: { barcode: '6921168478354' }, sessionToken: token }),
  );
  const sales: [string | null, number][] = [
    ['13800001111', 3],
    ['13800001111', 1],
    ['13800001111', 2],
    ['13800002222', 5],
    ['13800003333', 1],
    ['13800003333', 1],
    [null, 2],
    [null, 4],
  ];
  const ids = new Map<string, string>();
  for (const phone of new Set(sales.map(([p]) => p))) {
    if (!phone) continue;
    const { member } = await admin<{ member: MemberAdminView }>('POST', '/v1/admin/members', { phone, consent: true });
    expectOk(await call({ method: 'members.lookup', input: { phone }, sessionToken: token }));
    ids.set(phone, member.id);
  }
  for (const [phone, count] of sales) {
    const memberId = phone ? ids.get(phone) : undefined;
    expectOk(
      await call({
        method: 'orders.commit',
        input: {
          id: uuidv7(),
          cart: { lines: [lineFor(water, { kind: 'count', count })], ...(memberId ? { memberId } : {}) },
          tenders: [{ method: 'card', amount: water.price * count, reference: 'E2E' }],
        },
        sessionToken: token,
      }),
    );
  }
  await expect
    .poll(
      async () => expectOk<SyncStatus>(await call({ method: 'sync.status', input: {}, sessionToken: token })).unsent,
      { timeout: 30_000 },
    )
    .toBe(0);
}

async function openMembersTab(page: Page, reports: string, tab: string): Promise<void> {
  await navItem(page, reports).click();
  await page.getByRole('tab', { name: tab }).click();
}

describe('a manager reads the store’s members from the platform', () => {
  // No pretend customer orders during the test: the figures are the test's own sales.
  const running = useHostAndBrowser({
    demo: true,
    env: { COUNTER_DEMO_FIRST_ORDER_MS: '3600000', COUNTER_DEMO_ORDER_EVERY_MS: '3600000' },
  });

  it('shows the grid, new and returning, repeat rate, cohorts and share of sales, exports them, in both languages', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN', { width: 1366, height: 768 });
    await signIn(page, '李明', '2222');
    await expect.poll(() => page.getByTestId('status-sync').innerText(), { timeout: 60_000 }).toContain('在线');
    const { admin, storeId } = demoPlatform(running.host.dataDir);
    const station = await otherStation(running.host.url, 'cashier');
    // Points at 1 a yuan, 3 points paying 2 fen: the liability's value does not come out whole.
    await admin('PUT', `/v1/admin/stores/${storeId}/points-rules`, {
      earnPerYuan: 1,
      redemption: { kind: 'on', blockPoints: 3, blockFen: 2, minPoints: 3, maxPoints: 3_000, maxShareBp: 5_000 },
      offlineCap: 300,
    });
    await memberSales(station.call, station.token, admin);
    await admin('PUT', `/v1/admin/stores/${storeId}/segments`, { storeType: 'cafe' });
    await admin('POST', '/v1/admin/members/score', {});

    await openMembersTab(page, '报表', '会员');
    const figures = page.getByTestId('member-figures');
    // Three members bought, all new this month; two of the three twice or more.
    await expectText(page.getByTestId('member-count'), '3');
    await expectText(page.getByTestId('member-new-returning'), '3 / 0');
    await expectText(page.getByTestId('member-repeat-rate'), '66.7%', '3 位会员中 2 位');
    await expectText(page.getByTestId('member-report-source'), '来自平台');
    await expectText(page.getByTestId('member-grid-card'), '高价值', '活跃 · 人数', '30 / 90 / 180 天，咖啡店');
    await expectText(page.getByTestId('member-cohorts'), '首次消费月份', 'M1');
    await expectText(figures, '会员销售占比');
    await expectNoBrokenWords(page, 'members tab (zh, 1366)');
    await shoot(page, 'member-report-zh-1366');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('member-grid-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^会员-价值 × 活跃度-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv(readFileSync((await download.path()) as string, 'utf8')).map((r) => r.fields);
    expect(header.slice(0, 3)).toEqual(['价值分群', '活跃 · 人数', '活跃 · 消费额']);
    // Every member who bought is in one cell of the grid: today's buyers are all active.
    const active = rows.reduce((sum, row) => sum + Number(row[1]), 0);
    expect(active).toBe(3);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('member-cohorts-export-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    // The points liability: the brand's points per day, adding up, exported; then at this store's value.
    const liability = page.getByTestId('points-liability-card');
    await liability.scrollIntoViewIfNeeded();
    await expectText(liability, '积分负债', '期初', '获得', '期末', '3 积分 = ');
    await expectText(page.getByTestId('points-here-card'), '本店销售带来的积分变动');
    await shoot(page, 'points-liability-zh-1366');
    const [liabilityCsv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('points-liability-export').click(),
    ]);
    expect(liabilityCsv.suggestedFilename()).toMatch(/^积分负债-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const [days, ...dayRows] = parseCsv(readFileSync((await liabilityCsv.path()) as string, 'utf8')).map(
      (r) => r.fields,
    );
    expect(days).toEqual(['营业日', '期初', '获得', '使用', '退款冲回', '过期', '调整', '损失', '期末']);
    for (const row of dayRows) {
      const [opening, ...moves] = row.slice(1, 8).map(Number);
      expect(opening + moves.reduce((a, b) => a + b, 0)).toBe(Number(row[8]));
    }
    expect(dayRows.reduce((sum, row) => sum + Number(row[2]), 0)).toBeGreaterThan(0);
    await page.getByTestId('points-liability-unit').getByText('金额').click();
    await expectText(liability, '尾差');
    await expectNoBrokenWords(page, 'points liability (zh, 1366)');
    await shoot(page, 'points-liability-value-zh-1366');

    await page.setViewportSize({ width: 1024, height: 768 });
    await expectNoBrokenWords(page, 'members tab (zh, 1024)');
    await shoot(page, 'member-report-zh-1024');
    await liability.scrollIntoViewIfNeeded();
    await shoot(page, 'points-liability-value-zh-1024');

    await page.getByTestId('language-switch').getByText('English').click();
    await expectText(page.getByTestId('member-repeat-rate'), 'Repeat-purchase rate', '2 of 3 members');
    await expectText(
      page.getByTestId('member-grid-card'),
      'High value',
      'Active · members',
      '30 / 90 / 180 days, café',
    );
    await expectNoBrokenWords(page, 'members tab (en, 1024)');
    await expectText(liability, 'Points liability', 'Rounding', 'Valued at this store');
    await liability.scrollIntoViewIfNeeded();
    await shoot(page, 'points-liability-en-1024');
    await page.getByTestId('member-figures').scrollIntoViewIfNeeded();
    await shoot(page, 'member-report-en-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shoot(page, 'member-report-en-1366');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('a manager of a store with no platform', () => {
  const running = useHostAndBrowser();

  it('reads that member figures need the platform, in both languages', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN', { width: 1024, height: 768 });
    await page.getByRole('button', { name: '体验演示门店' }).click();
    await signIn(page, '李明', '2222');
    await openMembersTab(page, '报表', '会员');
    await expectText(
      page.getByTestId('member-report-unavailable'),
      '会员数据需要连接平台',
      '未绑定平台',
      '此前未获取过',
    );
    await expectText(page.getByTestId('points-liability-unavailable'), '积分负债需要连接平台', '未绑定平台');
    await shoot(page, 'member-report-unpaired-zh-1024');
    await page.getByTestId('language-switch').getByText('English').click();
    await expectText(
      page.getByTestId('member-report-unavailable'),
      'Member figures need the platform',
      'not paired with a platform',
      'has not fetched member figures',
    );
    await expectText(
      page.getByTestId('points-liability-unavailable'),
      'The points liability needs the platform',
      'has not fetched the points liability',
    );
    await page.setViewportSize({ width: 1366, height: 768 });
    await shoot(page, 'member-report-unpaired-en-1366');
    expect(pageErrors(page)).toEqual([]);
  });
});
