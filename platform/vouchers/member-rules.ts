import {
  type AudienceRefusal,
  type AudienceRules,
  audienceRefusal,
  type LadderPlace,
  needsMember,
} from '../../shared/vouchers/campaign-audience';
import type { Queryable } from '../db/sql';
import { ApiError } from '../errors';
import { readMemberSettings } from '../members/member-settings';

/**
 * A campaign's member rules judged on the platform (docs/members.md, "Member campaigns"), with
 * what only it holds: the member's tier on the brand's ladder as it stands, every paid order of
 * theirs from every channel, and every live redemption of theirs at every store. The till's word is
 * taken for nothing but which member it named; a push is judged by the member its sale names here.
 */
export type MemberAsk = {
  /** The sale's member, or null when it has none. */
  memberId: string | null;
  storeId: string;
  orderId: string;
  /** The redemption being decided, which counts toward nothing yet. */
  except: string | null;
};

/** The member a sale names on the platform (credited in its `order.paid`), or null. */
export async function saleMemberOf(tx: Queryable, storeId: string, orderId: string): Promise<string | null> {
  const [row] = await tx.query<{ member_id: string }>(
    'SELECT member_id FROM member_orders WHERE store_id = $1 AND order_id = $2',
    [storeId, orderId],
  );
  return row?.member_id ?? null;
}

/**
 * Why the campaign's coupon cannot count for this member on this order, or null. Serialised per
 * member, so two of one member's coupons at two tills at once cannot both pass a limit of one or
 * both be their first order's.
 */
export async function memberRuleRefusal(
  tx: Queryable,
  campaign: AudienceRules,
  ask: MemberAsk,
): Promise<AudienceRefusal | null> {
  if (!needsMember(campaign)) return null;
  if (ask.memberId === null) return audienceRefusal(campaign, null, 0);
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`member campaigns ${ask.memberId}`]);
  const [member] = await tx.query<{ tier: number }>('SELECT tier FROM members WHERE id = $1', [ask.memberId]);
  if (!member) throw new ApiError(404, 'member_unknown');
  const { ladder } = await readMemberSettings(tx);
  const places = new Map<number, LadderPlace>(
    ladder.map((tier, place) => [tier.id, { place, nameZh: tier.nameZh, nameEn: tier.nameEn }]),
  );
  const newCustomer = campaign.rules.audience.kind === 'new_customers' && (await isNewCustomer(tx, ask));
  const used = campaign.rules.perMemberLimit === null ? 0 : await usedByMember(tx, campaign.id, ask);
  return audienceRefusal(
    campaign,
    { tierId: member.tier, ladder: places, newCustomer, used: new Map([[campaign.id, used]]) },
    0,
  );
}

/** The same, as the refusal an online hold answers with. */
export async function requireMemberRules(tx: Queryable, campaign: AudienceRules, ask: MemberAsk): Promise<void> {
  const refusal = await memberRuleRefusal(tx, campaign, ask);
  if (refusal) throw new ApiError(409, refusal.code, refusal.params);
}

/**
 * No paid order of the member's on any channel but this one, and no live new-customer redemption of
 * theirs on another order (a hold taken for a first order that is not pushed yet).
 */
async function isNewCustomer(tx: Queryable, ask: MemberAsk): Promise<boolean> {
  const [row] = await tx.query<{ earlier: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM member_orders WHERE member_id = $1 AND NOT (store_id = $2 AND order_id = $3))
         OR EXISTS (SELECT 1 FROM redemptions r JOIN campaigns c ON c.id = r.campaign_id
                    WHERE r.member_id = $1 AND r.state IN ('HELD', 'CAPTURED') AND r.order_id <> $3
                      AND c.rules -> 'audience' ->> 'kind' = 'new_customers') AS earlier`,
    [ask.memberId, ask.storeId, ask.orderId],
  );
  return !row.earlier;
}

/** The member's held and captured redemptions in the campaign, at every store, but the one being decided. */
async function usedByMember(tx: Queryable, campaignId: number, ask: MemberAsk): Promise<number> {
  const [row] = await tx.query<{ used: number }>(
    `SELECT count(*)::int AS used FROM redemptions WHERE member_id = $1 AND campaign_id = $2
       AND state IN ('HELD', 'CAPTURED') AND id IS DISTINCT FROM $3`,
    [ask.memberId, campaignId, ask.except],
  );
  return row.used;
}
