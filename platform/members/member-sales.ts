import { earningSpend } from '../../shared/members/points';
import { growthEarned } from '../../shared/members/tiers';
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
 * erased member keeps the anonymised link and growth, and nothing personal comes back.
 */
export async function creditMemberSale(
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<'order.paid'>,
): Promise<ApplyRefusal | null> {
  const { order } = payload;
  if (!order.memberId) return null;
  const member = await memberById(tx, order.memberId, true);
  if (!member) return { code: 'member_unknown' };
  const settings = await readMemberSettings(tx);
  const spend = earningSpend(payload.payments.map((p) => ({ method: p.method, amount: p.amount })));
  const growth = growthEarned(settings.growthRule, spend);
  const inserted = await tx.query(
    `INSERT INTO member_orders (store_id, order_id, member_id, paid_at, growth) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (store_id, order_id) DO NOTHING RETURNING order_id`,
    [context.storeId, order.id, member.id, order.paidAt, growth],
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
