import { z } from 'zod';
import type { Text } from '../errors';
import type { Locale } from '../locale';
import { memberCeilings } from './member-limits';

const days = z.number().int().min(1).max(memberCeilings.recencyDays);

/** Days since the last visit that end each band (DOMAIN.md: configurable per store type). */
export const RecencyBands = z.object({ activeDays: days, sleepingDays: days, churnedDays: days });
export type RecencyBands = z.infer<typeof RecencyBands>;

export const storeTypes = ['cafe', 'restaurant', 'bakery', 'convenience', 'retail'] as const;
export type StoreType = (typeof storeTypes)[number];

/** Starting points a brand adjusts: how often a regular comes back differs by the kind of store. */
export const recencyPresets: Record<StoreType, RecencyBands> = {
  cafe: { activeDays: 30, sleepingDays: 90, churnedDays: 180 },
  restaurant: { activeDays: 45, sleepingDays: 120, churnedDays: 240 },
  bakery: { activeDays: 30, sleepingDays: 90, churnedDays: 180 },
  convenience: { activeDays: 14, sleepingDays: 45, churnedDays: 90 },
  retail: { activeDays: 60, sleepingDays: 180, churnedDays: 365 },
};

/** Bands must rise strictly, or one would be empty; `recency_bands_order` in member-messages.ts. */
export function recencyBandsInOrder(bands: RecencyBands): boolean {
  return bands.activeDays < bands.sleepingDays && bands.sleepingDays < bands.churnedDays;
}

export type RecencyBand = 'active' | 'sleeping' | 'churned' | 'lost';

/** A visit `daysSince` days ago: up to and including each band's last day is that band. */
export function recencyBand(bands: RecencyBands, daysSince: number): RecencyBand {
  if (daysSince <= bands.activeDays) return 'active';
  if (daysSince <= bands.sleepingDays) return 'sleeping';
  if (daysSince <= bands.churnedDays) return 'churned';
  return 'lost';
}

/** One member's figures over the scored period, from every channel. */
export type MemberAggregate = {
  memberId: string;
  daysSinceLastVisit: number;
  orders: number;
  /** Net sales, fen. */
  spend: number;
};

export type Fifth = 1 | 2 | 3 | 4 | 5;
export type ValueSegment = 'high' | 'mid' | 'low';
export type RfmScore = { r: Fifth; f: Fifth; m: Fifth; value: ValueSegment };

/**
 * The largest value of each of the bottom four fifths of a population, from its values sorted:
 * the value at rank ⌈n·k/5⌉ for k = 1…4. Empty for an empty population.
 */
export function quintileCutoffs(values: ArrayLike<number>): number[] {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return [];
  return [1, 2, 3, 4].map((k) => sorted[Math.ceil((sorted.length * k) / 5) - 1]);
}

/**
 * The fifth a value falls in: one more than the cutoffs it is above. Members with equal values get
 * equal scores, the lower one where a cutoff falls among them, whatever order they came in.
 */
export function fifthOf(value: number, cutoffs: readonly number[]): Fifth {
  let above = 0;
  for (const cutoff of cutoffs) if (value > cutoff) above += 1;
  return (1 + above) as Fifth;
}

/**
 * RFM in fifths of the population scored (DOMAIN.md): recency (more recent scores higher),
 * frequency (orders) and monetary (spend), each 1–5; value from frequency and monetary together,
 * high at 8 or more, mid at 5 or more, low below.
 */
export function rfmScores(population: readonly MemberAggregate[]): Map<string, RfmScore> {
  const recency = quintileCutoffs(population.map((a) => -a.daysSinceLastVisit));
  const frequency = quintileCutoffs(population.map((a) => a.orders));
  const monetary = quintileCutoffs(population.map((a) => a.spend));
  const scores = new Map<string, RfmScore>();
  for (const a of population) {
    const f = fifthOf(a.orders, frequency);
    const m = fifthOf(a.spend, monetary);
    const value: ValueSegment = f + m >= 8 ? 'high' : f + m >= 5 ? 'mid' : 'low';
    scores.set(a.memberId, { r: fifthOf(-a.daysSinceLastVisit, recency), f, m, value });
  }
  return scores;
}

/** Bounds of what a scoring run reads: the platform refuses a population or a figure past these. */
export const MemberAggregate = z.object({
  memberId: z.string().min(1).max(64),
  daysSinceLastVisit: z.number().int().min(0).max(memberCeilings.recencyDays),
  orders: z.number().int().min(0).max(memberCeilings.ordersPerMember),
  spend: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export const Population = z.array(MemberAggregate).max(memberCeilings.population);

const bandWords: Record<RecencyBand | 'new', Text> = {
  active: { en: 'active', 'zh-CN': '活跃' },
  sleeping: { en: 'sleeping', 'zh-CN': '沉睡' },
  churned: { en: 'churned', 'zh-CN': '流失' },
  lost: { en: 'lost', 'zh-CN': '深度流失' },
  new: { en: 'new member', 'zh-CN': '新会员' },
};

const valueWords: Record<ValueSegment, Text> = {
  high: { en: 'high value', 'zh-CN': '高价值' },
  mid: { en: 'mid value', 'zh-CN': '中价值' },
  low: { en: 'low value', 'zh-CN': '低价值' },
};

function lastVisit(daysSince: number | null, locale: Locale): string {
  if (daysSince === null) return locale === 'en' ? 'first visit' : '首次到店';
  if (daysSince === 0) return locale === 'en' ? 'visited today' : '今天到过店';
  if (daysSince === 1) return locale === 'en' ? 'last visit yesterday' : '上次到店是昨天';
  return locale === 'en' ? `last visit ${daysSince} days ago` : `上次到店 ${daysSince} 天前`;
}

/**
 * The cashier's one line when a member is identified: "sleeping — last visit 94 days ago", with the
 * value segment when the platform has scored the member ("… · high value"). `daysSince` is null
 * for a member with no visit yet.
 */
export function cashierHint(
  bands: RecencyBands,
  daysSince: number | null,
  value: ValueSegment | null,
  locale: Locale,
): string {
  const band = daysSince === null ? 'new' : recencyBand(bands, daysSince);
  const line = `${bandWords[band][locale]} — ${lastVisit(daysSince, locale)}`;
  return value === null ? line : `${line} · ${valueWords[value][locale]}`;
}
