import { describe, expect, it } from 'vitest';
import { RiskLimits } from '../../shared/vouchers/campaign';
import {
  decideOffline,
  faceValueOf,
  type OfflineFacts,
  type OfflineLimit,
  offlineLimitText,
} from '../../shared/vouchers/offline-decision';

const limits = RiskLimits.parse({
  floorPerRedemption: 5_000,
  printedFloor: 2_000,
  softConsecutive: 20,
  hardConsecutive: 50,
  deviceOfflineTotal: 100_000,
  storeOfflineTotal: 300_000,
  maxSincePullSeconds: 24 * 3600,
});
const now = 1_800_000_000_000;

/** A redemption well inside every limit; each test moves one fact to its boundary. */
function facts(change: Partial<OfflineFacts> = {}): OfflineFacts {
  return {
    limits,
    campaignOfflineAllowed: true,
    voucherOfflineAllowed: true,
    amount: 1_000,
    faceValue: 1_000,
    printed: false,
    consecutive: 0,
    unconfirmed: 0,
    lastPullAt: now - 60_000,
    now,
    clockDoubted: false,
    ...change,
  };
}

const refusedFor = (limit: OfflineLimit) => ({ ok: false, code: 'voucher_offline_limit', limit });

describe('the offline decision', () => {
  it('allows a low-value redemption inside every limit', () => {
    expect(decideOffline(facts())).toEqual({ ok: true, pastSoftLimit: false });
  });

  it('needs both the campaign and the signed voucher to allow offline redemption', () => {
    expect(decideOffline(facts({ campaignOfflineAllowed: false }))).toEqual({
      ok: false,
      code: 'voucher_offline_not_allowed',
    });
    expect(decideOffline(facts({ voucherOfflineAllowed: false }))).toEqual({
      ok: false,
      code: 'voucher_offline_not_allowed',
    });
  });

  it('takes vouchers up to the floor of face value and not one fen more', () => {
    expect(decideOffline(facts({ faceValue: 5_000 })).ok).toBe(true);
    expect(decideOffline(facts({ faceValue: 5_001 }))).toEqual(refusedFor('floor'));
    // A ¥100 voucher on a ¥30 cart takes ¥30, but its face is what the floor is about.
    expect(decideOffline(facts({ amount: 3_000, faceValue: 10_000 }))).toEqual(refusedFor('floor'));
  });

  it('holds a printed voucher (no presentation nonce) to the stricter floor', () => {
    expect(decideOffline(facts({ printed: true, faceValue: 2_000 })).ok).toBe(true);
    expect(decideOffline(facts({ printed: true, faceValue: 2_001 }))).toEqual(refusedFor('printed_floor'));
  });

  it('reads face value as the signed value, the cap of a percentage, or the free item', () => {
    expect(faceValueOf('cash_off', 10_000, null, 3_000)).toBe(10_000);
    expect(faceValueOf('threshold_off', 1_000, null, 1_000)).toBe(1_000);
    expect(faceValueOf('group_buy', 2_290, null, 2_290)).toBe(2_290);
    expect(faceValueOf('percent_off', 2_000, 1_000, 640)).toBe(1_000);
    expect(faceValueOf('percent_off', 2_000, null, 640)).toBe(640);
    expect(faceValueOf('free_item', 0, null, 250)).toBe(250);
  });

  it('stops at the hard number of offline redemptions in a row, and only notes the soft one', () => {
    expect(decideOffline(facts({ consecutive: 18 }))).toEqual({ ok: true, pastSoftLimit: false });
    expect(decideOffline(facts({ consecutive: 19 }))).toEqual({ ok: true, pastSoftLimit: false });
    expect(decideOffline(facts({ consecutive: 20 }))).toEqual({ ok: true, pastSoftLimit: true });
    expect(decideOffline(facts({ consecutive: 49 }))).toEqual({ ok: true, pastSoftLimit: true });
    expect(decideOffline(facts({ consecutive: 50 }))).toEqual(refusedFor('consecutive'));
  });

  it('keeps the device’s unconfirmed total at or under its limit', () => {
    expect(decideOffline(facts({ unconfirmed: 99_000, amount: 1_000 })).ok).toBe(true);
    expect(decideOffline(facts({ unconfirmed: 99_001, amount: 1_000 }))).toEqual(refusedFor('device_total'));
  });

  it('checks the store total with the share this till knows', () => {
    const tight = RiskLimits.parse({ ...limits, deviceOfflineTotal: 500_000, storeOfflineTotal: 30_000 });
    expect(decideOffline(facts({ limits: tight, unconfirmed: 29_000, amount: 1_000 })).ok).toBe(true);
    expect(decideOffline(facts({ limits: tight, unconfirmed: 29_001, amount: 1_000 }))).toEqual(
      refusedFor('store_total'),
    );
  });

  it('refuses once the last successful pull is older than allowed, or when there never was one', () => {
    const max = limits.maxSincePullSeconds * 1000;
    expect(decideOffline(facts({ lastPullAt: now - max })).ok).toBe(true);
    expect(decideOffline(facts({ lastPullAt: now - max - 1 }))).toEqual(refusedFor('pull_age'));
    expect(decideOffline(facts({ lastPullAt: null }))).toEqual(refusedFor('pull_age'));
  });

  it('decides nothing alone once the platform has said this till’s clock is wrong', () => {
    expect(decideOffline(facts({ clockDoubted: true }))).toEqual(refusedFor('clock'));
  });

  it('names each limit in both languages, with money in the store’s currency', () => {
    const money = (amount: number) => ({ en: `¥${amount / 100}`, 'zh-CN': `¥${amount / 100}` });
    const all: OfflineLimit[] = [
      'floor',
      'printed_floor',
      'consecutive',
      'device_total',
      'store_total',
      'pull_age',
      'clock',
    ];
    const texts = all.map((limit) => offlineLimitText(limit, limits, money));
    for (const text of texts) {
      expect(text.en).toMatch(/[a-z]/);
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(texts[0].en).toContain('¥50');
    expect(texts[1]['zh-CN']).toContain('¥20');
    expect(texts[2].en).toContain('50');
    expect(texts[5].en).toContain('24 h');
    expect(new Set(texts.map((t) => t.en)).size).toBe(all.length);
  });
});
