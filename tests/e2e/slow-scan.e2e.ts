import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCart } from '../bench/support/scan-probe';
import { openTill } from '../bench/support/scan-till';
import { focusedTestId } from './support/app';
import { pageErrors } from './support/browser';
import { useHostAndBrowser } from './support/session';

/**
 * A scanner's keys as a busy computer delivers them: however late they come, every key reaches the
 * field. Each case only ever makes the gaps wider than the scanner rules allow, so a slower machine
 * cannot make these tests pass or fail by luck: they fail on a till that trusts the key timing alone.
 */
async function typeSlowly(page: Page, text: string, gapMs: number): Promise<void> {
  await expect.poll(() => focusedTestId(page)).toBe('scan-field');
  await page.keyboard.type(text, { delay: gapMs });
}

describe('a wedge scan the CPU slowed down', () => {
  const running = useHostAndBrowser({ demo: true, lang: 'zh_CN.UTF-8', env: { COUNTER_DEMO_PLATFORM: '0' } });

  it('still lands: keys 120 ms apart with Enter late, a scan stalled halfway, and one after typed letters', async () => {
    const page = await openTill(running.browser, running.host);

    // Every key slower than a person types, and Enter half a second after the last digit.
    await typeSlowly(page, '6921168478354', 120);
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await expect.poll(() => readCart(page)).toEqual([{ name: '农夫山泉饮用天然水 550ml', qty: 1 }]);

    // Four digits, a stall longer than the scanner rules forgive, then the rest in a quick burst.
    await typeSlowly(page, '6901', 4);
    await page.waitForTimeout(700);
    await page.keyboard.type('285014086', { delay: 4 });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => readCart(page))
      .toEqual([
        { name: '农夫山泉饮用天然水 550ml', qty: 1 },
        { name: '怡宝纯净水 555ml', qty: 1 },
      ]);

    // Letters typed (a search begun), then a scan that the page received in clumps: the code alone counts.
    await typeSlowly(page, 'ab', 150);
    await page.waitForTimeout(700);
    await typeSlowly(page, '69215', 4);
    await page.waitForTimeout(700);
    await page.keyboard.type('81036568', { delay: 4 });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => readCart(page))
      .toEqual([
        { name: '农夫山泉饮用天然水 550ml', qty: 1 },
        { name: '怡宝纯净水 555ml', qty: 1 },
        { name: '百岁山天然矿泉水 570ml', qty: 1 },
      ]);
    expect(await page.getByTestId('scan-field').inputValue()).toBe('');
    expect(pageErrors(page)).toEqual([]);
  });
});
