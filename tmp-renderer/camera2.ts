import { chromium } from 'playwright-core';
const url = process.argv[2];
for (const mode of ['fake', 'denied']) {
  const args = ['--no-sandbox', '--disable-gpu', ...(mode === 'fake' ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] : ['--use-fake-device-for-media-stream'])];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args });
  const context = await browser.newContext({ locale: mode === 'fake' ? 'en-US' : 'zh-CN', viewport: { width: 1366, height: 768 } });
  if (mode === 'fake') await context.grantPermissions(['camera']);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(url);
  await page.locator('[data-testid^="staff-tile-"]').filter({ hasText: /王芳|Fang Wang/ }).first().click();
  await page.keyboard.type('8888');
  await page.keyboard.press('Enter');
  await page.getByTestId('status-staff').waitFor();
  await page.waitForTimeout(800);
  await page.keyboard.press('Escape');
  await page.keyboard.press('F2');
  await page.waitForTimeout(300);
  await page.keyboard.press('F11');
  await page.getByTestId('camera-modal').waitFor();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `tmp-renderer/shots/23-camera-${mode}.png` });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(800);
  console.log(mode, 'modal visible after Esc:', await page.getByTestId('camera-modal').isVisible(), 'video tracks live:',
    await page.evaluate(() => document.querySelectorAll('video').length));
  await browser.close();
}
