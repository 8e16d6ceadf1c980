import { asMoney, type Money } from '../money';
import { mulDivRound, percentOf } from '../rounding';
import type { CartLine } from './cart';

/**
 * What an identified member's tier gives at the counter, as the pricing engine needs it
 * (`memberPricingOf` in shared/members/tiers.ts builds it from the tier).
 */
export type MemberPricing = {
  /** Off a line with no member price, in basis points; 0 when the tier gives none. */
  tierDiscountBp: number;
  /** Product id → member price, per item or per kg like the catalog price. */
  memberPrices: ReadonlyMap<string, Money>;
};

export type MemberBenefitKind = 'member_price' | 'tier_discount';

/** A line's member benefit: what it takes off the line's gross, and which benefit it was. */
export type MemberLineBenefit = { kind: MemberBenefitKind; amount: number; unitPrice: Money } | null;

/**
 * The stacking rule on one line (docs/members.md): a member price replaces the list price when it
 * is lower; a line without one takes the tier discount, rounded half-up on the line; never both.
 * `unitPrice` is the unit price the rest of the engine sees afterwards (a free item gives one unit
 * at it), and `gross` the line's list-price gross.
 */
export function memberLineBenefit(line: CartLine, gross: number, member: MemberPricing | undefined): MemberLineBenefit {
  if (!member || gross === 0) return null;
  const memberPrice = member.memberPrices.get(line.productId);
  if (memberPrice !== undefined && memberPrice < line.unitPrice) {
    const amount = gross - grossAt(line, memberPrice);
    return amount > 0 ? { kind: 'member_price', amount, unitPrice: memberPrice } : null;
  }
  if (memberPrice !== undefined || member.tierDiscountBp <= 0) return null;
  const rateBp = Math.min(member.tierDiscountBp, 10_000);
  const amount = percentOf(gross, rateBp);
  if (amount === 0) return null;
  return { kind: 'tier_discount', amount, unitPrice: asMoney(line.unitPrice - percentOf(line.unitPrice, rateBp)) };
}

/**
 * The line's gross at another unit price. A price label printed its amount at the list price per kg,
 * so the member pays the same weight at the member price: amount × member price ÷ list price.
 */
function grossAt(line: CartLine, unitPrice: number): number {
  const q = line.quantity;
  switch (q.kind) {
    case 'count':
      return unitPrice * q.count;
    case 'weight':
      return mulDivRound(unitPrice, q.grams, 1_000);
    case 'priced':
      return mulDivRound(q.amount, unitPrice, line.unitPrice);
    default: {
      const unreachable: never = q;
      throw new Error(`unknown quantity ${JSON.stringify(unreachable)}`);
    }
  }
}
