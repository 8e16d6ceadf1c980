import { z } from 'zod';
import { cumulativeShare } from '../rounding';
import { memberCeilings } from './member-limits';

const points = z.number().int().min(0).max(memberCeilings.points);

/** Paying with points (积分抵现), set per store; `off` when the store takes no points. */
export const PointsRedemption = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('off') }),
  z.object({
    kind: z.literal('on'),
    /** The rate: `blockPoints` points pay `blockFen` (100 points = ¥1 is 100 → 100); whole blocks only. */
    blockPoints: z.number().int().min(1).max(memberCeilings.pointsBlock),
    blockFen: z.number().int().min(1).max(10_000),
    /** Fewest and most points one order may take. */
    minPoints: points,
    maxPoints: points.min(1),
    /** The largest share of the order's due that points may pay, in basis points. */
    maxShareBp: z.number().int().min(1).max(10_000),
  }),
]);
export type PointsRedemption = z.infer<typeof PointsRedemption>;

export const PointsRules = z.object({
  /** Points per whole yuan of earning spend; 0 earns none. */
  earnPerYuan: z.number().int().min(0).max(memberCeilings.pointsPerYuan),
  redemption: PointsRedemption,
});
export type PointsRules = z.infer<typeof PointsRules>;

/** How an order was paid, as earning sees it; `points` is a points tender, `platform_prepaid` a group-buy voucher. */
export type EarningPayment = { method: 'cash' | 'card' | 'wallet' | 'platform_prepaid' | 'points'; amount: number };

/**
 * What an order earns on (DOMAIN.md): what the customer paid in money after every discount. Nothing
 * on a group-buy voucher (bought and earned on online) and nothing on points (no points for points).
 * Cash counts what was due, not what was handed over.
 */
export function earningSpend(payments: readonly EarningPayment[]): number {
  let spend = 0;
  for (const payment of payments) {
    switch (payment.method) {
      case 'cash':
      case 'card':
      case 'wallet':
        spend += Math.max(0, payment.amount);
        break;
      case 'platform_prepaid':
      case 'points':
        break;
      default: {
        const unreachable: never = payment.method;
        throw new Error(`unknown payment method ${String(unreachable)}`);
      }
    }
  }
  return spend;
}

/** Points an order earns: per yuan of earning spend, rounded down (¥12.50 at 2 a yuan is 25). */
export function pointsEarned(rules: PointsRules, spend: number): number {
  return spend > 0 ? Math.floor((spend * rules.earnPerYuan) / 100) : 0;
}

/** Why points cannot pay as asked; each code has its message in member-messages.ts. */
export type RedemptionRefusal =
  | { code: 'points_redeem_off'; params: Record<string, never> }
  | { code: 'points_not_whole_blocks'; params: { block: number } }
  | { code: 'points_below_min'; params: { min: number } }
  | { code: 'points_above_max'; params: { max: number } }
  | { code: 'points_over_balance'; params: { balance: number } }
  | { code: 'points_over_share'; params: { max: number } };

export type RedemptionAsk = {
  points: number;
  /**
   * What this till may spend for the member now: online, the available balance (after holds);
   * offline, the lower of the cached balance and the per-member offline cap the platform set.
   */
  spendable: number;
  /** What is still due on the order, fen. */
  due: number;
};

export type Redemption = { points: number; fen: number };

/** The most points the order can take now, in whole blocks, with their value; 0 when none. */
export function mostRedeemable(rules: PointsRules, spendable: number, due: number): Redemption {
  const r = rules.redemption;
  if (r.kind === 'off') return { points: 0, fen: 0 };
  const byShare = pointsWithinShare(r, due);
  const most = Math.min(r.maxPoints, Math.max(0, spendable), byShare);
  const blocks = Math.floor(most / r.blockPoints);
  const fewest = Math.ceil(r.minPoints / r.blockPoints);
  return blocks > 0 && blocks >= fewest ? blocksWorth(r, blocks) : { points: 0, fen: 0 };
}

/** Points as a tender: the points and their value, or the first reason they cannot pay. */
export function checkRedemption(
  rules: PointsRules,
  ask: RedemptionAsk,
): ({ ok: true } & Redemption) | { ok: false; refusal: RedemptionRefusal } {
  const r = rules.redemption;
  const refuse = (refusal: RedemptionRefusal) => ({ ok: false as const, refusal });
  if (r.kind === 'off') return refuse({ code: 'points_redeem_off', params: {} });
  if (ask.points <= 0 || ask.points % r.blockPoints !== 0) {
    return refuse({ code: 'points_not_whole_blocks', params: { block: r.blockPoints } });
  }
  if (ask.points < r.minPoints) return refuse({ code: 'points_below_min', params: { min: r.minPoints } });
  if (ask.points > r.maxPoints) return refuse({ code: 'points_above_max', params: { max: r.maxPoints } });
  if (ask.points > ask.spendable) {
    return refuse({ code: 'points_over_balance', params: { balance: Math.max(0, ask.spendable) } });
  }
  const byShare = pointsWithinShare(r, ask.due);
  if (ask.points > byShare) return refuse({ code: 'points_over_share', params: { max: byShare } });
  return { ok: true, ...blocksWorth(r, ask.points / r.blockPoints) };
}

/** The most points, in whole blocks, whose value stays within the share of `due` points may pay. */
function pointsWithinShare(r: Extract<PointsRedemption, { kind: 'on' }>, due: number): number {
  return Math.floor(Math.floor((due * r.maxShareBp) / 10_000) / r.blockFen) * r.blockPoints;
}

function blocksWorth(r: Extract<PointsRedemption, { kind: 'on' }>, blocks: number): Redemption {
  return { points: blocks * r.blockPoints, fen: blocks * r.blockFen };
}

/** An order's points as a refund sees them. */
export type OrderPoints = {
  /** The order's total, fen: what its refunds are parts of. */
  total: number;
  earned: number;
  /** Points that paid part of the order. */
  spent: number;
};

/** What a refund does to points: earned points taken back, spent points given back. */
export type PointsReversal = { takeBack: number; giveBack: number };

/**
 * A refund that takes the money refunded on the order from `before` to `after` (fen, cumulative)
 * reverses points in proportion: each side rounded down on the cumulative amount, so the reversals
 * of an order never add up past what it earned and spent, and a full refund reaches both exactly.
 */
export function pointsReversal(order: OrderPoints, before: number, after: number): PointsReversal {
  return {
    takeBack: reversalShare(order.earned, order.total, before, after),
    giveBack: reversalShare(order.spent, order.total, before, after),
  };
}

/** The step from `before` to `after` of `amount` reversed in proportion to `whole` (points, growth). */
export function reversalShare(amount: number, whole: number, before: number, after: number): number {
  return Math.max(0, cumulativeShare(amount, after, whole) - cumulativeShare(amount, before, whole));
}
