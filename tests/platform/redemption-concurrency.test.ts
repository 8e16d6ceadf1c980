import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { createCampaign, errorCode, issue, redeem, redemptionBody } from './support/vouchers';

type Ending = { kind: 'won' } | { kind: 'refused'; code: string } | { kind: 'lost'; code: string };

describe.each(backends)('one voucher, five tills at once, on $name', (backend) => {
  const get = usePlatform(backend);
  const tills: Till[] = [];
  const stores: string[] = [];

  beforeAll(async () => {
    for (const name of ['North', 'South', 'East']) {
      const storeId = (await get().admin.createStore(name)).storeId;
      stores.push(storeId);
    }
    for (let i = 0; i < 5; i++) {
      const storeId = stores[i % stores.length];
      tills.push(await Till.pair(get().url, (await get().admin.pairingCode(storeId)).code, `Till ${i}`));
    }
  });

  async function online(till: Till, code: string): Promise<Ending> {
    const body = redemptionBody(till, code);
    const answer = await redeem(till, body);
    const held = {
      status: answer.status,
      voucherId: (answer.body as { redemption?: { voucherId: string } }).redemption?.voucherId,
    };
    if (held.status !== 200) return { kind: 'refused', code: `${held.status} ${errorCode(answer)}` };
    const payload = {
      redemptionId: body.id,
      voucherId: held.voucherId,
      code,
      orderId: body.orderId,
      amount: 500,
      decidedAt: Date.now(),
      mode: 'online',
    };
    return pushed(till, payload);
  }

  async function offline(till: Till, code: string, voucherId: string): Promise<Ending> {
    const payload = {
      redemptionId: uuidv7(),
      voucherId,
      code,
      orderId: uuidv7(),
      amount: 500,
      decidedAt: Date.now(),
      mode: 'offline',
    };
    return pushed(till, payload);
  }

  async function pushed(till: Till, payload: Record<string, unknown> & { redemptionId: string }): Promise<Ending> {
    const response = await till.push([till.next('voucher.redeemed', payload, payload.redemptionId)]);
    const [result] = response.results;
    if (result.status === 'APPLIED') return { kind: 'won' };
    if (result.status === 'CONFLICT') return { kind: 'lost', code: result.code };
    return { kind: 'refused', code: `${result.status} ${'code' in result ? result.code : ''}` };
  }

  it('lets exactly one redemption stand; the others are refused or lose with a loss event', async () => {
    const campaign = await createCampaign(get().admin, { rules: { offlineAllowed: true } });
    const vouchers = await issue(get().admin, campaign, 8);
    const lossesBefore = await countLosses();
    let lostTotal = 0;
    for (const [round, voucher] of vouchers.entries()) {
      const endings = await Promise.all(
        tills.map((till, i) =>
          (i + round) % 2 === 0 ? online(till, voucher.code) : offline(till, voucher.code, voucher.id),
        ),
      );
      const won = endings.filter((ending) => ending.kind === 'won');
      expect(won, JSON.stringify(endings)).toHaveLength(1);
      for (const ending of endings) {
        if (ending.kind === 'refused')
          expect(ending.code).toMatch(/^409 (voucher_held|voucher_already_redeemed|voucher_disputed)$/);
        if (ending.kind === 'lost') expect(ending.code).toBe('redemption_conflict_lost');
      }
      const lost = endings.filter((ending) => ending.kind === 'lost').length;
      lostTotal += lost;
      const status = await get().admin.ok<{ state: string; redeemed: unknown }>('GET', `/v1/vouchers/${voucher.id}`);
      expect(status.state).toBe(lost > 0 ? 'DISPUTED' : 'REDEEMED');
      expect(status.redeemed).not.toBeNull();
    }
    expect((await countLosses()) - lossesBefore).toBe(lostTotal);
  });

  async function countLosses(): Promise<number> {
    // Each loss shows at the losing store and at the winner's; count it once, by id.
    const ids = new Set<string>();
    for (const storeId of stores) {
      const { lossEvents } = await get().admin.ok<{ lossEvents: { id: string }[] }>(
        'GET',
        `/v1/admin/stores/${storeId}/loss-events`,
      );
      for (const loss of lossEvents) ids.add(loss.id);
    }
    return ids.size;
  }
});
