import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { orderPaid } from './support/payloads';
import { errorCode } from './support/vouchers';

const CAP = 300;
const RULES = {
  earnPerYuan: 1,
  redemption: { kind: 'on', blockPoints: 10, blockFen: 10, minPoints: 10, maxPoints: 100_000, maxShareBp: 10_000 },
  offlineCap: CAP,
};

type Ending = { kind: 'spent' | 'lost'; points: number } | { kind: 'refused'; code: string };
type Journal = { balance: number; held: number; movements: { kind: string; points?: number }[] };
type Loss = { memberId: string; kind: string; points: number; overCap: boolean };

/**
 * One member redeeming at five tills at once (docs/members.md, "Points on the platform"), online
 * and offline mixed, on every backend: the balance never goes below zero except by a recorded
 * loss, and each loss is within the store's offline cap. The sales earn nothing (under a yuan),
 * so every movement after the first earn is a spend.
 */
describe.each(backends)('one member, five tills redeeming at once, on $name', (backend) => {
  const get = usePlatform(backend);
  const tills: Till[] = [];
  let memberId = '';
  let earned = 0;

  beforeAll(async () => {
    const stores: string[] = [];
    for (const name of ['North', 'South', 'East']) {
      const { storeId } = await get().admin.createStore(name);
      await get().admin.ok('PUT', `/v1/admin/stores/${storeId}/points-rules`, RULES);
      stores.push(storeId);
    }
    for (let i = 0; i < 5; i++) {
      const storeId = stores[i % stores.length];
      tills.push(await Till.pair(get().url, (await get().admin.pairingCode(storeId)).code, `Till ${i}`));
    }
    const { member } = await get().admin.ok<{ member: { id: string } }>('POST', '/v1/admin/members', {
      phone: '13900004001',
      name: null,
      consent: false,
    });
    memberId = member.id;
    const funding = orderPaid({ unitPrice: 120_000 });
    funding.order.memberId = memberId;
    const [result] = (await tills[0].push([tills[0].next('order.paid', funding, funding.order.id)])).results;
    expect(result.status).toBe('APPLIED');
    earned = 1_200;
  });

  const journal = () => get().admin.ok<Journal>('GET', `/v1/admin/members/${memberId}/points`);
  const losses = async () =>
    (await get().admin.ok<{ losses: Loss[] }>('GET', '/v1/admin/points/losses')).losses.filter(
      (loss) => loss.memberId === memberId,
    );

  async function spend(till: Till, points: number, online: boolean): Promise<Ending> {
    const sale = orderPaid({ unitPrice: 50 });
    sale.order.memberId = memberId;
    let holdId: string | null = null;
    if (online) {
      holdId = uuidv7();
      const held = await till.signed('POST', '/v1/points/holds', {
        holdId,
        memberId,
        orderId: sale.order.id,
        points,
      });
      if (held.status !== 200) return { kind: 'refused', code: `${held.status} ${errorCode(held)}` };
    }
    const movementId = uuidv7();
    const response = await till.push([
      till.next('order.paid', sale, sale.order.id),
      till.next(
        'points.spent',
        { movementId, memberId, orderId: sale.order.id, points, holdId, provisional: !online, decidedAt: Date.now() },
        movementId,
      ),
    ]);
    const result = response.results[1];
    if (result.status === 'APPLIED') return { kind: 'spent', points };
    if (result.status === 'CONFLICT' && result.code === 'points_spend_lost') return { kind: 'lost', points };
    return { kind: 'refused', code: `${result.status} ${'code' in result ? result.code : ''}` };
  }

  it('never lets the balance below zero but by recorded losses, each within the offline cap', async () => {
    let taken = 0;
    for (let round = 0; round < 6; round++) {
      const endings = await Promise.all(tills.map((till, i) => spend(till, 100 + 10 * i, (i + round) % 2 === 0)));
      for (const ending of endings) {
        if (ending.kind === 'refused') expect(ending.code).toBe('409 points_short');
        else taken += ending.points;
      }
      const now = await journal();
      const lost = await losses();
      const recorded = lost.reduce((sum, loss) => sum + loss.points, 0);
      expect(now.held, JSON.stringify(endings)).toBe(0);
      expect(now.balance).toBe(earned - taken);
      expect(now.balance + recorded, JSON.stringify({ endings, lost })).toBeGreaterThanOrEqual(0);
      for (const loss of lost) {
        expect(loss.kind).toBe('overspent');
        expect(loss.points).toBeLessThanOrEqual(CAP);
        expect(loss.overCap).toBe(false);
      }
    }
    // Five tills spending 100–140 points a round ran the 1,200 down: online asks were refused and
    // offline spends past the balance became losses, nothing more.
    const final = await journal();
    const lost = await losses();
    expect(final.balance).toBeLessThan(0);
    expect(lost.reduce((sum, loss) => sum + loss.points, 0)).toBe(-final.balance);
    const spentInJournal = final.movements
      .filter((m) => m.kind === 'spend')
      .reduce((sum, m) => sum + (m.points ?? 0), 0);
    expect(spentInJournal).toBe(taken);
  }, 120_000);
});
