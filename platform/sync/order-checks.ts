import { ceilings } from '../../shared/limits';
import type { PayloadOf } from '../../shared/sync/mutations';
import { fields, moneyWords, sums, type Words, when } from './claim-words';
import { type ClaimWindow, claimedTimeRefusal } from './claimed-time';
import type { ApplyRefusal } from './platform-domain';

/** A stock movement is at most `stockMove` items or kilograms, and the ledger counts weight in grams. */
export const STOCK_MOVE_MAX = ceilings.stockMove * 1000;

/** The coarsest cash rounding a store can choose (store-settings.ts): one yuan, rounded down. */
const ROUNDING_MAX = 99;

const sumOf = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((sum, item) => sum + value(item), 0);

function mismatch(what: Words): ApplyRefusal {
  return { code: 'record_sums', params: { what } };
}

function tooLarge(what: Words, value: number, max: number, currency: string | null): ApplyRefusal {
  const shown = (amount: number) => (currency === null ? amount.toLocaleString('en') : moneyWords(amount, currency));
  return { code: 'value_out_of_range', params: { what, value: shown(value), max: shown(max) } };
}

type Order = PayloadOf<'order.paid'>;
type Line = Order['lines'][number];

const quantityMax = (line: Line) =>
  line.quantityKind === 'count' ? ceilings.count : Math.max(ceilings.weightGrams, ceilings.labelAmount);

/** Each value within what a till lets anyone enter (shared/limits.ts). */
function orderBounds(payload: Order, currency: string): ApplyRefusal | null {
  const { order } = payload;
  if (order.gross > ceilings.sale) return tooLarge(fields.orderGross, order.gross, ceilings.sale, currency);
  for (const line of payload.lines) {
    if (line.unitPrice > ceilings.price) return tooLarge(fields.unitPrice, line.unitPrice, ceilings.price, currency);
    if (line.quantity > quantityMax(line)) return tooLarge(fields.quantity, line.quantity, quantityMax(line), null);
  }
  for (const payment of payload.payments) {
    if (payment.amount > ceilings.tender) return tooLarge(fields.payment, payment.amount, ceilings.tender, currency);
  }
  return null;
}

/** The identities every sale the till records keeps (order-commit.ts, settle-tenders.ts). */
function orderSums(payload: Order): ApplyRefusal | null {
  const { order, lines, payments } = payload;
  if (lines.some((line) => line.net !== line.gross - line.discount)) return mismatch(sums.lineNet);
  if (sumOf(lines, (line) => line.gross) !== order.gross) return mismatch(sums.gross);
  if (sumOf(lines, (line) => line.discount) !== order.discount) return mismatch(sums.discount);
  if (order.total !== order.gross - order.discount) return mismatch(sums.totalLessDiscount);
  if (sumOf(lines, (line) => line.net) !== order.total) return mismatch(sums.total);
  if (Math.abs(order.rounding) > ROUNDING_MAX) return mismatch(sums.rounding);
  if (sumOf(payments, (payment) => payment.amount) !== order.total + order.rounding) return mismatch(sums.payments);
  if (order.tax > order.total) return mismatch(sums.tax);
  // A member benefit is a member's: a sale that names none cannot have one.
  const memberPart = lines.some((line) => line.discounts?.some((part) => part.kind === 'member'));
  if (memberPart && !order.memberId) return mismatch(sums.memberBenefit);
  return null;
}

/** A sale's movements take its own goods out of stock. */
function saleStock(payload: Order): ApplyRefusal | null {
  const skus = new Set(payload.lines.map((line) => line.sku));
  const kind =
    payload.order.channel === 'online_delivery' || payload.order.channel === 'online_pickup' ? 'online_sale' : 'sale';
  const wrong = payload.stock.some(
    (move) => !skus.has(move.sku) || move.kind !== kind || move.quantity > 0 || -move.quantity > STOCK_MOVE_MAX,
  );
  return wrong ? mismatch(sums.stock) : null;
}

export function orderPaidRefusal(payload: Order, currency: string, window: ClaimWindow): ApplyRefusal | null {
  return (
    claimedTimeRefusal(payload.order.paidAt, window, false) ??
    orderBounds(payload, currency) ??
    orderSums(payload) ??
    saleStock(payload)
  );
}

/** Goods received, counted, adjusted or wasted: never a sale's or refund's own movement, and bounded. */
export function stockMovedRefusal(payload: PayloadOf<'stock.moved'>, window: ClaimWindow): ApplyRefusal | null {
  const timed = claimedTimeRefusal(payload.at, window, false);
  if (timed) return timed;
  if (payload.kind === 'sale' || payload.kind === 'online_sale' || payload.kind === 'refund')
    return mismatch(sums.stock);
  if (Math.abs(payload.quantity) > STOCK_MOVE_MAX) {
    return tooLarge(fields.stock, Math.abs(payload.quantity), STOCK_MOVE_MAX, null);
  }
  return null;
}

export function shiftClosedRefusal(
  payload: PayloadOf<'shift.closed'>,
  currency: string,
  window: ClaimWindow,
): ApplyRefusal | null {
  const { shift } = payload;
  const timed = claimedTimeRefusal(shift.closedAt, window, false);
  if (timed) return timed;
  if (shift.closedAt < shift.openedAt) return { code: 'claimed_time_invalid', params: { when: when.beforeOpen } };
  if (shift.float > ceilings.cashMovement) return tooLarge(fields.float, shift.float, ceilings.cashMovement, currency);
  return null;
}
