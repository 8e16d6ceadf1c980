import { describe, expect, it } from 'vitest';
import { type RouteInput, routesWith } from '../../shared/platform-api';
import { routeRequest } from '../../shared/platform-api/client';
import type { OwnerSession } from '../../shared/platform-api/franchise';
import { backends, usePlatform } from './support/backends';
import { product, Till } from './support/clients';
import { bearer, brandWithOwner, franchiseClient, type OwnerRoute, rawCall } from './support/franchise';
import { orderPaid, orderRefunded } from './support/payloads';

const DAY = '2025-03-14';
/** Made against any version at least as new as the platform's: the walks are about who, not when. */
const NEWEST = 10 ** 12;
let walkSku = 0;
const PASSWORD_A = 'brand A owner password';
const PASSWORD_B = 'brand B owner password';

/**
 * An example call of every owner route, about brand A's first store. Typed by the contract: a new
 * owner route does not compile until it is here, so the walks below cover it.
 */
const examples: { [N in OwnerRoute]: (storeId: string) => RouteInput<N> } = {
  'owner.signOut': () => ({}),
  'owner.me': () => ({}),
  'franchise.audit': () => ({ limit: 50 }),
  'franchise.stores': () => ({}),
  'franchise.sales': () => ({ from: DAY, to: DAY }),
  'franchise.compare': () => ({ from: DAY, to: DAY, compareFrom: '2025-03-07', compareTo: '2025-03-07' }),
  'franchise.storeSales': (storeId) => ({ id: storeId, from: DAY, to: DAY }),
  'franchise.catalog': () => ({ limit: 10 }),
  'franchise.catalog.put': () => ({ items: [{ ...product(`WALK-${++walkSku}`), expectedVersion: null }] }),
  'franchise.storePrices': (storeId) => ({ id: storeId, limit: 10 }),
  'franchise.storePrices.put': (storeId) => ({
    id: storeId,
    items: [{ sku: 'DRK-0001', price: 450, available: null, expectedVersion: NEWEST }],
  }),
  'franchise.localPrices.put': (storeId) => ({ id: storeId, skus: ['DRK-0001'] }),
  'franchise.stock': (storeId) => ({ store: storeId, only: 'all', q: 'DRK' }),
  'franchise.stock.movements': (storeId) => ({ store: storeId, sku: 'DRK-0001', from: DAY, to: DAY }),
  'franchise.lowStock.put': () => ({ items: [{ sku: 'DRK-0001', lowAt: 5 }] }),
  'franchise.transfers': () => ({ limit: 10 }),
  'franchise.transfers.request': (storeId) => ({
    id: crypto.randomUUID(),
    fromStoreId: storeId,
    toStoreId: receivingStore,
    lines: [{ sku: 'DRK-0001', quantity: 2 }],
  }),
};

/** Brand A's second store, where a requested transfer goes (set once the brands are made). */
let receivingStore = '';

/** The routes about one store: another brand's owner is answered as for a store that does not exist. */
const storeRoutes: OwnerRoute[] = [
  'franchise.storeSales',
  'franchise.storePrices',
  'franchise.storePrices.put',
  'franchise.localPrices.put',
  'franchise.stock',
  'franchise.stock.movements',
  'franchise.transfers.request',
];

const walked = Object.keys(examples) as OwnerRoute[];

/** Nothing but the refusal: `{ error: { code, message } }`, and none of brand A's names or ids. */
function expectBareRefusal(
  answer: { status: number; body: unknown; text: string },
  status: number,
  code: string,
  secrets: string[],
) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
  for (const secret of secrets) expect(answer.text).not.toContain(secret);
}

describe.each(backends)('franchise routes on $name', (backend) => {
  const get = usePlatform(backend);
  let brandA: Awaited<ReturnType<typeof brandWithOwner>>;
  let brandB: Awaited<ReturnType<typeof brandWithOwner>>;
  let till: Till;
  let secretsOfA: string[];

  const ownerOf = (session: OwnerSession) => franchiseClient(get().url, { kind: 'owner', token: session.token });

  it('sets up two brands, and brand A sells and refunds at its first store', async () => {
    const { url, admin } = get();
    brandA = await brandWithOwner(url, admin.token, 'Brand A', ['A Jing’an', 'A Xuhui'], PASSWORD_A);
    brandB = await brandWithOwner(url, admin.token, 'Brand B', ['B Pudong'], PASSWORD_B);
    receivingStore = brandA.stores[1].storeId;
    secretsOfA = [brandA.organisationId, 'Brand A', ...brandA.stores.flatMap((store) => [store.storeId, store.name])];
    await admin.products([product('DRK-0001')]);
    till = await Till.pair(url, brandA.stores[0].pairingCode);
    const sale = orderPaid({ quantity: 3, unitPrice: 400 });
    const other = orderPaid({ quantity: 1, unitPrice: 250 });
    await till.push([
      till.next('order.paid', sale, sale.order.id),
      till.next('order.paid', other, other.order.id),
      till.next('order.refunded', orderRefunded(sale.order.id, { quantity: 1, amount: 400 })),
    ]);
  });

  it('walks every owner route: the contract has no owner route the walks leave out', () => {
    expect([...walked].sort()).toEqual(routesWith('owner').sort());
  });

  it("gives the right owner their stores, last sync and sales by the reports' definitions", async () => {
    const owner = ownerOf(brandA.session);
    const { stores } = await owner.call('franchise.stores', {});
    expect(stores.map((store) => store.name)).toEqual(['A Jing’an', 'A Xuhui']);
    expect(stores[0]).toMatchObject({ devices: 1, lastSyncAt: expect.any(Number) });
    expect(stores[1]).toMatchObject({ devices: 0, lastSyncAt: null });

    const sales = await owner.call('franchise.sales', { from: DAY, to: DAY });
    expect(sales.stores[0]).toMatchObject({
      orders: 2,
      items: 4,
      gross: 1450,
      net: 1450,
      refunded: 400,
      netAfterRefunds: 1050,
      averageTicket: 725,
    });
    expect(sales.stores[1]).toMatchObject({ orders: 0, net: 0 });

    const storeSales = await owner.call('franchise.storeSales', {
      id: brandA.stores[0].storeId,
      from: '2025-03-01',
      to: '2025-03-31',
    });
    expect(storeSales.days).toEqual([expect.objectContaining({ day: DAY, orders: 2, netAfterRefunds: 1050 })]);
    expect(storeSales.total).toMatchObject({ orders: 2, netAfterRefunds: 1050 });
  });

  it('answers the right owner on every owner route', async () => {
    const spare = await franchiseClient(get().url).call('owner.signIn', { login: brandA.login, password: PASSWORD_A });
    for (const name of walked) {
      const session = name === 'owner.signOut' ? spare : brandA.session;
      const answer = await rawCall(
        get().url,
        name,
        examples[name](brandA.stores[0].storeId) as never,
        bearer(session.token),
      );
      expect({ name, status: answer.status }).toEqual({ name, status: 200 });
    }
  });

  it('refuses no credentials, the admin token and a store device on every owner route, saying nothing', async () => {
    const { url, admin } = get();
    for (const name of walked) {
      const input = examples[name](brandA.stores[0].storeId) as never;
      expectBareRefusal(await rawCall(url, name, input), 401, 'owner_session_invalid', secretsOfA);
      expectBareRefusal(await rawCall(url, name, input, bearer(admin.token)), 401, 'owner_session_invalid', secretsOfA);
      expectBareRefusal(
        await rawCall(url, name, input, bearer('x'.repeat(43))),
        401,
        'owner_session_invalid',
        secretsOfA,
      );
      // A paired till of the very store, signing as it does for sync: its local owner role counts for nothing here.
      const { method, pathAndQuery, body } = routeRequest(name, input);
      const signed = await till.signed(method, pathAndQuery, body);
      expectBareRefusal({ ...signed, text: JSON.stringify(signed.body) }, 401, 'owner_session_invalid', secretsOfA);
    }
  });

  it("refuses an owner's session on every route of the operator's", async () => {
    for (const name of routesWith('admin')) {
      const answer = await rawCall(
        get().url,
        name,
        { id: brandA.stores[0].storeId } as never,
        bearer(brandA.session.token),
      );
      expectBareRefusal(answer, 401, 'admin_token_invalid', secretsOfA);
    }
  });

  it("shows brand B's owner nothing of brand A on any owner route", async () => {
    const { url } = get();
    for (const name of walked.filter((route) => route !== 'owner.signOut')) {
      const answer = await rawCall(
        url,
        name,
        examples[name](brandA.stores[0].storeId) as never,
        bearer(brandB.session.token),
      );
      for (const secret of secretsOfA)
        expect({ name, leaked: answer.text.includes(secret) }).toEqual({ name, leaked: false });
      if (storeRoutes.includes(name)) {
        const unknown = await rawCall(
          url,
          name,
          examples[name](crypto.randomUUID()) as never,
          bearer(brandB.session.token),
        );
        expect({ name, answer }).toEqual({ name, answer: { ...unknown, text: unknown.text } });
      } else expect({ name, status: answer.status }).toEqual({ name, status: 200 });
    }
    const { stores } = await ownerOf(brandB.session).call('franchise.sales', { from: DAY, to: DAY });
    expect(stores).toEqual([expect.objectContaining({ name: 'B Pudong', orders: 0 })]);
  });
});
