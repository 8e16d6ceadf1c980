import { describe, expect, it } from 'vitest';
import { routeRequest } from '../../shared/platform-api/client';
import type { CatalogItem } from '../../shared/sync/catalog-sync';
import { backends, usePlatform } from './support/backends';
import { product, Till } from './support/clients';
import { bearer, brandWithOwner, franchiseClient, rawCall } from './support/franchise';

const PASSWORD = 'an owner password';

/** Every catalog change a till of the store would pull, by SKU, newest last. */
async function pulledCatalog(till: Till): Promise<Map<string, CatalogItem>> {
  const items = new Map<string, CatalogItem>();
  let cursor = '0';
  for (;;) {
    const page = await till.pull('catalog', cursor);
    for (const change of page.changes) items.set(change.id, change.data as CatalogItem);
    if (!page.hasMore) return items;
    cursor = page.nextCursor;
  }
}

async function signedCall(till: Till, name: 'device.prices.put' | 'device.localPrices', input: object) {
  const { method, pathAndQuery, body } = routeRequest(name, input as never);
  return till.signed(method, pathAndQuery, body);
}

describe.each(backends)('the franchise catalog both ways, platform on $name', (backend) => {
  const get = usePlatform(backend);

  it("keeps each brand's catalog to its owners and stores, versions every change and refuses a stale one", async () => {
    const { url, admin } = get();
    const brandA = await brandWithOwner(url, admin.token, 'Catalog A', ['A one', 'A two'], PASSWORD);
    const brandB = await brandWithOwner(url, admin.token, 'Catalog B', ['B one'], PASSWORD);
    await admin.products([product('OP-0001')]);
    const ownerA = franchiseClient(url, { kind: 'owner', token: brandA.session.token });
    const ownerB = franchiseClient(url, { kind: 'owner', token: brandB.session.token });
    const tillA = await Till.pair(url, brandA.stores[0].pairingCode);
    const tillB = await Till.pair(url, brandB.stores[0].pairingCode);

    await ownerA.call('franchise.catalog.put', {
      items: [{ ...product('A-TEA', { price: 800 }), expectedVersion: null }],
    });
    const { products } = await ownerA.call('franchise.catalog', {});
    expect(products.map((item) => [item.sku, item.own])).toEqual([
      ['A-TEA', true],
      ['OP-0001', false],
    ]);
    const tea = products[0];
    // Brand A's store sees the operator's catalog and its brand's; brand B's store not brand A's.
    expect([...(await pulledCatalog(tillA)).keys()].sort()).toEqual(['A-TEA', 'OP-0001']);
    expect([...(await pulledCatalog(tillB)).keys()]).toEqual(['OP-0001']);
    expect((await ownerB.call('franchise.catalog', {})).products.map((item) => item.sku)).toEqual(['OP-0001']);

    // Brand B's owner can change neither brand A's product nor the operator's, nor A's store prices.
    for (const sku of ['A-TEA', 'OP-0001']) {
      await expect(
        ownerB.call('franchise.catalog.put', { items: [{ ...product(sku, { price: 1 }), expectedVersion: null }] }),
      ).rejects.toMatchObject({ status: 409, code: 'product_sku_taken' });
    }
    const foreignPrice = await rawCall(
      url,
      'franchise.storePrices.put',
      { id: brandA.stores[0].storeId, items: [{ sku: 'A-TEA', price: 1, available: null, expectedVersion: 10 ** 12 }] },
      bearer(brandB.session.token),
    );
    expect(foreignPrice).toMatchObject({ status: 404, body: { error: { code: 'store_unknown' } } });
    expect((await pulledCatalog(tillA)).get('A-TEA')?.price).toBe(800);

    // A change against the version the owner saw lands; the same version again is stale, refused with the value now.
    await ownerA.call('franchise.catalog.put', {
      items: [{ ...product('A-TEA', { price: 900 }), expectedVersion: tea.version }],
    });
    const stale = await rawCall(
      url,
      'franchise.catalog.put',
      { items: [{ ...product('A-TEA', { price: 700 }), expectedVersion: tea.version }] },
      { ...bearer(brandA.session.token), 'accept-language': 'zh-CN' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: {
        code: 'catalog_version_stale',
        message: 'A-TEA 商品A-TEA 已被他人修改：当前价格 9.00，在售。本次修改未保存，请在当前值上重新修改。',
        params: { sku: 'A-TEA', current: 900 },
      },
    });
    expect((await pulledCatalog(tillA)).get('A-TEA')?.price).toBe(900);

    // The store's own price and availability, set centrally against the version the store sees.
    const storeA = brandA.stores[0].storeId;
    const [price] = (await ownerA.call('franchise.storePrices', { id: storeA, after: 'A-TEA', limit: 1 })).prices;
    expect(price).toMatchObject({ sku: 'OP-0001', price: null, effectivePrice: 300, local: false });
    await ownerA.call('franchise.storePrices.put', {
      id: storeA,
      items: [{ sku: 'OP-0001', price: 350, available: false, expectedVersion: price.version }],
    });
    expect((await pulledCatalog(tillA)).get('OP-0001')).toMatchObject({ price: 350, active: false });
    expect((await pulledCatalog(tillB)).get('OP-0001')).toMatchObject({ price: 300, active: true });

    // From the store's till: refused until the owner allows it, then against its version only.
    const [current] = (await ownerA.call('franchise.storePrices', { id: storeA, after: 'A-TEA', limit: 1 })).prices;
    const local = { items: [{ sku: 'OP-0001', price: 320, available: true, expectedVersion: current.version }] };
    expect(await signedCall(tillA, 'device.prices.put', local)).toMatchObject({
      status: 403,
      body: { error: { code: 'local_price_not_allowed' } },
    });
    await ownerA.call('franchise.localPrices.put', { id: storeA, skus: ['OP-0001'] });
    expect(await signedCall(tillA, 'device.localPrices', {})).toMatchObject({
      status: 200,
      body: { skus: ['OP-0001'] },
    });
    expect(await signedCall(tillA, 'device.prices.put', local)).toMatchObject({ status: 200 });
    expect(await signedCall(tillA, 'device.prices.put', local)).toMatchObject({
      status: 409,
      body: { error: { code: 'catalog_version_stale', params: { sku: 'OP-0001', current: 320 } } },
    });
    expect((await pulledCatalog(tillA)).get('OP-0001')).toMatchObject({ price: 320, active: true });
    // Brand B's till cannot reach brand A's product at all.
    expect(
      await signedCall(tillB, 'device.prices.put', {
        items: [{ sku: 'A-TEA', price: 1, available: null, expectedVersion: 10 ** 12 }],
      }),
    ).toMatchObject({ status: 400, body: { error: { code: 'product_unknown' } } });

    const { entries } = await ownerA.call('franchise.audit', { limit: 20 });
    expect(entries.map((entry) => [entry.action, entry.actorKind])).toEqual(
      expect.arrayContaining([
        ['catalog.products_put', 'owner'],
        ['store.prices_set', 'owner'],
        ['store.local_prices_allowed', 'owner'],
        ['store.local_prices_set', 'device'],
      ]),
    );
    const ofB = await ownerB.call('franchise.audit', { limit: 50 });
    expect(ofB.entries.filter((entry) => entry.action.startsWith('catalog') || entry.action.includes('price'))).toEqual(
      [],
    );
  });

  it("refuses an owner's session and the admin token on a till's price routes", async () => {
    const { url, admin } = get();
    const brand = await brandWithOwner(url, admin.token, 'Device walk', ['D one'], PASSWORD);
    for (const name of ['device.prices.put', 'device.localPrices'] as const) {
      const input =
        name === 'device.prices.put' ? { items: [{ sku: 'X', price: 1, available: null, expectedVersion: 1 }] } : {};
      for (const headers of [{}, bearer(brand.session.token), bearer(admin.token)]) {
        const answer = await rawCall(url, name, input as never, headers);
        expect({ name, status: answer.status }).toEqual({ name, status: 401 });
      }
    }
  });
});
