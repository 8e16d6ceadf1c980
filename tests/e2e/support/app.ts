import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Waits until the locator's visible text contains every piece. */
export async function expectText(locator: Locator, ...pieces: string[]): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
  for (const piece of pieces) {
    await expect.poll(() => locator.first().innerText(), { timeout: 10_000 }).toContain(piece);
  }
}

/** The test id of the element that has keyboard focus, walking up from the focused element. */
export function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
}

export async function signIn(page: Page, name: string, pin: string): Promise<void> {
  await page.getByTestId(`staff-tile-${name}`).click();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await expectText(page.getByTestId('status-staff'), name);
}

export function navItem(page: Page, label: string): Locator {
  return page.getByTestId('nav-menu').getByRole('menuitem').filter({ hasText: label });
}
