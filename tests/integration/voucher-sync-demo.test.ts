import { afterAll, describe, expect, it } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import { runDemoPlatform } from '../../electron/host/demo-platform';
import type { SyncStatus } from '../../shared/contract/sync';
import type { SampleVoucher, ScannedVoucher } from '../../shared/contract/vouchers';
import { expectOk } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { waitFor } from '../support/platform-admin';
import { tempDir } from '../support/temp-dir';

/**
 * Issue 5, deliverable 5: the demo store's own platform (a child process, as on a first launch)
 * gets one campaign of each type, and the till keeps a voucher of each to show and to scan. A
 * second launch on the same folder issues nothing new.
 */
const dataDir = tempDir();
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

function launch(): { core: CounterCore; demo: ReturnType<typeof runDemoPlatform> } {
  const core = openCounterCore({
    dataDir,
    sync: { backoff: { firstMs: 50, maxMs: 500 }, requestTimeoutMs: 5_000, waitSeconds: 2 },
  });
  const demo = runDemoPlatform(core, {
    dataDir,
    startAfterMs: 0,
    firstOrderAfterMs: 3_600_000,
    niceness: 0,
    log: () => {},
  });
  cleanup.push(async () => {
    await demo.stop();
    await core.close();
  });
  return { core, demo };
}

const samplesOf = (core: CounterCore, token: string) =>
  expectOk<{ vouchers: SampleVoucher[] }>(core.dispatch({ method: 'vouchers.samples', input: {}, sessionToken: token }))
    .vouchers;

describe('the demo store’s sample vouchers', () => {
  it('issues one voucher of each campaign type that scans at this till, once per demo store', async () => {
    const { core, demo } = launch();
    const caller = async (request: Parameters<CounterCore['dispatch']>[0]) => core.dispatch(request);
    const people = await createDemo(caller);
    const cashier = await signIn(caller, people.cashier);
    const samples = await waitFor(
      () => {
        const found = samplesOf(core, cashier);
        return found.length > 0 ? found : undefined;
      },
      90_000,
      'sample vouchers',
    );
    expect(samples.map((s) => s.type)).toEqual(['cash_off', 'percent_off', 'threshold_off', 'free_item', 'group_buy']);
    expect(samples.map((s) => s.value)).toEqual([500, 2_000, 1_000, 250, 2_290]);
    for (const sample of samples) {
      expect(sample.code).toMatch(/^CP1:/);
      expect(sample.expires * 1000).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    }

    const status = () =>
      expectOk<SyncStatus>(core.dispatch({ method: 'sync.status', input: {}, sessionToken: cashier }));
    await waitFor(() => status().link === 'online', 60_000, 'paired with the demo platform');
    const cash = samples[0];
    const judged = await waitFor(
      async () => {
        const envelope = await core.call({
          method: 'vouchers.check',
          input: { code: cash.code },
          sessionToken: cashier,
        });
        return envelope.ok ? (envelope.value as ScannedVoucher) : undefined;
      },
      30_000,
      'the ¥5 voucher judged',
    );
    expect(judged).toMatchObject({ value: 500, campaign: { type: 'cash_off', rules: { offlineAllowed: true } } });

    await demo.stop();
    await core.close();
    cleanup.length = 0;
    const again = launch();
    const token = await signIn(async (request) => again.core.dispatch(request), people.cashier);
    await waitFor(
      () =>
        expectOk<SyncStatus>(again.core.dispatch({ method: 'sync.status', input: {}, sessionToken: token })).link ===
        'online',
      60_000,
      'online after a restart',
    );
    // Long enough for a second issue to have come down the campaigns stream, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(samplesOf(again.core, token).map((s) => s.code)).toEqual(samples.map((s) => s.code));
    expect(again.core.environment.db.prepare('SELECT count(*) FROM campaigns').pluck().get()).toBe(5);
  }, 180_000);
});
