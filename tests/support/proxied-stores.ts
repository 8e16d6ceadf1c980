import type { Product } from '../../shared/contract/catalog';
import { startFaultProxy } from './fault-proxy';
import { sampleCatalog, startTestPlatform, waitFor } from './platform-admin';
import { setPointsRules } from './points';
import { type PairedTill, productBySku, startPairedTill } from './till';

export type TestPlatform = Awaited<ReturnType<typeof startTestPlatform>>;
export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;
export type ProxiedStore = { storeId: string; proxy: FaultProxy; till: PairedTill };
export type ProxiedStores = { platform: TestPlatform; stores: ProxiedStore[]; close(): Promise<void> };

/**
 * A real platform with the sample catalog and a store per name, each with a till paired through its
 * own fault proxy (seeded, with no faults until a test asks for one). With `points`, every store has
 * the test points rules and its till holds them before this returns. `close` ends them all.
 */
export async function startProxiedStores(
  stores: { name: string; seed: number }[],
  options: { points?: boolean } = {},
): Promise<ProxiedStores> {
  const platform = await startTestPlatform();
  const proxies: FaultProxy[] = [];
  const tills: PairedTill[] = [];
  const close = async () => {
    for (const till of tills) await till.core.close();
    for (const proxy of proxies) await proxy.close();
    await platform.close();
  };
  try {
    await platform.admin.putProducts(sampleCatalog());
    const started: ProxiedStore[] = [];
    for (const { name, seed } of stores) {
      const store = await platform.admin.createStore(name);
      if (options.points) await setPointsRules(platform.admin, store.storeId);
      const proxy = await startFaultProxy(() => platform.url, { seed, faultRate: 0 });
      proxies.push(proxy);
      const till = await startPairedTill(proxy.url, store.pairingCode);
      tills.push(till);
      started.push({ storeId: store.storeId, proxy, till });
    }
    if (options.points) for (const till of tills) await pointsRulesOnTill(till);
    return { platform, stores: started, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const pointsRulesOnTill = (till: PairedTill) =>
  waitFor(
    () => till.core.environment.db.prepare(`SELECT 1 FROM meta WHERE key = 'points_rules'`).get(),
    15_000,
    'points rules on the till',
  );

/** The product as the till's cashier finds it, once the till has pulled it from the platform. */
export async function pulledProduct(till: PairedTill, sku = 'PLT-0001'): Promise<Product> {
  const find = () => productBySku((r) => till.call(r.method, r.input), till.tokens.cashier, sku);
  await waitFor(
    () =>
      find()
        .then(() => true)
        .catch(() => false),
    20_000,
    'the catalog pulled',
  );
  return find();
}

/** Each till sends what it holds, now: waits until nothing is left unsent (what is, is logged). */
export async function settled(...tills: PairedTill[]) {
  for (const till of tills) {
    till.core.environment.sync.wake();
    await waitFor(() => till.status().unsent === 0, 20_000, 'everything pushed').catch((error) => {
      console.log(
        JSON.stringify(till.status()),
        till.core.environment.db
          .prepare('SELECT seq, type, state, result_code FROM outbox ORDER BY seq DESC LIMIT 5')
          .all(),
      );
      throw error;
    });
  }
}
