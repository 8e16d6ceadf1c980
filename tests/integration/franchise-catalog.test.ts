import { afterAll, describe, expect, it } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import type { CallRequest } from '../../shared/contract';
import type { Product } from '../../shared/contract/catalog';
import type { FranchiseCatalog } from '../../shared/contract/franchise-catalog';
import type { SyncStatus } from '../../shared/contract/sync';
import { backends, usePlatform } from '../platform/support/backends';
import { brandWithOwner } from '../platform/support/franchise';
import { expectOk } from '../support/callers';
import { waitFor } from '../support/platform-admin';
import { tempDir } from '../support/temp-dir';

const PASSWORD = 'the brand owner’s password';
const cores: CounterCore[] = [];

afterAll(async () => {
  for (const core of cores) await core.close();
});

const tea = {
  sku: 'FR-TEA',
  nameZh: '茉莉绿茶',
  nameEn: 'Jasmine green tea',
  categoryZh: '饮料',
  categoryEn: 'Drinks',
  price: 800,
};

type Till = {
  core: CounterCore;
  call(
    method: string,
    input: unknown,
    who?: 'owner' | 'manager',
    locale?: 'en' | 'zh-CN',
  ): ReturnType<CounterCore['call']>;
  product(sku: string): Product | undefined;
  count(prefix: string): number;
};

/** A store's own till (not the demo), its owner and manager signed in, paired with the brand's store. */
async function pairedTill(platformUrl: string, pairingCode: string, name: string): Promise<Till> {
  const core = openCounterCore({
    dataDir: tempDir('franchise-catalog-'),
    sync: { backoff: { firstMs: 30, maxMs: 300 }, requestTimeoutMs: 10_000, waitSeconds: 1 },
  });
  cores.push(core);
  const raw = (request: CallRequest) => core.call(request);
  expectOk(
    await raw({
      method: 'store.create',
      input: { name, timeZone: 'Asia/Shanghai', owner: { name: '王老板', pin: '2468' } },
    }),
  );
  const signIn = async (pin: string, staffId: string) =>
    expectOk<{ sessionToken: string }>(await raw({ method: 'staff.signIn', input: { staffId, pin } })).sessionToken;
  const { staff } = expectOk<{ staff: { id: string }[] }>(await raw({ method: 'staff.signInOptions', input: {} }));
  const owner = await signIn('2468', staff[0].id);
  const manager = expectOk<{ id: string }>(
    await raw({ method: 'staff.create', input: { name: '李店长', role: 'manager', pin: '1357' }, sessionToken: owner }),
  );
  const tokens = { owner, manager: await signIn('1357', manager.id) };
  const till: Till = {
    core,
    call: (method, input, who = 'owner', locale = 'en') =>
      core.call({ method, input, sessionToken: tokens[who], locale }),
    product: (sku) => {
      const found = core.environment.db.prepare('SELECT id FROM products WHERE sku = ?').get(sku) as
        | { id: string }
        | undefined;
      if (!found) return undefined;
      return expectOk<Product>(core.dispatch({ method: 'catalog.getProduct', input: found, sessionToken: owner }));
    },
    count: (prefix) =>
      (
        core.environment.db.prepare('SELECT count(*) AS n FROM products WHERE sku LIKE ?').get(`${prefix}%`) as {
          n: number;
        }
      ).n,
  };
  expectOk(await till.call('sync.pair', { platformUrl, code: pairingCode }));
  const status = () => expectOk<SyncStatus>(core.dispatch({ method: 'sync.status', input: {}, sessionToken: owner }));
  await waitFor(() => status().link === 'online', 20_000, `${name} paired and online`);
  return till;
}

async function refusal(envelope: Promise<Awaited<ReturnType<CounterCore['call']>>>) {
  const result = await envelope;
  if (result.ok) throw new Error(`answered: ${JSON.stringify(result.value)}`);
  return { code: result.error.code, message: result.error.message };
}

describe.each(backends)('the franchise catalog from head office to the tills, platform on $name', (backend) => {
  const get = usePlatform(backend);

  it('takes a price edited at head office to both tills, and refuses a stale edit from a till with the current value', async () => {
    const brand = await brandWithOwner(get().url, get().admin.token, '鲜果连锁', ['一号店', '二号店'], PASSWORD);
    const [storeA, storeB] = brand.stores;
    const tillA = await pairedTill(get().url, storeA.pairingCode, '一号店');
    const tillB = await pairedTill(get().url, storeB.pairingCode, '二号店');
    const console = openCounterCore({ dataDir: tempDir('head-office-') });
    cores.push(console);
    const office = (method: string, input: unknown, locale: 'en' | 'zh-CN' = 'en') =>
      console.call({ method, input, locale });
    expectOk(await office('owner.signIn', { platformUrl: get().url, login: brand.login, password: PASSWORD }));

    // A new product at head office, then its price changed against the version head office read.
    expectOk(await office('franchise.saveProduct', { ...tea, expectedVersion: null }));
    const [listed] = expectOk<FranchiseCatalog>(await office('franchise.catalog', {})).products;
    expect(listed).toMatchObject({ sku: 'FR-TEA', price: 800, own: true });
    expectOk(await office('franchise.saveProduct', { ...tea, price: 950, expectedVersion: listed.version }));
    for (const till of [tillA, tillB]) {
      await waitFor(() => till.product('FR-TEA')?.price === 950, 20_000, 'the new price on the till');
    }
    const seen = tillB.product('FR-TEA') as Product;
    expect(seen.platformVersion).toBeGreaterThan(listed.version);

    // Head office changes it again; till B's owner saves from an editor opened before that.
    expectOk(await office('franchise.saveProduct', { ...tea, price: 1000, expectedVersion: seen.platformVersion }));
    expectOk(await tillB.call('owner.signIn', { login: brand.login, password: PASSWORD }));
    const stale = { ...tea, price: 990, expectedVersion: seen.platformVersion };
    expect(await refusal(tillB.call('franchise.saveProduct', stale))).toEqual({
      code: 'catalog_version_stale',
      message:
        'FR-TEA Jasmine green tea was changed in the meantime: it is now 10.00, on sale. Nothing was saved; make your change again on the current value.',
    });
    expect(await refusal(tillB.call('franchise.saveProduct', stale, 'owner', 'zh-CN'))).toEqual({
      code: 'catalog_version_stale',
      message: 'FR-TEA 茉莉绿茶 已被他人修改：当前价格 10.00，在售。本次修改未保存，请在当前值上重新修改。',
    });
    for (const till of [tillA, tillB]) {
      await waitFor(() => till.product('FR-TEA')?.price === 1000, 20_000, 'head office’s price, not the stale one');
    }

    // Changed on the till itself, a brand product would be overwritten by the next change: refused; its cost is the store's.
    const held = tillA.product('FR-TEA') as Product;
    const { soldOut: _s, updatedAt: _u, platformVersion: _p, ...editable } = held;
    expect(await refusal(tillA.call('catalog.saveProduct', { ...editable, price: 1 }, 'manager'))).toMatchObject({
      code: 'product_franchise_owned',
    });
    expectOk(await tillA.call('catalog.saveProduct', { ...editable, cost: 400 }, 'manager'));

    // A store's own price: refused until the owner allows it for that store, then against its version only.
    const local = { productId: held.id, price: 880, expectedVersion: held.platformVersion };
    expect(await refusal(tillA.call('catalog.setLocalPrice', local, 'manager', 'zh-CN'))).toEqual({
      code: 'catalog_platform_refused',
      message: '店主未允许本店自行设定 FR-TEA 的价格，请联系总部修改。',
    });
    expectOk(await office('franchise.allowLocalPrices', { storeId: storeA.storeId, skus: ['FR-TEA'] }));
    expectOk(await tillA.call('catalog.setLocalPrice', local, 'manager'));
    await waitFor(() => tillA.product('FR-TEA')?.price === 880, 20_000, 'the store’s own price');
    expect(await refusal(tillA.call('catalog.setLocalPrice', { ...local, price: 870 }, 'manager'))).toMatchObject({
      code: 'catalog_version_stale',
      message: expect.stringContaining('it is now 8.80'),
    });
    expect(tillB.product('FR-TEA')?.price).toBe(1000);

    // A store's own special stays on its till: not on the platform, not at the other store.
    const { categories } = expectOk<{ categories: { id: string }[] }>(
      await tillA.call('catalog.listCategories', {}, 'manager'),
    );
    const special = expectOk<Product>(
      await tillA.call(
        'catalog.saveProduct',
        { categoryId: categories[0].id, sku: 'OWN-CAKE', nameZh: '本店蛋糕', nameEn: 'House cake', price: 1500 },
        'manager',
      ),
    );
    expect(special.platformVersion).toBeNull();
    const onPlatform = expectOk<FranchiseCatalog>(await office('franchise.catalog', {})).products;
    expect(onPlatform.map((product) => product.sku)).toEqual(['FR-TEA']);
    expect(tillB.product('OWN-CAKE')).toBeUndefined();

    // A CSV import of 1,000 products by the owner reaches both tills.
    const rows = Array.from(
      { length: 1000 },
      (_, i) => `CSV-${String(i).padStart(4, '0')},批量商品${i},Bulk item ${i},零食,Snacks,${(i % 50) + 1}.50,13`,
    );
    const csv = ['sku,name_zh,name_en,category_zh,category_en,price,tax_rate', ...rows].join('\n');
    const report = expectOk<{ created: number; updated: number; failed: number }>(
      await office('franchise.importCsv', { csv }),
    );
    expect(report).toMatchObject({ created: 1000, updated: 0, failed: 0 });
    for (const till of [tillA, tillB]) {
      await waitFor(() => till.count('CSV-') === 1000, 60_000, '1,000 imported products on the till');
    }
    expect(tillB.product('CSV-0007')).toMatchObject({ nameZh: '批量商品7', price: 850, taxRateBp: 1300 });

    // From a paired till, a price-only file against the versions this till holds.
    const update = expectOk<{ created: number; updated: number }>(
      await tillB.call('franchise.importCsv', { csv: 'sku,price\nCSV-0007,9.90\nCSV-0008,9.90\n' }),
    );
    expect(update).toMatchObject({ created: 0, updated: 2 });
    await waitFor(() => tillA.product('CSV-0008')?.price === 990, 20_000, 'the till’s import at the other store');
    expect(tillA.product('CSV-0008')?.nameZh).toBe('批量商品8');
  }, 180_000);
});
