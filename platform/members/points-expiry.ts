import { uuidv7 } from '../../shared/ids';
import { available } from '../../shared/members/points-journal';
import type { Sql } from '../db/sql';
import { foldMember, recordPoints } from './points-ledger';

type Credit = { at: number; movement: { kind: string; points?: number; takeBack?: number; giveBack?: number } };

/**
 * Points that came in before `before` (epoch ms) and were not used since expire (`members
 * points-expire`), first in first out: what the member received before the date (earned, given
 * back, added by hand) less everything that has gone out at any time, within what is available.
 * Each member's expiry is one `expire` movement; running the command again expires nothing more.
 */
export async function expirePointsBefore(
  sql: Sql,
  before: number,
  now: number,
): Promise<{ members: number; points: number }> {
  const members = await sql.query<{ member_id: string }>(
    `SELECT DISTINCT member_id FROM points_movements WHERE kind IN ('earn', 'reverse', 'adjust')
       AND (movement->>'at')::bigint < $1`,
    [before],
  );
  let expired = { members: 0, points: 0 };
  for (const { member_id: memberId } of members) {
    const points = await sql.transaction(async (tx) => {
      await tx.query('SELECT id FROM members WHERE id = $1 FOR UPDATE', [memberId]);
      const rows = await tx.query<Credit>(
        "SELECT (movement->>'at')::bigint AS at, movement FROM points_movements WHERE member_id = $1 ORDER BY seq",
        [memberId],
      );
      const due = Math.min(
        Math.max(0, oldCredit(rows, before) - allDebits(rows)),
        available(await foldMember(tx, memberId)),
      );
      if (due <= 0) return 0;
      const recorded = await recordPoints(
        tx,
        memberId,
        { kind: 'expire', movementId: uuidv7(now), at: now, points: due },
        { kind: 'operator' },
        now,
      );
      return recorded.ok ? due : 0;
    });
    if (points > 0) expired = { members: expired.members + 1, points: expired.points + points };
  }
  return expired;
}

function oldCredit(rows: Credit[], before: number): number {
  let credit = 0;
  for (const { at, movement: m } of rows) {
    if (Number(at) >= before) continue;
    if (m.kind === 'earn') credit += m.points ?? 0;
    else if (m.kind === 'reverse') credit += m.giveBack ?? 0;
    else if (m.kind === 'adjust') credit += Math.max(0, m.points ?? 0);
  }
  return credit;
}

function allDebits(rows: Credit[]): number {
  let debit = 0;
  for (const { movement: m } of rows) {
    if (m.kind === 'spend' || m.kind === 'expire') debit += m.points ?? 0;
    else if (m.kind === 'reverse') debit += m.takeBack ?? 0;
    else if (m.kind === 'adjust') debit += Math.max(0, -(m.points ?? 0));
  }
  return debit;
}
