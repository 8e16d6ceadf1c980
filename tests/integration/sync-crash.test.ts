import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../electron/core/db/open-database';
import type { Envelope } from '../../shared/contract';
import type { Product } from '../../shared/contract/catalog';
import type { SyncStatus } from '../../shared/contract/sync';
import { uuidv7 } from '../../shared/ids';
import type { Role } from '../../shared/roles';
import { type CrashHost, startCrashHost } from '../support/crash-host';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { seededRandom } from '../support/random';
import { tempDir } from '../support/temp-dir';
import { lineFor } from '../support/till';

/**
 * The till's host is SIGKILLed while it syncs (a push in flight, results half applied, a pull
 * page being written) and started again on the same folder; in the end the platform holds exactly
 * what the till holds.
 */
const seed = Number(process.env.CRASH_SEED ?? 20_261_127);
const rounds = 6;

function value<T>(envelope: Envelope<unknown>, what: string): T {
  if (!envelope.ok) throw new Error(`${what}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function signInAs(host: CrashHost, role: Role): Promise<string> {
  const options = value<{ staff: { id: string; role: Role; demoPin: string | null }[] }>(
    await host.call({ method: 'staff.signInOptions', input: {} }),
    'signInOptions',
  );
  const person = options.staff.find((s) => s.role === role && s.demoPin);
  if (!person?.demoPin) throw new Error(`no ${role}`);
  return value<{ sessionToken: string }>(
    await host.call({ method: 'staff.signIn', input: { staffId: person.id, pin: person.demoPin } }),
    'signIn',
  ).sessionToken;
}

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe(`sync across SIGKILL of the till (seed ${seed})`, () => {
  it('converges after the host is killed mid-sync, round after round', async () => {
    const random = seededRandom(seed);
    const platform = await startTestPlatform();
    cleanup.push(() => platform.close());
    await platform.admin.putProducts(sampleCatalog());
    const { storeId, pairingCode } = await platform.admin.createStore('断电测试店');
    const dataDir = tempDir();
    let host = await startCrashHost(dataDir);
    cleanup.push(async () => host.crash());
    value(await host.call({ method: 'store.createDemo', input: {} }), 'createDemo');
    const owner = await signInAs(host, 'owner');
    value(
      await host.call({
        method: 'sync.pair',
        input: { platformUrl: platform.url, code: pairingCode },
        sessionToken: owner,
      }),
      'pair',
    );

    let kills = 0;
    for (let round = 0; round < rounds; round++) {
      const cashier = await signInAs(host, 'cashier');
      const shift = value<{ shift: unknown }>(
        await host.call({ method: 'shift.current', input: {}, sessionToken: cashier }),
        'shift',
      );
      if (!shift.shift)
        value(await host.call({ method: 'shift.open', input: { float: 0 }, sessionToken: cashier }), 'open');
      const { product } = value<{ product: Product }>(
        await host.call({
          method: 'catalog.findByBarcode',
          input: { barcode: '6921168478354' },
          sessionToken: cashier,
        }),
        'product',
      );
      const selling = (async () => {
        for (let i = 0; i < 400; i++) {
          const input = {
            id: uuidv7(),
            cart: { lines: [lineFor(product)] },
            tenders: [{ method: 'card', amount: product.price, reference: `R${round}-${i}` }],
          };
          await host.call({ method: 'orders.commit', input, sessionToken: cashier });
        }
      })().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 150 + random.int(600)));
      await host.crash();
      kills += 1;
      await selling;
      host = await startCrashHost(dataDir);
    }

    const owner2 = await signInAs(host, 'owner');
    const settled = await waitFor(
      async () => {
        const status = value<SyncStatus>(
          await host.call({ method: 'sync.status', input: {}, sessionToken: owner2 }),
          'status',
        );
        return status.unsent === 0 && status.link === 'online' ? status : undefined;
      },
      60_000,
      'all sent after the last restart',
    );
    expect(settled.needsAttention).toBe(0);
    await host.crash();

    const db = new BetterSqlite3(join(dataDir, databaseFileName), { readonly: true });
    cleanup.push(async () => {
      db.close();
    });
    const local = (db.prepare('SELECT id FROM orders').pluck().all() as string[]).sort();
    const records = await platform.admin.records(storeId);
    const remote = records.orders.map((o) => o.id).sort();
    console.log(`sync crash run seed ${seed}: ${kills} kills, ${local.length} orders on the till`);
    expect(remote.length).toBe(new Set(remote).size);
    expect(remote).toEqual(local);
    const movements = (db.prepare(`SELECT id FROM stock_movements`).pluck().all() as string[]).sort();
    expect(records.stockMovements.map((m) => m.id).sort()).toEqual(movements);
    expect(records.devices[0].lastSeq).toBe(db.prepare('SELECT MAX(seq) FROM outbox').pluck().get());
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Sales went through in every round (how many depends on how loaded the machine is).
    expect(local.length).toBeGreaterThan(rounds);
  }, 300_000);
});
