import type { Database } from 'better-sqlite3';
import type { TenderInput } from '../../../shared/contract/orders';
import { AppError, type ErrorCode, errorCodes } from '../../../shared/errors';
import { checkRedemption } from '../../../shared/members/points';
import type { HandlerContext } from '../handler-context';
import type { MemberRow } from './member-cache';
import { cachedPointsRules } from './points-sync';
import { offlineSpendable, queuePointsSpend } from './points-tender';

/** Points that pay part of a sale, as the core decided them: on the platform's hold, or provisional. */
export type PointsPayment = { memberId: string; points: number; fen: number; holdId: string | null };

type PointsTender = Extract<TenderInput, { method: 'points' }>;

/**
 * The sale's points tender judged by this till, whatever the screen showed (docs/members.md, "The
 * points tender"): a member on the sale, the store's rules, at most one points tender, and
 * `checkRedemption` on what the member may spend — online what the platform held for the order,
 * offline the lower of the cached balance and the offline cap. The amount must be what the points
 * buy at the store's rate. A platform refusal is the cashier's to read as it came.
 */
export function decidePointsTender(
  ctx: HandlerContext,
  member: MemberRow | null,
  tenders: readonly TenderInput[],
  due: number,
): PointsPayment | null {
  const taken = tenders.filter((t): t is PointsTender => t.method === 'points');
  if (taken.length === 0) return null;
  if (taken.length > 1) throw new AppError('points_tender_twice');
  const [tender] = taken;
  if (!member) throw new AppError('points_need_member');
  const rules = cachedPointsRules(ctx.db);
  if (!rules) throw new AppError('points_redeem_off');
  const answer = ctx.online.points;
  // Every code the hold route answers is one of ours; anything else reads as the balance falling short.
  if (answer.kind === 'refused')
    throw new AppError(isTillCode(answer.code) ? answer.code : 'points_short', answer.params);
  const holdId = answer.kind === 'held' ? answer.hold.holdId : null;
  const spendable = answer.kind === 'held' ? answer.hold.points : offlineSpendable(ctx.db, member.id);
  const checked = checkRedemption(rules.rules, { points: tender.points, spendable, due });
  if (!checked.ok) throw new AppError(checked.refusal.code, checked.refusal.params);
  if (checked.fen !== tender.amount) {
    throw new AppError('points_value_changed', { points: tender.points }, { points: tender.points, fen: checked.fen });
  }
  return { memberId: member.id, points: tender.points, fen: checked.fen, holdId };
}

const tillCodes = new Set<string>(errorCodes);
const isTillCode = (code: string): code is ErrorCode => tillCodes.has(code);

/** In the sale's transaction, right behind its `order.paid`: the spend for the platform. */
export function queuePointsPayment(db: Database, orderId: string, payment: PointsPayment | null, now: number) {
  if (!payment) return null;
  const { memberId, points, holdId } = payment;
  return queuePointsSpend(db, { memberId, orderId, points, holdId, now });
}
