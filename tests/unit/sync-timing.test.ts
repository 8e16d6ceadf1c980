import { describe, expect, it } from 'vitest';
import { freshHealth, linkState, noteContact, noteFailure, offlineAfterMs } from '../../electron/core/sync/link-health';
import { backoffDelay } from '../../electron/core/sync/sync-engine';
import { createSyncRuntime } from '../../electron/core/sync/sync-runtime';

describe('sync back-off', () => {
  const limits = { firstMs: 1_000, maxMs: 300_000 };

  it('doubles from a second up to five minutes, never below half a second', () => {
    const ceiling = (failures: number) => backoffDelay(failures, limits, () => 1);
    expect([1, 2, 3, 4].map(ceiling)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(ceiling(9)).toBe(256_000);
    expect(ceiling(10)).toBe(300_000);
    expect(ceiling(1_000)).toBe(300_000);
    expect(backoffDelay(12, limits, () => 0)).toBe(500);
  });

  it('spreads tills out: full jitter under the ceiling', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelay(6, limits));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...delays)).toBeLessThanOrEqual(32_000);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });
});

describe('sync runtime', () => {
  const stillWaiting = (wait: Promise<void>) =>
    Promise.race([wait.then(() => 'ended'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 50))]);

  it('ends a back-off wait on "Sync now" and wakes the sync', async () => {
    const runtime = createSyncRuntime();
    let woken = 0;
    runtime.wake = () => {
      woken += 1;
    };
    const waiting = runtime.sleepUnlessRetried(600_000);
    expect(await stillWaiting(waiting)).toBe('waiting');
    runtime.retryNow();
    await waiting;
    expect(woken).toBe(1);
    expect(runtime.takeRetryRequest()).toBe(true);
  });

  it('remembers "Sync now" pressed during an exchange: the back-off that follows is skipped, once', async () => {
    const runtime = createSyncRuntime();
    runtime.retryNow();
    // The exchange failed; the sync goes to wait and finds the press.
    await runtime.sleepUnlessRetried(600_000);
    expect(runtime.takeRetryRequest()).toBe(true);
    expect(runtime.takeRetryRequest()).toBe(false);
    const next = runtime.sleepUnlessRetried(600_000);
    expect(await stillWaiting(next)).toBe('waiting');
    runtime.retryNow();
    await next;
  });
});

describe('the link state the status bar shows', () => {
  const start = 1_000_000;

  it('is online once the platform answered and nothing failed since', () => {
    const health = freshHealth(start);
    expect(linkState(health, start)).toBe('retrying');
    noteContact(health, start + 100);
    expect(linkState(health, start + 10 * 60_000)).toBe('online');
  });

  it('says retrying after a failure or two, offline after the third in a row', () => {
    const health = freshHealth(start);
    noteContact(health, start);
    noteFailure(health);
    expect(linkState(health, start + 1_000)).toBe('retrying');
    noteFailure(health);
    expect(linkState(health, start + 2_000)).toBe('retrying');
    noteFailure(health);
    expect(linkState(health, start + 3_000)).toBe('offline');
    noteContact(health, start + 4_000);
    expect(linkState(health, start + 4_000)).toBe('online');
  });

  it('says offline when nothing has answered for 30 s after a failure, however few the tries', () => {
    const health = freshHealth(start);
    noteContact(health, start);
    noteFailure(health);
    expect(linkState(health, start + offlineAfterMs - 1)).toBe('retrying');
    expect(linkState(health, start + offlineAfterMs)).toBe('offline');
  });

  it('one request in five failing never makes it offline', () => {
    const health = freshHealth(start);
    const seen = new Set<string>();
    for (let request = 1; request <= 1_000; request += 1) {
      const now = start + request * 700;
      if (request % 5 === 0) noteFailure(health);
      else noteContact(health, now);
      seen.add(linkState(health, now));
    }
    expect([...seen].sort()).toEqual(['online', 'retrying']);
  });

  it('counts from the start (or the pairing) when the platform never answered', () => {
    const health = freshHealth(start);
    noteFailure(health);
    expect(linkState(health, start + 5_000)).toBe('retrying');
    expect(linkState(health, start + offlineAfterMs)).toBe('offline');
  });
});
