import { z } from 'zod';
import { OrderId, PointsMovementId, RefundId } from '../ids';
import { memberCeilings } from './member-limits';
import type { PointsReversal } from './points';

const points = z.number().int().min(1).max(memberCeilings.points);
/** A side of a reversal may be nothing (a refund of an order that earned but spent no points). */
const reversed = z.number().int().min(0).max(memberCeilings.points);
const base = { movementId: PointsMovementId, at: z.number().int().min(0) };

/**
 * One movement of a member's points (DOMAIN.md; Youzan's freeze / unfreeze / consume / revert /
 * expire): keyed by its own id, and by its order where it has one, so a retry, a lost reply or a
 * second confirmation is recognised and changes nothing (docs/members.md).
 */
export const PointsMovement = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('earn'), orderId: OrderId, points }),
  /** Reserves points for an order being paid online, like a voucher hold. */
  z.object({ ...base, kind: z.literal('hold'), orderId: OrderId, points }),
  z.object({ ...base, kind: z.literal('release'), orderId: OrderId, holdId: PointsMovementId }),
  /**
   * Points paying an order: capturing a hold, or spent offline without one (`provisional`), which
   * the platform honours or records as a loss; only such a spend may take a balance below zero.
   */
  z.object({
    ...base,
    kind: z.literal('spend'),
    orderId: OrderId,
    points,
    holdId: PointsMovementId.nullable(),
    provisional: z.boolean(),
  }),
  z.object({
    ...base,
    kind: z.literal('reverse'),
    orderId: OrderId,
    refundId: RefundId,
    takeBack: reversed,
    giveBack: reversed,
  }),
  z.object({ ...base, kind: z.literal('expire'), points }),
  /** A correction by a manager or the platform, with its reason; signed. */
  z.object({
    ...base,
    kind: z.literal('adjust'),
    points: z.number().int().min(-memberCeilings.points).max(memberCeilings.points),
    reason: z.string().trim().min(1).max(120),
  }),
]);
export type PointsMovement = z.infer<typeof PointsMovement>;

/** Why a movement cannot be recorded; the balance is left as it was. */
export type JournalRefusal =
  /** The same movement id, or the same order's earn / spend / refund, seen with other figures. */
  | { code: 'points_movement_conflict'; params: { movementId: string } }
  | { code: 'points_short'; params: { available: number; asked: number } }
  | { code: 'points_hold_unknown'; params: { holdId: string } }
  | { code: 'points_hold_exceeded'; params: { held: number; asked: number } }
  | { code: 'points_reverse_exceeds'; params: { orderId: string } };

type OrderFigures = { earned: number; spent: number; takenBack: number; givenBack: number };

/** A member's journal folded so far. `balance` is below zero only after provisional spends. */
export type PointsBalance = {
  balance: number;
  /** Reserved by live holds; available = balance − held. */
  held: number;
  readonly holds: Map<string, { orderId: string; points: number }>;
  /** Movement id, and business key, → the movement's figures, for idempotency. */
  readonly seen: Map<string, string>;
  readonly orders: Map<string, OrderFigures>;
};

export type JournalStep = { ok: true; effect: 'applied' | 'duplicate' } | { ok: false; refusal: JournalRefusal };

export function emptyBalance(): PointsBalance {
  return { balance: 0, held: 0, holds: new Map(), seen: new Map(), orders: new Map() };
}

export const available = (state: PointsBalance) => state.balance - state.held;

/** Folds a journal from the start; refused movements are listed and change nothing. */
export function foldJournal(movements: readonly PointsMovement[]): {
  state: PointsBalance;
  refused: { movement: PointsMovement; refusal: JournalRefusal }[];
} {
  const state = emptyBalance();
  const refused: { movement: PointsMovement; refusal: JournalRefusal }[] = [];
  for (const movement of movements) {
    const step = applyMovement(state, movement);
    if (!step.ok) refused.push({ movement, refusal: step.refusal });
  }
  return { state, refused };
}

/**
 * One step of the fold: records the movement in `state` (the fold's accumulator) or refuses it and
 * leaves `state` untouched. A movement seen before, by its id or its business key (one earn and one
 * spend per order, one reversal per refund, one release per hold), with the same figures is a
 * duplicate; with other figures, a conflict. A movement that lowers the available balance must
 * leave it at zero or above, except a provisional spend.
 */
export function applyMovement(state: PointsBalance, movement: PointsMovement): JournalStep {
  const { movementId, at: _at, ...figures } = movement;
  const fingerprint = JSON.stringify(figures);
  const key = businessKey(movement);
  const earlier = [state.seen.get(movementId), key === null ? undefined : state.seen.get(key)];
  if (earlier.some((seen) => seen !== undefined && seen !== fingerprint)) {
    return { ok: false, refusal: { code: 'points_movement_conflict', params: { movementId } } };
  }
  if (earlier.some((seen) => seen !== undefined)) return { ok: true, effect: 'duplicate' };
  const refusal = record(state, movement);
  if (refusal) return { ok: false, refusal };
  state.seen.set(movementId, fingerprint);
  if (key !== null) state.seen.set(key, fingerprint);
  return { ok: true, effect: 'applied' };
}

/** The key a movement is recognised by under another id: one earn and one spend per order, one reversal per refund, one release per hold. */
export function businessKey(m: PointsMovement): string | null {
  switch (m.kind) {
    case 'earn':
      return `earn:${m.orderId}`;
    case 'spend':
      return `spend:${m.orderId}`;
    case 'release':
      return `release:${m.holdId}`;
    case 'reverse':
      return `reverse:${m.refundId}`;
    case 'hold':
    case 'expire':
    case 'adjust':
      return null;
    default: {
      const unreachable: never = m;
      throw new Error(`unknown points movement ${JSON.stringify(unreachable)}`);
    }
  }
}

function record(state: PointsBalance, m: PointsMovement): JournalRefusal | null {
  const short = (asked: number): JournalRefusal | null =>
    asked > available(state) ? { code: 'points_short', params: { available: available(state), asked } } : null;
  switch (m.kind) {
    case 'earn':
      state.balance += m.points;
      orderOf(state, m.orderId).earned += m.points;
      return null;
    case 'hold': {
      const refusal = short(m.points);
      if (refusal) return refusal;
      state.held += m.points;
      state.holds.set(m.movementId, { orderId: m.orderId, points: m.points });
      return null;
    }
    case 'release': {
      const hold = state.holds.get(m.holdId);
      if (!hold || hold.orderId !== m.orderId) return { code: 'points_hold_unknown', params: { holdId: m.holdId } };
      state.held -= hold.points;
      state.holds.delete(m.holdId);
      return null;
    }
    case 'spend':
      return spend(state, m);
    case 'reverse': {
      const order = state.orders.get(m.orderId) ?? { earned: 0, spent: 0, takenBack: 0, givenBack: 0 };
      if (order.takenBack + m.takeBack > order.earned || order.givenBack + m.giveBack > order.spent) {
        return { code: 'points_reverse_exceeds', params: { orderId: m.orderId } };
      }
      const refusal = short(m.takeBack - m.giveBack);
      if (refusal) return refusal;
      state.balance += m.giveBack - m.takeBack;
      orderOf(state, m.orderId).takenBack += m.takeBack;
      orderOf(state, m.orderId).givenBack += m.giveBack;
      return null;
    }
    case 'expire': {
      const refusal = short(m.points);
      if (refusal) return refusal;
      state.balance -= m.points;
      return null;
    }
    case 'adjust': {
      const refusal = short(-m.points);
      if (refusal) return refusal;
      state.balance += m.points;
      return null;
    }
    default: {
      const unreachable: never = m;
      throw new Error(`unknown points movement ${JSON.stringify(unreachable)}`);
    }
  }
}

function spend(state: PointsBalance, m: Extract<PointsMovement, { kind: 'spend' }>): JournalRefusal | null {
  if (m.holdId !== null) {
    const hold = state.holds.get(m.holdId);
    if (!hold || hold.orderId !== m.orderId) return { code: 'points_hold_unknown', params: { holdId: m.holdId } };
    if (m.points > hold.points) return { code: 'points_hold_exceeded', params: { held: hold.points, asked: m.points } };
    // Capturing a hold spends what it reserved (or less) and frees the rest.
    state.held -= hold.points;
    state.holds.delete(m.holdId);
  } else if (!m.provisional && m.points > available(state)) {
    return { code: 'points_short', params: { available: available(state), asked: m.points } };
  }
  state.balance -= m.points;
  orderOf(state, m.orderId).spent += m.points;
  return null;
}

function orderOf(state: PointsBalance, orderId: string): OrderFigures {
  let order = state.orders.get(orderId);
  if (!order) {
    order = { earned: 0, spent: 0, takenBack: 0, givenBack: 0 };
    state.orders.set(orderId, order);
  }
  return order;
}

/**
 * A refund's reversal as the balance allows: earned points the member has already spent cannot be
 * taken back below zero, so the take-back stops at what is available (after what is given back) and
 * the rest is `unrecovered`, for the platform to record as a loss rather than a negative balance.
 */
export function reversalWithin(
  state: PointsBalance,
  reversal: PointsReversal,
): PointsReversal & { unrecovered: number } {
  const room = Math.max(0, available(state) + reversal.giveBack);
  const takeBack = Math.min(reversal.takeBack, room);
  return { takeBack, giveBack: reversal.giveBack, unrecovered: reversal.takeBack - takeBack };
}
