import { beforeAll, describe, expect, it } from 'vitest';
import { decodeVoucher, voucherFlags } from '../../shared/vouchers/cp1';
import { judgeVoucher } from '../../shared/vouchers/voucher-verdict';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import {
  campaignBody,
  createCampaign,
  DAY_S,
  errorCode,
  issue,
  nowS,
  redeem,
  redemptionBody,
  verdictContext,
} from './support/vouchers';

describe.each(backends)('campaigns, vouchers and keys on $name', (backend) => {
  const get = usePlatform(backend);
  let storeId: string;
  let storeNumber: number;
  let till: Till;

  beforeAll(async () => {
    storeId = (await get().admin.createStore('Issue')).storeId;
    storeNumber = (await get().admin.ok<{ storeNumber: number }>('GET', `/v1/admin/stores/${storeId}/voucher-policy`))
      .storeNumber;
    till = await Till.pair(get().url, (await get().admin.pairingCode(storeId)).code);
  });

  const everyType = [
    { type: 'cash_off', value: 500 },
    { type: 'percent_off', value: 2000, rules: { cap: 3000 } },
    { type: 'threshold_off', value: 2000, rules: { minSpend: 10_000 } },
    { type: 'free_item', value: 0, rules: { itemSku: 'DRK-0001' } },
    { type: 'group_buy', value: 3900, rules: { itemSku: 'SET-0001', offlineAllowed: true } },
  ] as const;

  it.each(everyType)('issues $type vouchers that verify with the published keys', async (input) => {
    const campaign = await createCampaign(get().admin, { ...input, storeId });
    const vouchers = await issue(get().admin, campaign, 3);
    expect(new Set(vouchers.map((voucher) => voucher.id)).size).toBe(3);
    const context = await verdictContext(get().url, storeNumber);
    for (const voucher of vouchers) {
      const verdict = judgeVoucher(voucher.code, context);
      expect(verdict).toMatchObject({
        ok: true,
        claims: {
          voucherId: voucher.id,
          campaignId: campaign,
          type: input.type,
          value: input.value,
          storeScope: storeNumber,
        },
      });
      if (!verdict.ok) continue;
      const offline = 'rules' in input && 'offlineAllowed' in input.rules;
      expect(verdict.claims.flags & voucherFlags.offlineAllowed).toBe(offline ? 1 : 0);
      // Another store's till refuses it.
      expect(judgeVoucher(voucher.code, { ...context, store: storeNumber + 1 })).toMatchObject({
        reason: 'other_store',
      });
    }
  });

  it.each([
    ['threshold_off without a minimum spend', { type: 'threshold_off', value: 500 }],
    ['percent_off above 100 %', { type: 'percent_off', value: 10_001 }],
    ['percent_off of nothing', { type: 'percent_off', value: 0 }],
    ['free_item without the item', { type: 'free_item', value: 0 }],
    ['group_buy without the set', { type: 'group_buy', value: 3900 }],
    ['a cap on cash off', { type: 'cash_off', value: 500, rules: { cap: 100 } }],
    ['dates the wrong way round', { validFrom: nowS() + DAY_S, validTo: nowS() }],
  ] as const)('refuses a campaign with %s', async (_, input) => {
    const answer = await get().admin.call('POST', '/v1/campaigns', campaignBody(input));
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe('request_invalid');
  });

  it('refuses a campaign for a store that does not exist', async () => {
    const answer = await get().admin.call(
      'POST',
      '/v1/campaigns',
      campaignBody({ storeId: '00000000-0000-7000-8000-000000000000' }),
    );
    expect(answer.status).toBe(404);
    expect(errorCode(answer)).toBe('store_unknown');
  });

  it('rotates the key: old vouchers (future-dated ones too) still verify and redeem, new ones use the new kid', async () => {
    const campaign = await createCampaign(get().admin);
    const [before] = await issue(get().admin, campaign);
    // Already issued for a campaign that starts tomorrow: the retired key must keep vouching for it.
    const future = await createCampaign(get().admin, { validFrom: nowS() + DAY_S, validTo: nowS() + 3 * DAY_S });
    const [late] = await issue(get().admin, future);
    const rotated = await get().admin.ok<{ kid: number; retired: number }>('POST', '/v1/admin/voucher-keys/rotate');
    expect(rotated.kid).toBe(rotated.retired + 1);
    const [after] = await issue(get().admin, campaign);
    const context = await verdictContext(get().url, storeNumber);
    const lateStart = decodeVoucher(late.code);
    if (!lateStart.ok) throw new Error('issued voucher does not decode');
    expect(context.keys.get(rotated.retired)?.validTo).toBe(lateStart.voucher.claims.notBefore);
    expect(judgeVoucher(before.code, context)).toMatchObject({ ok: true, claims: { kid: rotated.retired } });
    expect(judgeVoucher(after.code, context)).toMatchObject({ ok: true, claims: { kid: rotated.kid } });
    expect(judgeVoucher(late.code, { ...context, now: nowS() + 2 * DAY_S })).toMatchObject({ ok: true });
    expect((await redeem(till, redemptionBody(till, before.code))).status).toBe(200);
    expect((await redeem(till, redemptionBody(till, after.code))).status).toBe(200);
    const lateAnswer = await redeem(till, redemptionBody(till, late.code));
    expect([lateAnswer.status, errorCode(lateAnswer)]).toEqual([422, 'voucher_not_yet_valid']);
    // A kid the platform never had is refused the same way, by the till and by the platform.
    const decoded = decodeVoucher(after.code);
    expect(decoded.ok).toBe(true);
    const withoutKeys = { ...context, keys: new Map() };
    expect(judgeVoucher(after.code, withoutKeys)).toMatchObject({ reason: 'unknown_key' });
  });

  it('shows a voucher to the operator and to a till of its store, not to another store', async () => {
    const campaign = await createCampaign(get().admin, { storeId, name: '满50减5' });
    const [voucher] = await issue(get().admin, campaign);
    const status = await get().admin.ok('GET', `/v1/vouchers/${voucher.id}`);
    expect(status).toMatchObject({
      id: voucher.id,
      state: 'ACTIVE',
      campaignName: '满50减5',
      code: voucher.code,
      redeemed: null,
    });
    expect((await till.signed('GET', `/v1/vouchers/${voucher.id}`)).status).toBe(200);
    const other = (await get().admin.createStore('Elsewhere')).storeId;
    const stranger = await Till.pair(get().url, (await get().admin.pairingCode(other)).code);
    const refused = await stranger.signed('GET', `/v1/vouchers/${voucher.id}`);
    expect([refused.status, errorCode(refused)]).toEqual([403, 'voucher_other_store']);
    const unknown = await get().admin.call('GET', `/v1/vouchers/${'0'.repeat(24)}`);
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'voucher_unknown']);
    expect((await get().admin.call('GET', '/v1/vouchers/nonsense')).status).toBe(404);
  });
});
