import type { Database } from 'better-sqlite3';
import type { CouponMember, LadderPlace } from '../../../shared/vouchers/campaign-audience';
import { namedStatements } from '../db/open-database';
import type { MemberRow } from './member-cache';

/**
 * The sale's member as the coupon rules need them, from what this till knows (docs/members.md,
 * "Member campaigns"): the tier the platform last sent and the ladder's places; new while the
 * platform has sent no first visit and this till has sold them nothing; and the redemptions this
 * till has made for them that still count. Online the platform decides again with everything it
 * holds; offline this is the till's word, settled on push.
 */
const statements = namedStatements({
  ladder: 'SELECT tier_id, position, name_zh, name_en FROM member_tiers',
  earlierSale: 'SELECT 1 AS found FROM order_members WHERE member_id = ? AND order_id <> ? LIMIT 1',
  // Released, refused, lost and given-back redemptions do not count, as on the platform.
  used: `SELECT r.campaign_id, count(*) AS used FROM redemptions r JOIN order_members m ON m.order_id = r.order_id
    WHERE m.member_id = ? AND r.order_id <> ?
      AND r.state IN ('LOCAL_PENDING', 'UNKNOWN', 'OFFLINE_PROVISIONAL', 'CONFIRMED')
    GROUP BY r.campaign_id`,
});

type LadderRow = { tier_id: number; position: number; name_zh: string; name_en: string };

export function couponMemberFor(db: Database, member: MemberRow | null, orderId: string): CouponMember | null {
  if (!member) return null;
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
