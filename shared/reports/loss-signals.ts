import { mulDivRound } from '../rounding';
import { shareBp } from './figures';

/**
 * The loss-prevention signals a store is compared on (DOMAIN.md, Franchise; docs/franchise.md,
 * "Compare stores"), each a share in basis points so stores of any size compare.
 */
export const LOSS_SIGNALS = [
  'discount',
  'refunds',
  'late_refunds',
  'voids',
  'no_sales',
  'cash_variance',
  'rounding',
  'price_overrides',
] as const;
export type LossSignalKey = (typeof LOSS_SIGNALS)[number];

/** A store's raw counts over a span, as the platform sums them from the pushed records. */
export type LossSums = {
  orders: number;
  gross: number;
  discount: number;
  /** Orders with any discount. */
  discounted: number;
  refunds: { count: number; amount: number };
  lateRefunds: { count: number; amount: number };
  voids: { count: number; amount: number };
  noSales: number;
  /** Closed shifts, those whose count differed, Σ(counted − expected), Σ|counted − expected|, Σ expected. */
  cash: { shifts: number; off: number; net: number; absolute: number; expected: number };
  /** Orders rounded, and what the rounding gave away (−Σ rounding: positive when rounded down). */
  rounding: { count: number; given: number };
  /** Orders with a manual discount, and what manual discounts took off. */
  overrides: { count: number; amount: number };
};

export const emptyLossSums: LossSums = {
  orders: 0,
  gross: 0,
  discount: 0,
  discounted: 0,
  refunds: { count: 0, amount: 0 },
  lateRefunds: { count: 0, amount: 0 },
  voids: { count: 0, amount: 0 },
  noSales: 0,
  cash: { shifts: 0, off: 0, net: 0, absolute: 0, expected: 0 },
  rounding: { count: 0, given: 0 },
  overrides: { count: 0, amount: 0 },
};

/** One signal of one store: its count and amount, its rate, and whether it stands out. */
export type LossSignal = {
  key: LossSignalKey;
  count: number;
  amount: number | null;
  rateBp: number | null;
  medianBp: number | null;
  flagged: boolean;
};

/** What each signal counts, its amount, and its rate over what base (the doc's table, in code). */
export function signalOf(key: LossSignalKey, s: LossSums): Omit<LossSignal, 'medianBp' | 'flagged'> {
  const net = s.gross - s.discount;
  switch (key) {
    case 'discount':
      return { key, count: s.discounted, amount: s.discount, rateBp: shareBp(s.discount, s.gross) };
    case 'refunds':
      return { key, count: s.refunds.count, amount: s.refunds.amount, rateBp: shareBp(s.refunds.amount, net) };
    case 'late_refunds':
      return {
        key,
        count: s.lateRefunds.count,
        amount: s.lateRefunds.amount,
        rateBp: shareBp(s.lateRefunds.amount, net),
      };
    case 'voids':
      return { key, count: s.voids.count, amount: s.voids.amount, rateBp: shareBp(s.voids.count, s.orders) };
    case 'no_sales':
      return { key, count: s.noSales, amount: null, rateBp: shareBp(s.noSales, s.orders) };
    case 'cash_variance':
      return { key, count: s.cash.off, amount: s.cash.net, rateBp: shareBp(s.cash.absolute, s.cash.expected) };
    case 'rounding':
      return { key, count: s.rounding.count, amount: s.rounding.given, rateBp: shareBp(s.rounding.given, net) };
    case 'price_overrides':
      return {
        key,
        count: s.overrides.count,
        amount: s.overrides.amount,
        rateBp: shareBp(s.overrides.amount, s.gross),
      };
    default: {
      const never: never = key;
      throw new Error(`unknown signal ${String(never)}`);
    }
  }
}

/**
 * How far above the median a rate must be, at least, to stand out: a store at 0.3 % voids against
 * a median of 0.1 % is three times it, but one void in three hundred sales is not a pattern.
 */
export const FLAG_FLOOR_BP: Record<LossSignalKey, number> = {
  discount: 200,
  refunds: 100,
  late_refunds: 50,
  voids: 100,
  no_sales: 100,
  cash_variance: 50,
  rounding: 20,
  price_overrides: 100,
};

/** The outlier rule: more than twice the other stores' median, and at least the signal's floor above it. */
export const FLAG_MULTIPLE = 2;

/** The median of the rates, the middle two's mean rounded half away from zero; null of none. */
export function medianBp(rates: readonly number[]): number | null {
  if (rates.length === 0) return null;
  const sorted = [...rates].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle];
  return mulDivRound(sorted[middle - 1] + sorted[middle], 1, 2);
}

export function isFlagged(key: LossSignalKey, rateBp: number | null, median: number | null): boolean {
  if (rateBp === null || median === null) return false;
  return rateBp - median >= FLAG_FLOOR_BP[key] && rateBp > FLAG_MULTIPLE * median;
}

/**
 * Every store's signals against the franchise median of that signal: the median over the stores
 * that have a rate (a store with no sales, or no closed shift for the cash, has none). The flag
 * judges a store against the median of the *other* stores: with two stores the franchise median is
 * their mean, which no store can be twice of, and a store should not lower its own bar.
 */
export function compareLoss<S extends { sums: LossSums }>(stores: readonly S[]): (S & { signals: LossSignal[] })[] {
  const raw = stores.map((store) => LOSS_SIGNALS.map((key) => signalOf(key, store.sums)));
  const ratesOf = (i: number, except: number | null) =>
    raw.flatMap((signals, s) => (s === except || signals[i].rateBp === null ? [] : [signals[i].rateBp]));
  return stores.map((store, s) => ({
    ...store,
    signals: raw[s].map((signal, i) => ({
      ...signal,
      medianBp: medianBp(ratesOf(i, null)),
      flagged: isFlagged(signal.key, signal.rateBp, medianBp(ratesOf(i, s))),
    })),
  }));
}
