import { afterAll, describe, expect, it } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import type { CallRequest } from '../../shared/contract';
import type { SyncStatus } from '../../shared/contract/sync';
import type { Transfer } from '../../shared/contract/transfers';
import { uuidv7 } from '../../shared/ids';
import { backends, processPairs } from '../platform/support/backends';
import { brandWithOwner, franchiseClient } from '../platform/support/franchise';
import { expectOk } from '../support/callers';
import { startFaultProxy } from '../support/fault-proxy';
import { sampleCatalog, startPlatformGroup, waitFor } from '../support/platform-admin';
import { tempDir } from '../support/temp-dir';

/**
 * Issue 16's transfer test: goods sent from store A to store B through the sync fault suite (dropped
 * requests and answers, 503s, delays, double deliveries, platform restarts). At the end both tills'
 * ledgers and the platform's agree movement for movement, nothing doubled or lost, and the short
 * receipt is exactly one discrepancy that both stores and the owner see.
 */
const PASSWORD = 'the brand owner’s password';
const seed = Number(process.env.COUNTER_FAULT_SEED ?? 20261208);
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

type Who = 'owner' | 'manager';
type Till = {
  core: CounterCore;
  call(method: string, input: unknown, who?: Who, locale?: 'en' | 'zh-CN'): ReturnType<CounterCore['call']>;
  productId(sku: string): string | undefined;
  unsent(): number;
};

async function pairedTill(platformUrl: string, pairingCode: string, name: string): Promise<Till> {
  const core = openCounterCore({
    dataDir: tempDir('transfers-'),
    sync: { backoff: { firstMs: 20, maxMs: 250 }, requestTimeoutMs: 2_000, waitSeconds: 1 },
  });
  cleanup.push(() => core.close());
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
    await raw({
      method: 'staff.create',
      input: { name: `${name}店长`, role: 'manager', pin: '1357' },
      sessionToken: owner,
    }),
  );
  const tokens: Record<Who, string> = { owner, manager: await signIn('1357', manager.id) };
  const db = core.environment.db;
  const till: Till = {
    core,
    call: (method, input, who = 'manager', locale = 'en') =>
      core.call({ method, input, sessionToken: tokens[who], locale }),
    productId: (sku) => (db.prepare('SELECT id FROM products WHERE sku = ?').pluck().get(sku) as string) ?? undefined,
    unsent: () => expectOk<SyncStatus>(core.dispatch({ method: 'sync.status', input: {}, sessionToken: owner })).unsent,
  };
  expectOk(await till.call('sync.pair', { platformUrl, code: pairingCode }, 'owner'));
  const status = () => expectOk<SyncStatus>(core.dispatch({ method: 'sync.status', input: {}, sessionToken: owner }));
  await waitFor(() => status().link === 'online', 20_000, `${name} paired and online`);
  return till;
}

/** The till's ledger as `id:quantity`, sorted, to hold against the platform's. */
function ledger(till: Till): string[] {
  return (
    till.core.environment.db.prepare(`SELECT id || ':' || quantity FROM stock_movements`).pluck().all() as string[]
  ).sort();
}

const listed = async (till: Till, id: string) =>
  expectOk<{ transfers: Transfer[] }>(await till.call('transfers.list', {})).transfers.find((t) => t.id === id);

describe.each([...backends, ...processPairs])('stock transfers between two stores on $name', (backend) => {
  it('sends several products from A to B under faults and restarts; both ledgers and the platform agree', async () => {
    const storage = await backend.freshStorage();
    cleanup.push(() => storage.dispose());
    const platform = await startPlatformGroup(storage.options, backend.processes);
    cleanup.push(() => platform.close());
    await platform.admin.putProducts(sampleCatalog());
    const brand = await brandWithOwner(platform.url(), platform.adminToken, '鲜果连锁', ['一号店', '二号店'], PASSWORD);
    const [storeA, storeB] = brand.stores;
    const proxy = await startFaultProxy(platform.url, { seed, faultRate: 0 });
    cleanup.push(() => proxy.close());
    const tillA = await pairedTill(proxy.url, storeA.pairingCode, '一号店');
    const tillB = await pairedTill(proxy.url, storeB.pairingCode, '二号店');
    /** Each till's ledger is its store's on the platform, movement for movement, and nothing was refused. */
    const ledgersAgree = async () => {
      for (const [till, store] of [
        [tillA, storeA],
        [tillB, storeB],
      ] as const) {
        const records = await platform.admin.records(store.storeId);
        expect(records.rejected).toEqual([]);
        expect(records.stockMovements.map((m) => `${m.id}:${m.quantity}`).sort()).toEqual(ledger(till));
      }
    };
    const skus = ['DRK-0001', 'SNK-0001', 'PLT-0001'];
    await waitFor(() => skus.every((sku) => tillA.productId(sku) && tillB.productId(sku)), 20_000, 'the catalog');
    const idA = (sku: string) => tillA.productId(sku) as string;
    for (const sku of skus) {
      expectOk(await tillA.call('stock.move', { id: uuidv7(), productId: idA(sku), kind: 'receive', quantity: 30 }));
    }

    // The destinations come from the platform; a store of another brand is not among them.
    const other = await platform.admin.createStore('别家店');
    const { stores } = expectOk<{ stores: { id: string; name: string }[] }>(await tillA.call('transfers.stores', {}));
    expect(stores).toEqual([{ id: storeB.storeId, name: '二号店' }]);
    expect(stores.some((s) => s.id === other.storeId)).toBe(false);

    // More than the ledger holds is refused in the reader's language, and nothing is written.
    const before = ledger(tillA);
    const tooMuch = await tillA.call('transfers.send', {
      id: uuidv7(),
      toStoreId: storeB.storeId,
      lines: [{ productId: idA('DRK-0001'), quantity: 31 }],
    });
    expect(tooMuch.ok ? null : tooMuch.error.code).toBe('transfer_exceeds_on_hand');
    expect(tooMuch.ok ? '' : tooMuch.error.message).toContain('the stock ledger holds 30');
    const tooMuchZh = await tillA.call(
      'transfers.send',
      { id: uuidv7(), toStoreId: storeB.storeId, lines: [{ productId: idA('DRK-0001'), quantity: 31 }] },
      'manager',
      'zh-CN',
    );
    expect(tooMuchZh.ok ? '' : tooMuchZh.error.message).toContain('库存账上只有 30');
    const toOther = await tillA.call('transfers.send', {
      id: uuidv7(),
      toStoreId: other.storeId,
      lines: [{ productId: idA('DRK-0001'), quantity: 1 }],
    });
    expect(toOther.ok ? null : toOther.error.code).toBe('transfer_store_unknown');
    expect(ledger(tillA)).toEqual(before);

    // Now through the faults: every fifth request or answer goes wrong, and the platform restarts.
    proxy.setFaultRate(0.2);
    const first = uuidv7();
    const sent = {
      id: first,
      toStoreId: storeB.storeId,
      lines: [
        { productId: idA('DRK-0001'), quantity: 10 },
        { productId: idA('SNK-0001'), quantity: 5 },
        { productId: idA('PLT-0001'), quantity: 7 },
      ],
      note: '周末补货',
    };
    const out = expectOk<Transfer>(await tillA.call('transfers.send', sent));
    expect(out).toMatchObject({
      direction: 'out',
      status: 'in_transit',
      otherStoreName: '二号店',
      sentBy: '一号店店长',
    });
    // Sent again (a retried tap): the same transfer, no second movement.
    expect(expectOk<Transfer>(await tillA.call('transfers.send', sent)).id).toBe(first);
    const second = uuidv7();
    expectOk(
      await tillA.call('transfers.send', {
        id: second,
        toStoreId: storeB.storeId,
        lines: [
          { productId: idA('DRK-0001'), quantity: 4 },
          { productId: idA('PLT-0001'), quantity: 3 },
        ],
      }),
    );
    await platform.restart();

    const incoming = await waitFor(
      async () => {
        const found = await listed(tillB, first);
        return found?.status === 'in_transit' ? found : undefined;
      },
      60_000,
      'the transfer at store B',
    );
    expect(incoming).toMatchObject({
      direction: 'in',
      otherStoreName: '一号店',
      sentBy: '一号店店长',
      note: '周末补货',
    });
    expect(incoming.lines.map((l) => [l.sku, l.sent])).toEqual([
      ['DRK-0001', 10],
      ['PLT-0001', 7],
      ['SNK-0001', 5],
    ]);
    // One snack short: the receipt counts what arrived.
    const receipt = {
      transferId: first,
      receiptId: uuidv7(),
      lines: [
        { sku: 'DRK-0001', received: 10 },
        { sku: 'SNK-0001', received: 4 },
        { sku: 'PLT-0001', received: 7 },
      ],
      note: '少一包',
    };
    const received = expectOk<Transfer>(await tillB.call('transfers.receive', receipt));
    expect(received).toMatchObject({ status: 'received', receivedBy: '二号店店长', discrepancy: true });
    expect(expectOk<Transfer>(await tillB.call('transfers.receive', receipt)).receivedBy).toBe('二号店店长');
    const again = await tillB.call('transfers.receive', { ...receipt, receiptId: uuidv7() });
    expect(again.ok ? null : again.error.code).toBe('transfer_already_received');
    await platform.restart();
    await waitFor(async () => (await listed(tillB, second))?.status === 'in_transit', 60_000, 'the second transfer');
    expectOk(
      await tillB.call('transfers.receive', {
        transferId: second,
        receiptId: uuidv7(),
        lines: [
          { sku: 'DRK-0001', received: 4 },
          { sku: 'PLT-0001', received: 3 },
        ],
      }),
    );

    proxy.setFaultRate(0);
    await waitFor(() => tillA.unsent() === 0 && tillB.unsent() === 0, 60_000, 'everything sent');
    const atA = await waitFor(
      async () => {
        const found = await listed(tillA, first);
        return found?.status === 'received' ? found : undefined;
      },
      30_000,
      'the receipt back at store A',
    );
    expect(atA).toMatchObject({ receivedBy: '二号店店长', receiptNote: '少一包', discrepancy: true });
    expect(atA.lines.find((l) => l.sku === 'SNK-0001')).toMatchObject({ sent: 5, received: 4, difference: -1 });
    await waitFor(async () => (await listed(tillA, second))?.status === 'received', 30_000, 'the second receipt at A');

    // Both ledgers and the platform agree, movement for movement.
    await ledgersAgree();
    const sums = (till: Till, kind: string) =>
      till.core.environment.db
        .prepare(
          `SELECT p.sku, SUM(m.quantity) AS n FROM stock_movements m JOIN products p ON p.id = m.product_id
           WHERE m.kind = ? GROUP BY p.sku ORDER BY p.sku`,
        )
        .all(kind);
    expect(sums(tillA, 'transfer_out')).toEqual([
      { sku: 'DRK-0001', n: -14 },
      { sku: 'PLT-0001', n: -10 },
      { sku: 'SNK-0001', n: -5 },
    ]);
    expect(sums(tillB, 'transfer_in')).toEqual([
      { sku: 'DRK-0001', n: 14 },
      { sku: 'PLT-0001', n: 10 },
      { sku: 'SNK-0001', n: 4 },
    ]);

    // The owner sees both transfers, and exactly one discrepancy: the short snack.
    const office = franchiseClient(platform.url(), { kind: 'owner', token: brand.session.token });
    const { transfers } = await office.call('franchise.transfers', {});
    expect(transfers.map((t) => [t.id, t.status]).sort()).toEqual(
      [
        [first, 'received'],
        [second, 'received'],
      ].sort(),
    );
    expect(transfers.flatMap((t) => t.discrepancies)).toEqual([
      { sku: 'SNK-0001', sent: 5, received: 4, difference: -1 },
    ]);
    const withShortfall = transfers.find((t) => t.id === first);
    expect(withShortfall).toMatchObject({ sentBy: '一号店店长', receivedBy: '二号店店长', fromStoreName: '一号店' });
    expect(proxy.counts.drop_response + proxy.counts.deliver_twice).toBeGreaterThan(0);

    // Head office asks store A to send two drinks to B; A sees the request and sends it under its id.
    const requestId = uuidv7();
    const asked = await office.call('franchise.transfers.request', {
      id: requestId,
      fromStoreId: storeA.storeId,
      toStoreId: storeB.storeId,
      lines: [{ sku: 'DRK-0001', quantity: 2 }],
      note: '总部调拨',
    });
    expect(asked).toMatchObject({ status: 'requested', requestedBy: '鲜果连锁 owner', sentAt: null });
    const request = await waitFor(
      async () => {
        const found = await listed(tillA, requestId);
        return found?.status === 'requested' ? found : undefined;
      },
      30_000,
      'the request at store A',
    );
    expect(request).toMatchObject({ direction: 'out', otherStoreName: '二号店', note: '总部调拨' });
    expect(request.lines.map((l) => [l.sku, l.sent])).toEqual([['DRK-0001', 2]]);
    // Store B learns of the request by its own pull, which may come after A's (another process's
    // long poll); it is listed as coming in, and B is not the one asked to send it.
    const atB = await waitFor(() => listed(tillB, requestId), 30_000, 'the request at store B');
    expect(atB).toMatchObject({ direction: 'in', status: 'requested' });
    const wrongWay = await tillB.call('transfers.receive', {
      transferId: requestId,
      receiptId: uuidv7(),
      lines: [{ sku: 'DRK-0001', received: 2 }],
    });
    expect(wrongWay.ok ? null : wrongWay.error.code).toBe('transfer_not_here');
    expectOk(
      await tillA.call('transfers.send', {
        id: requestId,
        toStoreId: storeB.storeId,
        lines: [{ productId: idA('DRK-0001'), quantity: 2 }],
      }),
    );
    await waitFor(async () => (await listed(tillB, requestId))?.status === 'in_transit', 30_000, 'the request sent');
    expectOk(
      await tillB.call('transfers.receive', {
        transferId: requestId,
        receiptId: uuidv7(),
        lines: [{ sku: 'DRK-0001', received: 2 }],
      }),
    );
    await waitFor(() => tillA.unsent() === 0 && tillB.unsent() === 0, 30_000, 'the request received');
    const done = (await office.call('franchise.transfers', {})).transfers.find((t) => t.id === requestId);
    expect(done).toMatchObject({
      status: 'received',
      requestedBy: '鲜果连锁 owner',
      sentBy: '一号店店长',
      receivedBy: '二号店店长',
      discrepancies: [],
    });
    await ledgersAgree();
  }, 240_000);
});
