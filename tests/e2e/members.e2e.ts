import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberMessage } from '../../shared/members/member-wire';
import { expectText } from './support/app';
import { pageErrors, shoot } from './support/browser';
import { expectDialogFits, expectNoBrokenWords } from './support/layout-checks';
import { type MemberStore, startMemberStore, wedge } from './support/member-store';

/** Water ¥2.00 from the demo catalog. */
const water = '6921168478354';

/**
 * Members at the checkout in real Chromium against the demo store and its platform: enrol a
 * customer (the code read from the platform's message outbox, as the operator's `members
 * messages` shows it), find them again by phone, and by a member code scanned in the one scan field.
 */
describe('members at the checkout', () => {
  let store: MemberStore;
  const admin = <T>(method: string, path: string, body?: unknown) => store.admin<T>(method, path, body);
  const till = (locale: 'zh-CN' | 'en-US', viewport: { width: number; height: number }) => store.till(locale, viewport);

  beforeAll(async () => {
    store = await startMemberStore();
  }, 120_000);

  afterAll(async () => {
    await store?.host.stop();
  });

  let memberId = '';

  it('enrols a customer at the counter with the code sent to their phone, and pays with them on the sale', async () => {
    const page = await till('zh-CN', { width: 1366, height: 768 });
    await wedge(page, water);
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
    await page.keyboard.press('End');
    await page.getByTestId('member-enrol').click();
    await page.getByTestId('member-phone-input').fill('139 0000 2468');
    await page.getByTestId('member-name-input').fill('李女士');
    await page.getByTestId('member-consent').click();
    await expectDialogFits(page, 'enrol dialog (zh, 1366)');
    await shoot(page, 'member-enrol-zh-1366');
    await page.getByTestId('member-send-code').click();
    await page.getByTestId('member-code-input').waitFor();
    const { messages } = await admin<{ messages: MemberMessage[] }>('GET', '/v1/admin/member-messages');
    const code = /\d{6}/.exec(messages.find((m) => m.phone === '13900002468')?.text ?? '')?.[0] ?? '';
    await page.getByTestId('member-code-input').fill(code);
    await page.getByTestId('member-confirm').click();
    const card = page.getByTestId('member-card');
    await expectText(card, '139****2468', '李女士', '普通会员');
    await expectText(page.getByTestId('member-hint'), '新会员');
    await expectNoBrokenWords(page, 'member card (zh, 1366)');
    await shoot(page, 'member-card-zh-1366');

    await page.keyboard.press('F12');
    const payment = page.getByTestId('payment-dialog');
    await payment.waitFor();
    await payment.getByTestId('tender-amount').fill('2');
    await page.getByTestId('payment-confirm').click();
    await page.getByTestId('paid-panel').waitFor();
    await page.getByTestId('show-receipt').click();
    await expect
      .poll(() => page.getByTestId('receipt-preview').evaluate((frame) => (frame as HTMLIFrameElement).srcdoc))
      .toContain('139****2468');
    await shoot(page, 'member-receipt-zh-1366');
    await page.keyboard.press('Escape');
    const { members } = await admin<{ members: { id: string }[] }>('GET', '/v1/admin/members?phone=13900002468');
    memberId = members[0].id;
    expect(pageErrors(page)).toEqual([]);
    await page.context().browser()?.close();
  });

  it('finds the member again by phone and detaches them (English, 1024×768)', async () => {
    const page = await till('en-US', { width: 1024, height: 768 });
    await page.keyboard.press('End');
    await page.getByTestId('member-phone-input').fill('+86 139-0000-2468');
    await expectDialogFits(page, 'find dialog (en, 1024)');
    await shoot(page, 'member-find-en-1024');
    await page.getByTestId('member-find').click();
    await expectText(page.getByTestId('member-card'), '139****2468', 'Member');
    await expectNoBrokenWords(page, 'member card (en, 1024)');
    await shoot(page, 'member-card-en-1024');
    // A number nobody has: the dialog says so in the cashier's words.
    await page.getByTestId('member-detach').click();
    await page.getByTestId('member-open').click();
    await page.getByTestId('member-phone-input').fill('13700000000');
    await page.getByTestId('member-find').click();
    await expectText(page.getByTestId('member-error'), 'No member has this number');
    await shoot(page, 'member-unknown-en-1024');
    await page.keyboard.press('Escape');
    expect(pageErrors(page)).toEqual([]);
    await page.context().browser()?.close();
  });

  it('identifies the member from a member code scanned in the scan field', async () => {
    for (const [locale, viewport, name] of [
      ['en-US', { width: 1366, height: 768 }, 'en-1366'],
      ['zh-CN', { width: 1024, height: 768 }, 'zh-1024'],
    ] as const) {
      const page = await till(locale, viewport);
      const { code } = await admin<{ code: string }>('POST', `/v1/admin/members/${memberId}/code`, {});
      await wedge(page, code);
      await expectText(page.getByTestId('member-card'), '139****2468');
      await expectNoBrokenWords(page, `member card (${name})`);
      await shoot(page, `member-scanned-${name}`);
      // A code cut off mid-scan is refused with its reason (expired and replayed codes: tests/integration/members.test.ts).
      await wedge(page, code.slice(0, 60));
      await expectText(page.getByTestId('scanned-panel'), locale === 'en-US' ? 'damaged' : '损坏');
      expect(pageErrors(page)).toEqual([]);
      await page.getByTestId('member-detach').click();
      await page.context().browser()?.close();
    }
  });
});
