import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { PlatformRefusal } from '../../shared/platform-api/client';
import type { FranchiseStock, StockFilter, StockMovementLine } from '../../shared/platform-api/franchise-stock';
import { seededRandom } from '../../shared/seeded-random';
import { backends, usePlatform } from './support/backends';
import { product, Till } from './support/clients';
import { brandWithOwner, franchiseClient } from './support/franchise';
import { orderPaid, orderRefunded } from './support/payloads';

const HOUR = 3_600_000;
const SKUS = Array.from({ length: 12 }, (_, i) => `STK-${String(i + 1).padStart(3, '0')}`);
const WEIGHED = 'STK-012';
const LOCAL = 'MY-SPECIAL';

/** A movement as pushed, and by whom: the test's own record to recompute every figure from. */
type Pushed = {
  store: number;
  sku: string;
  quantity: number;
  at: number;
  kind: string;
  staff: string | null;
  ref: string | null;
};

type Client = ReturnType<typeof franchiseClient>;

async function refusal(work: Promise<unknown>): Promise<PlatformRefusal> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PlatformRefusal)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

/** Every page of the stock view, following `next`. */
async function allPages(owner: Client, input: { only?: StockFilter }, limit: number) {
  const products: FranchiseStock['products'] = [];
  let after: string | undefined;
  let pages = 0;
  let matched = 0;
  do {
    const page: FranchiseStock = await owner.call('franchise.stock', { ...input, after, limit });
    products.push(...page.products);
    matched = page.matched;
    after = page.next ?? undefined;
    pages++;
  } while (after);
  return { products, pages, matched };
}

describe.each(backends)('stock across stores on $name', (backend) => {
  const get = usePlatform(backend);
  let brand: Awaited<ReturnType<typeof brandWithOwner>>;
  let other: Awaited<ReturnType<typeof brandWithOwner>>;
  let tills: Till[];
  const pushed: Pushed[] = [];
  const soldOutAt = new Set<string>();
  let owner: Client;

  it('two stores of a brand push sales, refunds, receipts, counts and 估清; another brand pushes too', async () => {
    const { url, admin } = get();
    brand = await brandWithOwner(url, admin.token, 'Fresh', ['Fresh Jing’an', 'Fresh Xuhui'], 'fresh owner password');
    other = await brandWithOwner(url, admin.token, 'Other', ['Other Pudong'], 'other owner password');
    owner = franchiseClient(url, { kind: 'owner', token: brand.session.token });
    // Half the catalog is the operator's (every brand sees it), half the brand's own.
    await admin.products(SKUS.slice(0, 6).map((sku) => product(sku)));
    await owner.call('franchise.catalog.put', {
      items: SKUS.slice(6).map((sku) => ({
        ...product(sku, { unit: sku === WEIGHED ? 'kg' : 'each' }),
        expectedVersion: null,
      })),
    });
    await franchiseClient(url, { kind: 'owner', token: other.session.token }).call('franchise.catalog.put', {
      items: [{ ...product('OTHER-1'), expectedVersion: null }],
    });
    tills = [
      await Till.pair(url, brand.stores[0].pairingCode, 'Front till'),
      await Till.pair(url, brand.stores[1].pairingCode, 'Xuhui till'),
    ];
    const { next: random, pick } = seededRandom(16);
    const batches: Parameters<Till['push']>[0][] = [];
    const base = Date.now() - 100 * HOUR;
    for (const [store, till] of tills.entries()) {
      const mutations = [];
      for (let i = 0; i < 40; i++) {
        const at = base + (store * 40 + i) * HOUR;
        const sku = pick(SKUS);
        const roll = random();
        if (roll < 0.4) {
          const quantity = sku === WEIGHED ? 250 + Math.floor(random() * 900) : 1 + Math.floor(random() * 3);
          const sale = orderPaid({ sku, quantity, unitPrice: 100 });
          sale.order.number = `S${store}-${i}`;
          sale.order.cashierName = store === 0 ? '王芳' : 'Li Lei';
          sale.stock[0].at = at;
          mutations.push(till.next('order.paid', sale, sale.order.id));
          pushed.push({
            store,
            sku,
            quantity: -quantity,
            at,
            kind: 'sale',
            staff: sale.order.cashierName,
            ref: sale.order.number,
          });
          if (sku !== WEIGHED && random() < 0.3) {
            const refund = orderRefunded(sale.order.id, { sku, quantity: 1, amount: 100 });
            refund.refund.number = `R${store}-${i}`;
            refund.stock[0].at = at + 1;
            mutations.push(till.next('order.refunded', refund));
            pushed.push({
              store,
              sku,
              quantity: 1,
              at: at + 1,
              kind: 'refund',
              staff: refund.refund.staffName,
              ref: refund.refund.number,
            });
          }
        } else {
          const kind = pick(['receive', 'count', 'adjustment', 'waste']);
          const quantity = kind === 'waste' ? -(1 + Math.floor(random() * 2)) : 5 + Math.floor(random() * 20);
          const moved = {
            id: uuidv7(),
            sku,
            kind,
            quantity,
            at,
            note: kind === 'waste' ? 'broken' : null,
            staffName: '张店长',
          };
          mutations.push(till.next('stock.moved', moved, moved.id));
          pushed.push({ store, sku, quantity, at, kind, staff: '张店长', ref: null });
        }
      }
      // A store's own special, not in the brand's catalog (pushed by a till older than staff names).
      const special = { id: uuidv7(), sku: LOCAL, kind: 'receive', quantity: 7, at: base + store, note: null };
      if (store === 1) {
        mutations.push(till.next('stock.moved', special, special.id));
        pushed.push({ store, sku: LOCAL, quantity: 7, at: special.at, kind: 'receive', staff: null, ref: null });
      }
      const out = SKUS[3 + store];
      mutations.push(till.next('product.sold_out', { sku: out, soldOut: true, at: base }));
      soldOutAt.add(`${store}|${out}`);
      const result = await till.push(mutations);
      expect(result.results.filter((r) => r.status !== 'APPLIED')).toEqual([]);
      batches.push(mutations);
    }
    // The first till sends its whole batch again (its reply was lost): nothing may count twice.
    const again = await tills[0].push(batches[0]);
    expect(again.results.map((r) => r.id)).toEqual(batches[0].map((m) => m.id));
  });

  const onHand = (store: number, sku: string) =>
    pushed.filter((m) => m.store === store && m.sku === sku).reduce((sum, m) => sum + m.quantity, 0);

  it('answers on hand per store and in total, recomputed from every movement pushed', async () => {
    const levels = { 'STK-001': 10, 'STK-002': 1_000_000, 'STK-007': 0, [WEIGHED]: 500 };
    expect(
      await owner.call('franchise.lowStock.put', {
        items: Object.entries(levels).map(([sku, lowAt]) => ({ sku, lowAt })),
      }),
    ).toEqual({ updated: 4 });
    const { products, pages, matched } = await allPages(owner, {}, 5);
    expect(pages).toBe(3);
    expect(matched).toBe(13);
    expect(products.map((p) => p.sku)).toEqual([LOCAL, ...SKUS]);
    for (const row of products) {
      const lowAt = levels[row.sku as keyof typeof levels] ?? null;
      const expected = [0, 1].map((store) => {
        const carried = row.sku !== LOCAL || pushed.some((m) => m.store === store && m.sku === LOCAL);
        const figure = carried ? onHand(store, row.sku) : null;
        return {
          storeId: brand.stores[store].storeId,
          onHand: figure,
          soldOut: soldOutAt.has(`${store}|${row.sku}`),
          low: lowAt !== null && figure !== null && figure <= lowAt,
        };
      });
      expect(row).toEqual({
        sku: row.sku,
        nameZh: row.sku === LOCAL ? null : `商品${row.sku}`,
        nameEn: row.sku === LOCAL ? null : `Product ${row.sku}`,
        unit: row.sku === LOCAL ? null : row.sku === WEIGHED ? 'kg' : 'each',
        local: row.sku === LOCAL,
        lowAt,
        total: expected.reduce((sum, s) => sum + (s.onHand ?? 0), 0),
        stores: expected,
      });
    }
    expect(products.find((p) => p.sku === 'OTHER-1')).toBeUndefined();
  });

  it('filters low, sold out, one store and a search', async () => {
    const all = (await allPages(owner, {}, 500)).products;
    const low = await allPages(owner, { only: 'low' }, 500);
    expect(low.products.map((p) => p.sku)).toEqual(all.filter((p) => p.stores.some((s) => s.low)).map((p) => p.sku));
    expect(low.products.map((p) => p.sku)).toContain('STK-002');
    const soldOut = await owner.call('franchise.stock', { only: 'soldOut' });
    expect(soldOut.products.map((p) => p.sku)).toEqual(['STK-004', 'STK-005']);
    const xuhui = await owner.call('franchise.stock', { store: brand.stores[1].storeId, only: 'soldOut' });
    expect(xuhui.stores).toEqual([{ storeId: brand.stores[1].storeId, name: 'Fresh Xuhui' }]);
    expect(xuhui.products.map((p) => [p.sku, p.total])).toEqual([['STK-005', onHand(1, 'STK-005')]]);
    const search = await owner.call('franchise.stock', { q: 'product stk-01' });
    expect(search.products.map((p) => p.sku)).toEqual(['STK-010', 'STK-011', 'STK-012']);
    expect((await owner.call('franchise.stock', { q: '100%_' })).matched).toBe(0);
    expect((await owner.call('franchise.stock', { q: 'special' })).products.map((p) => p.sku)).toEqual([LOCAL]);
  });

  it("gives a store's ledger newest first with who and when, a page at a time", async () => {
    const store = brand.stores[0];
    const lines: StockMovementLine[] = [];
    let before: string | undefined;
    do {
      const page = await owner.call('franchise.stock.movements', { store: store.storeId, before, limit: 7 });
      expect(page).toMatchObject({ name: 'Fresh Jing’an', timeZone: 'Asia/Shanghai' });
      lines.push(...page.movements);
      before = page.next ?? undefined;
    } while (before);
    const mine = pushed.filter((m) => m.store === 0).sort((a, b) => b.at - a.at);
    expect(lines.map((l) => [l.sku, l.kind, l.quantity, l.at, l.staffName, l.reference, l.device])).toEqual(
      mine.map((m) => [m.sku, m.kind, m.quantity, m.at, m.staff, m.ref, 'Front till']),
    );
    const sku = mine[0].sku;
    const ofSku = await owner.call('franchise.stock.movements', { store: store.storeId, sku, limit: 500 });
    expect(ofSku.movements.map((l) => l.at)).toEqual(mine.filter((m) => m.sku === sku).map((m) => m.at));
    // A span of the store's calendar days (Shanghai, UTC+8).
    const day = new Date(mine[10].at + 8 * HOUR).toISOString().slice(0, 10);
    const span = await owner.call('franchise.stock.movements', {
      store: store.storeId,
      from: day,
      to: day,
      limit: 500,
    });
    const inDay = mine.filter((m) => new Date(m.at + 8 * HOUR).toISOString().slice(0, 10) === day);
    expect(span.movements.map((l) => l.at)).toEqual(inDay.map((m) => m.at));
    expect(
      (await refusal(owner.call('franchise.stock.movements', { store: store.storeId, from: '2025-02-30' }))).code,
    ).toBe('day_invalid');
  });

  it('refuses a low-stock level out of bounds or of a product not in the catalog, in both languages, changing nothing', async () => {
    const tooHigh = await refusal(
      owner.call('franchise.lowStock.put', {
        items: [
          { sku: 'STK-001', lowAt: 5 },
          { sku: 'STK-003', lowAt: 1_000_000_001 },
        ],
      }),
    );
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.message).toBe(
      'The low-stock level of STK-003 must be a whole number from 0 to 1000000000 (items, or grams for goods sold by weight).',
    );
    const fraction = await refusal(owner.call('franchise.lowStock.put', { items: [{ sku: 'STK-001', lowAt: 2.5 }] }));
    expect(fraction.code).toBe('low_stock_level_invalid');
    const foreign = await refusal(owner.call('franchise.lowStock.put', { items: [{ sku: 'OTHER-1', lowAt: 1 }] }));
    expect(foreign.code).toBe('product_unknown');
    const answer = await fetch(`${get().url}/v1/franchise/stock/low-levels`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${brand.session.token}`,
        'content-type': 'application/json',
        'accept-language': 'zh-CN',
      },
      body: JSON.stringify({ items: [{ sku: 'STK-001', lowAt: -1 }] }),
    });
    expect(((await answer.json()) as { error: { message: string } }).error.message).toContain(
      'STK-001 的低库存提醒值应为 0 至',
    );
    const row = (await owner.call('franchise.stock', { q: 'STK-001' })).products[0];
    expect(row.lowAt).toBe(10);
    // A level removed: never low again.
    await owner.call('franchise.lowStock.put', { items: [{ sku: 'STK-001', lowAt: null }] });
    expect((await owner.call('franchise.stock', { q: 'STK-001' })).products[0]).toMatchObject({ lowAt: null });
    const audit = await owner.call('franchise.audit', { limit: 10 });
    expect(audit.entries.filter((e) => e.action === 'stock.low_levels_set')).toHaveLength(2);
  });

  it("shows nothing of the brand to another brand's owner", async () => {
    const stranger = franchiseClient(get().url, { kind: 'owner', token: other.session.token });
    const seen = await stranger.call('franchise.stock', { limit: 500 });
    expect(seen.stores.map((s) => s.name)).toEqual(['Other Pudong']);
    expect(seen.products.some((p) => p.sku === LOCAL || p.sku === 'STK-007')).toBe(false);
    expect(seen.products.every((p) => p.total === 0 && p.lowAt === null)).toBe(true);
    for (const call of [
      stranger.call('franchise.stock', { store: brand.stores[0].storeId }),
      stranger.call('franchise.stock.movements', { store: brand.stores[0].storeId }),
    ]) {
      expect((await refusal(call)).code).toBe('store_unknown');
    }
    expect(
      (await refusal(stranger.call('franchise.lowStock.put', { items: [{ sku: 'STK-007', lowAt: 1 }] }))).code,
    ).toBe('product_unknown');
  });
});
