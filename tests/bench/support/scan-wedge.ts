import type { CDPSession, Page } from 'playwright-core';

/** Nominal gap between a wedge scanner's keys (a USB HID scanner types a 13-digit code in ~50 ms). */
export const keyGapMs = 4;

type Key = { key: string; code: string; keyCode: number; text: string };

/** Base45's symbols (a member code's QR, `MC1:`), on a US keyboard as a scanner emulates one. */
const symbolKeys: Record<string, { code: string; keyCode: number }> = {
  ' ': { code: 'Space', keyCode: 32 },
  $: { code: 'Digit4', keyCode: 52 },
  '%': { code: 'Digit5', keyCode: 53 },
  '*': { code: 'Digit8', keyCode: 56 },
  '+': { code: 'Equal', keyCode: 187 },
  '-': { code: 'Minus', keyCode: 189 },
  '.': { code: 'Period', keyCode: 190 },
  '/': { code: 'Slash', keyCode: 191 },
  ':': { code: 'Semicolon', keyCode: 186 },
};

function keyFor(char: string): Key {
  if (char === '\r') return { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' };
  if (/^\d$/.test(char)) return { key: char, code: `Digit${char}`, keyCode: char.charCodeAt(0), text: char };
  if (/^[A-Z]$/.test(char)) return { key: char, code: `Key${char}`, keyCode: char.charCodeAt(0), text: char };
  const symbol = symbolKeys[char];
  if (!symbol) throw new Error(`the wedge scanner types digits and Base45 only, not ${JSON.stringify(char)}`);
  return { key: char, ...symbol, text: char };
}

/** Resolves at about `due` on this process's performance.now() clock (Node's timers: within ~1 ms). */
async function until(due: number): Promise<void> {
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** How far behind the scanner's own clock keys were handed to Chromium, ms (this process's jitter). */
export type WedgeReport = { keyLateMs: number[]; enterLateMs: number[] };

/**
 * A keyboard-wedge scanner driven over the DevTools protocol, on its own clock: each key is handed
 * to Chromium at its time whether or not the page has handled the one before, so a busy page gets
 * its keys queued as the operating system would queue them, not slowed down to suit it (Playwright's
 * keyboard.type, like any awaited send, waits ~2 ms per key for the page's acknowledgement, which
 * would add up to tens of ms per code and charge them to the till). Chromium stamps each key when
 * it takes it, so lateness of this process shows as wider key gaps, never as till latency. Calls in
 * flight together can, rarely, arrive reordered; the probe reports a scan whose keys the page
 * received differently from what was sent.
 */
export class WedgeScanner {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<WedgeScanner> {
    return new WedgeScanner(await page.context().newCDPSession(page));
  }

  private press(key: Key): Promise<unknown>[] {
    const base = {
      key: key.key,
      code: key.code,
      windowsVirtualKeyCode: key.keyCode,
      nativeVirtualKeyCode: key.keyCode,
    };
    return [
      this.cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...base, text: key.text }),
      this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base }),
    ];
  }

  /**
   * Types `codes[k]` starting at `startAt + k * intervalMs` (this process's performance.now()), its
   * digits `keyGapMs` apart and Enter after the last; resolves when Chromium has taken every key.
   */
  async scanEach(codes: readonly string[], intervalMs: number, startAt = performance.now() + 20): Promise<WedgeReport> {
    const report: WedgeReport = { keyLateMs: [], enterLateMs: [] };
    const sent: Promise<unknown>[] = [];
    for (const [k, code] of codes.entries()) {
      for (const [i, char] of [...code, '\r'].entries()) {
        const due = startAt + k * intervalMs + i * keyGapMs;
        await until(due);
        const late = performance.now() - due;
        report.keyLateMs.push(late);
        if (char === '\r') report.enterLateMs.push(late);
        sent.push(...this.press(keyFor(char)));
      }
    }
    await Promise.all(sent);
    return report;
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}
