import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { databaseFileName } from '../../../electron/core/db/open-database';
import { focusedTestId, signIn } from './app';
import { launchBrowser, openPage } from './browser';
import { type RunningHost, startHost } from './host';

/**
 * The demo store with its own platform, for the member e2e tests: started with a shift open and the
 * till online, the platform's address and admin token read from the store's data folder.
 */
export type MemberStore = {
  host: RunningHost;
  /** The demo store's id on its platform, for the operator's calls about it. */
  storeId: string;
  /** The demo platform's address, for another store's till to pair with. */
  platformUrl: string;
  /** The operator's call to the demo platform, as the CLI makes it. */
  admin<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** A fresh browser on the checkout, signed in as the demo cashier. */
  till(locale: 'zh-CN' | 'en-US', viewport: { width: number; height: number }): Promise<Page>;
};

/** Types a code into the focused scan field as a wedge scanner would, Enter last. */
export async function wedge(page: Page, code: string): Promise<void> {
  await expect.poll(() => focusedTestId(page)).toBe('scan-field');
  await page.keyboard.type(code, { delay: 2 });
  await page.keyboard.press('Enter');
}

/**
 * On the demo store's first screen: signs in as the demo cashier, waits for the till to be online
 * with its platform, and opens a shift with ¥500. Playwright's own waits: vitest's expect.poll only
 * works inside a test, and this runs before them.
 */
export async function openShiftOnline(page: Page): Promise<void> {
  await page.getByTestId('staff-tile-张伟').click();
  await page.keyboard.type('1111');
  await page.keyboard.press('Enter');
  await page.getByTestId('status-sync').filter({ hasText: '在线' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('status-shift').click();
  const panel = page.getByTestId('shift-panel');
  await panel.getByTestId('shift-float-input').fill('500');
  await panel.getByTestId('shift-open-submit').click();
  await panel.getByTestId('current-shift').waitFor();
  await page.keyboard.press('Escape');
}

export async function startMemberStore(): Promise<MemberStore> {
  const host = await startHost({
    demo: true,
    env: { COUNTER_DEMO_FIRST_ORDER_MS: '3600000', COUNTER_DEMO_ORDER_EVERY_MS: '3600000' },
  });
  const browser = await launchBrowser();
  try {
    await openShiftOnline(await openPage(browser, host.url, 'zh-CN'));
  } finally {
    await browser.close();
  }
  const db = new Database(join(host.dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  const pairing = JSON.parse(
    db.prepare("SELECT value FROM meta WHERE key = 'sync.pairing'").pluck().get() as string,
  ) as {
    platformUrl: string;
    storeId: string;
  };
  db.close();
  const platform = {
    url: pairing.platformUrl,
    token: readFileSync(join(host.dataDir, 'demo-platform', 'admin-token'), 'utf8').trim(),
  };

  return {
    host,
    storeId: pairing.storeId,
    platformUrl: platform.url,
    async admin<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${platform.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${platform.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async till(locale, viewport) {
      const tillBrowser = await launchBrowser();
      const page = await openPage(tillBrowser, host.url, locale, viewport);
      await signIn(page, '张伟', '1111');
      return page;
    },
  };
}
