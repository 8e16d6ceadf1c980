import type { PayloadOf } from '../../shared/sync/mutations';
import type { Queryable } from '../db/sql';
import { moneyWords, sums, when } from './claim-words';
import { CLOCK_SKEW_MS, type ClaimWindow, claimedTimeRefusal } from './claimed-time';
import { STOCK_MOVE_MAX } from './order-checks';
import type { ApplyRefusal } from './platform-domain';

type Refund = PayloadOf<'order.refunded'>;
type Sale = PayloadOf<'order.paid'>;
type Refunded = { amount: number; lines: Map<number, { quantity: number; amount: number }> };

const sumOf = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((sum, item) => sum + value(item), 0);

/** What earlier refunds of the order already gave back, in total and per line. */
async function refundedSoFar(tx: Queryable, storeId: string, orderId: string): Promise<Refunded> {
  const rows = await tx.query<{ body: Refund }>('SELECT body FROM refunds WHERE store_id = $1 AND order_id = $2', [
    storeId,
    orderId,
  ]);
  const refunded: Refunded = { amount: 0, lines: new Map() };
  for (const { body } of rows) {
    refunded.amount += body.refund.amount;
    for (const line of body.lines) {
      const so = refunded.lines.get(line.lineNo) ?? { quantity: 0, amount: 0 };
      refunded.lines.set(line.lineNo, { quantity: so.quantity + line.quantity, amount: so.amount + line.amount });
    }
  }
  return refunded;
}

/** The refund's own figures: its lines and its tenders each make up its amount; its stock comes back in. */
function refundSums(payload: Refund): ApplyRefusal | null {
  const { refund } = payload;
  const mismatch = (what: (typeof sums)[keyof typeof sums]) => ({ code: 'record_sums' as const, params: { what } });
  if (payload.lines.some((line) => line.amount < 0) || sumOf(payload.lines, (line) => line.amount) !== refund.amount) {
    return mismatch(sums.refundLines);
  }
  if (sumOf(payload.tenders, (tender) => tender.amount) !== refund.amount) return mismatch(sums.refundTenders);
  const skus = new Set(payload.lines.map((line) => line.sku));
  const wrong = payload.stock.some(
    (move) => !skus.has(move.sku) || move.kind !== 'refund' || move.quantity < 0 || move.quantity > STOCK_MOVE_MAX,
  );
  return wrong ? mismatch(sums.stock) : null;
}

/**
 * A refund gives back at most what is left of its order: per line, the quantity and net not yet
 * refunded; in all, the order's total less earlier refunds. Judged on the platform's own copy of
 * the sale and of the refunds it already applied.
 */
export async function refundRefusal(
  tx: Queryable,
  storeId: string,
  currency: string,
  payload: Refund,
  sale: Sale,
  window: ClaimWindow,
): Promise<ApplyRefusal | null> {
  const { refund } = payload;
  const timed = claimedTimeRefusal(refund.at, window, false);
  if (timed) return timed;
  if (refund.at < sale.order.paidAt - CLOCK_SKEW_MS) {
    return { code: 'claimed_time_invalid', params: { when: when.beforeOrder } };
  }
  const own = refundSums(payload);
  if (own) return own;
  const before = await refundedSoFar(tx, storeId, refund.orderId);
  for (const line of payload.lines) {
    const sold = sale.lines.find((candidate) => candidate.lineNo === line.lineNo);
    if (!sold || sold.sku !== line.sku) {
      return { code: 'refund_line_unknown', params: { line: line.lineNo, sku: line.sku } };
    }
    const so = before.lines.get(line.lineNo) ?? { quantity: 0, amount: 0 };
    if (so.quantity + line.quantity > sold.quantity || so.amount + line.amount > sold.net) {
      const left = sold.quantity - so.quantity;
      return { code: 'refund_line_over', params: { line: line.lineNo, sku: line.sku, left, quantity: line.quantity } };
    }
  }
  const left = sale.order.total - before.amount;
  if (refund.amount > left) {
    return {
      code: 'refund_over_order',
      params: { amount: moneyWords(refund.amount, currency), left: moneyWords(Math.max(left, 0), currency) },
    };
  }
  return null;
}
