import { uuidv7 } from '../../shared/ids';
import { seededRandom } from '../../shared/seeded-random';
import { product } from '../platform/support/clients';
import { type BenchResult, percentile, record } from './bench-report';
import {
  commitRate,
  memoryMb,
  type ScalePlatform,
  scaleDatabaseUrl,
  startScalePlatform,
} from './support/scale-platform';
import { emptyTally, pairScaleStore, type ScaleStore, type ScaleTally, scaleSale } from './support/scale-store';

export type ScaleSize = {
  /** Store counts to compare at the same total rate, smallest first; the last is the franchise. */
  stores: number[];
  processes: number[];
  /** Total sales per second across all stores in the fixed-rate phases. */
  rate: number;
  seconds: number;
};

const PUSH_P99_TARGET_MS = 250;
const ONLINE_ORDERS_PER_SECOND = 2;
const skus = Array.from({ length: 20 }, (_, i) => `SCL-${String(i).padStart(4, '0')}`);
/** Sales per clock hour of a store's day: a lunch and a dinner peak (07:00–22:00). */
const hourWeights = [0, 0, 0, 0, 0, 0, 0, 3, 6, 5, 4, 9, 12, 8, 4, 3, 4, 7, 11, 9, 5, 3, 1, 0];

/**
 * Issue 17's franchise-day load test: stores that are real signing devices pushing sales in
 * batches of 1–20, each holding a long poll on every stream, against `serve --workers N` on
 * PostgreSQL. For each process count: the same total rate spread over more and more stores (does
 * p99 grow with the number of stores?), a compressed day with its lunch and dinner peaks at the
 * largest size, and every store pushing as fast as it can (the ceiling). Online orders placed
 * through the operator API meanwhile time "placed → the store's till told". PostgreSQL's own
 * commit rate is measured in the same run: the physical limit under a push.
 */
export async function benchPlatformScale(size: ScaleSize): Promise<BenchResult[]> {
  if (!scaleDatabaseUrl) {
    console.warn(
      'platform-scale: set COUNTER_TEST_DATABASE_URL (or COUNTER_BENCH_DATABASE_URL) to a PostgreSQL server',
    );
    return [];
  }
  const results: BenchResult[] = [];
  for (const processes of size.processes) {
    const platform = await startScalePlatform(processes);
    try {
      await platform.admin.products(skus.map((sku, i) => product(sku, { price: 500 + i * 100 })));
      const stores = await pairStores(platform, Math.max(...size.stores));
      for (const count of size.stores) {
        const tally = await runPhase(platform, stores.slice(0, count), size.seconds, () => size.rate);
        results.push(
          phaseResult(
            `flat-${processes}p-${count}`,
            `${count} stores, ${size.rate} sales/s in all`,
            tally,
            platform,
            size.seconds,
            processes,
          ),
        );
      }
      const dayTally = await runPhase(platform, stores, size.seconds * 2, (t) =>
        dayRate(t / (size.seconds * 2), size.rate),
      );
      results.push(
        phaseResult(
          `day-${processes}p-${stores.length}`,
          `${stores.length} stores, a day compressed, peaks ${Math.round(size.rate * 2)} sales/s`,
          dayTally,
          platform,
          size.seconds * 2,
          processes,
        ),
      );
      const ceiling = await runCeiling(stores, size.seconds);
      results.push(
        phaseResult(
          `ceiling-${processes}p-${stores.length}`,
          `${stores.length} stores pushing 20 at a time, back to back`,
          ceiling,
          platform,
          size.seconds,
          processes,
          false,
        ),
      );
    } finally {
      await platform.stop();
    }
  }
  const commits = await commitRate(16, Math.min(size.seconds, 10));
  results.push(
    record({
      name: 'platform-scale-postgres-commits',
      metric: `one-row commits/s on this PostgreSQL, synchronous_commit=${commits.setting}, 16 connections`,
      value: commits.many,
      unit: 'commits/s',
      target: 1,
      pass: true,
      notes: { oneConnection: commits.one, sixteenConnections: commits.many },
    }),
  );
  return results;
}

async function pairStores(platform: ScalePlatform, count: number): Promise<ScaleStore[]> {
  const random = seededRandom(17);
  const stores: ScaleStore[] = [];
  for (let i = 0; i < count; i += 25) {
    const group = await Promise.all(
      Array.from({ length: Math.min(25, count - i) }, async (_, k) => {
        const { storeId, pairingCode } = await platform.admin.createStore(`门店 ${i + k + 1}`);
        return pairScaleStore(platform.url, storeId, pairingCode, random);
      }),
    );
    stores.push(...group);
  }
  return stores;
}

/** Sales per second at `fraction` of a day whose busiest hour sells at twice `rate`. */
function dayRate(fraction: number, rate: number): number {
  const hour = Math.min(23, Math.floor(fraction * 24));
  return (hourWeights[hour] / Math.max(...hourWeights)) * rate * 2;
}

async function runPhase(
  platform: ScalePlatform,
  stores: ScaleStore[],
  seconds: number,
  rateAt: (secondsIn: number) => number,
): Promise<ScaleTally> {
  const random = seededRandom(stores.length * 31 + seconds);
  const tally = emptyTally();
  for (const store of stores) store.bind(tally);
  // Every till caught up first, so the phase's clock times steady work, not a fleet starting.
  await Promise.all(stores.map((store) => store.catchUp()));
  const stop = new AbortController();
  const listening = stores.map((store) => store.listen(tally, stop.signal));
  const day = new Date().toISOString().slice(0, 10);
  const tickMs = 100;
  const started = performance.now();
  let owed = 0;
  let ordersOwed = 0;
  const placing: Promise<unknown>[] = [];
  while (performance.now() - started < seconds * 1_000) {
    const secondsIn = (performance.now() - started) / 1_000;
    owed += (rateAt(secondsIn) * tickMs) / 1_000;
    for (; owed >= 1; owed -= 1) random.pick(stores).sell(scaleSale(random, skus, day));
    ordersOwed += (ONLINE_ORDERS_PER_SECOND * tickMs) / 1_000;
    for (; ordersOwed >= 1; ordersOwed -= 1) placing.push(placeOnline(platform, random.pick(stores), tally));
    const now = Date.now();
    for (const store of stores) store.flushOld(now);
    await new Promise((resolve) => setTimeout(resolve, tickMs));
  }
  await Promise.all(stores.map((store) => store.drain()));
  await Promise.all(placing);
  // The last online orders get the time a till would take to hear of them.
  const deadline = performance.now() + 5_000;
  while (tally.placedAt.size > 0 && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  stop.abort();
  await Promise.all(listening);
  return tally;
}

async function placeOnline(platform: ScalePlatform, store: ScaleStore, tally: ScaleTally): Promise<void> {
  const tag = `scale ${uuidv7()}`;
  tally.placedAt.set(tag, performance.now());
  const answer = await platform.admin.placeOnlineOrder(store.storeId, [{ sku: skus[0], quantity: 1 }], { note: tag });
  if (answer.status >= 300) {
    tally.placedAt.delete(tag);
    tally.failures.push(`online order refused: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
  }
}

/** Every store sells 20 and pushes them, again and again, for `seconds`: the platform's ceiling. */
async function runCeiling(stores: ScaleStore[], seconds: number): Promise<ScaleTally> {
  const random = seededRandom(99);
  const tally = emptyTally();
  const day = new Date().toISOString().slice(0, 10);
  const until = performance.now() + seconds * 1_000;
  await Promise.all(
    stores.map(async (store) => {
      store.bind(tally);
      while (performance.now() < until) {
        for (let i = 0; i < 20; i++) store.sell(scaleSale(random, skus, day));
        await store.drain();
      }
    }),
  );
  return tally;
}

function phaseResult(
  phase: string,
  what: string,
  tally: ScaleTally,
  platform: ScalePlatform,
  seconds: number,
  processes: number,
  judged = true,
): BenchResult {
  const p99 = percentile(tally.pushMs, 99);
  const memory = memoryMb(platform.pid);
  const batches = tally.batchSizes.length;
  return record({
    name: `platform-scale-${phase}`,
    metric: `push p99, ${what}, ${processes} process${processes === 1 ? '' : 'es'} on PostgreSQL`,
    value: p99,
    unit: 'ms',
    target: PUSH_P99_TARGET_MS,
    pass: !judged || (p99 <= PUSH_P99_TARGET_MS && tally.failures.length === 0),
    notes: {
      salesPerSecond: Math.round(tally.ordersAcked / seconds),
      sales: tally.ordersAcked,
      pushes: batches,
      meanBatch: batches === 0 ? 0 : +(tally.batchSizes.reduce((a, b) => a + b, 0) / batches).toFixed(1),
      pushP50: +percentile(tally.pushMs, 50).toFixed(1),
      wakes: tally.wakeMs.length,
      wakeP50: tally.wakeMs.length ? +percentile(tally.wakeMs, 50).toFixed(1) : -1,
      wakeP99: tally.wakeMs.length ? +percentile(tally.wakeMs, 99).toFixed(1) : -1,
      onlineOrdersUnheard: tally.placedAt.size,
      platformMb: memory.platform,
      postgresMb: memory.postgres,
      failures: tally.failures.length,
      ...(tally.failures.length ? { firstFailure: tally.failures[0] } : {}),
    },
  });
}
