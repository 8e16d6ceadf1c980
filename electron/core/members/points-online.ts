import type { ParsedInputOf } from '../../../shared/contract';
import { uuidv7 } from '../../../shared/ids';
import type { CoreEnvironment } from '../handler-context';
import { readOrderRow } from '../orders/order-records';
import type { Asking, OnlineDomain } from '../sync/platform-ask';
import { holdPoints, type PointsHold, releasePoints } from './points-tender';

/**
 * What the points' online step learned for a sale paid partly with points, as
 * `HandlerContext.online.points`: the platform's hold, its refusal, or nothing (decide offline,
 * within the offline allowance, provisionally).
 */
export type PointsAnswers =
  | { kind: 'none' }
  | (Extract<PointsHold, { kind: 'held' }> & { memberId: string; orderId: string })
  | Extract<PointsHold, { kind: 'refused' }>;

const noAnswer = (): PointsAnswers => ({ kind: 'none' });
const nothing = noAnswer();

/**
 * The points tender holds the member's points on the platform before the sale is written
 * (docs/members.md, "The points tender"), like a coupon's hold; the spend that captures the hold
 * is queued with the sale.
 */
export const pointsOnline = {
  none: noAnswer(),
  steps: { 'orders.commit': { needed: paysWithPoints, gather: holdStep } },
} satisfies OnlineDomain<PointsAnswers>;

function paysWithPoints(rawInput: unknown): boolean {
  const tenders = (rawInput as { tenders?: unknown } | null)?.tenders;
  return Array.isArray(tenders) && tenders.some((t) => (t as { method?: unknown } | null)?.method === 'points');
}

async function holdStep(s: Asking, input: ParsedInputOf<'orders.commit'>): Promise<PointsAnswers> {
  // A retried Pay replays the order already written; nothing to hold.
  if (readOrderRow(s.env.db, input.id)) return nothing;
  const memberId = input.cart.memberId;
  const points = input.tenders.reduce((sum, t) => sum + (t.method === 'points' ? t.points : 0), 0);
  if (!memberId || points === 0) return nothing;
  const answer = await holdPoints(s, { holdId: uuidv7(s.env.clock()), memberId, orderId: input.id, points });
  if (answer === null) return nothing;
  return answer.kind === 'held' ? { ...answer, memberId, orderId: input.id } : answer;
}

/**
 * The sale was refused after the platform held its points (a tender short, a price changed): the
 * hold is freed at once rather than keeping the member's points from them for two minutes.
 */
export async function releaseUnusedHold(env: CoreEnvironment, answer: PointsAnswers): Promise<void> {
  const link = env.sync.link;
  if (answer.kind !== 'held' || !link) return;
  const asking = { env, link, deadline: Date.now() + releaseBudgetMs, clockDoubted: false };
  await releasePoints(asking, { holdId: answer.hold.holdId, memberId: answer.memberId, orderId: answer.orderId });
}

/** Best effort: a hold nobody captures is released by the platform anyway. */
const releaseBudgetMs = 1_000;
