import { checkRedemption } from '../../shared/members/points';
import { available, type PointsBalance } from '../../shared/members/points-journal';
import type { StorePointsRules } from '../../shared/members/points-rules-wire';
import type { PayloadOf } from '../../shared/sync/mutations';
import type { PointsSpentPayload } from '../../shared/sync/points-sync';
import type { Queryable } from '../db/sql';
import type { ApplyContext, ApplyRefusal } from '../sync/platform-domain';
import { memberById } from './member-records';
import { releaseStaleHolds } from './points-holds';
import { foldMember, type MovementInput, recordPoints, recordPointsLoss } from './points-ledger';
import { readPointsRules, storeRedemptionRefusal } from './points-rules';

/**
 * `points.spent`: points that paid part of a sale. The sale itself came first in the same push (or
 * an earlier one) and must name the member at this store. A spend on a live hold captures it; one
 * whose hold has gone (released as stale) or that was decided offline spends without a hold,
 * provisionally: honoured if the balance covers it, otherwise the sale stands (the customer has the
 * goods), the balance goes below zero by the shortfall and the shortfall is a loss the manager sees,
 * answered CONFLICT `points_spend_lost` so the till shows it too. A re-sent spend is a duplicate.
 */
export async function applyPointsSpent(
  tx: Queryable,
  context: ApplyContext,
  payload: PayloadOf<'points.spent'>,
): Promise<ApplyRefusal | null> {
  const unknownOrder: ApplyRefusal = { code: 'points_order_unknown', params: { orderId: payload.orderId } };
  const [sale] = await tx.query<{ member_id: string | null; total: number; payments: SalePayment[] }>(
    `SELECT body->'order'->>'memberId' AS member_id, (body->'order'->>'total')::bigint AS total,
       body->'payments' AS payments FROM orders WHERE store_id = $1 AND id = $2`,
    [context.storeId, payload.orderId],
  );
  if (!sale || sale.member_id !== payload.memberId) return unknownOrder;
  const member = await memberById(tx, payload.memberId, true);
  if (!member) return { code: 'member_unknown' };
  // What the platform can check of the till's word: a spend against the store's rules takes nothing
  // from the member (the sale stands; the refusal is the manager's to see).
  const storeRules = await readPointsRules(tx, context.storeId);
  const broken = storeRedemptionRefusal(storeRules, payload.points) ?? paymentMismatch(storeRules, sale, payload);
  if (broken) return broken;
  const again = await sentBefore(tx, payload);
  if (again !== undefined) return again;
  await releaseStaleHolds(tx, member.id, context.now);
  const before = await foldMember(tx, member.id);
  const holdId = heldFor(before, payload);
  const captures = holdId !== null;
  const movement = spendMovement(payload, holdId, context.now);
  const recorded = await recordPoints(
    tx,
    member.id,
    movement,
    { kind: 'device', deviceId: context.deviceId, storeId: context.storeId },
    context.now,
  );
  if (!recorded.ok) return { code: recorded.refusal.code, params: recorded.refusal.params };
  if (recorded.effect === 'duplicate' || captures) return null;
  const short = Math.min(payload.points, Math.max(0, -available(recorded.state)));
  if (short === 0) return null;
  // Short of the available balance, not only of the balance: held points are promised to a capture
  // that will come, so the invariant (below zero only by recorded losses) survives it.
  await recordPointsLoss(tx, {
    memberId: member.id,
    movementId: payload.movementId,
    kind: 'overspent',
    orderId: payload.orderId,
    storeId: context.storeId,
    points: short,
    overCap: payload.provisional && payload.points > (storeRules?.offlineCap ?? 0),
    at: context.now,
  });
  return lost(payload.orderId, short);
}

type SalePayment = { method: string; amount: number; points?: number };

/**
 * The sale's points payment against the spend (docs/members.md, "The points tender"): the same
 * points, paying what they buy at the store's rate, within the share of the sale's total points may
 * pay. A sale from a till before the points tender carries no points payment and is not judged here.
 */
function paymentMismatch(
  store: StorePointsRules | null,
  sale: { total: number; payments: SalePayment[] },
  payload: PointsSpentPayload,
): ApplyRefusal | null {
  const paid = sale.payments.filter((payment) => payment.method === 'points');
  if (!store || paid.length === 0) return null;
  const points = paid.reduce((sum, payment) => sum + (payment.points ?? 0), 0);
  const fen = paid.reduce((sum, payment) => sum + payment.amount, 0);
  const check = checkRedemption(store.rules, {
    points: payload.points,
    spendable: payload.points,
    due: Number(sale.total),
  });
  if (!check.ok) return check.refusal;
  if (points === payload.points && fen === check.fen) return null;
  return { code: 'points_payment_mismatch', params: { orderId: payload.orderId, points: payload.points, paid: fen } };
}

const lost = (orderId: string, short: number): ApplyRefusal => ({
  code: 'points_spend_lost',
  params: { orderId, short },
  conflict: true,
});

/**
 * The same spend sent again (a lost reply, a restored till): the answer it had. Looked up by its
 * id and by its order before any hold is judged, since a captured hold is no longer held.
 */
async function sentBefore(tx: Queryable, payload: PointsSpentPayload): Promise<ApplyRefusal | null | undefined> {
  const [row] = await tx.query<{ id: string; movement: { points: number; orderId: string } }>(
    'SELECT id, movement FROM points_movements WHERE id = $1 OR business_key = $2 LIMIT 1',
    [payload.movementId, `spend:${payload.orderId}`],
  );
  if (!row) return undefined;
  if (row.movement.points !== payload.points || row.movement.orderId !== payload.orderId) {
    return { code: 'points_movement_conflict', params: { movementId: payload.movementId } };
  }
  const [loss] = await tx.query<{ points: number }>(
    "SELECT points FROM points_losses WHERE movement_id = $1 AND kind = 'overspent'",
    [row.id],
  );
  return loss ? lost(payload.orderId, Number(loss.points)) : null;
}

/**
 * The live hold this spend captures: its own, or — when the hold's answer was lost and the till
 * decided offline — the hold this order already has, so the points are not taken twice.
 */
function heldFor(state: PointsBalance, payload: PointsSpentPayload): string | null {
  if (payload.holdId !== null && state.holds.get(payload.holdId)?.orderId === payload.orderId) return payload.holdId;
  for (const [holdId, hold] of state.holds) {
    if (hold.orderId === payload.orderId && hold.points >= payload.points) return holdId;
  }
  return null;
}

function spendMovement(payload: PointsSpentPayload, holdId: string | null, now: number): MovementInput {
  const captures = holdId !== null;
  return {
    kind: 'spend',
    movementId: payload.movementId,
    at: Math.min(payload.decidedAt, now),
    orderId: payload.orderId,
    points: payload.points,
    holdId,
    provisional: !captures,
  };
}
