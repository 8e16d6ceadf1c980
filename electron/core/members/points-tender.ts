import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { uuidv7 } from '../../../shared/ids';
import { mostRedeemable, type Redemption } from '../../../shared/members/points';
import { PointsSpentPayload } from '../../../shared/sync/points-sync';
import { namedStatements } from '../db/open-database';
import { enqueue } from '../sync/outbox';
import { type Asking, askPlatform, type PlatformRefusal } from '../sync/platform-ask';
import { cachedMember } from './member-cache';
import { cachedPointsRules } from './points-sync';

/** The platform's answer to a hold: the points it reserved and the member's figures after. */
export const PointsHoldAnswer = z.object({
  holdId: z.uuid(),
  points: z.number().int(),
  balance: z.number().int(),
  held: z.number().int(),
  available: z.number().int(),
});
export type PointsHoldAnswer = z.infer<typeof PointsHoldAnswer>;

/** What the online step learned about a points tender: held, refused by the platform, or nothing. */
export type PointsHold = { kind: 'held'; hold: PointsHoldAnswer } | PlatformRefusal;

const pointsRefusals = new Set([
  'points_short',
  'points_redeem_off',
  'points_not_whole_blocks',
  'points_below_min',
  'points_above_max',
  'points_movement_conflict',
  'points_hold_unknown',
  'member_unknown',
  'member_erased',
]);

const statements = namedStatements({
  // This till's spends the platform has not taken yet: the balance it last heard does not count them.
  unsentSpends: `SELECT coalesce(sum(json_extract(payload, '$.points')), 0) FROM outbox
    WHERE type = 'points.spent' AND state = 'pending' AND json_extract(payload, '$.memberId') = ?`,
});

/**
 * What this till may let a member spend without the platform (docs/members.md, "Points at the
 * counter"): the lower of the balance it last heard and the store's per-member offline cap, each
 * less this till's spends still waiting to be sent, so two offline sales at one till cannot both
 * spend the same points; none before the rules came down or for a member it has no figures for.
 */
export function offlineSpendable(db: Database, memberId: string): number {
  const rules = cachedPointsRules(db);
  const member = cachedMember(db, memberId);
  if (!rules || !member || member.points === null || member.erased === 1) return 0;
  const unsent = statements(db).unsentSpends.pluck().get(memberId) as number;
  return Math.max(0, Math.min(member.points, rules.offlineCap) - unsent);
}

/** The most the order can take in points now, offline: what the tender offers (`mostRedeemable`). */
export function offlineOffer(db: Database, memberId: string, due: number): Redemption {
  const rules = cachedPointsRules(db);
  return rules ? mostRedeemable(rules.rules, offlineSpendable(db, memberId), due) : { points: 0, fen: 0 };
}

/** Asks the platform to hold the points for the order before it is written; null when no answer came. */
export async function holdPoints(
  s: Asking,
  hold: { holdId: string; memberId: string; orderId: string; points: number },
): Promise<PointsHold | null> {
  const answer = await askPlatform(
    s,
    { method: 'POST', pathAndQuery: '/v1/points/holds', body: hold, answer: PointsHoldAnswer },
    (code) => pointsRefusals.has(code),
  );
  if (answer === null) return null;
  return 'refused' in answer ? answer.refused : { kind: 'held', hold: answer.value };
}

/**
 * Frees a hold this till asked for but will not use (the sale went another way, or the hold's
 * answer never came and the till decided against points); best effort: a hold nobody captures is
 * released by the platform after two minutes anyway.
 */
export async function releasePoints(s: Asking, release: { holdId: string; memberId: string; orderId: string }) {
  await askPlatform(
    s,
    {
      method: 'POST',
      pathAndQuery: `/v1/points/holds/${release.holdId}/release`,
      body: { memberId: release.memberId, orderId: release.orderId },
      answer: z.object({ holdId: z.uuid() }),
    },
    () => false,
  );
}

/**
 * The points that paid part of the order, queued for the platform in the order's transaction, right
 * behind its `order.paid`: with the hold the platform gave (captured on push), or provisional when
 * decided offline. The outbox id is the movement id, the idempotency key end to end.
 */
export function queuePointsSpend(
  db: Database,
  spend: { memberId: string; orderId: string; points: number; holdId: string | null; now: number },
): string {
  const movementId = uuidv7(spend.now);
  enqueue(db, {
    id: movementId,
    type: 'points.spent',
    payload: PointsSpentPayload.parse({
      movementId,
      memberId: spend.memberId,
      orderId: spend.orderId,
      points: spend.points,
      holdId: spend.holdId,
      provisional: spend.holdId === null,
      decidedAt: spend.now,
    }),
    now: spend.now,
  });
  return movementId;
}
