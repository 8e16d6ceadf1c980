import type { Database } from 'better-sqlite3';
import type { OrderMember, SalePoints } from '../../../shared/contract/orders';
import { AppError } from '../../../shared/errors';
import { namedStatements } from '../db/open-database';
import { cachedMember } from './member-cache';

/** What the sale's push reads of the order's member (in the sales' `payloadSql`). */
export const orderMemberSql = { memberIdOf: 'SELECT member_id FROM order_members WHERE order_id = ?' };

const statements = namedStatements({
  ...orderMemberSql,
  insert: `INSERT INTO order_members (order_id, member_id, tier_zh, tier_en, points_before, points_earned, points_known)
    VALUES (@orderId, @memberId, @tierZh, @tierEn, @pointsBefore, @pointsEarned, @pointsKnown)`,
  // The masked number from the cache, not the order: an erased member's receipts no longer show it.
  ofOrder: `SELECT o.member_id, o.tier_zh, o.tier_en, o.points_before, o.points_earned, o.points_known, m.masked_phone
    FROM order_members o LEFT JOIN members m ON m.id = o.member_id WHERE o.order_id = ?`,
});

/**
 * The member the cart names must be one this till identified (it is in the cache: looked up,
 * identified by a genuine code, enrolled, or sent by the platform); the renderer's word is not
 * taken for an id. Read before anything is written, so a refusal leaves nothing behind.
 */
export function requireKnownMember(db: Database, memberId: string | null | undefined) {
  return memberId ? knownMember(db, memberId) : null;
}

export function knownMember(db: Database, memberId: string) {
  const row = cachedMember(db, memberId);
  if (!row) throw new AppError('member_not_identified');
  return row;
}

/** The member's points as the sale found them (`sale-points.ts`); the used points are its payments'. */
export type PointsAtSale = Omit<SalePoints, 'used' | 'after'>;

/** In the order's transaction: the member, their tier and their points at the sale, never changed after. */
export function linkOrderMember(
  db: Database,
  orderId: string,
  member: ReturnType<typeof requireKnownMember>,
  points: PointsAtSale | null,
): void {
  if (!member) return;
  statements(db).insert.run({
    orderId,
    memberId: member.id,
    tierZh: member.tier_zh,
    tierEn: member.tier_en,
    pointsBefore: points?.before ?? null,
    pointsEarned: points?.earned ?? null,
    pointsKnown: points?.known ?? null,
  });
}

type OrderMemberRow = {
  member_id: string;
  tier_zh: string | null;
  tier_en: string | null;
  points_before: number | null;
  points_earned: number | null;
  points_known: SalePoints['known'] | null;
  masked_phone: string | null;
};

/** The order's member; `used` is what its points payments used. */
export function orderMember(db: Database, orderId: string, used: number): OrderMember | null {
  const row = statements(db).ofOrder.get(orderId) as OrderMemberRow | undefined;
  if (!row) return null;
  return {
    id: row.member_id,
    maskedPhone: row.masked_phone,
    tier: row.tier_zh === null || row.tier_en === null ? null : { en: row.tier_en, 'zh-CN': row.tier_zh },
    points: row.points_known === null ? null : salePoints(row, row.points_known, used),
  };
}

function salePoints(row: OrderMemberRow, known: SalePoints['known'], used: number): SalePoints {
  const before = row.points_before;
  const earned = row.points_earned;
  return { before, used, earned, after: before === null ? null : before - used + (earned ?? 0), known };
}

/** For the sale's push: the member id, or null. */
export function orderMemberId(db: Database, orderId: string): string | null {
  const row = statements(db).memberIdOf.get(orderId) as { member_id: string } | undefined;
  return row?.member_id ?? null;
}
