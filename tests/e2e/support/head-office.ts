import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { brandWithOwner } from '../../platform/support/franchise';
import { sampleCatalog, startTestPlatform } from '../../support/platform-admin';

/** From the first screen of an install with no store: the head-office console, signed in as the owner (in Chinese). */
export async function openHeadOfficeConsole(page: Page, platformUrl: string, login: string, password: string) {
  await page.getByTestId('open-head-office').click();
  await page.getByLabel('平台地址').fill(platformUrl);
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** A table's export, clicked and saved: its suggested name and where the file is. */
export async function download(page: Page, testId: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), path: (await file.path()) as string };
}

/** The print dialog stubbed, the printout asked for, and the page shown as paper. */
export async function printAsPaper(page: Page, button: string) {
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByTestId(button).click();
  await page.waitForFunction(() => document.body.getAttribute('data-printed') === 'yes');
  await page.emulateMedia({ media: 'print' });
}

/** Back on screen once the printout is looked at. */
export async function backFromPaper(page: Page) {
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
}

export const OWNER_PASSWORD = 'the owner’s own password';

type Brand = { platform: Awaited<ReturnType<typeof startTestPlatform>>; login: string; ownerToken: string };

/**
 * A platform with the brand 鲜果连锁 and its two stores (人民广场店, 徐家汇店), the sample catalog, and
 * what `push` sends through each store's own till; closed after the file's tests.
 */
export function useTwoStoreBrand(push: (url: string, pairingCodes: string[]) => Promise<void>): Brand {
  const brand = {} as Brand;
  beforeAll(async () => {
    brand.platform = await startTestPlatform();
    const made = await brandWithOwner(
      brand.platform.url,
      brand.platform.adminToken,
      '鲜果连锁',
      ['人民广场店', '徐家汇店'],
      OWNER_PASSWORD,
    );
    brand.login = made.login;
    brand.ownerToken = made.session.token;
    await brand.platform.admin.putProducts(sampleCatalog());
    await push(
      brand.platform.url,
      made.stores.map((store) => store.pairingCode),
    );
  }, 120_000);
  afterAll(async () => {
    await brand.platform?.close();
  });
  return brand;
}
