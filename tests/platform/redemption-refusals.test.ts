import { generateKeyPairSync, sign } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeVoucher, encodeVoucher, voucherBytes } from '../../shared/vouchers/cp1';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import {
  createCampaign,
  DAY_S,
  errorCode,
  HOUR_S,
  issue,
  nowS,
  oneVoucher,
  redeem,
  redemptionBody,
} from './support/vouchers';

const MINUTE_MS = 60_000;

describe.each(backends)('redemption refusals on $name', (backend) => {
  // The platform's clock, moved by the tests; tills sign with the same clock unless told otherwise.
  let offset = 0;
  const platformNow = () => Date.now() + offset;
  const get = usePlatform(backend, { now: platformNow });
  let storeId: string;
  let till: Till;
  let other: Till;

  beforeAll(async () => {
    storeId = (await get().admin.createStore('红旗店')).storeId;
    till = await Till.pair(get().url, (await get().admin.pairingCode(storeId)).code);
    const otherStore = (await get().admin.createStore('Other')).storeId;
    other = await Till.pair(get().url, (await get().admin.pairingCode(otherStore)).code);
  });

  async function attempt(code: string, who: Till = till, extra: Record<string, unknown> = {}) {
    const answer = await redeem(who, { ...redemptionBody(who, code), ...extra }, { now: platformNow() });
    return { status: answer.status, code: errorCode(answer), body: answer.body as Record<string, unknown> };
  }

  it('refuses an expired voucher and one not yet valid, by the platform clock', async () => {
    const soon = await oneVoucher(get().admin, { validFrom: nowS() + HOUR_S, validTo: nowS() + DAY_S });
    expect(await attempt(soon.code)).toMatchObject({ status: 422, code: 'voucher_not_yet_valid' });
    // Read the clock once: a second may tick between issuing the voucher and checking its refusal.
    const shortValidTo = nowS() + HOUR_S;
    const short = await oneVoucher(get().admin, { validFrom: shortValidTo - 2 * HOUR_S, validTo: shortValidTo });
    offset = 2 * HOUR_S * 1000;
    try {
      const expired = await attempt(short.code);
      expect(expired).toMatchObject({ status: 422, code: 'voucher_expired' });
      expect(expired.body).toMatchObject({ error: { params: { at: shortValidTo * 1000 } } });
      // The till's clock is 2 h behind the platform: it would call the voucher good, the platform does not.
      expect(await attempt(soon.code)).toMatchObject({ status: 200 });
    } finally {
      offset = 0;
    }
  });

  it('judges dates by the platform clock however far off the till clock is', async () => {
    const voucher = await oneVoucher(get().admin, { validFrom: nowS() - HOUR_S, validTo: nowS() + HOUR_S });
    // A till whose clock runs 5 h fast signs with the platform's time (its sync layer corrects it),
    // so the request is fresh; the voucher, expired by the till's clock, is good by the platform's.
    expect(await attempt(voucher.code)).toMatchObject({ status: 200 });
    // Signing with the wrong clock itself is refused as stale, and nothing is redeemed.
    const fast = await redeem(till, redemptionBody(till, voucher.code), { now: Date.now() + 5 * HOUR_S * 1000 });
    expect([fast.status, errorCode(fast)]).toEqual([401, 'timestamp_stale']);
  });

  it('refuses a voucher of another store', async () => {
    const voucher = await oneVoucher(get().admin, { storeId });
    expect(await attempt(voucher.code, other)).toMatchObject({ status: 403, code: 'voucher_other_store' });
    expect(await attempt(voucher.code)).toMatchObject({ status: 200 });
  });

  it('refuses blocked and revoked vouchers', async () => {
    const campaign = await createCampaign(get().admin);
    const [blocked, revoked] = await issue(get().admin, campaign, 2);
    await get().admin.ok('POST', `/v1/vouchers/${blocked.id}/block`);
    await get().admin.ok('POST', `/v1/vouchers/${revoked.id}/revoke`);
    expect(await attempt(blocked.code)).toMatchObject({ status: 403, code: 'voucher_blocked' });
    expect(await attempt(revoked.code)).toMatchObject({ status: 410, code: 'voucher_revoked' });
  });

  it('says where and when a voucher was already redeemed, in the caller language', async () => {
    const voucher = await oneVoucher(get().admin);
    const first = await attempt(voucher.code, till, { mode: 'capture' });
    expect(first).toMatchObject({ status: 200, body: { redemption: { state: 'CAPTURED' } } });
    const capturedAt = (first.body.redemption as { capturedAt: number }).capturedAt;
    const again = await attempt(voucher.code, other);
    expect(again).toMatchObject({ status: 409, code: 'voucher_already_redeemed' });
    expect(again.body).toMatchObject({ error: { params: { store: '红旗店', at: capturedAt } } });
    const zh = await redeem(other, redemptionBody(other, voucher.code), { headers: { 'accept-language': 'zh-CN' } });
    expect((zh.body as { error: { message: string } }).error.message).toMatch(/^该券已于 .* 在 红旗店 核销。$/);
  });

  it('refuses a forged signature, an unknown kid, and texts that are no voucher', async () => {
    const voucher = await oneVoucher(get().admin);
    const decoded = decodeVoucher(voucher.code);
    if (!decoded.ok) throw new Error('issued voucher does not decode');
    const forged = decoded.voucher.signature.slice();
    forged[10] ^= 1;
    expect(await attempt(encodeVoucher(decoded.voucher.signed, forged))).toMatchObject({
      status: 422,
      code: 'voucher_bad_signature',
    });
    // Our claims, more value, signed by someone else's key under our kid.
    const { privateKey } = generateKeyPairSync('ed25519');
    const richer = voucherBytes({ ...decoded.voucher.claims, value: 99_900 });
    const selfSigned = encodeVoucher(richer, new Uint8Array(sign(null, richer, privateKey)));
    expect(await attempt(selfSigned)).toMatchObject({ status: 422, code: 'voucher_bad_signature' });
    const strangeKid = voucherBytes({ ...decoded.voucher.claims, kid: 99 });
    const wrongKid = encodeVoucher(strangeKid, new Uint8Array(sign(null, strangeKid, privateKey)));
    expect(await attempt(wrongKid)).toMatchObject({ status: 422, code: 'voucher_unknown_key' });
    expect(await attempt('6921168478354')).toMatchObject({ status: 400, code: 'voucher_not_a_voucher' });
    expect(await attempt(voucher.code.slice(0, 60))).toMatchObject({ status: 400, code: 'voucher_damaged' });
  });

  it('keeps only the newest presentation token live and refuses a replayed one', async () => {
    const voucher = await oneVoucher(get().admin);
    const older = await get().admin.ok<{ code: string; expires: number }>(
      'POST',
      `/v1/vouchers/${voucher.id}/presentation`,
    );
    const newer = await get().admin.ok<{ code: string }>('POST', `/v1/vouchers/${voucher.id}/presentation`);
    expect(older.expires).toBeLessThanOrEqual(nowS() + 5 * 60);
    expect(await attempt(older.code)).toMatchObject({ status: 409, code: 'token_superseded' });
    expect(await attempt(newer.code, till, { mode: 'capture' })).toMatchObject({ status: 200 });
    expect(await attempt(newer.code)).toMatchObject({ status: 409, code: 'voucher_already_redeemed' });
    // A token is good for minutes only.
    const fresh = await oneVoucher(get().admin);
    const token = await get().admin.ok<{ code: string }>('POST', `/v1/vouchers/${fresh.id}/presentation`);
    offset = 6 * MINUTE_MS;
    try {
      expect(await attempt(token.code)).toMatchObject({ status: 422, code: 'voucher_expired' });
    } finally {
      offset = 0;
    }
  });

  it('counts redemptions per customer across the campaign', async () => {
    const campaign = await createCampaign(get().admin, { rules: { perCustomerLimit: 1 } });
    const [first, second] = await issue(get().admin, campaign, 2, 'customer-42');
    const [someoneElse] = await issue(get().admin, campaign, 1, 'customer-43');
    expect(await attempt(first.code, till, { mode: 'capture' })).toMatchObject({ status: 200 });
    const limited = await attempt(second.code);
    expect(limited).toMatchObject({ status: 409, code: 'customer_limit' });
    expect(limited.body).toMatchObject({ error: { params: { limit: 1 } } });
    expect(await attempt(someoneElse.code)).toMatchObject({ status: 200 });
  });

  it('refuses a held voucher until the hold expires', async () => {
    const voucher = await oneVoucher(get().admin);
    expect(await attempt(voucher.code)).toMatchObject({ status: 200 });
    expect(await attempt(voucher.code, till)).toMatchObject({ status: 409, code: 'voucher_held' });
    offset = 3 * MINUTE_MS;
    try {
      expect(await attempt(voucher.code, till)).toMatchObject({ status: 200, body: { redemption: { state: 'HELD' } } });
    } finally {
      offset = 0;
    }
  });

  it('refuses a voucher of a stopped campaign, and tells the tills', async () => {
    const campaign = await createCampaign(get().admin, { name: 'Spring' });
    const [voucher] = await issue(get().admin, campaign);
    const { cursor } = await till.pullAll('campaigns');
    await get().admin.ok('POST', `/v1/campaigns/${campaign}/stop`);
    const stopped = await attempt(voucher.code);
    expect(stopped).toMatchObject({ status: 409, code: 'voucher_campaign_inactive' });
    expect(stopped.body).toMatchObject({ error: { params: { campaign: 'Spring' } } });
    const pulled = await till.pullAll('campaigns', cursor);
    expect(pulled.changes).toEqual([
      expect.objectContaining({ id: String(campaign), data: expect.objectContaining({ active: false }) }),
    ]);
    const unknown = await get().admin.call('POST', '/v1/campaigns/999999/stop');
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'campaign_unknown']);
  });

  it('refuses to take off more than the voucher gives', async () => {
    const cash = await oneVoucher(get().admin, { value: 500 });
    expect(await attempt(cash.code, till, { amount: 501 })).toMatchObject({ status: 400, code: 'request_invalid' });
    const percent = await oneVoucher(get().admin, { type: 'percent_off', value: 2000, rules: { cap: 1500 } });
    expect(await attempt(percent.code, till, { amount: 1501 })).toMatchObject({ status: 400, code: 'request_invalid' });
    expect(await attempt(percent.code, till, { amount: 1500 })).toMatchObject({ status: 200 });
    const held = await attempt(cash.code, till, { amount: 500 });
    const id = (held.body.redemption as { id: string; orderId: string }).id;
    const capture = await till.signed('POST', `/v1/redemptions/${id}/capture`, { orderId: id, amount: 900 });
    expect([capture.status, errorCode(capture)]).toEqual([400, 'request_invalid']);
  });

  it('refuses a body without its Idempotency-Key and a body naming another device', async () => {
    const voucher = await oneVoucher(get().admin);
    const body = redemptionBody(till, voucher.code);
    const bare = await till.signed('POST', '/v1/redemptions', body);
    expect([bare.status, errorCode(bare)]).toEqual([400, 'idempotency_key_missing']);
    const wrong = await redeem(till, { ...body, deviceId: other.deviceId });
    expect([wrong.status, errorCode(wrong)]).toEqual([403, 'device_mismatch']);
  });
});
