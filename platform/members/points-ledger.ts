import type { z } from 'zod';
import {
  applyMovement,
  available,
  businessKey,
  foldJournal,
  type JournalRefusal,
  type PointsBalance,
  PointsMovement,
} from '../../shared/members/points-journal';
import type { Queryable } from '../db/sql';
import { auditMember, type MemberActor } from './member-records';
import { republishMember } from './member-versions';

/** What recording a movement did: the member's figures after it, or why it was refused. */
export type Recorded =
  | { ok: true; effect: 'applied' | 'duplicate'; state: PointsBalance }
  | { ok: false; refusal: JournalRefusal; state: PointsBalance };

/** A movement as built here: plain ids, checked by the schema when recorded. */
export type MovementInput = z.input<typeof PointsMovement>;

type MovementRow = { member_id: string; movement: unknown };

/**
 * The member's journal folded with the shared rules (`foldJournal`), so the platform and a till
 * decide alike. Every stored movement is read back through the schema: its keys come out in the
 * schema's order, which the fold's fingerprints compare by (jsonb keeps its own key order).
 */
export async function foldMember(tx: Queryable, memberId: string): Promise<PointsBalance> {
  const rows = await tx.query<MovementRow>(
    'SELECT member_id, movement FROM points_movements WHERE member_id = $1 ORDER BY seq',
    [memberId],
  );
  return foldJournal(rows.map((row) => PointsMovement.parse(row.movement))).state;
}

const orderOf = (m: PointsMovement): string | null => ('orderId' in m ? m.orderId : null);

/**
 * Records one movement of a member's points, in the caller's transaction, holding the member row
 * (store → member → counter). The fold decides: a duplicate changes nothing, a refusal changes
 * nothing; an applied movement is stored with the balance after it, the member's `points` and
 * `points_held` follow, the member goes again to every store that saw them, and it is audited. A
 * movement id or business key another member's journal already holds is a conflict too.
 */
export async function recordPoints(
  tx: Queryable,
  memberId: string,
  raw: MovementInput,
  actor: MemberActor,
  now: number,
): Promise<Recorded> {
  const movement = PointsMovement.parse(raw);
  await tx.query('SELECT id FROM members WHERE id = $1 FOR UPDATE', [memberId]);
  const state = await foldMember(tx, memberId);
  const key = businessKey(movement);
  const elsewhere = await tx.query(
    'SELECT 1 FROM points_movements WHERE member_id <> $1 AND (id = $2 OR business_key = $3) LIMIT 1',
    [memberId, movement.movementId, key],
  );
  if (elsewhere.length > 0) {
    return {
      ok: false,
      refusal: { code: 'points_movement_conflict', params: { movementId: movement.movementId } },
      state,
    };
  }
  const step = applyMovement(state, movement);
  if (!step.ok) return { ok: false, refusal: step.refusal, state };
  if (step.effect === 'duplicate') return { ok: true, effect: 'duplicate', state };
  const storeId = actor.kind === 'device' ? actor.storeId : null;
  await tx.query(
    `INSERT INTO points_movements (id, member_id, business_key, kind, order_id, movement, balance_after, held_after,
       store_id, actor, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11)`,
    [
      movement.movementId,
      memberId,
      key,
      movement.kind,
      orderOf(movement),
      JSON.stringify(movement),
      state.balance,
      state.held,
      storeId,
      actor.kind === 'operator' ? 'operator' : `device:${actor.deviceId}`,
      now,
    ],
  );
  await tx.query('UPDATE members SET points = $2, points_held = $3 WHERE id = $1', [
    memberId,
    state.balance,
    state.held,
  ]);
  await republishMember(tx, memberId);
  await auditMember(tx, {
    memberId,
    actor,
    action: `points.${movement.kind}`,
    detail: { movement, balance: state.balance, available: available(state) },
    at: now,
  });
  return { ok: true, effect: 'applied', state };
}

/** Points the brand lost on a member: an offline spend past the balance, or a take-back of spent points. */
export type PointsLoss = {
  memberId: string;
  kind: 'overspent' | 'unrecovered';
  orderId: string | null;
  storeId: string | null;
  points: number;
  overCap: boolean;
  at: number;
};

/** A loss the brand takes on a member's points, once per movement (or refund) and kind. */
export async function recordPointsLoss(tx: Queryable, loss: PointsLoss & { movementId: string }): Promise<void> {
  if (loss.points <= 0) return;
  await tx.query(
    `INSERT INTO points_losses (member_id, movement_id, kind, order_id, store_id, points, over_cap, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (movement_id, kind) DO NOTHING`,
    [loss.memberId, loss.movementId, loss.kind, loss.orderId, loss.storeId, loss.points, loss.overCap, loss.at],
  );
}
