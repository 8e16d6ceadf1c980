import { available, PointsMovement } from '../../shared/members/points-journal';
import type { Queryable } from '../db/sql';
import { foldMember, type PointsLoss } from './points-ledger';

/** A member's points as the operator reads them: the figures and every movement, oldest first. */
export async function pointsJournal(db: Queryable, memberId: string) {
  const [member] = await db.query<{ points: number; points_held: number }>(
    'SELECT points, points_held FROM members WHERE id = $1',
    [memberId],
  );
  if (!member) return null;
  const rows = await db.query<{ movement: unknown; balance_after: number; actor: string; recorded_at: number }>(
    'SELECT movement, balance_after, actor, recorded_at FROM points_movements WHERE member_id = $1 ORDER BY seq',
    [memberId],
  );
  const state = await foldMember(db, memberId);
  return {
    balance: Number(member.points),
    held: Number(member.points_held),
    available: available(state),
    movements: rows.map((row) => ({
      ...PointsMovement.parse(row.movement),
      balanceAfter: Number(row.balance_after),
      actor: row.actor,
      recordedAt: Number(row.recorded_at),
    })),
  };
}

/** Every points loss, newest first: the manager's list of what offline spending and refunds cost. */
export async function pointsLosses(db: Queryable): Promise<PointsLoss[]> {
  const rows = await db.query<{
    member_id: string;
    kind: PointsLoss['kind'];
    order_id: string | null;
    store_id: string | null;
    points: number;
    over_cap: boolean;
    at: number;
  }>(
    'SELECT member_id, kind, order_id, store_id, points, over_cap, at FROM points_losses ORDER BY at DESC, id DESC LIMIT 500',
  );
  return rows.map((row) => ({
    memberId: row.member_id,
    kind: row.kind,
    orderId: row.order_id,
    storeId: row.store_id,
    points: Number(row.points),
    overCap: row.over_cap,
    at: Number(row.at),
  }));
}
