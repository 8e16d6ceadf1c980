import { describe, expect, it } from 'vitest';
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
  it('ends a back-off wait on "Sync now" and wakes the sync, without skipping a later wait', async () => {
    const runtime = createSyncRuntime();
    let woken = 0;
    runtime.wake = () => {
      woken += 1;
    };
    const started = Date.now();
    const waiting = runtime.sleepUnlessRetried(60_000);
    runtime.retryNow();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(woken).toBe(1);
    // Pressed while nothing waits (the sync is busy trying): the next back-off still waits.
    runtime.retryNow();
    const next = Date.now();
    await runtime.sleepUnlessRetried(200);
    expect(Date.now() - next).toBeGreaterThanOrEqual(190);
  });
});
