import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { databaseFileName } from '../../../electron/core/db/open-database';
import type { MemberAdminView } from '../../../shared/members/member-wire';
import { withinViewport } from './layout-checks';
import type { MemberStore } from './member-store';

/** Water ¥2.00 and chips ¥7.50 from the demo catalog. */
export const water = '6921168478354';
export const chips = '6924743138803';

/** One value read from the till's database, as a test looks behind the screen. */
export function tillValue(dataDir: string, sql: string, ...params: unknown[]): number {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  } finally {
    db.close();
  }
}

/** Finds a member by phone, as typed, in the member dialog (End). */
export async function findMember(page: Page, typed: string): Promise<void> {
  await page.keyboard.press('End');
  await page.getByTestId('member-phone-input').fill(typed);
  await page.getByTestId('member-find').click();
  await page.getByTestId('member-card').waitFor();
}

export async function payCash(page: Page, tendered: string): Promise<void> {
  await page.keyboard.press('F12');
  const payment = page.getByTestId('payment-dialog');
  await payment.waitFor();
  await payment.getByTestId('tender-amount').fill(tendered);
  await page.getByTestId('payment-confirm').click();
  await page.getByTestId('paid-panel').waitFor();
}

/** The paid panel with the member's points fits the screen whole: nothing in it scrolled out of sight. */
export async function expectPanelFits(page: Page, name: string, testIds: string[] = []): Promise<void> {
  for (const testId of ['paid-panel', 'paid-member', ...testIds, 'new-sale']) {
    const box = await page.getByTestId(testId).boundingBox();
    expect(box && withinViewport(page, box), `${testId} on screen (${name})`).toBe(true);
  }
  const hidden = await page.getByTestId('paid-panel').evaluate((panel) => panel.scrollHeight - panel.clientHeight);
  expect(hidden, `the paid panel hides ${hidden}px (${name})`).toBeLessThanOrEqual(1);
}

/**
 * The store's points rules as the operator sets them, and a member added on the platform; waits
 * until the rules have reached the till. Returns the member's id.
 */
export async function pointsMember(
  store: MemberStore,
  rules: unknown,
  member: { phone: string; name: string },
): Promise<string> {
  await store.admin('PUT', `/v1/admin/stores/${store.storeId}/points-rules`, rules);
  const added = await store.admin<{ member: MemberAdminView }>('POST', '/v1/admin/members', member);
  const deadline = Date.now() + 60_000;
  while (tillValue(store.host.dataDir, `SELECT count(*) FROM meta WHERE key = 'points_rules'`) === 0) {
    if (Date.now() > deadline) throw new Error('the points rules never reached the till');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return added.member.id;
}

/** The member's balance on the platform once nothing is held for them (-1 while something is). */
export async function settledBalance(store: MemberStore, memberId: string): Promise<number> {
  const figures = await store.admin<{ balance: number; held: number }>('GET', `/v1/admin/members/${memberId}/points`);
  return figures.held === 0 ? figures.balance : -1;
}
