import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import { readUnsent } from '../../electron/core/sync/outbox-payloads';
import type { Product } from '../../shared/contract/catalog';
import type { SyncStatus } from '../../shared/contract/sync';
import { uuidv7 } from '../../shared/ids';
import { PUSH_BATCH_MAX, PUSH_BODY_MAX_BYTES } from '../../shared/sync/wire';
import { type Caller, expectOk } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { startTestPlatform, waitFor } from '../support/platform-admin';
import { tempDir } from '../support/temp-dir';
import { lineFor, openShift } from '../support/till';

const ORDERS = 10;
const LINES = 500;

/**
 * A till that sold large orders while it was not yet paired pushes its backlog when it pairs.
 * Together the orders are past what the platform takes in one body; the till cuts its batches by
 * size, so every order arrives and no push is ever refused as too large.
 */
describe('a backlog of the largest orders', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let core: CounterCore;
  let owner: string;
  let cashier: string;
  const call = (method: string, input: unknown, sessionToken = cashier) =>
    core.dispatch({ method, input, sessionToken, locale: 'en' });
  const status = () => expectOk<SyncStatus>(call('sync.status', {}));

  beforeAll(async () => {
    platform = await startTestPlatform();
    core = openCounterCore({
      dataDir: tempDir(),
      sync: { backoff: { firstMs: 50, maxMs: 400 }, requestTimeoutMs: 20_000, waitSeconds: 2 },
    });
    const caller: Caller = async (request) => core.dispatch(request);
    const people = await createDemo(caller);
    owner = await signIn(caller, people.owner);
    cashier = await signIn(caller, people.cashier);
    await openShift(caller, cashier);
  }, 60_000);

  afterAll(async () => {
    await core?.close();
    await platform?.close();
  });

  it('go as several pushes, all of them taken', async () => {
    const { categories } = expectOk<{ categories: { id: string }[] }>(call('catalog.listCategories', {}, owner));
    const product = expectOk<Product>(
      call(
        'catalog.saveProduct',
        {
          categoryId: categories[0].id,
          sku: 'BIG-ORDER-LINE',
          nameZh: '特'.repeat(120),
          nameEn: '大'.repeat(120),
          price: 100,
          cost: 0,
          unit: 'each',
        },
        owner,
      ),
    );
    for (let i = 0; i < ORDERS; i++) {
      const lines = Array.from({ length: LINES }, () => lineFor(product));
      const input = {
        id: uuidv7(),
        cart: { lines, coupons: [] },
        tenders: [{ method: 'cash', tendered: 100 * LINES }],
      };
      expectOk(call('orders.commit', input));
    }
    // In one body, the backlog is more than the platform takes.
    const backlog = readUnsent(core.environment.db, 0, PUSH_BATCH_MAX);
    expect(backlog.length).toBeGreaterThanOrEqual(ORDERS);
    expect(Buffer.byteLength(JSON.stringify(backlog))).toBeGreaterThan(PUSH_BODY_MAX_BYTES);

    const store = await platform.admin.createStore('大单店');
    expectOk(call('sync.pair', { platformUrl: platform.url, code: store.pairingCode }, owner));
    await waitFor(
      () => {
        const now = status();
        // Refused as too large, the push would be refused again on every retry: fail now, not at the timeout.
        if (now.lastProblem?.code === 'body_too_large') throw new Error(now.lastProblem.message);
        return now.link === 'online' && now.unsent === 0;
      },
      120_000,
      'backlog sent',
    );
    expect(status()).toMatchObject({ lastProblem: null, needsAttention: 0 });
    const records = await platform.admin.records(store.storeId);
    expect(records.orders).toHaveLength(ORDERS);
    expect(records.orders.every((order) => order.total === 100 * LINES)).toBe(true);
  });
});
