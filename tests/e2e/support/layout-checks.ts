import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export type Box = { x: number; y: number; width: number; height: number };

/** The dialog or drawer on top: dialogs open over drawers, and a later one over an earlier one. */
export async function topOverlay(page: Page): Promise<Locator> {
  const modals = page.locator('.ant-modal-wrap:visible .ant-modal');
  return (await modals.count()) > 0 ? modals.last() : page.locator('.ant-drawer-content-wrapper:visible').last();
}

/** A box lies within the viewport, with a pixel of slack for sub-pixel rounding. */
export function withinViewport(page: Page, box: Box): boolean {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('the page has no viewport');
  return (
    box.x >= -1 && box.y >= -1 && box.x + box.width <= viewport.width + 1 && box.y + box.height <= viewport.height + 1
  );
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element has no box (not shown)');
  return box;
}

/**
 * The top dialog lies wholly on screen and its primary button (or the one given) is visible and
 * on screen too, without scrolling anything.
 */
export async function expectDialogFits(page: Page, name: string, primary?: Locator): Promise<void> {
  await page.locator('.ant-modal-wrap:visible .ant-modal, .ant-drawer-content-wrapper:visible').first().waitFor();
  const dialog = await topOverlay(page);
  // Dialogs open with a zoom animation: measure once it has settled.
  await expect.poll(() => dialog.evaluate((element) => element.getAnimations({ subtree: true }).length)).toBe(0);
  const button = primary ?? dialog.locator('.ant-modal-footer .ant-btn-primary').last();
  await button.waitFor({ state: 'visible' });
  // Polled: a dialog still zooming in is smaller than it will be.
  const problem = async () => {
    const box = await boxOf(dialog);
    const buttonBox = await boxOf(button);
    if (!withinViewport(page, box)) return `dialog ${JSON.stringify(box)} leaves the screen`;
    if (!withinViewport(page, buttonBox)) return 'its primary button is off screen';
    const inside = overlaps(box, buttonBox) && buttonBox.y + buttonBox.height <= box.y + box.height + 1;
    return inside ? null : `its primary button ${JSON.stringify(buttonBox)} is outside ${JSON.stringify(box)}`;
  };
  await expect.poll(problem, { message: name, timeout: 5_000 }).toBeNull();
}

/**
 * Words broken across lines: every word of Latin letters or digits on screen must sit on one line,
 * and so must a short Chinese label (up to four characters, alone in its element). Text that is
 * meant to break anywhere (codes, ids: `word-break: break-all`) is left out.
 */
export function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const lines = (range: Range) => {
      const tops = new Set<number>();
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
      return tops.size;
    };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || !text.trim() || parent.closest('[aria-hidden="true"], script, style')) continue;
      const style = getComputedStyle(parent);
      if (style.wordBreak === 'break-all' || style.visibility === 'hidden') continue;
      if (parent.getClientRects().length === 0) continue;
      const range = document.createRange();
      const shortLabel = /^[\u4e00-\u9fff]{2,4}$/.test(text.trim());
      const words = shortLabel ? [{ index: text.indexOf(text.trim()), word: text.trim() }] : [];
      for (const match of text.matchAll(/[A-Za-z0-9]{2,}/g)) words.push({ index: match.index ?? 0, word: match[0] });
      for (const { index, word } of words) {
        range.setStart(node, index);
        range.setEnd(node, index + word.length);
        if (lines(range) > 1) found.push(`"${word}" in <${parent.tagName.toLowerCase()} class="${parent.className}">`);
      }
    }
    return found;
  });
}

/** Fails on any word broken across lines once the screen has settled (its data and fonts loaded). */
export async function expectNoBrokenWords(page: Page, where: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await expect.poll(() => brokenWords(page), { message: where, timeout: 5_000 }).toEqual([]);
}

/** Boxes of the notices showing: antd messages and notifications. */
export async function noticeBoxes(page: Page): Promise<Box[]> {
  const notices = page.locator('.ant-message-notice:visible, .ant-notification-notice:visible');
  const boxes: Box[] = [];
  for (const notice of await notices.all()) {
    const box = await notice.boundingBox();
    if (box) boxes.push(box);
  }
  return boxes;
}

/** No notice lies over the given dialog or drawer. */
export async function expectNoNoticeOver(page: Page, overlay: Locator, where: string): Promise<void> {
  const box = await boxOf(overlay);
  for (const notice of await noticeBoxes(page)) {
    expect(overlaps(notice, box), `${where}: a notice ${JSON.stringify(notice)} covers ${JSON.stringify(box)}`).toBe(
      false,
    );
  }
}
