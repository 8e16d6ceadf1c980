import type { Browser } from 'playwright-core';
import { afterEach, beforeEach, type TestContext } from 'vitest';
import { launchBrowser, shoot } from './browser';
import { type RunningHost, startHost } from './host';

/** A fresh host on an empty data folder and a fresh Chromium for every test in the file. */
export function useHostAndBrowser(options: Parameters<typeof startHost>[0] = {}) {
  const running = {} as { host: RunningHost; browser: Browser };
  beforeEach(async () => {
    [running.host, running.browser] = await Promise.all([startHost(options), launchBrowser()]);
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && running.browser) await showFailure(running.browser, context);
    await running.browser?.close();
    await running.host?.stop();
  });
  return running;
}

/**
 * What the screen showed when a test failed: a screenshot for a local run, and the visible text in the
 * log, which is all a CI run keeps.
 */
async function showFailure(browser: Browser, context: TestContext): Promise<void> {
  const pages = browser.contexts().flatMap((browserContext) => browserContext.pages());
  for (const [index, page] of pages.entries()) {
    const name = `failed-${context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${index}`;
    try {
      await shoot(page, name);
      const text = await page.locator('body').innerText({ timeout: 5_000 });
      console.log(`── ${name} (${page.url()}), visible text:\n${text.slice(0, 3_000)}`);
    } catch (error) {
      console.log(`── ${name}: the page could not be read (${String(error)})`);
    }
  }
}
