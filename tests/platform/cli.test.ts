import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { backends, type Storage } from './support/backends';
import { type Run, ranToEnd } from './support/cli-run';

function cli(args: string[], detached = false, env = process.env): ChildProcessWithoutNullStreams {
  return spawn('npx', ['tsx', 'platform/main.ts', ...args], {
    cwd: process.cwd(),
    env: { ...env, LANG: 'C' },
    detached,
  });
}

/**
 * Like Ctrl-C in a terminal: the signal goes to npx, tsx and the platform, their whole group.
 * 'close' waits for every process holding the output pipes, the platform included.
 */
function stopGroup(child: ChildProcessWithoutNullStreams, closed: Promise<void>): Promise<void> {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    process.kill(-child.pid, 'SIGTERM');
  }
  return closed;
}

function run(args: string[], env = process.env): Promise<Run> {
  return ranToEnd(cli(args, false, env));
}

/** The one JSON object a --json command prints. */
function json(result: Run): Record<string, unknown> {
  const lines = result.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]);
}

const CSV = `sku,barcodes,plu,name_zh,name_en,category_zh,category_en,price,cost,tax_rate,unit,listed_online
CLI-1,6900000000017|6900000000024,,矿泉水,Water,饮料,Drinks,2.00,1.30,13,each,1
CLI-2,,13001,散装开心果,Pistachios,零食,Snacks,89.9,67.53,9,kg,1
CLI-3,6900000000031,,"薯片, 原味","Chips, ""Original""",零食,Snacks,0.29,0.1,6.5,each,0
`;

describe.each(backends)('command line against a served platform on $name', (backend) => {
  const folder = tempDir('counter-cli-');
  let storage: Storage;
  let server: ChildProcessWithoutNullStreams;
  let connection: string[];
  let serverOutput = '';
  let serverClosed: Promise<void>;

  beforeAll(async () => {
    storage = await backend.freshStorage();
    // PostgreSQL without a data folder is given its key-encryption key in a file of the operator's.
    const kekFile = join(folder, 'voucher-kek');
    if (storage.options.kek) writeFileSync(kekFile, storage.options.kek, { mode: 0o600 });
    const where = storage.options.databaseUrl
      ? ['--database-url', storage.options.databaseUrl, '--kek-file', kekFile]
      : ['--data-dir', storage.options.dataDir as string];
    server = cli(['serve', '--port', '0', ...where], true);
    serverClosed = new Promise((resolve) => server.on('close', () => resolve()));
    const started = await new Promise<{ url: string; adminToken: string }>((resolve, reject) => {
      server.stdout.on('data', (chunk) => {
        serverOutput += chunk;
        const token = /^admin token: (\S+)$/m.exec(serverOutput);
        const url = /^platform listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(serverOutput);
        if (token && url) resolve({ url: url[1], adminToken: token[1] });
      });
      server.on('close', (code) => reject(new Error(`serve exited with ${code}: ${serverOutput}`)));
    });
    connection = ['--url', started.url, '--token', started.adminToken, '--json'];
  });

  afterAll(async () => {
    if (server) await stopGroup(server, serverClosed);
    await storage?.dispose();
  });

  it('runs the operator chores and prints one JSON object each', async () => {
    const csv = join(folder, 'catalog.csv');
    writeFileSync(csv, CSV);
    expect(json(await run(['catalog', 'import', '--file', csv, ...connection]))).toEqual({ imported: 3, version: 3 });

    const store = json(await run(['store', 'create', '--name', 'CLI 店', ...connection]));
    expect(store).toMatchObject({ name: 'CLI 店', pairingCode: expect.stringMatching(/^\d{8}$/) });
    const storeId = store.storeId as string;

    const [code, price, order] = await Promise.all([
      run(['pairing-code', '--store', storeId, ...connection]),
      run(['price', 'set', '--store', storeId, '--sku', 'CLI-1', '--price', '1.5', ...connection]),
      run(['stock', '--store', storeId, ...connection]),
    ]);
    expect(json(code)).toMatchObject({ code: expect.stringMatching(/^\d{8}$/) });
    expect(json(price)).toMatchObject({ storeId, sku: 'CLI-1', price: 150 });
    expect(json(order)).toEqual({ storeId, levels: [] });

    const placed = await run([
      'online-order',
      ...['--store', storeId, '--channel', 'online_delivery', '--items', 'CLI-1:2,CLI-2:500', '--customer', '王女士'],
      ...connection,
    ]);
    // ¥1.50 × 2 at this store's price, plus 500 g at ¥89.90 per kg.
    expect(json(placed)).toMatchObject({
      state: 'placed',
      channel: 'online_delivery',
      customerName: '王女士',
      total: 300 + 4495,
    });
  });

  it('prints people-readable lines without --json', async () => {
    const result = await run(['store', 'create', '--name', 'Plain', ...connection.slice(0, 4)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^store [0-9a-f-]{36} created: Plain\npairing code: \d{8} \(one use, expires .+\)\n$/,
    );
  });

  it('fails with the platform’s code and message, and on bad flags', async () => {
    const badCsv = join(folder, 'bad.csv');
    writeFileSync(badCsv, `${CSV.split('\n')[0]}\nCLI-9,,,水,Water,饮料,Drinks,2.001,1,13,each,1\n`);
    const unknownStore = '01900000-0000-7000-8000-000000000000';
    const [refused, plain, badFlag, badItems, csvResult] = await Promise.all([
      run(['online-order', '--store', unknownStore, '--channel', 'online_pickup', '--items', 'CLI-1:1', ...connection]),
      run(['price', 'set', '--store', unknownStore, '--sku', 'X', '--price', '1', ...connection.slice(0, 4)]),
      run(['pairing-code', '--shop', 'x', ...connection]),
      run(['online-order', '--store', 'x', '--channel', 'online_pickup', '--items', 'CLI-1', ...connection]),
      run(['catalog', 'import', '--file', badCsv, ...connection]),
    ]);
    expect(refused.code).toBe(1);
    expect(json(refused)).toEqual({ error: { code: 'store_unknown', message: 'There is no such store.' } });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('There is no such store. (store_unknown)');
    expect(badFlag.code).toBe(2);
    expect(json(badFlag)).toMatchObject({ error: { code: 'usage' } });
    expect(badItems.code).toBe(2);
    expect(csvResult.code).toBe(1);
    expect(json(csvResult)).toEqual({
      error: { code: 'catalog_csv_invalid', message: 'line 2: price "2.001" is not an amount' },
    });
  });

  it('sets a store’s commission, places an order with its terms, corrects them, and prints the day’s statement', async () => {
    const store = json(await run(['store', 'create', '--name', 'Settle CLI', ...connection]));
    const storeId = store.storeId as string;
    expect(json(await run(['commission', 'set', '--store', storeId, '--rate', '18.5', ...connection]))).toEqual({
      storeId,
      commissionBp: 1_850,
    });
    const tooHigh = await run(['commission', 'set', '--store', storeId, '--rate', '101', ...connection]);
    expect(tooHigh.code).toBe(1);
    expect(json(tooHigh)).toMatchObject({ error: { code: 'commission_rate_invalid' } });

    const placed = json(
      await run([
        'online-order',
        ...['--store', storeId, '--channel', 'online_delivery', '--items', 'CLI-1:2'],
        ...['--merchant-promotion', '0.5', '--platform-promotion', '0.3', '--delivery-fee', '4'],
        ...connection,
      ]),
    );
    expect(placed.terms).toEqual({
      merchantPromotion: 50,
      platformPromotion: 30,
      deliveryFee: 400,
      commissionBp: 1_850,
    });
    const corrected = json(
      await run([
        'online-order',
        'terms',
        ...['--store', storeId, '--order', placed.id as string, '--commission', '10'],
        ...connection,
      ]),
    );
    expect(corrected).toMatchObject({ terms: { commissionBp: 1_000, merchantPromotion: 50 } });

    const statement = json(await run(['statement', '--store', storeId, '--day', '2026-12-07', ...connection]));
    expect(statement).toMatchObject({ storeId, day: '2026-12-07', lines: [] });
    expect((statement.totals as { channel: string }[]).map((t) => t.channel)).toEqual([
      'online_delivery',
      'online_pickup',
      'group_buy',
    ]);
    const text = await run(['statement', '--store', storeId, '--day', '2026-12-07', ...connection.slice(0, 4)]);
    expect(text.stdout).toContain('settlement statement of Settle CLI for 2026-12-07:');
    expect(text.stdout).toContain('(no online orders or group-buy vouchers that day)');
    const badDay = await run(['statement', '--store', storeId, '--day', '2026-13-01', ...connection]);
    expect(json(badDay)).toMatchObject({ error: { code: 'day_invalid' } });
  });

  it('stops cleanly on SIGTERM', async () => {
    await stopGroup(server, serverClosed);
    expect(serverOutput).toMatch(/platform stopped\n$/);
    await expect(fetch(`${connection[1]}/v1/health`)).rejects.toThrow();
  });
});

describe('serve without a key-encryption key', () => {
  it('refuses PostgreSQL without a data folder before it connects, and says what to give it', async () => {
    const env = { ...process.env, COUNTER_PLATFORM_KEK: '', DATABASE_URL: '' };
    const result = await run(['serve', '--database-url', 'postgres://127.0.0.1:1/none', '--json'], env);
    expect(result.code).toBe(1);
    expect(json(result)).toMatchObject({
      error: { code: 'kek_refused', message: expect.stringMatching(/COUNTER_PLATFORM_KEK.*--kek-file/) },
    });
  });
});
