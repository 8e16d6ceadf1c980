import { chromium, type Page } from 'playwright-core';

const url = process.argv[2];
const out = 'tmp-renderer/shots';
async function shot(page: Page, name: string) {
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/${name}.png` });
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ locale: process.argv[3] ?? 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
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
await page.keyboard.press('Escape');
// open shift if needed
if ((await page.getByTestId('status-shift').innerText()).match(/No shift|未开班/)) {
  await page.getByTestId('status-shift').click();
  const panel = page.getByTestId('shift-panel');
  await panel.getByTestId('shift-float-input').fill('500');
  await panel.getByTestId('shift-open-submit').click();
  await panel.getByTestId('current-shift').waitFor();
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
}
await page.keyboard.press('F2');
await page.getByTestId('open-sample-vouchers').click();
await page.getByTestId('sample-voucher').first().waitFor();
const codes: Record<string, string> = {};
for (const card of await page.getByTestId('sample-voucher').all()) {
  codes[(await card.getAttribute('data-type')) ?? ''] = (await card.getAttribute('data-code')) ?? '';
}
console.log(Object.keys(codes));
await page.keyboard.press('F1');
await page.waitForTimeout(500);
await page.locator('.ant-notification-notice-close').click().catch(() => undefined);
const wedge = async (text: string) => {
  await page.keyboard.type(text, { delay: 2 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1200);
};
await wedge('FRZ-0001');
await wedge('6921168478354');
await wedge(codes.cash_off);
await shot(page, '10-coupon-added');
await wedge(codes.threshold_off);
await wedge(codes.cash_off);
await shot(page, '11-coupon-refused');
const rows = page.getByTestId('coupon-row');
console.log('coupon rows', await rows.count(), await page.getByTestId('scanned-panel').innerText());
await page.keyboard.press('F12');
await page.waitForTimeout(300);
console.log('after F12:', await page.getByTestId('scanned-panel').innerText());
await page.locator('[data-testid="coupon-row"][data-refused="true"]').getByTestId('coupon-remove').click();
await page.keyboard.press('F12');
await page.getByTestId('payment-dialog').waitFor();
await shot(page, '12-pay');
await page.keyboard.press('Enter');
await page.getByTestId('paid-panel').waitFor({ timeout: 15_000 }).catch(() => undefined);
await shot(page, '13-paid');
await page.keyboard.press('Escape');
await page.keyboard.press('F2');
await page.waitForTimeout(500);
if (await page.getByTestId('back-to-redeem').isVisible()) await page.getByTestId('back-to-redeem').click();
await page.getByTestId('redeem-code-field').click();
await wedge(codes.group_buy);
await shot(page, '14-redeem-card');
await page.keyboard.press('Enter');
await page.getByTestId('redeem-result').waitFor({ timeout: 15_000 }).catch(() => undefined);
await shot(page, '15-redeem-done');
await page.keyboard.press('Escape');
await wedge(codes.percent_off);
await shot(page, '16-redeem-coupon');
await wedge(codes.group_buy);
await shot(page, '17-redeem-again');
await page.keyboard.press('F5');
await page.waitForTimeout(500);
await page.getByRole('tab', { name: /Vouchers|券核销/ }).click();
await page.getByText(/^All$|^全部$/).click();
await page.waitForTimeout(1000);
await shot(page, '18-report-all');
await browser.close();
