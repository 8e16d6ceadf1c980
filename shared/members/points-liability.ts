import { z } from 'zod';
import { BusinessDay } from '../business-day';
import { mulDivRound } from '../rounding';
import type { PointsRedemption } from './points';

/**
 * The points liability (DOMAIN.md: outstanding points are deferred income at their value; docs/
 * members.md, "The points liability"). Points are the brand's, so the balances are the brand's; the
 * store's own part is what its sales moved.
 */

const Points = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** A figure in points and its value in fen at the store's rate; null where the store takes no points. */
export const LiabilityFigure = z.object({ points: Points, value: Points.nullable() });
export type LiabilityFigure = z.infer<typeof LiabilityFigure>;

/** The kinds of movement a day of the liability is made of, in the order the report shows them. */
export const liabilityMovements = ['earned', 'spent', 'reversed', 'expired', 'adjusted', 'losses'] as const;
export type LiabilityMovement = (typeof liabilityMovements)[number];
/** What this store's sales moved (expiry, adjustments and losses are the brand's). */
export const storeMovements = ['earned', 'spent', 'reversed'] as const;

export const LiabilityDay = z.object({
  day: BusinessDay,
  opening: LiabilityFigure,
  earned: LiabilityFigure,
  spent: LiabilityFigure,
  reversed: LiabilityFigure,
  expired: LiabilityFigure,
  adjusted: LiabilityFigure,
  losses: LiabilityFigure,
  /** Fen: closing value − opening value − the movements' values (each rounded on its own). */
  rounding: Points.nullable(),
  closing: LiabilityFigure,
  here: z.object({ earned: LiabilityFigure, spent: LiabilityFigure, reversed: LiabilityFigure }),
});
export type LiabilityDay = z.infer<typeof LiabilityDay>;

/** `GET /v1/sync/points-liability?firstDay&lastDay&cutoffHour` (a till, signed: its own store). */
export const PointsLiabilityQuery = z.object({
  firstDay: BusinessDay,
  lastDay: BusinessDay,
  /** The store's day cut-off: movements without a sale or refund of their own fall on its day. */
  cutoffHour: z.coerce.number().int().min(0).max(12).default(4),
});
export type PointsLiabilityQuery = z.infer<typeof PointsLiabilityQuery>;

export const PointsLiability = z.object({
  firstDay: BusinessDay,
  lastDay: BusinessDay,
  asOf: z.number().int(),
  timeZone: z.string(),
  cutoffHour: z.number().int(),
  /** The value of a point: the store's redemption rate (`blockPoints` points pay `blockFen`), or none. */
  rate: z.object({ blockPoints: z.number().int().min(1), blockFen: z.number().int().min(1) }).nullable(),
  days: z.array(LiabilityDay).max(1_096),
});
export type PointsLiability = z.infer<typeof PointsLiability>;

/** The journal's kinds that move a balance (hold and release move only what is held). */
export const balanceKinds = ['earn', 'spend', 'reverse', 'expire', 'adjust'] as const;
/** Points moved on one day, by the journal's kind, signed as they move the balances. */
export type DayPoints = Partial<Record<(typeof balanceKinds)[number], number>>;

export type LiabilityInput = {
  days: readonly string[];
  rate: PointsLiability['rate'];
  /** Before the first day: the sum of every balance, and of the negative ones (≤ 0). */
  opening: { balance: number; negative: number };
  brand: ReadonlyMap<string, DayPoints>;
  here: ReadonlyMap<string, DayPoints>;
  /** The day's change in the sum of negative balances (an overspend takes it down). */
  negativeChange: ReadonlyMap<string, number>;
};

export function rateOf(redemption: PointsRedemption | null): PointsLiability['rate'] {
  return redemption?.kind === 'on' ? { blockPoints: redemption.blockPoints, blockFen: redemption.blockFen } : null;
}

/**
 * The day rows from the day's points by kind. Outstanding points are what members can still spend:
 * the sum of the positive balances. A balance below zero (an offline spend past it, docs/members.md)
 * is not a claim on the member, so the points spent past a balance are the brand's loss (`losses`
 * takes them back out of the spending), and an earn that fills a negative balance first is a loss
 * recovered (negative). So opening + movements = closing, to the point. Each figure is valued on its
 * own, half away from zero; `rounding` is what those roundings leave, 0 when a point is worth whole fen.
 */
export function liabilityDays(input: LiabilityInput): LiabilityDay[] {
  const { rate } = input;
  const figure = (points: number): LiabilityFigure => ({
    points,
    value: rate ? mulDivRound(points, rate.blockFen, rate.blockPoints) : null,
  });
  let balance = input.opening.balance;
  let negative = input.opening.negative;
  return input.days.map((day) => {
    const brand = input.brand.get(day) ?? {};
    const here = input.here.get(day) ?? {};
    const opening = figure(balance - negative);
    const change = input.negativeChange.get(day) ?? 0;
    const moved = {
      earned: figure(brand.earn ?? 0),
      spent: figure(brand.spend ?? 0),
      reversed: figure(brand.reverse ?? 0),
      expired: figure(brand.expire ?? 0),
      adjusted: figure(brand.adjust ?? 0),
      losses: figure(-change),
    };
    for (const kind of balanceKinds) balance += brand[kind] ?? 0;
    negative += change;
    const closing = figure(balance - negative);
    const values = Object.values(moved).reduce((sum, f) => sum + (f.value ?? 0), 0);
    return {
      day,
      opening,
      ...moved,
      rounding: rate ? (closing.value ?? 0) - (opening.value ?? 0) - values : null,
      closing,
      here: { earned: figure(here.earn ?? 0), spent: figure(here.spend ?? 0), reversed: figure(here.reverse ?? 0) },
    };
  });
}
