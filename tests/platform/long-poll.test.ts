import { beforeAll, describe, expect, it } from 'vitest';
import { backends, usePlatform } from './support/backends';
import { product, Till } from './support/clients';
import { stockMoved } from './support/payloads';

type Cursors = { catalog: string; online_orders: string; stock_levels: string };

// The voucher streams have news for a fresh till (the signing key, its store's policy): these tests
// are about the other streams, so they wait from past the voucher streams' heads.
const VOUCHER_STREAMS = 'voucher_keys=999999&campaigns=999999&voucher_denials=999999&voucher_policy=999999';

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(backends)('long poll on $name', (backend) => {
  const get = usePlatform(backend);
  let till: Till;
  let otherTill: Till;
  let cursors: Cursors;

  beforeAll(async () => {
    const { admin, url } = get();
    await admin.products([product('W-1')]);
    till = await Till.pair(url, (await admin.createStore('Waiting')).pairingCode);
    otherTill = await Till.pair(url, (await admin.createStore('Other')).pairingCode);
    cursors = {
      catalog: (await till.pullAll('catalog')).cursor,
      online_orders: (await till.pullAll('online_orders')).cursor,
      stock_levels: (await till.pullAll('stock_levels')).cursor,
    };
  });

  const waitPath = (c: Cursors, timeout: number) =>
    `/v1/sync/wait?online_orders=${c.online_orders}&stock_levels=${c.stock_levels}&catalog=${c.catalog}&${VOUCHER_STREAMS}&timeout=${timeout}`;

  it('answers at once when a stream is already past the cursor', async () => {
    const started = Date.now();
    expect(await till.signed('GET', waitPath({ ...cursors, catalog: '0' }, 20))).toEqual({
      status: 200,
      body: { streams: ['catalog'] },
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('answers within a second of an online order being placed', async () => {
    const waiting = till.signed('GET', waitPath(cursors, 20));
    await until(() => get().platform.waiting() === 1);
    const placedAt = Date.now();
    expect((await get().admin.placeOnlineOrder(till.pairing.storeId, [{ sku: 'W-1', quantity: 1 }])).status).toBe(201);
    expect(await waiting).toEqual({ status: 200, body: { streams: ['online_orders'] } });
    expect(Date.now() - placedAt).toBeLessThan(1000);
    cursors.online_orders = (await till.pullAll('online_orders', cursors.online_orders)).cursor;
    expect(get().platform.waiting()).toBe(0);
  });

  it('stays asleep for another store’s news and times out with no streams', async () => {
    const started = Date.now();
    const waiting = till.signed('GET', waitPath(cursors, 1));
    await until(() => get().platform.waiting() === 1);
    await otherTill.push([otherTill.next('stock.moved', stockMoved('W-1', 3))]);
    await get().admin.placeOnlineOrder(otherTill.pairing.storeId, [{ sku: 'W-1', quantity: 1 }]);
    expect(await waiting).toEqual({ status: 200, body: { streams: [] } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('wakes for the till’s own store stock after a push', async () => {
    const waiting = till.signed('GET', waitPath(cursors, 20));
    await until(() => get().platform.waiting() === 1);
    await till.push([till.next('stock.moved', stockMoved('W-1', 6))]);
    expect(await waiting).toEqual({ status: 200, body: { streams: ['stock_levels'] } });
  });

  it('lets go of a waiter whose client hangs up', async () => {
    const abort = new AbortController();
    const waiting = till.signed('GET', waitPath({ ...cursors, stock_levels: '999999' }, 30), undefined, {
      signal: abort.signal,
    });
    await until(() => get().platform.waiting() === 1);
    abort.abort();
    await expect(waiting).rejects.toThrow();
    await until(() => get().platform.waiting() === 0);
  });
});
