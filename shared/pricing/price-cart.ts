import { allocate, mulDivRound, percentOf } from '../rounding';
import type { Cart, CartLine, ManualDiscount, PricingPolicy } from './cart';
import { applyCoupons, type CouponsApplied } from './coupon-rules';
import type { CouponOutcome, CouponPricingContext } from './coupon-terms';
import { type MemberBenefitKind, type MemberPricing, memberLineBenefit } from './member-pricing';

export type DiscountNote =
  | { kind: 'capped_at_line'; lineId: string; asked: number; given: number }
  | { kind: 'capped_at_order'; asked: number; given: number };

export type PricedLine = {
  lineId: string;
  /** Unit price × quantity, rounded once. */
  gross: number;
  /** What the member's member price or tier discount takes off the line; 0 without a member. */
  memberDiscount: number;
  /** Which of the two it was, or null: never both on one line. */
  memberBenefit: MemberBenefitKind | null;
  lineDiscount: number;
  /** This line's share of all coupons. */
  couponDiscount: number;
  /** The same by campaign, in the order the campaigns were applied; adds up to `couponDiscount`. */
  couponShares: CouponShare[];
  /** This line's share of the manual order discount. */
  orderDiscount: number;
  /** What the customer pays for the line: gross − all four discounts, never below zero. */
  net: number;
  taxRateBp: number;
  /** Tax included in `net`. */
  tax: number;
};

export type CouponShare = { campaignId: number; campaignName: string; amount: number };

export type TaxBand = { taxRateBp: number; net: number; tax: number };

export type PricedCart = {
  lines: PricedLine[];
  gross: number;
  /** What member prices and the tier discount took off together. */
  memberDiscount: number;
  /** Manual line and order discounts; coupons and member benefits are not in it. */
  manualDiscount: number;
  /** What the applied coupons took off together. */
  couponDiscount: number;
  /** One per cart coupon, in cart order; a refused one takes 0 and says why. */
  coupons: CouponOutcome[];
  total: number;
  taxBands: TaxBand[];
  /** Manual discounts above the store's limits: the commit needs a manager's approval. */
  needsApproval: boolean;
  notes: DiscountNote[];
};

/**
 * The one pricing function: the renderer previews with it and the core recomputes with it before
 * committing, so both always show the same fen. Prices include tax (CN style). The member's benefit
 * comes first (a member price replaces the list price; otherwise the tier discount), then manual
 * line discounts, then coupons in cart order on the member-priced cart, then the manual order
 * discount on what is left (docs/members.md, the stacking rule).
 */
export function priceCart(
  cart: Cart,
  policy: PricingPolicy,
  coupons?: CouponPricingContext,
  member?: MemberPricing,
): PricedCart {
  const notes: DiscountNote[] = [];
  const first = cart.lines.map((line) => {
    const gross = lineGross(line);
    const benefit = memberLineBenefit(line, gross, member);
    const memberDiscount = benefit?.amount ?? 0;
    const base = gross - memberDiscount;
    const asked = discountAmount(line.discount, base);
    const lineDiscount = Math.min(asked, base);
    if (asked > base) notes.push({ kind: 'capped_at_line', lineId: line.lineId, asked, given: lineDiscount });
    // Coupons see the member's unit price: a free item gives one unit at what the member pays for it.
    const couponLine = benefit ? { ...line, unitPrice: benefit.unitPrice } : line;
    return { line, couponLine, gross, memberDiscount, memberBenefit: benefit?.kind ?? null, lineDiscount };
  });
  // Carts built in code rather than parsed may come without the coupons field.
  const applied = applyCoupons(
    cart.coupons ?? [],
    first.map((entry) => ({ line: entry.couponLine, spend: entry.gross - entry.memberDiscount - entry.lineDiscount })),
    coupons,
  );
  const afterCoupons = first.map(
    (entry, i) => entry.gross - entry.memberDiscount - entry.lineDiscount - applied.perLine[i],
  );
  const subtotal = sum(afterCoupons);
  const askedOrder = discountAmount(cart.orderDiscount, subtotal);
  const orderDiscount = Math.min(askedOrder, subtotal);
  if (askedOrder > subtotal) notes.push({ kind: 'capped_at_order', asked: askedOrder, given: orderDiscount });
  const shares = allocate(orderDiscount, afterCoupons);

  const lines = first.map(({ line, gross, memberDiscount, memberBenefit, lineDiscount }, i): PricedLine => {
    const net = afterCoupons[i] - shares[i];
    return {
      lineId: line.lineId,
      gross,
      memberDiscount,
      memberBenefit,
      lineDiscount,
      couponDiscount: applied.perLine[i],
      couponShares: couponSharesOf(applied, i),
      orderDiscount: shares[i],
      net,
      taxRateBp: line.taxRateBp,
      tax: includedTax(net, line.taxRateBp),
    };
  });
  const gross = sum(lines.map((l) => l.gross));
  const manualDiscount = sum(lines.map((l) => l.lineDiscount + l.orderDiscount));
  return {
    lines,
    gross,
    memberDiscount: sum(lines.map((l) => l.memberDiscount)),
    manualDiscount,
    couponDiscount: sum(applied.outcomes.map((o) => o.amount)),
    coupons: applied.outcomes,
    total: sum(lines.map((l) => l.net)),
    taxBands: taxBands(lines),
    needsApproval:
      manualDiscount > policy.approvalAboveAmount || manualDiscount * 10_000 > gross * policy.approvalAbovePercentBp,
    notes,
  };
}

function couponSharesOf(applied: CouponsApplied, line: number): CouponShare[] {
  const shares: CouponShare[] = [];
  applied.outcomes.forEach((outcome, i) => {
    const amount = applied.shares[i][line];
    if (amount === 0 || outcome.campaignId === null) return;
    const same = shares.find((share) => share.campaignId === outcome.campaignId);
    if (same) same.amount += amount;
    else shares.push({ campaignId: outcome.campaignId, campaignName: outcome.campaignName ?? '', amount });
  });
  return shares;
}

function lineGross(line: CartLine): number {
  switch (line.quantity.kind) {
    case 'count':
      return line.unitPrice * line.quantity.count;
    case 'weight':
      return mulDivRound(line.unitPrice, line.quantity.grams, 1_000);
    case 'priced':
      return line.quantity.amount;
    default: {
      const unreachable: never = line.quantity;
      throw new Error(`unknown quantity ${JSON.stringify(unreachable)}`);
    }
  }
}

function discountAmount(discount: ManualDiscount | null, base: number): number {
  if (!discount) return 0;
  return discount.kind === 'percent' ? percentOf(base, Math.min(discount.value, 10_000)) : discount.value;
}

/** Tax inside a tax-inclusive amount: net × rate / (1 + rate). */
function includedTax(net: number, rateBp: number): number {
  return mulDivRound(net, rateBp, 10_000 + rateBp);
}

function taxBands(lines: PricedLine[]): TaxBand[] {
  const bands = new Map<number, TaxBand>();
  for (const line of lines) {
    const band = bands.get(line.taxRateBp) ?? { taxRateBp: line.taxRateBp, net: 0, tax: 0 };
    band.net += line.net;
    band.tax += line.tax;
    bands.set(line.taxRateBp, band);
  }
  return [...bands.values()].sort((a, b) => a.taxRateBp - b.taxRateBp);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
