import { z } from 'zod';
import type { Text } from '../errors';

/** The most redemptions per member a campaign may allow: past it a limit means nothing at a counter. */
export const PER_MEMBER_LIMIT_MAX = 1_000;

/**
 * Who may use a campaign's coupons (DOMAIN.md, Coupons; docs/members.md, "Member campaigns"):
 * anyone; members only, optionally of a tier or a higher one (by the tier's place on the brand's
 * ladder); or new customers, members with no earlier paid order at the brand on any channel.
 * Numbers are bounded by the platform when the campaign is created, in the operator's words.
 */
export const CampaignAudience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everyone') }),
  z.object({ kind: z.literal('members'), minTier: z.number().int().nullable().default(null) }),
  z.object({ kind: z.literal('new_customers') }),
]);
export type CampaignAudience = z.infer<typeof CampaignAudience>;

/** What the rules below read of a campaign. */
export type AudienceRules = {
  id: number;
  name: string;
  rules: { audience: CampaignAudience; perMemberLimit: number | null };
};

/** A tier of the brand's ladder as the rules need it: its place (0 = lowest) and its names. */
export type LadderPlace = { place: number; nameZh: string; nameEn: string };

/**
 * The member on the sale, as far as the caller knows them: the platform from everything it holds;
 * a till from its cache and its own records, deciding alone when offline.
 */
export type CouponMember = {
  /** The member's tier id, or null when not known here (identified offline by id alone). */
  tierId: number | null;
  ladder: ReadonlyMap<number, LadderPlace>;
  /** No earlier paid order at the brand on any channel. */
  newCustomer: boolean;
  /** Redemptions already counted toward a campaign's per-member limit, by campaign id. */
  used: ReadonlyMap<number, number>;
};

/** The member as the till's core sends it (`members.couponMember`), for the checkout's preview. */
export type CouponMemberWire = {
  tierId: number | null;
  ladder: readonly ({ tierId: number } & LadderPlace)[];
  newCustomer: boolean;
  used: readonly { campaignId: number; used: number }[];
};

export function couponMemberFromWire(wire: CouponMemberWire): CouponMember {
  return {
    tierId: wire.tierId,
    ladder: new Map(wire.ladder.map(({ tierId, ...place }) => [tierId, place])),
    newCustomer: wire.newCustomer,
    used: new Map(wire.used.map((each) => [each.campaignId, each.used])),
  };
}

/** Why a member rule refuses a coupon; each code has its message in both languages below. */
export type AudienceRefusal =
  | { code: 'voucher_member_required'; params: { campaign: string } }
  | { code: 'voucher_member_tier'; params: { campaign: string; tierEn: string; tierZh: string } }
  | { code: 'voucher_new_customers_only'; params: { campaign: string } }
  | { code: 'voucher_member_limit'; params: { campaign: string; limit: number; used: number } };

/** A campaign with a member rule: its coupons need a member on the sale. */
export function needsMember(campaign: AudienceRules): boolean {
  return campaign.rules.audience.kind !== 'everyone' || campaign.rules.perMemberLimit !== null;
}

/**
 * The member rules of one coupon, checked in this order: a member on the sale, the tier, new
 * customers only, then the per-member limit. `onThisOrder` counts the coupons of the same campaign
 * already applied to this order, which the limit counts with the member's earlier redemptions.
 */
export function audienceRefusal(
  campaign: AudienceRules,
  member: CouponMember | null,
  onThisOrder: number,
): AudienceRefusal | null {
  if (!needsMember(campaign)) return null;
  const name = campaign.name;
  if (!member) return { code: 'voucher_member_required', params: { campaign: name } };
  const { audience, perMemberLimit } = campaign.rules;
  switch (audience.kind) {
    case 'everyone':
      break;
    case 'members': {
      if (audience.minTier === null) break;
      const lowest = member.ladder.get(audience.minTier);
      const mine = member.tierId === null ? undefined : member.ladder.get(member.tierId);
      if (!lowest || !mine || mine.place < lowest.place) {
        const tier = { en: lowest?.nameEn ?? `#${audience.minTier}`, zh: lowest?.nameZh ?? `#${audience.minTier}` };
        return { code: 'voucher_member_tier', params: { campaign: name, tierEn: tier.en, tierZh: tier.zh } };
      }
      break;
    }
    case 'new_customers':
      if (!member.newCustomer) return { code: 'voucher_new_customers_only', params: { campaign: name } };
      break;
    default: {
      const unreachable: never = audience;
      throw new Error(`unknown audience ${JSON.stringify(unreachable)}`);
    }
  }
  if (perMemberLimit === null) return null;
  const used = (member.used.get(campaign.id) ?? 0) + onThisOrder;
  return used >= perMemberLimit
    ? { code: 'voucher_member_limit', params: { campaign: name, limit: perMemberLimit, used } }
    : null;
}

/** What the cashier (or the operator reading a loss) reads for each refusal. */
export const audienceMessages = {
  voucher_member_required: {
    en: '"{campaign}" is for members only: identify the member first (scan their member code, or find them by phone).',
    'zh-CN': '“{campaign}”仅限会员使用：请先识别会员（扫会员码或按手机号查找）。',
  },
  voucher_member_tier: {
    en: '"{campaign}" is for {tierEn} members and above; this member has not reached that tier.',
    'zh-CN': '“{campaign}”仅限{tierZh}及以上等级的会员使用，该会员未达到此等级。',
  },
  voucher_new_customers_only: {
    en: '"{campaign}" is for new customers only, and this member has bought from the brand before.',
    'zh-CN': '“{campaign}”仅限新客使用，该会员此前已在本品牌消费过。',
  },
  voucher_member_limit: {
    en: '"{campaign}" can be used {limit} time(s) per member; this member has used it {used} time(s) already.',
    'zh-CN': '“{campaign}”每位会员限用 {limit} 次，该会员已使用 {used} 次。',
  },
  campaign_member_limit_range: {
    en: 'A per-member limit is a whole number from 1 to {max}; {value} is not.',
    'zh-CN': '每位会员限用次数应为 1 至 {max} 的整数；{value} 不符合。',
  },
  campaign_member_limit_everyone: {
    en: 'A per-member limit counts by member, so the campaign must be for members or for new customers.',
    'zh-CN': '每位会员限用次数按会员计算，活动须设为仅限会员或仅限新客。',
  },
  campaign_tier_unknown: {
    en: 'There is no tier {tier} on the brand’s member ladder.',
    'zh-CN': '品牌会员等级中没有等级 {tier}。',
  },
  campaign_audience_group_buy: {
    en: 'A group-buy voucher is prepaid and redeemed without a member: it cannot be for members or limited per member.',
    'zh-CN': '团购券为预付券，核销时不识别会员，不能设为仅限会员或按会员限次。',
  },
} satisfies Record<string, Text>;
