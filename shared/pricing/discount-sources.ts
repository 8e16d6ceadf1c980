import { z } from 'zod';
import { Money } from '../money';
import { cumulativeShare } from '../rounding';
import type { PricedCart } from './price-cart';

/**
 * Where a discount came from (DOMAIN.md, Reports: "discounts split by source … each shown once"):
 * a member benefit (member price or tier discount, docs/members.md), a manual line discount, a
 * coupon campaign, the manual order discount.
 */
export const discountSourceKinds = ['member', 'manual_line', 'manual_order', 'coupon'] as const;
export type DiscountSourceKind = (typeof discountSourceKinds)[number];

/** One source's part of a discount: on a line, on an order, given back by a refund, or in a day. */
export const SourcedDiscount = z.discriminatedUnion('kind', [
  /** Member prices and the tier discount together: one line takes one of them, never both. */
  z.object({ kind: z.literal('member'), amount: Money }),
  z.object({ kind: z.literal('manual_line'), amount: Money }),
  z.object({ kind: z.literal('manual_order'), amount: Money }),
  /** Campaign id 0 names a coupon whose campaign an old order did not record (migration 0005). */
  z.object({ kind: z.literal('coupon'), campaignId: z.number().int(), campaignName: z.string(), amount: Money }),
]);
export type SourcedDiscount = z.infer<typeof SourcedDiscount>;

/** Same key, same source: all of one campaign's coupons are one source. */
export function sourceKey(part: SourcedDiscount): string {
  return part.kind === 'coupon' ? `coupon:${part.campaignId}` : part.kind;
}

/**
 * Each priced line's discount by source, in the order the engine applies them: the member benefit,
 * the manual line discount, then each coupon's campaign, then the share of the manual order
 * discount. Only parts above zero; a line's parts add up to gross − net.
 */
export function lineDiscountParts(priced: PricedCart): SourcedDiscount[][] {
  return priced.lines.map((line) => {
    const parts: SourcedDiscount[] = [];
    if (line.memberDiscount > 0) parts.push({ kind: 'member', amount: line.memberDiscount as Money });
    if (line.lineDiscount > 0) parts.push({ kind: 'manual_line', amount: line.lineDiscount as Money });
    for (const share of line.couponShares) {
      parts.push({
        kind: 'coupon',
        campaignId: share.campaignId,
        campaignName: share.campaignName,
        amount: share.amount as Money,
      });
    }
    if (line.orderDiscount > 0) parts.push({ kind: 'manual_order', amount: line.orderDiscount as Money });
    return bySource(parts);
  });
}

/**
 * Parts merged per source, in application order: member benefits, manual line discounts, coupons (in
 * the order their campaigns first appear), the manual order discount. Zero parts are left out.
 */
export function bySource(parts: readonly SourcedDiscount[]): SourcedDiscount[] {
  const merged = new Map<string, SourcedDiscount>();
  for (const part of parts) {
    const key = sourceKey(part);
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, amount: (seen.amount + part.amount) as Money } : { ...part });
  }
  const rank = (part: SourcedDiscount) => discountSourceOrder[part.kind];
  return [...merged.values()].filter((part) => part.amount !== 0).sort((a, b) => rank(a) - rank(b));
}

const discountSourceOrder: Record<DiscountSourceKind, number> = {
  member: 0,
  manual_line: 1,
  coupon: 2,
  manual_order: 3,
};

export function discountTotal(parts: readonly SourcedDiscount[]): number {
  return parts.reduce((sum, part) => sum + part.amount, 0);
}

/** A sold line as a refund sees its discounts: how much of it there was and each source's part. */
export type DiscountedLine = { lineNo: number; quantity: number; discounts: readonly SourcedDiscount[] };

/**
 * The discounts given back when the refunded quantities of lines go from `before` to `after`
 * (lineNo → items or grams refunded so far), by source. Each source's part of a line is given back
 * in proportion to the quantity, rounded down, and the last of the line gives back what is left;
 * so refunds never give back more of a source than the order took, and all of a fully refunded
 * order's refunds add up to its split exactly.
 */
export function discountsGivenBack(
  lines: readonly DiscountedLine[],
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
): SourcedDiscount[] {
  const parts: SourcedDiscount[] = [];
  for (const line of lines) {
    const from = before.get(line.lineNo) ?? 0;
    const to = after.get(line.lineNo) ?? 0;
    if (to === from) continue;
    for (const part of line.discounts) {
      const amount =
        cumulativeShare(part.amount, to, line.quantity) - cumulativeShare(part.amount, from, line.quantity);
      parts.push({ ...part, amount: amount as Money });
    }
  }
  return bySource(parts);
}
