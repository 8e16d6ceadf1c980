import type { Database } from 'better-sqlite3';
import type { OrderMember } from '../../../shared/contract/orders';
import { AppError } from '../../../shared/errors';
import { namedStatements } from '../db/open-database';
import { cachedMember } from './member-cache';

/** What the sale's push reads of the order's member (in the sales' `payloadSql`). */
export const orderMemberSql = { memberIdOf: 'SELECT member_id FROM order_members WHERE order_id = ?' };

const statements = namedStatements({
  ...orderMemberSql,
  insert: 'INSERT INTO order_members (order_id, member_id, tier_zh, tier_en) VALUES (?, ?, ?, ?)',
  // The masked number from the cache, not the order: an erased member's receipts no longer show it.
  ofOrder: `SELECT o.member_id, o.tier_zh, o.tier_en, m.masked_phone FROM order_members o
    LEFT JOIN members m ON m.id = o.member_id WHERE o.order_id = ?`,
});

/**
 * The member the cart names must be one this till identified (it is in the cache: looked up,
 * identified by a genuine code, enrolled, or sent by the platform); the renderer's word is not
 * taken for an id. Read before anything is written, so a refusal leaves nothing behind.
 */
export function requireKnownMember(db: Database, memberId: string | null | undefined) {
  if (!memberId) return null;
  const row = cachedMember(db, memberId);
  if (!row) throw new AppError('member_not_identified');
  return row;
}

/** In the order's transaction: the member and the tier they had at the sale, never changed after. */
export function linkOrderMember(db: Database, orderId: string, member: ReturnType<typeof requireKnownMember>): void {
  if (!member) return;
  statements(db).insert.run(orderId, member.id, member.tier_zh, member.tier_en);
}

export function orderMember(db: Database, orderId: string): OrderMember | null {
  const row = statements(db).ofOrder.get(orderId) as
    | { member_id: string; tier_zh: string | null; tier_en: string | null; masked_phone: string | null }
    | undefined;
  if (!row) return null;
  return {
    id: row.member_id,
    maskedPhone: row.masked_phone,
    tier: row.tier_zh === null || row.tier_en === null ? null : { en: row.tier_en, 'zh-CN': row.tier_zh },
  };
}

/** For the sale's push: the member id, or null. */
export function orderMemberId(db: Database, orderId: string): string | null {
  const row = statements(db).memberIdOf.get(orderId) as { member_id: string } | undefined;
  return row?.member_id ?? null;
}
