import { z } from 'zod';
import { Sku } from '../contract/catalog';
import { ceilings } from '../limits';
import { type Money, moneyInput } from '../money';
import type { MemberPricing } from '../pricing/member-pricing';
import { memberCeilings } from './member-limits';

/**
 * A tier's benefit at the counter (DOMAIN.md, Members). A tier may have one of each: member prices
 * for the products that have one, and a tier discount for every other line (docs/members.md).
 * Member prices name products by SKU: the ladder is the brand's, and a product's id is each till's.
 */
export const TierBenefit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tier_discount'), rateBp: z.number().int().min(1).max(memberCeilings.tierDiscountBp) }),
  z.object({
    kind: z.literal('member_prices'),
    prices: z
      .array(z.object({ sku: Sku, price: moneyInput(ceilings.price) }))
      .min(1)
      .max(memberCeilings.memberPrices),
  }),
]);
export type TierBenefit = z.infer<typeof TierBenefit>;

const tierName = z.string().trim().min(1).max(memberCeilings.tierName);

export const Tier = z.object({
  /** The brand's number for the tier, kept when it is renamed or its threshold moves. */
  id: z.number().int().min(1).max(999),
  nameZh: tierName,
  nameEn: tierName,
  /** 成长值 a member needs to reach the tier; the first tier starts at 0, so everyone has one. */
  minGrowth: z.number().int().min(0).max(memberCeilings.growth),
  benefits: z.array(TierBenefit).max(2),
});
export type Tier = z.infer<typeof Tier>;

/** A brand's tiers, lowest first. The shape bounds are here; `ladderProblem` says what else is wrong. */
export const TierLadder = z.array(Tier).min(1).max(memberCeilings.tiers);
export type TierLadder = z.infer<typeof TierLadder>;

type TierWords = { en: string; 'zh-CN': string };

/** Why a ladder cannot be saved; each code has its message in member-messages.ts. */
export type LadderProblem =
  | { code: 'tier_ladder_start'; params: { tier: TierWords } }
  | { code: 'tier_ladder_order'; params: { tier: TierWords; previous: TierWords } }
  | { code: 'tier_ladder_same_id'; params: { tier: TierWords; previous: TierWords } }
  | { code: 'tier_benefit_twice'; params: { tier: TierWords } }
  | { code: 'tier_member_price_twice'; params: { tier: TierWords } };

/**
 * The first thing wrong with a ladder that has passed `TierLadder`: the first tier starts at 0
 * growth, thresholds rise strictly (two tiers at one threshold would leave one unreachable), ids
 * are distinct, and a tier has at most one benefit of a kind and one member price per product.
 */
export function ladderProblem(ladder: TierLadder): LadderProblem | null {
  const words = (tier: Tier): TierWords => ({ en: tier.nameEn, 'zh-CN': tier.nameZh });
  if (ladder[0].minGrowth !== 0) return { code: 'tier_ladder_start', params: { tier: words(ladder[0]) } };
  for (let i = 0; i < ladder.length; i++) {
    const tier = ladder[i];
    const previous = ladder.find((other, j) => j < i && other.id === tier.id);
    if (previous) return { code: 'tier_ladder_same_id', params: { tier: words(tier), previous: words(previous) } };
    if (i > 0 && tier.minGrowth <= ladder[i - 1].minGrowth) {
      return { code: 'tier_ladder_order', params: { tier: words(tier), previous: words(ladder[i - 1]) } };
    }
    const kinds = tier.benefits.map((benefit) => benefit.kind);
    if (new Set(kinds).size !== kinds.length) return { code: 'tier_benefit_twice', params: { tier: words(tier) } };
    const products = tier.benefits.flatMap((b) => (b.kind === 'member_prices' ? b.prices.map((p) => p.sku) : []));
    if (new Set(products).size !== products.length) {
      return { code: 'tier_member_price_twice', params: { tier: words(tier) } };
    }
  }
  return null;
}

/** The tier a growth value reaches: the highest whose threshold it meets (a checked ladder). */
export function tierFor(ladder: TierLadder, growth: number): Tier {
  let reached = ladder[0];
  for (const tier of ladder) if (growth >= tier.minGrowth) reached = tier;
  return reached;
}

/**
 * What the pricing engine needs of a tier, for these products (a cart's, by this till's ids): a
 * tier may list 20,000 member prices, a sale needs the few it sells.
 */
export function memberPricingOf(tier: Tier, products: readonly { id: string; sku: string }[]): MemberPricing {
  const memberPrices = new Map<string, Money>();
  const idOf = new Map(products.map((product) => [product.sku, product.id]));
  let tierDiscountBp = 0;
  for (const benefit of tier.benefits) {
    switch (benefit.kind) {
      case 'tier_discount':
        tierDiscountBp = benefit.rateBp;
        break;
      case 'member_prices':
        for (const { sku, price } of benefit.prices) {
          const id = idOf.get(sku);
          if (id !== undefined) memberPrices.set(id, price);
        }
        break;
      default: {
        const unreachable: never = benefit;
        throw new Error(`unknown tier benefit ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return { tierDiscountBp, memberPrices };
}

/** How an order grows a member's 成长值, set per brand. */
export const GrowthRule = z.object({
  /** Growth per whole yuan of the order's earning spend (`earningSpend` in points.ts). */
  perYuan: z.number().int().min(0).max(memberCeilings.growthPerYuan),
  /** A bonus per order that earns anything, so visits count as well as spend. */
  perOrder: z.number().int().min(0).max(memberCeilings.growthPerOrder),
});
export type GrowthRule = z.infer<typeof GrowthRule>;

/**
 * Growth an order earns on its earning spend (fen): per yuan rounded down, plus the per-order
 * bonus when it spent anything. A refund takes growth back like points (`reversalShare`).
 */
export function growthEarned(rule: GrowthRule, earningSpend: number): number {
  if (earningSpend <= 0) return 0;
  return Math.floor((earningSpend * rule.perYuan) / 100) + rule.perOrder;
}
