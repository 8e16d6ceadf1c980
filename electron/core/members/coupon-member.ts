import type { Database } from 'better-sqlite3';
import type { CouponMemberView } from '../../../shared/contract/members';
import type { CouponMember, LadderPlace } from '../../../shared/vouchers/campaign-audience';
import { namedStatements } from '../db/open-database';
import type { Handlers } from '../handler-context';
import type { MemberRow } from './member-cache';
import { knownMember } from './order-member';

/**
 * The sale's member as the coupon rules need them, from what this till knows (docs/members.md,
 * "Member campaigns"): the tier the platform last sent and the ladder's places; new while the
 * platform has sent no first visit and this till has sold them nothing; and the redemptions this
 * till has made for them that still count. Online the platform decides again with everything it
 * holds; offline this is the till's word, settled on push.
 */
const statements = namedStatements({
  ladder: 'SELECT tier_id, position, name_zh, name_en FROM member_tiers',
  // A sale not yet made (the checkout's preview) has no order to leave out: null, which IS NOT keeps every row.
  earlierSale: 'SELECT 1 AS found FROM order_members WHERE member_id = ? AND order_id IS NOT ? LIMIT 1',
  // Released, refused, lost and given-back redemptions do not count, as on the platform.
  used: `SELECT r.campaign_id, count(*) AS used FROM redemptions r JOIN order_members m ON m.order_id = r.order_id
    WHERE m.member_id = ? AND r.order_id IS NOT ?
      AND r.state IN ('LOCAL_PENDING', 'UNKNOWN', 'OFFLINE_PROVISIONAL', 'CONFIRMED')
    GROUP BY r.campaign_id`,
});

type LadderRow = { tier_id: number; position: number; name_zh: string; name_en: string };

export function couponMemberFor(db: Database, member: MemberRow | null, orderId: string): CouponMember | null {
  return member ? couponMemberOf(db, member, orderId) : null;
}

function couponMemberOf(db: Database, member: MemberRow, orderId: string | null): CouponMember {
  const q = statements(db);
  const ladder = new Map<number, LadderPlace>(
    (q.ladder.all() as LadderRow[]).map((row) => [
      row.tier_id,
      { place: row.position, nameZh: row.name_zh, nameEn: row.name_en },
    ]),
  );
  const soldHere = q.earlierSale.get(member.id, orderId) !== undefined;
  const used = new Map(
    (q.used.all(member.id, orderId) as { campaign_id: number; used: number }[]).map((row) => [
      row.campaign_id,
      row.used,
    ]),
  );
  return {
    tierId: member.erased === 1 ? null : member.tier_id,
    ladder,
    newCustomer: member.first_visit_at === null && !soldHere,
    used,
  };
}

/**
 * `members.couponMember`: the member the commit judges by (`knownMember`, then the above),
 * for the checkout's preview, with the redemptions of the campaigns on the cart only.
 */
export const couponMemberHandlers: Pick<Handlers, 'members.couponMember'> = {
  'members.couponMember': (ctx, input): CouponMemberView => {
    const member = couponMemberOf(ctx.db, knownMember(ctx.db, input.memberId), null);
    const ladder = [...member.ladder].map(([tierId, place]) => ({ tierId, ...place }));
    const used = input.campaignIds.flatMap((campaignId) => {
      const count = member.used.get(campaignId) ?? 0;
      return count > 0 ? [{ campaignId, used: count }] : [];
    });
    return { tierId: member.tierId, ladder, newCustomer: member.newCustomer, used };
  },
};
