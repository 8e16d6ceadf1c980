import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../electron/core/db/open-database';
import type { Envelope } from '../../shared/contract';
import type { Product } from '../../shared/contract/catalog';
import type { SyncStatus } from '../../shared/contract/sync';
import { uuidv7 } from '../../shared/ids';
import { PointsRules } from '../../shared/members/points';
import type { Role } from '../../shared/roles';
import { type CrashHost, startCrashHost } from '../support/crash-host';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import { pointsLedgers, setPointsRules, testPointsRules } from '../support/points';
import { seededRandom } from '../support/random';
import { tempDir } from '../support/temp-dir';
import { lineFor } from '../support/till';

/**
 * The till's host is SIGKILLed while it syncs (a push in flight, results half applied, a pull
 * page being written) and started again on the same folder; in the end the platform holds exactly
 * what the till holds. Every fourth sale is to a member and some are refunded: the member's points
 * on the platform (earned, taken back) are exactly what the till's records say.
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
    await setPointsRules(platform.admin, storeId);
    const { member } = await platform.admin.request<{ member: { id: string } }>('POST', '/v1/admin/members', {
      phone: '13900006001',
      name: null,
      consent: false,
    });
    // Found by phone at this till (online), so it is in the till's cache for the sales below.
    await waitFor(
      async () =>
        (await host.call({ method: 'members.lookup', input: { phone: '13900006001' }, sessionToken: owner })).ok,
      20_000,
      'member found at the till',
    );

    let kills = 0;
    for (let round = 0; round < rounds; round++) {
      const cashier = await signInAs(host, 'cashier');
      const manager = await signInAs(host, 'manager');
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
          const toMember = i % 4 === 0;
          const count = toMember ? 60 : 1;
          const input = {
            id: uuidv7(),
            cart: { lines: [lineFor(product, { kind: 'count', count })], ...(toMember ? { memberId: member.id } : {}) },
            tenders: [{ method: 'card', amount: product.price * count, reference: `R${round}-${i}` }],
          };
          await host.call({ method: 'orders.commit', input, sessionToken: cashier });
          if (toMember && i % 8 === 0) {
            const refund = {
              id: uuidv7(),
              orderId: input.id,
              lines: [{ lineNo: 1, quantity: 25 }],
              to: 'original',
              reason: 'crash run',
            };
            await host.call({ method: 'orders.refund', input: refund, sessionToken: manager });
          }
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
    const rules = PointsRules.parse({
      earnPerYuan: testPointsRules.earnPerYuan,
      redemption: testPointsRules.redemption,
    });
    const points = await pointsLedgers(platform.admin, rules, member.id, [db]);
    expect(points.platform).toEqual(points.till);
    expect(points.platform.length).toBeGreaterThan(0);
    // Sales went through in every round (how many depends on how loaded the machine is).
    expect(local.length).toBeGreaterThan(rounds);
  }, 300_000);
});
