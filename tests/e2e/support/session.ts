import type { Browser } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';
import { launchBrowser } from './browser';
import { type RunningHost, startHost } from './host';

/** A fresh host on an empty data folder and a fresh Chromium for every test in the file. */
export function useHostAndBrowser(options: Parameters<typeof startHost>[0] = {}) {
  const running = {} as { host: RunningHost; browser: Browser };
  beforeEach(async () => {
    [running.host, running.browser] = await Promise.all([startHost(options), launchBrowser()]);
  });
  afterEach(async () => {
    await running.browser?.close();
    await running.host?.stop();
  });
  return running;
}
