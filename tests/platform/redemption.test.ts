import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { createCampaign, errorCode, issue, oneVoucher, redeem, redemptionBody } from './support/vouchers';

describe.each(backends)('redemption on $name', (backend) => {
  const get = usePlatform(backend);
  let storeId: string;
  let till: Till;

  beforeAll(async () => {
    storeId = (await get().admin.createStore('Redeem')).storeId;
    till = await Till.pair(get().url, (await get().admin.pairingCode(storeId)).code);
  });

  it('holds, captures and shows the voucher redeemed here', async () => {
    const voucher = await oneVoucher(get().admin);
    const body = redemptionBody(till, voucher.code);
    const held = await redeem(till, body);
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({
      replayed: false,
      redemption: { id: body.id, state: 'HELD', storeName: 'Redeem' },
    });
    const captured = await till.signed('POST', `/v1/redemptions/${body.id}/capture`, {
      orderId: body.orderId,
      amount: 500,
    });
    expect(captured.body).toMatchObject({ redemption: { state: 'CAPTURED' } });
    const status = await get().admin.ok<{ state: string; redeemed: { storeName: string } }>(
      'GET',
      `/v1/vouchers/${voucher.id}`,
    );
    expect(status.state).toBe('REDEEMED');
    expect(status.redeemed?.storeName).toBe('Redeem');
    const again = await redeem(till, redemptionBody(till, voucher.code));
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('voucher_already_redeemed');
  });

  it('answers a replay with the stored redemption and refuses the key with another body', async () => {
    const campaign = await createCampaign(get().admin);
    const [a, b] = await issue(get().admin, campaign, 2);
    const body = redemptionBody(till, a.code);
    expect((await redeem(till, body)).status).toBe(200);
    const replay = await redeem(till, body);
    expect(replay.body).toMatchObject({ replayed: true, redemption: { id: body.id, state: 'HELD' } });
    const other = await redeem(till, { ...body, code: b.code });
    expect(other.status).toBe(422);
    expect(errorCode(other)).toBe('idempotency_mismatch');
  });

  it('lets the holding till hold again for the same order with a new amount, and no one else', async () => {
    const campaign = await createCampaign(get().admin);
    const [voucher] = await issue(get().admin, campaign);
    const body = { ...redemptionBody(till, voucher.code), amount: 300 };
    expect((await redeem(till, body)).status).toBe(200);
    // The cashier added an item after a refused Pay: the coupon now takes more off the same order.
    const moved = await redeem(till, { ...body, amount: 500 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ replayed: false, redemption: { id: body.id, state: 'HELD', amount: 500 } });
    const otherOrder = await redeem(till, { ...body, orderId: uuidv7(), amount: 400 });
    expect(errorCode(otherOrder)).toBe('idempotency_mismatch');
    const tooMuch = await redeem(till, { ...body, amount: 99_999 });
    expect(tooMuch.status).toBe(400);
    const status = await get().admin.ok<{ state: string }>('GET', `/v1/vouchers/${voucher.id}`);
    expect(status.state).toBe('HELD');
  });
});
