import { earningSpend } from '../../shared/members/points';
import { growthEarned } from '../../shared/members/tiers';
import { cumulativeShare } from '../../shared/rounding';
import type { PayloadOf } from '../../shared/sync/mutations';
import type { Queryable } from '../db/sql';
import type { ApplyContext, ApplyRefusal } from '../sync/platform-domain';
import { auditMember, memberById } from './member-records';
import { readMemberSettings, tierOf } from './member-settings';
import { markSeen, republishMember } from './member-versions';
import { earnPoints } from './points-orders';

/**
 * A sale that names a member credits them once (docs/members.md, "Sales"): growth from what was
 * paid in money (`growthEarned` on `earningSpend`), the first and last visit, and the tier the new
 * growth reaches; the store has now seen them. `member_orders` keys it by the order, so a sale
 * applied again (a restored till's replay) credits nothing more. A member the platform never
 * made is refused: no till learns a member id but from the platform or a code it signed. An
 * erased member keeps the anonymised link and growth, and nothing personal comes back. An online
 * order placed by a member (`onlineMember`) credits them through the sale that fulfils it.
 */
export async function creditMemberSale(
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<'order.paid'>,
  onlineMember: string | null = null,
): Promise<ApplyRefusal | null> {
  const { order } = payload;
  const memberId = order.memberId ?? onlineMember;
  if (!memberId) return null;
  const member = await memberById(tx, memberId, true);
  if (!member) return { code: 'member_unknown' };
  const settings = await readMemberSettings(tx);
  const spend = earningSpend(payload.payments.map((p) => ({ method: p.method, amount: p.amount })));
  const growth = growthEarned(settings.growthRule, spend);
  const inserted = await tx.query(
    `INSERT INTO member_orders (store_id, order_id, member_id, paid_at, growth, total, business_day)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date)
     ON CONFLICT (store_id, order_id) DO NOTHING RETURNING order_id`,
    [context.storeId, order.id, member.id, order.paidAt, growth, order.total, order.businessDay],
  );
  if (inserted.length === 0) return null;
  const total = Math.min(member.growth + growth, Number.MAX_SAFE_INTEGER);
  await tx.query(
    `UPDATE members SET growth = $2, tier = $3,
       first_visit_at = LEAST(COALESCE(first_visit_at, $4), $4), last_visit_at = GREATEST(COALESCE(last_visit_at, $4), $4)
     WHERE id = $1`,
    [member.id, total, tierOf(settings, total).id, order.paidAt],
  );
  await markSeen(tx, context.storeId, member.id, context.now);
  await earnPoints(tx, context, payload, member.id);
  await republishMember(tx, member.id);
  await auditMember(tx, {
    memberId: member.id,
    actor: { kind: 'device', deviceId: context.deviceId, storeId: context.storeId },
    action: 'member.sale',
    detail: { orderId: order.id, growth, growthBefore: member.growth, tierBefore: member.tier },
    at: context.now,
  });
  return null;
}

type MemberOrderRow = { member_id: string; growth: number; total: number | null; growth_reversed: number };

/**
 * A refund of a member's sale takes back the growth it earned in proportion to the money refunded
 * (docs/members.md, "Refunds"): after every refund of the order, what is taken back in all is
 * `cumulativeShare(growth, refunded so far, total)` — the rule `reversalShare` applies to points —
 * and this refund takes the difference. Worked out from the order's refunds as stored, so a refund
 * applied again takes nothing more. The tier follows the growth down (a refunded purchase never
 * earned it). Called after the refund is stored, in its transaction.
 */
export async function reverseMemberGrowth(
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<'order.refunded'>,
): Promise<void> {
  const { refund } = payload;
  const [sale] = await tx.query<MemberOrderRow>(
    `SELECT member_id, growth, total, growth_reversed FROM member_orders WHERE store_id = $1 AND order_id = $2 FOR UPDATE`,
    [context.storeId, refund.orderId],
  );
  if (!sale || sale.total === null || sale.growth === 0) return;
  const [{ refunded }] = await tx.query<{ refunded: number }>(
    'SELECT COALESCE(sum(amount), 0)::bigint AS refunded FROM refunds WHERE store_id = $1 AND order_id = $2',
    [context.storeId, refund.orderId],
  );
  const reversed = cumulativeShare(Number(sale.growth), Number(refunded), Number(sale.total));
  const take = reversed - Number(sale.growth_reversed);
  if (take <= 0) return;
  const member = await memberById(tx, sale.member_id, true);
  if (!member) return;
  const settings = await readMemberSettings(tx);
  const growth = Math.max(0, member.growth - take);
  await tx.query('UPDATE member_orders SET growth_reversed = $3 WHERE store_id = $1 AND order_id = $2', [
    context.storeId,
    refund.orderId,
    reversed,
  ]);
  await tx.query('UPDATE members SET growth = $2, tier = $3 WHERE id = $1', [
    member.id,
    growth,
    tierOf(settings, growth).id,
  ]);
  await republishMember(tx, member.id);
  await auditMember(tx, {
    memberId: member.id,
    actor: { kind: 'device', deviceId: context.deviceId, storeId: context.storeId },
    action: 'member.refund',
    detail: {
      orderId: refund.orderId,
      refundId: refund.id,
      growth: -take,
      growthBefore: member.growth,
      tierBefore: member.tier,
    },
    at: context.now,
  });
}
