import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import type { Product } from '../../shared/contract/catalog';
import type { SyncStatus } from '../../shared/contract/sync';
import { type Caller, expectOk } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { startFaultProxy } from '../support/fault-proxy';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { tempDir } from '../support/temp-dir';
import { lineFor, openShift, payByCard, productBySku } from '../support/till';

/**
 * What the status bar says about the link, against a real platform behind a proxy that cuts the
 * requests the test chooses: the conditions are set by the test, never left to timing.
 */
type Till = {
  core: CounterCore;
  proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  caller: Caller;
  cashier: string;
  water: Product;
  /** Every state the status bar was told about, in order (read at each `sync.changed`). */
  told: SyncStatus['link'][];
};

const cleanup: (() => Promise<void>)[] = [];
let platform: Awaited<ReturnType<typeof startTestPlatform>>;

beforeAll(async () => {
  platform = await startTestPlatform();
  cleanup.push(() => platform.close());
  await platform.admin.putProducts(sampleCatalog());
}, 60_000);

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** A till paired with its own store through its own proxy, online and with a shift open. */
async function startTill(backoff: { firstMs: number; maxMs: number }): Promise<Till> {
  const { pairingCode } = await platform.admin.createStore('同步状态店');
  const proxy = await startFaultProxy(() => platform.url, { seed: 12, faultRate: 0 });
  cleanup.push(() => proxy.close());
  const core = openCounterCore({
    dataDir: tempDir(),
    sync: { backoff, requestTimeoutMs: 10_000, waitSeconds: 1 },
  });
  cleanup.push(() => core.close());
  const caller: Caller = async (request) => core.dispatch(request);
  const people = await createDemo(caller);
  const owner = await signIn(caller, people.owner);
  const cashier = await signIn(caller, people.cashier);
  await openShift(caller, cashier);
  const told: SyncStatus['link'][] = [];
  const till = { core, proxy, caller, cashier, told } as Omit<Till, 'water'> as Till;
  core.subscribe((event) => {
    if (event.type === 'sync.changed') told.push(status(till).link);
  });
  expectOk(
    core.dispatch({ method: 'sync.pair', input: { platformUrl: proxy.url, code: pairingCode }, sessionToken: owner }),
  );
  await waitFor(() => status(till).link === 'online', 20_000, 'paired and online');
  till.water = await waitFor(() => productBySku(caller, cashier, 'DRK-0001').catch(() => undefined));
  return till;
}

const status = (till: Pick<Till, 'core' | 'cashier'>) =>
  expectOk<SyncStatus>(till.core.dispatch({ method: 'sync.status', input: {}, sessionToken: till.cashier }));
const sell = (till: Till) => payByCard(till.caller, till.cashier, [lineFor(till.water)], till.water.price);
/** A person pressing "Sync now" in the status bar's popover. */
const syncNow = (till: Till) =>
  expectOk(till.core.dispatch({ method: 'sync.retryNow', input: {}, sessionToken: till.cashier }));
const allSentAndOnline = (till: Till) => () => {
  const now = status(till);
  return now.unsent === 0 && now.link === 'online' ? now : undefined;
};

describe('"Sync now" while an exchange is out', () => {
  // Two minutes of back-off: a till that waits it out instead of syncing when asked fails by far.
  let w: Till;
  beforeAll(async () => {
    w = await startTill({ firstMs: 120_000, maxMs: 120_000 });
  }, 60_000);

  it('runs again right after an exchange that failed, instead of waiting out the back-off', async () => {
    const held = w.proxy.holdNext((path) => path.startsWith('/v1/sync/push'));
    await sell(w);
    const push = await waitFor(() => Promise.race([held, Promise.resolve(undefined)]), 20_000, 'the push out');
    syncNow(w);
    push.cut();
    // Without the press remembered, the till would now sleep at least a minute.
    await waitFor(allSentAndOnline(w), 20_000, 'the sale sent by the exchange right after');
    expect(w.told).toContain('retrying');
  });

  it('runs a full exchange right after one that succeeded', async () => {
    await waitFor(allSentAndOnline(w), 20_000, 'settled');
    const held = w.proxy.holdNext((path) => path.startsWith('/v1/sync/push'));
    await sell(w);
    const push = await held;
    // The voucher keys are pulled first in every full exchange and only then: nothing else asks.
    const fullPull = w.proxy.holdNext((path) => path.includes('stream=voucher_keys'));
    let pulledAll = false;
    void fullPull.then((pull) => {
      pulledAll = true;
      pull.pass();
    });
    syncNow(w);
    push.pass();
    await waitFor(() => pulledAll, 20_000, 'a full exchange right after the first');
    await waitFor(allSentAndOnline(w), 20_000, 'settled after the second exchange');
  });
});

describe('the link state under failure', () => {
  let w: Till;
  beforeAll(async () => {
    w = await startTill({ firstMs: 20, maxMs: 250 });
  }, 60_000);

  it('on a lossy link (one request in five cut) says retrying now and then, never offline, and sends everything', async () => {
    await waitFor(allSentAndOnline(w), 20_000, 'settled');
    const from = w.told.length;
    const sampled: SyncStatus['link'][] = [];
    w.proxy.setFailEvery(5);
    try {
      for (let sale = 0; sale < 15; sale += 1) {
        await sell(w);
        await waitFor(
          () => {
            const now = status(w);
            sampled.push(now.link);
            return now.unsent === 0;
          },
          30_000,
          `sale ${sale + 1} sent`,
        );
      }
    } finally {
      w.proxy.setFailEvery(null);
    }
    expect(w.proxy.counts.drop_request).toBeGreaterThan(3);
    const told = w.told.slice(from);
    expect(told).toContain('retrying');
    expect(told).not.toContain('offline');
    expect(sampled).not.toContain('offline');
    expect(sampled.length).toBeGreaterThan(15);
  });

  it('says offline after sustained failure, retrying before that, and online once it answers again', async () => {
    await waitFor(allSentAndOnline(w), 20_000, 'settled');
    const from = w.told.length;
    w.proxy.setRefusing(true);
    try {
      await sell(w);
      await waitFor(() => status(w).link === 'offline', 20_000, 'offline');
      expect(status(w).unsent).toBeGreaterThan(0);
    } finally {
      w.proxy.setRefusing(false);
    }
    const told = w.told.slice(from);
    expect(told.indexOf('retrying')).toBeGreaterThanOrEqual(0);
    expect(told.indexOf('retrying')).toBeLessThan(told.indexOf('offline'));
    syncNow(w);
    await waitFor(allSentAndOnline(w), 20_000, 'online again');
  });
});
