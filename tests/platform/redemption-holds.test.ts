import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { createCampaign, errorCode, issue, oneVoucher, redeem, redemptionBody } from './support/vouchers';

const MINUTE_MS = 60_000;

/**
 * What a hold promises once a till has sold on it: it is never answered as standing after it
 * lapsed and another till took the voucher, and a late capture still beats an offline sale
 * (PROTOCOL.md: an online-confirmed redemption beats an offline one).
 */
describe.each(backends)('holds on $name', (backend) => {
  let offset = 0;
  const platformNow = () => Date.now() + offset;
  const get = usePlatform(backend, { now: platformNow });
  let a: Till;
  let b: Till;

  beforeAll(async () => {
    const storeA = (await get().admin.createStore('Hold A')).storeId;
    const storeB = (await get().admin.createStore('Hold B')).storeId;
    a = await Till.pair(get().url, (await get().admin.pairingCode(storeA)).code);
    b = await Till.pair(get().url, (await get().admin.pairingCode(storeB)).code);
  });

  const hold = (till: Till, body: ReturnType<typeof redemptionBody>) => redeem(till, body, { now: platformNow() });

  async function pushRedeemed(till: Till, payload: Record<string, unknown> & { redemptionId: string }) {
    const mutation = till.next('voucher.redeemed', payload, payload.redemptionId);
    const answer = await till.signed(
      'POST',
      '/v1/sync/push',
      { deviceId: till.deviceId, auditHead: null, mutations: [mutation] },
      { now: platformNow() },
    );
    return (answer.body as { results: { status: string; code?: string }[] }).results[0];
  }

  it('does not answer a lapsed hold that another till took as if it still stood', async () => {
    const voucher = await oneVoucher(get().admin);
    const first = redemptionBody(a, voucher.code);
    expect((await hold(a, first)).status).toBe(200);
    offset = 3 * MINUTE_MS;
    try {
      expect((await hold(b, redemptionBody(b, voucher.code))).status).toBe(200);
      // Till A retries its Pay with the same key after the hold lapsed: the voucher is B's now.
      const retried = await hold(a, first);
      expect([retried.status, errorCode(retried)]).toEqual([409, 'voucher_held']);
    } finally {
      offset = 0;
    }
  });

  it('takes a lapsed hold again under the same key while nobody else took the voucher', async () => {
    const voucher = await oneVoucher(get().admin);
    const first = redemptionBody(a, voucher.code);
    expect((await hold(a, first)).status).toBe(200);
    offset = 3 * MINUTE_MS;
    try {
      const again = await hold(a, first);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ replayed: false, redemption: { id: first.id, state: 'HELD' } });
    } finally {
      offset = 0;
    }
  });

  it('lets a late capture of an online hold beat an offline sale made after it', async () => {
    const voucher = await oneVoucher(get().admin, { rules: { offlineAllowed: true } });
    const held = redemptionBody(a, voucher.code);
    expect((await hold(a, held)).status).toBe(200);
    offset = 3 * MINUTE_MS;
    try {
      const offline = {
        redemptionId: uuidv7(),
        voucherId: voucher.id,
        code: voucher.code,
        orderId: uuidv7(),
        amount: 500,
        decidedAt: platformNow(),
        mode: 'offline',
      };
      expect(await pushRedeemed(b, offline)).toMatchObject({ status: 'CONFLICT', code: 'redemption_conflict_lost' });
      const capture = { ...offline, redemptionId: held.id, orderId: held.orderId, mode: 'online' };
      expect(await pushRedeemed(a, capture)).toMatchObject({ status: 'APPLIED' });
    } finally {
      offset = 0;
    }
  });

  it('lets a coupon scanned again on the same cart replace its own hold, and nobody else’s', async () => {
    const voucher = await oneVoucher(get().admin);
    const first = redemptionBody(a, voucher.code);
    expect((await hold(a, first)).status).toBe(200);
    const rescanned = { ...redemptionBody(a, voucher.code), orderId: first.orderId };
    const replaced = await hold(a, rescanned);
    expect(replaced.body).toMatchObject({ redemption: { id: rescanned.id, state: 'HELD' } });
    const otherCart = await hold(a, redemptionBody(a, voucher.code));
    expect([otherCart.status, errorCode(otherCart)]).toEqual([409, 'voucher_held']);
    const answer = await a.signed('GET', `/v1/redemptions/${first.id}`);
    expect(answer.body).toMatchObject({ redemption: { state: 'RELEASED' } });
  });

  it('counts held vouchers towards a customer limit, so two tills cannot both hold past it', async () => {
    const campaign = await createCampaign(get().admin, { rules: { perCustomerLimit: 1 } });
    const [one, two] = await issue(get().admin, campaign, 2, 'alice');
    expect((await hold(a, redemptionBody(a, one.code))).status).toBe(200);
    const second = await hold(b, redemptionBody(b, two.code));
    expect([second.status, errorCode(second)]).toEqual([409, 'customer_limit']);
  });
});
