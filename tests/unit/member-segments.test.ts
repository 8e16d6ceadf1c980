import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../shared/errors';
import {
  cashierHint,
  fifthOf,
  type MemberAggregate,
  Population,
  quintileCutoffs,
  RecencyBands,
  recencyBand,
  recencyBandsInOrder,
  recencyPresets,
  rfmScores,
} from '../../shared/members/segments';
import { seededRandom } from '../support/random';

const cafe = recencyPresets.cafe;

describe('recency bands', () => {
  it('puts a café’s members in bands at 30, 90 and 180 days, each last day inside its band', () => {
    const band = (d: number) => recencyBand(cafe, d);
    expect([0, 30, 31, 90, 91, 180, 181, 3_650].map(band)).toEqual([
      'active',
      'active',
      'sleeping',
      'sleeping',
      'churned',
      'churned',
      'lost',
      'lost',
    ]);
  });

  it('needs bands that rise, with a message in both languages, and bounds their days', () => {
    for (const preset of Object.values(recencyPresets)) expect(recencyBandsInOrder(preset)).toBe(true);
    expect(recencyBandsInOrder({ activeDays: 30, sleepingDays: 30, churnedDays: 180 })).toBe(false);
    expect(errorMessage('recency_bands_order', {}, 'zh-CN')).toMatch(/。$/);
    expect(RecencyBands.safeParse({ activeDays: 0, sleepingDays: 90, churnedDays: 180 }).success).toBe(false);
    expect(RecencyBands.safeParse({ activeDays: 30, sleepingDays: 90, churnedDays: 3_651 }).success).toBe(false);
  });
});

describe('RFM in fifths', () => {
  it('cuts a population into fifths, equal values in the lower fifth where a cutoff falls among them', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    const cutoffs = quintileCutoffs(values);
    expect(cutoffs).toEqual([2, 4, 6, 8]);
    expect(values.map((v) => fifthOf(v, cutoffs))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    // Most members ordered once: they all score 1, and the few regulars stand out.
    const orders = [1, 1, 1, 1, 1, 1, 1, 2, 3, 9];
    const byOrders = quintileCutoffs(orders);
    expect(orders.map((v) => fifthOf(v, byOrders))).toEqual([1, 1, 1, 1, 1, 1, 1, 4, 5, 5]);
    expect(quintileCutoffs([])).toEqual([]);
    expect(fifthOf(7, quintileCutoffs([7]))).toBe(1);
  });

  it('scores recency, frequency and monetary, and the value from the last two', () => {
    const population: MemberAggregate[] = Array.from({ length: 10 }, (_, i) => ({
      memberId: `m${i}`,
      daysSinceLastVisit: i * 20,
      orders: i + 1,
      spend: (i + 1) * 1_000,
    }));
    const scores = rfmScores(population);
    expect(scores.get('m0')).toEqual({ r: 5, f: 1, m: 1, value: 'low' });
    expect(scores.get('m5')).toEqual({ r: 3, f: 3, m: 3, value: 'mid' });
    expect(scores.get('m9')).toEqual({ r: 1, f: 5, m: 5, value: 'high' });
  });

  it('gives every member the same scores whatever order the population comes in: 200 random populations', () => {
    const random = seededRandom(3090);
    for (let run = 0; run < 200; run++) {
      const population = Population.parse(
        Array.from({ length: 1 + random.int(300) }, (_, i) => ({
          memberId: `m${i}`,
          daysSinceLastVisit: random.int(random.next() < 0.5 ? 10 : 400),
          orders: random.int(random.next() < 0.5 ? 3 : 50),
          spend: random.int(random.next() < 0.3 ? 5 : 100_000),
        })),
      );
      const scores = rfmScores(population);
      const shuffled = [...population].sort(() => random.next() - 0.5);
      expect(rfmScores(shuffled)).toEqual(scores);
      const counts = [0, 0, 0, 0, 0, 0];
      for (const score of scores.values()) counts[score.m] += 1;
      // No fifth holds more than its fifth of the population, ties aside, which only pull scores down.
      const distinct = new Set(population.map((a) => a.spend)).size;
      if (distinct === population.length) expect(counts[5]).toBeLessThanOrEqual(Math.ceil(population.length / 5));
      for (const a of population) {
        const s = scores.get(a.memberId);
        const same = population.filter((b) => b.spend === a.spend).map((b) => scores.get(b.memberId)?.m);
        expect(new Set(same).size).toBe(1);
        expect(s?.m).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('the cashier’s hint', () => {
  it('says the band and the last visit in one line, in both languages', () => {
    const restaurant = recencyPresets.restaurant;
    expect(cashierHint(restaurant, 94, null, 'en')).toBe('sleeping — last visit 94 days ago');
    expect(cashierHint(restaurant, 94, null, 'zh-CN')).toBe('沉睡 — 上次到店 94 天前');
    expect(cashierHint(cafe, 94, null, 'en')).toBe('churned — last visit 94 days ago');
    expect(cashierHint(cafe, 3, 'high', 'en')).toBe('active — last visit 3 days ago · high value');
    expect(cashierHint(cafe, 200, 'low', 'zh-CN')).toBe('深度流失 — 上次到店 200 天前 · 低价值');
    expect(cashierHint(cafe, 0, null, 'en')).toBe('active — visited today');
    expect(cashierHint(cafe, 1, null, 'zh-CN')).toBe('活跃 — 上次到店是昨天');
    expect(cashierHint(cafe, null, null, 'en')).toBe('new member — first visit');
  });
});
