import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { createCampaign, errorCode, HOUR_S, issue, oneVoucher, redeem, redemptionBody } from './support/vouchers';

const HOUR_MS = HOUR_S * 1000;

function redeemed(
  voucher: { id: string; code: string },
  mode: 'online' | 'offline',
  extra: Record<string, unknown> = {},
) {
  return {
    redemptionId: uuidv7(),
    voucherId: voucher.id,
    code: voucher.code,
    orderId: uuidv7(),
    amount: 500,
    decidedAt: Date.now(),
    mode,
    ...extra,
  };
}

describe.each(backends)('voucher push and pull on $name', (backend) => {
  let offset = 0;
  const platformNow = () => Date.now() + offset;
  const get = usePlatform(backend, { now: platformNow });
  let storeA: string;
  let storeB: string;
  let a: Till;
  let b: Till;

  beforeAll(async () => {
    storeA = (await get().admin.createStore('Store A')).storeId;
    storeB = (await get().admin.createStore('Store B')).storeId;
    a = await Till.pair(get().url, (await get().admin.pairingCode(storeA)).code);
    b = await Till.pair(get().url, (await get().admin.pairingCode(storeB)).code);
  });

  const push = (
    till: Till,
    type: 'voucher.redeemed' | 'voucher.reversed',
    payload: { redemptionId: string },
    id?: string,
  ) =>
    till.signed(
      'POST',
      '/v1/sync/push',
      { deviceId: till.deviceId, auditHead: null, mutations: [till.next(type, payload, id ?? payload.redemptionId)] },
      { now: platformNow() },
    );

  async function result(
    till: Till,
    type: 'voucher.redeemed' | 'voucher.reversed',
    payload: { redemptionId: string },
    id?: string,
  ) {
    const answer = await push(till, type, payload, id);
    expect(answer.status).toBe(200);
    return (answer.body as { results: { status: string; code?: string; params?: Record<string, unknown> }[] })
      .results[0];
  }

  it('captures an online hold through the push', async () => {
    const voucher = await oneVoucher(get().admin);
    const body = redemptionBody(a, voucher.code);
    expect((await redeem(a, body)).status).toBe(200);
    const payload = redeemed(voucher, 'online', { redemptionId: body.id, orderId: body.orderId });
    expect(await result(a, 'voucher.redeemed', payload)).toMatchObject({ status: 'APPLIED' });
    const status = await get().admin.ok<{ state: string; redeemed: { redemptionId: string } }>(
      'GET',
      `/v1/vouchers/${voucher.id}`,
    );
    expect(status).toMatchObject({ state: 'REDEEMED', redeemed: { redemptionId: body.id } });
    const answer = await a.signed('GET', `/v1/redemptions/${body.id}`);
    expect(answer.body).toMatchObject({ redemption: { state: 'CAPTURED', orderId: body.orderId } });
  });

  it('captures an expired hold nobody else took, and loses one somebody else took', async () => {
    const campaign = await createCampaign(get().admin);
    const [free, taken] = await issue(get().admin, campaign, 2);
    const freeHold = redemptionBody(a, free.code);
    const takenHold = redemptionBody(a, taken.code);
    await redeem(a, freeHold, { now: platformNow() });
    await redeem(a, takenHold, { now: platformNow() });
    offset = 5 * 60_000;
    try {
      const winner = await redeem(b, { ...redemptionBody(b, taken.code), mode: 'capture' }, { now: platformNow() });
      expect(winner.status).toBe(200);
      const late = redeemed(free, 'online', { redemptionId: freeHold.id });
      expect(await result(a, 'voucher.redeemed', late)).toMatchObject({ status: 'APPLIED' });
      const lost = redeemed(taken, 'online', { redemptionId: takenHold.id });
      expect(await result(a, 'voucher.redeemed', lost)).toMatchObject({
        status: 'CONFLICT',
        code: 'redemption_conflict_lost',
        params: { store: 'Store B' },
      });
    } finally {
      offset = 0;
    }
  });

  it('lets the first offline redemption win and records the loser as a loss both stores see', async () => {
    const voucher = await oneVoucher(get().admin, { rules: { offlineAllowed: true } });
    const first = redeemed(voucher, 'offline');
    const second = redeemed(voucher, 'offline', { amount: 450 });
    expect(await result(b, 'voucher.redeemed', first)).toMatchObject({ status: 'APPLIED' });
    const lost = await result(a, 'voucher.redeemed', second);
    expect(lost).toMatchObject({ status: 'CONFLICT', code: 'redemption_conflict_lost', params: { store: 'Store B' } });
    // Sent again (a restored backup, under a new seq): the same answer, and still one loss.
    expect(await result(a, 'voucher.redeemed', second)).toMatchObject({
      status: 'CONFLICT',
      code: 'redemption_conflict_lost',
    });
    const status = await get().admin.ok<{ state: string }>('GET', `/v1/vouchers/${voucher.id}`);
    expect(status.state).toBe('DISPUTED');
    for (const store of [storeA, storeB]) {
      const { lossEvents } = await get().admin.ok<{ lossEvents: { id: string; amount: number }[] }>(
        'GET',
        `/v1/admin/stores/${store}/loss-events`,
      );
      expect(lossEvents.filter((loss) => loss.id === second.redemptionId)).toEqual([
        expect.objectContaining({
          amount: 450,
          storeName: 'Store A',
          winner: expect.objectContaining({ storeName: 'Store B' }),
        }),
      ]);
    }
    // The deny lists of both stores carry the dispute.
    for (const till of [a, b]) {
      const { changes } = await till.pullAll('voucher_denials');
      expect(changes.filter((change) => change.id === voucher.id).at(-1)?.data).toMatchObject({
        reason: 'disputed',
        denied: true,
      });
    }
    const online = await redeem(a, redemptionBody(a, voucher.code));
    expect([online.status, errorCode(online)]).toEqual([409, 'voucher_disputed']);
  });

  it('judges an offline redemption by its decision time, not by arrival', async () => {
    const validTo = Math.floor(Date.now() / 1000) + 60;
    const campaign = await createCampaign(get().admin, { validTo, rules: { offlineAllowed: true } });
    const [made, tooLate] = await issue(get().admin, campaign, 2);
    // The till was offline for two hours: the voucher expired meanwhile, but not when it was taken.
    offset = 2 * HOUR_MS;
    try {
      expect(await result(a, 'voucher.redeemed', redeemed(made, 'offline'))).toMatchObject({ status: 'APPLIED' });
      const after = redeemed(tooLate, 'offline', { decidedAt: validTo * 1000 + 1000 });
      expect(await result(a, 'voucher.redeemed', after)).toMatchObject({ status: 'REJECTED', code: 'voucher_expired' });
    } finally {
      offset = 0;
    }
  });

  it('gives a voucher back within the reversal window, judged at the refund, and refuses after it', async () => {
    const campaign = await createCampaign(get().admin, { rules: { reversalWindowHours: 2, offlineAllowed: true } });
    const [early, late, slow] = await issue(get().admin, campaign, 3);
    const earlyRedeemed = redeemed(early, 'offline');
    const lateRedeemed = redeemed(late, 'offline');
    const slowRedeemed = redeemed(slow, 'offline');
    for (const payload of [earlyRedeemed, lateRedeemed, slowRedeemed]) await result(a, 'voucher.redeemed', payload);
    const reversal = (redemptionId: string, at = platformNow()) => ({
      redemptionId,
      refundId: uuidv7(),
      at,
      reason: 'refund',
    });
    expect(await result(a, 'voucher.reversed', reversal(earlyRedeemed.redemptionId), uuidv7())).toMatchObject({
      status: 'APPLIED',
    });
    const status = await get().admin.ok<{ state: string }>('GET', `/v1/vouchers/${early.id}`);
    expect(status.state).toBe('ACTIVE');
    const { changes } = await a.pullAll('voucher_denials');
    expect(changes.filter((change) => change.id === early.id).at(-1)?.data).toMatchObject({ denied: false });
    expect((await redeem(a, redemptionBody(a, early.code))).status).toBe(200);
    const refundedInTime = Date.now();
    offset = 3 * HOUR_MS;
    try {
      expect(await result(a, 'voucher.reversed', reversal(lateRedeemed.redemptionId), uuidv7())).toMatchObject({
        status: 'REJECTED',
        code: 'reversal_window_passed',
        params: { hours: 2 },
      });
      // Refunded within the window, sent three hours later: the voucher still goes back.
      const slowReversal = reversal(slowRedeemed.redemptionId, refundedInTime);
      expect(await result(a, 'voucher.reversed', slowReversal, uuidv7())).toMatchObject({ status: 'APPLIED' });
    } finally {
      offset = 0;
    }
    expect(await result(b, 'voucher.reversed', reversal(lateRedeemed.redemptionId), uuidv7())).toMatchObject({
      status: 'REJECTED',
      code: 'redemption_not_found',
    });
  });

  it('pulls keys, campaigns, policy and denials for the store', async () => {
    const keys = await a.pullAll('voucher_keys');
    expect(keys.changes.length).toBeGreaterThanOrEqual(1);
    expect(keys.changes[0]).toMatchObject({ id: '1', data: { kid: 1 } });
    const own = await createCampaign(get().admin, { storeId: storeA, name: 'Only A' });
    const everywhere = await createCampaign(get().admin, { name: 'Everywhere' });
    const campaignsA = (await a.pullAll('campaigns')).changes.map((change) => change.id);
    const campaignsB = (await b.pullAll('campaigns')).changes.map((change) => change.id);
    expect(campaignsA).toEqual(expect.arrayContaining([String(own), String(everywhere)]));
    expect(campaignsB).toContain(String(everywhere));
    expect(campaignsB).not.toContain(String(own));
    const policy = await a.pullAll('voucher_policy');
    expect(policy.changes).toEqual([
      expect.objectContaining({
        id: 'store',
        data: expect.objectContaining({ limits: expect.objectContaining({ floorPerRedemption: 5000 }) }),
      }),
    ]);
    await get().admin.ok('PUT', `/v1/admin/stores/${storeA}/voucher-policy`, { floorPerRedemption: 3000 });
    const moved = await a.pullAll('voucher_policy', policy.cursor);
    expect(moved.changes.map((change) => change.data)).toEqual([
      expect.objectContaining({ limits: expect.objectContaining({ floorPerRedemption: 3000, printedFloor: 2000 }) }),
    ]);
    // A redemption at A puts a franchise-wide voucher on B's deny list too, and the long poll wakes.
    const denials = await b.pullAll('voucher_denials');
    const voucher = await oneVoucher(get().admin);
    const far = '999999999';
    const others = ['catalog', 'online_orders', 'stock_levels', 'voucher_keys', 'campaigns', 'voucher_policy']
      .map((stream) => `${stream}=${far}`)
      .join('&');
    const wait = b.signed('GET', `/v1/sync/wait?${others}&voucher_denials=${denials.cursor}&timeout=10`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await redeem(a, { ...redemptionBody(a, voucher.code), mode: 'capture' });
    const woke = await wait;
    expect(woke.body).toEqual({ streams: expect.arrayContaining(['voucher_denials']) });
    const next = await b.pullAll('voucher_denials', denials.cursor);
    expect(next.changes).toEqual([
      expect.objectContaining({ id: voucher.id, data: expect.objectContaining({ reason: 'redeemed', denied: true }) }),
    ]);
  });
});
