import { uuidv7 } from '../../shared/ids';
import { available, type JournalRefusal, type PointsBalance } from '../../shared/members/points-journal';
import type { Queryable } from '../db/sql';
import type { MemberActor } from './member-records';
import { foldMember, recordPoints } from './points-ledger';

/** A points hold lives as long as a voucher hold: long enough to write the sale, not to block the points. */
export const POINTS_HOLD_TTL_MS = 2 * 60_000;

/** A member's points as a till sees them after a hold or release. */
export type PointsFigures = { balance: number; held: number; available: number };

export const figuresOf = (state: PointsBalance): PointsFigures => ({
  balance: state.balance,
  held: state.held,
  available: available(state),
});

/**
 * Holds older than the TTL are released (as journal movements, by the platform) before anything
 * else is decided for the member: a till that held points and never wrote its sale does not keep
 * them from the member. A capture that arrives later still spends, without the hold.
 */
export async function releaseStaleHolds(tx: Queryable, memberId: string, now: number): Promise<void> {
  const state = await foldMember(tx, memberId);
  if (state.holds.size === 0) return;
  const stale = await tx.query<{ id: string; order_id: string }>(
    `SELECT id, order_id FROM points_movements WHERE member_id = $1 AND kind = 'hold' AND recorded_at <= $2
       AND id = ANY($3::uuid[])`,
    [memberId, now - POINTS_HOLD_TTL_MS, [...state.holds.keys()]],
  );
  for (const hold of stale) {
    await recordPoints(
      tx,
      memberId,
      {
        kind: 'release',
        movementId: uuidv7(now),
        at: now,
        orderId: hold.order_id,
        holdId: hold.id,
      },
      { kind: 'operator' },
      now,
    );
  }
}

/**
 * `POST /v1/points/holds`: reserves a member's points for an order about to be paid (积分抵现
 * online). The hold's id is the till's, so asking again answers the same hold.
 */
export async function placeHold(
  tx: Queryable,
  actor: MemberActor,
  hold: { holdId: string; memberId: string; orderId: string; points: number },
  now: number,
): Promise<{ ok: true; figures: PointsFigures } | { ok: false; refusal: JournalRefusal }> {
  await tx.query('SELECT id FROM members WHERE id = $1 FOR UPDATE', [hold.memberId]);
  await releaseStaleHolds(tx, hold.memberId, now);
  const recorded = await recordPoints(
    tx,
    hold.memberId,
    {
      kind: 'hold',
      movementId: hold.holdId,
      at: now,
      orderId: hold.orderId,
      points: hold.points,
    },
    actor,
    now,
  );
  return recorded.ok ? { ok: true, figures: figuresOf(recorded.state) } : { ok: false, refusal: recorded.refusal };
}

/** `POST /v1/points/holds/{id}/release`: the sale was not written; the points are free again. Idempotent. */
export async function releaseHold(
  tx: Queryable,
  actor: MemberActor,
  release: { holdId: string; memberId: string; orderId: string },
  now: number,
): Promise<{ ok: true; figures: PointsFigures } | { ok: false; refusal: JournalRefusal }> {
  await tx.query('SELECT id FROM members WHERE id = $1 FOR UPDATE', [release.memberId]);
  const state = await foldMember(tx, release.memberId);
  // Released already (by the till or as stale) or captured: nothing is held for it any more.
  if (!state.holds.has(release.holdId)) return { ok: true, figures: figuresOf(state) };
  const recorded = await recordPoints(
    tx,
    release.memberId,
    {
      kind: 'release',
      movementId: uuidv7(now),
      at: now,
      orderId: release.orderId,
      holdId: release.holdId,
    },
    actor,
    now,
  );
  return recorded.ok ? { ok: true, figures: figuresOf(recorded.state) } : { ok: false, refusal: recorded.refusal };
}
