import type { CDPSession, Page } from 'playwright-core';

/** Nominal gap between a wedge scanner's keys (a USB HID scanner types a 13-digit code in ~50 ms). */
export const keyGapMs = 4;

type Key = { key: string; code: string; keyCode: number; text: string };

function keyFor(char: string): Key {
  if (char === '\r') return { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' };
  if (!/^\d$/.test(char)) throw new Error(`the wedge scanner types digits only, not ${JSON.stringify(char)}`);
  return { key: char, code: `Digit${char}`, keyCode: char.charCodeAt(0), text: char };
}

/**
 * A keyboard-wedge scanner driven over the DevTools protocol, like a USB scanner on its own clock:
 * each key is sent at its scheduled time whether or not the page has handled the one before, so a
 * busy page gets its keys queued as the operating system would queue them, not slowed down to suit
 * it (Playwright's keyboard.type waits for each key's acknowledgement before the next).
 */
export class WedgeScanner {
  private readonly sent: Promise<unknown>[] = [];
  private readonly lateness: number[] = [];

  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<WedgeScanner> {
    return new WedgeScanner(await page.context().newCDPSession(page));
  }

  private send(key: Key): void {
    const base = {
      key: key.key,
      code: key.code,
      windowsVirtualKeyCode: key.keyCode,
      nativeVirtualKeyCode: key.keyCode,
    };
    this.sent.push(this.cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...base, text: key.text }));
    this.sent.push(this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base }));
  }

  /**
   * Schedules `codes[k]` to start at `startAt + k * intervalMs` (performance.now() of this process),
   * its keys `keyGapMs` apart and Enter after the last. Resolves once every key has been handed
   * over and acknowledged.
   */
  async scanEach(codes: readonly string[], intervalMs: number, startAt = performance.now() + 20): Promise<void> {
    const timers: Promise<void>[] = [];
    codes.forEach((code, k) => {
      [...code, '\r'].forEach((char, i) => {
        const due = startAt + k * intervalMs + i * keyGapMs;
        timers.push(
          new Promise((resolve) => {
            setTimeout(
              () => {
                this.lateness.push(performance.now() - due);
                this.send(keyFor(char));
                resolve();
              },
              Math.max(0, due - performance.now()),
            );
          }),
        );
      });
    });
    await Promise.all(timers);
    await Promise.all(this.sent);
    this.sent.length = 0;
  }

  /** How late the keys left this process against their schedule, ms: the driver's own jitter. */
  takeLateness(): number[] {
    return this.lateness.splice(0);
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}
