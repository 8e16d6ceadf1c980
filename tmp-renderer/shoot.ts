import { chromium, type Page } from 'playwright-core';
import { writeQrVideo } from '../tests/e2e/support/fake-camera';
import { encodeVoucher, voucherBytes } from '../shared/vouchers/cp1';

const url = process.argv[2];
const out = 'tmp-renderer/shots';
const signed = voucherBytes({
  kid: 1, voucherId: '0123456789abcdef01234567', campaignId: 1, type: 'cash_off', value: 500,
  notBefore: 1_790_000_000, expires: 1_900_000_000, storeScope: 0, flags: 1, nonce: null,
});
const code = encodeVoucher(signed, new Uint8Array(64).fill(9));
writeQrVideo('tmp-renderer/qr.y4m', code);

async function shot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/${name}.png` });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    '--use-file-for-fake-video-capture=tmp-renderer/qr.y4m'],
});
const context = await browser.newContext({ locale: process.argv[3] ?? 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
await context.grantPermissions(['camera']);
const page = await context.newPage();
page.setDefaultTimeout(10_000);
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
await page.goto(url);
await page.locator('[data-testid^="staff-tile-"]').filter({ hasText: /王芳|Fang Wang/ }).first().click();
await page.keyboard.type('8888');
await page.keyboard.press('Enter');
await page.getByTestId('status-staff').waitFor();
await page.waitForTimeout(800);
const steps = process.argv[4] ?? 'all';
if (steps === 'all' || steps.includes('checkout')) {
  // open shift dialog may show; close it
  await shot(page, '01-checkout');
  await page.keyboard.press('Escape');
  await page.getByTestId('scan-field').click();
  await page.keyboard.type('6921168478354', { delay: 3 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  await page.keyboard.type(code, { delay: 2 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  await shot(page, '02-checkout-voucher');
  await page.getByTestId('voucher-camera-button').click();
  await page.waitForTimeout(3000);
  await shot(page, '03-camera');
  await page.getByTestId('voucher-manual-button').click().catch(() => undefined);
  await page.waitForTimeout(500);
  await shot(page, '04-manual');
  await page.keyboard.press('Escape');
}
if (steps === 'all' || steps.includes('redeem')) {
  await page.keyboard.press('F2');
  await page.waitForTimeout(500);
  await shot(page, '05-redeem');
  await page.keyboard.type(code, { delay: 1 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  await shot(page, '06-redeem-refused');
  await page.keyboard.press('Alt+Q');
  await page.waitForTimeout(1000);
  await shot(page, '07-samples');
}
if (steps === 'all' || steps.includes('reports')) {
  await page.keyboard.press('F5');
  await page.waitForTimeout(500);
  await page.getByRole('tab', { name: /Vouchers|券核销/ }).click();
  await page.waitForTimeout(1000);
  await shot(page, '08-report');
}
if (steps === 'all' || steps.includes('settings')) {
  await page.keyboard.press('F8');
  await page.waitForTimeout(500);
  await page.getByRole('tab', { name: /Camera|摄像头/ }).click();
  await page.waitForTimeout(1500);
  await page.getByTestId('camera-test').click();
  await page.waitForTimeout(3000);
  await shot(page, '09-settings-camera');
}
await browser.close();
