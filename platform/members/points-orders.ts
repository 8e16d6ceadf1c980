import { uuidv7 } from '../../shared/ids';
import { earningSpend, pointsEarned, pointsReversal } from '../../shared/members/points';
import { reversalWithin } from '../../shared/members/points-journal';
import type { PayloadOf } from '../../shared/sync/mutations';
import type { Queryable } from '../db/sql';
import type { ApplyContext } from '../sync/platform-domain';
import type { MemberActor } from './member-records';
import { foldMember, type MovementInput, recordPoints, recordPointsLoss } from './points-ledger';
import { readPointsRules } from './points-rules';

const deviceOf = (context: ApplyContext): MemberActor => ({
  kind: 'device',
  deviceId: context.deviceId,
  storeId: context.storeId,
});

/**
 * The points a sale earns, credited in the sale's transaction with its growth (`creditMemberSale`):
 * per yuan of what was paid in money (`earningSpend`: nothing on points or a group-buy voucher), by
 * the store's rules at the time the platform applies it. The journal keys it by the order, so a
 * replayed or re-sent sale earns nothing more.
 */
export async function earnPoints(
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<'order.paid'>,
  memberId: string,
): Promise<void> {
  const store = await readPointsRules(tx, context.storeId);
  if (!store) return;
  const points = pointsEarned(store.rules, earningSpend(payload.payments));
  if (points <= 0) return;
  const movement: MovementInput = {
    kind: 'earn',
    movementId: uuidv7(context.now),
    at: payload.order.paidAt,
    orderId: payload.order.id,
    points,
  };
  // Only a conflict can refuse an earn (the same order earning other figures): the sale stands.
  await recordPoints(tx, memberId, movement, deviceOf(context), context.now);
}

/**
 * A refund of a member's sale reverses its points in proportion to the money refunded so far
 * (`pointsReversal`): earned points taken back, spent points given back. Earned points the member
 * has already spent are taken back only as far as the balance allows (`reversalWithin`); the rest
 * is recorded as an `unrecovered` loss. A replayed refund finds its reversal and does nothing.
 */
export async function reverseRefundPoints(
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<'order.refunded'>,
  sale: PayloadOf<'order.paid'>,
): Promise<void> {
  const memberId = sale.order.memberId;
  if (!memberId) return;
  const { refund } = payload;
  const done = await tx.query('SELECT 1 FROM points_movements WHERE business_key = $1', [`reverse:${refund.id}`]);
  if (done.length > 0) return;
  await tx.query('SELECT id FROM members WHERE id = $1 FOR UPDATE', [memberId]);
  const state = await foldMember(tx, memberId);
  const figures = state.orders.get(sale.order.id);
  if (!figures || (figures.earned === 0 && figures.spent === 0)) return;
  const [{ before }] = await tx.query<{ before: number }>(
    'SELECT COALESCE(sum(amount), 0)::bigint AS before FROM refunds WHERE store_id = $1 AND order_id = $2 AND id <> $3',
    [context.storeId, sale.order.id, refund.id],
  );
  const whole = { total: sale.order.total, earned: figures.earned, spent: figures.spent };
  const within = reversalWithin(state, pointsReversal(whole, Number(before), Number(before) + refund.amount));
  if (within.takeBack + within.giveBack > 0) {
    const movement: MovementInput = {
      kind: 'reverse',
      movementId: uuidv7(context.now),
      at: refund.at,
      orderId: sale.order.id,
      refundId: refund.id,
      takeBack: within.takeBack,
      giveBack: within.giveBack,
    };
    await recordPoints(tx, memberId, movement, deviceOf(context), context.now);
  }
  await recordPointsLoss(tx, {
    memberId,
    movementId: refund.id,
    kind: 'unrecovered',
    orderId: sale.order.id,
    storeId: context.storeId,
    points: within.unrecovered,
    overCap: false,
    at: context.now,
  });
}
