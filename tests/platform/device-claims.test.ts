import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { MutationType } from '../../shared/sync/mutations';
import type { RiskLimits } from '../../shared/vouchers/campaign';
import type { IssuedVoucher } from '../../shared/vouchers/redemption-wire';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { createCampaign, errorCode, issue, oneVoucher, redeem, redemptionBody } from './support/vouchers';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * The platform judges again what a paired till claims in a push, where it can (issue 13): an
 * offline redemption against the campaign, the voucher and the store's risk limits; the times a
 * till says things happened against when it last pulled and when the push arrived; a reversal
 * against its redemption. Each push here is signed by a real paired device over HTTP.
 */
describe.each(backends)('device claims re-judged on $name', (backend) => {
  let offset = 0;
  const platformNow = () => Date.now() + offset;
  const get = usePlatform(backend, { now: platformNow });

  /** A store of its own with one till that has pulled, and these offline limits. */
  async function store(limits: Partial<RiskLimits> = {}, tills = 1): Promise<{ storeId: string; tills: Till[] }> {
    const { storeId } = await get().admin.createStore(`Store ${uuidv7().slice(-6)}`);
    if (Object.keys(limits).length > 0) {
      await get().admin.ok('PUT', `/v1/admin/stores/${storeId}/voucher-policy`, limits);
    }
    const paired: Till[] = [];
    for (let i = 0; i < tills; i += 1) {
      const till = await Till.pair(get().url, (await get().admin.pairingCode(storeId)).code);
      await pull(till);
      paired.push(till);
    }
    return { storeId, tills: paired };
  }

  const pull = (till: Till) =>
    till.signed('GET', '/v1/sync/pull?stream=voucher_denials&cursor=0&limit=1', undefined, { now: platformNow() });

  async function push(till: Till, items: { type: MutationType; payload: unknown }[], locale = 'en') {
    const mutations = items.map((item) => till.next(item.type, item.payload));
    const answer = await till.signed(
      'POST',
      '/v1/sync/push',
      { deviceId: till.deviceId, auditHead: null, mutations },
      { now: platformNow(), headers: { 'accept-language': locale } },
    );
    expect(answer.status).toBe(200);
    return (answer.body as { results: { status: string; code?: string; message?: string }[] }).results;
  }

  const redeemed = (voucher: IssuedVoucher, decidedAt = Date.now(), amount = 500) => ({
    type: 'voucher.redeemed' as const,
    payload: {
      redemptionId: uuidv7(),
      voucherId: voucher.id,
      code: voucher.code,
      orderId: uuidv7(),
      amount,
      decidedAt,
      mode: 'offline',
    },
  });

  const voucherState = async (voucher: IssuedVoucher) =>
    (await get().admin.ok<{ state: string }>('GET', `/v1/vouchers/${voucher.id}`)).state;

  it('refuses an offline redemption of a campaign that is online only, and leaves the voucher usable', async () => {
    const { tills } = await store();
    const voucher = await oneVoucher(get().admin, { value: 100_000, rules: { offlineAllowed: false } });
    const [result] = await push(tills[0], [redeemed(voucher, Date.now(), 100_000)]);
    expect(result).toMatchObject({ status: 'REJECTED', code: 'offline_redemption_not_allowed' });
    expect(await voucherState(voucher)).toBe('ACTIVE');
  });

  it('refuses one past the floor for a printed voucher, in the words of the manager who reads it', async () => {
    const { tills } = await store();
    const voucher = await oneVoucher(get().admin, { value: 3_000, rules: { offlineAllowed: true } });
    const [result] = await push(tills[0], [redeemed(voucher, Date.now(), 3_000)], 'zh-CN');
    expect(result).toMatchObject({ status: 'REJECTED', code: 'offline_redemption_refused' });
    expect(result.message).toContain('纸质券离线核销单笔不超过 ¥20.00');
    const fits = await oneVoucher(get().admin, { value: 2_000, rules: { offlineAllowed: true } });
    expect((await push(tills[0], [redeemed(fits, Date.now(), 2_000)]))[0]).toMatchObject({ status: 'APPLIED' });
  });

  /**
   * A till that has pulled and an offline voucher valid one more minute; `then` runs two hours on,
   * once it has expired, and is given a decision time ten seconds before its expiry.
   */
  async function afterExpiry(then: (till: Till, voucher: IssuedVoucher, beforeExpiry: number) => Promise<void>) {
    const { tills } = await store();
    const validTo = Math.floor(Date.now() / 1000) + 60;
    const campaign = await createCampaign(get().admin, { validTo, rules: { offlineAllowed: true } });
    const [voucher] = await issue(get().admin, campaign, 1);
    offset = 2 * HOUR_MS;
    try {
      await then(tills[0], voucher, validTo * 1000 - 10_000);
    } finally {
      offset = 0;
    }
  }

  it('refuses an expired voucher backdated to before its expiry, after the till pulled', async () => {
    await afterExpiry(async (till, voucher, beforeExpiry) => {
      // Two hours on, the till has pulled since the voucher expired: it was online then.
      await pull(till);
      const [result] = await push(till, [redeemed(voucher, beforeExpiry)]);
      expect(result).toMatchObject({ status: 'REJECTED', code: 'claimed_time_invalid' });
      expect(result.message).toContain("before the till's last sync");
      // Not redeemed: only expired, as it was.
      expect(await voucherState(voucher)).toBe('EXPIRED');
    });
  });

  it('still takes an offline redemption decided before expiry by a till offline since then', async () => {
    await afterExpiry(async (till, voucher, beforeExpiry) => {
      expect((await push(till, [redeemed(voucher, beforeExpiry)]))[0]).toMatchObject({ status: 'APPLIED' });
    });
  });

  it('refuses a decision time after the push arrived', async () => {
    const { tills } = await store();
    const voucher = await oneVoucher(get().admin, { rules: { offlineAllowed: true } });
    const [result] = await push(tills[0], [redeemed(voucher, Date.now() + HOUR_MS)]);
    expect(result).toMatchObject({ status: 'REJECTED', code: 'claimed_time_invalid' });
  });

  it('refuses a decision made too long after the last pull', async () => {
    const { tills } = await store({ maxSincePullSeconds: 3_600 });
    const voucher = await oneVoucher(get().admin, { rules: { offlineAllowed: true } });
    offset = 3 * HOUR_MS;
    try {
      const [result] = await push(tills[0], [redeemed(voucher, Date.now() + 2 * HOUR_MS)]);
      expect(result).toMatchObject({ status: 'REJECTED', code: 'offline_redemption_refused' });
      expect(result.message).toContain('no sync with the platform for over 1 h');
    } finally {
      offset = 0;
    }
  });

  it('counts offline redemptions in a row on a till, and its unconfirmed value', async () => {
    const { tills } = await store({ hardConsecutive: 2 });
    const campaign = await createCampaign(get().admin, { rules: { offlineAllowed: true } });
    const vouchers = await issue(get().admin, campaign, 3);
    const decided = Date.now();
    offset = HOUR_MS;
    try {
      // Three decided offline a minute apart, pushed an hour later: the third was the third in a row.
      const results = await push(
        tills[0],
        vouchers.map((voucher, i) => redeemed(voucher, decided + i * MINUTE_MS)),
      );
      expect(results.map((result) => result.status)).toEqual(['APPLIED', 'APPLIED', 'REJECTED']);
      expect(results[2]).toMatchObject({ code: 'offline_redemption_refused' });
      expect(results[2].message).toContain('2 offline redemptions in a row');
    } finally {
      offset = 0;
    }
    const value = await store({ deviceOfflineTotal: 1_000 });
    const more = await issue(get().admin, campaign, 3);
    offset = HOUR_MS;
    try {
      const results = await push(
        value.tills[0],
        more.map((voucher, i) => redeemed(voucher, decided + i * MINUTE_MS)),
      );
      expect(results.map((result) => result.code ?? result.status)).toEqual([
        'APPLIED',
        'APPLIED',
        'offline_redemption_refused',
      ]);
    } finally {
      offset = 0;
    }
  });

  it("counts the store's offline total over all its tills", async () => {
    const { tills } = await store({ storeOfflineTotal: 1_000 }, 2);
    const campaign = await createCampaign(get().admin, { rules: { offlineAllowed: true } });
    const vouchers = await issue(get().admin, campaign, 3);
    const decided = Date.now();
    offset = HOUR_MS;
    try {
      const first = await push(tills[0], [redeemed(vouchers[0], decided), redeemed(vouchers[1], decided + MINUTE_MS)]);
      expect(first.map((result) => result.status)).toEqual(['APPLIED', 'APPLIED']);
      // The other till decided while the first till's two were still unconfirmed.
      const [late] = await push(tills[1], [redeemed(vouchers[2], decided + 2 * MINUTE_MS)]);
      expect(late).toMatchObject({ status: 'REJECTED', code: 'offline_redemption_refused' });
    } finally {
      offset = 0;
    }
  });

  it('judges a reversal by its own redemption: no time before it or the last pull, no second capture', async () => {
    const { tills } = await store();
    const campaign = await createCampaign(get().admin, { rules: { reversalWindowHours: 0, offlineAllowed: true } });
    const [voucher] = await issue(get().admin, campaign, 1);
    const redemption = redeemed(voucher);
    expect((await push(tills[0], [redemption]))[0]).toMatchObject({ status: 'APPLIED' });
    const reversal = (at: number) => ({
      type: 'voucher.reversed' as const,
      payload: { redemptionId: redemption.payload.redemptionId, refundId: uuidv7(), at, reason: 'refund' },
    });
    const [atZero] = await push(tills[0], [reversal(0)]);
    expect(atZero).toMatchObject({ status: 'REJECTED', code: 'claimed_time_invalid' });
    expect(await voucherState(voucher)).toBe('REDEEMED');
    const again = await redeem(tills[0], redemptionBody(tills[0], voucher.code), { now: platformNow() });
    expect([again.status, errorCode(again)]).toEqual([409, 'voucher_already_redeemed']);
    offset = MINUTE_MS;
    try {
      expect((await push(tills[0], [reversal(platformNow())]))[0]).toMatchObject({
        status: 'REJECTED',
        code: 'reversal_window_passed',
      });
    } finally {
      offset = 0;
    }
  });
});
