import { z } from 'zod';
import { memberCeilings } from './member-limits';
import { PointsRules } from './points';

/** The most points one till may spend for one member without the platform. */
export const OFFLINE_CAP_MAX = 100_000;

/** A store's points rules as its tills get them (`points_rules` stream) and the operator sets them. */
export const StorePointsRules = z.object({
  rules: PointsRules,
  /** Points a till may spend for a member while it cannot reach the platform, per sale. */
  offlineCap: z.number().int().min(0).max(OFFLINE_CAP_MAX),
});
export type StorePointsRules = z.infer<typeof StorePointsRules>;

type Problem = { code: string; params: Record<string, string | number> };

const whole = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * Reads what the operator sent, field by field, so a wrong one is named in the operator's words
 * (`points_rules_*`, shared/members/points-messages.ts) instead of a validator's path.
 */
export function readStorePointsRules(
  input: unknown,
): { ok: true; value: StorePointsRules } | { ok: false; problem: Problem } {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const redemption = (raw.redemption ?? { kind: 'off' }) as Record<string, unknown>;
  const refuse = (code: string, params: Problem['params']) => ({ ok: false as const, problem: { code, params } });
  if (!whole(raw.earnPerYuan, 0, memberCeilings.pointsPerYuan)) {
    return refuse('points_rules_earn', { max: memberCeilings.pointsPerYuan, value: String(raw.earnPerYuan) });
  }
  if (!whole(raw.offlineCap ?? 0, 0, OFFLINE_CAP_MAX)) {
    return refuse('points_rules_offline_cap', { max: OFFLINE_CAP_MAX, value: String(raw.offlineCap) });
  }
  if (redemption.kind === 'on') {
    if (!whole(redemption.blockPoints, 1, memberCeilings.pointsBlock) || !whole(redemption.blockFen, 1, 10_000)) {
      return refuse('points_rules_rate', {
        maxPoints: memberCeilings.pointsBlock,
        maxFen: 10_000,
        value: `${String(redemption.blockPoints)}:${String(redemption.blockFen)}`,
      });
    }
    const min = redemption.minPoints ?? 0;
    const max = redemption.maxPoints;
    if (
      !whole(min, 0, memberCeilings.points) ||
      !whole(max, 1, memberCeilings.points) ||
      (min as number) > (max as number)
    ) {
      return refuse('points_rules_range', { min: String(min), max: String(max), ceiling: memberCeilings.points });
    }
    if (!whole(redemption.maxShareBp, 1, 10_000)) {
      return refuse('points_rules_share', { value: String(redemption.maxShareBp) });
    }
  } else if (redemption.kind !== 'off') {
    return refuse('points_rules_rate', {
      maxPoints: memberCeilings.pointsBlock,
      maxFen: 10_000,
      value: String(redemption.kind),
    });
  }
  const parsed = StorePointsRules.safeParse({
    rules: { earnPerYuan: raw.earnPerYuan, redemption: { ...redemption, minPoints: redemption.minPoints ?? 0 } },
    offlineCap: raw.offlineCap ?? 0,
  });
  if (!parsed.success)
    return refuse('points_rules_rate', { maxPoints: memberCeilings.pointsBlock, maxFen: 10_000, value: '?' });
  return { ok: true, value: parsed.data };
}
