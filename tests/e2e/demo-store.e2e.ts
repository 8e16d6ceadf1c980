import { describe, expect, it } from 'vitest';
import { expectText, focusedTestId, navItem } from './support/app';
import { openPage, pageErrors, shoot } from './support/browser';
import { useHostAndBrowser } from './support/session';

describe('a cashier in the demo store', () => {
  const running = useHostAndBrowser();

  it('starts the demo, signs in, finds products, needs a manager to open the drawer, signs out', async () => {
    const page = await openPage(running.browser, running.host.url, 'zh-CN');

    await page.getByRole('button', { name: '体验演示门店' }).click();
    await expectText(page.locator('body'), '谁要登录？');
    for (const [name, pin] of [
      ['王芳', '8888'],
      ['李明', '2222'],
      ['张伟', '1111'],
      ['陈静', '3333'],
    ]) {
      await expectText(page.getByTestId(`staff-tile-${name}`), name, `演示 PIN ${pin}`);
    }
    await shoot(page, 'sign-in');

    await page.getByTestId('staff-tile-张伟').click();
    await page.keyboard.type('9999');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('sign-in-pin-pad'), 'PIN 错误。还可再试 4 次，之后将锁定 5 分钟。');

    // The second try on the touch keys instead of the keyboard.
    const pad = page.getByTestId('sign-in-pin-pad');
    for (const digit of '1111') await pad.getByRole('button', { name: digit, exact: true }).click();
    await pad.getByRole('button', { name: '确认' }).click();
    await expectText(page.getByTestId('status-staff'), '张伟', '收银员');
    // "Try the demo store" also starts the demo platform beside the till and pairs with it.
    await expect.poll(() => page.getByTestId('status-sync').innerText(), { timeout: 30_000 }).toContain('在线');
    expect(await focusedTestId(page)).toBe('scan-field');

    await page.keyboard.type('牛奶');
    await expectText(page.getByTestId('result-row').first(), '牛奶');
    await expectText(page.locator('.results-list'), '蒙牛纯牛奶 250ml', 'Mengniu Whole Milk 250ml', '¥3.50');
    // The list first shows the whole catalog; wait until it holds only what was typed.
    const onlyMilk = async () => {
      const names = await page.locator('.result-name').allInnerTexts();
      return names.length >= 5 && names.every((name) => name.includes('牛奶'));
    };
    await expect.poll(onlyMilk, { timeout: 10_000 }).toBe(true);
    await shoot(page, 'checkout-search');

    await page.keyboard.press('Escape');
    await page.keyboard.type('6921168478354');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('scanned-panel'), '农夫山泉饮用天然水 550ml', '¥2.00', 'DRK-0001');
    expect(await page.getByTestId('scan-field').inputValue()).toBe('');
    await shoot(page, 'checkout-scanned');

    await page.keyboard.type('6900000000017');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('scanned-panel'), '没有条码为 6900000000017 的商品');

    // A tap on a category tile narrows the list and hands focus straight back to the scan field.
    await page.locator('.category-tile', { hasText: '乳品蛋类' }).click();
    await expectText(page.locator('.results-list'), '蒙牛纯牛奶 250ml');
    await expect.poll(() => focusedTestId(page)).toBe('scan-field');

    await navItem(page, '商品').click();
    const newProduct = page.getByTestId('new-product');
    await newProduct.waitFor();
    expect(await newProduct.isDisabled()).toBe(true);
    await newProduct.locator('xpath=..').hover();
    await expectText(page.getByRole('tooltip'), '需由店长或店主操作');
    await shoot(page, 'catalog-cashier');
    // The disabled button is a courtesy; the core refuses the same call from this page on its own.
    const refused = await page.evaluate(async () => {
      const response = await fetch('/api/catalog.saveCategory', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-counter-token': sessionStorage.getItem('counter.hostToken') ?? '',
        },
        body: JSON.stringify({
          input: { nameZh: '收银员不能建', nameEn: 'Not by a cashier' },
          sessionToken: sessionStorage.getItem('counter.sessionToken'),
          locale: 'zh-CN',
        }),
      });
      return response.json();
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: '收银员无权编辑商品和价格。' } });

    await navItem(page, '收银').click();
    await page.getByTestId('no-sale-button').click();
    await page.getByRole('button', { name: '为顾客换零钱' }).click();
    await page.getByRole('button', { name: '打开钱箱' }).click();
    const approval = page.getByRole('dialog', { name: '店长授权' });
    await expectText(approval, '无交易开钱箱需要店长授权。', 'PIN 仅授权此项操作一次，2 分钟内有效。');
    await approval.getByTestId('staff-tile-李明').click();
    await page.keyboard.type('0000');
    await page.keyboard.press('Enter');
    // A wrong approving PIN counts against the cashier who asked, not the manager's own sign-in.
    await expectText(approval, '授权 PIN 错误', '还可再试 4 次，之后张伟将有 5 分钟无法申请授权。');
    await shoot(page, 'approval-wrong-pin');
    await page.keyboard.type('2222');
    await page.keyboard.press('Enter');
    await approval.waitFor({ state: 'hidden' });
    await expectText(page.getByTestId('no-sale-outcome'), '钱箱已打开', '由 李明 授权');
    await expect.poll(() => focusedTestId(page)).toBe('scan-field');
    await shoot(page, 'no-sale-approved');

    await page.getByTestId('sign-out-button').click();
    await expectText(page.locator('body'), '谁要登录？');
    expect(pageErrors(page)).toEqual([]);
  });
});
