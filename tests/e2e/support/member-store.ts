import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { databaseFileName } from '../../../electron/core/db/open-database';
import { type PlatformProcess, spawnPlatform } from '../../../electron/host/demo-platform';
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
  /** The platform goes away (its process ends, as a platform that is down): the till is offline. */
  stopPlatform(): Promise<void>;
  /** The platform is back on the same address and data: the till reconnects and pushes what waited. */
  startPlatform(): Promise<void>;
  /** Stops a platform the test started again, then the host (which removes the data folder). */
  close(): Promise<void>;
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

/** The host's own demo platform process: its child running demo-platform-child. */
function demoPlatformPid(hostPid: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (parent === hostPid && command.includes('demo-platform-child')) return Number(entry);
    } catch {
      // The process ended while it was read.
    }
  }
  return null;
}

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stopProcess(pid: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (running(pid)) {
    if (Date.now() > deadline) process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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

  // The platform as this test started it again after stopping the host's own.
  let restarted: PlatformProcess | null = null;
  // Stopped by the test and not started again yet (a failed test may leave it so for the next).
  let down = false;
  const stopRestarted = async () => {
    const child = restarted;
    restarted = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };

  return {
    host,
    storeId: pairing.storeId,
    async stopPlatform() {
      if (down) return;
      if (restarted) await stopRestarted();
      else {
        const pid = demoPlatformPid(host.pid);
        if (pid === null) throw new Error('the demo platform is not running');
        await stopProcess(pid);
      }
      down = true;
    },
    async startPlatform() {
      restarted = (await spawnPlatform(join(host.dataDir, 'demo-platform'))).process;
      down = false;
    },
    async close() {
      await stopRestarted();
      await host.stop();
    },
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
