/** What a sold line is as far as refunds go: its amounts and how much of it went back already. */
export type RefundableLine = { net: number; quantity: number; refundedQuantity: number; refundedAmount: number };

/**
 * The money a refund of `quantity` (items, or grams) of a line gives back. Parts are rounded down
 * and the last part takes what is left of the line, so the parts of a line never add up past what
 * the customer paid for it. The refund screen previews with this and the core decides with it.
 */
export function refundShare(line: RefundableLine, quantity: number): number {
  const left = line.quantity - line.refundedQuantity;
  if (quantity <= 0) return 0;
  if (quantity >= left) return line.net - line.refundedAmount;
  return Number((BigInt(line.net) * BigInt(quantity)) / BigInt(line.quantity));
}
