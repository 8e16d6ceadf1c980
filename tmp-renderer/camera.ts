import { writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import { writeQrVideo } from '../tests/e2e/support/fake-camera';

const url = process.argv[2];
const out = 'tmp-renderer/shots';
const args = ['--no-sandbox', '--disable-gpu'];
async function signIn(page: Page) {
  await page.goto(url);
  await page.locator('[data-testid^="staff-tile-"]').filter({ hasText: /王芳|Fang Wang/ }).first().click();
  await page.keyboard.type('8888');
  await page.keyboard.press('Enter');
  await page.getByTestId('status-staff').waitFor();
  await page.waitForTimeout(800);
  await page.keyboard.press('Escape');
}
// 1. read the sample codes
let browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args });
let page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } })).newPage();
await signIn(page);
await page.keyboard.press('F2');
await page.getByTestId('open-sample-vouchers').click();
await page.getByTestId('sample-voucher').first().waitFor();
const codes: Record<string, string> = {};
for (const card of await page.getByTestId('sample-voucher').all()) {
  codes[(await card.getAttribute('data-type')) ?? ''] = (await card.getAttribute('data-code')) ?? '';
}
await browser.close();
writeQrVideo('tmp-renderer/qr.y4m', codes.percent_off);
writeFileSync('tmp-renderer/free.png', await QRCode.toBuffer(codes.free_item, { errorCorrectionLevel: 'M', width: 400 }));
// 2. the camera and the image
browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: [...args, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--use-file-for-fake-video-capture=tmp-renderer/qr.y4m'],
});
const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
await context.grantPermissions(['camera']);
page = await context.newPage();
page.on('pageerror', (e) => console.log('pageerror', e.message));
await signIn(page);
await page.locator('.ant-notification-notice-close').click().catch(() => undefined);
await page.keyboard.type('FRZ-0012', { delay: 2 });
await page.keyboard.press('Enter');
await page.waitForTimeout(800);
const started = Date.now();
await page.keyboard.press('F11');
await page.getByTestId('camera-modal').waitFor();
await page.waitForTimeout(150);
await page.screenshot({ path: `${out}/20-camera-modal.png` });
await page.getByTestId('coupon-row').first().waitFor({ timeout: 15_000 });
console.log('camera → coupon in', Date.now() - started, 'ms; modal open:', await page.getByTestId('camera-modal').isVisible());
await page.getByTestId('voucher-image-input').setInputFiles('tmp-renderer/free.png');
await page.waitForTimeout(2500);
console.log('rows', await page.getByTestId('coupon-row').count(), await page.getByTestId('scanned-panel').innerText());
await page.screenshot({ path: `${out}/21-camera-image.png` });
await page.keyboard.press('Alt+V');
await page.getByTestId('voucher-manual-input').waitFor();
await page.keyboard.type('0123 4567 89ab cdef 0123 4567');
await page.screenshot({ path: `${out}/22-manual.png` });
await page.keyboard.press('Enter');
await page.waitForTimeout(1500);
console.log('manual:', await page.getByTestId('scanned-panel').innerText());
await browser.close();
