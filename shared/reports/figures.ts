import { mulDivRound } from '../rounding';

/**
 * What a report adds up from its orders, in minor units (DOMAIN.md, Reports). Every figure a report
 * shows is derived from these sums by the functions below, so a day, a range, a breakdown row and
 * an export all compute it the same way.
 */
export type SalesSums = {
  orders: number;
  /** Items: counted goods by count, a weighed line as one item. */
  items: number;
  /** Line prices before any discount. */
  gross: number;
  /** Every discount, from every source (manual, coupons). */
  discount: number;
  tax: number;
  /** Lines whose product had a known cost: their net, and that cost. */
  costedNet: number;
  cost: number;
  /** Refunds of these orders, whatever day they were made (the "by original day" view). */
  refunded: number;
};

export const emptySums: SalesSums = {
  orders: 0,
  items: 0,
  gross: 0,
  discount: 0,
  tax: 0,
  costedNet: 0,
  cost: 0,
  refunded: 0,
};

export function addSums(a: SalesSums, b: SalesSums): SalesSums {
  return {
    orders: a.orders + b.orders,
    items: a.items + b.items,
    gross: a.gross + b.gross,
    discount: a.discount + b.discount,
    tax: a.tax + b.tax,
    costedNet: a.costedNet + b.costedNet,
    cost: a.cost + b.cost,
    refunded: a.refunded + b.refunded,
  };
}

export type SalesFigures = SalesSums & {
  /** gross − discount. */
  net: number;
  /** net − refunds of these orders. */
  netAfterRefunds: number;
  /** net ÷ orders, rounded half away from zero; 0 without orders. */
  averageTicket: number;
  /** net − cost over the lines with a known cost, and its share of their net in basis points. */
  margin: { amount: number; percentBp: number | null };
};

export function salesFigures(sums: SalesSums): SalesFigures {
  const net = sums.gross - sums.discount;
  return {
    ...sums,
    net,
    netAfterRefunds: net - sums.refunded,
    averageTicket: sums.orders === 0 ? 0 : mulDivRound(net, 1, sums.orders),
    margin: marginOf(sums.costedNet, sums.cost),
  };
}

/** Margin over the lines with a known cost: net − cost, and its share of their net (null without any). */
export function marginOf(costedNet: number, cost: number): { amount: number; percentBp: number | null } {
  const amount = costedNet - cost;
  return { amount, percentBp: costedNet === 0 ? null : mulDivRound(amount, 10_000, costedNet) };
}

/** A part's share of a total in basis points, rounded half away from zero; null of nothing. */
export function shareBp(part: number, total: number): number | null {
  return total === 0 ? null : mulDivRound(part, 10_000, total);
}

/** A figure against the earlier period's: the difference, and as a share of the earlier (null from 0). */
export type Change = { amount: number; percentBp: number | null };

export function change(current: number, earlier: number): Change {
  return {
    amount: current - earlier,
    percentBp: earlier === 0 ? null : mulDivRound(current - earlier, 10_000, Math.abs(earlier)),
  };
}
