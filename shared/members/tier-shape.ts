import type { Text } from '../errors';
import { memberCeilings } from './member-limits';
import { TierLadder } from './tiers';

/** What the owner reads when a ladder is not even shaped like one (before `ladderProblem`). */
export const tierShapeMessages = {
  tier_ladder_size: {
    en: `A tier ladder has 1 to ${memberCeilings.tiers} tiers, lowest first.`,
    'zh-CN': `会员等级须为 1 到 ${memberCeilings.tiers} 个，从低到高排列。`,
  },
  tier_ladder_field: {
    en: '“{tier}” cannot be saved: {rule}.',
    'zh-CN': '“{tier}”无法保存：{rule}。',
  },
} satisfies Record<string, Text>;

/** 20000 → "20,000": a count in a message, the same in both languages. */
const groupedDigits = (count: number) => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const rules = {
  id: { en: 'its number must be a whole number from 1 to 999', 'zh-CN': '等级编号须为 1 到 999 的整数' },
  name: {
    en: `its names must be 1 to ${memberCeilings.tierName} characters, in Chinese and in English`,
    'zh-CN': `中英文名称均须为 1 到 ${memberCeilings.tierName} 个字符`,
  },
  minGrowth: {
    en: 'its growth threshold must be a whole number from 0 to 1,000,000,000',
    'zh-CN': '成长值门槛须为 0 到 1,000,000,000 的整数',
  },
  benefits: {
    en: 'its benefits are a tier discount and a member price list, at most one of each',
    'zh-CN': '权益为会员折扣和会员价，每种最多一项',
  },
  rateBp: {
    en: 'a tier discount is 1 to 5,000 basis points (at most 50 % off; deeper is a member price)',
    'zh-CN': '会员折扣须为 1 到 5000 个基点（最多五折，更低请设会员价）',
  },
  prices: {
    en: `a member price list holds 1 to ${groupedDigits(memberCeilings.memberPrices)} products`,
    'zh-CN': `会员价须包含 1 到 ${groupedDigits(memberCeilings.memberPrices)} 个商品`,
  },
  sku: {
    en: 'each member price names its product by SKU: 1 to 40 letters, digits, _ . or -',
    'zh-CN': '每个会员价须以商品编码指明商品：1 到 40 个字母、数字、_ . 或 -',
  },
  price: {
    en: 'each member price is a whole number of fen within the catalog’s price limit',
    'zh-CN': '每个会员价须为不超过商品价格上限的整数（分）',
  },
} satisfies Record<string, Text>;

export type LadderShapeProblem =
  | { code: 'tier_ladder_size'; params: Record<string, never> }
  | { code: 'tier_ladder_field'; params: { tier: Text | string; rule: Text } };

function ruleFor(path: readonly PropertyKey[]): Text {
  const keys = path.filter((key): key is string => typeof key === 'string');
  for (const key of [...keys].reverse()) {
    if (key === 'nameZh' || key === 'nameEn') return rules.name;
    if (key === 'id' || key === 'minGrowth' || key === 'rateBp' || key === 'sku' || key === 'price') return rules[key];
    if (key === 'prices') return rules.prices;
  }
  return rules.benefits;
}

/**
 * The first thing about a ladder's shape that is wrong, in the owner's words (the tier by its name
 * where it has one, else by its place), or null when `TierLadder` takes it.
 */
export function ladderShapeProblem(input: unknown): LadderShapeProblem | null {
  const parsed = TierLadder.safeParse(input);
  if (parsed.success) return null;
  if (!Array.isArray(input) || input.length === 0 || input.length > memberCeilings.tiers) {
    return { code: 'tier_ladder_size', params: {} };
  }
  const issue = parsed.error.issues[0];
  const at = typeof issue.path[0] === 'number' ? issue.path[0] : 0;
  const tier: unknown = input[at];
  const named = (field: 'nameZh' | 'nameEn') =>
    typeof tier === 'object' && tier !== null && typeof Reflect.get(tier, field) === 'string'
      ? String(Reflect.get(tier, field)).slice(0, memberCeilings.tierName)
      : `#${at + 1}`;
  return {
    code: 'tier_ladder_field',
    params: { tier: { en: named('nameEn'), 'zh-CN': named('nameZh') }, rule: ruleFor(issue.path.slice(1)) },
  };
}
