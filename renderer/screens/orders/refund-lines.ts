import type { OrderLine } from '../../../shared/contract/orders';
import { refundShare } from '../../../shared/pricing/refund-share';

/** Line number → quantity picked to refund (items, or grams for weighed goods). */
export type RefundPick = Record<number, number>;

export function remainingQuantity(line: OrderLine): number {
  return Math.max(0, line.quantity - line.refundedQuantity);
}

/** Weighed and price-labelled goods go back whole: nobody re-weighs half a bag of apples. */
export function refundsWhole(line: OrderLine): boolean {
  return line.quantityKind !== 'count';
}

export function refundableLines(lines: OrderLine[]): OrderLine[] {
  return lines.filter((line) => remainingQuantity(line) > 0);
}

/** What the core will give back for a line: the same shared rule, so the preview is the refund. */
export function estimateRefund(line: OrderLine, quantity: number): number {
  return refundShare(line, quantity);
}

export function pickAll(lines: OrderLine[]): RefundPick {
  return Object.fromEntries(refundableLines(lines).map((line) => [line.lineNo, remainingQuantity(line)]));
}

/** Never more than is left on a line; the whole rest for weighed goods. */
export function clampPick(line: OrderLine, quantity: number): number {
  const left = remainingQuantity(line);
  if (quantity <= 0) return 0;
  if (refundsWhole(line)) return left;
  return Math.min(left, Math.floor(quantity));
}

/** Why Refund cannot go ahead yet, said next to the line or field it is about. */
export type RefundRefusal =
  | { code: 'too_many'; lineNo: number; left: number }
  | { code: 'too_few'; lineNo: number }
  | { code: 'nothing' }
  | { code: 'no_reason' };

/** A typed quantity outside 1…left is kept as typed and refused by name, never cut silently. */
export function lineRefusal(line: OrderLine, quantity: number | undefined): RefundRefusal | null {
  if (quantity === undefined || quantity === 0) return null;
  const left = remainingQuantity(line);
  if (quantity > left) return { code: 'too_many', lineNo: line.lineNo, left };
  if (quantity < 1 || !Number.isInteger(quantity)) return { code: 'too_few', lineNo: line.lineNo };
  return null;
}

export function refundRefusal(lines: OrderLine[], pick: RefundPick, reason: string): RefundRefusal | null {
  for (const line of lines) {
    const refused = lineRefusal(line, pick[line.lineNo]);
    if (refused) return refused;
  }
  if (toRefundInput(pick).length === 0) return { code: 'nothing' };
  if (!reason.trim()) return { code: 'no_reason' };
  return null;
}

export function toRefundInput(pick: RefundPick): { lineNo: number; quantity: number }[] {
  return Object.entries(pick)
    .map(([lineNo, quantity]) => ({ lineNo: Number(lineNo), quantity }))
    .filter((line) => line.quantity > 0)
    .sort((a, b) => a.lineNo - b.lineNo);
}

/** Lines whose typed quantity is refused count nothing, so the total never shows more than is left. */
export function estimateTotal(lines: OrderLine[], pick: RefundPick): number {
  return lines.reduce(
    (sum, line) => sum + (lineRefusal(line, pick[line.lineNo]) ? 0 : estimateRefund(line, pick[line.lineNo] ?? 0)),
    0,
  );
}
