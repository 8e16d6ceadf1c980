import { z } from 'zod';
import { SCALE_LABEL_MAX } from './barcodes';
import type { CartLine } from './pricing/cart';
import { mulDivRound } from './rounding';

/**
 * The largest value each input can ever take, whatever a store sets: contract schemas refuse past
 * these, and a store's own limits (below) are chosen under them. They bound what one order adds to
 * a report: a sale's gross is at most `sale`, so a day or shift at the till needs more than nine
 * million such sales before a report's sum leaves the safe-integer range `Money` allows.
 */
export const ceilings = {
  /** Per item, or per kg: ¥999,999.99. */
  price: 99_999_999,
  count: 9_999,
  /** One tonne. */
  weightGrams: 1_000_000,
  /** A sale's gross before discounts: ¥10,000,000. */
  sale: 1_000_000_000,
  /** Cash received on one sale. */
  tender: 1_000_000_000,
  /** One cash in or cash out, and a shift's float. */
  cashMovement: 1_000_000_000,
  /** One stock movement, in items or in kg. */
  stockMove: 1_000_000,
  /** What a price label's five value digits can print. */
  labelAmount: SCALE_LABEL_MAX,
} as const;

const limit = (max: number) => z.number().int().min(1).max(max);

/** A store's own limits, kept in its settings (amounts in minor units). */
export const limitFields = {
  priceMax: limit(ceilings.price),
  countMax: limit(ceilings.count),
  weightMaxGrams: limit(ceilings.weightGrams),
  saleMax: limit(ceilings.sale),
  tenderMax: limit(ceilings.tender),
  cashInMax: limit(ceilings.cashMovement),
  /** A cash in above this needs a manager's PIN. */
  cashInApprovalAmount: z.number().int().min(0).max(ceilings.cashMovement),
  cashOutMax: limit(ceilings.cashMovement),
  /** Items, or kg for goods sold by weight. */
  stockMoveMax: limit(ceilings.stockMove),
};

export type StoreLimits = { [K in keyof typeof limitFields]: z.infer<(typeof limitFields)[K]> };

/** What a corner shop or supermarket till meets in a year; an owner raises them in Settings. */
export const defaultLimits: StoreLimits = {
  priceMax: 9_999_999,
  countMax: 999,
  weightMaxGrams: 100_000,
  saleMax: 10_000_000,
  tenderMax: 10_000_000,
  cashInMax: 10_000_000,
  cashInApprovalAmount: 200_000,
  cashOutMax: 10_000_000,
  stockMoveMax: 10_000,
};

export type LimitName = 'price' | 'count' | 'weight' | 'sale' | 'tender' | 'cashIn' | 'cashOut' | 'stockMove';

/** A value past one of the store's limits; amounts in minor units, weights in grams. */
export type LimitBreach = { limit: LimitName; value: number; max: number };

/** Why a cart line cannot be sold as it stands, or null. */
export type LineProblem =
  | ({ kind: 'limit' } & LimitBreach)
  /** The store's scales print weights, so no label carries a price. */
  | { kind: 'label_not_priced' }
  /** The printed amount at this price per kg is a weight no scale gives. */
  | { kind: 'label_weight'; grams: number; max: number };

/** Grams a price label stands for at a price per kg, rounded as the stock ledger records it. */
export function labelGrams(amount: number, pricePerKg: number): number {
  return pricePerKg > 0 ? mulDivRound(amount, 1_000, pricePerKg) : Number.POSITIVE_INFINITY;
}

export function lineProblem(
  settings: StoreLimits & { scaleLabel: 'price' | 'weight' },
  line: Pick<CartLine, 'quantity' | 'unitPrice'>,
): LineProblem | null {
  const q = line.quantity;
  switch (q.kind) {
    case 'count':
      return q.count > settings.countMax
        ? { kind: 'limit', limit: 'count', value: q.count, max: settings.countMax }
        : null;
    case 'weight':
      return q.grams > settings.weightMaxGrams
        ? { kind: 'limit', limit: 'weight', value: q.grams, max: settings.weightMaxGrams }
        : null;
    case 'priced': {
      if (settings.scaleLabel !== 'price') return { kind: 'label_not_priced' };
      // Compared unrounded: under one gram, or over the limit, whatever rounding would show.
      const milligramsTimesPrice = q.amount * 1_000;
      const possible =
        milligramsTimesPrice >= line.unitPrice && milligramsTimesPrice <= settings.weightMaxGrams * line.unitPrice;
      return possible
        ? null
        : { kind: 'label_weight', grams: labelGrams(q.amount, line.unitPrice), max: settings.weightMaxGrams };
    }
    default: {
      const unreachable: never = q;
      throw new Error(`unknown quantity ${JSON.stringify(unreachable)}`);
    }
  }
}

/** A value against one of the store's limits: the breach, or null when it is within. */
export function breach(limits: StoreLimits, name: LimitName, value: number): LimitBreach | null {
  const max = limitOf(limits, name);
  return value > max ? { limit: name, value, max } : null;
}

export function limitOf(limits: StoreLimits, name: LimitName): number {
  switch (name) {
    case 'price':
      return limits.priceMax;
    case 'count':
      return limits.countMax;
    case 'weight':
      return limits.weightMaxGrams;
    case 'sale':
      return limits.saleMax;
    case 'tender':
      return limits.tenderMax;
    case 'cashIn':
      return limits.cashInMax;
    case 'cashOut':
      return limits.cashOutMax;
    case 'stockMove':
      return limits.stockMoveMax;
    default: {
      const unreachable: never = name;
      throw new Error(`unknown limit ${String(unreachable)}`);
    }
  }
}

/** A stock movement's limit in the ledger's unit: items, or grams for goods sold by weight. */
export function stockMoveMaxIn(limits: StoreLimits, unit: 'each' | 'kg'): number {
  return unit === 'kg' ? limits.stockMoveMax * 1_000 : limits.stockMoveMax;
}
