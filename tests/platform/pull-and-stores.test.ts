import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogItem, OnlineOrderWire, StockLevel } from '../../shared/sync/wire';
import { backends, usePlatform } from './support/backends';
import { product, Till } from './support/clients';
import { soldOut, stockMoved } from './support/payloads';

describe.each(backends)('sync pull and store separation on $name', (backend) => {
  const get = usePlatform(backend);
  let tillA: Till;
  let tillB: Till;

  beforeAll(async () => {
    const { admin, url } = get();
    await admin.products(Array.from({ length: 25 }, (_, index) => product(`C-${String(index).padStart(3, '0')}`)));
    tillA = await Till.pair(url, (await admin.createStore('Store A')).pairingCode);
    tillB = await Till.pair(url, (await admin.createStore('Store B')).pairingCode);
  });

  it('pages the catalog with cursors and returns every product once', async () => {
    const first = await tillA.pull('catalog', '0', 10);
    expect(first.changes).toHaveLength(10);
    expect(first.hasMore).toBe(true);
    expect(first.nextCursor).toBe(first.changes[9].version);
    const all = await tillA.pullAll('catalog', '0', 10);
    expect(all.changes.map((change) => change.id)).toEqual(
      Array.from({ length: 25 }, (_, i) => `C-${String(i).padStart(3, '0')}`),
    );
    for (const change of all.changes) expect(CatalogItem.parse(change.data).price).toBe(300);
    const versions = all.changes.map((change) => Number(change.version));
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(await tillA.pull('catalog', all.cursor)).toEqual({ changes: [], nextCursor: all.cursor, hasMore: false });
  });

  it('delivers a store price override, and its removal, as a change of that product for that store only', async () => {
    const { admin } = get();
    const cursorA = (await tillA.pullAll('catalog')).cursor;
    const cursorB = (await tillB.pullAll('catalog')).cursor;
    await admin.ok('PUT', `/v1/admin/stores/${tillA.pairing.storeId}/prices`, {
      items: [{ sku: 'C-003', price: 280 }],
    });
    const changed = await tillA.pull('catalog', cursorA);
    expect(changed.changes.map((change) => [change.id, CatalogItem.parse(change.data).price])).toEqual([
      ['C-003', 280],
    ]);
    expect((await tillB.pull('catalog', cursorB)).changes).toEqual([]);
    const snapshotB = await tillB.pullAll('catalog');
    expect(snapshotB.changes.find((change) => change.id === 'C-003')?.data).toMatchObject({ price: 300 });

    await admin.ok('PUT', `/v1/admin/stores/${tillA.pairing.storeId}/prices`, {
      items: [{ sku: 'C-003', price: null }],
    });
    const removed = await tillA.pull('catalog', changed.nextCursor);
    expect(removed.changes.map((change) => [change.id, CatalogItem.parse(change.data).price])).toEqual([
      ['C-003', 300],
    ]);
    expect(
      await admin.call('PUT', `/v1/admin/stores/${tillA.pairing.storeId}/prices`, {
        items: [{ sku: 'NOPE', price: 1 }],
      }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'product_unknown' } },
    });
  });

  it('sends a franchise product change to every store', async () => {
    const { admin } = get();
    const cursorA = (await tillA.pullAll('catalog')).cursor;
    const cursorB = (await tillB.pullAll('catalog')).cursor;
    await admin.products([product('C-010', { price: 350, listedOnline: false })]);
    for (const [till, cursor] of [
      [tillA, cursorA],
      [tillB, cursorB],
    ] as const) {
      const page = await till.pull('catalog', cursor);
      expect(page.changes.map((change) => change.data)).toEqual([
        expect.objectContaining({ sku: 'C-010', price: 350, listedOnline: false }),
      ]);
    }
    expect(
      await admin.call('PUT', '/v1/admin/catalog/products', { items: [product('D-1'), product('D-1')] }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'sku_duplicate' } },
    });
  });

  it('never shows one store’s online orders or stock to another store’s till', async () => {
    const { admin } = get();
    const placed = await admin.placeOnlineOrder(tillA.pairing.storeId, [{ sku: 'C-001', quantity: 2 }]);
    expect(placed.status).toBe(201);
    await tillA.push([
      tillA.next('stock.moved', stockMoved('C-002', 12)),
      tillA.next('product.sold_out', soldOut('C-004')),
    ]);

    const ordersA = await tillA.pullAll('online_orders');
    expect(ordersA.changes.map((change) => OnlineOrderWire.parse(change.data).id)).toEqual([
      (placed.body as { id: string }).id,
    ]);
    const stockA = await tillA.pullAll('stock_levels');
    expect(stockA.changes.map((change) => StockLevel.parse(change.data))).toEqual([
      { sku: 'C-002', onHand: 12, soldOut: false },
      { sku: 'C-004', onHand: 0, soldOut: true },
    ]);

    expect((await tillB.pullAll('online_orders')).changes).toEqual([]);
    expect((await tillB.pullAll('stock_levels')).changes).toEqual([]);
    // A fresh till has the catalog, its voucher and member keys and policies and the brand's tier
    // ladder to fetch; nothing of store A.
    expect(await tillB.signed('GET', '/v1/sync/wait?timeout=0')).toMatchObject({
      status: 200,
      body: { streams: ['catalog', 'voucher_keys', 'voucher_policy', 'member_keys', 'member_policy', 'member_tiers'] },
    });
    // A till older than the member streams names only its own, and is never woken by the others.
    expect(
      await tillB.signed('GET', '/v1/sync/wait?catalog=999999&voucher_keys=999999&voucher_policy=999999&timeout=0'),
    ).toMatchObject({
      status: 200,
      body: { streams: [] },
    });

    const franchise = await admin.ok<{ stores: { storeName: string; levels: unknown[] }[] }>(
      'GET',
      '/v1/admin/franchise/stock',
    );
    expect(franchise.stores.find((store) => store.storeName === 'Store A')?.levels).toHaveLength(2);
    expect(franchise.stores.find((store) => store.storeName === 'Store B')?.levels).toEqual([]);
  });

  it('refuses a franchise sales day that is not a date', async () => {
    for (const day of ['2025-02-30', 'yesterday', '']) {
      expect(await get().admin.call('GET', `/v1/admin/franchise/sales?day=${day}`)).toMatchObject({
        status: 400,
        body: { error: { code: 'day_invalid' } },
      });
    }
    expect((await get().admin.call('GET', '/v1/admin/franchise/sales')).status).toBe(400);
  });
});
