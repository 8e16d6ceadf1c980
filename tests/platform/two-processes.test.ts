import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPlatform, startPlatform } from '../../platform/server/start-platform';
import { backends, type Storage } from './support/backends';
import { AdminClient, pairRequest, product, Till } from './support/clients';
import { Visitor } from './support/feedback-visitor';
import { orderPaid } from './support/payloads';

const postgres = backends.find((backend) => backend.name === 'postgres');
const VOUCHER_STREAMS = 'voucher_keys=999999&campaigns=999999&voucher_denials=999999&voucher_policy=999999';
// Far past the test's own timeout: a wake-up that did not come through PostgreSQL is never made
// up for by a process's own re-check during these tests.
const NO_RECHECK = 10 * 60_000;

/**
 * Two platform processes on one PostgreSQL (issue 17): whatever one learns, the other knows, with
 * nothing held in either's memory. Runs where PostgreSQL is (CI, or COUNTER_TEST_DATABASE_URL).
 */
describe.skipIf(!postgres)('two platform processes on one PostgreSQL', () => {
  let storage: Storage;
  let first: RunningPlatform;
  let second: RunningPlatform;

  beforeAll(async () => {
    storage = await (postgres as NonNullable<typeof postgres>).freshStorage();
    first = await startPlatform({ ...storage.options, port: 0, recheckMs: NO_RECHECK });
    second = await startPlatform({ ...storage.options, port: 0, recheckMs: NO_RECHECK });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await storage?.dispose();
  });

  it('wakes a long poll held by one when an online order is placed through the other', async () => {
    const admin = new AdminClient(first.url, first.adminToken);
    expect(second.adminToken).toBe(first.adminToken);
    await admin.products([product('W-2')]);
    const { storeId, pairingCode } = await admin.createStore('两进程店');
    const till = await Till.pair(first.url, pairingCode);
    const cursors = {
      catalog: (await till.pullAll('catalog')).cursor,
      online_orders: (await till.pullAll('online_orders')).cursor,
      stock_levels: (await till.pullAll('stock_levels')).cursor,
    };
    const onSecond = new Till(second.url, till.pairing, till.key);
    const path = `/v1/sync/wait?online_orders=${cursors.online_orders}&stock_levels=${cursors.stock_levels}&catalog=${cursors.catalog}&${VOUCHER_STREAMS}&timeout=60`;
    const waiting = onSecond.signed('GET', path);
    while (second.waiting() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await admin.placeOnlineOrder(storeId, [{ sku: 'W-2', quantity: 1 }])).status).toBe(201);
    // Without the wake-up through PostgreSQL this poll would hold for its 60 s, past the test's 40 s.
    expect(await waiting).toEqual({ status: 200, body: { streams: ['online_orders'] } });
  }, 40_000);

  it('counts wrong pairing codes across both, so ten in all is the limit, not ten each', async () => {
    const wrong = { code: '000000', publicKey: 'A'.repeat(43), deviceName: 'guess' };
    for (let i = 0; i < 10; i++) {
      const answer = await pairRequest(i % 2 === 0 ? first.url : second.url, wrong);
      expect(answer.status).toBe(400);
    }
    for (const platform of [first, second]) {
      expect(await pairRequest(platform.url, wrong)).toMatchObject({
        status: 429,
        body: { error: { code: 'pairing_attempts' } },
      });
    }
  });

  it('counts the rating page’s bad links across both, so a guesser waits after twenty in all', async () => {
    const guesser = new Visitor({ 'accept-language': 'en' });
    for (let i = 0; i < 20; i += 1) {
      const page = await guesser.open(`${i % 2 === 0 ? first.url : second.url}/f/${2000 + i}`);
      expect(page.status).toBe(404);
    }
    for (const platform of [first, second]) expect((await guesser.open(`${platform.url}/f/2020`)).status).toBe(429);
  });
});

describe.skipIf(!postgres)('serve --workers 2', () => {
  let storage: Storage;
  let child: ChildProcessWithoutNullStreams;

  beforeAll(async () => {
    storage = await (postgres as NonNullable<typeof postgres>).freshStorage();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await storage?.dispose();
  });

  it('serves one address from two processes sharing the database, and stops gracefully', async () => {
    const { databaseUrl, kek } = storage.options;
    // Node itself, not npx: the signal below must reach the platform's primary, not a wrapper.
    const metricsPort = await freePort();
    const args = ['serve', '--database-url', String(databaseUrl), '--port', '0', '--workers', '2', '--json'];
    args.push('--metrics-port', String(metricsPort));
    child = spawn(process.execPath, ['--import', 'tsx', 'platform/main.ts', ...args], {
      env: { ...process.env, COUNTER_PLATFORM_KEK: kek },
    });
    let output = '';
    const started = await new Promise<{ url: string; adminToken: string }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((text) => text.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      child.once('exit', (code) => reject(new Error(`serve ended (${code}): ${output}`)));
    });
    const admin = new AdminClient(started.url, started.adminToken);
    await admin.products([product('W-3')]);
    const { pairingCode } = await admin.createStore('工作进程店');
    const till = await Till.pair(started.url, pairingCode);
    // Several pushes in a row land on both processes in turn; every one is taken once.
    for (let i = 0; i < 6; i++) {
      const answer = await till.push([till.next('order.paid', orderPaid({ sku: 'W-3' }))]);
      expect(answer.results.map((result) => result.status)).toEqual(['APPLIED']);
    }
    const records = await admin.ok<{ orders: unknown[] }>('GET', `/v1/admin/stores/${till.pairing.storeId}/records`);
    expect(records.orders).toHaveLength(6);
    // The primary sums both processes' metrics: six sales taken, whichever process took each.
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toContain('counter_platform_pushed_records_total{type="order.paid",status="APPLIED"} 6');

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
