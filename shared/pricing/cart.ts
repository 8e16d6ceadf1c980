import { z } from 'zod';
import { MemberId, ProductId } from '../ids';
import { ceilings } from '../limits';
import { moneyInput } from '../money';
import { ScannedCode } from '../vouchers/redemption-wire';

/**
 * How much of an item: a count; grams for goods sold by weight (a weight label, or typed in); or
 * the amount a price-embedded scale label printed, which is what the customer was shown and pays.
 */
export const Quantity = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), count: z.number().int().min(1).max(ceilings.count) }),
  z.object({ kind: z.literal('weight'), grams: z.number().int().min(1).max(ceilings.weightGrams) }),
  z.object({ kind: z.literal('priced'), amount: z.number().int().min(1).max(ceilings.labelAmount) }),
]);
export type Quantity = z.infer<typeof Quantity>;

/** A discount someone typed in; the reason is kept with the order and shown on reports. */
export const ManualDiscount = z.object({
  kind: z.enum(['percent', 'amount']),
  /** Basis points for percent (1,000 = 10 %), minor units for amount. */
  value: z.number().int().min(0).max(ceilings.sale),
  reason: z.string().trim().min(1).max(120),
});
export type ManualDiscount = z.infer<typeof ManualDiscount>;

export const CartLine = z.object({
  lineId: z.string().min(1).max(64),
  productId: ProductId,
  /** Per item, or per kg for weight; what the catalog said when the line was added. */
  unitPrice: moneyInput(ceilings.price),
  taxRateBp: z.number().int().min(0).max(10_000),
  quantity: Quantity,
  discount: ManualDiscount.nullable().default(null),
});
export type CartLine = z.infer<typeof CartLine>;

/**
 * A scanned voucher on the cart. The redemption id is minted when it is scanned and kept through
 * every retry, so it is the idempotency key of the redemption on the platform (PROTOCOL.md).
 */
export const CartCoupon = z.object({
  redemptionId: z.uuid(),
  code: ScannedCode,
});
export type CartCoupon = z.infer<typeof CartCoupon>;

export const Cart = z.object({
  lines: z.array(CartLine).max(500),
  orderDiscount: ManualDiscount.nullable().default(null),
  /** Applied in this order; a refused one stays listed with its reason and takes nothing off. */
  coupons: z.array(CartCoupon).max(10).default([]),
  /** The member identified for this sale (members.lookup or members.identify), if any. */
  memberId: MemberId.nullable().optional(),
});
export type Cart = z.infer<typeof Cart>;

/** Store rules the engine applies; manual discounts above either limit need a manager. */
export type PricingPolicy = {
  /** Share of the order's gross, in basis points, a cashier may give away on their own. */
  approvalAbovePercentBp: number;
  /** Amount a cashier may give away on their own, in minor units. */
  approvalAboveAmount: number;
};
