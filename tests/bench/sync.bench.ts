import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CounterCore } from '../../electron/core/counter-core';
import { spawnPlatform } from '../../electron/host/demo-platform';
import type { AppEvent } from '../../shared/contract';
import type { SyncStatus } from '../../shared/contract/sync';
import { uuidv7 } from '../../shared/ids';
import type { CatalogItem } from '../../shared/sync/wire';
import { type PlatformAdmin, platformAdmin, waitFor } from '../support/platform-admin';
import { type BenchResult, percentile, record } from './bench-report';
import { openDemoCore, unwrap } from './support/bench-core';

const syncOptions = { sync: { waitSeconds: 25 } };

function status(core: CounterCore, token: string): SyncStatus {
  return unwrap<SyncStatus>(core.dispatch({ method: 'sync.status', input: {}, sessionToken: token }), 'sync.status');
}

/** Sells `orders` one-line card sales while unpaired, so they wait in the outbox for the first push. */
function sellUnpaired(core: CounterCore, cashier: string, orders: number): void {
  unwrap(core.dispatch({ method: 'shift.open', input: { float: 0 }, sessionToken: cashier }), 'shift.open');
  const { product } = unwrap<{ product: { id: string; price: number; taxRateBp: number } }>(
    core.dispatch({ method: 'catalog.findByBarcode', input: { barcode: '6921168478354' }, sessionToken: cashier }),
    'findByBarcode',
  );
  for (let i = 0; i < orders; i++) {
    const line = {
      lineId: 'l1',
      productId: product.id,
      unitPrice: product.price,
      taxRateBp: product.taxRateBp,
      quantity: { kind: 'count', count: 1 },
    };
    const tenders = [{ method: 'card', amount: product.price, reference: `B${i}` }];
    const input = { id: uuidv7(), cart: { lines: [line] }, tenders };
    unwrap(core.dispatch({ method: 'orders.commit', input, sessionToken: cashier }), 'orders.commit');
  }
}

function catalogOf(size: number): CatalogItem[] {
  return Array.from({ length: size }, (_, i) => ({
    sku: `BENCH-${String(i).padStart(6, '0')}`,
    barcodes: [`29${String(i).padStart(10, '0')}`],
    plu: null,
    nameZh: `测试商品 ${i}`,
    nameEn: `Bench product ${i}`,
    categoryZh: `类别 ${i % 40}`,
    categoryEn: `Category ${i % 40}`,
    price: 100 + (i % 5_000),
    taxRateBp: 1300,
    unit: 'each',
    active: true,
    listedOnline: true,
  }));
}

/**
 * PROTOCOL.md's sync on loopback against the real platform (PGlite): a backlog of sales pushed in
 * batches after pairing, a franchise catalog pulled by a new till, and the time from an online
 * order being placed to the till ringing for it.
 */
export async function benchSync(orders: number, products: number, rings: number): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-bench-platform-'));
  // Its own process, as in the demo and in production: the platform's work does not share the
  // till's thread.
  const { process: child, link } = await spawnPlatform(dataDir);
  const platform = { url: link.url, admin: platformAdmin(link.url, link.adminToken) };
  try {
    const push = await benchPush(platform, orders);
    const pull = await benchCatalogPull(platform, products);
    const ring = await benchRing(platform, rings);
    return [push, pull, ring];
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Platform = { url: string; admin: PlatformAdmin };

async function pairedTill(platform: Platform, sell = 0) {
  const bench = openDemoCore(syncOptions);
  const owner = bench.signIn('owner');
  if (sell > 0) sellUnpaired(bench.core, bench.signIn('cashier'), sell);
  const { storeId, pairingCode } = await platform.admin.createStore(`Bench ${uuidv7().slice(-6)}`);
  const started = performance.now();
  unwrap(
    bench.core.dispatch({
      method: 'sync.pair',
      input: { platformUrl: platform.url, code: pairingCode },
      sessionToken: owner,
    }),
    'sync.pair',
  );
  return { bench, owner, storeId, started };
}

async function benchPush(platform: Platform, orders: number): Promise<BenchResult> {
  const { bench, owner, storeId, started } = await pairedTill(platform, orders);
  try {
    await waitFor(() => status(bench.core, owner).unsent === 0 && status(bench.core, owner).link === 'online', 600_000);
    const seconds = (performance.now() - started) / 1_000;
    const stored = (await platform.admin.records(storeId)).orders.length;
    if (stored !== orders) throw new Error(`pushed ${orders} orders, platform holds ${stored}`);
    const perSecond = orders / seconds;
    return record({
      name: 'sync-push-throughput',
      metric: `orders pushed per second, ${orders.toLocaleString('en')} queued, batches of 500, loopback`,
      value: perSecond,
      unit: 'orders/s',
      target: 2_000,
      pass: perSecond >= 2_000,
      notes: {
        orders,
        seconds: +seconds.toFixed(2),
        database: 'PGlite, platform in its own process',
        includes: 'pairing + empty pulls',
      },
    });
  } finally {
    await bench.close();
  }
}

async function benchCatalogPull(platform: Platform, products: number): Promise<BenchResult> {
  const items = catalogOf(products);
  for (let i = 0; i < items.length; i += 5_000) await platform.admin.putProducts(items.slice(i, i + 5_000));
  const { bench, started } = await pairedTill(platform);
  try {
    const db = bench.core.environment.db;
    await waitFor(
      () => (db.prepare(`SELECT count(*) FROM products WHERE sku LIKE 'BENCH-%'`).pluck().get() as number) === products,
      600_000,
    );
    const seconds = (performance.now() - started) / 1_000;
    const found = bench.core.dispatch({
      method: 'catalog.findByBarcode',
      input: { barcode: `29${String(products - 1).padStart(10, '0')}` },
      sessionToken: bench.signIn('cashier'),
    });
    if (!found.ok || !(found.value as { product: unknown }).product)
      throw new Error('last pulled product not findable');
    return record({
      name: 'sync-catalog-pull',
      metric: `${products.toLocaleString('en')}-product catalog pulled by a new till, pages of 500`,
      value: seconds,
      unit: 's',
      target: 60,
      pass: seconds <= 60,
      notes: { products, productsPerSecond: Math.round(products / seconds) },
    });
  } finally {
    await bench.close();
  }
}

async function benchRing(platform: Platform, rings: number): Promise<BenchResult> {
  const { bench, owner, storeId } = await pairedTill(platform);
  const events: { at: number; event: AppEvent }[] = [];
  const unsubscribe = bench.core.subscribe((event) => events.push({ at: performance.now(), event }));
  try {
    // Steady state: the bar says online at the first answer, but a new till's first sync also pulls
    // the whole catalog (100,000 products at full size), and an order placed meanwhile rings after it.
    await waitFor(() => {
      const now = status(bench.core, owner);
      return now.link === 'online' && now.lastSyncAt !== null;
    }, 180_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const samples: number[] = [];
    for (let i = 0; i < rings; i++) {
      const from = events.length;
      const started = performance.now();
      await platform.admin.placeOnlineOrder(storeId, [{ sku: 'BENCH-000001', quantity: 1 }]);
      const rang = await waitFor(
        () => events.slice(from).find((e) => e.event.type === 'online.changed' && e.event.placed > 0),
        10_000,
      );
      samples.push(rang.at - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const p95 = percentile(samples, 95);
    return record({
      name: 'sync-online-order-ring',
      metric: `online order placed → till rings, p95 of ${rings}`,
      value: p95,
      unit: 'ms',
      target: 1_000,
      pass: p95 <= 1_000,
      notes: {
        p50: +percentile(samples, 50).toFixed(1),
        max: +Math.max(...samples).toFixed(1),
        transport: 'long poll',
      },
    });
  } finally {
    unsubscribe();
    await bench.close();
  }
}
