import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { shotsDir } from './paths';

const chromiumPath = '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** `extraArgs`: e.g. `cameraArgs(video)`, a fake camera that shows one file for the browser's life. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is missing at ${chromiumPath}: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs, ...extraArgs] });
}

/** A webcam that shows the given Y4M video (see `writeQrVideo`), with the permission already granted. */
export function cameraArgs(videoPath: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${videoPath}`,
  ];
}

/** A page as a till in China sees it: a 1366×768 screen (unless given), Shanghai time and the given system language. */
export async function openPage(
  browser: Browser,
  url: string,
  locale: 'zh-CN' | 'en-US',
  viewport = { width: 1366, height: 768 },
): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'Asia/Shanghai', viewport });
  const page = await context.newPage();
  // A bound, not a pace: on a loaded CI machine a sale's answer has taken over 10 s (run 10), and a
  // step that waits longer than needed costs nothing when the app is quick.
  page.setDefaultTimeout(30_000);
  const problems: string[] = [];
  errors.set(page, problems);
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(url);
  return page;
}

const errors = new WeakMap<Page, string[]>();

/** Uncaught exceptions and console errors the page produced: a polished screen has none. */
export function pageErrors(page: Page): string[] {
  return errors.get(page) ?? [];
}

/** Screenshots for people to look at; not part of any assertion. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`) });
}
