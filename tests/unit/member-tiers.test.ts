import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../shared/errors';
import {
  GrowthRule,
  growthEarned,
  ladderProblem,
  memberPricingOf,
  type Tier,
  TierLadder,
  tierFor,
} from '../../shared/members/tiers';

const productA = '0192f3a4-5b6c-7d8e-9fa0-b1c2d3e4f501';
const productB = '0192f3a4-5b6c-7d8e-9fa0-b1c2d3e4f502';

function ladder(tiers: unknown[]): TierLadder {
  return TierLadder.parse(tiers);
}

const tiers = ladder([
  { id: 1, nameZh: '普通会员', nameEn: 'Member', minGrowth: 0, benefits: [] },
  { id: 2, nameZh: '银卡', nameEn: 'Silver', minGrowth: 500, benefits: [{ kind: 'tier_discount', rateBp: 500 }] },
  {
    id: 3,
    nameZh: '金卡',
    nameEn: 'Gold',
    minGrowth: 2_000,
    benefits: [
      { kind: 'tier_discount', rateBp: 800 },
      { kind: 'member_prices', prices: [{ sku: 'TEA-1', price: 450 }] },
    ],
  },
]);

describe('tiers by growth value', () => {
  it('gives the highest tier whose threshold the growth meets', () => {
    const name = (growth: number) => tierFor(tiers, growth).nameEn;
    expect([0, 499, 500, 1_999, 2_000, 1_000_000_000].map(name)).toEqual([
      'Member',
      'Member',
      'Silver',
      'Silver',
      'Gold',
      'Gold',
    ]);
  });

  it('accepts a good ladder and says what is wrong with a bad one, in both languages', () => {
    expect(ladderProblem(tiers)).toBeNull();
    const with_ = (i: number, change: Partial<Tier>) =>
      ladder(tiers.map((t, j) => (j === i ? { ...t, ...change } : t)));
    const cases: [TierLadder, string][] = [
      [with_(0, { minGrowth: 10 }), 'tier_ladder_start'],
      [with_(2, { minGrowth: 500 }), 'tier_ladder_order'],
      [ladder([tiers[0], tiers[2], tiers[1]]), 'tier_ladder_order'],
      [with_(2, { id: 2 }), 'tier_ladder_same_id'],
      [with_(1, { benefits: [tiers[1].benefits[0], { kind: 'tier_discount', rateBp: 100 }] }), 'tier_benefit_twice'],
      [
        with_(2, {
          benefits: [
            {
              kind: 'member_prices',
              prices: [
                { sku: 'CAKE-2', price: 1 },
                { sku: 'CAKE-2', price: 2 },
              ] as never,
            },
          ],
        }),
        'tier_member_price_twice',
      ],
    ];
    for (const [bad, code] of cases) {
      const problem = ladderProblem(bad);
      expect(problem?.code).toBe(code);
      if (!problem) continue;
      const en = errorMessage(problem.code, problem.params, 'en');
      const zh = errorMessage(problem.code, problem.params, 'zh-CN');
      expect(en).not.toMatch(/[{}]/);
      expect(zh).not.toMatch(/[{}]/);
      expect(zh).toContain(problem.params.tier['zh-CN']);
    }
  });

  it('bounds every figure of a ladder', () => {
    const tier = tiers[1];
    expect(TierLadder.safeParse([]).success).toBe(false);
    expect(TierLadder.safeParse(Array.from({ length: 21 }, (_, i) => ({ ...tier, id: i + 1 }))).success).toBe(false);
    expect(TierLadder.safeParse([{ ...tier, minGrowth: -1 }]).success).toBe(false);
    expect(TierLadder.safeParse([{ ...tier, benefits: [{ kind: 'tier_discount', rateBp: 5_001 }] }]).success).toBe(
      false,
    );
    expect(TierLadder.safeParse([{ ...tier, benefits: [{ kind: 'tier_discount', rateBp: 0 }] }]).success).toBe(false);
    expect(TierLadder.safeParse([{ ...tier, nameZh: 'x'.repeat(41) }]).success).toBe(false);
  });

  it('hands the pricing engine the tier discount and the member prices', () => {
    const cart = [
      { id: productA, sku: 'TEA-1' },
      { id: productB, sku: 'CAKE-2' },
    ];
    expect(memberPricingOf(tiers[0], cart)).toEqual({ tierDiscountBp: 0, memberPrices: new Map() });
    expect(memberPricingOf(tiers[2], cart)).toEqual({ tierDiscountBp: 800, memberPrices: new Map([[productA, 450]]) });
    expect(memberPricingOf(tiers[2], [])).toEqual({ tierDiscountBp: 800, memberPrices: new Map() });
  });

  it('grows by whole yuan of earning spend plus a bonus per order', () => {
    const rule = GrowthRule.parse({ perYuan: 1, perOrder: 10 });
    expect(growthEarned(rule, 0)).toBe(0);
    expect(growthEarned(rule, 99)).toBe(10);
    expect(growthEarned(rule, 12_345)).toBe(133);
    expect(growthEarned({ perYuan: 3, perOrder: 0 }, 12_345)).toBe(370);
    expect(GrowthRule.safeParse({ perYuan: 101, perOrder: 0 }).success).toBe(false);
  });
});
